package calc_test

import (
	"fmt"

	"restakecalc/calc"
)

// Staking: 32 ETH in Lido for a year at 3.2 % gross, Lido keeping 10 % of the rewards.
func Example_staking() {
	set, err := calc.Parse([]byte(`{"version":1,"amount":"32","asset":"ETH","price":"3000","days":365,
		"scenarios":[{"name":"Lido stETH","layers":[
			{"name":"Lido","accepts":"ETH","gives":"stETH","apr":"3.2","fee":"10"}]}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, _ := calc.Evaluate(set, calc.Options{})
	r := res.Scenarios[0]
	fmt.Println("kind:", r.Kind)
	fmt.Println("after a year:", r.Final, "ETH, worth", calc.FormatFiat(r.FiatFinal, r.HasFiat), "USD")
	fmt.Println("Lido kept:", r.Fees, "ETH of", r.Layers[0].Gross, "ETH earned")
	fmt.Println("APY:", calc.FormatPercent(r.APY), "% (3.2 % APR less the fee, compounded daily)")
	// Output:
	// kind: staking
	// after a year: 32.934961945199065498 ETH, worth 98804.89 USD
	// Lido kept: 0.10388466057767376 ETH of 1.038846605776739258 ETH earned
	// APY: 2.921756 % (3.2 % APR less the fee, compounded daily)
}

// Restaking: the same stETH also secures EigenLayer services. EigenLayer's rewards wait to be
// claimed every 30 days, each claim costing gas; both layers carry a risk of loss.
func Example_restaking() {
	set, err := calc.Parse([]byte(`{"version":1,"amount":"32","price":"3000","price_growth":"5","days":365,
		"scenarios":[{"name":"Restaking","instant_exit_cost":"0.5","layers":[
			{"name":"Lido","accepts":"ETH","gives":"stETH","apr":"3.2","fee":"10","entry_gas":"0.002",
			 "exit_gas":"0.002","withdraw_days":5,"risk_probability":"0.5","risk_loss":"5"},
			{"name":"EigenLayer","accepts":"stETH","gives":"EL-stETH","apr":"1.5","fee":"10","payout":"claim",
			 "claim_every":30,"claim_gas":"0.003","entry_gas":"0.003","exit_gas":"0.004","withdraw_days":14,
			 "risk_probability":"1","risk_loss":"10"}]}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, _ := calc.Evaluate(set, calc.Options{})
	r := res.Scenarios[0]
	fmt.Println(r.Kind, "final:", r.Final, "ETH, APY", calc.FormatPercent(r.APY), "%")
	fmt.Println("EigenLayer added:", r.Layers[1].Net, "ETH net; gas paid:", r.Gas, "ETH")
	fmt.Println("risk-adjusted:", r.FinalExpected, "ETH, APY", calc.FormatPercent(r.APYExpected), "%")
	fmt.Println("chance of a loss event:", calc.FormatPercent(r.PLoss), "%")
	fmt.Println("money back on day", r.LiquidDay, "or now, sold at a discount, for", r.Instant, "ETH")
	// Output:
	// restaking final: 33.330873267792328334 ETH, APY 4.158979 %
	// EigenLayer added: 0.440704234401806927 ETH net; gas paid: 0.05 ETH
	// risk-adjusted: 33.289222205226495515 ETH, APY 4.028819 %
	// chance of a loss event: 1.488823 %
	// money back on day 384 or now, sold at a discount, for 33.166204716425048044 ETH
}

// Multistaking: ETH into ether.fi, the weETH supplied on Aave, the position enrolled in a points
// programme whose rewards are held aside. A 400-day lock-up keeps the money in past the horizon.
func Example_multistaking() {
	set, err := calc.Parse([]byte(`{"version":1,"amount":"32","price":"3000","price_growth":"5","days":365,
		"scenarios":[{"name":"Multistaking","layers":[
			{"name":"ether.fi","accepts":"ETH","gives":"weETH","apr":"3.1","fee":"10","entry_gas":"0.002",
			 "withdraw_days":7,"risk_probability":"1","risk_loss":"10"},
			{"name":"Aave","accepts":"weETH","gives":"aweETH","apr":"0.8","payout":"claim","claim_every":90,
			 "claim_gas":"0.002","reinvest":false,"entry_gas":"0.003","exit_gas":"0.003","risk_probability":"1","risk_loss":"20"},
			{"name":"Points","apr":"2","payout":"claim","claim_every":365,"claim_gas":"0.01","reinvest":false,
			 "entry_cost":"0.3","exit_cost":"0.3","lockup_days":400}]}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, _ := calc.Evaluate(set, calc.Options{})
	r := res.Scenarios[0]
	for _, l := range r.Layers {
		fmt.Printf("%-8s gross %s, fee %s, net %s\n", l.Name, l.Gross, l.Fee, l.Net)
	}
	fmt.Println(r.Kind, "final:", r.Final, "ETH after", r.Costs, "ETH of swap costs")
	fmt.Println("APY", calc.FormatPercent(r.APY), "%, risk-adjusted", calc.FormatPercent(r.APYExpected), "%")
	fmt.Println("money back on day", r.LiquidDay)
	// Output:
	// ether.fi gross 1.002754523791981794, fee 0.100275452379198012, net 0.902479071412783782
	// Aave     gross 0.258775360978575807, fee 0, net 0.258775360978575807
	// Points   gross 0.646938402446439799, fee 0, net 0.646938402446439799
	// multistaking final: 33.585803352623561037 ETH after 0.194389482214238351 ETH of swap costs
	// APY 4.955635 %, risk-adjusted 4.645253 %
	// money back on day 407
}

// Explaining a figure: where the instant exit comes from, with the scenario's own values.
func ExampleExplain() {
	set, _ := calc.Parse([]byte(`{"version":1,"amount":"100","days":1,"scenarios":[{"name":"s","instant_exit_cost":"2",
		"layers":[{"name":"a","apr":"0","exit_gas":"0.5"},{"name":"b","apr":"0","exit_gas":"0.1","exit_cost":"1"}]}]}`))
	res, _ := calc.Evaluate(set, calc.Options{})
	for _, field := range []string{"instant", "final"} {
		e, _ := calc.Explain(set, res, 0, field)
		fmt.Println(e.Title + ":")
		fmt.Println(" ", e.Formula)
		fmt.Println(" ", e.Values)
		for _, line := range e.Lines {
			fmt.Println("   ", line)
		}
	}
	// Output:
	// Instant exit value:
	//   instant = max(0, trunc(pre × (100 − instant_exit_cost) / 100) − exit_gas of the top layer) + H
	//   instant = max(0, trunc(100 × (100 − 2) / 100) − 0.1) + 0 = 97.9 ETH
	//     pre = 100 ETH: the staked balance after the last day, before any exit cost
	//     waiting for the withdrawals instead gives 98.4 ETH on day 1
	// Final amount:
	//   final = B + H after the exit; each layer, top first: B − trunc(B × exit_cost / 100) − min(exit_gas, B)
	//   final = 98.4 + 0 = 98.4 ETH
	//     start: 100 ETH
	//     a over 1 days: gross 0 − fee 0 = net 0, compounded daily
	//     b over 1 days: gross 0 − fee 0 = net 0, compounded daily
	//     after day 1: B = 100 ETH staked, H = 0 ETH held aside
	//     exit b: − 1 (1 % exit cost), − 0.1 gas
	//     exit a: − 0 (0 % exit cost), − 0.5 gas
	//     final: 98.4 ETH
}
