package calc

import (
	"math/big"
	"testing"

	"github.com/holiman/uint256"
	"github.com/shopspring/decimal"
)

// ratioTests compare ratio.apply with math/big's floor(x * a / b).
var ratioTests = []struct {
	x    string // wei, decimal
	a, b string // the ratio a / b of two decimals
}{
	// small ratios (64-bit), below 2^128
	{"32000000000000000000", "3.2", "36500"},
	{"1", "1000", "36500"},
	{"0", "3", "36500"},
	{"340282366920938463463374607431768211455", "1000", "36500"}, // 2^128 - 1
	{"18446744073709551616", "10", "100"},                        // 2^64
	{"999999999999999999", "99.999999999999999999", "100"},       // a 66-bit numerator: the big path
	// small ratios above 2^128
	{"1219178082191780821917808219178082191780821917", "1000", "36500"},
	{"340282366920938463463374607431768211456", "7", "100"}, // 2^128
	// large ratios: 18-place rates
	{"1000000000000000000000000000000", "0.000000000000000001", "36500"},
	{"1219178082191780821917808219178082191780821917", "800000", "3650000"},
	{"1219178082191780821917808219178082191780821917", "79999.999999999999999999999999999999", "3650000"},
	// a zero rate
	{"123", "0", "100"},
}

func TestRatioApply(t *testing.T) {
	for _, tt := range ratioTests {
		x := uint256.MustFromDecimal(tt.x)
		a, b := decimal.RequireFromString(tt.a), decimal.RequireFromString(tt.b)
		checkRatio(t, x, a, b)
	}
}

func checkRatio(t *testing.T, x *uint256.Int, a, b decimal.Decimal) {
	t.Helper()
	r := newRatio(a, b)
	var got uint256.Int
	r.apply(&got, x)
	want := new(big.Rat).Mul(new(big.Rat).SetInt(x.ToBig()), new(big.Rat).Quo(a.Rat(), b.Rat()))
	wantInt := new(big.Int).Quo(want.Num(), want.Denom())
	if got.ToBig().Cmp(wantInt) != 0 {
		t.Errorf("Run(%s * %s / %s) = %s, want %s", x.Dec(), a, b, got.Dec(), wantInt)
	}
}

// FuzzRatioApply compares the reciprocal division with math/big for any balance below the
// ledger's bound and any rate of up to 18 places below 100000 (the largest is Σ p*l = 80000).
func FuzzRatioApply(f *testing.F) {
	f.Add(uint64(14e18), uint64(1), uint64(0), int64(32), int32(-1), int64(36500))
	f.Add(^uint64(0), ^uint64(0), uint64(1<<32), int64(999999), int32(-18), int64(3650000))
	f.Fuzz(func(t *testing.T, x0, x1, x2 uint64, coef int64, exp int32, den int64) {
		x := &uint256.Int{x0, x1, x2 >> 32, 0} // below 2^160
		if coef < 0 {
			coef = -coef
		}
		exp = -(((exp % 19) + 19) % 19) // 0 to 18 places
		a := decimal.New(coef%100000_000000_000000, exp)
		if a.GreaterThan(decimal.NewFromInt(100000)) || den <= 0 {
			return
		}
		checkRatio(t, x, a, decimal.NewFromInt(den))
	})
}

func TestToWeiCapsGas(t *testing.T) {
	huge := decimal.RequireFromString("1e60")
	if got := toWei(huge, maxGasWei); !got.Eq(maxGasWei) {
		t.Errorf("toWei(1e60) = %s, want the cap %s", got.Dec(), maxGasWei.Dec())
	}
	if got := toWei(decimal.RequireFromString("0.000000000000000007"), maxGasWei); got.Uint64() != 7 {
		t.Errorf("toWei(7 wei) = %s, want 7", got.Dec())
	}
}

// FuzzMulCmp2 checks the 128-bit comparison of products against math/big.
func FuzzMulCmp2(f *testing.F) {
	f.Add(uint64(1), uint64(2), uint64(3), uint64(4), uint64(5), uint64(6), uint64(7), uint64(8), uint8(0))
	f.Add(^uint64(0), ^uint64(0), ^uint64(0), uint64(4), ^uint64(0), ^uint64(0), ^uint64(0), uint64(8), uint8(16))
	f.Add(^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), uint8(15))
	f.Fuzz(func(t *testing.T, a0, a1, b0, b1, c0, c1, d0, d1 uint64, high uint8) {
		a, b, c, d := &uint256.Int{a0, a1}, &uint256.Int{b0, b1}, &uint256.Int{c0, c1}, &uint256.Int{d0, d1}
		for i, x := range []*uint256.Int{a, b, c, d} {
			if high&(1<<i) != 0 {
				x[3] = 1
			}
		}
		if high&16 != 0 { // 64-bit multipliers, as a ratio's terms
			b[1], d[1] = 0, 0
		}
		want := new(big.Int).Mul(a.ToBig(), b.ToBig()).Cmp(new(big.Int).Mul(c.ToBig(), d.ToBig()))
		if got := mulCmp2(a, b, c, d); got != want {
			t.Fatalf("mulCmp2(%v, %v, %v, %v) = %d, want %d", a, b, c, d, got, want)
		}
	})
}

// FuzzTokenWorth checks trunc(T × P) in wei, floor(T × P / 10^18), against math/big.
func FuzzTokenWorth(f *testing.F) {
	f.Add(uint64(1), uint64(2), uint64(0), uint64(3), uint64(0), false)
	f.Add(^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), uint64(1), true)
	f.Fuzz(func(t *testing.T, t0, t1, t2, p0, p1 uint64, top bool) {
		tokens := &uint256.Int{t0, t1, t2}
		if top {
			tokens[3] = t2 >> 40
		}
		p := priceWei{v: uint256.Int{p0, p1}}
		want := new(big.Int).Mul(tokens.ToBig(), p.v.ToBig())
		want.Quo(want, big.NewInt(1_000_000_000_000_000_000))
		var v uint256.Int
		over := tokenWorth(&v, tokens, &p)
		if over != (want.BitLen() > 256) || (!over && v.ToBig().Cmp(want) != 0) {
			t.Fatalf("tokenWorth(%v, %v) = %v, %v; want %v", tokens, &p.v, &v, over, want)
		}
	})
}
