package calc

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// doc returns a scenario file of one scenario over days with the given layers (JSON objects)
// and extra set fields (JSON members).
func doc(amount string, days int, extra string, layers ...string) string {
	return fmt.Sprintf(`{"version":1,"amount":%q,"days":%d%s,"scenarios":[{"name":"s","layers":[%s]}]}`,
		amount, days, extra, strings.Join(layers, ","))
}

// ledgerTests are worked out by hand from SPEC section 3; each comment shows the working.
var ledgerTests = []struct {
	name string
	doc  string
	want map[string]string // results fields, as eval writes them; "layers[0].gross" for layers
}{
	// Compounding and truncation.
	{
		// day 1: gross = trunc(1 * 36.5 / 36500) = 0.001, fee 0.0001, net 0.0009, B = 1.0009
		// day 2: gross = trunc(1.0009 * 0.001) = 0.0010009, fee = 0.00010009, net = 0.00090081
		"two days with a fee",
		doc("1", 2, "", `{"name":"a","apr":"36.5","fee":"10"}`),
		map[string]string{"final": "1.00180081", "gain": "0.00180081", "fees": "0.00020009",
			"layers[0].gross": "0.0020009", "layers[0].fee": "0.00020009", "layers[0].net": "0.00180081",
			"kind": "staking", "liquid_day": "2"},
	},
	{
		// 1 wei * 1000 / 36500 = 2.7e-20: truncated to nothing, every day.
		"one wei earns nothing",
		doc("0.000000000000000001", 3, "", `{"name":"a","apr":"1000"}`),
		map[string]string{"final": "0.000000000000000001", "gain": "0", "apy": "0.000000"},
	},
	{
		// trunc(1.000000000000000001 * 3.65 / 36500) = trunc(0.0001000000000000001) = 0.0001
		"18 decimal places in, the 22nd truncated",
		doc("1.000000000000000001", 1, "", `{"name":"a","apr":"3.65"}`),
		map[string]string{"final": "1.000100000000000001"},
	},
	{
		// one day: 1.001, so the APY is (1.001^365 - 1) * 100 = 44.02513134295783613...
		"one-day horizon",
		doc("1", 1, "", `{"name":"a","apr":"36.5"}`),
		map[string]string{"final": "1.001", "apy": "44.025131", "liquid_day": "1"},
	},
	{
		// 100 years at 0 %: nothing moves.
		"100-year horizon at zero",
		doc("5", 36500, "", `{"name":"a","apr":"0"}`),
		map[string]string{"final": "5", "final_expected": "5", "apy": "0.000000", "liquid_day": "36500"},
	},
	{
		// eight layers, each trunc(1 * 36.5 / 36500) = 0.001 on the same base
		"eight layers on one balance",
		doc("1", 1, "",
			`{"name":"a","apr":"36.5"}`, `{"name":"b","apr":"36.5"}`, `{"name":"c","apr":"36.5"}`,
			`{"name":"d","apr":"36.5"}`, `{"name":"e","apr":"36.5"}`, `{"name":"f","apr":"36.5"}`,
			`{"name":"g","apr":"36.5"}`, `{"name":"h","apr":"36.5"}`),
		map[string]string{"final": "1.008", "kind": "multistaking", "layers[7].net": "0.001"},
	},

	// Claims.
	{
		// U grows 0.001 a day and never passes the 0.01 gas: after 5 days 0.005 is left unclaimed.
		"claims that never cover their gas",
		doc("1", 5, "", `{"name":"a","apr":"36.5","payout":"claim","claim_every":1,"claim_gas":"0.01"}`),
		map[string]string{"final": "1", "gain": "0", "gas": "0", "unclaimed": "0.005", "instant": "1",
			"layers[0].net": "0.005"},
	},
	{
		// days 2 and 4: U = 0.002 > 0.0005, pay 0.0005, hold 0.0015; H = 0.003, gas 0.001
		"claims held aside",
		doc("1", 4, "", `{"name":"a","apr":"36.5","payout":"claim","claim_every":2,"claim_gas":"0.0005","reinvest":false}`),
		map[string]string{"final": "1.003", "gas": "0.001", "unclaimed": "0", "instant": "1.003"},
	},
	{
		// daily claims without gas compound exactly like a compounding layer: 1.001, then 1.002001
		"daily claims without gas compound",
		doc("1", 2, "", `{"name":"a","apr":"36.5","payout":"claim","claim_every":1}`),
		map[string]string{"final": "1.002001"},
	},
	{
		// no claim day in 3 days; at exit U = 0.003 > 0.0001: gas 0.0001, 0.0029 to H
		"claim interval beyond the horizon",
		doc("1", 3, "", `{"name":"a","apr":"36.5","payout":"claim","claim_every":100,"claim_gas":"0.0001"}`),
		map[string]string{"final": "1.0029", "gas": "0.0001", "unclaimed": "0"},
	},

	// Entry and exit.
	{
		// B = 10 - 1 = 9; cost trunc(9 * 10 / 100) = 0.9; B = 8.1
		"entry gas then entry cost",
		doc("10", 1, "", `{"name":"a","apr":"0","entry_gas":"1","entry_cost":"10"}`),
		map[string]string{"final": "8.1", "gas": "1", "costs": "0.9", "gain": "-1.9"},
	},
	{
		// exit cost 100 %: B = 0, final 0, APY -100; selling instantly at no discount keeps 1
		"exit costs eat the whole balance",
		doc("1", 1, "", `{"name":"a","apr":"0","exit_cost":"100"}`),
		map[string]string{"final": "0", "costs": "1", "apy": "-100.000000", "gain": "-1", "instant": "1"},
	},
	{
		// exit gas 5 on a balance of 1: min(5, 1) = 1 is paid; instant = max(0, 1 - 5) = 0
		"exit gas larger than the balance",
		doc("1", 1, "", `{"name":"a","apr":"0","exit_gas":"5"}`),
		map[string]string{"final": "0", "gas": "1", "instant": "0"},
	},
	{
		// top first: cost trunc(100 * 1 / 100) = 1, gas 0.1 -> 98.9; then gas 0.5 -> 98.4
		// instant = trunc(100 * 98 / 100) - 0.1 (top layer's exit gas) = 97.9
		"exit top to bottom, and the instant exit",
		`{"version":1,"amount":"100","days":1,"scenarios":[{"name":"s","instant_exit_cost":"2","layers":[
			{"name":"a","apr":"0","exit_gas":"0.5"},{"name":"b","apr":"0","exit_gas":"0.1","exit_cost":"1"}]}]}`,
		map[string]string{"final": "98.4", "gas": "0.6", "costs": "1", "instant": "97.9", "kind": "restaking"},
	},
	{
		// max(30, 60, 10) + 7 + 14
		"liquid day after lock-ups and queues",
		doc("1", 30, "", `{"name":"a","apr":"0","lockup_days":60,"withdraw_days":7}`,
			`{"name":"b","apr":"0","lockup_days":10,"withdraw_days":14}`),
		map[string]string{"liquid_day": "81"},
	},

	// The expected path.
	{
		// loss = trunc(B * 36.5 * 100 / 3650000) = B * 0.001: 0.001, then trunc(0.999 * 0.001)
		// p_loss = (1 - 0.999^2) * 100 = 0.1999
		"expected losses",
		doc("1", 2, "", `{"name":"a","apr":"0","risk_probability":"36.5","risk_loss":"100"}`),
		map[string]string{"final": "1", "final_expected": "0.998001", "lost_expected": "0.001999",
			"p_loss": "0.199900"},
	},
	{
		// Σ p*l = 36.5*10 + 73*50 = 4015; loss = 4015 / 3650000 = 0.0011 of B
		// p_loss = (1 - 0.999 * 0.998) * 100 = 0.2998
		"two risks add up",
		doc("1", 1, "", `{"name":"a","apr":"0","risk_probability":"36.5","risk_loss":"10"}`,
			`{"name":"b","apr":"0","risk_probability":"73","risk_loss":"50"}`),
		map[string]string{"final_expected": "0.9989", "lost_expected": "0.0011", "p_loss": "0.299800"},
	},

	// Fiat.
	{
		// 2 * 1500.5, no growth
		"fiat without growth",
		doc("2", 10, `,"price":"1500.5"`, `{"name":"a","apr":"0"}`),
		map[string]string{"fiat_final": "3001.00"},
	},
	{
		// 2 * 1500.5 * 1.1^2 = 3631.21
		"fiat with two years of growth",
		doc("2", 730, `,"price":"1500.5","price_growth":"10"`, `{"name":"a","apr":"0"}`),
		map[string]string{"fiat_final": "3631.21"},
	},
	{
		// 1.005 rounds half-even down to 1.00, 1.015 up to 1.02
		"fiat rounds half to even (down)",
		doc("1.005", 1, `,"price":"1"`, `{"name":"a","apr":"0"}`),
		map[string]string{"fiat_final": "1.00"},
	},
	{
		"fiat rounds half to even (up)",
		doc("1.015", 1, `,"price":"1"`, `{"name":"a","apr":"0"}`),
		map[string]string{"fiat_final": "1.02"},
	},
	{
		// the price falls to nothing
		"fiat after a -100 % price",
		doc("1", 10, `,"price":"5","price_growth":"-100"`, `{"name":"a","apr":"0"}`),
		map[string]string{"fiat_final": "0.00"},
	},
	{
		"no price, no fiat",
		doc("1", 10, "", `{"name":"a","apr":"0"}`),
		map[string]string{"fiat_final": "0"},
	},
}

func TestLedger(t *testing.T) {
	for _, tt := range ledgerTests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := Parse([]byte(tt.doc))
			if err != nil {
				t.Fatalf("Parse = %v", err)
			}
			res, err := Evaluate(set, Options{})
			if err != nil {
				t.Fatalf("Evaluate = %v", err)
			}
			r := res.Scenarios[0]
			for field, want := range tt.want {
				var got string
				var j int
				var sub string
				if n, _ := fmt.Sscanf(field, "layers[%d].%s", &j, &sub); n == 2 {
					l := r.Layers[j]
					got = map[string]string{"gross": FormatAmount(l.Gross), "fee": FormatAmount(l.Fee), "net": FormatAmount(l.Net)}[sub]
				} else {
					got, _ = r.Figure(field)
				}
				if got != want {
					t.Errorf("Run(%s).%s = %s, want %s", tt.name, field, got, want)
				}
			}
		})
	}
}

// evaluateErrorTests are files that parse but cannot be run, and the field each error names.
var evaluateErrorTests = []struct {
	name, doc, path, msg string
}{
	{"entry gas takes everything", doc("1", 1, "", `{"name":"a","apr":"1","entry_gas":"1"}`),
		"scenarios[0].layers[0].entry_gas", "the entry costs use up the amount"},
	{"entry cost of 100 %", doc("1", 1, "", `{"name":"a","apr":"1","entry_cost":"100"}`),
		"scenarios[0].layers[0].entry_cost", "the entry costs use up the amount"},
	{"second layer's gas", doc("1", 1, "", `{"name":"a","apr":"1","entry_gas":"0.5"}`, `{"name":"b","apr":"1","entry_gas":"0.5"}`),
		"scenarios[0].layers[1].entry_gas", "the entry costs use up the amount"},
	// 10^15 * (1 + 8 * 1000 / 36500)^t passes 10^30 when t > 15 ln 10 / ln 1.219178 = 174.3
	{"projection beyond 10^30", doc("1000000000000000", 36500, "",
		`{"name":"a","apr":"1000"}`, `{"name":"b","apr":"1000"}`, `{"name":"c","apr":"1000"}`, `{"name":"d","apr":"1000"}`,
		`{"name":"e","apr":"1000"}`, `{"name":"f","apr":"1000"}`, `{"name":"g","apr":"1000"}`, `{"name":"h","apr":"1000"}`),
		"scenarios[0]", "the projection exceeds 10^30 ETH by day 175"},
}

func TestEvaluateErrors(t *testing.T) {
	for _, tt := range evaluateErrorTests {
		set, err := Parse([]byte(tt.doc))
		if err != nil {
			t.Fatalf("%s: Parse = %v", tt.name, err)
		}
		_, err = Evaluate(set, Options{})
		fes := FieldErrors(err)
		if len(fes) != 1 || fes[0].Path != tt.path || !strings.HasPrefix(fes[0].Msg, tt.msg) {
			t.Errorf("Run(%s) = %v, want %s: %s", tt.name, err, tt.path, tt.msg)
		}
	}
}

// TestEvaluateReportsEveryScenario: one broken scenario does not hide another's error.
func TestEvaluateReportsEveryScenario(t *testing.T) {
	set, err := Parse([]byte(`{"version":1,"amount":"1","days":1,"scenarios":[
		{"name":"a","layers":[{"name":"x","apr":"1","entry_gas":"2"}]},
		{"name":"b","layers":[{"name":"x","apr":"1"}]},
		{"name":"c","layers":[{"name":"x","apr":"1","entry_cost":"100"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Evaluate(set, Options{})
	var paths []string
	for _, fe := range FieldErrors(err) {
		paths = append(paths, fe.Path)
	}
	want := "scenarios[0].layers[0].entry_gas scenarios[2].layers[0].entry_cost"
	if got := strings.Join(paths, " "); got != want {
		t.Errorf("Evaluate error paths = %s, want %s", got, want)
	}
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Errorf("errors.As(%v, *FieldError) = false", err)
	}
}

// TestScenariosAreIndependent: six scenarios side by side give each the figures it has alone.
func TestScenariosAreIndependent(t *testing.T) {
	var scenarios []string
	for i := 0; i < MaxScenarios; i++ {
		scenarios = append(scenarios, fmt.Sprintf(`{"name":"s%d","layers":[{"name":"a","apr":"%d.5","fee":"%d",
			"payout":"claim","claim_every":%d,"claim_gas":"0.001","risk_probability":"%d","risk_loss":"50"}]}`, i, i+1, i*3, 7*i+1, i))
	}
	all, err := Parse([]byte(fmt.Sprintf(`{"version":1,"amount":"32","days":400,"scenarios":[%s]}`, strings.Join(scenarios, ","))))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Evaluate(all, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range all.Scenarios {
		one := all
		one.Scenarios = all.Scenarios[i : i+1]
		alone, err := Evaluate(one, Options{})
		if err != nil {
			t.Fatal(err)
		}
		a, _ := Results{Scenarios: alone.Scenarios}.MarshalJSON()
		b, _ := Results{Scenarios: res.Scenarios[i : i+1]}.MarshalJSON()
		if string(a) != string(b) {
			t.Errorf("scenario %d alone = %s, beside five others = %s", i, a, b)
		}
	}
}

// TestSeries: the day values end where the ledger ends, and sampling keeps the last day.
func TestSeries(t *testing.T) {
	set, err := Parse([]byte(doc("1", 4, "", `{"name":"a","apr":"36.5","payout":"claim","claim_every":2,"claim_gas":"0.0005","reinvest":false}`)))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Evaluate(set, Options{Series: true})
	if err != nil {
		t.Fatal(err)
	}
	// B + H + U each day: 1 + 0.001; 1 + 0.0015 (0.0005 gas paid); 1.0015 + 0.001; 1 + 0.003
	want := "1:1.001 2:1.0015 3:1.0025 4:1.003"
	if got := seriesText(res.Scenarios[0].Series); got != want {
		t.Errorf("Series = %s, want %s", got, want)
	}
	long, _ := Parse([]byte(doc("1", 3650, "", `{"name":"a","apr":"3"}`)))
	full, _ := Evaluate(long, Options{Series: true})
	sampled, _ := Evaluate(long, Options{Series: true, SeriesPoints: 1000})
	fs, ss := full.Scenarios[0].Series, sampled.Scenarios[0].Series
	if len(fs) != 3650 || len(ss) > 1000 || len(ss) < 900 {
		t.Fatalf("len(Series) = %d full, %d sampled; want 3650 and at most 1000", len(fs), len(ss))
	}
	for _, p := range ss {
		if !fs[p.Day-1].Value.Equal(p.Value) {
			t.Errorf("sampled day %d = %s, full series says %s", p.Day, p.Value, fs[p.Day-1].Value)
		}
	}
	if last := ss[len(ss)-1]; last.Day != 3650 {
		t.Errorf("last sampled day = %d, want 3650", last.Day)
	}
}

func seriesText(s []DayValue) string {
	var parts []string
	for _, p := range s {
		parts = append(parts, fmt.Sprintf("%d:%s", p.Day, p.Value))
	}
	return strings.Join(parts, " ")
}

// TestNoAllocationPerDay: a run of the daily loop allocates the same whatever the horizon.
func TestNoAllocationPerDay(t *testing.T) {
	allocs := func(days int) float64 {
		set, err := Parse([]byte(strings.Replace(standardSetJSON, `"days":3650`, fmt.Sprintf(`"days":%d`, days), 1)))
		if err != nil {
			t.Fatal(err)
		}
		lg, err := newLedger(set, 1)
		if err != nil {
			t.Fatal(err)
		}
		return testing.AllocsPerRun(5, func() { lg.run(runOptions{expected: true}) })
	}
	if short, long := allocs(10), allocs(36500); long != short {
		t.Errorf("allocations of one run: %v for 10 days, %v for 36500 days; want the same", short, long)
	}
}

// TestLayerDetails: what each layer took, for the explanations.
func TestLayerDetails(t *testing.T) {
	set, err := Parse([]byte(`{"version":1,"amount":"100","days":4,"scenarios":[{"name":"s","layers":[
		{"name":"a","apr":"36.5","exit_gas":"0.5","entry_gas":"1","entry_cost":"1"},
		{"name":"b","apr":"0","exit_gas":"0.1","exit_cost":"1"},
		{"name":"c","apr":"36.5","payout":"claim","claim_every":2,"claim_gas":"0.05","reinvest":false}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Evaluate(set, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range res.Scenarios[0].Layers {
		got = append(got, fmt.Sprintf("%s in %s+%s claims %d/%s out %s+%s left %s", l.Name, l.EntryGas, l.EntryCost,
			l.Claims, l.ClaimGas, l.ExitCost, l.ExitGas, l.Unclaimed))
	}
	// a: B = 100 - 1 = 99, cost trunc(99 * 1 / 100) = 0.99, B = 98.01, then 0.1 % a day from a
	// alone (c's rewards are held aside): 98.10801, 98.20611801, 98.30432412801, 98.40262845213801.
	// Exit, top first: c nothing; b 1 % of that, 0.9840262845213801, and 0.1 gas; a 0.5 gas.
	// c: claims on days 2 and 4 at 0.05 each; nothing left.
	want := []string{
		"a in 1+0.99 claims 0/0 out 0+0.5 left 0",
		"b in 0+0 claims 0/0 out 0.9840262845213801+0.1 left 0",
		"c in 0+0 claims 2/0.1 out 0+0 left 0",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Layers =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	r := res.Scenarios[0]
	gas := decimal.Zero
	for _, l := range r.Layers {
		gas = gas.Add(l.EntryGas).Add(l.ClaimGas).Add(l.ExitGas)
	}
	if !gas.Equal(r.Gas) {
		t.Errorf("Σ layer gas = %s, Gas = %s", gas, r.Gas)
	}
}

// breakEvenFile is the set of TestBreakEvenDay, whose break-even days are 0, 3, 0 and 1.
const breakEvenFile = `{"version":1,"amount":"1","days":5,"scenarios":[
	{"name":"first","layers":[{"name":"a","apr":"36.5"}]},
	{"name":"second","layers":[{"name":"a","apr":"73","entry_gas":"0.0025"}]},
	{"name":"never","layers":[{"name":"a","apr":"36.5","entry_gas":"0.0025"}]},
	{"name":"always","layers":[{"name":"a","apr":"36.6"}]}]}`

// TestBreakEvenDay: a layer that pays entry gas but earns twice as much overtakes on day 3.
//
//	first:  1.001, 1.002001, 1.003003001, …                      (0.1 % a day)
//	second: 0.9975 after gas, then 0.999495, 1.00149399, 1.00349697798, …  (0.2 % a day)
func TestBreakEvenDay(t *testing.T) {
	set, err := Parse([]byte(breakEvenFile))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Evaluate(set, Options{BreakEven: true})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{0, 3, 0, 1} {
		if got := res.Scenarios[i].BreakEvenDay; got != want {
			t.Errorf("BreakEvenDay(%s) = %d, want %d", res.Scenarios[i].Name, got, want)
		}
	}
}
