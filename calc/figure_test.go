package calc

import (
	"slices"
	"strings"
	"testing"
)

// TestFiguresAreTheResultsDocuments: the figures are the results document's names, in its
// order, and the results document's JSON names have not changed with them.
func TestFiguresAreTheResultsDocuments(t *testing.T) {
	var names []string
	for _, f := range Figures() {
		names = append(names, string(f))
	}
	// SPEC section 4, as the golden results files spell them.
	want := []string{"kind", "final", "final_expected", "gain", "apy", "apy_expected", "fees", "gas",
		"costs", "lost_expected", "unclaimed", "instant", "liquid_day", "p_loss", "fiat_final"}
	if !slices.Equal(names, want) {
		t.Errorf("Figures() = %q, want %q", names, want)
	}
	if !slices.Equal(FigureFields()[1:], want) {
		t.Errorf("FigureFields()[1:] = %q, want %q", FigureFields()[1:], want)
	}
	golden := string(mustRead(t, "testdata/golden/three-ways.want"))
	for _, name := range want {
		if !strings.Contains(golden, `"`+name+`":`) {
			t.Errorf("the golden results have no %q", name)
		}
	}
	f := Figures()
	f[0] = "changed"
	if Figures()[0] != FigureKind {
		t.Errorf("Figures() shares its slice with its callers")
	}
}

// figureTitleTests are the titles readers see; each figure has one, and no two share one.
var figureTitleTests = []struct {
	figure Figure
	title  string
	unit   Unit
}{
	{FigureKind, "Kind", UnitNone},
	{FigureFinal, "Final amount", UnitAsset},
	{FigureFinalExpected, "Expected final amount", UnitAsset},
	{FigureAPYExpected, "Expected APY", UnitPercent},
	{FigureFees, "Protocol fees", UnitAsset},
	{FigureCosts, "Swap costs", UnitAsset},
	{FigureUnclaimed, "Unclaimed rewards", UnitAsset},
	{FigureInstant, "Instant exit value", UnitAsset},
	{FigureLiquidDay, "Money back on day", UnitDay},
	{FigurePLoss, "Chance of a loss event", UnitPercent},
	{FigureFiatFinal, "Final value in fiat", UnitFiat},
	{FigureBestClaimEvery, "Best claim interval", UnitDays},
	{"nonsense", "nonsense", UnitNone},
}

func TestFigureTitle(t *testing.T) {
	for _, tt := range figureTitleTests {
		if got := tt.figure.Title(); got != tt.title {
			t.Errorf("Figure(%q).Title() = %q, want %q", tt.figure, got, tt.title)
		}
		if got := tt.figure.Unit(); got != tt.unit {
			t.Errorf("Figure(%q).Unit() = %v, want %v", tt.figure, got, tt.unit)
		}
	}
	seen := map[string]Figure{}
	all := append(Figures(), FigureLayerGross, FigureLayerFee, FigureLayerNet,
		FigureBreakEvenDay, FigureRiskBudget, FigureBestClaimEvery)
	for _, f := range all {
		title := f.Title()
		if title == string(f) {
			t.Errorf("Figure(%q) has no title", f)
		}
		if other, ok := seen[title]; ok {
			t.Errorf("Figure(%q) and Figure(%q) are both titled %q", f, other, title)
		}
		seen[title] = f
	}
	if got := FigureLayerGross.OfLayer(2); got != "layers[2].gross" {
		t.Errorf("FigureLayerGross.OfLayer(2) = %q, want %q", got, "layers[2].gross")
	}
}

// The explanations carry the same titles as everything else.
func TestExplainTitles(t *testing.T) {
	set, err := Parse(mustRead(t, "testdata/golden/three-ways.json"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Evaluate(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range Figures() {
		if e, _ := Explain(set, res, 0, string(f)); e.Title != f.Title() {
			t.Errorf("Explain(0, %s).Title = %q, want %q", f, e.Title, f.Title())
		}
	}
}
