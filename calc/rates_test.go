package calc

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

var apyTests = []struct {
	amount, final string
	days          int
	want          string
}{
	// Whole exponents are exact, ties included.
	{"1", "1.05", 365, "5.000000"},
	{"2", "1", 365, "-50.000000"},
	{"1", "1.000000005", 365, "0.000000"}, // 0.0000005: half to even, down
	{"1", "1.000000015", 365, "0.000002"}, // 0.0000015: half to even, up
	{"1", "1.001", 1, "44.025131"},        // (1.001^365 - 1) * 100 = 44.0251313429…
	{"1", "1.01", 73, "5.101005"},         // 1.01^5 = 1.0510100501
	// Fractional exponents: (1.05^(365/200) - 1) * 100 = 9.3126620907…; 1.21^(1/2) = 1.1.
	{"1", "1.05", 200, "9.312662"},
	{"1", "1.21", 730, "10.000000"},
	{"1", "1.1", 3650, "0.957658"}, // 1.1^0.1 = 1.0095765827…
	// Nothing left.
	{"1", "0", 30, "-100.000000"},
}

func TestAPY(t *testing.T) {
	for _, tt := range apyTests {
		got := FormatPercent(APY(decimal.RequireFromString(tt.amount), decimal.RequireFromString(tt.final), tt.days))
		if got != tt.want {
			t.Errorf("APY(%s, %s, %d) = %s, want %s", tt.amount, tt.final, tt.days, got, tt.want)
		}
	}
}

var fiatTests = []struct {
	final, price, growth string
	days                 int
	want                 string
}{
	{"1", "1234.5", "0", 10, "1234.50"},
	{"1", "1234.5", "300", 730, "19752.00"}, // 4^2
	{"1", "1234.5", "300", 182, "2464.32"},  // 4^(182/365) * 1234.5 = 2464.3157358…
	{"1", "1", "-100", 1, "0.00"},
	{"0.125", "1", "0", 1, "0.12"}, // 0.125: half to even, down
	{"0.135", "1", "0", 1, "0.14"}, // up
}

func TestFiatValue(t *testing.T) {
	for _, tt := range fiatTests {
		got := FormatFiat(FiatValue(decimal.RequireFromString(tt.final), decimal.RequireFromString(tt.price),
			decimal.RequireFromString(tt.growth), tt.days), true)
		if got != tt.want {
			t.Errorf("FiatValue(%s, %s, %s, %d) = %s, want %s", tt.final, tt.price, tt.growth, tt.days, got, tt.want)
		}
	}
}

// TestLogExp checks the series against 60 digits of ln 2 and e.
func TestLogExp(t *testing.T) {
	const ln2 = "0.693147180559945309417232121458176568075500134360255254120680"
	const e = "2.71828182845904523536028747135266249775724709369995957496697"
	x := new(big.Float).SetPrec(256).SetInt64(2)
	if got := lnFloat(x).Text('f', 60); got != ln2 {
		t.Errorf("ln 2 = %s, want %s", got, ln2)
	}
	if got := expFloat(new(big.Float).SetPrec(256).SetInt64(1)).Text('f', 59); got != e {
		t.Errorf("e = %s, want %s", got, e)
	}
	// ln(e^y) = y across magnitudes
	for _, y := range []string{"-30", "-0.001", "0.5", "7", "72.5"} {
		f, _ := new(big.Float).SetPrec(256).SetString(y)
		back := lnFloat(expFloat(f))
		if diff := new(big.Float).Sub(back, f); diff.Abs(diff).Cmp(big.NewFloat(1e-60)) > 0 {
			t.Errorf("ln(exp(%s)) = %s", y, back.Text('g', 70))
		}
	}
}

func TestLossChanceTiny(t *testing.T) {
	layers := []Layer{{RiskProbability: decimal.RequireFromString("0.000000000000000001")}}
	if got := FormatPercent(LossChance(1, layers)); got != "0.000000" {
		t.Errorf("LossChance(1e-18 %%) = %s, want 0.000000", got)
	}
	layers[0].RiskProbability = decimal.NewFromInt(100)
	// (1 - (1 - 100/36500)^365) * 100 = 63.2625079…
	if got := FormatPercent(LossChance(365, layers)); got != "63.262508" {
		t.Errorf("LossChance(100 %%, 100 years) = %s, want 63.262508", got)
	}
}
