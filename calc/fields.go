package calc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// The scenario file's fields are described once, in the tables of this file: one row per field of
// the set, a scenario, a layer, a layer's reward and a scenario's loop. [Parse] reads a document
// through them, [Set.Validate] checks a set against their ranges, [Set.MarshalJSON] writes a set
// back through them, and the README's field tables are checked against them. Adding a field is a
// row here and a field in the struct it belongs to.

// FieldKind is the kind of value a scenario-file field holds.
type FieldKind string

const (
	DecimalField FieldKind = "decimal" // a JSON string or number, read exactly
	IntField     FieldKind = "int"     // a JSON number without fraction
	TextField    FieldKind = "string"  // JSON text
	EnumField    FieldKind = "enum"    // JSON text, one of [Field.Choices]
	BoolField    FieldKind = "bool"    // true or false
	ListField    FieldKind = "list"    // a JSON list of objects
	ObjectField  FieldKind = "object"  // a JSON object of fields of its own
)

// textClass says which characters a text field refuses beyond invalid UTF-8.
type textClass int

const (
	// freeText is a note: newlines and tabs are kept; other control characters and the
	// characters that turn the direction of the text around it are refused.
	freeText textClass = iota
	// lineText is a name, a symbol or a title: one line, no control or direction characters.
	lineText
)

// need says whether a field must be given.
type need int

const (
	optional   need = iota
	required        // the file must give it
	requiredIf      // the file must give it when its row's when condition holds
)

// Field describes one field of the scenario file: its path, kind, range, default, unit, the
// version that introduced it and the words the page and the errors use for it. A Field is a
// value; the tables it comes from cannot be changed from outside the package.
type Field struct {
	name    string
	path    string // the path pattern, with I for the scenario and J for the layer
	kind    FieldKind
	label   string // a short name for people: "APR", "Fee"
	unit    string // "% per year", "asset units", "days"; "" when there is none
	version int    // the file version that introduced it
	need    need
	needIf  string // the condition of a requiredIf field, in words: `payout is "claim"`
	def     string // the default as the file writes it; "" for a required field or empty text
	rule    string // one more rule in words, for the README: "once per stack"
	class   textClass

	dec     decimalRule
	ints    intRule
	text    textRule
	choices []string // an enum's values, the default first
	items   string   // what a list holds, "scenarios"

	// alwaysWritten fields are written even when they hold their default: what the amounts are
	// in, and what the fiat is, are part of reading a file.
	alwaysWritten bool
}

// Name returns the field's JSON name, "apr".
func (f Field) Name() string { return f.name }

// Path returns the field's path in the file with I standing for the scenario's index and J for
// the layer's: "scenarios[I].layers[J].apr". See [Field.PathAt].
func (f Field) Path() string { return f.path }

// PathAt returns the field's path in the file for scenario i and layer j, as errors name it and
// the page's data-path hooks carry it: "scenarios[1].layers[0].apr". Indexes a field does not
// have are ignored.
func (f Field) PathAt(i, j int) string {
	p := strings.Replace(f.path, "[I]", fmt.Sprintf("[%d]", i), 1)
	return strings.Replace(p, "[J]", fmt.Sprintf("[%d]", j), 1)
}

// Kind returns the kind of value the field holds.
func (f Field) Kind() FieldKind { return f.kind }

// Label returns the field's short name for people, "APR".
func (f Field) Label() string { return f.label }

// Unit returns the field's unit in words, "% per year", or "" when it has none.
func (f Field) Unit() string { return f.unit }

// Version returns the scenario-file version that introduced the field: 1 or 2.
func (f Field) Version() int { return f.version }

// Required reports whether the file must give the field. A field required only under a
// condition, such as claim_every, says so with [Field.RequiredWhen].
func (f Field) Required() bool { return f.need == required }

// RequiredWhen returns, for a field required only under a condition, the condition in words
// (`payout is "claim"`); "" otherwise.
func (f Field) RequiredWhen() string { return f.needIf }

// Default returns the value a file that leaves the field out means, as the file writes it
// ("ETH", "0", "compound", "true"); "" for required fields, empty text and absent objects.
func (f Field) Default() string { return f.def }

// Choices returns the values an enum field takes, the default first; nil for other kinds.
func (f Field) Choices() []string { return append([]string(nil), f.choices...) }

// DecimalRange returns a decimal field's bounds: min ≤ v ≤ max, or min < v when minOpen; hasMax
// is false where there is no upper bound (gas). Other kinds return zeros.
func (f Field) DecimalRange() (min, max decimal.Decimal, minOpen, hasMax bool) {
	if f.kind != DecimalField {
		return
	}
	min, minOpen = *f.dec.min, f.dec.minOpen
	if f.dec.max != nil {
		max, hasMax = *f.dec.max, true
	}
	return
}

// IntRange returns the bounds of an int field, or the number of items of a list field:
// min ≤ n ≤ max. Other kinds return zeros.
func (f Field) IntRange() (min, max int) {
	if f.kind == IntField || f.kind == ListField {
		return f.ints.min, f.ints.max
	}
	return 0, 0
}

// TextLength returns the length of a text field in characters: min ≤ n ≤ max, max < 0 for no
// limit. Other kinds return zeros.
func (f Field) TextLength() (min, max int) {
	if f.kind == TextField {
		return f.text.min, f.text.max
	}
	return 0, 0
}

// Allowed says in words what the field takes, as errors say it after "must be": "a number
// between 0 and 1000", "text of 1 to 60 characters", `"compound" or "claim"`.
func (f Field) Allowed() string {
	switch f.kind {
	case DecimalField:
		return f.dec.allowed()
	case IntField:
		return f.ints.allowed()
	case TextField:
		return f.text.allowed()
	case EnumField:
		return choicesText(f.choices)
	case BoolField:
		return "true or false"
	case ListField:
		return fmt.Sprintf("a list of %d to %d %s", f.ints.min, f.ints.max, f.items)
	}
	return "an object"
}

func choicesText(choices []string) string {
	q := make([]string, len(choices))
	for i, c := range choices {
		q[i] = fmt.Sprintf("%q", c)
	}
	if len(q) == 2 {
		return q[0] + " or " + q[1]
	}
	return "one of " + strings.Join(q, ", ")
}

// row is a Field together with how it is reached in the Go value that holds it, through P, a
// pointer to that value (*Set, *Scenario, *Layer, *Reward or *Loop): a pointer to the struct
// field for plain kinds, or hooks for lists and objects.
//
// The type parameter is the pointer, not the struct, on purpose: Go compiles a generic function
// once per shape of its type arguments, and all pointers share one shape while every struct has
// its own. With P a pointer, the code that walks the tables (parse, check, write) exists once
// instead of once per table, which keeps the page's download small.
type row[P any] struct {
	Field
	decimalOf func(P) *decimal.Decimal
	intOf     func(P) *int
	textOf    func(P) *string
	boolOf    func(P) *bool
	// when reports, for a requiredIf field, whether the condition holds.
	when func(P) bool
	// check adds a rule of its own after the range (a reward token that is the asset).
	check func(c *checking, path string, x P) *FieldError
	// For lists and objects: read the JSON value into x, check x's part, write it, and say
	// whether x has the part (an object is absent when its pointer is nil).
	read    func(p *parser, path string, raw []byte, x P)
	valid   func(c *checking, path string, x P)
	write   func(w *objectWriter, x P)
	present func(P) bool
}

// The tables. Their order is the order in which a file's fields are listed in errors, checked
// and written (lists and objects after the plain fields).

func decimalRow[P any](name, label, unit string, r decimalRule, n need, get func(P) *decimal.Decimal) row[P] {
	def := ""
	if n == optional {
		def = "0"
	}
	return row[P]{Field: Field{name: name, kind: DecimalField, label: label, unit: unit, version: 1,
		need: n, def: def, dec: r}, decimalOf: get}
}

func intRow[P any](name, label, unit string, r intRule, n need, get func(P) *int) row[P] {
	def := ""
	if n == optional {
		def = "0"
	}
	return row[P]{Field: Field{name: name, kind: IntField, label: label, unit: unit, version: 1,
		need: n, def: def, ints: r}, intOf: get}
}

func textRow[P any](name, label string, r textRule, class textClass, n need, def string, get func(P) *string) row[P] {
	return row[P]{Field: Field{name: name, kind: TextField, label: label, version: 1, need: n, def: def,
		text: r, class: class}, textOf: get}
}

// v2 marks a row as introduced by version 2 of the file.
func v2[P any](r row[P]) row[P] {
	r.version = 2
	return r
}

var setRows = []row[*Set]{
	{Field: Field{name: "version", kind: IntField, label: "Version", version: 1, need: required,
		ints: intRule{1, MaxVersion}},
		intOf: func(s *Set) *int { return &s.Version },
		write: func(w *objectWriter, s *Set) { w.integer("version", s.fileVersion(), 0) }},
	textRow("title", "Title", textRule{0, MaxTitleLen}, lineText, optional, "", func(s *Set) *string { return &s.Title }),
	decimalRow("amount", "Amount", "asset units", amountRule, required, func(s *Set) *decimal.Decimal { return &s.Amount }),
	withAlwaysWritten(textRow("asset", "Asset", textRule{1, MaxAssetLen}, lineText, optional, "ETH", func(s *Set) *string { return &s.Asset })),
	withRule(decimalRow("price", "Price", "fiat per asset unit", priceRule, optional, func(s *Set) *decimal.Decimal { return &s.Price }),
		"0: no fiat figures"),
	withAlwaysWritten(textRow("currency", "Currency", textRule{1, MaxCurrencyLen}, lineText, optional, "USD", func(s *Set) *string { return &s.Currency })),
	decimalRow("price_growth", "Price change", "% per year", priceGrowthRule, optional, func(s *Set) *decimal.Decimal { return &s.PriceGrowth }),
	intRow("days", "Days", "days", dayRule(1), required, func(s *Set) *int { return &s.Days }),
	{Field: Field{name: "scenarios", kind: ListField, label: "Scenarios", version: 1, need: required,
		ints: intRule{1, MaxScenarios}, items: "scenarios"},
		read:  readScenarios,
		valid: checkScenarios,
		write: writeScenarios},
}

var scenarioRows = []row[*Scenario]{
	withRule(textRow("name", "Name", textRule{1, MaxNameLen}, lineText, required, "", func(sc *Scenario) *string { return &sc.Name }),
		"once per set, case and invisible characters ignored"),
	decimalRow("instant_exit_cost", "Instant exit discount", "%", percentRule, optional, func(sc *Scenario) *decimal.Decimal { return &sc.InstantExitCost }),
	textRow("note", "Note", textRule{0, -1}, freeText, optional, "", func(sc *Scenario) *string { return &sc.Note }),
	v2(row[*Scenario]{Field: Field{name: "loop", kind: ObjectField, label: "Leverage loop", need: optional},
		read:    readLoop,
		valid:   checkLoop,
		write:   writeLoop,
		present: func(sc *Scenario) bool { return sc.Loop != nil }}),
	{Field: Field{name: "layers", kind: ListField, label: "Layers", version: 1, need: required,
		ints: intRule{1, MaxLayers}, items: "layers"},
		read:  readLayers,
		valid: checkLayers,
		write: writeLayers},
}

var layerRows = []row[*Layer]{
	withRule(textRow("name", "Name", textRule{1, MaxNameLen}, lineText, required, "", func(l *Layer) *string { return &l.Name }),
		"once per stack, case and invisible characters ignored"),
	withRule(textRow("accepts", "Takes", textRule{0, MaxAssetLen}, lineText, optional, "", func(l *Layer) *string { return &l.Accepts }),
		`"" is not checked`),
	withRule(textRow("gives", "Gives", textRule{0, MaxAssetLen}, lineText, optional, "", func(l *Layer) *string { return &l.Gives }),
		`"" is not checked`),
	decimalRow("apr", "APR", "% per year", aprRule, required, func(l *Layer) *decimal.Decimal { return &l.APR }),
	decimalRow("fee", "Fee", "% of the rewards", percentRule, optional, func(l *Layer) *decimal.Decimal { return &l.Fee }),
	{Field: Field{name: "payout", kind: EnumField, label: "Rewards", version: 1, need: optional,
		def: string(Compound), choices: []string{string(Compound), string(Claim)}},
		textOf: func(l *Layer) *string { return (*string)(&l.Payout) }},
	withWhen(intRow("claim_every", "Claim every", "days", dayRule(1), requiredIf, func(l *Layer) *int { return &l.ClaimEvery }),
		`payout is "claim"`, func(l *Layer) bool { return l.Payout == Claim }),
	decimalRow("claim_gas", "Gas per claim", "asset units", gasRule, optional, func(l *Layer) *decimal.Decimal { return &l.ClaimGas }),
	{Field: Field{name: "reinvest", kind: BoolField, label: "Reinvest", version: 1, need: optional, def: "true"},
		boolOf: func(l *Layer) *bool { return &l.Reinvest }},
	decimalRow("entry_gas", "Entry gas", "asset units", gasRule, optional, func(l *Layer) *decimal.Decimal { return &l.EntryGas }),
	decimalRow("exit_gas", "Exit gas", "asset units", gasRule, optional, func(l *Layer) *decimal.Decimal { return &l.ExitGas }),
	decimalRow("entry_cost", "Entry swap cost", "% of the balance", percentRule, optional, func(l *Layer) *decimal.Decimal { return &l.EntryCost }),
	decimalRow("exit_cost", "Exit swap cost", "% of the balance", percentRule, optional, func(l *Layer) *decimal.Decimal { return &l.ExitCost }),
	intRow("lockup_days", "Lock-up", "days", dayRule(0), optional, func(l *Layer) *int { return &l.LockupDays }),
	intRow("withdraw_days", "Withdrawal time", "days", dayRule(0), optional, func(l *Layer) *int { return &l.WithdrawDays }),
	decimalRow("risk_probability", "Chance of a loss event", "% per year", percentRule, optional, func(l *Layer) *decimal.Decimal { return &l.RiskProbability }),
	decimalRow("risk_loss", "Loss in such an event", "% of the balance", percentRule, optional, func(l *Layer) *decimal.Decimal { return &l.RiskLoss }),
	withRule(textRow("preset", "Preset", textRule{0, -1}, lineText, optional, "", func(l *Layer) *string { return &l.Preset }),
		"not used in the maths"),
	withRule(textRow("note", "Note", textRule{0, -1}, freeText, optional, "", func(l *Layer) *string { return &l.Note }),
		"not used in the maths"),
	v2(row[*Layer]{Field: Field{name: "reward", kind: ObjectField, label: "Reward token", need: optional},
		read:    readReward,
		valid:   checkReward,
		write:   writeReward,
		present: func(l *Layer) bool { return l.Reward != nil }}),
}

var rewardRows = []row[*Reward]{
	withCheck(v2(withRule(textRow("token", "Token", textRule{1, MaxAssetLen}, lineText, required, "", func(r *Reward) *string { return &r.Token }),
		"not the set's asset")), checkRewardToken),
	v2(decimalRow("per_year", "Tokens per year", "tokens per asset unit", rewardAmountRule, required, func(r *Reward) *decimal.Decimal { return &r.PerYear })),
	v2(decimalRow("price", "Token price", "asset units per token", rewardAmountRule, required, func(r *Reward) *decimal.Decimal { return &r.Price })),
	v2(decimalRow("price_growth", "Token price change", "% per year", priceGrowthRule, optional, func(r *Reward) *decimal.Decimal { return &r.PriceGrowth })),
	v2(row[*Reward]{Field: Field{name: "sell", kind: EnumField, label: "Sell", need: optional,
		def: string(SellOnClaim), choices: []string{string(SellOnClaim), string(Hold)}},
		textOf: func(r *Reward) *string { return (*string)(&r.Sell) }}),
	v2(withWhen(intRow("claim_every", "Claim and sell every", "days", dayRule(1), requiredIf, func(r *Reward) *int { return &r.ClaimEvery }),
		`sell is "claim"`, func(r *Reward) bool { return r.Sell == SellOnClaim })),
	v2(decimalRow("claim_gas", "Gas per claim and sale", "asset units", gasRule, optional, func(r *Reward) *decimal.Decimal { return &r.ClaimGas })),
	v2(decimalRow("sell_cost", "Sale cost", "% of the proceeds", percentRule, optional, func(r *Reward) *decimal.Decimal { return &r.SellCost })),
}

var loopRows = []row[*Loop]{
	v2(decimalRow("leverage", "Leverage", "× own money", leverageRule, required, func(l *Loop) *decimal.Decimal { return &l.Leverage })),
	v2(decimalRow("borrow_apr", "Borrow APR", "% per year", aprRule, required, func(l *Loop) *decimal.Decimal { return &l.BorrowAPR })),
	v2(decimalRow("liquidation_ltv", "Liquidation LTV", "% debt ÷ position", ltvRule, required, func(l *Loop) *decimal.Decimal { return &l.LiquidationLTV })),
	v2(decimalRow("liquidation_penalty", "Liquidation penalty", "% of the debt", percentRule, optional, func(l *Loop) *decimal.Decimal { return &l.LiquidationPenalty })),
	v2(decimalRow("entry_cost", "Loop entry cost", "% of the borrowed amount", percentRule, optional, func(l *Loop) *decimal.Decimal { return &l.EntryCost })),
}

func withRule[P any](r row[P], rule string) row[P] {
	r.rule = rule
	return r
}

func withAlwaysWritten[P any](r row[P]) row[P] {
	r.alwaysWritten = true
	return r
}

func withWhen[P any](r row[P], cond string, when func(P) bool) row[P] {
	r.needIf, r.when, r.def = cond, when, ""
	return r
}

func withCheck[P any](r row[P], check func(*checking, string, P) *FieldError) row[P] {
	r.check = check
	return r
}

func init() {
	// Paths and labels are filled in here, once, from where each table sits in the file.
	fill := func(prefix string, fields []*Field) {
		for _, f := range fields {
			f.path = join(prefix, f.name)
			if f.label == "" {
				f.label = f.name
			}
		}
	}
	fill("", fieldPtrs(setRows))
	fill("scenarios[I]", fieldPtrs(scenarioRows))
	fill("scenarios[I].layers[J]", fieldPtrs(layerRows))
	fill("scenarios[I].layers[J].reward", fieldPtrs(rewardRows))
	fill("scenarios[I].loop", fieldPtrs(loopRows))
}

func fieldPtrs[P any](rows []row[P]) []*Field {
	out := make([]*Field, len(rows))
	for i := range rows {
		out[i] = &rows[i].Field
	}
	return out
}

func fieldsOf[P any](rows []row[P]) []Field {
	out := make([]Field, len(rows))
	for i, r := range rows {
		out[i] = r.Field
	}
	return out
}

// SetFields returns the set's own fields, in the file's order: version, title, amount ...
// scenarios. The slice is the caller's.
func SetFields() []Field { return fieldsOf(setRows) }

// ScenarioFields returns a scenario's fields, in the file's order. The slice is the caller's.
func ScenarioFields() []Field { return fieldsOf(scenarioRows) }

// LayerFields returns a layer's fields, in the file's order: name, accepts, gives, apr ...
// reward. The slice is the caller's.
func LayerFields() []Field { return fieldsOf(layerRows) }

// RewardFields returns the fields of a layer's reward (version 2), in the file's order.
func RewardFields() []Field { return fieldsOf(rewardRows) }

// LoopFields returns the fields of a scenario's loop (version 2), in the file's order.
func LoopFields() []Field { return fieldsOf(loopRows) }

// AllFields returns every field of the file, set first, then a scenario's, a layer's, a
// reward's and a loop's.
func AllFields() []Field {
	var out []Field
	for _, part := range [][]Field{SetFields(), ScenarioFields(), LayerFields(), RewardFields(), LoopFields()} {
		out = append(out, part...)
	}
	return out
}

// FieldByPath returns the field a path in the file names, with or without indexes:
// "scenarios[1].layers[0].apr", "scenarios[I].layers[J].apr" and "layers[0].apr" (inside a
// scenario, as goal seek names fields) all name a layer's APR.
func FieldByPath(path string) (Field, bool) {
	if f, ok := fieldNamed(setRows, path); ok {
		return f, true
	}
	p := path
	if rest, ok := strings.CutPrefix(path, "scenarios["); ok {
		p = strings.TrimPrefix(skipIndex("["+rest), ".")
	}
	if rest, ok := strings.CutPrefix(p, "layers"); ok && rest != "" {
		rest = strings.TrimPrefix(skipIndex(rest), ".")
		if r, ok := strings.CutPrefix(rest, "reward."); ok {
			return fieldNamed(rewardRows, r)
		}
		return fieldNamed(layerRows, rest)
	}
	if r, ok := strings.CutPrefix(p, "loop."); ok {
		return fieldNamed(loopRows, r)
	}
	return fieldNamed(scenarioRows, p)
}

// skipIndex drops a leading "[n]" from s.
func skipIndex(s string) string {
	if strings.HasPrefix(s, "[") {
		if i := strings.IndexByte(s, ']'); i > 0 {
			return s[i+1:]
		}
	}
	return s
}

func fieldNamed[P any](rows []row[P], name string) (Field, bool) {
	if r := rowNamed(rows, name); r != nil {
		return r.Field, true
	}
	return Field{}, false
}

func rowNamed[P any](rows []row[P], name string) *row[P] {
	for i := range rows {
		if rows[i].name == name {
			return &rows[i]
		}
	}
	return nil
}

// fieldNames returns the rows' names, comma-separated, in the table's order.
func fieldNames[P any](rows []row[P]) string {
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.name
	}
	return strings.Join(names, ", ")
}

// requiredNames returns the names of the rows a file must always give.
func requiredNames[P any](rows []row[P]) []string {
	var names []string
	for _, r := range rows {
		if r.need == required {
			names = append(names, r.name)
		}
	}
	return names
}

// setDefaults sets every row's default in *x: text, enum and bool defaults; numbers default to
// zero.
func setDefaults[P any](rows []row[P], x P) {
	for _, r := range rows {
		switch {
		case r.textOf != nil && r.def != "":
			*r.textOf(x) = r.def
		case r.boolOf != nil:
			*r.boolOf(x) = r.def == "true"
		}
	}
}

// copyField sets the field of row r in dst to its value in src.
func (r *row[P]) copyField(dst, src P) {
	switch {
	case r.decimalOf != nil:
		*r.decimalOf(dst) = *r.decimalOf(src)
	case r.intOf != nil:
		*r.intOf(dst) = *r.intOf(src)
	case r.textOf != nil:
		*r.textOf(dst) = *r.textOf(src)
	case r.boolOf != nil:
		*r.boolOf(dst) = *r.boolOf(src)
	}
}

// fileVersion is the version MarshalJSON writes: the set's own, raised to 2 when the set uses a
// field of version 2, and at least 1.
func (s Set) fileVersion() int {
	v := max(s.Version, 1)
	for _, sc := range s.Scenarios {
		if sc.Loop != nil {
			return max(v, 2)
		}
		for _, l := range sc.Layers {
			if l.Reward != nil {
				return max(v, 2)
			}
		}
	}
	return v
}

// Decimal returns the decimal field of sc that path names inside the scenario, as goal seek
// names fields: "instant_exit_cost", "layers[1].apr", "layers[1].reward.price",
// "loop.borrow_apr". The error says why the path names no decimal field sc has (a reward field
// of a layer without a reward, a layer past the top).
func (sc Scenario) Decimal(path string) (decimal.Decimal, error) {
	d, err := sc.decimalAt(path, false)
	if err != nil {
		return decimal.Zero, err
	}
	return *d, nil
}

// WithDecimal returns a copy of sc with the decimal field at path (see [Scenario.Decimal]) set
// to v; sc and everything it points to are left as they were: the copy has layers of its own,
// and the reward or loop on the path is a new copy. v is not checked against the field's range:
// [Set.Validate] does that, and [Field.DecimalRange] of [FieldByPath] says what it is.
func (sc Scenario) WithDecimal(path string, v decimal.Decimal) (Scenario, error) {
	d, err := sc.decimalAt(path, true)
	if err != nil {
		return Scenario{}, err
	}
	*d = v
	return sc, nil
}

// WithDecimal returns a copy of s whose scenario i has the decimal field at path set to v, as
// [Scenario.WithDecimal] sets it; s and its scenarios are left as they were.
func (s Set) WithDecimal(i int, path string, v decimal.Decimal) (Set, error) {
	if i < 0 || i >= len(s.Scenarios) {
		return Set{}, fmt.Errorf("scenarios[%d]: the set has %d scenarios", i, len(s.Scenarios))
	}
	sc, err := s.Scenarios[i].WithDecimal(path, v)
	if err != nil {
		return Set{}, fmt.Errorf("scenarios[%d].%w", i, err)
	}
	s.Scenarios = append([]Scenario(nil), s.Scenarios...)
	s.Scenarios[i] = sc
	return s, nil
}

// decimalAt returns a pointer to the decimal field at path in sc, whose receiver is a copy. For
// a change (own), the layers, reward and loop on the way are first copied, so that the pointer
// reaches nothing the caller's scenario shares.
func (sc *Scenario) decimalAt(path string, own bool) (*decimal.Decimal, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%s: %s", path, fmt.Sprintf(format, args...))
	}
	notDecimal := bad("is not a decimal field of a scenario")
	if rest, ok := strings.CutPrefix(path, "layers["); ok {
		num, rest, ok := strings.Cut(rest, "].")
		j, err := strconv.Atoi(num)
		if !ok || err != nil || j < 0 || num != strconv.Itoa(j) {
			return nil, notDecimal
		}
		if j >= len(sc.Layers) {
			return nil, bad("the scenario has %d layers", len(sc.Layers))
		}
		if own {
			sc.Layers = append([]Layer(nil), sc.Layers...)
		}
		l := &sc.Layers[j]
		if name, ok := strings.CutPrefix(rest, "reward."); ok {
			if l.Reward == nil {
				return nil, bad("layers[%d] has no reward", j)
			}
			if own {
				r := *l.Reward
				l.Reward = &r
			}
			return decimalOf(rewardRows, name, l.Reward, notDecimal)
		}
		return decimalOf(layerRows, rest, l, notDecimal)
	}
	if name, ok := strings.CutPrefix(path, "loop."); ok {
		if sc.Loop == nil {
			return nil, bad("the scenario has no loop")
		}
		if own {
			lp := *sc.Loop
			sc.Loop = &lp
		}
		return decimalOf(loopRows, name, sc.Loop, notDecimal)
	}
	return decimalOf(scenarioRows, path, sc, notDecimal)
}

func decimalOf[P any](rows []row[P], name string, x P, notDecimal error) (*decimal.Decimal, error) {
	r := rowNamed(rows, name)
	if r == nil || r.decimalOf == nil {
		return nil, notDecimal
	}
	return r.decimalOf(x), nil
}
