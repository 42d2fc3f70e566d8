package calc

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
)

func TestCompoundedAPY(t *testing.T) {
	for _, tt := range []struct{ apr, fee, want string }{
		// ((1 + 3.2 * 0.9 / 36500)^365 - 1) * 100 = 2.92175607874…: the Lido year's APY
		{"3.2", "10", "2.921756"},
		{"0", "10", "0.000000"},
		{"36.5", "100", "0.000000"}, // the protocol keeps everything
	} {
		got := FormatPercent(CompoundedAPY(decimal.RequireFromString(tt.apr), decimal.RequireFromString(tt.fee)))
		if got != tt.want {
			t.Errorf("CompoundedAPY(%s, %s) = %s, want %s", tt.apr, tt.fee, got, tt.want)
		}
	}
}

var cadenceTests = []struct {
	name      string
	layer     string
	days      int
	wantBest  int
	wantFinal string
	wantGain  string
}{
	// Held aside, rewards do not compound: each claim only costs gas. Claiming daily leaves
	// 1 + 10 * (0.001 - 0.0001) = 1.009; once (day 10 or at exit) 1 + 0.01 - 0.0001 = 1.0099.
	// Days 10 and 11 tie; the current (1) is not among them, so the longer wins.
	{"held aside: claim once", `{"name":"a","apr":"36.5","payout":"claim","claim_every":1,"claim_gas":"0.0001","reinvest":false}`,
		10, 11, "1.0099", "0.0009"},
	// Reinvested without gas: claiming daily is compounding daily, the most there is.
	{"reinvested, free: claim daily", `{"name":"a","apr":"36.5","payout":"claim","claim_every":5}`,
		10, 1, "", ""},
}

func TestClaimCadence(t *testing.T) {
	for _, tt := range cadenceTests {
		set, err := Parse([]byte(doc("1", tt.days, "", tt.layer)))
		if err != nil {
			t.Fatal(err)
		}
		c, err := ClaimCadence(set, 0, 0)
		if err != nil {
			t.Fatalf("ClaimCadence(%s) = %v", tt.name, err)
		}
		if c.BestDays != tt.wantBest || !c.Exhaustive || c.Tried != tt.days+1 ||
			(tt.wantFinal != "" && (c.BestFinal.String() != tt.wantFinal || c.Gain.String() != tt.wantGain)) {
			t.Errorf("ClaimCadence(%s) = %+v, want best %d days, final %s, gain %s", tt.name, c, tt.wantBest, tt.wantFinal, tt.wantGain)
		}
	}
	// The search beyond two years still finds the held-aside optimum: a single claim at exit.
	set, _ := Parse([]byte(doc("1", 3650, "", cadenceTests[0].layer)))
	c, err := ClaimCadence(set, 0, 0)
	if err != nil || c.Exhaustive || c.BestDays != 3651 || c.Tried > 700 {
		t.Errorf("ClaimCadence(10 years) = %+v, %v; want 3651 days, not exhaustive, under 700 tries", c, err)
	}
	if _, err := ClaimCadence(set, 0, 1); err == nil {
		t.Error("ClaimCadence of a missing layer = nil error")
	}
}

func TestRiskBudgets(t *testing.T) {
	set, err := Parse([]byte(`{"version":1,"amount":"1","days":1,"scenarios":[
		{"name":"idle","layers":[{"name":"a","apr":"0"}]},
		{"name":"earning","layers":[{"name":"a","apr":"36.5"}]},
		{"name":"risky","layers":[{"name":"a","apr":"0","risk_probability":"1","risk_loss":"10"}]},
		{"name":"wild","layers":[{"name":"a","apr":"1000"},{"name":"b","apr":"1000"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	got, err := RiskBudgets(set)
	if err != nil {
		t.Fatal(err)
	}
	// earning: day 1 ends at 1.001; an extra total loss of p % a year takes trunc(1.001 * p / 36500),
	// which stays at most 0.001 up to p = 36.463536 (1.001 * 36.463536 = 36.499999536).
	// 100 / 36.463536 = 2.74…: "once in 2.7 years".
	want := []string{
		"1: 36.463536 % once in 2.7 years none=false unbounded=false",
		"2: 0 % once in 0 years none=true unbounded=false",
		"3: 100 % once in 1 years none=false unbounded=true",
	}
	for k, rb := range got {
		s := fmt.Sprintf("%d: %s %% once in %s years none=%v unbounded=%v", rb.Scenario, rb.ProbabilityPercent, rb.OnceInYears, rb.None, rb.Unbounded)
		if s != want[k] {
			t.Errorf("RiskBudgets[%d] = %s, want %s", k, s, want[k])
		}
	}
}

// TestSearchesStepByStep runs the searches one ledger run at a time, as the page does: they
// end with the answers of the one-call functions, within the runs they announce, and their
// progress never goes back.
func TestSearchesStepByStep(t *testing.T) {
	set, err := Parse([]byte(`{"version":1,"amount":"1","days":1000,"scenarios":[
		{"name":"idle","layers":[{"name":"a","apr":"1","risk_probability":"1","risk_loss":"10"}]},
		{"name":"earning","layers":[{"name":"a","apr":"3"},{"name":"b","apr":"2","payout":"claim","claim_every":7,"claim_gas":"0.0001","reinvest":false}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	want, err := RiskBudgets(set)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := NewRiskBudgetSearch(set, 1)
	if err != nil {
		t.Fatal(err)
	}
	steps, last := 0, 0
	for !rs.Step() {
		steps++
		runs, most := rs.Progress()
		if runs < last || runs > most || most != RiskBudgetRuns {
			t.Fatalf("RiskBudgetSearch.Progress() = %d, %d after %d runs", runs, most, last)
		}
		last = runs
	}
	got, err := rs.Result()
	if err != nil || fmt.Sprint(got) != fmt.Sprint(want[0]) || steps+1 > RiskBudgetRuns {
		t.Errorf("RiskBudgetSearch = %+v, %v after %d runs; want %+v within %d runs", got, err, steps+1, want[0], RiskBudgetRuns)
	}
	if runs, most := rs.Progress(); runs != most || runs != steps+1 {
		t.Errorf("RiskBudgetSearch.Progress() when over = %d, %d; want %d, %d", runs, most, steps+1, steps+1)
	}
	if _, err := NewRiskBudgetSearch(set, 0); err == nil {
		t.Error("NewRiskBudgetSearch(0) = nil error: the first scenario has no budget against itself")
	}

	wantCadence, err := ClaimCadence(set, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := NewCadenceSearch(set, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cs.Result(); err == nil {
		t.Error("CadenceSearch.Result() before the search is over = nil error")
	}
	lastTried := 0
	for !cs.Step() {
		tried, planned := cs.Progress()
		if tried != lastTried+1 || tried > planned {
			t.Fatalf("CadenceSearch.Progress() = %d, %d after %d tries", tried, planned, lastTried)
		}
		lastTried = tried
	}
	c, err := cs.Result()
	if err != nil || c.BestDays != wantCadence.BestDays || !c.BestFinal.Equal(wantCadence.BestFinal) || c.Tried != wantCadence.Tried {
		t.Errorf("CadenceSearch = %+v, %v; want %+v", c, err, wantCadence)
	}
	if tried, planned := cs.Progress(); tried != planned || tried != c.Tried {
		t.Errorf("CadenceSearch.Progress() when over = %d, %d; want %d, %d", tried, planned, c.Tried, c.Tried)
	}
}
