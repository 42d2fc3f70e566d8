package calc

import (
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// v2doc returns a version 2 scenario file of one scenario over days with the given loop (a JSON
// object, or "") and layers (JSON objects).
func v2doc(amount string, days int, loop string, layers ...string) string {
	if loop != "" {
		loop = `"loop":` + loop + `,`
	}
	return fmt.Sprintf(`{"version":2,"amount":%q,"days":%d,"scenarios":[{"name":"s",%s"layers":[%s]}]}`,
		amount, days, loop, strings.Join(layers, ","))
}

// ledgerV2Tests are worked out by hand from SPEC section 8; each comment shows the working.
// Token amounts and prices are chosen so that every step is a short decimal.
var ledgerV2Tests = []struct {
	name string
	doc  string
	want map[string]string // results fields as eval writes them; "layers[0].tokens" for layers
}{
	// Reward tokens.
	{
		// B = 1 all along (apr 0); tg = trunc(1 × 365 / 365) = 1 token a day, T = 3 at the exit.
		// P(0) = 1, P(t) = 0 from day 1 (growth −100 %). Exit: v = trunc(3 × 0) = 0, c = 0;
		// 0 > claim_gas 0 is false, so nothing is sold and v = 0 is unclaimed.
		"a token whose price falls 100 %",
		v2doc("1", 3, "", `{"name":"a","apr":"0","reward":{"token":"X","per_year":"365","price":"1","price_growth":"-100","sell":"hold"}}`),
		map[string]string{"final": "1", "gain": "0", "unclaimed": "0", "gas": "0", "costs": "0",
			"layers[0].tokens": "3", "layers[0].token_value": "0"},
	},
	{
		// The same, sold every day: v = trunc(T × 0) = 0 every day, never above the gas 0.
		"a worthless token offered for sale every day",
		v2doc("1", 3, "", `{"name":"a","apr":"0","reward":{"token":"X","per_year":"365","price":"1","price_growth":"-100","claim_every":1}}`),
		map[string]string{"final": "1", "layers[0].tokens": "3", "layers[0].token_value": "0", "gas": "0"},
	},
	{
		// tg = trunc(1 × 36.5 / 365) = 0.1 a day at P = 0.01. Day 2: T = 0.2, v = 0.002, not above
		// the 0.005 gas: skipped. Day 4: T = 0.4, v = 0.004: skipped. Exit: v = 0.004 ≤ 0.005, so
		// 0.004 is unclaimed and nothing is sold.
		"a claim that never covers its gas",
		v2doc("1", 4, "", `{"name":"a","apr":"0","reward":{"token":"X","per_year":"36.5","price":"0.01","claim_every":2,"claim_gas":"0.005"}}`),
		map[string]string{"final": "1", "gas": "0", "unclaimed": "0.004", "instant": "1",
			"layers[0].tokens": "0.4", "layers[0].token_value": "0"},
	},
	{
		// tg = trunc(10 × 36.5 / 365) = 1 token a day at P = 0.5, sold every 2 days into B.
		// Day 2: T = 2, v = 1, c = trunc(1 × 2 / 100) = 0.02, v − c = 0.98 > 0.01: B = 10.97.
		// Days 3, 4: tg = trunc(10.97 × 0.1) = 1.097 each. Day 4: T = 2.194, v = 1.097,
		// c = 0.02194, v − c = 1.07506: B = 10.97 + 1.06506 = 12.03506.
		// token_value = 0.98 + 1.07506; costs = 0.02 + 0.02194; gas = 2 × 0.01.
		"tokens sold on claim at a constant price, reinvested",
		v2doc("10", 4, "", `{"name":"a","apr":"0","reward":{"token":"X","per_year":"36.5","price":"0.5","claim_every":2,"claim_gas":"0.01","sell_cost":"2"}}`),
		map[string]string{"final": "12.03506", "gas": "0.02", "costs": "0.04194",
			"layers[0].tokens": "4.194", "layers[0].token_value": "2.05506"},
	},
	{
		// Sold into H instead: B stays 10, so T = 2 on days 2 and 4: v = 1, c = 0.02, 0.97 to H
		// each time: final = 10 + 1.94.
		"tokens sold on claim at a constant price, held aside",
		v2doc("10", 4, "", `{"name":"a","apr":"0","reinvest":false,"reward":{"token":"X","per_year":"36.5","price":"0.5","claim_every":2,"claim_gas":"0.01","sell_cost":"2"}}`),
		map[string]string{"final": "11.94", "gas": "0.02", "costs": "0.04",
			"layers[0].tokens": "4", "layers[0].token_value": "1.96"},
	},
	{
		// Held: T = 4 at the exit, v = 2, c = 0.04, v − c = 1.96 > 0.01: H = 1.95, one gas.
		// At a constant price holding pays one gas instead of two, but earns on no sale.
		"the same tokens held to the horizon",
		v2doc("10", 4, "", `{"name":"a","apr":"0","reward":{"token":"X","per_year":"36.5","price":"0.5","sell":"hold","claim_gas":"0.01","sell_cost":"2"}}`),
		map[string]string{"final": "11.95", "gas": "0.01", "costs": "0.04", "instant": "11.95",
			"layers[0].tokens": "4", "layers[0].token_value": "1.96"},
	},
	{
		// 1 + growth = 1.61051 = 1.1^5, so P(73) = 2 × 1.61051^(73/365) = 2 × 1.1 = 2.2: a fifth of a
		// year, a fractional power with an exact value. T = 73 × 1; v = 73 × 2.2 = 160.6.
		"a fractional price path with a short value",
		v2doc("1", 73, "", `{"name":"a","apr":"0","reward":{"token":"X","per_year":"365","price":"2","price_growth":"61.051","sell":"hold"}}`),
		map[string]string{"final": "161.6", "layers[0].tokens": "73", "layers[0].token_value": "160.6"},
	},
	{
		// P(219) = 4^(219/365) = 4^(3/5) = 2.29739670999407001359725…, rounded half to even to 18
		// places 2.297396709994070014 (truncated it would end in 13). T = 219 × trunc(1 × 3.65 /
		// 365) = 2.19; v = trunc(2.19 × 2.297396709994070014) = trunc(5.03129879488701333066).
		"a fractional price path rounded half to even",
		v2doc("1", 219, "", `{"name":"a","apr":"0","reward":{"token":"X","per_year":"3.65","price":"1","price_growth":"300","sell":"hold"}}`),
		map[string]string{"final": "6.03129879488701333", "layers[0].token_value": "5.03129879488701333",
			"layers[0].tokens": "2.19"},
	},
	{
		// The layer's fee takes its share of the tokens too: tg = 1, tf = trunc(1 × 10 / 100) = 0.1.
		"the layer's fee on tokens",
		v2doc("1", 2, "", `{"name":"a","apr":"0","fee":"10","reward":{"token":"X","per_year":"365","price":"0","sell":"hold"}}`),
		map[string]string{"final": "1", "layers[0].tokens": "1.8", "layers[0].token_value": "0", "fees": "0"},
	},

	// Loops.
	{
		// leverage 1: D = trunc(1 × 0) = 0: no interest, no liquidation, a discount of 100 (no
		// debt), and the figures of the same layer without a loop: 1.001, 1.002001.
		"leverage 1",
		v2doc("1", 2, `{"leverage":"1","borrow_apr":"50","liquidation_ltv":"80"}`, `{"name":"a","apr":"36.5"}`),
		map[string]string{"final": "1.002001", "debt": "0", "interest": "0", "liquidated_day": "0",
			"liquidation_discount": "100.000000", "costs": "0"},
	},
	{
		// B = 2, D = 1. Each day B earns 0.05 % of the day's base, D grows 0.1 %:
		// day 1: B = 2.001, D = 1.001; 100.1 < 2.001 × 50.05 = 100.15005
		// day 2: B = 2.001 + trunc(2.001 × 0.0005) = 2.0020005, D = 1.002001;
		//        100.2001 < 2.0020005 × 50.05 = 100.200125025
		// day 3: B = 2.0020005 + 0.00100100025 = 2.00300150025, D = 1.003003001;
		//        100.3003001 ≥ 2.00300150025 × 50.05 = 100.2502250875125: liquidated on day 3.
		//        penalty = trunc(1.003003001 × 5 / 100) = 0.05015015005;
		//        B = 2.00300150025 − 1.003003001 − 0.05015015005 = 0.9498483492, D = 0
		// day 4: B = 0.9498483492 + trunc(0.9498483492 × 0.0005) = 0.9503232733746
		"a borrow rate above the yield until liquidated",
		v2doc("1", 4, `{"leverage":"2","borrow_apr":"36.5","liquidation_ltv":"50.05","liquidation_penalty":"5"}`,
			`{"name":"a","apr":"18.25"}`),
		map[string]string{"final": "0.9503232733746", "debt": "0", "interest": "0.003003001",
			"liquidated_day": "3", "liquidation_discount": "0.000000", "instant": "0.9503232733746"},
	},
	{
		// B = 10, D = 9; 900 < 10 × 90.01 at entry. Day 1: D = 9.009; 900.9 ≥ 900.1: liquidated.
		// The penalty of 100 % is 9.009: B = max(0, 10 − 9.009 − 9.009) = 0.
		"a liquidation penalty larger than what is left",
		v2doc("1", 2, `{"leverage":"10","borrow_apr":"36.5","liquidation_ltv":"90.01","liquidation_penalty":"100"}`,
			`{"name":"a","apr":"0"}`),
		map[string]string{"final": "0", "gain": "-1", "apy": "-100.000000", "liquidated_day": "1",
			"interest": "0.009", "debt": "0", "instant": "0"},
	},
	{
		// B = 5, D = 4, no interest. Day 1: b claims trunc(5 × 0.001) = 0.005 into H.
		// Exit: pre = 5, exit cost trunc(5 × 30 / 100) = 1.5, B = 3.5; repaid min(4, 3.5): B = 0.
		// final = 0 + H = 0.005 (the lender loses 0.5). instant = trunc(5) − 4 + 0.005 = 1.005.
		// discount: D / B = 4 / 5 every day: (1 − 400 / (5 × 90)) × 100 = 11.1111…
		"an exit whose costs leave less than the debt",
		v2doc("1", 1, `{"leverage":"5","borrow_apr":"0","liquidation_ltv":"90"}`,
			`{"name":"a","apr":"0","exit_cost":"30"}`,
			`{"name":"b","apr":"36.5","payout":"claim","claim_every":1,"reinvest":false}`),
		map[string]string{"final": "0.005", "debt": "4", "costs": "1.5", "instant": "1.005",
			"liquidated_day": "0", "liquidation_discount": "11.111111"},
	},
	{
		// B = 1 − 0.1 gas = 0.9 → D = trunc(0.9 × 1.5) = 1.35, c = trunc(1.35 × 1 / 100) = 0.0135,
		// B = 0.9 + 1.35 − 0.0135 = 2.2365. Exit: D repaid: final = 2.2365 − 1.35 = 0.8865.
		// costs = 0.0135; instant = trunc(2.2365 × 100 / 100) − 1.35 = 0.8865.
		"the loop after the layers' entry, and its own entry cost",
		v2doc("1", 1, `{"leverage":"2.5","borrow_apr":"0","liquidation_ltv":"90","entry_cost":"1"}`,
			`{"name":"a","apr":"0","entry_gas":"0.1"}`),
		map[string]string{"final": "0.8865", "gas": "0.1", "costs": "0.0135", "debt": "1.35",
			"instant": "0.8865"},
	},
}

func TestLedgerV2(t *testing.T) {
	for _, tt := range ledgerV2Tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Evaluate(parseV2(t, tt.doc), Options{})
			if err != nil {
				t.Fatalf("Evaluate = %v", err)
			}
			r := res.Scenarios[0]
			for field, want := range tt.want {
				got, ok := r.Figure(field)
				if !ok || got != want {
					t.Errorf("Run(%s).%s = %s (%v), want %s", tt.name, field, got, ok, want)
				}
			}
		})
	}
}

// TestLiquidationDiscountClosedForm: where the yield outgrows the interest, the smallest
// liquidating discount is the one at entry, which without a loop entry cost is
// 1 − (L − 1) / L × 100 / ltv (computed here in exact rationals, not by the engine).
func TestLiquidationDiscountClosedForm(t *testing.T) {
	for _, c := range []struct{ leverage, ltv string }{
		{"3", "80"}, {"4", "93"}, {"1.5", "50"}, {"20", "96"}, {"2.75", "77.5"}, {"1.000000000000000001", "1"},
	} {
		doc := v2doc("1", 365, fmt.Sprintf(`{"leverage":%q,"borrow_apr":"2","liquidation_ltv":%q}`, c.leverage, c.ltv),
			`{"name":"a","apr":"10"}`)
		s := parseV2(t, doc)
		res, err := Evaluate(s, Options{})
		if err != nil {
			t.Fatalf("leverage %s, ltv %s: %v", c.leverage, c.ltv, err)
		}
		l, ltv := decimal.RequireFromString(c.leverage).Rat(), decimal.RequireFromString(c.ltv).Rat()
		x := new(big.Rat).Sub(l, big.NewRat(1, 1))
		x.Quo(x, l)
		x.Mul(x, new(big.Rat).Quo(big.NewRat(100, 1), ltv))
		x.Sub(big.NewRat(1, 1), x)
		x.Mul(x, big.NewRat(100, 1))
		want := x.FloatString(6)
		if got, _ := res.Scenarios[0].Figure("liquidation_discount"); got != want {
			t.Errorf("liquidation_discount(leverage %s, ltv %s) = %s, want %s", c.leverage, c.ltv, got, want)
		}
	}
}

// TestLoopLiquidatedAtEntry: a loop that is liquidated before its first day is refused, naming
// the liquidation_ltv: B = 1, D = 19, B = 20 and 1900 ≥ 20 × 90.
func TestLoopLiquidatedAtEntry(t *testing.T) {
	doc := func(ltv string) string {
		return v2doc("1", 30, `{"leverage":"20","borrow_apr":"2","liquidation_ltv":"`+ltv+`"}`, `{"name":"L","apr":"3"}`)
	}
	_, err := Parse([]byte(doc("90")))
	fes := FieldErrors(err)
	if len(fes) != 1 || fes[0].Error() != `scenarios[0].loop.liquidation_ltv: the loop is liquidated at entry (got "90")` {
		t.Errorf("Parse = %v, want the loop liquidated at entry", err)
	}
	// 1900 ≥ 20 × 95 is still liquidated; 1900 < 20 × 95.01 is not.
	if _, err := Parse([]byte(doc("95"))); err == nil {
		t.Errorf("Parse(ltv 95) = nil error, want the loop liquidated at entry")
	}
	s := parseV2(t, doc("95.01"))
	s.Scenarios[0].Loop = &Loop{Leverage: decimal.NewFromInt(20), BorrowAPR: decimal.NewFromInt(2), LiquidationLTV: decimal.NewFromInt(95)}
	if err := s.Validate(); err == nil {
		t.Errorf("Validate(ltv 95) = nil, want the loop liquidated at entry")
	}
}

// TestSeriesV2: the day's value counts the waiting tokens at the day's price and subtracts the
// debt (SPEC sections 8.1 and 8.2).
func TestSeriesV2(t *testing.T) {
	for _, c := range []struct{ name, doc, want string }{
		{
			// T = 1 on day 1 at 0.5; sold on day 2 (B = 10.97); T = 1.097 on day 3, worth 0.5485;
			// sold on day 4 (B = 12.03506).
			"tokens at the day's price",
			v2doc("10", 4, "", `{"name":"a","apr":"0","reward":{"token":"X","per_year":"36.5","price":"0.5","claim_every":2,"claim_gas":"0.01","sell_cost":"2"}}`),
			"1:10.5 2:10.97 3:11.5185 4:12.03506",
		},
		{
			// B − D: 2.001 − 1.001; 2.0020005 − 1.002001; liquidated on day 3, D = 0 after.
			"the debt subtracted",
			v2doc("1", 4, `{"leverage":"2","borrow_apr":"36.5","liquidation_ltv":"50.05","liquidation_penalty":"5"}`, `{"name":"a","apr":"18.25"}`),
			"1:1 2:0.9999995 3:0.9498483492 4:0.9503232733746",
		},
		{
			// P(t) = 4^(t/365) from day 1, T = 0.01 t: the value at 73 is 1 + trunc(0.73 × 1.319507910772894259).
			"a fractional price path",
			v2doc("1", 73, "", `{"name":"a","apr":"0","reward":{"token":"X","per_year":"3.65","price":"1","price_growth":"300","sell":"hold"}}`),
			"73:1.963240774864212809",
		},
	} {
		res, err := Evaluate(parseV2(t, c.doc), Options{Series: true})
		if err != nil {
			t.Fatal(err)
		}
		got := seriesText(res.Scenarios[0].Series)
		if c.name == "a fractional price path" {
			got = seriesText(res.Scenarios[0].Series[72:])
		}
		if got != c.want {
			t.Errorf("Series(%s) = %s, want %s", c.name, got, c.want)
		}
	}
}

// TestSeriesV2Sampled: the sampled series, the full one and the break-even comparison all read
// the same prices, whichever days they step by.
func TestSeriesV2Sampled(t *testing.T) {
	s := parseV2(t, `{"version":2,"amount":"3","days":1000,"scenarios":[
		{"name":"a","layers":[{"name":"a","apr":"3"}]},
		{"name":"b","loop":{"leverage":"3","borrow_apr":"2.5","liquidation_ltv":"90"},"layers":[{"name":"a","apr":"3",
			"reward":{"token":"X","per_year":"7.3","price":"0.0123","price_growth":"-37.7","sell":"hold"}},
			{"name":"b","apr":"1","reward":{"token":"Y","per_year":"100","price":"0.0007","price_growth":"155","claim_every":9,"claim_gas":"0.0001"}}]}]}`)
	full, err := Evaluate(s, Options{Series: true, BreakEven: true})
	if err != nil {
		t.Fatal(err)
	}
	sampled, err := Evaluate(s, Options{Series: true, SeriesPoints: 97})
	if err != nil {
		t.Fatal(err)
	}
	fs := full.Scenarios[1].Series
	for _, p := range sampled.Scenarios[1].Series {
		if !fs[p.Day-1].Value.Equal(p.Value) {
			t.Errorf("sampled day %d = %s, full series says %s", p.Day, p.Value, fs[p.Day-1].Value)
		}
	}
	// Each day's token value on its own, priced with the rational power of whole years.
	plain, _ := Evaluate(s, Options{})
	if !plain.Scenarios[1].Final.Equal(full.Scenarios[1].Final) {
		t.Errorf("final with series %s, without %s", full.Scenarios[1].Final, plain.Scenarios[1].Final)
	}
}

// TestPricePath: P(t) stepped by any interval equals P(t) computed on its own, and whole years
// are exact: 0.0123 × 0.388129 = 0.0047739867 at day 730.
func TestPricePath(t *testing.T) {
	p := newPricePath(decimal.RequireFromString("0.0123"), decimal.RequireFromString("-37.7"), 1000)
	for _, step := range []int{1, 7, 30, 365, 400} {
		for k, w := range p.every(step) {
			if a := p.at(k * step); a != w {
				t.Errorf("every(%d)[%d] = %v, at(%d) = %v", step, k, w.v.Dec(), k*step, a.v.Dec())
			}
		}
	}
	if got := p.at(730); got.v.Dec() != "4773986700000000" {
		t.Errorf("P(730) = %s wei, want 4773986700000000", got.v.Dec())
	}
}

// parseV2 reads a version 2 scenario file for the ledger tests.
func parseV2(t testing.TB, doc string) Set {
	t.Helper()
	s, err := Parse([]byte(doc))
	if err != nil {
		t.Fatalf("Parse = %v", err)
	}
	return s
}

// TestBenchmarkSetsV2 keeps the benchmarks' sets meaningful: they parse, run, sell, hold, loop
// and stay clear of liquidation and the projection limit.
func TestBenchmarkSetsV2(t *testing.T) {
	for _, doc := range []string{standardSetV2JSON, worstSetV2JSON()} {
		s := parseV2(t, doc)
		res, err := Evaluate(s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		loops, sales := 0, 0
		for _, r := range res.Scenarios {
			if r.HasLoop {
				loops++
				if r.LiquidatedDay != 0 || r.Debt.IsZero() {
					t.Errorf("%s: liquidated on day %d, debt %s", r.Name, r.LiquidatedDay, r.Debt)
				}
			}
			for _, l := range r.Layers {
				sales += l.Sales
			}
		}
		if loops == 0 || sales == 0 {
			t.Errorf("%d loops, %d token sales; want both", loops, sales)
		}
	}
}

// TestNoAllocationPerDayV2: a run with rewards and a loop allocates the same whatever the horizon.
func TestNoAllocationPerDayV2(t *testing.T) {
	for _, i := range []int{0, 1} { // the loop; the reward
		allocs := func(days int) float64 {
			set := parseV2(t, strings.Replace(standardSetV2JSON, `"days":3650`, fmt.Sprintf(`"days":%d`, days), 1))
			lg, err := newLedger(set, i)
			if err != nil {
				t.Fatal(err)
			}
			return testing.AllocsPerRun(5, func() { lg.run(runOptions{expected: true, discount: true}) })
		}
		if short, long := allocs(10), allocs(36500); long != short {
			t.Errorf("scenario %d: allocations of one run: %v for 10 days, %v for 36500 days; want the same", i, short, long)
		}
	}
}

// TestProjectionLimitV2: waiting tokens count toward the 10^30 bound at the day's price.
func TestProjectionLimitV2(t *testing.T) {
	for _, c := range []struct{ name, doc, want string }{
		{
			// tg = trunc(10^15 × 10^12 / 365) ≈ 2.74 × 10^24 tokens at 10^12 each on day 1.
			"worth too much on day 1",
			v2doc("1000000000000000", 10, "", `{"name":"a","apr":"0","reward":{"token":"X","per_year":"1000000000000","price":"1000000000000","sell":"hold"}}`),
			"scenarios[0]: the projection exceeds 10^30 ETH by day 1",
		},
		{
			// T(t) = t × 0.00273972602739726, P(t) = 10^12 × 11^(t / 365): 1 + trunc(T × P) first
			// exceeds 10^30 on day 5886 (1.0024 × 10^30; worked out with 120-digit decimals).
			"the price grows past the bound",
			v2doc("1", 7000, "", `{"name":"a","apr":"0","reward":{"token":"X","per_year":"1","price":"1000000000000","price_growth":"1000","sell":"hold"}}`),
			"scenarios[0]: the projection exceeds 10^30 ETH by day 5886",
		},
	} {
		_, err := Evaluate(parseV2(t, c.doc), Options{})
		if err == nil || err.Error() != c.want {
			t.Errorf("Evaluate(%s) = %v, want %s", c.name, err, c.want)
		}
	}
}

// TestPricePathValues compares P(t) with values worked out independently with 200-digit decimals
// (Python's decimal: price × exp(ln(1 + growth / 100) × t / 365), rounded half to even).
func TestPricePathValues(t *testing.T) {
	for _, c := range []struct {
		price, growth string
		t             int
		want          string // wei; "huge" beyond 2^256 wei
	}{
		{"0.0003", "-30", 7, "297954900147627"},
		{"0.0003", "-30", 364, "210205310539250"},
		{"0.0003", "-30", 371, "208772341040745"},
		{"0.000000004", "155", 1, "4010271723"},
		{"2.5", "-99.999", 100, "106678523212964096"},
		{"1000000", "1000", 36499, "huge"}, // 1.369 × 10^113 units
	} {
		p := newPricePath(decimal.RequireFromString(c.price), decimal.RequireFromString(c.growth), 36500)
		for _, step := range []int{1, c.t} {
			var w priceWei
			if step == 1 && c.t > 1000 {
				w = p.at(c.t)
			} else {
				w = p.every(step)[c.t/step]
			}
			got := w.v.Dec()
			if w.huge {
				got = "huge"
			}
			if got != c.want {
				t.Errorf("P(%d) of %s at %s %% (step %d) = %s wei, want %s", c.t, c.price, c.growth, step, got, c.want)
			}
		}
	}
}
