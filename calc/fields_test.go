package calc

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// specFields are the scenario file's fields as SPEC.md sections 2 and 8 list them, written out
// by hand: path, kind, range ("min..max", "(min..max" for a bound that is excluded, "min.." for
// none above), default ("required", "required if ..." or the value).
var specFields = []struct{ path, kind, rng, def string }{
	{"version", "int", "1..2", "required"},
	{"title", "string", "0..80", ""},
	{"amount", "decimal", "(0..1000000000000000", "required"},
	{"asset", "string", "1..12", "ETH"},
	{"price", "decimal", "0..1000000000000", "0"},
	{"currency", "string", "1..5", "USD"},
	{"price_growth", "decimal", "-100..1000", "0"},
	{"days", "int", "1..36500", "required"},
	{"scenarios", "list", "1..6", "required"},
	{"scenarios[I].name", "string", "1..60", "required"},
	{"scenarios[I].instant_exit_cost", "decimal", "0..100", "0"},
	{"scenarios[I].note", "string", "0..", ""},
	{"scenarios[I].loop", "object", "", ""},
	{"scenarios[I].layers", "list", "1..8", "required"},
	{"scenarios[I].layers[J].name", "string", "1..60", "required"},
	{"scenarios[I].layers[J].accepts", "string", "0..12", ""},
	{"scenarios[I].layers[J].gives", "string", "0..12", ""},
	{"scenarios[I].layers[J].apr", "decimal", "0..1000", "required"},
	{"scenarios[I].layers[J].fee", "decimal", "0..100", "0"},
	{"scenarios[I].layers[J].payout", "enum", "compound|claim", "compound"},
	{"scenarios[I].layers[J].claim_every", "int", "1..36500", `required if payout is "claim"`},
	{"scenarios[I].layers[J].claim_gas", "decimal", "0..", "0"},
	{"scenarios[I].layers[J].reinvest", "bool", "", "true"},
	{"scenarios[I].layers[J].entry_gas", "decimal", "0..", "0"},
	{"scenarios[I].layers[J].exit_gas", "decimal", "0..", "0"},
	{"scenarios[I].layers[J].entry_cost", "decimal", "0..100", "0"},
	{"scenarios[I].layers[J].exit_cost", "decimal", "0..100", "0"},
	{"scenarios[I].layers[J].lockup_days", "int", "0..36500", "0"},
	{"scenarios[I].layers[J].withdraw_days", "int", "0..36500", "0"},
	{"scenarios[I].layers[J].risk_probability", "decimal", "0..100", "0"},
	{"scenarios[I].layers[J].risk_loss", "decimal", "0..100", "0"},
	{"scenarios[I].layers[J].preset", "string", "0..", ""},
	{"scenarios[I].layers[J].note", "string", "0..", ""},
	{"scenarios[I].layers[J].reward", "object", "", ""},
	{"scenarios[I].layers[J].reward.token", "string", "1..12", "required"},
	{"scenarios[I].layers[J].reward.per_year", "decimal", "0..1000000000000", "required"},
	{"scenarios[I].layers[J].reward.price", "decimal", "0..1000000000000", "required"},
	{"scenarios[I].layers[J].reward.price_growth", "decimal", "-100..1000", "0"},
	{"scenarios[I].layers[J].reward.sell", "enum", "claim|hold", "claim"},
	{"scenarios[I].layers[J].reward.claim_every", "int", "1..36500", `required if sell is "claim"`},
	{"scenarios[I].layers[J].reward.claim_gas", "decimal", "0..", "0"},
	{"scenarios[I].layers[J].reward.sell_cost", "decimal", "0..100", "0"},
	{"scenarios[I].loop.leverage", "decimal", "1..20", "required"},
	{"scenarios[I].loop.borrow_apr", "decimal", "0..1000", "required"},
	{"scenarios[I].loop.liquidation_ltv", "decimal", "(0..100", "required"},
	{"scenarios[I].loop.liquidation_penalty", "decimal", "0..100", "0"},
	{"scenarios[I].loop.entry_cost", "decimal", "0..100", "0"},
}

// describe writes a Field in the notation of specFields.
func describe(f Field) (kind, rng, def string) {
	switch f.Kind() {
	case DecimalField:
		min, max, open, hasMax := f.DecimalRange()
		if open {
			rng = "("
		}
		rng += min.String() + ".."
		if hasMax {
			rng += max.String()
		}
	case IntField, ListField:
		min, max := f.IntRange()
		rng = fmt.Sprintf("%d..%d", min, max)
	case TextField:
		min, max := f.TextLength()
		rng = fmt.Sprintf("%d..", min)
		if max >= 0 {
			rng += fmt.Sprint(max)
		}
	case EnumField:
		rng = strings.Join(f.Choices(), "|")
	}
	def = f.Default()
	switch {
	case f.Required():
		def = "required"
	case f.RequiredWhen() != "":
		def = "required if " + f.RequiredWhen()
	}
	return string(f.Kind()), rng, def
}

// TestFieldsAreTheSpec: the field tables hold exactly SPEC's fields, in the file's order, with
// SPEC's kinds, ranges and defaults.
func TestFieldsAreTheSpec(t *testing.T) {
	all := AllFields()
	if len(all) != len(specFields) {
		t.Errorf("AllFields() has %d fields, SPEC %d", len(all), len(specFields))
	}
	for i, f := range all {
		if i >= len(specFields) {
			t.Errorf("AllFields()[%d] = %s, not in SPEC", i, f.Path())
			continue
		}
		want := specFields[i]
		kind, rng, def := describe(f)
		if f.Path() != want.path || kind != want.kind || rng != want.rng || def != want.def {
			t.Errorf("AllFields()[%d] = %s %s %s %q, want %s %s %s %q", i, f.Path(), kind, rng, def,
				want.path, want.kind, want.rng, want.def)
		}
		if f.Label() == "" || f.Label() == f.Name() && f.Kind() != ObjectField {
			t.Errorf("%s has no label of its own (%q)", f.Path(), f.Label())
		}
		wantVersion := 1
		if strings.Contains(f.Path(), "reward") || strings.Contains(f.Path(), "loop") {
			wantVersion = 2
		}
		if f.Version() != wantVersion {
			t.Errorf("%s.Version() = %d, want %d", f.Path(), f.Version(), wantVersion)
		}
		if g, ok := FieldByPath(f.PathAt(2, 1)); !ok || g.Path() != f.Path() {
			t.Errorf("FieldByPath(%s) = %s, %v", f.PathAt(2, 1), g.Path(), ok)
		}
	}
}

// The tables cannot be changed through what the package returns.
func TestFieldsAreReadOnly(t *testing.T) {
	LayerFields()[0] = Field{}
	choices := LayerFields()[5].Choices()
	choices[0] = "daily"
	if f := LayerFields(); f[0].Name() != "name" || f[5].Choices()[0] != "compound" {
		t.Errorf("LayerFields() = %v after changing a copy", f[:6])
	}
	PresetGroups()[0] = "changed"
	if PresetGroups()[0] != "staking" {
		t.Errorf("PresetGroups()[0] = %q after changing a copy", PresetGroups()[0])
	}
}

var fieldByPathTests = []struct {
	path string
	want string // the pattern found, "" for none
}{
	{"amount", "amount"},
	{"scenarios", "scenarios"},
	{"scenarios[3].name", "scenarios[I].name"},
	{"scenarios[0].layers[7].risk_loss", "scenarios[I].layers[J].risk_loss"},
	{"scenarios[I].layers[J].reward.price", "scenarios[I].layers[J].reward.price"},
	{"layers[2].apr", "scenarios[I].layers[J].apr"},
	{"layers[2].reward.sell_cost", "scenarios[I].layers[J].reward.sell_cost"},
	{"loop.borrow_apr", "scenarios[I].loop.borrow_apr"},
	{"instant_exit_cost", "scenarios[I].instant_exit_cost"},
	{"note", "scenarios[I].note"},
	{"horizon", ""},
	{"layers[0].horizon", ""},
	{"loop.apr", ""},
}

func TestFieldByPath(t *testing.T) {
	for _, tt := range fieldByPathTests {
		f, ok := FieldByPath(tt.path)
		if got := f.Path(); got != tt.want || ok != (tt.want != "") {
			t.Errorf("FieldByPath(%q) = %q, %v, want %q", tt.path, got, ok, tt.want)
		}
	}
}

const goalSeekDoc = `{"version":2,"amount":"1","days":30,"scenarios":[
 {"name":"a","instant_exit_cost":"0.5","loop":{"leverage":"3","borrow_apr":"2","liquidation_ltv":"90"},
  "layers":[{"name":"x","apr":"3"},{"name":"y","apr":"1","fee":"10",
   "reward":{"token":"EIGEN","per_year":"40","price":"0.0003","claim_every":7}}]},
 {"name":"b","layers":[{"name":"x","apr":"2"}]}]}`

var withDecimalTests = []struct {
	path string
	want string // the field's value before the change, or the error
}{
	{"instant_exit_cost", "0.5"},
	{"layers[0].apr", "3"},
	{"layers[1].fee", "10"},
	{"layers[1].claim_gas", "0"},
	{"layers[1].reward.price", "0.0003"},
	{"layers[1].reward.per_year", "40"},
	{"loop.borrow_apr", "2"},
	{"loop.liquidation_ltv", "90"},
	{"layers[2].apr", "layers[2].apr: the scenario has 2 layers"},
	{"layers[0].reward.price", "layers[0].reward.price: layers[0] has no reward"},
	{"layers[0].name", "layers[0].name: is not a decimal field of a scenario"},
	{"layers[0].claim_every", "layers[0].claim_every: is not a decimal field of a scenario"},
	{"layers[01].apr", "layers[01].apr: is not a decimal field of a scenario"},
	{"layers[-1].apr", "layers[-1].apr: is not a decimal field of a scenario"},
	{"loop.apr", "loop.apr: is not a decimal field of a scenario"},
	{"amount", "amount: is not a decimal field of a scenario"},
}

// Goal seek varies one decimal field of one scenario: each change gives a new set and leaves the
// set it came from, its layers, rewards and loops as they were.
func TestWithDecimal(t *testing.T) {
	s := mustParse(t, goalSeekDoc)
	before := canonical(t, s)
	v := decimal.RequireFromString("7.25")
	for _, tt := range withDecimalTests {
		got, err := s.Scenarios[0].Decimal(tt.path)
		if err != nil {
			if err.Error() != tt.want {
				t.Errorf("Decimal(%q) = %v, want %s", tt.path, err, tt.want)
			}
			if _, err := s.WithDecimal(0, tt.path, v); err == nil || err.Error() != "scenarios[0]."+tt.want {
				t.Errorf("WithDecimal(0, %q) = %v, want scenarios[0].%s", tt.path, err, tt.want)
			}
			continue
		}
		if got.String() != tt.want {
			t.Errorf("Decimal(%q) = %s, want %s", tt.path, got, tt.want)
		}
		changed, err := s.WithDecimal(0, tt.path, v)
		if err != nil {
			t.Errorf("WithDecimal(0, %q) = %v", tt.path, err)
			continue
		}
		if d, _ := changed.Scenarios[0].Decimal(tt.path); !d.Equal(v) {
			t.Errorf("WithDecimal(0, %q, 7.25) holds %s", tt.path, d)
		}
		// Only that field changed.
		for _, other := range withDecimalTests {
			was, err := s.Scenarios[0].Decimal(other.path)
			if now, _ := changed.Scenarios[0].Decimal(other.path); err == nil && other.path != tt.path && !now.Equal(was) {
				t.Errorf("WithDecimal(0, %q) changed %s from %s to %s", tt.path, other.path, was, now)
			}
		}
		if canonical(t, s) != before {
			t.Fatalf("WithDecimal(0, %q) changed the set it was given: %s", tt.path, canonical(t, s))
		}
	}
	if _, err := s.WithDecimal(2, "layers[0].apr", v); err == nil {
		t.Errorf("WithDecimal(2, ...) on a set of 2 scenarios = nil error")
	}
}
