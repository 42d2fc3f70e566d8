package calc

import (
	"math"
	"math/big"

	"github.com/shopspring/decimal"
)

// Percentages and fiat values are not amounts: they come out of powers with fractional exponents
// and are rounded half-even to a few places. Where the exponent is a whole number they are exact
// (big.Rat); otherwise they are computed with big.Float at a precision that leaves at least 30
// correct digits below the rounding place.

// Places of the rounded figures.
const (
	PercentPlaces = 6
	FiatPlaces    = 2
)

// APY returns the yearly growth rate of amount into final over days, in percent, rounded half-even
// to 6 places: ((final / amount)^(365 / days) - 1) * 100, and -100 where final is zero.
func APY(amount, final decimal.Decimal, days int) decimal.Decimal {
	if final.Sign() <= 0 || amount.Sign() <= 0 || days <= 0 {
		return hundred.Neg()
	}
	r := new(big.Rat).Quo(final.Rat(), amount.Rat())
	var x *big.Rat
	if 365%days == 0 {
		x = powRat(r, 365/days)
	} else {
		prec := precisionFor(math.Abs(float64(365)/float64(days)*logApprox(r)), PercentPlaces+2)
		y := lnFloat(new(big.Float).SetPrec(prec).SetRat(r))
		y.Mul(y, new(big.Float).SetPrec(prec).SetInt64(365))
		y.Quo(y, new(big.Float).SetPrec(prec).SetInt64(int64(days)))
		x, _ = expFloat(y).Rat(nil)
	}
	x.Sub(x, big.NewRat(1, 1))
	x.Mul(x, big.NewRat(100, 1))
	return roundRat(x, PercentPlaces)
}

// LossChance returns the chance of at least one loss event in a stack over days, in percent,
// rounded half-even to 6 places: (1 - Π (1 - risk_probability / 36500)^days) * 100.
func LossChance(days int, layers []Layer) decimal.Decimal {
	const prec = 512
	one := new(big.Float).SetPrec(prec).SetInt64(1)
	survive := new(big.Float).SetPrec(prec).SetInt64(1)
	any := false
	for _, l := range layers {
		if l.RiskProbability.Sign() == 0 {
			continue
		}
		any = true
		daily := new(big.Float).SetPrec(prec).SetRat(l.RiskProbability.Rat())
		daily.Quo(daily, new(big.Float).SetPrec(prec).SetInt64(36500))
		daily.Sub(one, daily)
		survive.Mul(survive, powFloat(daily, days))
	}
	if !any {
		return decimal.Zero
	}
	p := new(big.Float).SetPrec(prec).Sub(one, survive)
	p.Mul(p, new(big.Float).SetPrec(prec).SetInt64(100))
	x, _ := p.Rat(nil)
	return roundRat(x, PercentPlaces)
}

// FiatValue returns final in fiat at the price grown for days, rounded half-even to 2 places:
// final * price * (1 + price_growth / 100)^(days / 365); zero without a price.
func FiatValue(final, price, growthPercent decimal.Decimal, days int) decimal.Decimal {
	if price.Sign() <= 0 || final.Sign() <= 0 {
		return decimal.Zero
	}
	v := new(big.Rat).Mul(final.Rat(), price.Rat())
	g := new(big.Rat).Add(big.NewRat(1, 1), new(big.Rat).Quo(growthPercent.Rat(), big.NewRat(100, 1)))
	switch {
	case growthPercent.Sign() == 0:
	case g.Sign() == 0:
		return decimal.Zero
	case days%365 == 0:
		v.Mul(v, powRat(g, days/365))
	default:
		exponent := float64(days) / 365
		magnitude := math.Abs(logApprox(v)) + math.Abs(exponent*logApprox(g))
		prec := precisionFor(magnitude, FiatPlaces+2)
		y := lnFloat(new(big.Float).SetPrec(prec).SetRat(g))
		y.Mul(y, new(big.Float).SetPrec(prec).SetInt64(int64(days)))
		y.Quo(y, new(big.Float).SetPrec(prec).SetInt64(365))
		f := expFloat(y)
		f.Mul(f, new(big.Float).SetPrec(prec).SetRat(v))
		v, _ = f.Rat(nil)
	}
	return roundRat(v, FiatPlaces)
}

// logApprox is ln(r) in float64, good enough to size a precision.
func logApprox(r *big.Rat) float64 {
	f, _ := new(big.Float).SetRat(r).Float64()
	if f > 0 && !math.IsInf(f, 0) {
		return math.Log(f)
	}
	// Beyond float64: count digits.
	n := float64(len(r.Num().String()) - len(r.Denom().String()))
	return n * math.Ln10
}

// precisionFor returns the bits for a value of natural-log magnitude ln (about e^ln) to be exact
// to the given places with 30 digits to spare.
func precisionFor(ln float64, places int) uint {
	digits := ln/math.Ln10 + float64(places) + 30
	return uint(digits*math.Log2(10)) + 64
}

// roundRat rounds x half-even to places decimal places, exactly.
func roundRat(x *big.Rat, places int32) decimal.Decimal {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	num := new(big.Int).Mul(x.Num(), scale)
	num.Abs(num)
	q, rem := new(big.Int).QuoRem(num, x.Denom(), new(big.Int))
	rem.Lsh(rem, 1)
	switch rem.Cmp(x.Denom()) {
	case 1:
		q.Add(q, big.NewInt(1))
	case 0:
		if q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
	}
	if x.Sign() < 0 {
		q.Neg(q)
	}
	return decimal.NewFromBigInt(q, -places)
}

// powRat returns r^n exactly, n ≥ 0.
func powRat(r *big.Rat, n int) *big.Rat {
	num := new(big.Int).Exp(r.Num(), big.NewInt(int64(n)), nil)
	den := new(big.Int).Exp(r.Denom(), big.NewInt(int64(n)), nil)
	return new(big.Rat).SetFrac(num, den)
}

// powFloat returns x^n by repeated squaring, at x's precision, n ≥ 0.
func powFloat(x *big.Float, n int) *big.Float {
	result := new(big.Float).SetPrec(x.Prec()).SetInt64(1)
	base := new(big.Float).Copy(x)
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			result.Mul(result, base)
		}
		base.Mul(base, base)
	}
	return result
}

// lnFloat returns the natural logarithm of x > 0 at x's precision:
// x = m * 2^e with m in [0.5, 1), ln x = 2 atanh((m-1)/(m+1)) + e * 2 atanh(1/3),
// where 2 atanh(1/3) = ln 2. Near 1 it uses x itself, where the series is fastest.
func lnFloat(x *big.Float) *big.Float {
	prec := x.Prec()
	one := new(big.Float).SetPrec(prec).SetInt64(1)
	if f, _ := x.Float64(); f > 0.5 && f < 2 {
		return atanh2(x, one)
	}
	m := new(big.Float).SetPrec(prec)
	e := x.MantExp(m)
	ln := atanh2(m, one)
	if e != 0 {
		ln2 := atanh2(new(big.Float).SetPrec(prec).SetInt64(2), one)
		ln.Add(ln, ln2.Mul(ln2, new(big.Float).SetPrec(prec).SetInt64(int64(e))))
	}
	return ln
}

// atanh2 returns 2 atanh((x-1)/(x+1)) = ln x, as the series 2 Σ z^(2k+1) / (2k+1).
func atanh2(x, one *big.Float) *big.Float {
	prec := x.Prec()
	z := new(big.Float).SetPrec(prec).Sub(x, one)
	z.Quo(z, new(big.Float).SetPrec(prec).Add(x, one))
	z2 := new(big.Float).SetPrec(prec).Mul(z, z)
	sum := new(big.Float).SetPrec(prec).Set(z)
	power := new(big.Float).SetPrec(prec).Set(z)
	term := new(big.Float).SetPrec(prec)
	for k := int64(3); ; k += 2 {
		power.Mul(power, z2)
		term.Quo(power, new(big.Float).SetPrec(prec).SetInt64(k))
		if term.Sign() == 0 || term.MantExp(nil)-sum.MantExp(nil) < -int(prec)-2 {
			break
		}
		sum.Add(sum, term)
	}
	return sum.Mul(sum, new(big.Float).SetPrec(prec).SetInt64(2))
}

// expFloat returns e^y at y's precision: e^y = (e^(y / 2^s))^(2^s), with the inner power a
// Taylor series on |y / 2^s| < 2^-8.
func expFloat(y *big.Float) *big.Float {
	prec := y.Prec() + 64
	r := new(big.Float).SetPrec(prec).Set(y)
	s := 0
	if e := r.MantExp(nil); e > -8 {
		s = e + 8
		r.SetMantExp(r, -s)
	}
	sum := new(big.Float).SetPrec(prec).SetInt64(1)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	for k := int64(1); ; k++ {
		term.Mul(term, r)
		term.Quo(term, new(big.Float).SetPrec(prec).SetInt64(k))
		if term.Sign() == 0 || term.MantExp(nil)-sum.MantExp(nil) < -int(prec)-2 {
			break
		}
		sum.Add(sum, term)
	}
	for ; s > 0; s-- {
		sum.Mul(sum, sum)
	}
	return sum.SetPrec(y.Prec())
}
