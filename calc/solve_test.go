package calc

import (
	"errors"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
)

var gridStep = decimal.New(1, -MaxDecimals)

// solveTests are goal-seek questions whose answers are worked out by hand.
var solveTests = []struct {
	name  string
	doc   string
	goal  Goal
	value string // the answer
}{
	{
		// One day on 1: m(apr) = 1 + trunc(apr / 36500), which reaches 1.001 from apr = 36.5 on;
		// at 36.5 − 10^-18 it is 1 + trunc(0.000999999999999999999972…) = 1.000999999999999999.
		"the APR that reaches an amount",
		v2doc("1", 1, "", `{"name":"a","apr":"1"}`),
		Goal{Field: "layers[0].apr", Match: -1, Amount: decimal.RequireFromString("1.001")},
		"36.5",
	},
	{
		// m(fee) = 1.001 − trunc(0.001 × fee / 100) falls with the fee; it stays at 1.0009 while
		// fee × 10^13 wei < 10^14 + 1, so the largest fee is the grid value below 10 + 10^-13.
		"the largest fee that still reaches an amount",
		v2doc("1", 1, "", `{"name":"a","apr":"36.5"}`),
		Goal{Field: "layers[0].fee", Match: -1, Amount: decimal.RequireFromString("1.0009")},
		"10.000000000000099999",
	},
	{
		// B = L, D = L − 1, no yield and no interest: final = 1 for every leverage the loop
		// survives at entry, 0 (cannot start) from (L − 1) × 100 ≥ L × 90, that is L ≥ 10.
		"a loop liquidated at entry counts as 0",
		v2doc("1", 1, `{"leverage":"2","borrow_apr":"0","liquidation_ltv":"90"}`, `{"name":"a","apr":"0"}`),
		Goal{Field: "loop.leverage", Match: -1, Amount: decimal.NewFromInt(1)},
		"9.999999999999999999",
	},
	{
		// final = 1 − trunc(entry_cost / 100) on one day at apr 0; an entry cost of 100 cannot
		// start (0), so the measure falls. The cost is entry_cost × 10^16 wei, truncated: it stays
		// at most 5 × 10^17 wei (0.5) while entry_cost < 50 + 10^-16.
		"entry costs that use up the amount count as 0",
		v2doc("1", 1, "", `{"name":"a","apr":"0","entry_cost":"1"}`),
		Goal{Field: "layers[0].entry_cost", Match: -1, Amount: decimal.RequireFromString("0.5")},
		"50.000000000000000099",
	},
	{
		// The target is x's final, 1 + trunc(3 / 36500) = 1.000082191780821917. y reaches it once
		// apr / 36500 ≥ 0.000082191780821917, that is apr ≥ 36500 × 0.000082191780821917 =
		// 2.9999999999999705, a grid value: the smallest answer is below 3.
		"a scenario matching another",
		`{"version":2,"amount":"1","days":1,"scenarios":[{"name":"x","layers":[{"name":"a","apr":"3"}]},{"name":"y","layers":[{"name":"a","apr":"9"}]}]}`,
		Goal{Scenario: 1, Field: "layers[0].apr", Match: 0},
		"2.9999999999999705",
	},
}

func TestSolve(t *testing.T) {
	for _, tt := range solveTests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseV2(t, tt.doc)
			sol, err := Solve(s, tt.goal)
			if err != nil {
				t.Fatalf("Solve = %v", err)
			}
			if sol.Value.String() != tt.value {
				t.Errorf("Solve(%s) = %s, want %s", tt.name, sol.Value, tt.value)
			}
			checkCrossing(t, s, sol)
		})
	}
}

// checkCrossing checks a solution against evaluations of its own: the measure at the value
// reaches the target, and one grid step outside (below where it rises, above where it falls)
// it does not, unless the value is the end of the range.
func checkCrossing(t *testing.T, s Set, sol Solution) {
	t.Helper()
	m := func(v decimal.Decimal) (decimal.Decimal, bool) {
		set, err := s.WithDecimal(sol.Scenario, sol.Field, v)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Evaluate(set, Options{})
		var fe *FieldError
		if err != nil && errors.As(err, &fe) && fe.Msg != "" && !isOver(fe) {
			return decimal.Zero, false // cannot start
		}
		if err != nil {
			return decimal.Zero, true
		}
		if sol.Expected {
			return res.Scenarios[sol.Scenario].FinalExpected, false
		}
		return res.Scenarios[sol.Scenario].Final, false
	}
	reaches := func(v decimal.Decimal) bool {
		x, over := m(v)
		return over || x.GreaterThanOrEqual(sol.Target)
	}
	if !reaches(sol.Value) {
		t.Errorf("m(%s) does not reach %s", sol.Value, sol.Target)
	}
	next := sol.Value.Sub(gridStep)
	if !sol.Rising {
		next = sol.Value.Add(gridStep)
	}
	if next.GreaterThanOrEqual(sol.Lo) && next.LessThanOrEqual(sol.Hi) && reaches(next) {
		t.Errorf("m(%s), one step past the answer %s, reaches %s too", next, sol.Value, sol.Target)
	}
}

func isOver(fe *FieldError) bool {
	return len(fe.Msg) > 27 && fe.Msg[:27] == "the projection exceeds 10^3"
}

// TestSolveNoValue: no APR up to 1000 doubles the amount in a day; the error says the range and
// where the measure goes.
func TestSolveNoValue(t *testing.T) {
	s := parseV2(t, v2doc("1", 1, "", `{"name":"a","apr":"1"}`))
	_, err := Solve(s, Goal{Field: "layers[0].apr", Match: -1, Amount: decimal.NewFromInt(2)})
	var nv *NoValueError
	want := "layers[0].apr: no value from 0 to 1000 reaches 2 (it goes from 1 to 1.027397260273972602)"
	if !errors.As(err, &nv) || err.Error() != want {
		t.Errorf("Solve = %v, want %s", err, want)
	}
}

// TestSolveOverLimit: a projection beyond 10^30 counts above every target, so the search still
// ends on a crossing.
func TestSolveOverLimit(t *testing.T) {
	s := parseV2(t, v2doc("1000000000000000", 36500, "", `{"name":"a","apr":"1"}`))
	sol, err := Solve(s, Goal{Field: "layers[0].apr", Match: -1, Amount: decimal.RequireFromString("1e29")})
	if err != nil {
		t.Fatal(err)
	}
	if !sol.Rising {
		t.Errorf("Rising = false, want true")
	}
	checkCrossing(t, s, sol)
}

// TestSolveGolden asks the questions the product answers of the golden sets and checks each
// answer crosses the target.
func TestSolveGolden(t *testing.T) {
	for _, c := range []struct {
		file string
		goal Goal
	}{
		// What EIGEN price makes restaking match staking?
		{"eigen-rewards", Goal{Scenario: 1, Field: "layers[1].reward.price", Match: 0}},
		// What points price makes ether.fi + points match restaking?
		{"eigen-rewards", Goal{Scenario: 2, Field: "layers[0].reward.price", Match: 1}},
		// What borrow rate makes the 3x loop fall back to holding?
		{"loop", Goal{Scenario: 1, Field: "loop.borrow_apr", Match: 0}},
		// What leverage does the 4x loop need to match holding, expected path?
		{"loop", Goal{Scenario: 3, Field: "loop.leverage", Match: 0, Expected: true}},
		// What APR would the claim layer need to reach 33?
		{"claims-and-costs", Goal{Scenario: 0, Field: "layers[0].apr", Match: -1, Amount: decimal.NewFromInt(33)}},
	} {
		s := parseV2(t, string(mustRead(t, "testdata/golden/"+c.file+".json")))
		sol, err := Solve(s, c.goal)
		var nv *NoValueError
		if errors.As(err, &nv) {
			t.Logf("%s %+v: %v", c.file, c.goal, err)
			continue
		}
		if err != nil {
			t.Fatalf("Solve(%s, %+v) = %v", c.file, c.goal, err)
		}
		t.Logf("%s %s = %s (reaches %s, target %s, %d steps)", c.file, c.goal.Field, sol.Value, sol.Reached, sol.Target, sol.Steps)
		checkCrossing(t, s, sol)
	}
}

func ExampleSolve() {
	set, _ := Parse([]byte(`{"version":2,"amount":"10","days":365,"scenarios":[
		{"name":"Staking","layers":[{"name":"Lido","apr":"2.8","fee":"10"}]},
		{"name":"Restaking","layers":[{"name":"Lido","apr":"2.8","fee":"10"},
			{"name":"EigenLayer","apr":"0","reward":{"token":"EIGEN","per_year":"40","price":"0.0003","claim_every":30,"claim_gas":"0.002"}}]}]}`))
	// At what EIGEN price does restaking pay 0.1 ETH more than staking?
	staking, _ := Evaluate(set, Options{})
	target := staking.Scenarios[0].Final.Add(decimal.RequireFromString("0.1"))
	sol, err := Solve(set, Goal{Scenario: 1, Field: "layers[1].reward.price", Match: -1, Amount: target})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("staking ends at", staking.Scenarios[0].Final)
	fmt.Println("EIGEN must be worth", sol.Value, "ETH: restaking then ends at", sol.Reached)
	// Output:
	// staking ends at 10.25519311979362851
	// EIGEN must be worth 0.000306151166762056 ETH: restaking then ends at 10.355193119793628671
}
