package calc

import (
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
