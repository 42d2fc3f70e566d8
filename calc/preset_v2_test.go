package calc_test

import (
	"strings"
	"testing"

	"restakecalc/calc"

	"github.com/shopspring/decimal"
)

// Every version 2 preset carries its sources with dates and lists the figures it could not
// confirm; a reward's or a loop's figures are checked against what the sources say, worked out
// here from the sources' own numbers.

// loopLibrary is a library with one loop preset whose fields are given.
func loopLibrary(fields string) string {
	return `{"checked":"2026-11-25","presets":[],"loops":[{"id":"l","label":"L","date":"2026-01-01",` + fields +
		`,"sources":[{"url":"https://example.org","title":"T","date":"2026-01","dated":"published"}],"notes":"n"}],"stress":[]}`
}

func TestParsePresetsNamesTheBadLoopField(t *testing.T) {
	for _, tt := range []struct {
		fields string
		path   string // the field the first error must name
	}{
		// A loop that borrows 19 times its money at a 90 % threshold is liquidated at entry.
		{`"loop":{"leverage":"20","borrow_apr":"3","liquidation_ltv":"90"},"example":false`, "loops[0].loop.liquidation_ltv"},
		{`"loop":{"leverage":"0.5","borrow_apr":"3","liquidation_ltv":"90"},"example":false`, "loops[0].loop.leverage"},
		{`"loop":{"borrow_apr":"3","liquidation_ltv":"90"},"example":false`, "loops[0].loop.leverage"},
		{`"loop":"5x","example":false`, "loops[0].loop"},
		{`"loop":{"leverage":"2","borrow_apr":"3","liquidation_ltv":"90"},"example":true`, "loops[0].unconfirmed"},
		{`"loop":{"leverage":"2","borrow_apr":"3","liquidation_ltv":"90"},"example":true,"unconfirmed":["apr"]`, "loops[0].unconfirmed[0]"},
	} {
		_, err := calc.ParsePresets([]byte(loopLibrary(tt.fields)))
		fes := calc.FieldErrors(err)
		if len(fes) == 0 || fes[0].Path != tt.path {
			t.Errorf("ParsePresets(loop %s) = %v, want the first error at %q", tt.fields, err, tt.path)
		}
	}
}

func TestParsePresetsTakesARewardAndItsUnconfirmedFigures(t *testing.T) {
	lib, err := calc.ParsePresets([]byte(`{"checked":"2026-11-25","presets":[{"id":"p","label":"P","group":"points","date":"2026-01-01",` +
		`"layer":{"name":"P","apr":"0","reward":{"token":"PTS","per_year":"100","price":"0","sell":"hold"},"preset":"p","note":"one line"},` +
		`"gas":{"entry":0,"exit":0,"claim":0},"sources":[{"url":"https://example.org","title":"T","date":"2026","dated":"published"}],` +
		`"example":true,"unconfirmed":["reward.per_year"],"notes":"n"}],"stress":[]}`))
	if err != nil {
		t.Fatalf("ParsePresets(a points preset) = %v", err)
	}
	r := lib.Presets[0].Base.Reward
	if r == nil || r.Token != "PTS" || r.PerYear.String() != "100" || r.Sell != calc.Hold {
		t.Errorf("reward = %+v, want PTS, 100 a year, held", r)
	}
	// A reward field named where the layer has no reward is refused.
	_, err = calc.ParsePresets([]byte(`{"checked":"2026-11-25","presets":[{"id":"p","label":"P","group":"staking","date":"2026-01-01",` +
		`"layer":{"name":"P","apr":"3","preset":"p","note":"one line"},"gas":{"entry":0,"exit":0,"claim":0},` +
		`"sources":[{"url":"https://example.org","title":"T","date":"2026","dated":"published"}],` +
		`"example":true,"unconfirmed":["reward.price"],"notes":"n"}],"stress":[]}`))
	if fes := calc.FieldErrors(err); len(fes) == 0 || fes[0].Path != "presets[0].unconfirmed[0]" {
		t.Errorf("ParsePresets(reward.price unconfirmed without a reward) = %v, want an error at presets[0].unconfirmed[0]", err)
	}
}

// The shipped version 2 presets: sources dated, unconfirmed figures listed, and points worth 0
// with a note on why.
func TestShippedVersion2Presets(t *testing.T) {
	lib := readLibrary(t)
	rewards, points := 0, 0
	for _, p := range lib.Presets {
		r := p.Base.Reward
		if r == nil {
			continue
		}
		rewards++
		for _, s := range p.Sources {
			if s.Date == "" {
				t.Errorf("preset %s: source %s has no date", p.ID, s.URL)
			}
		}
		if r.Price.IsZero() {
			// A price nobody could confirm is 0 and listed as such, with the reason in the notes.
			if !strings.Contains(strings.Join(p.Unconfirmed, " "), "reward.price") && p.Group != "points" {
				t.Errorf("preset %s: reward price 0 is neither listed as unconfirmed nor a points programme", p.ID)
			}
			if !strings.Contains(p.Notes, "price 0") && !strings.Contains(p.Notes, "price is 0") {
				t.Errorf("preset %s: its notes do not say why the price is 0: %q", p.ID, p.Notes)
			}
		}
		if p.Group == "points" {
			points++
			if !r.Price.IsZero() {
				t.Errorf("points preset %s: price %s, want 0 unless the user guesses", p.ID, r.Price)
			}
		}
		// A layer paid in tokens is a layer the engine runs, on top of staking.
		set := calc.Set{Version: 2, Amount: decimal.NewFromInt(32), Asset: "ETH", Currency: "USD", Days: 365,
			Scenarios: []calc.Scenario{{Name: "s", Layers: []calc.Layer{
				{Name: "staking", APR: decimal.RequireFromString("2.77"), Payout: calc.Compound, Reinvest: true},
				p.Layer(decimal.RequireFromString("2")),
			}}}}
		set.Scenarios[0].Layers[1].Accepts = ""
		if _, err := calc.Evaluate(set, calc.Options{}); err != nil {
			t.Errorf("preset %s on top of staking: Evaluate = %v", p.ID, err)
		}
	}
	if rewards < 4 || points < 2 {
		t.Errorf("%d presets pay in tokens and %d of them are points programmes; want EIGEN, ether.fi's and two points programmes", rewards, points)
	}
	if len(lib.Loops) < 2 {
		t.Errorf("%d loop presets, want Aave's and Morpho's", len(lib.Loops))
	}
	for _, l := range lib.Loops {
		if len(l.Sources) == 0 || l.Notes == "" {
			t.Errorf("loop %s: %d sources, notes %q", l.ID, len(l.Sources), l.Notes)
		}
		if l.Example != (len(l.Unconfirmed) > 0) {
			t.Errorf("loop %s: example %v with unconfirmed %v", l.ID, l.Example, l.Unconfirmed)
		}
		// The loop on a staking layer runs, and a market discount above zero liquidates it.
		set := calc.Set{Version: 2, Amount: decimal.NewFromInt(32), Asset: "ETH", Currency: "USD", Days: 365,
			Scenarios: []calc.Scenario{{Name: "s", Loop: &l.Loop, Layers: []calc.Layer{
				{Name: "staking", APR: decimal.RequireFromString("2.77"), Payout: calc.Compound, Reinvest: true}}}}}
		r, err := calc.Evaluate(set, calc.Options{})
		if err != nil {
			t.Errorf("loop %s: Evaluate = %v", l.ID, err)
			continue
		}
		if d := r.Scenarios[0].LiquidationDiscount; d.Sign() <= 0 || d.GreaterThanOrEqual(decimal.NewFromInt(100)) {
			t.Errorf("loop %s: liquidation discount %s %%, want between 0 and 100", l.ID, d)
		}
	}
}

// The figures of the EIGEN presets, worked out from the numbers their sources give.
func TestShippedRewardFiguresFollowTheirSources(t *testing.T) {
	lib := readLibrary(t)
	net := func(id string) decimal.Decimal {
		p, ok := lib.Preset(id)
		if !ok || p.Base.Reward == nil {
			t.Fatalf("no preset %s with a reward", id)
		}
		hundred := decimal.NewFromInt(100)
		return p.Base.Reward.PerYear.Mul(hundred.Sub(p.Base.Fee)).Div(hundred)
	}
	// EigenLayer: 3 % of 1,691,670,555 EIGEN a year (ether.fi's count of the supply), 90 % of it
	// to stakers, over 4.2 M ETH restaked: 10.87 a year per ETH after the operators' share.
	stakers := decimal.RequireFromString("50750116").Mul(decimal.RequireFromString("0.9")).Div(decimal.RequireFromString("4200000"))
	if got := net("eigenlayer-eigen"); got.Sub(stakers).Abs().GreaterThan(decimal.RequireFromString("0.01")) {
		t.Errorf("EIGEN per ETH a year after the operators' 10 %% = %s, want about %s", got, stakers.Round(3))
	}
	// ether.fi: about 0.185 EIGEN per eETH a week in December 2024 (0.183 to 0.194), all to stakers.
	weekly := decimal.RequireFromString("0.185").Mul(decimal.NewFromInt(365)).Div(decimal.NewFromInt(7))
	if got := net("etherfi-king"); got.Sub(weekly).Abs().GreaterThan(decimal.RequireFromString("0.01")) {
		t.Errorf("ether.fi's EIGEN per eETH a year after its fee = %s, want about %s", got, weekly.Round(2))
	}
	// Points: ether.fi 1,000 a day per ETH, Kelp 10,000 a day per rsETH.
	for id, perDay := range map[string]int64{"etherfi-loyalty-points": 1000, "kelp-miles": 10000} {
		p, _ := lib.Preset(id)
		if p.Base.Reward == nil || !p.Base.Reward.PerYear.Equal(decimal.NewFromInt(perDay*365)) {
			t.Errorf("preset %s: per_year %v, want %d x 365", id, p.Base.Reward, perDay)
		}
	}
	// Morpho's liquidation incentive: min(1.15, 1 / (0.3 x LLTV + 0.7)) - 1, of the debt.
	m, ok := lib.Loop("morpho-weeth-loop")
	if !ok {
		t.Fatal("no loop preset morpho-weeth-loop")
	}
	lltv := m.Loop.LiquidationLTV.Div(decimal.NewFromInt(100))
	lif := decimal.NewFromInt(1).DivRound(decimal.RequireFromString("0.3").Mul(lltv).Add(decimal.RequireFromString("0.7")), 10)
	if want := lif.Sub(decimal.NewFromInt(1)).Mul(decimal.NewFromInt(100)).Round(2); !m.Loop.LiquidationPenalty.Equal(want) {
		t.Errorf("Morpho's penalty at %s %% LLTV = %s %%, want %s %%", m.Loop.LiquidationLTV, m.Loop.LiquidationPenalty, want)
	}
}
