package main

import (
	"testing"

	"restakecalc/calc"

	"github.com/shopspring/decimal"
)

// readableAmountTests are worked by hand: 4 decimals from 1 up, 6 significant digits below,
// rounded half to even, thousands grouped.
var readableAmountTests = []struct{ in, want string }{
	{"0", "0.0000"},                                     // nothing: still four decimals, to line up
	{"1", "1.0000"},                                     // exactly 1 takes the rule from 1 up
	{"32.934961945199065498", "32.9350"},                // 32.93496… rounds up at the fourth place
	{"12.50005", "12.5000"},                             // a half rounds to even (0)
	{"12.50015", "12.5002"},                             // a half rounds to even (2)
	{"103732.123456789", "103,732.1235"},                // thousands grouped
	{"-1234.56789", "-1,234.5679"},                      // a loss keeps its sign
	{"0.5", "0.500000"},                                 // six significant digits below 1
	{"0.999999999", "1.000000"},                         // rounds up to 1, still with 6 places
	{"0.000123456789", "0.000123457"},                   // leading zeros are no significant digits
	{"-0.0123456", "-0.0123456"},                        // a small loss
	{"0.000000000000000001", "0.000000000000000001"},    // one wei: 18 places at most
	{"0.000000000000012345678", "0.000000000000012346"}, // capped at 18 places
}

func TestReadableAmount(t *testing.T) {
	for _, tt := range readableAmountTests {
		if got := readableAmount(decimal.RequireFromString(tt.in)); got != tt.want {
			t.Errorf("readableAmount(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var readablePercentTests = []struct{ in, want string }{
	{"2.921756", "2.92"},
	{"0.000000", "0.00"},
	{"4.125000", "4.12"}, // half to even
	{"4.135000", "4.14"},
	{"-100.000000", "-100.00"},
	{"1234.5", "1,234.50"},
}

func TestReadablePercent(t *testing.T) {
	for _, tt := range readablePercentTests {
		if got := readablePercent(decimal.RequireFromString(tt.in)); got != tt.want {
			t.Errorf("readablePercent(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var readableFigureTests = []struct {
	in   string
	unit calc.Unit
	want string
}{
	{"32.934961945199065498", calc.UnitAsset, "32.9350"},
	{"2.921756", calc.UnitPercent, "2.92"},
	{"103732.35", calc.UnitFiat, "103,732.35"},
	{"731", calc.UnitDay, "731"},
	{"restaking", calc.UnitNone, "restaking"},
	{"", calc.UnitAsset, ""}, // not a number: as it is
}

func TestReadableFigure(t *testing.T) {
	for _, tt := range readableFigureTests {
		if got := readableFigure(tt.in, tt.unit); got != tt.want {
			t.Errorf("readableFigure(%q, %v) = %q, want %q", tt.in, tt.unit, got, tt.want)
		}
	}
}
