package main

import (
	"strings"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// A layer's APR in the scenario file is the gross rate, before the layer's fee. Lido and
// ether.fi publish theirs after their 10 % fee: typed as the APR, with the fee, that fee would
// count twice. So the layer editor has a second input beside the APR, "APR after the fee", which
// takes the published rate and writes the gross rate into the file:
//
//	apr = net / (1 − fee / 100)
//
// rounded half to even to 18 places, the file's precision; the file keeps only apr.

// grossAPR returns the APR before a fee of feePct % that leaves netPct % after it, to 18
// places, half to even; ok is false when either text is not a number in range or the fee is
// 100 %, after which no APR is left to turn back.
func grossAPR(netText, feeText string) (gross decimal.Decimal, ok bool) {
	net, err := calc.ParseDecimal(strings.TrimSpace(netText))
	if err != nil || net.Sign() < 0 {
		return decimal.Decimal{}, false
	}
	fee, ok := feeOf(feeText)
	if !ok || !fee.LessThan(hundred) {
		return decimal.Decimal{}, false
	}
	// Exact to 40 places, then to the file's 18, half to even.
	return net.Mul(hundred).DivRound(hundred.Sub(fee), 40).RoundBank(18), true
}

// netAPR returns the APR left after a fee of feeText % on the gross APR grossText %: exact, as
// the product of two decimals of the file is.
func netAPR(grossText, feeText string) (decimal.Decimal, bool) {
	gross, err := calc.ParseDecimal(strings.TrimSpace(grossText))
	if err != nil {
		return decimal.Decimal{}, false
	}
	fee, ok := feeOf(feeText)
	if !ok {
		return decimal.Decimal{}, false
	}
	return gross.Mul(hundred.Sub(fee)).Div(hundred), true
}

// feeOf reads a fee as the file does: empty is the default, 0.
func feeOf(text string) (decimal.Decimal, bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return decimal.Zero, true
	}
	fee, err := calc.ParseDecimal(text)
	if err != nil || fee.Sign() < 0 || fee.GreaterThan(hundred) {
		return decimal.Decimal{}, false
	}
	return fee, true
}

var hundred = decimal.NewFromInt(100)

// withAfterFee returns l after the edit that made it from was: typing the APR after the fee
// writes the gross APR; typing the fee while that rate holds works the gross APR out again;
// typing the gross APR ends it.
func withAfterFee(was, l draftLayer) draftLayer {
	switch {
	case l.aprAfterFee != was.aprAfterFee, l.aprAfterFee != "" && l.feePct != was.feePct:
		if l.aprAfterFee == "" {
			return l
		}
		if gross, ok := grossAPR(l.aprAfterFee, l.feePct); ok {
			l.aprPct = gross.String()
		} else {
			l.aprPct = ""
		}
	case l.aprPct != was.aprPct:
		l.aprAfterFee = ""
	}
	return l
}

// aprAfterFeeField is the input of the APR after the fee, with a hint that shows the other
// rate: what the typed net rate makes the APR, or what the APR leaves after the fee.
func (e *layerEditor) aprAfterFeeField(l draftLayer) app.UI {
	id := e.id("apr-after-fee")
	fee := strings.TrimSpace(l.feePct)
	if fee == "" {
		fee = "0"
	}
	var hint, problem string
	switch {
	case l.aprAfterFee != "":
		if gross, ok := grossAPR(l.aprAfterFee, l.feePct); ok {
			hint = "Makes the APR " + gross.String() + " %/yr before the " + fee + " % fee (to 18 places)."
		} else {
			problem = "APR after the fee must be a number from 0, with a fee below 100 % to turn it into the APR before the fee."
		}
	default:
		if net, ok := netAPR(l.aprPct, l.feePct); ok {
			hint = "The APR above leaves " + net.String() + " %/yr after the " + fee + " % fee. " +
				"Lido and ether.fi publish this rate: type it here instead."
		} else {
			hint = "Lido and ether.fi publish their APR after their fee: type that rate here instead."
		}
	}
	return newTextField().ID(id).Label("or the APR after the fee").Unit("%/yr").SpokenUnit("% per year").
		Value(l.aprAfterFee).Hint(hint).Error(problem).Mode("decimal").
		OnInput(func(ctx app.Context, text string) {
			l := e.Ilayer
			l.aprAfterFee = text
			e.report(ctx, l)
		})
}
