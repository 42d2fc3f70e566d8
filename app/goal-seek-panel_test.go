package main

import (
	"strings"
	"testing"

	"restakecalc/calc"

	"github.com/shopspring/decimal"
)

// loopedSet is the default scenarios with a reward token on the restaking scenario's EigenLayer
// and a 3x loop on it, as version 2.
func loopedSet() calc.Set {
	s := defaultSet()
	s.Version = 2
	s.Scenarios = append([]calc.Scenario(nil), s.Scenarios...)
	sc := s.Scenarios[1]
	sc.Layers = append([]calc.Layer(nil), sc.Layers...)
	sc.Layers[1].Reward = &calc.Reward{Token: "EIGEN", PerYear: mustDecimal("10"), Price: mustDecimal("0.0003"),
		Sell: calc.SellOnClaim, ClaimEvery: 7}
	sc.Loop = &calc.Loop{Leverage: mustDecimal("3"), BorrowAPR: mustDecimal("2.5"), LiquidationLTV: mustDecimal("93")}
	s.Scenarios[1] = sc
	return s
}

// The fields offered are the scenario's decimal fields in the page's words, the reward's and the
// loop's among them.
func TestGoalFieldsSpeakThePagesWords(t *testing.T) {
	set := loopedSet()
	fields := goalFields(set, draftFromSet(set), 1)
	want := map[string]string{
		"layers[0].apr":              "Layer 1 “Lido”: APR",
		"layers[1].claim_gas":        "Layer 2 “EigenLayer”: " + inputLabelOf(layerInputs, "claim_gas"),
		"layers[1].reward.price":     "Layer 2 “EigenLayer”: EIGEN: " + inputLabelOf(rewardInputs, "price"),
		"loop.borrow_apr":            "Loop: " + inputLabelOf(loopInputs, "borrow_apr"),
		"instant_exit_cost":          inputLabelOf(scenarioInputs, "instant_exit_cost"),
		"layers[1].reward.per_year":  "Layer 2 “EigenLayer”: EIGEN: " + inputLabelOf(rewardInputs, "per_year"),
		"loop.liquidation_ltv":       "Loop: " + inputLabelOf(loopInputs, "liquidation_ltv"),
		"layers[1].risk_probability": "Layer 2 “EigenLayer”: " + inputLabelOf(layerInputs, "risk_probability"),
	}
	got := map[string]string{}
	for _, f := range fields {
		got[f.path] = f.label
		if _, err := set.Scenarios[1].Decimal(f.path); err != nil {
			t.Errorf("offered field %s is not a decimal field of the scenario: %v", f.path, err)
		}
	}
	for path, label := range want {
		if got[path] != label {
			t.Errorf("goalFields label of %s = %q, want %q", path, got[path], label)
		}
	}
	if _, ok := got["layers[0].claim_gas"]; ok {
		t.Error("Lido's claim gas is offered, but its rewards compound")
	}
}

func inputLabelOf[D any](rows []pageInput[D], name string) string {
	in, _ := inputNamed(rows, name)
	return in.labelText()
}

// The loop's question: the borrow rate at which the looped stack ends with what it earns
// unlooped, the unlooped figure taken from the engine on the scenario without its loop.
func TestGoalSeekFindsTheBorrowRateAtWhichALoopStopsPaying(t *testing.T) {
	set := loopedSet()
	r, err := calc.Evaluate(set, calc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var q goalQuestion
	for _, c := range commonGoalQuestions(set, r) {
		if c.field == "loop.borrow_apr" && c.scenario == 1 {
			q = c
		}
	}
	if !q.unlooped || q.scenario != 1 || !strings.Contains(q.words, "stops paying") {
		t.Fatalf("no common question about the loop's borrow rate: %+v", commonGoalQuestions(set, r))
	}
	a := solveGoal(set, q)
	if !a.found {
		t.Fatalf("solveGoal(%+v) = %+v", q, a)
	}
	plain := set
	plain.Scenarios = []calc.Scenario{set.Scenarios[1]}
	plain.Scenarios[0].Loop = nil
	pr, err := calc.Evaluate(plain, calc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.target != calc.FormatAmount(pr.Scenarios[0].Final) {
		t.Errorf("target = %s, want the unlooped final %s", a.target, pr.Scenarios[0].Final)
	}
	// At the rate found the looped stack still reaches the unlooped final; one grid step above
	// it (1e-18 %), it no longer does.
	at := func(rate decimal.Decimal) decimal.Decimal {
		s, err := set.WithDecimal(1, "loop.borrow_apr", rate)
		if err != nil {
			t.Fatal(err)
		}
		r, err := calc.Evaluate(s, calc.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return r.Scenarios[1].Final
	}
	if at(a.value).LessThan(pr.Scenarios[0].Final) || !at(a.value.Add(decimal.New(1, -18))).LessThan(pr.Scenarios[0].Final) {
		t.Errorf("borrow rate %s: final %s, and %s one step above; want the last rate at or above the unlooped %s",
			a.value, at(a.value), at(a.value.Add(decimal.New(1, -18))), pr.Scenarios[0].Final)
	}
}

// A target nothing in the range reaches is said in the page's words, with calc's ends.
func TestGoalSeekSaysWhenNoValueReachesTheTarget(t *testing.T) {
	a := solveGoal(defaultSet(), goalQuestion{scenario: 0, field: "layers[0].fee", match: -1, amount: "1000000"})
	if a.found || !strings.HasPrefix(a.problem, "no value from 0 to 100 reaches the target of 1000000 ETH: over that range the final goes from ") {
		t.Errorf("solveGoal(fee for 1000000 ETH) = %+v", a)
	}
	a = solveGoal(defaultSet(), goalQuestion{scenario: 0, field: "layers[0].entry_gas", match: -1, amount: "1000000"})
	if a.found || !strings.Contains(a.problem, "from 0 to 1000 (the search stops there) reaches") {
		t.Errorf("solveGoal(entry gas for 1000000 ETH) = %+v", a)
	}
	a = solveGoal(defaultSet(), goalQuestion{scenario: 0, field: "layers[0].apr", match: -1, amount: "ten"})
	if a.found || !strings.Contains(a.problem, `you typed "ten"`) {
		t.Errorf("solveGoal(amount ten) = %+v", a)
	}
}
