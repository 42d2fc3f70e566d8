package main

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"restakecalc/calc"

	"github.com/shopspring/decimal"
)

// draftSet is the scenario set as the user typed it: every field is the text of its input, so
// that nothing the user writes is lost or re-formatted, valid or not. The page turns it into a
// scenario file with [draftSet.scenarioFile] and lets the engine judge it.
type draftSet struct {
	title          string
	amount         string // asset units
	asset          string
	price          string // fiat per asset unit
	currency       string
	priceGrowthPct string // % per year
	days           string
	scenarios      []draftScenario

	// gasPriceGwei is not part of the scenario file: the price at which presets' gas units
	// turn into asset units when a layer is filled from one.
	gasPriceGwei string
}

// defaultGasPriceGwei is the gas price the page opens with, in gwei: a quiet day on mainnet.
const defaultGasPriceGwei = "2"

// draftScenario is one stack of layers as typed.
type draftScenario struct {
	name               string
	instantExitCostPct string
	note               string
	layers             []draftLayer
	loop               draftLoop

	stress   bool // the stress cases are open in the editor; not part of the file
	loopOpen bool // the "Leverage loop" fold is open; not part of the file
}

// draftLoop is a scenario's leverage loop as typed (version 2, SPEC section 8.2); on says the
// scenario has one at all.
type draftLoop struct {
	on                    bool
	leverage              string // position ÷ own money
	borrowAPRPct          string // % per year
	liquidationLTVPct     string // debt ÷ position, %
	liquidationPenaltyPct string // % of the debt
	entryCostPct          string // % of the borrowed amount
}

// draftReward is a layer's reward token as typed (version 2, SPEC section 8.1); on says the
// layer has one at all.
type draftReward struct {
	on             bool
	token          string
	perYear        string // tokens per asset unit per year
	price          string // asset units per token
	priceGrowthPct string // % per year
	sell           string // "claim" or "hold"; "" is the default, claim
	claimEveryDays string
	claimGas       string // asset units
	sellCostPct    string

	// aprPct is what was typed in "APR at today's price", not part of the file: per_year is
	// worked out from it; "" when per_year was typed itself.
	aprPct string
}

// draftLayer is one layer as typed. more and presets are not part of the file: they say what
// the editor has unfolded.
type draftLayer struct {
	name               string
	accepts            string
	gives              string
	aprPct             string
	feePct             string
	claim              bool // payout "claim" rather than "compound"
	claimEveryDays     string
	claimGas           string // asset units
	reinvest           bool
	entryGas           string // asset units
	exitGas            string // asset units
	entryCostPct       string
	exitCostPct        string
	lockupDays         string
	withdrawDays       string
	riskProbabilityPct string // % per year
	riskLossPct        string
	preset             string
	note               string
	reward             draftReward

	more       bool // the rarely needed fields are unfolded
	rewardOpen bool // the "Paid in another token" fold is open
	presets    bool // the preset picker is open
}

// newDraftLayer returns an empty layer with the file's defaults: compound payout, claimed
// rewards reinvested.
func newDraftLayer(name string) draftLayer {
	return draftLayer{name: name, reinvest: true}
}

// scenarioFile returns the draft as a scenario file for calc.Parse, written through the page's
// input tables (see page-inputs.go) in their order. Decimal fields are JSON strings of the typed
// text (spaces around it dropped); whole-number fields are JSON numbers when the text is only
// digits, otherwise JSON strings, so that the engine names the field and quotes what was typed;
// text is written as typed; a choice or a flag only when it is not the default. Empty fields are
// left out: optional ones take their defaults, required ones are reported missing. The claim
// settings travel only with the claim payout, as the editor shows them only then.
func (d draftSet) scenarioFile() []byte {
	var b bytes.Buffer
	set := jsonObject{b: &b}
	set.open()
	set.member("version", json.RawMessage(strconv.Itoa(d.fileVersion())))
	writeInputs(&set, setInputs, &d, func(pageInput[draftSet]) bool { return true })
	set.key("scenarios")
	b.WriteByte('[')
	for i := range d.scenarios {
		s := &d.scenarios[i]
		if i > 0 {
			b.WriteByte(',')
		}
		scenario := jsonObject{b: &b}
		scenario.open()
		writeInputs(&scenario, scenarioInputs, s, func(pageInput[draftScenario]) bool { return true })
		if s.loop.on {
			scenario.key("loop")
			loop := jsonObject{b: &b}
			loop.open()
			writeInputs(&loop, loopInputs, s, func(pageInput[draftScenario]) bool { return true })
			b.WriteByte('}')
		}
		scenario.key("layers")
		b.WriteByte('[')
		for j := range s.layers {
			l := &s.layers[j]
			if j > 0 {
				b.WriteByte(',')
			}
			layer := jsonObject{b: &b}
			layer.open()
			writeInputs(&layer, layerInputs, l, func(in pageInput[draftLayer]) bool { return in.fold != withClaims || l.claim })
			if l.reward.on {
				layer.key("reward")
				reward := jsonObject{b: &b}
				reward.open()
				writeInputs(&reward, rewardInputs, l, func(pageInput[draftLayer]) bool { return true })
				b.WriteByte('}')
			}
			b.WriteByte('}')
		}
		b.WriteString("]}")
	}
	b.WriteString("]}")
	return b.Bytes()
}

// fileVersion is the version the draft's file says: 2 while a layer has a reward token or a
// scenario a loop (SPEC section 8), 1 otherwise, so that a version 1 link or file comes back as
// it was and an older build still opens what uses none of version 2.
func (d draftSet) fileVersion() int {
	for _, s := range d.scenarios {
		if s.loop.on {
			return 2
		}
		for _, l := range s.layers {
			if l.reward.on {
				return 2
			}
		}
	}
	return 1
}

// jsonObject writes the members of one JSON object, commas included.
type jsonObject struct {
	b *bytes.Buffer
	n int
}

func (o *jsonObject) open() { o.b.WriteByte('{') }

func (o *jsonObject) key(name string) {
	if o.n > 0 {
		o.b.WriteByte(',')
	}
	o.n++
	o.b.Write(jsonText(name))
	o.b.WriteByte(':')
}

func (o *jsonObject) member(name string, value json.RawMessage) {
	o.key(name)
	o.b.Write(value)
}

// writeInputs writes the fields of rows that d has text for and written allows.
func writeInputs[D any](o *jsonObject, rows []pageInput[D], d *D, written func(pageInput[D]) bool) {
	for _, in := range rows {
		if !written(in) {
			continue
		}
		if value := encodeInput(in.field, in.get(d)); value != nil {
			o.member(in.name(), value)
		}
	}
}

// encodeInput encodes the text of field f as the file writes it, or nothing when the file
// should leave the field out.
func encodeInput(f calc.Field, text string) json.RawMessage {
	switch f.Kind() {
	case calc.DecimalField:
		return decimalField(text)
	case calc.IntField:
		return intField(text)
	case calc.EnumField:
		if text == "" || text == f.Default() {
			return nil
		}
		return jsonText(text)
	case calc.BoolField:
		if text == "" || text == f.Default() {
			return nil
		}
		return json.RawMessage(text)
	}
	if text == "" {
		return nil
	}
	return jsonText(text)
}

// jsonText encodes s as a JSON string, leaving <, > and & as they are.
func jsonText(s string) json.RawMessage {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		// A Go string always encodes.
		panic(err)
	}
	return bytes.TrimSpace(b.Bytes())
}

// decimalField encodes a typed decimal as a JSON string, or nothing when the field is empty.
func decimalField(text string) json.RawMessage {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	return jsonText(text)
}

// intField encodes a typed whole number as a JSON number when it is only digits (leading zeros
// dropped, as JSON forbids them), as a JSON string otherwise, or nothing when the field is empty.
func intField(text string) json.RawMessage {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	if !onlyDigits(text) {
		return decimalField(text)
	}
	text = strings.TrimLeft(text, "0")
	if text == "" {
		text = "0"
	}
	return json.RawMessage(text)
}

func onlyDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// draftFromSet returns the text a user would have typed to make s: the defaults, a shared link,
// a preset. It reads the file calc writes for s through the input tables: a field the file leaves
// out (an optional one that holds its default) is empty, so that its input shows the default as
// a placeholder; a choice or flag it leaves out holds its default.
func draftFromSet(s calc.Set) draftSet {
	data, err := s.MarshalJSON()
	if err != nil {
		panic(err) // calc writes every set it can hold
	}
	var file members
	if err := json.Unmarshal(data, &file); err != nil {
		panic(err)
	}
	var scenarios []members
	json.Unmarshal(file["scenarios"], &scenarios)
	d := draftSet{scenarios: make([]draftScenario, len(scenarios)), gasPriceGwei: defaultGasPriceGwei}
	readInputs(setInputs, &d, file)
	for i, fs := range scenarios {
		var layers []members
		json.Unmarshal(fs["layers"], &layers)
		ds := draftScenario{layers: make([]draftLayer, len(layers))}
		readInputs(scenarioInputs, &ds, fs)
		if raw, ok := fs["loop"]; ok {
			var fl members
			json.Unmarshal(raw, &fl)
			readInputs(loopInputs, &ds, fl)
			ds.loop.on = true
		}
		for j, fl := range layers {
			l := &ds.layers[j]
			readInputs(layerInputs, l, fl)
			if raw, ok := fl["reward"]; ok {
				var fr members
				json.Unmarshal(raw, &fr)
				readInputs(rewardInputs, l, fr)
				l.reward.on = true
			}
		}
		d.scenarios[i] = ds
	}
	return d
}

// draftLayerOf returns the text a user would have typed to make the layer l.
func draftLayerOf(l calc.Layer) draftLayer {
	s := calc.Set{Version: calc.Version, Amount: decimal.NewFromInt(1), Days: 1,
		Scenarios: []calc.Scenario{{Name: "layer", Layers: []calc.Layer{l}}}}
	return draftFromSet(s).scenarios[0].layers[0]
}

// members are the members of one JSON object by name, each as it is written.
type members map[string]json.RawMessage

// readInputs sets the text of every field of rows in d from the object's members: a string's
// text, a number or a flag as written, a choice or flag left out as its default, anything else
// left out as "".
func readInputs[D any](rows []pageInput[D], d *D, m members) {
	for _, in := range rows {
		raw, ok := m[in.name()]
		text := ""
		switch {
		case !ok:
			if k := in.field.Kind(); k == calc.EnumField || k == calc.BoolField {
				text = in.field.Default()
			}
		case len(raw) > 0 && raw[0] == '"':
			json.Unmarshal(raw, &text)
		default:
			text = string(raw)
		}
		in.set(d, text)
	}
}

// The edits below return a changed copy and never write into a slice they were given, so that a
// component holding an older draft still sees the older one (go-app updates a child only when its
// fields differ from the previous render's).

// withSettings returns d with the set-wide fields of s and its own scenarios.
func (d draftSet) withSettings(s draftSet) draftSet {
	s.scenarios = d.scenarios
	return s
}

// gasPrice reads the gas price as typed: gwei per gas unit, and whether the text is one.
func (d draftSet) gasPrice() (decimal.Decimal, bool) {
	gwei, err := calc.ParseDecimal(strings.TrimSpace(d.gasPriceGwei))
	if err != nil || gwei.Sign() < 0 {
		return decimal.Zero, false
	}
	return gwei, true
}

// withScenario returns d with scenario i replaced by s.
func (d draftSet) withScenario(i int, s draftScenario) draftSet {
	if i < 0 || i >= len(d.scenarios) {
		return d
	}
	d.scenarios = cloneSlice(d.scenarios)
	d.scenarios[i] = s
	return d
}

// addScenario appends a new scenario with one layer earning nothing yet, named so that it differs
// from the others; nothing is added past calc.MaxScenarios.
func (d draftSet) addScenario() draftSet {
	if len(d.scenarios) >= calc.MaxScenarios {
		return d
	}
	s := draftScenario{
		name:   uniqueName("Scenario", len(d.scenarios)+1, scenarioNames(d.scenarios)),
		layers: []draftLayer{newDraftLayer("Layer 1")},
	}
	s.layers[0].aprPct = "0"
	d.scenarios = append(cloneSlice(d.scenarios), s)
	return d
}

// duplicateScenario inserts a copy of scenario i right after it, named "… (copy)".
func (d draftSet) duplicateScenario(i int) draftSet {
	if i < 0 || i >= len(d.scenarios) || len(d.scenarios) >= calc.MaxScenarios {
		return d
	}
	s := d.scenarios[i]
	s.layers = cloneSlice(s.layers)
	s.name = uniqueName(s.name+" (copy)", 0, scenarioNames(d.scenarios))
	out := make([]draftScenario, 0, len(d.scenarios)+1)
	out = append(out, d.scenarios[:i+1]...)
	out = append(out, s)
	d.scenarios = append(out, d.scenarios[i+1:]...)
	return d
}

// removeScenario drops scenario i; the last scenario stays.
func (d draftSet) removeScenario(i int) draftSet {
	if i < 0 || i >= len(d.scenarios) || len(d.scenarios) <= 1 {
		return d
	}
	d.scenarios = removeAt(d.scenarios, i)
	return d
}

// moveScenario moves scenario i to position to.
func (d draftSet) moveScenario(i, to int) draftSet {
	d.scenarios = moveAt(d.scenarios, i, to)
	return d
}

// withLayer returns s with layer j replaced by l.
func (s draftScenario) withLayer(j int, l draftLayer) draftScenario {
	if j < 0 || j >= len(s.layers) {
		return s
	}
	s.layers = cloneSlice(s.layers)
	s.layers[j] = l
	return s
}

// addLayer puts a new layer earning nothing yet on top of the stack; nothing is added past
// calc.MaxLayers. The new layer takes what the layer below gives.
func (s draftScenario) addLayer() draftScenario {
	if len(s.layers) >= calc.MaxLayers {
		return s
	}
	names := make([]string, len(s.layers))
	for j, l := range s.layers {
		names[j] = l.name
	}
	l := newDraftLayer(uniqueName("Layer", len(s.layers)+1, names))
	l.aprPct = "0"
	if n := len(s.layers); n > 0 {
		l.accepts = s.layers[n-1].gives
	}
	s.layers = append(cloneSlice(s.layers), l)
	return s
}

// removeLayer drops layer j; the last layer stays.
func (s draftScenario) removeLayer(j int) draftScenario {
	if j < 0 || j >= len(s.layers) || len(s.layers) <= 1 {
		return s
	}
	s.layers = removeAt(s.layers, j)
	return s
}

// moveLayer moves layer j to position to.
func (s draftScenario) moveLayer(j, to int) draftScenario {
	s.layers = moveAt(s.layers, j, to)
	return s
}

func scenarioNames(ss []draftScenario) []string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = s.name
	}
	return names
}

// uniqueName returns base followed by n (or base alone when n is 0), counting n up until no
// name in taken equals it, ignoring case.
func uniqueName(base string, n int, taken []string) string {
	for ; ; n++ {
		name := base
		if n > 0 {
			name = base + " " + strconv.Itoa(n)
		}
		free := true
		for _, t := range taken {
			if strings.EqualFold(t, name) {
				free = false
				break
			}
		}
		if free {
			return name
		}
		if n == 0 {
			n = 1 // "X (copy)" is taken: try "X (copy) 2"
		}
	}
}

func cloneSlice[T any](s []T) []T {
	return append([]T(nil), s...)
}

func removeAt[T any](s []T, i int) []T {
	out := make([]T, 0, len(s)-1)
	out = append(out, s[:i]...)
	return append(out, s[i+1:]...)
}

// moveAt returns a copy of s with element i moved to position to, or s itself when either
// position is outside s.
func moveAt[T any](s []T, i, to int) []T {
	if i < 0 || i >= len(s) || to < 0 || to >= len(s) || i == to {
		return s
	}
	out := cloneSlice(s)
	v := out[i]
	if i < to {
		copy(out[i:to], out[i+1:to+1])
	} else {
		copy(out[to+1:i+1], out[to:i])
	}
	out[to] = v
	return out
}
