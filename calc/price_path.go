package calc

import (
	"math"
	"math/big"

	"github.com/holiman/uint256"
	"github.com/shopspring/decimal"
)

// A pricePath is a reward token's price in asset wei on each day of a horizon (SPEC section 8.1):
//
//	P(t) = price × (1 + price_growth / 100)^(t / 365), rounded half to even to 18 places,
//
// and P(t) = 0 for t ≥ 1 when the growth is −100 %. Whole years are exact powers of a rational;
// the days between are computed with at least 30 digits to spare below the wei, stepping from the
// last exact year by a precomputed factor, so that a path of n days costs n multiplications.
type pricePath struct {
	days     int
	price    *big.Rat // price in wei
	growth   *big.Rat // 1 + price_growth / 100
	constant bool     // growth 0 or price 0: P(t) = price for every t
	vanishes bool     // growth −100 %: P(t) = 0 from day 1
	prec     uint     // bits of the stepping arithmetic
	lnGrowth *big.Float
}

// priceWei is P(t) in wei; huge is set where it does not fit 256 bits (any token then exceeds
// the projection limit).
type priceWei struct {
	v    uint256.Int
	huge bool
}

func newPricePath(price, growthPercent decimal.Decimal, days int) *pricePath {
	p := &pricePath{days: days, price: price.Shift(MaxDecimals).Rat()}
	p.growth = new(big.Rat).Add(big.NewRat(1, 1), new(big.Rat).Quo(growthPercent.Rat(), big.NewRat(100, 1)))
	p.constant = growthPercent.IsZero() || price.IsZero()
	p.vanishes = !p.constant && p.growth.Sign() == 0
	if p.constant || p.vanishes {
		return p
	}
	// The largest value the path reaches, as a power of two, sizes the precision: the integer
	// part, 30 decimal digits below the wei (100 bits), and 40 bits for 36500 steps of rounding.
	top := logApprox(p.price) / math.Ln2
	if g := logApprox(p.growth) / math.Ln2; g > 0 {
		top += g * float64(days) / 365
	}
	top = min(max(top, 0), 300)
	p.prec = uint(top) + 100 + 40 + 64
	p.lnGrowth = lnFloat(new(big.Float).SetPrec(p.prec).SetRat(p.growth))
	return p
}

// exact returns P(t) for t a multiple of 365, exactly rounded.
func (p *pricePath) exact(t int) (*big.Rat, priceWei) {
	x := new(big.Rat).Mul(p.price, powRat(p.growth, t/365))
	return x, roundWeiRat(x)
}

// years walks the exact prices of whole years, P(365 k) = price × growth^k, one multiplication
// a year, without reducing the fractions.
type years struct {
	num, den *big.Int // P(365 k) = num / den
	gNum     *big.Int
	gDen     *big.Int
	k        int
}

func (p *pricePath) years() *years {
	return &years{num: new(big.Int).Set(p.price.Num()), den: new(big.Int).Set(p.price.Denom()),
		gNum: p.growth.Num(), gDen: p.growth.Denom()}
}

// at returns P(365 k) for k ≥ the last k asked for.
func (y *years) at(k int) (num, den *big.Int) {
	for ; y.k < k; y.k++ {
		y.num.Mul(y.num, y.gNum)
		y.den.Mul(y.den, y.gDen)
	}
	return y.num, y.den
}

// at returns P(t) for any day t, computed on its own.
func (p *pricePath) at(t int) priceWei {
	switch {
	case p.constant || t == 0:
		return roundWeiRat(p.price)
	case p.vanishes:
		return priceWei{}
	case t%365 == 0:
		_, w := p.exact(t)
		return w
	}
	x := p.factor(t)
	x.Mul(x, new(big.Float).SetPrec(p.prec).SetRat(p.price))
	return roundWeiFloat(x)
}

// factor returns growth^(t/365) at the path's precision.
func (p *pricePath) factor(t int) *big.Float {
	y := new(big.Float).SetPrec(p.prec).Mul(p.lnGrowth, new(big.Float).SetPrec(p.prec).SetInt64(int64(t)))
	y.Quo(y, new(big.Float).SetPrec(p.prec).SetInt64(365))
	return expFloat(y)
}

// every returns P(k × step) for k = 0 … days / step: stepping by growth^(step/365) from the
// last whole year, which is exact; a step across a year boundary starts again from it. The steps
// run in fixed point, X = P × 2^128 wei as an integer, multiplied by the step's factor × 2^256:
// each step errs by less than 2^-128 wei, so a year of steps keeps the 30 spare digits.
func (p *pricePath) every(step int) []priceWei {
	n := p.days/step + 1
	out := make([]priceWei, n)
	switch {
	case p.constant:
		w := roundWeiRat(p.price)
		for k := range out {
			out[k] = w
		}
		return out
	case p.vanishes:
		out[0] = roundWeiRat(p.price)
		return out
	}
	const fracBits, factorBits = 128, 256
	fixed := func(f *big.Float) *big.Int {
		z, _ := new(big.Float).SetPrec(f.Prec()+factorBits).SetMantExp(f, factorBits).Int(nil)
		return z
	}
	stepFactor := fixed(p.factor(step))
	offsets := map[int]*big.Int{} // growth^(r/365) × 2^256 for the offsets r from a year boundary
	ys := p.years()
	var r rounding
	x, product := new(big.Int), new(big.Int)
	atYear := func(year int) { // x = P(365 year) × 2^128
		num, den := ys.at(year)
		x.Lsh(num, fracBits)
		x.Quo(x, den)
	}
	atYear(0)
	out[0] = roundWeiRat(p.price)
	for k := 1; k < n; k++ {
		t := k * step
		year := t / 365
		switch {
		case t%365 == 0:
			num, den := ys.at(year)
			out[k] = r.ratio(num, den)
			atYear(year)
			continue
		case (t-step)/365 != year:
			// A year boundary passed since the last step: start again from it, exactly.
			f, ok := offsets[t-year*365]
			if !ok {
				f = fixed(p.factor(t - year*365))
				offsets[t-year*365] = f
			}
			atYear(year)
			product.Mul(x, f)
		default:
			product.Mul(x, stepFactor)
		}
		x.Rsh(product, factorBits)
		out[k] = r.fixed(x, fracBits)
	}
	return out
}

// rounding holds the scratch values of rounding to whole wei, half to even.
type rounding struct {
	q, rem, twice big.Int
	unit          *big.Int
}

// fixed rounds x / 2^frac ≥ 0 wei half to even to a whole wei.
func (r *rounding) fixed(x *big.Int, frac uint) priceWei {
	r.q.Rsh(x, frac)
	r.rem.Lsh(&r.q, frac)
	r.rem.Sub(x, &r.rem)
	r.twice.Lsh(&r.rem, 1)
	if c := r.twice.Cmp(r.one(frac)); c > 0 || (c == 0 && r.q.Bit(0) == 1) {
		r.q.Add(&r.q, big.NewInt(1))
	}
	return weiFromBig(&r.q)
}

// one returns 2^frac.
func (r *rounding) one(frac uint) *big.Int {
	if r.unit == nil || uint(r.unit.BitLen()) != frac+1 {
		r.unit = new(big.Int).Lsh(big.NewInt(1), frac)
	}
	return r.unit
}

// ratio rounds num / den ≥ 0 wei half to even to a whole wei.
func (r *rounding) ratio(num, den *big.Int) priceWei {
	r.q.QuoRem(num, den, &r.rem)
	r.twice.Lsh(&r.rem, 1)
	if c := r.twice.Cmp(den); c > 0 || (c == 0 && r.q.Bit(0) == 1) {
		r.q.Add(&r.q, big.NewInt(1))
	}
	return weiFromBig(&r.q)
}

var twoPow256 = new(big.Int).Lsh(big.NewInt(1), 256)

// roundWeiRat rounds x ≥ 0 wei half to even to a whole wei.
func roundWeiRat(x *big.Rat) priceWei {
	q, r := new(big.Int).QuoRem(x.Num(), x.Denom(), new(big.Int))
	r.Lsh(r, 1)
	if c := r.Cmp(x.Denom()); c > 0 || (c == 0 && q.Bit(0) == 1) {
		q.Add(q, big.NewInt(1))
	}
	return weiFromBig(q)
}

// roundWeiFloat rounds x ≥ 0 wei half to even to a whole wei.
func roundWeiFloat(x *big.Float) priceWei {
	q, _ := x.Int(nil)
	frac := new(big.Float).SetPrec(x.Prec()).Sub(x, new(big.Float).SetPrec(x.Prec()).SetInt(q))
	if c := frac.Cmp(big.NewFloat(0.5)); c > 0 || (c == 0 && q.Bit(0) == 1) {
		q.Add(q, big.NewInt(1))
	}
	return weiFromBig(q)
}

func weiFromBig(q *big.Int) priceWei {
	if q.Cmp(twoPow256) >= 0 {
		return priceWei{huge: true}
	}
	var w priceWei
	w.v.SetFromBig(q)
	return w
}
