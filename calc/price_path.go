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

// every returns P(k × step) for k = 0 … days / step.
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
	stepFactor := p.factor(step)
	x := new(big.Float).SetPrec(p.prec).SetRat(p.price)
	out[0] = roundWeiRat(p.price)
	for k := 1; k < n; k++ {
		t := k * step
		if t%365 == 0 {
			exact, w := p.exact(t)
			out[k] = w
			x.SetRat(exact)
			continue
		}
		if (t-step)/365 != t/365 && step < 365 {
			// A year boundary passed between two steps: restart from it, exactly.
			year := t / 365 * 365
			exact, _ := p.exact(year)
			x.SetRat(exact)
			x.Mul(x, p.factor(t-year))
		} else {
			x.Mul(x, stepFactor)
		}
		out[k] = roundWeiFloat(x)
	}
	return out
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
