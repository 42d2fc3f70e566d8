package calc

import (
	"fmt"
	"strings"
	"testing"
)

// TestExplainAgreesWithFigures: every figure has an explanation, and its values end in the figure
// as the results document writes it, so what the page explains is what it shows.
func TestExplainAgreesWithFigures(t *testing.T) {
	set, err := Parse(mustRead(t, "testdata/golden/three-ways.json"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Evaluate(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res.Scenarios {
		for _, field := range FigureFields()[1:] { // all but the name
			e, ok := Explain(set, res, i, field)
			if !ok || e.Formula == "" || e.Title == "" {
				t.Errorf("Explain(%d, %s) = %+v, %v", i, field, e, ok)
				continue
			}
			figure, _ := r.Figure(field)
			if field == "lost_expected" || field == "final_expected" {
				continue // its values name both, checked below
			}
			if !strings.Contains(e.Values, figure) {
				t.Errorf("Explain(%d, %s).Values = %q, want it to show %s", i, field, e.Values, figure)
			}
		}
		e, _ := Explain(set, res, i, "final_expected")
		if !strings.Contains(e.Values, r.FinalExpected.String()) || !strings.Contains(e.Values, r.LostExpected.String()) {
			t.Errorf("Explain(%d, final_expected).Values = %q", i, e.Values)
		}
	}
	if _, ok := Explain(set, res, 0, "nonsense"); ok {
		t.Error("Explain(nonsense) = true")
	}
	if _, ok := Explain(set, res, 9, "final"); ok {
		t.Error("Explain(scenario 9) = true")
	}
}

// TestExplainV2: the reward and loop figures have explanations whose values end in the figure,
// and the ledger lines tell of token sales, a day of interest and a liquidation.
func TestExplainV2(t *testing.T) {
	for _, name := range []string{"eigen-rewards", "loop"} {
		set, err := Parse(mustRead(t, "testdata/golden/"+name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		res, err := Evaluate(set, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range res.Scenarios {
			fields := append([]string{}, FigureFields()[1:]...)
			fields = append(fields, LoopFigures()...)
			for j := range r.Layers {
				fields = append(fields, fmt.Sprintf("layers[%d].tokens", j), fmt.Sprintf("layers[%d].token_value", j))
			}
			for _, field := range fields {
				figure, has := r.Figure(field)
				e, ok := Explain(set, res, i, field)
				if ok != has {
					t.Errorf("%s: Explain(%d, %s) = %v, the scenario has the figure: %v", name, i, field, ok, has)
					continue
				}
				if !ok || field == "lost_expected" || field == "final_expected" || (field == "fiat_final" && !r.HasFiat) {
					continue
				}
				if e.Formula == "" || e.Title == "" || !strings.Contains(e.Values, figure) {
					t.Errorf("%s: Explain(%d, %s) = %+v, want it to show %s", name, i, field, e, figure)
				}
			}
		}
	}
	set, _ := Parse(mustRead(t, "testdata/golden/loop.json"))
	res, _ := Evaluate(set, Options{})
	e, _ := Explain(set, res, 2, "final")
	text := strings.Join(e.Lines, "\n")
	for _, want := range []string{"on day 1 trunc(90 × 6 / 36500) = 0.014794520547945205", "day 363: D × 100 ≥ B × 93", "liquidated"} {
		if !strings.Contains(text, want) {
			t.Errorf("Explain(loop 2, final).Lines = \n%s\nwant a line with %q", text, want)
		}
	}
	set, _ = Parse(mustRead(t, "testdata/golden/eigen-rewards.json"))
	res, _ = Evaluate(set, Options{})
	e, _ = Explain(set, res, 1, "final")
	if text := strings.Join(e.Lines, "\n"); !strings.Contains(text, "104 sales") {
		t.Errorf("Explain(eigen 1, final).Lines = \n%s\nwant the 104 sales", text)
	}
}
