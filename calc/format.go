package calc

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

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
// ("final", "apy", "liquid_day", "layers[1].token_value", "debt", ...), and whether the name is
// one that r has: the loop's figures only for a scenario with a loop, a layer's tokens and
// token_value only for a layer with a reward.
func (r ScenarioResult) Figure(field string) (string, bool) {
	if strings.HasPrefix(field, "layers[") {
		return r.layerFigure(field)
	}
	switch field {
	case "debt", "interest", "liquidated_day", "liquidation_discount":
		if !r.HasLoop {
			return "", false
		}
	}
	switch field {
	case "debt":
		return FormatAmount(r.Debt), true
	case "interest":
		return FormatAmount(r.Interest), true
	case "liquidated_day":
		return strconv.Itoa(r.LiquidatedDay), true
	case "liquidation_discount":
		return FormatPercent(r.LiquidationDiscount), true
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

// layerFigure is Figure for "layers[J].gross", ".fee", ".net", ".tokens" and ".token_value".
func (r ScenarioResult) layerFigure(field string) (string, bool) {
	rest := strings.TrimPrefix(field, "layers[")
	num, name, ok := strings.Cut(rest, "].")
	j, err := strconv.Atoi(num)
	if !ok || err != nil || j < 0 || j >= len(r.Layers) || strconv.Itoa(j) != num {
		return "", false
	}
	l := r.Layers[j]
	switch name {
	case "gross":
		return FormatAmount(l.Gross), true
	case "fee":
		return FormatAmount(l.Fee), true
	case "net":
		return FormatAmount(l.Net), true
	case "tokens":
		return FormatAmount(l.Tokens), l.HasReward
	case "token_value":
		return FormatAmount(l.TokenValue), l.HasReward
	}
	return "", false
}

// LoopFigures returns the figures of a scenario with a loop, in the results document's order,
// after its layers. The slice is the caller's.
func LoopFigures() []string { return append([]string(nil), loopFigures...) }

var loopFigures = []string{"debt", "interest", "liquidated_day", "liquidation_discount"}

// FigureFields returns the names of a scenario's figures, in the results document's order. The
// slice is the caller's.
func FigureFields() []string { return append([]string(nil), figureFields...) }

var figureFields = []string{"name", "kind", "final", "final_expected", "gain", "apy", "apy_expected",
	"fees", "gas", "costs", "lost_expected", "unclaimed", "instant", "liquid_day", "p_loss", "fiat_final"}

// MarshalJSON writes the results document: {"version": V, "scenarios": [...]} with the version of
// the file it answers (1 where none is set), every amount a string, liquid_day and liquidated_day
// numbers, a layer's tokens and token_value only where it has a reward, the loop's debt,
// interest, liquidated_day and liquidation_discount only where the scenario has one, and the day
// series only where they were asked for.
func (r Results) MarshalJSON() ([]byte, error) {
	type layerJSON struct {
		Name       string `json:"name"`
		Gross      string `json:"gross"`
		Fee        string `json:"fee"`
		Net        string `json:"net"`
		Tokens     string `json:"tokens,omitempty"`
		TokenValue string `json:"token_value,omitempty"`
	}
	var b bytes.Buffer
	version := r.Version
	if version == 0 {
		version = 1
	}
	b.WriteString(`{"version":` + strconv.Itoa(version) + `,"scenarios":[`)
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
			layers[j] = layerJSON{Name: l.Name, Gross: FormatAmount(l.Gross), Fee: FormatAmount(l.Fee), Net: FormatAmount(l.Net)}
			if l.HasReward {
				layers[j].Tokens, layers[j].TokenValue = FormatAmount(l.Tokens), FormatAmount(l.TokenValue)
			}
		}
		lj, err := json.Marshal(layers)
		if err != nil {
			return nil, err
		}
		b.WriteString(`,"layers":`)
		b.Write(lj)
		if s.HasLoop {
			for _, f := range loopFigures {
				v, _ := s.Figure(f)
				b.WriteByte(',')
				writeKey(&b, f)
				if f == "liquidated_day" {
					b.WriteString(v)
				} else {
					writeString(&b, v)
				}
			}
		}
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
