package calc

import (
	"math"
	"math/big"

	"github.com/shopspring/decimal"
)

// fiatDays turns a set's day values into fiat as [FiatValue] does, for a whole series at once:
// value × price × (1 + growth/100)^(day/365), rounded half-even to cents. FiatValue takes a
// logarithm and a power per call; here the logarithm is taken once and the power once per day,
// shared by every scenario and path, at a precision that suits the largest and smallest value
// of the series, so that every figure keeps FiatValue's 30 spare digits and rounds the same.
type fiatDays struct {
	price       *big.Rat
	growth      *big.Rat // 1 + growth/100
	noGrowth    bool
	none        bool // no price, or a growth of -100 %: every figure is zero
	prec        uint
	lnGrowth    *big.Float
	day         int        // the day factor is for, 0 for none yet
	centsFactor *big.Float // price × 100 × growth^(day/365), fractional exponents
	factorRat   *big.Rat   // growth^(day/365), whole years
	priceCents  *big.Float // price × 100
	dayGrowth   *big.Float // growth^(1/365)
}

func newFiatDays(s Set, r Results) *fiatDays {
	f := &fiatDays{price: s.Price.Rat()}
	f.growth = new(big.Rat).Add(big.NewRat(1, 1), new(big.Rat).Quo(s.PriceGrowth.Rat(), big.NewRat(100, 1)))
	f.noGrowth = s.PriceGrowth.Sign() == 0
	f.none = s.Price.Sign() <= 0 || f.growth.Sign() == 0
	if f.none || f.noGrowth {
		return f
	}
	// The magnitude FiatValue sizes its precision by, at its largest over the series.
	lowest, highest := decimal.Zero, decimal.Zero
	days := 0
	for _, sr := range r.Scenarios {
		for _, series := range [][]DayValue{sr.Series, sr.SeriesExpected} {
			for _, v := range series {
				if v.Value.Sign() <= 0 {
					continue
				}
				if lowest.IsZero() || v.Value.LessThan(lowest) {
					lowest = v.Value
				}
				if v.Value.GreaterThan(highest) {
					highest = v.Value
				}
				days = max(days, v.Day)
			}
		}
	}
	magnitude := 0.0
	for _, v := range []decimal.Decimal{lowest, highest} {
		if v.Sign() > 0 {
			magnitude = max(magnitude, math.Abs(logApprox(new(big.Rat).Mul(v.Rat(), f.price))))
		}
	}
	magnitude += math.Abs(float64(days) / 365 * logApprox(f.growth))
	f.prec = precisionFor(magnitude, FiatPlaces+2) + 64
	f.lnGrowth = lnFloat(new(big.Float).SetPrec(f.prec).SetRat(f.growth))
	f.dayGrowth = f.power(1)
	f.priceCents = new(big.Float).SetPrec(f.prec).SetRat(new(big.Rat).Mul(f.price, big.NewRat(100, 1)))
	return f
}

func (f *fiatDays) value(v DayValue) decimal.Decimal {
	if f.none || v.Value.Sign() <= 0 {
		return decimal.Zero
	}
	if f.noGrowth {
		return roundRat(new(big.Rat).Mul(v.Value.Rat(), f.price), FiatPlaces)
	}
	if v.Day != f.day {
		f.factorRat = nil
		switch {
		case v.Day%365 == 0:
			f.factorRat = powRat(f.growth, v.Day/365)
			f.centsFactor = nil
		case v.Day == f.day+1 && f.centsFactor != nil:
			// The next day: one day's growth more. The 64 guard bits hold the rounding of a
			// century of such steps far below the cent.
			f.centsFactor.Mul(f.centsFactor, f.dayGrowth)
		default:
			f.centsFactor = f.power(v.Day)
			f.centsFactor.Mul(f.centsFactor, f.priceCents)
		}
		f.day = v.Day
	}
	if f.factorRat != nil && f.centsFactor == nil && v.Day%365 == 0 {
		// Keep the running factor for the days after a whole year.
		f.centsFactor = f.power(v.Day)
		f.centsFactor.Mul(f.centsFactor, f.priceCents)
	}
	if f.factorRat != nil {
		value := new(big.Rat).Mul(v.Value.Rat(), f.price)
		return roundRat(value.Mul(value, f.factorRat), FiatPlaces)
	}
	// value × factor in cents, without a big.Rat (normalizing one per figure costs most of the
	// time): the value's coefficient × price × factor × 100, scaled by its decimal exponent.
	x := new(big.Float).SetPrec(f.prec).SetInt(v.Value.Coefficient())
	x.Mul(x, f.centsFactor)
	if e := int64(v.Value.Exponent()); e < 0 {
		x.Quo(x, new(big.Float).SetPrec(f.prec).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(-e), nil)))
	} else if e > 0 {
		x.Mul(x, new(big.Float).SetPrec(f.prec).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(e), nil)))
	}
	return roundCents(x)
}

// power returns growth^(day/365).
func (f *fiatDays) power(day int) *big.Float {
	y := new(big.Float).SetPrec(f.prec).Mul(f.lnGrowth, new(big.Float).SetPrec(f.prec).SetInt64(int64(day)))
	y.Quo(y, new(big.Float).SetPrec(f.prec).SetInt64(365))
	return expFloat(y)
}

// roundCents rounds x, a positive number of cents, half-even to a whole cent.
func roundCents(x *big.Float) decimal.Decimal {
	cents, _ := x.Int(nil)
	frac := new(big.Float).SetPrec(x.Prec()).Sub(x, new(big.Float).SetPrec(x.Prec()).SetInt(cents))
	switch frac.Cmp(big.NewFloat(0.5)) {
	case 1:
		cents.Add(cents, big.NewInt(1))
	case 0:
		if cents.Bit(0) == 1 {
			cents.Add(cents, big.NewInt(1))
		}
	}
	return decimal.NewFromBigInt(cents, -FiatPlaces)
}
