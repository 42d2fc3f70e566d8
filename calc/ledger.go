package calc

import (
	"fmt"
	"math/big"
	"math/bits"

	"github.com/holiman/uint256"
	"github.com/shopspring/decimal"
)

// A ledger is one scenario prepared for the daily loop: every rate as a fraction, every amount in
// wei. It is built once per evaluation and read by both paths.
type ledger struct {
	path   string // "scenarios[i]", for errors
	asset  string
	days   int
	layers []ledgerLayer
	loss   ratio        // Σ(risk_probability * risk_loss) / 3650000, the expected daily loss
	start  uint256.Int  // B after entry, the loop's borrowed amount included
	entry  []layerFlows // what each layer took on entry

	// Version 2.
	rewards   []int       // the layers with a reward token, bottom first
	loop      *ledgerLoop // nil without a loop
	tokenHalf uint256.Int // half the projection limit, for the cheap bound on token values
}

type ledgerLayer struct {
	apr        ratio // apr / 36500: a day's gross reward per unit of balance
	fee        ratio // fee / 100
	claim      bool
	claimEvery int
	claimGas   uint256.Int
	reinvest   bool
	exitCost   ratio // exit_cost / 100
	exitGas    uint256.Int
	reward     *ledgerReward // nil without a reward token
}

// ledgerReward is a layer's reward token (SPEC section 8.1) prepared for the daily loop.
type ledgerReward struct {
	perYear  ratio // per_year / 365: a day's tokens per unit of balance
	sell     bool  // sell on every claim day (else hold to the horizon)
	every    int   // days between claim-and-sell days
	gas      uint256.Int
	sellCost ratio // sell_cost / 100
	prices   *pricePath
	sale     []priceWei // P(k × every), built on the first run that sells
	last     priceWei   // P(days)
	// capTokens bounds the tokens whose value at the path's highest price is at most the
	// projection limit / (2 × rewards), so that most days need no price at all; capAll: any
	// amount is (the price is 0 on the whole path).
	capTokens uint256.Int
	capAll    bool
	sampled   []priceWei // P(k × sampleOf), for the day values a run keeps
	sampleOf  int
}

// ledgerLoop is a scenario's leverage loop (SPEC section 8.2) prepared for the daily loop.
type ledgerLoop struct {
	debt, cost     uint256.Int // D after entry; what looping it cost
	borrow         ratio       // borrow_apr / 36500
	ltvNum, ltvDen uint256.Int // liquidation_ltv / 100 in lowest terms
	ltv            decimal.Decimal
	penalty        ratio // liquidation_penalty / 100
}

// layerFlows are the amounts one layer took out of a path other than through losses.
type layerFlows struct {
	entryGas, entryCost   uint256.Int
	claims                int // claims made, the one at exit included
	claimGas              uint256.Int
	exitCost, exitGas     uint256.Int
	gross, fee, unclaimed uint256.Int

	// Version 2: the layer's reward token.
	tokensWaiting        uint256.Int // T: tokens not yet sold
	tokens, tokenValue   uint256.Int // Σ (tg − tf); Σ (v − c) of every sale
	sales                int         // sales made, the one at exit included
	saleGas, saleCost    uint256.Int
	tokensUnsold         uint256.Int // v of the tokens whose sale at exit would not cover its gas
	tokensUnsoldQuantity uint256.Int
}

// runOptions say what a run of the daily loop keeps beyond its totals.
type runOptions struct {
	expected    bool // take the expected daily loss
	sampleEvery int  // keep the value of every sampleEvery-th day and of the last; 0 keeps none
	everyDay    bool // keep the value of every day (for comparisons between scenarios)
	discount    bool // follow the loop's smallest liquidating discount
}

// pathTotals are what one run of the daily loop leaves.
type pathTotals struct {
	final, pre, held, lost uint256.Int
	gas, costs, unclaimed  uint256.Int
	layers                 []layerFlows
	series                 []uint256.Int // sampled day values
	days                   []uint256.Int // every day's value
	overDay                int           // the first day the value exceeded the limit, or 0

	// Version 2: the loop.
	debt, interest uint256.Int // D on the last day, before it is repaid; Σ daily interest
	repaid         uint256.Int // min(D, B) at the exit
	liquidatedDay  int
	worstD, worstB uint256.Int // D and B where D / B was largest (the smallest liquidating discount)
	worstDay       int         // the day of worstD and worstB, 0 for the entry
}

var (
	hundred     = decimal.NewFromInt(100)
	aprDivisor  = decimal.NewFromInt(36500)   // 365 days * 100 %
	riskDivisor = decimal.NewFromInt(3650000) // 365 days * 100 % * 100 %
	daysInYear  = decimal.NewFromInt(365)
	weiPerUnit  = uint256.NewInt(1_000_000_000_000_000_000)
)

// newLedger prepares scenario sc of set s and runs its entry (day 0):
// for each layer, bottom to top, B -= entry_gas; B -= trunc(B * entry_cost / 100); B must stay > 0;
// then the loop: D = trunc(B × (leverage − 1)), c = trunc(D × entry_cost / 100), B = B + D − c,
// refused when D × 100 ≥ B × liquidation_ltv.
func newLedger(s Set, i int) (*ledger, error) {
	sc := s.Scenarios[i]
	lg := &ledger{path: fmt.Sprintf("scenarios[%d]", i), asset: s.Asset, days: s.Days}
	risk := decimal.Zero
	for j, l := range sc.Layers {
		ll := ledgerLayer{
			apr:        newRatio(l.APR, aprDivisor),
			fee:        newRatio(l.Fee, hundred),
			claim:      l.Payout == Claim,
			claimEvery: l.ClaimEvery,
			claimGas:   toWei(l.ClaimGas, maxGasWei),
			reinvest:   l.Reinvest,
			exitCost:   newRatio(l.ExitCost, hundred),
			exitGas:    toWei(l.ExitGas, maxGasWei),
		}
		if r := l.Reward; r != nil {
			ll.reward = newLedgerReward(*r, s.Days)
			lg.rewards = append(lg.rewards, j)
		}
		lg.layers = append(lg.layers, ll)
		risk = risk.Add(l.RiskProbability.Mul(l.RiskLoss))
	}
	var err error
	if lg.start, lg.entry, err = enter(s, i); err != nil {
		return nil, err
	}
	b := &lg.start
	lg.loss = newRatio(risk, riskDivisor)
	if len(lg.rewards) > 0 {
		half := new(uint256.Int).Rsh(limitWei, 1)
		lg.tokenHalf = *half
		share := new(uint256.Int).Div(half, uint256.NewInt(uint64(len(lg.rewards))))
		for _, j := range lg.rewards {
			lg.layers[j].reward.bound(share)
		}
	}
	if sc.Loop != nil {
		lp, err := newLedgerLoop(*sc.Loop, b, lg.path)
		if err != nil {
			return nil, err
		}
		lg.loop = lp
	}
	return lg, nil
}

// enter runs the day-0 entry of scenario i's layers, bottom to top: B -= entry_gas;
// B -= trunc(B * entry_cost / 100); B must stay > 0. It returns B and what each layer took.
func enter(s Set, i int) (uint256.Int, []layerFlows, error) {
	sc := s.Scenarios[i]
	b := toWei(s.Amount, nil)
	entry := make([]layerFlows, len(sc.Layers))
	for j, l := range sc.Layers {
		gas := toWei(l.EntryGas, maxGasWei)
		lp := fmt.Sprintf("scenarios[%d].layers[%d]", i, j)
		if !b.Gt(&gas) {
			return b, nil, fieldErr(lp+".entry_gas", l.EntryGas.String(),
				"the entry costs use up the amount: %s of entry gas leaves nothing of %s %s",
				l.EntryGas, fromWei(&b), s.Asset)
		}
		b.Sub(&b, &gas)
		e := &entry[j]
		e.entryGas = gas
		entryCost := newRatio(l.EntryCost, hundred)
		entryCost.apply(&e.entryCost, &b)
		b.Sub(&b, &e.entryCost)
		if b.IsZero() {
			return b, nil, fieldErr(lp+".entry_cost", l.EntryCost.String(),
				"the entry costs use up the amount: nothing is left after this layer's entry cost")
		}
	}
	return b, entry, nil
}

// loopEntryErrors returns the error of every scenario whose loop is liquidated at entry
// (SPEC section 8.2): after the entry of every layer, D = trunc(B × (leverage − 1)),
// B = B + D − trunc(D × entry_cost / 100), and D × 100 ≥ B × liquidation_ltv. It is meant for a
// set whose fields are otherwise valid; a loop outside its ranges, and a scenario whose entry
// costs use up the amount (an evaluation error), give none; so do all scenarios when found, the
// errors found so far, holds any.
func (s Set) loopEntryErrors(found []error) []error {
	if len(found) > 0 {
		return nil
	}
	var errs []error
	one := decimal.NewFromInt(1)
	for i, sc := range s.Scenarios {
		l := sc.Loop
		if l == nil || l.Leverage.LessThan(one) || l.LiquidationLTV.Sign() <= 0 || l.EntryCost.Sign() < 0 ||
			l.EntryCost.GreaterThan(hundred) || s.Amount.Sign() <= 0 {
			continue
		}
		b, _, err := enter(s, i)
		if err != nil {
			continue
		}
		if _, err := newLedgerLoop(*l, &b, fmt.Sprintf("scenarios[%d]", i)); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

func newLedgerReward(r Reward, days int) *ledgerReward {
	lr := &ledgerReward{
		perYear:  newRatio(r.PerYear, daysInYear),
		sell:     r.Sell != Hold,
		every:    r.ClaimEvery,
		gas:      toWei(r.ClaimGas, maxGasWei),
		sellCost: newRatio(r.SellCost, hundred),
		prices:   newPricePath(r.Price, r.PriceGrowth, days),
	}
	if lr.every < 1 {
		lr.sell = false
	}
	lr.last = lr.prices.at(days)
	return lr
}

// bound sets capTokens: the tokens worth at most share wei at the path's highest price.
func (lr *ledgerReward) bound(share *uint256.Int) {
	top := lr.prices.at(0)
	if lr.last.huge || lr.last.v.Gt(&top.v) {
		top = lr.last // P is monotonic: its largest value is at one end
	}
	switch {
	case top.huge:
		lr.capTokens.Clear()
	case top.v.IsZero():
		lr.capAll = true
	default:
		lr.capTokens.MulDivOverflow(share, weiPerUnit, &top.v)
	}
}

// newLedgerLoop borrows against the position b (SPEC section 8.2) and returns the loop, or the
// error of a loop liquidated at entry.
func newLedgerLoop(l Loop, b *uint256.Int, path string) (*ledgerLoop, error) {
	lp := &ledgerLoop{
		borrow:  newRatio(l.BorrowAPR, aprDivisor),
		penalty: newRatio(l.LiquidationPenalty, hundred),
		ltv:     l.LiquidationLTV,
	}
	extra := newRatio(l.Leverage.Sub(decimal.NewFromInt(1)), decimal.NewFromInt(1))
	extra.apply(&lp.debt, b)
	entryCost := newRatio(l.EntryCost, hundred)
	entryCost.apply(&lp.cost, &lp.debt)
	b.Add(b, &lp.debt)
	b.Sub(b, &lp.cost)
	ltv := newRatio(l.LiquidationLTV, hundred)
	lp.ltvNum, lp.ltvDen = ltv.num, ltv.den
	if !lp.debt.IsZero() && lp.liquidates(&lp.debt, b) {
		return nil, fieldErr(path+".loop.liquidation_ltv", l.LiquidationLTV.String(), "the loop is liquidated at entry")
	}
	return lp, nil
}

// liquidates reports whether D × 100 ≥ B × liquidation_ltv.
func (lp *ledgerLoop) liquidates(d, b *uint256.Int) bool {
	return mulCmp2(d, &lp.ltvDen, b, &lp.ltvNum) >= 0
}

// mulCmp compares a × b with c × d exactly.
func mulCmp(a, b, c, d *uint256.Int) int {
	x := new(big.Int).Mul(a.ToBig(), b.ToBig())
	return x.Cmp(new(big.Int).Mul(c.ToBig(), d.ToBig()))
}

// run is one path of the daily loop (SPEC sections 3 and 8), without allocating per day.
//
// Each day t = 1 … days:
//
//	base = B; for each layer: gross = trunc(base * apr / 36500), fee = trunc(gross * fee / 100),
//	net = gross - fee; compound: B += net; claim: U += net; a reward token:
//	tg = trunc(base × per_year / 365), tf = trunc(tg × fee / 100), T += tg − tf
//	claim layers with t % claim_every == 0 and U > claim_gas: pay claim_gas, U - claim_gas to B or H
//	tokens sold on their claim days: v = trunc(T × P(t)), c = trunc(v × sell_cost / 100);
//	if v − c > claim_gas, v − c − claim_gas to B or H
//	the loop: D += trunc(D × borrow_apr / 36500)
//	expected path: B -= trunc(B * Σ(risk_probability * risk_loss) / 3650000)
//	the loop: if D × 100 ≥ B × liquidation_ltv, B = max(0, B − D − trunc(D × penalty / 100)), D = 0
//	value = B + H + ΣU + Σ trunc(T × P(t)), which must not exceed 10^30 units; the day's value is
//	that less D
//
// then the exit: claims that cover their gas go to H, the rest is unclaimed; tokens are sold at
// P(days) into H where that covers their gas, else their value is unclaimed; pre = B; for each
// layer top to bottom B -= trunc(B * exit_cost / 100), B -= min(exit_gas, B); the debt is repaid,
// B -= min(D, B); final = B + H.
func (lg *ledger) run(opt runOptions) pathTotals {
	n := len(lg.layers)
	t := pathTotals{layers: make([]layerFlows, n)}
	copy(t.layers, lg.entry)
	if opt.sampleEvery > 0 {
		t.series = make([]uint256.Int, 0, lg.days/opt.sampleEvery+1)
	}
	if opt.everyDay {
		t.days = make([]uint256.Int, 0, lg.days)
	}
	valueStep := opt.sampleEvery
	if opt.everyDay {
		valueStep = 1
	}
	if valueStep > 0 {
		for _, j := range lg.rewards {
			lg.layers[j].reward.sampleAt(valueStep)
		}
	}
	b := lg.start
	var d uint256.Int
	loop := lg.loop
	if loop != nil {
		d = loop.debt
		if opt.discount {
			t.worstD, t.worstB = d, b
		}
	}
	var base, gross, fee, loss, value, r uint256.Int
	for day := 1; day <= lg.days; day++ {
		base = b
		for i := range lg.layers {
			l, f := &lg.layers[i], &t.layers[i]
			if rw := l.reward; rw != nil {
				rw.perYear.apply(&gross, &base)
				if !gross.IsZero() {
					l.fee.apply(&fee, &gross)
					gross.Sub(&gross, &fee)
					f.tokensWaiting.Add(&f.tokensWaiting, &gross)
					f.tokens.Add(&f.tokens, &gross)
				}
			}
			l.apr.apply(&gross, &base)
			if gross.IsZero() {
				continue
			}
			l.fee.apply(&fee, &gross)
			f.gross.Add(&f.gross, &gross)
			f.fee.Add(&f.fee, &fee)
			gross.Sub(&gross, &fee) // net
			if l.claim {
				f.unclaimed.Add(&f.unclaimed, &gross)
			} else {
				b.Add(&b, &gross)
			}
		}
		for i := range lg.layers {
			l, f := &lg.layers[i], &t.layers[i]
			if !l.claim || day%l.claimEvery != 0 || !f.unclaimed.Gt(&l.claimGas) {
				continue
			}
			f.claims++
			f.claimGas.Add(&f.claimGas, &l.claimGas)
			f.unclaimed.Sub(&f.unclaimed, &l.claimGas)
			if l.reinvest {
				b.Add(&b, &f.unclaimed)
			} else {
				t.held.Add(&t.held, &f.unclaimed)
			}
			f.unclaimed.Clear()
		}
		for _, j := range lg.rewards {
			l, f := &lg.layers[j], &t.layers[j]
			rw := l.reward
			if !rw.sell || day%rw.every != 0 || f.tokensWaiting.IsZero() {
				continue
			}
			to := &t.held
			if l.reinvest {
				to = &b
			}
			if _, over := rw.sellTokens(f, &rw.saleTable()[day/rw.every], to); over {
				t.overDay = day
				return t
			}
		}
		if !d.IsZero() {
			loop.borrow.apply(&r, &d)
			d.Add(&d, &r)
			t.interest.Add(&t.interest, &r)
		}
		if opt.expected && !lg.loss.zero {
			lg.loss.apply(&loss, &b)
			b.Sub(&b, &loss)
			t.lost.Add(&t.lost, &loss)
		}
		if !d.IsZero() {
			if loop.liquidates(&d, &b) {
				loop.penalty.apply(&r, &d)
				r.Add(&r, &d)
				if b.Gt(&r) {
					b.Sub(&b, &r)
				} else {
					b.Clear()
				}
				d.Clear()
				if t.liquidatedDay == 0 {
					t.liquidatedDay = day
				}
			} else if opt.discount && mulCmp2(&d, &t.worstB, &t.worstD, &b) > 0 {
				t.worstD, t.worstB, t.worstDay = d, b, day
			}
		}
		value.Add(&b, &t.held)
		for i := range t.layers {
			value.Add(&value, &t.layers[i].unclaimed)
		}
		keep := (opt.sampleEvery > 0 && (day%opt.sampleEvery == 0 || day == lg.days)) || opt.everyDay
		if len(lg.rewards) > 0 && lg.addTokens(&value, t.layers, day, keep, valueStep) {
			t.overDay = day
			return t
		}
		if value.Gt(limitWei) {
			t.overDay = day
			return t
		}
		if keep {
			value.Sub(&value, &d) // D < B after the liquidation check
			if opt.sampleEvery > 0 && (day%opt.sampleEvery == 0 || day == lg.days) {
				t.series = append(t.series, value)
			}
			if opt.everyDay {
				t.days = append(t.days, value)
			}
		}
	}

	for i := range lg.layers {
		l, f := &lg.layers[i], &t.layers[i]
		if !l.claim {
			continue
		}
		if f.unclaimed.Gt(&l.claimGas) {
			f.claims++
			f.claimGas.Add(&f.claimGas, &l.claimGas)
			f.unclaimed.Sub(&f.unclaimed, &l.claimGas)
			t.held.Add(&t.held, &f.unclaimed)
			f.unclaimed.Clear()
		}
		t.unclaimed.Add(&t.unclaimed, &f.unclaimed)
	}
	for _, j := range lg.rewards {
		f, rw := &t.layers[j], lg.layers[j].reward
		if f.tokensWaiting.IsZero() {
			continue
		}
		if sold, _ := rw.sellTokens(f, &rw.last, &t.held); !sold {
			f.tokensUnsoldQuantity = f.tokensWaiting
			f.tokensWaiting.Clear()
			t.unclaimed.Add(&t.unclaimed, &f.tokensUnsold)
		}
	}
	t.pre = b
	for i := n - 1; i >= 0; i-- {
		l, f := &lg.layers[i], &t.layers[i]
		l.exitCost.apply(&f.exitCost, &b)
		b.Sub(&b, &f.exitCost)
		f.exitGas = l.exitGas
		if f.exitGas.Gt(&b) {
			f.exitGas = b
		}
		b.Sub(&b, &f.exitGas)
	}
	t.debt, t.repaid = d, d
	if d.Gt(&b) {
		t.repaid = b
	}
	b.Sub(&b, &t.repaid)
	for i := range t.layers {
		f := &t.layers[i]
		t.gas.Add(&t.gas, &f.entryGas)
		t.gas.Add(&t.gas, &f.claimGas)
		t.gas.Add(&t.gas, &f.saleGas)
		t.gas.Add(&t.gas, &f.exitGas)
		t.costs.Add(&t.costs, &f.entryCost)
		t.costs.Add(&t.costs, &f.saleCost)
		t.costs.Add(&t.costs, &f.exitCost)
	}
	if loop != nil {
		t.costs.Add(&t.costs, &loop.cost)
	}
	t.final.Add(&b, &t.held)
	return t
}

// sellTokens sells the layer's waiting tokens at price p (SPEC section 8.1): v = trunc(T × P),
// c = trunc(v × sell_cost / 100); if v − c > claim_gas, claim_gas is paid and v − c − claim_gas
// goes to `to`. Otherwise the tokens keep waiting and f.tokensUnsold is v. over reports a value
// beyond 256 bits, which is beyond the projection limit.
func (rw *ledgerReward) sellTokens(f *layerFlows, p *priceWei, to *uint256.Int) (sold, over bool) {
	if p.huge {
		return false, true
	}
	var v, c uint256.Int
	if tokenWorth(&v, &f.tokensWaiting, p) {
		return false, true
	}
	rw.sellCost.apply(&c, &v)
	f.tokensUnsold = v
	v.Sub(&v, &c)
	if !v.Gt(&rw.gas) {
		return false, false
	}
	f.tokensUnsold.Clear()
	f.sales++
	f.tokenValue.Add(&f.tokenValue, &v)
	f.saleCost.Add(&f.saleCost, &c)
	f.saleGas.Add(&f.saleGas, &rw.gas)
	v.Sub(&v, &rw.gas)
	to.Add(to, &v)
	f.tokensWaiting.Clear()
	return true, false
}

// unitDivisor is division by 10^18 (one asset unit in wei) by reciprocal, for token worths.
var unitDivisor = newRatio(decimal.NewFromInt(1), decimal.New(1, MaxDecimals))

// tokenWorth sets v = trunc(T × P(t)) in wei, T tokens and P wei per token: floor(T × P / 10^18),
// with 10^18's reciprocal where P fits 64 bits (below about 18.4 asset units a token), which
// spares WebAssembly a 512-bit division on every sale. It reports a worth beyond 256 bits.
func tokenWorth(v, tokens *uint256.Int, p *priceWei) bool {
	if p.v.IsUint64() {
		r := unitDivisor
		r.n64 = p.v.Uint64()
		r.zero = r.n64 == 0
		if tokens[3] == 0 {
			r.apply(v, tokens)
			return false
		}
	}
	_, overflow := v.MulDivOverflow(tokens, &p.v, weiPerUnit)
	return overflow
}

// addTokens adds Σ trunc(T × P(day)) to value where the day's value is kept, or where a cheap
// bound cannot show that value stays within the limit; it reports a value beyond 256 bits.
func (lg *ledger) addTokens(value *uint256.Int, flows []layerFlows, day int, keep bool, step int) bool {
	if !keep && !value.Gt(&lg.tokenHalf) {
		within := true
		for _, j := range lg.rewards {
			rw := lg.layers[j].reward
			if !rw.capAll && flows[j].tokensWaiting.Gt(&rw.capTokens) {
				within = false
				break
			}
		}
		if within {
			return false
		}
	}
	var v uint256.Int
	for _, j := range lg.rewards {
		f, rw := &flows[j], lg.layers[j].reward
		if f.tokensWaiting.IsZero() {
			continue
		}
		var p priceWei
		switch {
		case keep && step > 0 && day%step == 0:
			p = rw.sampled[day/step]
		case day == lg.days:
			p = rw.last
		default:
			p = rw.prices.at(day)
		}
		if p.huge {
			return true
		}
		if tokenWorth(&v, &f.tokensWaiting, &p) {
			return true
		}
		if _, overflow := value.AddOverflow(value, &v); overflow {
			return true
		}
	}
	return false
}

// saleTable returns P(k × every) for the claim days, built once.
func (rw *ledgerReward) saleTable() []priceWei {
	if rw.sale == nil {
		rw.sale = rw.prices.every(rw.every)
	}
	return rw.sale
}

// sampleAt builds P(k × step) for the days a run keeps.
func (rw *ledgerReward) sampleAt(step int) {
	if rw.sampleOf != step {
		rw.sampled = rw.prices.every(step)
		rw.sampleOf = step
	}
}

// mulCmp2 compares a × b with c × d: in registers where all four are below 2^128 (balances
// below about 3.4 × 10^20 units), which is four 64-bit multiplications a product instead of the
// sixteen of a full 256-bit one.
func mulCmp2(a, b, c, d *uint256.Int) int {
	if a[2]|a[3]|b[2]|b[3]|c[2]|c[3]|d[2]|d[3] != 0 {
		return mulCmp(a, b, c, d)
	}
	if b[1]|d[1] == 0 { // a ratio's 64-bit terms, as in the liquidation check: two multiplications a product
		x2, x1, x0 := mul128x64(a[0], a[1], b[0])
		y2, y1, y0 := mul128x64(c[0], c[1], d[0])
		switch {
		case x2 != y2:
			return cmpUint(x2, y2)
		case x1 != y1:
			return cmpUint(x1, y1)
		}
		return cmpUint(x0, y0)
	}
	x := mul128(a[0], a[1], b[0], b[1])
	y := mul128(c[0], c[1], d[0], d[1])
	for i := 3; i >= 0; i-- {
		if x[i] != y[i] {
			if x[i] > y[i] {
				return 1
			}
			return -1
		}
	}
	return 0
}

func cmpUint(x, y uint64) int {
	switch {
	case x > y:
		return 1
	case x < y:
		return -1
	}
	return 0
}

// mul128x64 returns the 192-bit product of a1:a0 and b, high limb first.
func mul128x64(a0, a1, b uint64) (z2, z1, z0 uint64) {
	h0, z0 := bits.Mul64(a0, b)
	h1, l1 := bits.Mul64(a1, b)
	z1, c := bits.Add64(l1, h0, 0)
	return h1 + c, z1, z0
}

// mul128 returns the 256-bit product of a1:a0 and b1:b0, little-endian limbs.
func mul128(a0, a1, b0, b1 uint64) [4]uint64 {
	var z [4]uint64
	h00, l00 := bits.Mul64(a0, b0)
	h01, l01 := bits.Mul64(a0, b1)
	h10, l10 := bits.Mul64(a1, b0)
	h11, l11 := bits.Mul64(a1, b1)
	z[0] = l00
	var c1, c2 uint64
	z[1], c1 = bits.Add64(h00, l01, 0)
	z[1], c2 = bits.Add64(z[1], l10, 0)
	var c3, c4 uint64
	z[2], c3 = bits.Add64(h01, h10, c1)
	z[2], c4 = bits.Add64(z[2], l11, c2)
	z[3] = h11 + c3 + c4
	return z
}

// overError is the error of a path whose value exceeded the limit.
func (lg *ledger) overError(day int) error {
	return fieldErr(lg.path, "", "the projection exceeds 10^30 %s by day %d", lg.asset, day)
}
