package main

import (
	"strings"

	"restakecalc/calc"

	"github.com/shopspring/decimal"
)

// The page writes figures to a precision a reader takes in at a glance; the exact value, as the
// results document writes it, stays one step away: in the element's title and data-value, in
// "how a figure is worked out", in copies and downloads.
const (
	// readablePlacesAbove1 are the decimals of an amount of 1 or more: 12.3457 ETH.
	readablePlacesAbove1 = 4
	// readableDigitsBelow1 are the significant digits of an amount below 1: 0.00123457 ETH.
	readableDigitsBelow1 = 6
	// readablePercentPlaces are the decimals of a percentage: 3.45 %.
	readablePercentPlaces = 2
	// weiPlaces are the places of an exact amount: one wei is 10^-18 of the asset.
	weiPlaces = 18
)

// readableAmount writes an amount of the asset for reading, rounded half to even:
//
//	|d| >= 1:     4 decimals, thousands grouped          (32.934961945199065498 → "32.9350")
//	0 < |d| < 1:  6 significant digits, at most 18 places (0.000123456789 → "0.000123457")
//	d = 0:        "0.0000"
//
// so that an amount reads the same way at every size and its decimals line up in a column.
func readableAmount(d decimal.Decimal) string {
	abs := d.Abs()
	places := int32(readablePlacesAbove1)
	if abs.Sign() > 0 && abs.LessThan(decimal.New(1, 0)) {
		// abs = 0.0…0dddd: places = zeros after the point + significant digits.
		frac := strings.TrimPrefix(abs.String(), "0.")
		zeros := int32(len(frac) - len(strings.TrimLeft(frac, "0")))
		places = min(zeros+readableDigitsBelow1, weiPlaces)
	}
	return groupThousands(d.StringFixedBank(places))
}

// readablePercent writes a percentage for reading: 2 decimals, rounded half to even
// (2.921756 → "2.92").
func readablePercent(d decimal.Decimal) string {
	return groupThousands(d.StringFixedBank(readablePercentPlaces))
}

// readableFigure writes an exact figure v of unit u (as the results document writes it) for
// reading with readableAmount or readablePercent; fiat keeps its 2 places, days and words stay
// as they are, and so does anything that is not a number.
func readableFigure(v string, u calc.Unit) string {
	d, err := decimal.NewFromString(v)
	if err != nil {
		return v
	}
	switch u {
	case calc.UnitAsset:
		return readableAmount(d)
	case calc.UnitPercent:
		return readablePercent(d)
	case calc.UnitFiat:
		return groupThousands(d.StringFixedBank(calc.FiatPlaces))
	}
	return v
}
