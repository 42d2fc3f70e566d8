package calc

import (
	"math/big"
	"math/bits"

	"github.com/holiman/uint256"
	"github.com/shopspring/decimal"
)

// The daily loop works in whole wei (10^-18 asset units) held in 256-bit unsigned integers: an
// amount truncated to 18 places is exactly a whole number of wei, and truncating a product to
// 18 places is exactly a floor division in wei. Balances stay below about 1.22 * 10^48 wei (the
// 10^30-unit limit plus one day's growth), which leaves room for every product below.

// weiPerUnit is 10^18.
var weiPerUnit = new(big.Int).Exp(big.NewInt(10), big.NewInt(MaxDecimals), nil)

// maxGasWei is where gas amounts are capped inside the loop: more than any balance can reach, so
// a larger gas changes no result (a claim is skipped, an exit pays the whole balance).
var maxGasWei = new(uint256.Int).Lsh(uint256.NewInt(1), 200)

// limitWei is the ledger's projection limit, 10^30 asset units, in wei.
var limitWei = new(uint256.Int).Exp(uint256.NewInt(10), uint256.NewInt(30+MaxDecimals))

// toWei returns d in wei; d is non-negative with at most 18 places (validated) and capped at cap.
func toWei(d decimal.Decimal, cap *uint256.Int) uint256.Int {
	b := d.Shift(MaxDecimals).BigInt()
	v, overflow := uint256.FromBig(b)
	if overflow || (cap != nil && v.Gt(cap)) {
		return *cap
	}
	return *v
}

// fromWei returns the amount of x wei in asset units.
func fromWei(x *uint256.Int) decimal.Decimal {
	return decimal.NewFromBigInt(x.ToBig(), -MaxDecimals)
}

// ratio is a non-negative fraction num/den in lowest terms, applied as floor(x * num / den).
type ratio struct {
	num, den uint256.Int
	n64, d64 uint64 // num and den when both fit in 64 bits (small)
	small    bool
	zero     bool
}

// newRatio returns the ratio (a * 10^-aExp) / (b * 10^-bExp) of two decimals, b > 0.
func newRatio(a, b decimal.Decimal) ratio {
	// a/b = (a.coef * 10^a.exp) / (b.coef * 10^b.exp)
	num := new(big.Int).Set(a.Coefficient())
	den := new(big.Int).Set(b.Coefficient())
	if e := int64(a.Exponent()) - int64(b.Exponent()); e > 0 {
		num.Mul(num, new(big.Int).Exp(big.NewInt(10), big.NewInt(e), nil))
	} else if e < 0 {
		den.Mul(den, new(big.Int).Exp(big.NewInt(10), big.NewInt(-e), nil))
	}
	var r ratio
	if num.Sign() == 0 {
		r.zero = true
		r.den.SetOne()
		return r
	}
	g := new(big.Int).GCD(nil, nil, num, den)
	num.Quo(num, g)
	den.Quo(den, g)
	r.num.SetFromBig(num)
	r.den.SetFromBig(den)
	if r.num.IsUint64() && r.den.IsUint64() {
		r.small, r.n64, r.d64 = true, r.num.Uint64(), r.den.Uint64()
	}
	return r
}

// apply sets z = floor(x * r). x < 2^192 and, for a large ratio, x * num < 2^512.
func (r *ratio) apply(z, x *uint256.Int) {
	switch {
	case r.zero:
		z.Clear()
	case r.small:
		mulDiv64(z, x, r.n64, r.d64)
	default:
		z.MulDivOverflow(x, &r.num, &r.den)
	}
}

// mulDiv64 sets z = floor(x * n / d) for d > 0, where the quotient fits in 256 bits.
func mulDiv64(z, x *uint256.Int, n, d uint64) {
	top := 3
	for top > 0 && x[top] == 0 {
		top--
	}
	var p [5]uint64
	var carry uint64
	for i := 0; i <= top; i++ {
		hi, lo := bits.Mul64(x[i], n)
		var c uint64
		p[i], c = bits.Add64(lo, carry, 0)
		carry = hi + c
	}
	p[top+1] = carry
	var q [5]uint64
	var rem uint64
	for i := top + 1; i >= 0; i-- {
		q[i], rem = bits.Div64(rem, p[i], d)
	}
	z[0], z[1], z[2], z[3] = q[0], q[1], q[2], q[3]
}
