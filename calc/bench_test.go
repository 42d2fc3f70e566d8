package calc

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// standardSetJSON is the benchmark's everyday comparison: three scenarios of one, two and three
// layers over ten years, one claim layer, risks set, both paths.
const standardSetJSON = `{"version":1,"amount":"32","price":"3000","days":3650,"scenarios":[
 {"name":"Staking","layers":[{"name":"Lido","apr":"3.2","fee":"10","risk_probability":"0.5","risk_loss":"5"}]},
 {"name":"Restaking","layers":[{"name":"Lido","apr":"3.2","fee":"10","risk_probability":"0.5","risk_loss":"5"},
  {"name":"EigenLayer","apr":"1.5","fee":"10","payout":"claim","claim_every":30,"claim_gas":"0.003","risk_probability":"1","risk_loss":"10"}]},
 {"name":"Multistaking","layers":[{"name":"ether.fi","apr":"3.1","fee":"10","risk_probability":"1","risk_loss":"10"},
  {"name":"Aave","apr":"0.8","risk_probability":"1","risk_loss":"20"},
  {"name":"Points","apr":"2","fee":"5","risk_probability":"2","risk_loss":"30"}]}]}`

// worstSetJSON is the largest file the format allows to run: 6 scenarios of 8 layers for 100 years.
func worstSetJSON() string {
	var scenarios []string
	for i := 0; i < MaxScenarios; i++ {
		var layers []string
		for j := 0; j < MaxLayers; j++ {
			layers = append(layers, fmt.Sprintf(
				`{"name":"L%d","apr":"0.%d5","fee":"%d.5","risk_probability":"0.1","risk_loss":"50"}`, j, j+1, j+1))
		}
		scenarios = append(scenarios, fmt.Sprintf(`{"name":"S%d","layers":[%s]}`, i, strings.Join(layers, ",")))
	}
	return fmt.Sprintf(`{"version":1,"amount":"1000","days":%d,"scenarios":[%s]}`, MaxDays, strings.Join(scenarios, ","))
}

func benchmarkEvaluate(b *testing.B, doc string) {
	s, err := Parse([]byte(doc))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(s, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEvaluateStandard(b *testing.B) { benchmarkEvaluate(b, standardSetJSON) }
func BenchmarkEvaluateWorst(b *testing.B)    { benchmarkEvaluate(b, worstSetJSON()) }

// floatTwin runs the same daily loop in float64: not exact, but the speed limit of the loop.
func floatTwin(s Set) float64 {
	total := 0.0
	for _, sc := range s.Scenarios {
		for _, expected := range []bool{false, true} {
			n := len(sc.Layers)
			apr, fee, every, gas := make([]float64, n), make([]float64, n), make([]int, n), make([]float64, n)
			u := make([]float64, n)
			risk := 0.0
			for i, l := range sc.Layers {
				apr[i] = l.APR.InexactFloat64() / 36500
				fee[i] = l.Fee.InexactFloat64() / 100
				every[i] = l.ClaimEvery
				gas[i] = l.ClaimGas.InexactFloat64()
				risk += l.RiskProbability.InexactFloat64() * l.RiskLoss.InexactFloat64() / 3650000
			}
			b, h := s.Amount.InexactFloat64(), 0.0
			for day := 1; day <= s.Days; day++ {
				base := b
				for i := range apr {
					gross := math.Trunc(base*apr[i]*1e18) / 1e18
					net := gross - math.Trunc(gross*fee[i]*1e18)/1e18
					if every[i] > 0 {
						u[i] += net
					} else {
						b += net
					}
				}
				for i := range apr {
					if every[i] > 0 && day%every[i] == 0 && u[i] > gas[i] {
						b += u[i] - gas[i]
						u[i] = 0
					}
				}
				if expected {
					b -= math.Trunc(b*risk*1e18) / 1e18
				}
				v := b + h
				for i := range u {
					v += u[i]
				}
				if v > 1e30 {
					return v
				}
			}
			total += b + h
		}
	}
	return total
}

func benchmarkFloatTwin(b *testing.B, doc string) {
	s, err := Parse([]byte(doc))
	if err != nil {
		b.Fatal(err)
	}
	var sink float64
	for b.Loop() {
		sink += floatTwin(s)
	}
	if sink == 0 {
		b.Fatal("no result")
	}
}

func BenchmarkFloatTwinStandard(b *testing.B) { benchmarkFloatTwin(b, standardSetJSON) }
func BenchmarkFloatTwinWorst(b *testing.B)    { benchmarkFloatTwin(b, worstSetJSON()) }

// standardSetV2JSON is the standard set with one reward layer (EIGEN sold weekly, its price
// falling 30 % a year) and one loop (the staking scenario looped 3x).
var standardSetV2JSON = strings.NewReplacer(
	`"version":1`, `"version":2`,
	`{"name":"Staking","layers"`, `{"name":"Staking","loop":{"leverage":"3","borrow_apr":"2.2","liquidation_ltv":"93","liquidation_penalty":"1","entry_cost":"0.1"},"layers"`,
	`"claim_gas":"0.003",`, `"claim_gas":"0.003","reward":{"token":"EIGEN","per_year":"40","price":"0.0003","price_growth":"-30","claim_every":7,"claim_gas":"0.0004","sell_cost":"0.5"},`,
).Replace(standardSetJSON)

// worstSetV2JSON is the worst set with a reward on every layer, each at its own price path (half
// sold every week, half held), and a loop on every scenario.
func worstSetV2JSON() string {
	var scenarios []string
	for i := 0; i < MaxScenarios; i++ {
		var layers []string
		for j := 0; j < MaxLayers; j++ {
			sell := fmt.Sprintf(`"claim_every":%d,"claim_gas":"0.001","sell_cost":"0.3"`, 7+j)
			if j%2 == 1 {
				sell = `"sell":"hold"`
			}
			layers = append(layers, fmt.Sprintf(
				`{"name":"L%d","apr":"0.%d5","fee":"%d.5","risk_probability":"0.1","risk_loss":"50",`+
					`"reward":{"token":"T%d","per_year":"%d.5","price":"0.000%d1","price_growth":"-%d.5",%s}}`,
				j, j+1, j+1, j, j+1, i+1, j+1, sell))
		}
		scenarios = append(scenarios, fmt.Sprintf(
			`{"name":"S%d","loop":{"leverage":"1.%d","borrow_apr":"0.5","liquidation_ltv":"90"},"layers":[%s]}`,
			i, i+1, strings.Join(layers, ",")))
	}
	return fmt.Sprintf(`{"version":2,"amount":"1000","days":%d,"scenarios":[%s]}`, MaxDays, strings.Join(scenarios, ","))
}

func BenchmarkEvaluateStandardV2(b *testing.B) { benchmarkEvaluate(b, standardSetV2JSON) }
func BenchmarkEvaluateWorstV2(b *testing.B)    { benchmarkEvaluate(b, worstSetV2JSON()) }

// BenchmarkSolveStandard is goal seek on the standard set: the APR EigenLayer would need for
// restaking to match multistaking.
func BenchmarkSolveStandard(b *testing.B) {
	s, err := Parse([]byte(standardSetJSON))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Solve(s, Goal{Scenario: 1, Field: "layers[1].apr", Match: 2}); err != nil {
			b.Fatal(err)
		}
	}
}
