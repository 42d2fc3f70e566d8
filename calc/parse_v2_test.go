package calc

import (
	"strings"
	"testing"
)

const minimalV2 = `{"version":2,"amount":"1","days":30,"scenarios":[{"name":"x","layers":[{"name":"a","apr":"3"}]}]}`

// withV2 returns minimalV2 with old replaced by new, once.
func withV2(old, new string) string { return strings.Replace(minimalV2, old, new, 1) }

const eigenReward = `"reward":{"token":"EIGEN","per_year":"40","price":"0.0003","claim_every":7}`
const threeXLoop = `"loop":{"leverage":"3","borrow_apr":"2.2","liquidation_ltv":"93"}`

var parseV2ValidTests = []struct {
	name  string
	doc   string
	check func(Set) bool
}{
	// A version 2 file without any version 2 field is read as it says.
	{"version 2 alone", minimalV2, func(s Set) bool { return s.Version == 2 }},
	// A reward: sell defaults to claim; the others to zero.
	{"reward defaults", withV2(`"apr":"3"`, `"apr":"3",`+eigenReward), func(s Set) bool {
		r := s.Scenarios[0].Layers[0].Reward
		return r != nil && r.Token == "EIGEN" && r.PerYear.String() == "40" && r.Price.String() == "0.0003" &&
			r.Sell == SellOnClaim && r.ClaimEvery == 7 && r.PriceGrowth.IsZero() && r.ClaimGas.IsZero() && r.SellCost.IsZero()
	}},
	// Held tokens need no claim interval; a price of 0 is points worth nothing.
	{"hold", withV2(`"apr":"3"`, `"apr":"3","reward":{"token":"PTS","per_year":"365000","price":0,"sell":"hold","price_growth":"-100"}`),
		func(s Set) bool {
			r := s.Scenarios[0].Layers[0].Reward
			return r.Sell == Hold && r.ClaimEvery == 0 && r.Price.IsZero() && r.PriceGrowth.String() == "-100"
		}},
	{"every reward field", withV2(`"apr":"3"`, `"apr":"3","reward":{"token":"KING","per_year":"1e12","price":"1e12","price_growth":"1000","sell":"claim","claim_every":36500,"claim_gas":"0.01","sell_cost":"100"}`),
		func(s Set) bool {
			r := s.Scenarios[0].Layers[0].Reward
			return r.ClaimEvery == 36500 && r.SellCost.String() == "100" && r.ClaimGas.String() == "0.01"
		}},
	// A loop, at its bounds.
	{"loop", withV2(`"layers"`, threeXLoop+`,"layers"`), func(s Set) bool {
		lp := s.Scenarios[0].Loop
		return lp != nil && lp.Leverage.String() == "3" && lp.BorrowAPR.String() == "2.2" &&
			lp.LiquidationLTV.String() == "93" && lp.LiquidationPenalty.IsZero() && lp.EntryCost.IsZero()
	}},
	// An entry_cost of 100 with a leverage of 20 would be liquidated at entry (SPEC section 8.2).
	{"loop bounds", withV2(`"layers"`, `"loop":{"leverage":"20","borrow_apr":"1000","liquidation_ltv":"100","liquidation_penalty":"100","entry_cost":"5"},"layers"`),
		func(s Set) bool { return s.Scenarios[0].Loop.Leverage.String() == "20" }},
	{"loop smallest", withV2(`"layers"`, `"loop":{"leverage":"1","borrow_apr":"0","liquidation_ltv":"0.000000000000000001"},"layers"`),
		func(s Set) bool { return s.Scenarios[0].Loop.LiquidationLTV.String() == "0.000000000000000001" }},
	// null is absent, for objects too.
	{"null reward", withV2(`"apr":"3"`, `"apr":"3","reward":null`), func(s Set) bool { return s.Scenarios[0].Layers[0].Reward == nil }},
}

func TestParseV2Valid(t *testing.T) {
	for _, tt := range parseV2ValidTests {
		s, err := Parse([]byte(tt.doc))
		if err != nil || !tt.check(s) {
			t.Errorf("Parse(%s) = %+v, %v", tt.name, s, err)
			continue
		}
		roundTrip(t, s)
	}
}

var parseV2InvalidTests = []struct {
	name string
	doc  string
	want []string
}{
	// Version 2 fields in a version 1 file: named, with what to do.
	{"reward in version 1", with(`"apr":"3"`, `"apr":"3",`+eigenReward),
		[]string{`scenarios[0].layers[0].reward: is a version 2 field: the file must say "version": 2 to use it (it says 1)`}},
	{"loop in version 1", with(`"layers"`, threeXLoop+`,"layers"`),
		[]string{`scenarios[0].loop: is a version 2 field: the file must say "version": 2 to use it (it says 1)`}},
	// Reward.
	{"claim without interval", withV2(`"apr":"3"`, `"apr":"3","reward":{"token":"EIGEN","per_year":"1","price":"0.0003"}`),
		[]string{`scenarios[0].layers[0].reward.claim_every: is required when sell is "claim": a whole number between 1 and 36500`}},
	{"token is the asset", withV2(`"apr":"3"`, `"apr":"3","reward":{"token":"eth","per_year":"1","price":"1","sell":"hold"}`),
		[]string{`scenarios[0].layers[0].reward.token: must not be ETH, the set's asset: rewards in the asset itself are the layer's apr (got "eth")`}},
	{"token too long", withV2(`"apr":"3"`, `"apr":"3","reward":{"token":"ABCDEFGHIJKLM","per_year":"1","price":"1","sell":"hold"}`),
		[]string{`scenarios[0].layers[0].reward.token: must be text of 1 to 12 characters (got "ABCDEFGHIJKLM")`}},
	{"token empty", withV2(`"apr":"3"`, `"apr":"3","reward":{"token":"","per_year":"1","price":"1","sell":"hold"}`),
		[]string{`scenarios[0].layers[0].reward.token: is required: text of 1 to 12 characters (got "")`}},
	{"reward missing", withV2(`"apr":"3"`, `"apr":"3","reward":{"sell":"hold"}`),
		[]string{`scenarios[0].layers[0].reward.token: is required`, `scenarios[0].layers[0].reward.per_year: is required`,
			`scenarios[0].layers[0].reward.price: is required`}},
	{"sell", withV2(`"apr":"3"`, `"apr":"3","reward":{"token":"X","per_year":"1","price":"1","sell":"never"}`),
		[]string{`scenarios[0].layers[0].reward.sell: must be "claim" or "hold" (got "never")`}},
	{"reward ranges", withV2(`"apr":"3"`, `"apr":"3","reward":{"token":"X","per_year":"-1","price":"1000000000001","price_growth":"-101","sell":"hold","claim_gas":"-0.1","sell_cost":"100.5"}`),
		[]string{`scenarios[0].layers[0].reward.per_year: must be between 0 and 1000000000000 (got "-1")`,
			`scenarios[0].layers[0].reward.price: must be between 0 and 1000000000000 (got "1000000000001")`,
			`scenarios[0].layers[0].reward.price_growth: must be between -100 and 1000 (got "-101")`,
			`scenarios[0].layers[0].reward.claim_gas: must be at least 0 (got "-0.1")`,
			`scenarios[0].layers[0].reward.sell_cost: must be between 0 and 100 (got "100.5")`}},
	{"reward unknown", withV2(`"apr":"3"`, `"apr":"3","reward":{"token":"X","per_year":"1","price":"1","sell":"hold","apr":"3"}`),
		[]string{`scenarios[0].layers[0].reward.apr: is not a field of this format (known: token, per_year, price, price_growth, sell, claim_every, claim_gas, sell_cost)`}},
	{"reward not an object", withV2(`"apr":"3"`, `"apr":"3","reward":"EIGEN"`),
		[]string{`scenarios[0].layers[0].reward: it must be a JSON object (got "EIGEN")`}},
	// Loop.
	{"liquidation at 0", withV2(`"layers"`, `"loop":{"leverage":"2","borrow_apr":"2","liquidation_ltv":"0"},"layers"`),
		[]string{`scenarios[0].loop.liquidation_ltv: must be greater than 0 and at most 100 (got "0")`}},
	{"leverage", withV2(`"layers"`, `"loop":{"leverage":"0.5","borrow_apr":"2","liquidation_ltv":"90"},"layers"`),
		[]string{`scenarios[0].loop.leverage: must be between 1 and 20 (got "0.5")`}},
	{"leverage high", withV2(`"layers"`, `"loop":{"leverage":21,"borrow_apr":"2","liquidation_ltv":"90"},"layers"`),
		[]string{`scenarios[0].loop.leverage: must be between 1 and 20 (got 21)`}},
	{"loop missing", withV2(`"layers"`, `"loop":{},"layers"`),
		[]string{`scenarios[0].loop.leverage: is required`, `scenarios[0].loop.borrow_apr: is required`,
			`scenarios[0].loop.liquidation_ltv: is required`}},
	{"loop text", withV2(`"layers"`, `"loop":{"leverage":"3x","borrow_apr":"2","liquidation_ltv":"90","liquidation_penalty":"101"},"layers"`),
		[]string{`scenarios[0].loop.leverage: must be a number between 1 and 20 (got "3x")`,
			`scenarios[0].loop.liquidation_penalty: must be between 0 and 100 (got "101")`}},
}

func TestParseV2Invalid(t *testing.T) {
	for _, tt := range parseV2InvalidTests {
		_, err := Parse([]byte(tt.doc))
		var got []string
		for _, fe := range FieldErrors(err) {
			got = append(got, fe.Error())
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Parse(%s) =\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// The version 2 golden files are read, and written back as they were read.
func TestParseV2Golden(t *testing.T) {
	for _, name := range []string{"eigen-rewards", "loop"} {
		s := mustParse(t, string(mustRead(t, "testdata/golden/"+name+".json")))
		if s.Version != 2 {
			t.Errorf("Parse(%s).Version = %d, want 2", name, s.Version)
		}
		roundTrip(t, s)
	}
	s := mustParse(t, string(mustRead(t, "testdata/golden/eigen-rewards.json")))
	if r := s.Scenarios[2].Layers[0].Reward; r == nil || r.Token != "PTS" || r.Sell != Hold || r.ClaimGas.String() != "0.001" {
		t.Errorf("eigen-rewards: scenarios[2].layers[0].reward = %+v", r)
	}
	s = mustParse(t, string(mustRead(t, "testdata/golden/loop.json")))
	if lp := s.Scenarios[1].Loop; lp == nil || lp.EntryCost.String() != "0.1" || lp.LiquidationPenalty.String() != "1" {
		t.Errorf("loop: scenarios[1].loop = %+v", lp)
	}
}

// Writing a set that uses a reward or a loop raises its version to 2, so that the file it
// writes can be read back.
func TestMarshalRaisesVersion(t *testing.T) {
	s := mustParse(t, with(`"apr":"3"`, `"apr":"3"`))
	r := Reward{Token: "EIGEN", Sell: Hold}
	s.Scenarios[0].Layers[0].Reward = &r
	b, _ := s.MarshalJSON()
	if !strings.HasPrefix(string(b), `{"version":2,`) {
		t.Errorf("MarshalJSON() = %s, want version 2", b)
	}
	want := `"reward":{"token":"EIGEN","per_year":"0","price":"0","sell":"hold"}`
	if !strings.Contains(string(b), want) {
		t.Errorf("MarshalJSON() = %s, want it to hold %s", b, want)
	}
	roundTrip(t, mustParse(t, string(b)))
}
