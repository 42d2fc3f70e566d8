package main

import (
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

var timeTicksTests = []struct {
	days, maxTicks int
	want           string // labels, space-separated
}{
	{1, 6, "0 1d"},                       // the shortest horizon still has both ends
	{7, 6, "0 2d 4d 6d"},                 // a week in days
	{30, 6, "0 10d 20d 30d"},             // a month in days
	{100, 6, "0 20d 40d 60d 80d 100d"},   // last spacing in days
	{180, 6, "0 1mo 2mo 3mo 4mo 5mo"},    // half a year in months
	{365, 6, "0 3mo 6mo 9mo 1y"},         // a year: a whole year is written in years
	{730, 6, "0 6mo 1y 18mo 2y"},         // mixed months and years
	{1095, 6, "0 1y 2y 3y"},              // three years
	{3650, 6, "0 2y 4y 6y 8y 10y"},       // the ten-year horizon
	{36500, 6, "0 20y 40y 60y 80y 100y"}, // the longest horizon
	{0, 6, "0 1d"},                       // a horizon below one day is drawn as one day
}

func TestScaleTimeTicks(t *testing.T) {
	for _, tt := range timeTicksTests {
		ticks := timeTicks(tt.days, tt.maxTicks)
		var labels []string
		for i, tick := range ticks {
			labels = append(labels, tick.Label)
			if i > 0 && tick.Day <= ticks[i-1].Day {
				t.Errorf("timeTicks(%d, %d): tick %d at day %v is not after %v", tt.days, tt.maxTicks, i, tick.Day, ticks[i-1].Day)
			}
		}
		if got := strings.Join(labels, " "); got != tt.want {
			t.Errorf("timeTicks(%d, %d) = %v, want %v", tt.days, tt.maxTicks, got, tt.want)
		}
		if len(ticks) > tt.maxTicks {
			t.Errorf("timeTicks(%d, %d) gave %d ticks, want at most %d", tt.days, tt.maxTicks, len(ticks), tt.maxTicks)
		}
	}
}

func TestScaleTimeTickDays(t *testing.T) {
	// The year marks sit on multiples of the ledger's 365-day year.
	ticks := timeTicks(3650, 6)
	if got, want := ticks[len(ticks)-1].Day, 3650.0; got != want {
		t.Errorf("timeTicks(3650, 6) last tick at day %v, want %v", got, want)
	}
	ticks = timeTicks(365, 6)
	if got, want := ticks[1].Day, 365.0/4; math.Abs(got-want) > 1e-9 {
		t.Errorf("timeTicks(365, 6) 3mo tick at day %v, want %v", got, want)
	}
}

var durationLabelTests = []struct {
	days int
	want string
}{
	{0, ""},
	{30, ""},         // under a twelfth of a year
	{31, "1mo"},      // 31*12/365 = 1.02
	{365, "1y"},      // a whole year
	{1234, "3y 4mo"}, // 3*365 = 1095, 139 days = 4.57 months, rounded down
	{3650, "10y"},
	{-1, ""},
}

func TestScaleDurationLabel(t *testing.T) {
	for _, tt := range durationLabelTests {
		if got := durationLabel(tt.days); got != tt.want {
			t.Errorf("durationLabel(%d) = %q, want %q", tt.days, got, tt.want)
		}
	}
}

var valueTicksTests = []struct {
	lo, hi   string
	maxTicks int
	want     string // labels, space-separated
}{
	{"32", "40", 5, "32 34 36 38 40"},                                        // a typical growth
	{"32.1", "41.27", 5, "30 35 40 45"},                                      // ends widened to round values
	{"32", "32", 5, "31.6 31.8 32 32.2 32.4"},                                // a flat line gets 1% either side
	{"0", "0", 5, "0 0.5 1"},                                                 // zero everywhere
	{"0.000000000001", "0.000000000005", 5, "1e-12 2e-12 3e-12 4e-12 5e-12"}, // tiny values
	{"1000000000000000000000000000", "3000000000000000000000000000", 5, "1e27 1.5e27 2e27 2.5e27 3e27"},                                              // huge values
	{"32.000000000000000001", "32.000000000000000004", 5, "32.000000000000000001 32.000000000000000002 32.000000000000000003 32.000000000000000004"}, // wei apart
	{"40", "32", 5, "32 34 36 38 40"}, // reversed ends
	{"-1", "1", 3, "-1 0 1"},          // both signs, fewest ticks
}

func TestScaleValueTicks(t *testing.T) {
	for _, tt := range valueTicksTests {
		lo, hi := decimal.RequireFromString(tt.lo), decimal.RequireFromString(tt.hi)
		ticks, axisLo, axisHi := valueTicks(lo, hi, tt.maxTicks)
		var labels []string
		for _, tick := range ticks {
			labels = append(labels, tick.Label)
		}
		if got := strings.Join(labels, " "); got != tt.want {
			t.Errorf("valueTicks(%s, %s, %d) = %v, want %v", tt.lo, tt.hi, tt.maxTicks, got, tt.want)
			continue
		}
		if len(ticks) > tt.maxTicks {
			t.Errorf("valueTicks(%s, %s, %d) gave %d ticks", tt.lo, tt.hi, tt.maxTicks, len(ticks))
		}
		if !axisLo.Equal(ticks[0].Value) || !axisHi.Equal(ticks[len(ticks)-1].Value) {
			t.Errorf("valueTicks(%s, %s, %d) axis = %v..%v, want the first and last tick", tt.lo, tt.hi, tt.maxTicks, axisLo, axisHi)
		}
		if min, max := decimal.Min(lo, hi), decimal.Max(lo, hi); axisLo.GreaterThan(min) || axisHi.LessThan(max) {
			t.Errorf("valueTicks(%s, %s, %d) axis = %v..%v does not cover the values", tt.lo, tt.hi, tt.maxTicks, axisLo, axisHi)
		}
	}
}

var tickLabelTests = []struct {
	in, want string
}{
	{"0", "0"},
	{"32.5", "32.5"},
	{"1000000000", "1000000000"},                       // ten characters stay plain
	{"15000000000", "1.5e10"},                          // longer ones switch when shorter
	{"-15000000000", "-1.5e10"},                        // with the sign
	{"0.000001", "0.000001"},                           // eight characters
	{"0.0000000025", "2.5e-9"},                         // tiny
	{"32.000000000000000001", "32.000000000000000001"}, // scientific would not be shorter
}

func TestScaleTickLabel(t *testing.T) {
	for _, tt := range tickLabelTests {
		if got := tickLabel(decimal.RequireFromString(tt.in)); got != tt.want {
			t.Errorf("tickLabel(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var amountScaleTests = []struct {
	lo, hi, v string
	want      float64
}{
	{"0", "10", "5", 100},   // middle of 200..0
	{"0", "10", "10", 0},    // top
	{"30", "40", "30", 200}, // bottom
	{"32", "32", "32", 100}, // zero-width axis: middle, not NaN
	{"1e29", "1.00000000000000000000000001e29", "1.000000000000000000000000005e29", 100}, // offsets taken exactly
}

func TestScaleAmount(t *testing.T) {
	for _, tt := range amountScaleTests {
		s := newAmountScale(decimal.RequireFromString(tt.lo), decimal.RequireFromString(tt.hi), 200, 0)
		got := s.at(decimal.RequireFromString(tt.v))
		if math.Abs(got-tt.want) > 1e-6 {
			t.Errorf("amountScale(%s..%s).at(%s) = %v, want %v", tt.lo, tt.hi, tt.v, got, tt.want)
		}
	}
}

var linearScaleTests = []struct {
	scale linearScale
	v     float64
	want  float64
}{
	{linearScale{0, 3650, 50, 450}, 1825, 250}, // middle of the horizon
	{linearScale{0, 1, 50, 450}, 1, 450},       // one-day horizon
	{linearScale{1, 1, 50, 450}, 1, 250},       // empty domain: middle
	{linearScale{0, math.Inf(1), 0, 10}, 5, 5}, // infinite domain: middle
}

func TestScaleLinear(t *testing.T) {
	for _, tt := range linearScaleTests {
		if got := tt.scale.at(tt.v); got != tt.want {
			t.Errorf("%+v.at(%v) = %v, want %v", tt.scale, tt.v, got, tt.want)
		}
	}
}

var linearInvertTests = []struct {
	scale linearScale
	r     float64
	want  float64
}{
	{linearScale{0, 3650, 50, 450}, 250, 1825},  // middle of the plot: middle of the horizon
	{linearScale{0, 3650, 50, 450}, 0, -456.25}, // left of the plot: before day 0
	{linearScale{0, 10, 0, 0}, 5, 0},            // empty range: the domain's start
}

func TestScaleLinearInvert(t *testing.T) {
	for _, tt := range linearInvertTests {
		if got := tt.scale.invert(tt.r); got != tt.want {
			t.Errorf("%+v.invert(%v) = %v, want %v", tt.scale, tt.r, got, tt.want)
		}
	}
}

var coordTests = []struct {
	in   float64
	want string
}{
	{12.345, "12.35"},
	{0, "0.00"},
	{math.NaN(), "0.00"},
	{math.Inf(1), "1000000.00"}, // clamped
	{-1e300, "-1000000.00"},     // clamped
}

func TestScaleCoord(t *testing.T) {
	for _, tt := range coordTests {
		if got := chartCoord(tt.in); got != tt.want {
			t.Errorf("chartCoord(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
