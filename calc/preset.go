package calc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// A preset library is the data file the app embeds (assets/presets.json): layers whose figures
// say where they come from, and historical stress cases a user can apply to a scenario. The
// engine itself ignores a layer's preset and note fields; this file only reads and checks the
// library and turns its entries into engine values.

// presetGroups are the preset groups, in the order a picker lists them.
var presetGroups = []string{"staking", "restaking", "LRT", "lending-LP", "points"}

// PresetGroups returns the preset groups, in the order a picker lists them. The slice is the
// caller's.
func PresetGroups() []string { return append([]string(nil), presetGroups...) }

// StaleAfter is how old a preset's figures may be, compared with the build, before they are
// flagged as possibly out of date.
const StaleAfter = 365 * 24 * time.Hour

// gweiExponent converts gas prices in gwei to asset units: 1 gwei = 10^-9 ETH.
const gweiExponent = -9

// Library is the preset data file, checked.
type Library struct {
	Checked time.Time // the day the figures were last compared with their sources
	Presets []Preset
	Loops   []LoopPreset
	Stress  []StressCase
}

// LoopPreset fills a scenario's leverage loop (SPEC section 8.2) from a lending market: its
// liquidation threshold and penalty, and its borrow rate for LRT or LST collateral. The leverage
// in it is an example; the user decides it.
type LoopPreset struct {
	ID      string
	Label   string
	Date    time.Time // the day the figures are as of: the oldest source they rest on
	Loop    Loop
	Sources []Source
	// Example is true when some figures could not be checked against a source; Unconfirmed
	// names them by their field in the loop object ("borrow_apr", "liquidation_penalty" ...).
	Example     bool
	Unconfirmed []string
	Notes       string
	Changes     []Change
}

// Preset fills one layer. Its gas is in gas units, so that the user's gas price decides what it
// costs; [Preset.Layer] converts it.
type Preset struct {
	ID    string
	Label string
	Group string    // one of PresetGroups()
	Date  time.Time // the day the figures are as of: the oldest source they rest on
	Base  Layer     // the layer with no gas; Preset is the ID, Note a one-line summary
	Gas   GasUnits
	// Sources say where the figures come from, with their dates.
	Sources []Source
	// Example is true when some figures could not be checked against a source; Unconfirmed
	// names them by their scenario-file field ("apr", "withdraw_days" ...).
	Example     bool
	Unconfirmed []string
	Notes       string
	// Changes are dated rule changes after which older figures no longer hold, such as
	// EigenLayer's withdrawal delay going from 7 to 14 days on 2025-04-17.
	Changes []Change
}

// GasUnits are the gas a layer's transactions use, in gas units (not asset units).
type GasUnits struct {
	Entry, Exit, Claim int64
}

// Source is one public document a preset or stress case rests on.
type Source struct {
	URL   string
	Title string
	Date  string // YYYY-MM-DD, YYYY-MM or YYYY: published, or the day it was read (Dated)
	Dated string // "published" or "checked"
}

// Change is a dated change of rules that makes figures from before it stale.
type Change struct {
	Date time.Time
	What string
}

// StressCase is an event from history that a user can apply to a scenario to see the damage.
type StressCase struct {
	ID          string
	Label       string
	Date        string // of the event: YYYY-MM-DD, YYYY-MM or YYYY
	Target      string // one of StressTargets()
	Patch       []PatchField
	Sources     []Source
	Example     bool // some patched figures are illustrative rather than historical
	Explanation string

	layer    Layer           // the patched layer fields, parsed
	scenario decimal.Decimal // the patched instant exit cost, parsed
}

// PatchField is one field a stress case sets, by its scenario-file name, with its text as the
// data file writes it.
type PatchField struct {
	Field string
	Value string
}

// Stress targets: where a stress case's patch goes.
const (
	TargetScenario    = "scenario"     // instant_exit_cost of the scenario
	TargetTopLayer    = "top-layer"    // the last layer of the stack
	TargetBottomLayer = "bottom-layer" // the first layer, usually staking
	TargetEveryLayer  = "every-layer"  // each layer of the stack
)

// stressTargets lists the targets a stress case may name.
var stressTargets = []string{TargetScenario, TargetTopLayer, TargetBottomLayer, TargetEveryLayer}

// StressTargets returns the targets a stress case may name. The slice is the caller's.
func StressTargets() []string { return append([]string(nil), stressTargets...) }

// Fields a stress patch may set, by target.
var (
	scenarioPatchFields = []string{"instant_exit_cost"}
	layerPatchFields    = []string{"fee", "entry_cost", "exit_cost", "lockup_days", "withdraw_days",
		"risk_probability", "risk_loss"}
)

// ParsePresets reads and checks a preset library. Every preset's layer goes through the engine
// inside a one-scenario file, so it meets the same ranges as a user's layer; every stress patch
// is checked the same way. Like [Parse], the error joins one *FieldError per problem, with paths
// such as "presets[2].layer.apr" or "stress[1].patch.risk_loss".
func ParsePresets(data []byte) (Library, error) {
	var doc libraryFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return Library{}, &FieldError{Msg: fmt.Sprintf("not a preset library: %v", err)}
	}
	var errs []error
	add := func(path, got, format string, args ...any) {
		errs = append(errs, fieldErr(path, got, format, args...))
	}
	lib := Library{}
	var ok bool
	if lib.Checked, ok = parseDay(doc.Checked); !ok {
		add("checked", quoteText(doc.Checked), "must be a date written YYYY-MM-DD")
	}
	ids := map[string]string{}
	unique := func(path, id string) {
		if prev, dup := ids[id]; dup {
			add(path, quoteText(id), "is already the id of %s; ids must be unique", prev)
		}
		ids[id] = path
	}
	for i, f := range doc.Presets {
		path := fmt.Sprintf("presets[%d]", i)
		p, perrs := f.preset(path)
		errs = append(errs, perrs...)
		unique(path+".id", f.ID)
		lib.Presets = append(lib.Presets, p)
	}
	for i, f := range doc.Loops {
		path := fmt.Sprintf("loops[%d]", i)
		p, perrs := f.loopPreset(path)
		errs = append(errs, perrs...)
		unique(path+".id", f.ID)
		lib.Loops = append(lib.Loops, p)
	}
	for i, f := range doc.Stress {
		path := fmt.Sprintf("stress[%d]", i)
		c, cerrs := f.stressCase(path)
		errs = append(errs, cerrs...)
		unique(path+".id", f.ID)
		lib.Stress = append(lib.Stress, c)
	}
	if len(errs) > 0 {
		return Library{}, errors.Join(errs...)
	}
	return lib, nil
}

// Layer returns the preset's layer with its gas converted to asset units at gasGwei gwei per
// gas unit: units × gwei × 10^-9, exact, truncated to 18 places (one wei). A negative or zero
// price gives no gas.
func (p Preset) Layer(gasGwei decimal.Decimal) Layer {
	l := p.Base
	l.EntryGas = GasCost(p.Gas.Entry, gasGwei)
	l.ExitGas = GasCost(p.Gas.Exit, gasGwei)
	l.ClaimGas = GasCost(p.Gas.Claim, gasGwei)
	return l
}

// GasCost returns what units of gas cost in asset units at gasGwei gwei each, truncated to one
// wei; zero for a price that is not positive.
func GasCost(units int64, gasGwei decimal.Decimal) decimal.Decimal {
	if units <= 0 || gasGwei.Sign() <= 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(units).Mul(gasGwei).Shift(gweiExponent).Truncate(MaxDecimals)
}

// Stale reports whether a preset's figures may no longer hold for a build made on buildDate:
// they are more than a year older than the build, or older than a rule change they depend on.
func (l Library) Stale(p Preset, buildDate time.Time) bool {
	return l.StaleReason(p, buildDate) != ""
}

// StaleReason says why a preset is stale for a build made on buildDate, or "" when it is not.
// A rule change that happened after the build is not known to the build and is ignored.
func (l Library) StaleReason(p Preset, buildDate time.Time) string {
	for _, c := range p.Changes {
		if p.Date.Before(c.Date) && !c.Date.After(buildDate) {
			return fmt.Sprintf("These figures date from %s, before %s, when %s.",
				p.Date.Format(time.DateOnly), c.Date.Format(time.DateOnly), c.What)
		}
	}
	if buildDate.Sub(p.Date) > StaleAfter {
		return fmt.Sprintf("These figures date from %s, more than a year before this build (%s): check them against the sources.",
			p.Date.Format(time.DateOnly), buildDate.Format(time.DateOnly))
	}
	return ""
}

// Loop returns the loop preset with the given id.
func (l Library) Loop(id string) (LoopPreset, bool) {
	for _, p := range l.Loops {
		if p.ID == id {
			return p, true
		}
	}
	return LoopPreset{}, false
}

// Preset returns the preset with the given id.
func (l Library) Preset(id string) (Preset, bool) {
	for _, p := range l.Presets {
		if p.ID == id {
			return p, true
		}
	}
	return Preset{}, false
}

// Apply returns a copy of s with the stress case applied to scenario i (0-based); s itself and
// the slices it holds are left as they were, and the copy shares no slice with s. An index out
// of range returns an unchanged copy.
func (c StressCase) Apply(s Set, i int) Set {
	out := s
	out.Scenarios = make([]Scenario, len(s.Scenarios))
	for j, sc := range s.Scenarios {
		sc.Layers = append([]Layer(nil), sc.Layers...)
		out.Scenarios[j] = sc
	}
	if i < 0 || i >= len(out.Scenarios) {
		return out
	}
	sc := out.Scenarios[i]
	switch c.Target {
	case TargetScenario:
		sc.InstantExitCost = c.scenario
	case TargetTopLayer:
		if n := len(sc.Layers); n > 0 {
			sc.Layers[n-1] = c.patchLayer(sc.Layers[n-1])
		}
	case TargetBottomLayer:
		if len(sc.Layers) > 0 {
			sc.Layers[0] = c.patchLayer(sc.Layers[0])
		}
	case TargetEveryLayer:
		for j := range sc.Layers {
			sc.Layers[j] = c.patchLayer(sc.Layers[j])
		}
	}
	out.Scenarios[i] = sc
	return out
}

// patchLayer sets the patched fields of l.
func (c StressCase) patchLayer(l Layer) Layer {
	for _, f := range c.Patch {
		if r := rowNamed(layerRows, f.Field); r != nil {
			r.copyField(&l, &c.layer)
		}
	}
	return l
}

// The data file's shape.

type libraryFile struct {
	Checked string       `json:"checked"`
	Presets []presetFile `json:"presets"`
	Loops   []loopFile   `json:"loops"`
	Stress  []stressFile `json:"stress"`
}

type loopFile struct {
	ID          string          `json:"id"`
	Label       string          `json:"label"`
	Date        string          `json:"date"`
	Loop        json.RawMessage `json:"loop"`
	Sources     []sourceFile    `json:"sources"`
	Changes     []changeFile    `json:"changes"`
	Example     bool            `json:"example"`
	Unconfirmed []string        `json:"unconfirmed"`
	Notes       string          `json:"notes"`
}

type presetFile struct {
	ID          string          `json:"id"`
	Label       string          `json:"label"`
	Group       string          `json:"group"`
	Date        string          `json:"date"`
	Layer       json.RawMessage `json:"layer"`
	Gas         gasFile         `json:"gas"`
	Sources     []sourceFile    `json:"sources"`
	Changes     []changeFile    `json:"changes"`
	Example     bool            `json:"example"`
	Unconfirmed []string        `json:"unconfirmed"`
	Notes       string          `json:"notes"`
}

type gasFile struct {
	Entry *int64 `json:"entry"`
	Exit  *int64 `json:"exit"`
	Claim *int64 `json:"claim"`
}

type sourceFile struct {
	URL   string `json:"url"`
	Title string `json:"title"`
	Date  string `json:"date"`
	Dated string `json:"dated"`
}

type changeFile struct {
	Date string `json:"date"`
	What string `json:"what"`
}

type stressFile struct {
	ID          string          `json:"id"`
	Label       string          `json:"label"`
	Date        string          `json:"date"`
	Target      string          `json:"target"`
	Patch       json.RawMessage `json:"patch"`
	Sources     []sourceFile    `json:"sources"`
	Example     bool            `json:"example"`
	Explanation string          `json:"explanation"`
}

var (
	idPattern       = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	partialDate     = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)
	gasFieldsInFile = []string{"entry_gas", "exit_gas", "claim_gas"}
)

func parseDay(s string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

func (f presetFile) preset(path string) (Preset, []error) {
	var errs []error
	add := func(field, got, format string, args ...any) {
		errs = append(errs, fieldErr(path+"."+field, got, format, args...))
	}
	p := Preset{ID: f.ID, Label: f.Label, Group: f.Group, Example: f.Example,
		Unconfirmed: f.Unconfirmed, Notes: f.Notes}
	if !idPattern.MatchString(f.ID) {
		add("id", quoteText(f.ID), "must be lower-case words joined by hyphens")
	}
	if strings.TrimSpace(f.Label) == "" {
		add("label", "", "is required")
	}
	if !contains(presetGroups, f.Group) {
		add("group", quoteText(f.Group), "must be one of %s", strings.Join(presetGroups, ", "))
	}
	var ok bool
	if p.Date, ok = parseDay(f.Date); !ok {
		add("date", quoteText(f.Date), "must be a date written YYYY-MM-DD")
	}

	// The layer, through the engine.
	layer, lerrs := presetLayer(path+".layer", f.Layer)
	errs = append(errs, lerrs...)
	p.Base = layer
	if len(lerrs) == 0 {
		if layer.Preset != f.ID {
			add("layer.preset", quoteText(layer.Preset), "must be the preset's id, %q", f.ID)
		}
		if strings.TrimSpace(layer.Note) == "" || strings.ContainsAny(layer.Note, "\n\r") {
			add("layer.note", "", "must be a one-line summary")
		}
	}

	// Gas in gas units.
	for _, g := range []struct {
		name string
		v    *int64
		dst  *int64
	}{{"entry", f.Gas.Entry, &p.Gas.Entry}, {"exit", f.Gas.Exit, &p.Gas.Exit}, {"claim", f.Gas.Claim, &p.Gas.Claim}} {
		switch {
		case g.v == nil:
			add("gas."+g.name, "", "is required: gas units, 0 when there is no transaction")
		case *g.v < 0 || *g.v > 100_000_000:
			add("gas."+g.name, fmt.Sprint(*g.v), "must be a whole number of gas units between 0 and 100000000")
		default:
			*g.dst = *g.v
		}
	}
	if p.Gas.Claim > 0 && layer.Payout != Claim {
		add("gas.claim", fmt.Sprint(p.Gas.Claim), "must be 0 when the layer's rewards are not claimed")
	}

	p.Sources, errs = sources(path, f.Sources, errs)
	p.Changes, errs = changes(path, f.Changes, errs)

	// An example says which figures are not checked, and only then.
	if f.Example != (len(f.Unconfirmed) > 0) {
		add("unconfirmed", "", "must list the figures not checked against a source exactly when example is true")
	}
	for i, name := range f.Unconfirmed {
		r := rowNamed(layerRows, name)
		known := r != nil && r.kind != ObjectField
		if reward, ok := strings.CutPrefix(name, "reward."); ok {
			known = rowNamed(rewardRows, reward) != nil && (layer.Reward != nil || len(lerrs) > 0)
		}
		if !known {
			errs = append(errs, fieldErr(fmt.Sprintf("%s.unconfirmed[%d]", path, i), quoteText(name),
				"must be the name of a field of the layer, or of its reward as reward.NAME"))
		}
	}
	if strings.TrimSpace(f.Notes) == "" {
		add("notes", "", "is required: how the figures were found, and what they leave out")
	}
	return p, errs
}

// changes reads a preset's dated rule changes.
func changes(path string, in []changeFile, errs []error) ([]Change, []error) {
	var out []Change
	for i, c := range in {
		cp := fmt.Sprintf("%s.changes[%d]", path, i)
		d, ok := parseDay(c.Date)
		if !ok {
			errs = append(errs, fieldErr(cp+".date", quoteText(c.Date), "must be a date written YYYY-MM-DD"))
		}
		if strings.TrimSpace(c.What) == "" {
			errs = append(errs, fieldErr(cp+".what", "", "is required: what changed"))
		}
		out = append(out, Change{Date: d, What: c.What})
	}
	return out, errs
}

// loopPreset reads and checks a loop preset: its loop goes through the engine on a one-layer
// scenario of its own, so it meets the ranges of a user's loop, and is not liquidated at entry.
func (f loopFile) loopPreset(path string) (LoopPreset, []error) {
	var errs []error
	add := func(field, got, format string, args ...any) {
		errs = append(errs, fieldErr(path+"."+field, got, format, args...))
	}
	p := LoopPreset{ID: f.ID, Label: f.Label, Example: f.Example, Unconfirmed: f.Unconfirmed, Notes: f.Notes}
	if !idPattern.MatchString(f.ID) {
		add("id", quoteText(f.ID), "must be lower-case words joined by hyphens")
	}
	if strings.TrimSpace(f.Label) == "" {
		add("label", "", "is required")
	}
	var ok bool
	if p.Date, ok = parseDay(f.Date); !ok {
		add("date", quoteText(f.Date), "must be a date written YYYY-MM-DD")
	}
	if kindOf(f.Loop) != '{' {
		add("loop", abbreviate(f.Loop), "must be a loop object of the scenario file")
	} else {
		set, err := Parse(oneLayerFile([]byte(`{"name":"check","apr":"0"}`), append([]byte(`"loop":`), f.Loop...), "ETH"))
		if err != nil {
			errs = append(errs, renamed(err, "scenarios[0].loop", path+".loop")...)
		} else {
			p.Loop = *set.Scenarios[0].Loop
		}
	}
	p.Sources, errs = sources(path, f.Sources, errs)
	p.Changes, errs = changes(path, f.Changes, errs)
	if f.Example != (len(f.Unconfirmed) > 0) {
		add("unconfirmed", "", "must list the figures not checked against a source exactly when example is true")
	}
	for i, name := range f.Unconfirmed {
		if rowNamed(loopRows, name) == nil {
			errs = append(errs, fieldErr(fmt.Sprintf("%s.unconfirmed[%d]", path, i), quoteText(name),
				"must be the name of a field of the loop"))
		}
	}
	if strings.TrimSpace(f.Notes) == "" {
		add("notes", "", "is required: how the figures were found, and what they leave out")
	}
	return p, errs
}

// presetLayer checks a preset's layer object with the engine, as the only layer of a one-scenario
// file, and renames the engine's paths to the library's.
func presetLayer(path string, raw json.RawMessage) (Layer, []error) {
	if kindOf(raw) != '{' {
		return Layer{}, []error{fieldErr(path, abbreviate(raw), "must be a layer object of the scenario file")}
	}
	var errs []error
	var fields map[string]json.RawMessage
	asset := "ETH"
	if err := json.Unmarshal(raw, &fields); err == nil {
		// A layer that takes a token is checked as if the set started with that token, so
		// that a restaking preset (accepts "stETH") is not refused for not taking ETH.
		var accepts string
		if json.Unmarshal(fields["accepts"], &accepts) == nil {
			if n := len([]rune(accepts)); n >= 1 && n <= MaxAssetLen {
				asset = accepts
			}
		}
		for _, g := range gasFieldsInFile {
			if _, ok := fields[g]; ok {
				unit := strings.TrimSuffix(g, "_gas")
				errs = append(errs, fieldErr(path+"."+g, "", "must not be set: give gas.%s in gas units instead", unit))
			}
		}
	}
	if len(errs) > 0 {
		return Layer{}, errs
	}
	set, err := Parse(oneLayerFile(raw, nil, asset))
	if err != nil {
		return Layer{}, renamed(err, "scenarios[0].layers[0]", path)
	}
	return set.Scenarios[0].Layers[0], nil
}

// oneLayerFile wraps a layer object (and scenario fields, when given) into a version 2 scenario
// file whose set starts with asset, so that a layer may carry a reward and a scenario a loop.
func oneLayerFile(layer json.RawMessage, scenarioFields []byte, asset string) []byte {
	var b bytes.Buffer
	quoted, _ := json.Marshal(asset)
	b.WriteString(`{"version":2,"amount":"1","days":1,"asset":`)
	b.Write(quoted)
	b.WriteString(`,"scenarios":[{"name":"check",`)
	if len(scenarioFields) > 0 {
		b.Write(scenarioFields)
		b.WriteByte(',')
	}
	b.WriteString(`"layers":[`)
	b.Write(layer)
	b.WriteString(`]}]}`)
	return b.Bytes()
}

// renamed returns the engine's field errors with the path prefix from replaced by to.
func renamed(err error, from, to string) []error {
	var out []error
	for _, fe := range FieldErrors(err) {
		e := *fe
		switch {
		case e.Path == from:
			e.Path = to
		case strings.HasPrefix(e.Path, from+"."):
			e.Path = to + strings.TrimPrefix(e.Path, from)
		case e.Path == "" || strings.HasPrefix(e.Path, "scenarios"):
			e.Path = to
		}
		out = append(out, &e)
	}
	if len(out) == 0 {
		out = append(out, &FieldError{Path: to, Msg: err.Error()})
	}
	return out
}

func sources(path string, in []sourceFile, errs []error) ([]Source, []error) {
	if len(in) == 0 {
		errs = append(errs, fieldErr(path+".sources", "", "must list at least one source"))
	}
	var out []Source
	for i, s := range in {
		sp := fmt.Sprintf("%s.sources[%d]", path, i)
		if !strings.HasPrefix(s.URL, "https://") {
			errs = append(errs, fieldErr(sp+".url", quoteText(s.URL), "must be an https:// address"))
		}
		if strings.TrimSpace(s.Title) == "" {
			errs = append(errs, fieldErr(sp+".title", "", "is required"))
		}
		if !partialDate.MatchString(s.Date) {
			errs = append(errs, fieldErr(sp+".date", quoteText(s.Date), "must be a date written YYYY-MM-DD, YYYY-MM or YYYY"))
		}
		if s.Dated != "published" && s.Dated != "checked" {
			errs = append(errs, fieldErr(sp+".dated", quoteText(s.Dated), `must be "published" or "checked"`))
		}
		out = append(out, Source{URL: s.URL, Title: s.Title, Date: s.Date, Dated: s.Dated})
	}
	return out, errs
}

func (f stressFile) stressCase(path string) (StressCase, []error) {
	var errs []error
	add := func(field, got, format string, args ...any) {
		errs = append(errs, fieldErr(path+"."+field, got, format, args...))
	}
	c := StressCase{ID: f.ID, Label: f.Label, Date: f.Date, Target: f.Target, Example: f.Example,
		Explanation: f.Explanation}
	if !idPattern.MatchString(f.ID) {
		add("id", quoteText(f.ID), "must be lower-case words joined by hyphens")
	}
	if strings.TrimSpace(f.Label) == "" {
		add("label", "", "is required")
	}
	if !partialDate.MatchString(f.Date) {
		add("date", quoteText(f.Date), "must be a date written YYYY-MM-DD, YYYY-MM or YYYY")
	}
	if strings.TrimSpace(f.Explanation) == "" {
		add("explanation", "", "is required: the history and the modelling choice")
	}
	c.Sources, errs = sources(path, f.Sources, errs)

	allowed := layerPatchFields
	switch f.Target {
	case TargetScenario:
		allowed = scenarioPatchFields
	case TargetTopLayer, TargetBottomLayer, TargetEveryLayer:
	default:
		add("target", quoteText(f.Target), "must be one of %s", strings.Join(stressTargets, ", "))
		return c, errs
	}
	var p parser
	fields, ok := p.object(path+".patch", f.Patch)
	if !ok || len(fields) == 0 {
		add("patch", abbreviate(f.Patch), "must be an object setting at least one of %s", strings.Join(allowed, ", "))
		return c, errs
	}
	for _, m := range fields {
		if !contains(allowed, m.name) {
			add("patch."+m.name, "", "cannot be set on the %s (allowed: %s)", f.Target, strings.Join(allowed, ", "))
			continue
		}
		c.Patch = append(c.Patch, PatchField{Field: m.name, Value: literalText(m.value)})
	}
	if len(errs) > 0 {
		return c, errs
	}

	// The patched values go through the engine, on a scenario or a layer of their own.
	var b bytes.Buffer
	for i, m := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		name, _ := json.Marshal(m.name)
		b.Write(name)
		b.WriteByte(':')
		b.Write(m.value)
	}
	var file []byte
	if f.Target == TargetScenario {
		file = oneLayerFile([]byte(`{"name":"check","apr":"0"}`), b.Bytes(), "ETH")
	} else {
		file = oneLayerFile([]byte(`{"name":"check","apr":"0",`+b.String()+`}`), nil, "ETH")
	}
	set, err := Parse(file)
	if err != nil {
		from := "scenarios[0].layers[0]"
		if f.Target == TargetScenario {
			from = "scenarios[0]"
		}
		return c, renamed(err, from, path+".patch")
	}
	c.scenario = set.Scenarios[0].InstantExitCost
	c.layer = set.Scenarios[0].Layers[0]
	return c, nil
}

// literalText is a JSON string's text, or a number's literal.
func literalText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(bytes.TrimSpace(raw))
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
