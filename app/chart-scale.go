package main

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// The geometry shared by the value chart and the liquidity timeline: axis ticks and the mapping
// of days and amounts to SVG coordinates. Tick values and their labels are exact decimals; only
// positions on the drawing are float64.

// timeTick is one mark on a time axis: the day it stands for (fractional for months) and its label.
type timeTick struct {
	Day   float64
	Label string
}

// timeStep is a candidate spacing of time ticks: count units of days, months or years.
type timeStep struct {
	unit  byte // 'd', 'm' (a twelfth of a 365-day year) or 'y' (365 days)
	count int
}

// daysPerMonth is a twelfth of the ledger's 365-day year.
const daysPerMonth = 365.0 / 12

// timeSteps are the tick spacings a time axis may use, finest first.
var timeSteps = []timeStep{
	{'d', 1}, {'d', 2}, {'d', 5}, {'d', 10}, {'d', 20},
	{'m', 1}, {'m', 2}, {'m', 3}, {'m', 6},
	{'y', 1}, {'y', 2}, {'y', 5}, {'y', 10}, {'y', 20}, {'y', 25}, {'y', 50}, {'y', 100},
}

func (s timeStep) days() float64 {
	switch s.unit {
	case 'm':
		return float64(s.count) * daysPerMonth
	case 'y':
		return float64(s.count) * 365
	default:
		return float64(s.count)
	}
}

// label names the n-th tick of this spacing: "10d", "6mo", "1y", "18mo".
func (s timeStep) label(n int) string {
	if n == 0 {
		return "0"
	}
	k := n * s.count
	switch s.unit {
	case 'm':
		if k%12 == 0 {
			return strconv.Itoa(k/12) + "y"
		}
		return strconv.Itoa(k) + "mo"
	case 'y':
		return strconv.Itoa(k) + "y"
	default:
		return strconv.Itoa(k) + "d"
	}
}

// timeTicks returns at most maxTicks marks from day 0 to at most day days, evenly spaced in
// days, months or years, whichever is the finest spacing that fits.
func timeTicks(days, maxTicks int) []timeTick {
	if days < 1 {
		days = 1
	}
	if maxTicks < 2 {
		maxTicks = 2
	}
	step := timeSteps[len(timeSteps)-1]
	for _, s := range timeSteps {
		if int(float64(days)/s.days()+1e-9)+1 <= maxTicks {
			step = s
			break
		}
	}
	var ticks []timeTick
	for n := 0; ; n++ {
		day := float64(n) * step.days()
		if day > float64(days)+1e-9 {
			break
		}
		ticks = append(ticks, timeTick{Day: day, Label: step.label(n)})
	}
	return ticks
}

// durationLabel says how long days is in years and months: "3y 4mo", "5mo", "" under a month.
// A month is a twelfth of 365 days, rounded down, so the label never overstates the time.
func durationLabel(days int) string {
	if days < 0 {
		return ""
	}
	years := days / 365
	months := (days % 365) * 12 / 365
	switch {
	case years > 0 && months > 0:
		return strconv.Itoa(years) + "y " + strconv.Itoa(months) + "mo"
	case years > 0:
		return strconv.Itoa(years) + "y"
	case months > 0:
		return strconv.Itoa(months) + "mo"
	}
	return ""
}

// valueTick is one mark on an amount axis.
type valueTick struct {
	Value decimal.Decimal
	Label string
}

// niceMultipliers are the leading digits of tick spacings: 1, 2 or 5 times a power of ten.
var niceMultipliers = []int64{1, 2, 5, 10}

// valueTicks returns evenly spaced round marks covering lo to hi, at most maxTicks of them
// (at least 3), and the axis range they span: from the first tick to the last. An empty range
// (a flat line) is widened by 1% of the value either side, or to 0-1 for zero.
func valueTicks(lo, hi decimal.Decimal, maxTicks int) (ticks []valueTick, axisLo, axisHi decimal.Decimal) {
	if maxTicks < 3 {
		maxTicks = 3
	}
	if hi.LessThan(lo) {
		lo, hi = hi, lo
	}
	if lo.Equal(hi) {
		span := lo.Abs().Shift(-2)
		if span.IsZero() {
			hi = decimal.New(1, 0)
		} else {
			lo, hi = lo.Sub(span), hi.Add(span)
		}
	}
	width := hi.Sub(lo)
	places := int32(16) // enough for the spacing's leading digits, below wei-sized ranges too
	if width.Exponent() < 0 {
		places -= width.Exponent()
	}
	raw := width.DivRound(decimal.NewFromInt(int64(maxTicks-1)), places)
	// floor(log10(raw)): the coefficient's digit count and the exponent give the magnitude.
	mag := decimal.New(1, int32(raw.NumDigits()-1)+raw.Exponent())
	// A spacing at least as wide as the range gives at most 3 ticks, so this ends.
	for ; ; mag = mag.Shift(1) {
		for _, m := range niceMultipliers {
			step := mag.Mul(decimal.New(m, 0))
			if step.LessThan(raw) {
				continue
			}
			first, last := floorTo(lo, step), ceilTo(hi, step)
			if last.Sub(first).Div(step).IntPart()+1 > int64(maxTicks) {
				continue
			}
			for v := first; !v.GreaterThan(last); v = v.Add(step) {
				ticks = append(ticks, valueTick{Value: v, Label: tickLabel(v)})
			}
			return ticks, first, last
		}
	}
}

// floorTo returns the largest multiple of step not above d, exactly.
func floorTo(d, step decimal.Decimal) decimal.Decimal {
	q, r := d.QuoRem(step, 0)
	if r.IsNegative() {
		q = q.Sub(decimal.New(1, 0))
	}
	return q.Mul(step)
}

// ceilTo returns the smallest multiple of step not below d, exactly.
func ceilTo(d, step decimal.Decimal) decimal.Decimal {
	q, r := d.QuoRem(step, 0)
	if r.IsPositive() {
		q = q.Add(decimal.New(1, 0))
	}
	return q.Mul(step)
}

// maxPlainTickLen is the longest axis label written out in full; longer ones switch to
// scientific notation when that is shorter.
const maxPlainTickLen = 10

// tickLabel writes an axis value exactly: plain ("32.5", "1000000") or, when that is long and
// the scientific form is shorter, as mantissa and power of ten ("1.5e21", "2e-12").
func tickLabel(d decimal.Decimal) string {
	plain := d.String()
	if len(plain) <= maxPlainTickLen || d.IsZero() {
		return plain
	}
	digits := d.Coefficient()
	sign := ""
	if digits.Sign() < 0 {
		sign = "-"
		digits.Neg(digits)
	}
	s := digits.String()
	exp := int(d.Exponent())
	trimmed := strings.TrimRight(s, "0")
	exp += len(s) - len(trimmed)
	power := len(trimmed) - 1 + exp
	mantissa := trimmed[:1]
	if len(trimmed) > 1 {
		mantissa += "." + trimmed[1:]
	}
	sci := sign + mantissa + "e" + strconv.Itoa(power)
	if len(sci) < len(plain) {
		return sci
	}
	return plain
}

// linearScale maps a domain interval onto a drawing interval. A zero-width domain maps every
// value to the middle of the drawing interval instead of dividing by zero.
type linearScale struct {
	domainLo, domainHi float64
	rangeLo, rangeHi   float64
}

func (s linearScale) at(v float64) float64 {
	width := s.domainHi - s.domainLo
	if width == 0 || math.IsNaN(width) || math.IsInf(width, 0) {
		return chartFinite((s.rangeLo + s.rangeHi) / 2)
	}
	return chartFinite(s.rangeLo + (v-s.domainLo)/width*(s.rangeHi-s.rangeLo))
}

// invert returns the domain value drawn at r.
func (s linearScale) invert(r float64) float64 {
	width := s.rangeHi - s.rangeLo
	if width == 0 || math.IsNaN(width) || math.IsInf(width, 0) {
		return s.domainLo
	}
	return chartFinite(s.domainLo + (r-s.rangeLo)/width*(s.domainHi-s.domainLo))
}

// amountScale maps exact amounts onto a drawing interval: the offset from the bottom of the axis
// is taken exactly before it becomes a float, so that wei-sized differences on a huge amount still
// land on distinct pixels as far as float64 allows.
type amountScale struct {
	lo               decimal.Decimal
	width            float64 // axis hi - lo, as a float
	rangeLo, rangeHi float64
}

func newAmountScale(lo, hi decimal.Decimal, rangeLo, rangeHi float64) amountScale {
	return amountScale{lo: lo, width: chartFloat(hi.Sub(lo)), rangeLo: rangeLo, rangeHi: rangeHi}
}

func (s amountScale) at(v decimal.Decimal) float64 {
	if s.width == 0 || math.IsInf(s.width, 0) || math.IsNaN(s.width) {
		return chartFinite((s.rangeLo + s.rangeHi) / 2)
	}
	return chartFinite(s.rangeLo + chartFloat(v.Sub(s.lo))/s.width*(s.rangeHi-s.rangeLo))
}

// chartFloat returns the float64 nearest d within a few units in the last place: enough for a
// position on a drawing, and several times faster than the exact conversion through a fraction.
func chartFloat(d decimal.Decimal) float64 {
	f, _ := new(big.Float).SetInt(d.Coefficient()).Float64()
	return f * math.Pow10(int(d.Exponent()))
}

// chartMaxCoord bounds drawing coordinates: far outside any view box, well inside what browsers parse.
const chartMaxCoord = 1e6

// chartFinite replaces NaN, which would break the drawing, by 0, and clamps infinities and other
// runaway values to ±chartMaxCoord.
func chartFinite(v float64) float64 {
	switch {
	case math.IsNaN(v):
		return 0
	case v > chartMaxCoord:
		return chartMaxCoord
	case v < -chartMaxCoord:
		return -chartMaxCoord
	}
	return v
}

// chartCoord writes an SVG coordinate with two decimals, enough below a pixel.
func chartCoord(v float64) string {
	return strconv.FormatFloat(chartFinite(v), 'f', 2, 64)
}
