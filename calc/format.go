package calc

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/shopspring/decimal"
)

// FormatAmount writes an amount as the results document does: a plain decimal without exponent
// and without trailing zeros ("32.934961945199065498", "0.5", "10").
func FormatAmount(d decimal.Decimal) string { return d.String() }

// FormatPercent writes a percentage with exactly 6 places ("2.921756", "0.000000").
func FormatPercent(d decimal.Decimal) string { return d.StringFixed(PercentPlaces) }

// FormatFiat writes a fiat value with exactly 2 places, or "0" where the set has no price.
func FormatFiat(d decimal.Decimal, hasPrice bool) string {
	if !hasPrice {
		return "0"
	}
	return d.StringFixed(FiatPlaces)
}

// Figure returns one field of r as the results document writes it, by its name in that document
// ("final", "apy", "liquid_day", ...), and whether the name is one.
func (r ScenarioResult) Figure(field string) (string, bool) {
	switch field {
	case "name":
		return r.Name, true
	case "kind":
		return string(r.Kind), true
	case "final":
		return FormatAmount(r.Final), true
	case "final_expected":
		return FormatAmount(r.FinalExpected), true
	case "gain":
		return FormatAmount(r.Gain), true
	case "apy":
		return FormatPercent(r.APY), true
	case "apy_expected":
		return FormatPercent(r.APYExpected), true
	case "fees":
		return FormatAmount(r.Fees), true
	case "gas":
		return FormatAmount(r.Gas), true
	case "costs":
		return FormatAmount(r.Costs), true
	case "lost_expected":
		return FormatAmount(r.LostExpected), true
	case "unclaimed":
		return FormatAmount(r.Unclaimed), true
	case "instant":
		return FormatAmount(r.Instant), true
	case "liquid_day":
		return strconv.Itoa(r.LiquidDay), true
	case "p_loss":
		return FormatPercent(r.PLoss), true
	case "fiat_final":
		return FormatFiat(r.FiatFinal, r.HasFiat), true
	}
	return "", false
}

// FigureFields returns the names of a scenario's figures, in the results document's order. The
// slice is the caller's.
func FigureFields() []string { return append([]string(nil), figureFields...) }

var figureFields = []string{"name", "kind", "final", "final_expected", "gain", "apy", "apy_expected",
	"fees", "gas", "costs", "lost_expected", "unclaimed", "instant", "liquid_day", "p_loss", "fiat_final"}

// MarshalJSON writes the results document: {"version": 1, "scenarios": [...]}, every amount a
// string, liquid_day a number, and the day series only where they were asked for.
func (r Results) MarshalJSON() ([]byte, error) {
	type layerJSON struct {
		Name  string `json:"name"`
		Gross string `json:"gross"`
		Fee   string `json:"fee"`
		Net   string `json:"net"`
	}
	var b bytes.Buffer
	b.WriteString(`{"version":1,"scenarios":[`)
	for i, s := range r.Scenarios {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('{')
		for j, f := range figureFields {
			if j > 0 {
				b.WriteByte(',')
			}
			v, _ := s.Figure(f)
			writeKey(&b, f)
			if f == "liquid_day" {
				b.WriteString(v)
			} else {
				writeString(&b, v)
			}
		}
		layers := make([]layerJSON, len(s.Layers))
		for j, l := range s.Layers {
			layers[j] = layerJSON{l.Name, FormatAmount(l.Gross), FormatAmount(l.Fee), FormatAmount(l.Net)}
		}
		lj, err := json.Marshal(layers)
		if err != nil {
			return nil, err
		}
		b.WriteString(`,"layers":`)
		b.Write(lj)
		if s.Series != nil {
			b.WriteString(`,"series":`)
			writeSeries(&b, s.Series)
			b.WriteString(`,"series_expected":`)
			writeSeries(&b, s.SeriesExpected)
		}
		b.WriteByte('}')
	}
	b.WriteString("]}")
	return b.Bytes(), nil
}

func writeKey(b *bytes.Buffer, k string) {
	writeString(b, k)
	b.WriteByte(':')
}

func writeString(b *bytes.Buffer, s string) {
	q, _ := json.Marshal(s)
	b.Write(q)
}

func writeSeries(b *bytes.Buffer, series []DayValue) {
	b.WriteByte('[')
	for i, v := range series {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		b.WriteString(FormatAmount(v.Value))
		b.WriteByte('"')
	}
	b.WriteByte(']')
}
