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
// When num and den fit in 64 bits (every rate with up to 14 decimal places) it divides by
// multiplying with a precomputed reciprocal of den, which is several times faster than a
// division instruction natively and far faster in WebAssembly, which has none for 128 bits.
type ratio struct {
	num, den uint256.Int
	small    bool   // num and den fit in 64 bits: n64, dNorm, shift and recip are set
	zero     bool   // num is zero
	n64      uint64 // num
	dNorm    uint64 // den << shift, with its top bit set
	shift    uint
	recip    uint64 // floor((2^128 - 1) / dNorm) - 2^64
}

// newRatio returns the ratio a / b of two decimals, b > 0.
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
		d := r.den.Uint64()
		r.small, r.n64 = true, r.num.Uint64()
		r.shift = uint(bits.LeadingZeros64(d))
		r.dNorm = d << r.shift
		r.recip, _ = bits.Div64(^r.dNorm, ^uint64(0), r.dNorm)
	}
	return r
}

// apply sets z = floor(x * num / den). x < 2^192, and x * num < 2^512.
func (r *ratio) apply(z, x *uint256.Int) {
	switch {
	case r.zero:
		z.Clear()
	case r.small:
		r.applySmall(z, x)
	default:
		z.MulDivOverflow(x, &r.num, &r.den)
	}
}

// applySmall is apply for a 64-bit num and den: the product x * num (at most 5 limbs) is shifted
// by den's normalisation and divided limb by limb from the top, each step a 128-by-64-bit
// division by the invariant divisor (Möller and Granlund, "Improved division by invariant
// integers", 2011, algorithm 4).
func (r *ratio) applySmall(z, x *uint256.Int) {
	if x[2]|x[3] == 0 {
		r.applySmall128(z, x[0], x[1])
		return
	}
	top := 3
	for top > 0 && x[top] == 0 {
		top--
	}
	var p [6]uint64
	var carry, c uint64
	for i := 0; i <= top; i++ {
		hi, lo := bits.Mul64(x[i], r.n64)
		p[i], c = bits.Add64(lo, carry, 0)
		carry = hi + c
	}
	n := top + 2
	p[top+1] = carry
	if s := r.shift; s != 0 {
		p[n] = p[n-1] >> (64 - s)
		for i := n - 1; i > 0; i-- {
			p[i] = p[i]<<s | p[i-1]>>(64-s)
		}
		p[0] <<= s
		n++
	}
	var q [6]uint64
	var rem uint64
	i := n - 1
	for i > 0 && p[i] < r.dNorm && rem == 0 { // leading limbs below the divisor: quotient 0
		rem = p[i]
		i--
	}
	for ; i >= 0; i-- {
		q[i], rem = divRecip(rem, p[i], r.dNorm, r.recip)
	}
	z[0], z[1], z[2], z[3] = q[0], q[1], q[2], q[3]
}

// applySmall128 is applySmall for x = x1:x0 below 2^128, the common case (a balance below about
// 3.4 * 10^20 units), in registers: the product has three limbs, four once normalised.
func (r *ratio) applySmall128(z *uint256.Int, x0, x1 uint64) {
	h0, p0 := bits.Mul64(x0, r.n64)
	h1, p1 := bits.Mul64(x1, r.n64)
	p1, c := bits.Add64(p1, h0, 0)
	p2 := h1 + c
	var p3 uint64
	if s := r.shift; s != 0 {
		p3 = p2 >> (64 - s)
		p2 = p2<<s | p1>>(64-s)
		p1 = p1<<s | p0>>(64-s)
		p0 <<= s
	}
	var q0, q1, q2, rem uint64
	switch {
	case p3 != 0 || p2 >= r.dNorm:
		var q3 uint64
		q3, rem = divRecip(0, p3, r.dNorm, r.recip)
		q2, rem = divRecip(rem, p2, r.dNorm, r.recip)
		z[3] = q3
	default:
		rem = p2
		z[3] = 0
	}
	q1, rem = divRecip(rem, p1, r.dNorm, r.recip)
	q0, _ = divRecip(rem, p0, r.dNorm, r.recip)
	z[0], z[1], z[2] = q0, q1, q2
}

// divRecip divides hi:lo by the normalised d with its reciprocal, hi < d, and returns the
// quotient and the remainder.
func divRecip(hi, lo, d, recip uint64) (quo, rem uint64) {
	qh, ql := bits.Mul64(recip, hi)
	ql, carry := bits.Add64(ql, lo, 0)
	qh, _ = bits.Add64(qh, hi, carry)
	qh++
	rem = lo - qh*d
	if rem > ql {
		qh--
		rem += d
	}
	if rem >= d {
		qh++
		rem -= d
	}
	return qh, rem
}
