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

	stress bool // the stress cases are open in the editor; not part of the file
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

	more    bool // the rarely needed fields are unfolded
	presets bool // the preset picker is open
}

// newDraftLayer returns an empty layer with the file's defaults: compound payout, claimed
// rewards reinvested.
func newDraftLayer(name string) draftLayer {
	return draftLayer{name: name, reinvest: true}
}

// fileSet, fileScenario and fileLayer spell the scenario file (SPEC section 2) with every value
// already encoded, so that empty optional fields are left out and the engine applies defaults.
type fileSet struct {
	Version     int             `json:"version"`
	Title       string          `json:"title,omitempty"`
	Amount      json.RawMessage `json:"amount,omitempty"`
	Asset       string          `json:"asset,omitempty"`
	Price       json.RawMessage `json:"price,omitempty"`
	Currency    string          `json:"currency,omitempty"`
	PriceGrowth json.RawMessage `json:"price_growth,omitempty"`
	Days        json.RawMessage `json:"days,omitempty"`
	Scenarios   []fileScenario  `json:"scenarios"`
}

type fileScenario struct {
	Name            string          `json:"name,omitempty"`
	Layers          []fileLayer     `json:"layers"`
	InstantExitCost json.RawMessage `json:"instant_exit_cost,omitempty"`
	Note            string          `json:"note,omitempty"`
}

type fileLayer struct {
	Name            string          `json:"name,omitempty"`
	Accepts         string          `json:"accepts,omitempty"`
	Gives           string          `json:"gives,omitempty"`
	APR             json.RawMessage `json:"apr,omitempty"`
	Fee             json.RawMessage `json:"fee,omitempty"`
	Payout          string          `json:"payout,omitempty"`
	ClaimEvery      json.RawMessage `json:"claim_every,omitempty"`
	ClaimGas        json.RawMessage `json:"claim_gas,omitempty"`
	Reinvest        *bool           `json:"reinvest,omitempty"`
	EntryGas        json.RawMessage `json:"entry_gas,omitempty"`
	ExitGas         json.RawMessage `json:"exit_gas,omitempty"`
	EntryCost       json.RawMessage `json:"entry_cost,omitempty"`
	ExitCost        json.RawMessage `json:"exit_cost,omitempty"`
	LockupDays      json.RawMessage `json:"lockup_days,omitempty"`
	WithdrawDays    json.RawMessage `json:"withdraw_days,omitempty"`
	RiskProbability json.RawMessage `json:"risk_probability,omitempty"`
	RiskLoss        json.RawMessage `json:"risk_loss,omitempty"`
	Preset          string          `json:"preset,omitempty"`
	Note            string          `json:"note,omitempty"`
}

// scenarioFile returns the draft as a scenario file for calc.Parse. Decimal fields are JSON
// strings of the typed text (spaces around it dropped); whole-number fields are JSON numbers when
// the text is only digits, otherwise JSON strings, so that the engine names the field and quotes
// what was typed. Empty fields are left out: optional ones take their defaults, required ones are
// reported missing. The claim settings travel only with the claim payout, as the editor shows
// them only then.
func (d draftSet) scenarioFile() []byte {
	f := fileSet{
		Version:     calc.Version,
		Title:       d.title,
		Amount:      decimalField(d.amount),
		Asset:       d.asset,
		Price:       decimalField(d.price),
		Currency:    d.currency,
		PriceGrowth: decimalField(d.priceGrowthPct),
		Days:        intField(d.days),
		Scenarios:   make([]fileScenario, len(d.scenarios)),
	}
	for i, s := range d.scenarios {
		fs := fileScenario{
			Name:            s.name,
			InstantExitCost: decimalField(s.instantExitCostPct),
			Note:            s.note,
			Layers:          make([]fileLayer, len(s.layers)),
		}
		for j, l := range s.layers {
			fl := fileLayer{
				Name:            l.name,
				Accepts:         l.accepts,
				Gives:           l.gives,
				APR:             decimalField(l.aprPct),
				Fee:             decimalField(l.feePct),
				EntryGas:        decimalField(l.entryGas),
				ExitGas:         decimalField(l.exitGas),
				EntryCost:       decimalField(l.entryCostPct),
				ExitCost:        decimalField(l.exitCostPct),
				LockupDays:      intField(l.lockupDays),
				WithdrawDays:    intField(l.withdrawDays),
				RiskProbability: decimalField(l.riskProbabilityPct),
				RiskLoss:        decimalField(l.riskLossPct),
				Preset:          l.preset,
				Note:            l.note,
			}
			if l.claim {
				fl.Payout = string(calc.Claim)
				fl.ClaimEvery = intField(l.claimEveryDays)
				fl.ClaimGas = decimalField(l.claimGas)
				if !l.reinvest {
					fl.Reinvest = new(false)
				}
			}
			fs.Layers[j] = fl
		}
		f.Scenarios[i] = fs
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		// Only strings and pre-encoded values go in: this cannot fail.
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
	b, _ := json.Marshal(text)
	return b
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

// draftFromSet returns the text a user would have typed to make s: the defaults and, later,
// a shared link. Optional decimals and whole numbers that are zero are left empty, so that the
// inputs show their default as a placeholder; required ones are always written.
func draftFromSet(s calc.Set) draftSet {
	d := draftSet{
		title:          s.Title,
		amount:         s.Amount.String(),
		asset:          s.Asset,
		price:          optionalDecimal(s.Price),
		currency:       s.Currency,
		priceGrowthPct: optionalDecimal(s.PriceGrowth),
		days:           strconv.Itoa(s.Days),
		scenarios:      make([]draftScenario, len(s.Scenarios)),
		gasPriceGwei:   defaultGasPriceGwei,
	}
	for i, sc := range s.Scenarios {
		ds := draftScenario{
			name:               sc.Name,
			instantExitCostPct: optionalDecimal(sc.InstantExitCost),
			note:               sc.Note,
			layers:             make([]draftLayer, len(sc.Layers)),
		}
		for j, l := range sc.Layers {
			ds.layers[j] = draftLayer{
				name:               l.Name,
				accepts:            l.Accepts,
				gives:              l.Gives,
				aprPct:             l.APR.String(),
				feePct:             optionalDecimal(l.Fee),
				claim:              l.Payout == calc.Claim,
				claimEveryDays:     optionalInt(l.ClaimEvery),
				claimGas:           optionalDecimal(l.ClaimGas),
				reinvest:           l.Reinvest,
				entryGas:           optionalDecimal(l.EntryGas),
				exitGas:            optionalDecimal(l.ExitGas),
				entryCostPct:       optionalDecimal(l.EntryCost),
				exitCostPct:        optionalDecimal(l.ExitCost),
				lockupDays:         optionalInt(l.LockupDays),
				withdrawDays:       optionalInt(l.WithdrawDays),
				riskProbabilityPct: optionalDecimal(l.RiskProbability),
				riskLossPct:        optionalDecimal(l.RiskLoss),
				preset:             l.Preset,
				note:               l.Note,
			}
		}
		d.scenarios[i] = ds
	}
	return d
}

func optionalDecimal(d decimal.Decimal) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func optionalInt(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
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
