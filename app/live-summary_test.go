//go:build !wasm

package main

import (
	"regexp"
	"strings"
	"testing"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestLiveSummarySaysTheRisks: the summary bar shows the risk-adjusted APY where a risk is
// entered and says "risk not entered" where none is; the instant exit only where a discount is.
func TestLiveSummarySaysTheRisks(t *testing.T) {
	set := defaultSet()
	// Multistaking without its risks: its expected APY is its nominal one, no finding.
	for j := range set.Scenarios[2].Layers {
		set.Scenarios[2].Layers[j].RiskProbability, set.Scenarios[2].Layers[j].RiskLoss = mustDecimal("0"), mustDecimal("0")
	}
	res, err := calc.Evaluate(set, calc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := newLiveSummary().Set(set).Results(res)
	if err := app.NewTestEngine().Load(s); err != nil {
		t.Fatal(err)
	}
	items := regexp.MustCompile(`(?s)<li>.*?</li>`).FindAllString(app.HTMLString(s), -1)
	if len(items) != 3 {
		t.Fatalf("%d scenarios in the summary, want 3", len(items))
	}
	text := func(html string) string {
		return strings.Join(strings.Fields(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(html, " ")), " ")
	}
	for i, want := range []struct{ say, not string }{
		// The text is eval's figure rounded half to even, as the page rounds: 2 places for a
		// percentage, 4 for an amount above 1.
		{"risk-adjusted " + res.Scenarios[0].APYExpected.StringFixedBank(2) + " %", "instant exit"},
		{"instant exit " + res.Scenarios[1].Instant.StringFixedBank(4) + " ETH", "risk not entered"},
		{"risk not entered", "risk-adjusted"},
	} {
		got := text(items[i])
		if !strings.Contains(got, want.say) || strings.Contains(got, want.not) {
			t.Errorf("summary of scenario %d = %q, want %q and no %q", i+1, got, want.say, want.not)
		}
	}
}
