package calc

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"testing"

	"github.com/shopspring/decimal"
)

var jsonKey = regexp.MustCompile(`"([a-z_]+)"\s*:`)

// parseV2 reads a version 2 scenario file for the ledger tests.
func parseV2(t testing.TB, doc string) Set {
	t.Helper()
	var raw struct {
		Version                    int
		Amount, Price, PriceGrowth decimal.Decimal
		Asset                      string
		Days                       int
		Scenarios                  []struct {
			Name            string
			InstantExitCost decimal.Decimal
			Loop            *Loop
			Layers          []struct {
				Name, Accepts, Gives, Payout                               string
				APR, Fee, ClaimGas, EntryGas, ExitGas, EntryCost, ExitCost decimal.Decimal
				RiskProbability, RiskLoss                                  decimal.Decimal
				ClaimEvery, LockupDays, WithdrawDays                       int
				Reinvest                                                   *bool
				Reward                                                     *Reward
			}
		}
	}
	text := jsonKey.ReplaceAllStringFunc(doc, func(k string) string { return regexp.MustCompile(`_`).ReplaceAllString(k, "") })
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		t.Fatal(err)
	}
	s := Set{Version: raw.Version, Amount: raw.Amount, Price: raw.Price, PriceGrowth: raw.PriceGrowth,
		Asset: raw.Asset, Currency: "USD", Days: raw.Days}
	if s.Asset == "" {
		s.Asset = "ETH"
	}
	for _, rs := range raw.Scenarios {
		sc := Scenario{Name: rs.Name, InstantExitCost: rs.InstantExitCost, Loop: rs.Loop}
		for _, rl := range rs.Layers {
			l := NewLayer(rl.Name)
			l.Accepts, l.Gives, l.APR, l.Fee = rl.Accepts, rl.Gives, rl.APR, rl.Fee
			if rl.Payout != "" {
				l.Payout = Payout(rl.Payout)
			}
			l.ClaimGas, l.EntryGas, l.ExitGas, l.EntryCost, l.ExitCost = rl.ClaimGas, rl.EntryGas, rl.ExitGas, rl.EntryCost, rl.ExitCost
			l.RiskProbability, l.RiskLoss = rl.RiskProbability, rl.RiskLoss
			l.ClaimEvery, l.LockupDays, l.WithdrawDays = rl.ClaimEvery, rl.LockupDays, rl.WithdrawDays
			if rl.Reinvest != nil {
				l.Reinvest = *rl.Reinvest
			}
			if r := rl.Reward; r != nil {
				if r.Sell == "" {
					r.Sell = SellOnClaim
				}
				l.Reward = r
			}
			sc.Layers = append(sc.Layers, l)
		}
		s.Scenarios = append(s.Scenarios, sc)
	}
	s.Version = 1 // until the parser reads version 2
	return s
}

func TestGoldenV2Early(t *testing.T) {
	for _, name := range []string{"eigen-rewards", "loop"} {
		s := parseV2(t, string(mustRead(t, "/work/shared/golden/"+name+".json")))
		res, err := Evaluate(s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		res.Version = 2
		got, _ := res.MarshalJSON()
		compareResults(t, got, mustRead(t, "/work/shared/golden/"+name+".want"))
	}
}

func TestGoldenV2Print(t *testing.T) {
	for _, name := range []string{"eigen-rewards", "loop"} {
		s := parseV2(t, string(mustRead(t, "/work/shared/golden/"+name+".json")))
		res, _ := Evaluate(s, Options{})
		res.Version = 2
		got, _ := res.MarshalJSON()
		var out bytes.Buffer
		json.Indent(&out, got, "", " ")
		os.WriteFile("/tmp/e2/"+name+".got", append(out.Bytes(), '\n'), 0o644)
	}
}
