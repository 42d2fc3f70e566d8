package calc_test

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"restakecalc/calc"

	"github.com/shopspring/decimal"
)

// readLibrary reads the shipped preset library, as the app embeds it.
func readLibrary(t *testing.T) calc.Library {
	t.Helper()
	data, err := os.ReadFile("../assets/presets.json")
	if err != nil {
		t.Fatal(err)
	}
	lib, err := calc.ParsePresets(data)
	if err != nil {
		t.Fatalf("ParsePresets(assets/presets.json) = %v", err)
	}
	return lib
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// Every shipped preset, at a realistic gas price, is a layer the engine takes and runs, alone
// and stacked on the preset its tokens come from.
func TestShippedPresetsValidateAgainstTheEngine(t *testing.T) {
	lib := readLibrary(t)
	if len(lib.Presets) == 0 || len(lib.Stress) == 0 {
		t.Fatalf("library has %d presets and %d stress cases, want some of each", len(lib.Presets), len(lib.Stress))
	}
	groups := map[string]int{}
	for _, p := range lib.Presets {
		groups[p.Group]++
		l := p.Layer(decimal.RequireFromString("2"))
		set := calc.Set{Version: 1, Amount: decimal.NewFromInt(32), Asset: "ETH", Currency: "USD", Days: 365,
			Scenarios: []calc.Scenario{{Name: p.Label, Layers: []calc.Layer{l}}}}
		if l.Reward != nil {
			set.Version = 2 // a layer paid in another token is a version 2 layer
		}
		if p.Base.Accepts != "" && p.Base.Accepts != "ETH" {
			set.Asset = p.Base.Accepts // a layer for a token: checked as if the set started with it
		}
		if err := set.Validate(); err != nil {
			t.Errorf("preset %s: Validate = %v", p.ID, err)
			continue
		}
		if _, err := calc.Evaluate(set, calc.Options{}); err != nil {
			t.Errorf("preset %s: Evaluate = %v", p.ID, err)
		}
		if p.Base.Preset != p.ID {
			t.Errorf("preset %s: layer.preset = %q, want the id", p.ID, p.Base.Preset)
		}
		if len(p.Sources) == 0 {
			t.Errorf("preset %s has no source", p.ID)
		}
	}
	for _, g := range calc.PresetGroups() {
		if groups[g] == 0 {
			t.Errorf("no preset in group %q", g)
		}
	}

	// A restaking stack built only from presets: Lido, then EigenLayer, then points.
	var layers []calc.Layer
	for _, id := range []string{"lido-steth", "eigenlayer", "lending-supply", "points"} {
		p, ok := lib.Preset(id)
		if !ok {
			t.Fatalf("Preset(%q) not found", id)
		}
		layers = append(layers, p.Layer(decimal.RequireFromString("1.5")))
	}
	set := calc.Set{Version: 1, Amount: decimal.NewFromInt(32), Asset: "ETH", Currency: "USD", Days: 730,
		Scenarios: []calc.Scenario{{Name: "presets", Layers: layers}}}
	if err := set.Validate(); err != nil {
		t.Fatalf("stack of presets: Validate = %v", err)
	}
	if _, err := calc.Evaluate(set, calc.Options{}); err != nil {
		t.Fatalf("stack of presets: Evaluate = %v", err)
	}
}

// Every shipped stress case applies to a valid set and leaves it valid.
func TestShippedStressCasesApply(t *testing.T) {
	lib := readLibrary(t)
	base := threeLayerSet()
	for _, c := range lib.Stress {
		got := c.Apply(base, 0)
		if err := got.Validate(); err != nil {
			t.Errorf("stress %s: Validate after Apply = %v", c.ID, err)
		}
		if reflect.DeepEqual(got, base) {
			t.Errorf("stress %s: Apply changed nothing", c.ID)
		}
		if _, err := calc.Evaluate(got, calc.Options{}); err != nil {
			t.Errorf("stress %s: Evaluate = %v", c.ID, err)
		}
	}
}

var gasCostTests = []struct {
	units int64
	gwei  string
	want  string
}{
	{86000, "2", "0.000172"},                    // a Lido deposit at 2 gwei, worked by hand: 172,000 gwei
	{21000, "1", "0.000021"},                    // a plain transfer at 1 gwei
	{150000, "0.5", "0.000075"},                 // fractional gwei
	{100000, "0.123456789", "0.0000123456789"},  // 12,345.6789 gwei
	{1, "0.000000001", "0.000000000000000001"},  // one wei exactly
	{1, "0.0000000001", "0"},                    // a tenth of a wei: truncated to zero
	{3, "0.3333333333", "0.000000000999999999"}, // 0.9999999999 gwei: the part below a wei is dropped
	{86000, "0", "0"},                           // no gas price, no gas
	{86000, "-2", "0"},                          // a negative price is no price
	{0, "2", "0"},                               // no transaction
}

func TestGasCost(t *testing.T) {
	for _, tt := range gasCostTests {
		got := calc.GasCost(tt.units, decimal.RequireFromString(tt.gwei))
		if !got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("GasCost(%d, %s) = %s, want %s", tt.units, tt.gwei, got, tt.want)
		}
	}
}

func TestPresetLayerConvertsEveryGas(t *testing.T) {
	p := calc.Preset{ID: "x", Base: calc.NewLayer("X"), Gas: calc.GasUnits{Entry: 86000, Exit: 190000, Claim: 150000}}
	l := p.Layer(decimal.RequireFromString("2"))
	for _, c := range []struct {
		name      string
		got, want string
	}{
		{"entry", l.EntryGas.String(), "0.000172"},
		{"exit", l.ExitGas.String(), "0.00038"},
		{"claim", l.ClaimGas.String(), "0.0003"},
	} {
		if c.got != c.want {
			t.Errorf("Layer(2).%s gas = %s, want %s", c.name, c.got, c.want)
		}
	}
	if !p.Base.EntryGas.IsZero() {
		t.Errorf("Layer changed the preset's base layer: entry gas %s", p.Base.EntryGas)
	}
}

var staleTests = []struct {
	date, build string
	changes     []calc.Change
	want        bool
}{
	{"2026-05-31", "2026-11-25", nil, false}, // six months old
	{"2025-11-25", "2026-11-25", nil, false}, // exactly a year: still fresh
	{"2025-11-24", "2026-11-25", nil, true},  // a year and a day
	{"2020-01-01", "2026-11-25", nil, true},  // years old
	// EigenLayer's withdrawal delay went from 7 to 14 days when slashing went live.
	{"2025-04-16", "2025-06-01", []calc.Change{{Date: day("2025-04-17"), What: "slashing went live"}}, true},
	{"2025-04-17", "2025-06-01", []calc.Change{{Date: day("2025-04-17"), What: "slashing went live"}}, false},
	// A change after the build is unknown to the build.
	{"2025-04-01", "2025-04-10", []calc.Change{{Date: day("2025-04-17"), What: "slashing went live"}}, false},
}

func TestStale(t *testing.T) {
	var lib calc.Library
	for _, tt := range staleTests {
		p := calc.Preset{ID: "p", Date: day(tt.date), Changes: tt.changes}
		if got := lib.Stale(p, day(tt.build)); got != tt.want {
			t.Errorf("Stale(dated %s, build %s, %d changes) = %v, want %v", tt.date, tt.build, len(tt.changes), got, tt.want)
		}
		if reason := lib.StaleReason(p, day(tt.build)); (reason != "") != tt.want {
			t.Errorf("StaleReason(dated %s, build %s) = %q, want a reason: %v", tt.date, tt.build, reason, tt.want)
		}
	}
}

// The shipped EigenLayer preset, redated before slashing went live, is stale for the reason the
// data file gives; as shipped it is not.
func TestShippedEigenLayerPresetBeforeSlashingIsStale(t *testing.T) {
	lib := readLibrary(t)
	p, ok := lib.Preset("eigenlayer")
	if !ok {
		t.Fatal(`Preset("eigenlayer") not found`)
	}
	build := lib.Checked
	if lib.Stale(p, build) {
		t.Errorf("shipped eigenlayer preset is stale at %s: %s", build.Format(time.DateOnly), lib.StaleReason(p, build))
	}
	p.Date = day("2025-03-01")
	reason := lib.StaleReason(p, day("2025-05-01"))
	if !strings.Contains(reason, "2025-04-17") || !strings.Contains(reason, "14 days") {
		t.Errorf("StaleReason(eigenlayer dated 2025-03-01) = %q, want the 2025-04-17 change to 14 days", reason)
	}
}

func threeLayerSet() calc.Set {
	l := func(name, accepts, gives, apr string) calc.Layer {
		x := calc.NewLayer(name)
		x.Accepts, x.Gives, x.APR = accepts, gives, decimal.RequireFromString(apr)
		return x
	}
	return calc.Set{Version: 1, Amount: decimal.NewFromInt(32), Asset: "ETH", Currency: "USD", Days: 365,
		Scenarios: []calc.Scenario{
			{Name: "A", Layers: []calc.Layer{l("Lido", "ETH", "stETH", "3"), l("EigenLayer", "stETH", "", "1"), l("Points", "", "", "2")}},
			{Name: "B", Layers: []calc.Layer{l("Lido", "ETH", "stETH", "3")}},
		}}
}

func stressLibrary(t *testing.T, target, patch string) calc.StressCase {
	t.Helper()
	doc := `{"checked":"2026-11-25","presets":[],"stress":[{"id":"s","label":"S","date":"2022-06","target":"` +
		target + `","patch":` + patch + `,"sources":[{"url":"https://example.org/s","title":"S","date":"2022","dated":"published"}],` +
		`"example":false,"explanation":"why"}]}`
	lib, err := calc.ParsePresets([]byte(doc))
	if err != nil {
		t.Fatalf("ParsePresets(%s %s) = %v", target, patch, err)
	}
	return lib.Stress[0]
}

var applyTests = []struct {
	target, patch string
	scenario      int
	check         func(s calc.Set) string // "" when right
}{
	{"scenario", `{"instant_exit_cost":"6"}`, 0, func(s calc.Set) string {
		return want(s.Scenarios[0].InstantExitCost.String(), "6")
	}},
	{"top-layer", `{"risk_probability":"5","risk_loss":"100"}`, 0, func(s calc.Set) string {
		return want(s.Scenarios[0].Layers[2].RiskLoss.String()+" "+s.Scenarios[0].Layers[1].RiskLoss.String(), "100 0")
	}},
	{"bottom-layer", `{"risk_probability":"0.02","risk_loss":"0.2"}`, 0, func(s calc.Set) string {
		return want(s.Scenarios[0].Layers[0].RiskProbability.String()+" "+s.Scenarios[0].Layers[2].RiskProbability.String(), "0.02 0")
	}},
	{"every-layer", `{"withdraw_days":40}`, 0, func(s calc.Set) string {
		l := s.Scenarios[0].Layers
		return want(fmt.Sprint(l[0].WithdrawDays, l[1].WithdrawDays, l[2].WithdrawDays), "40 40 40")
	}},
	{"top-layer", `{"exit_cost":"79"}`, 1, func(s calc.Set) string { // the second scenario only
		return want(s.Scenarios[1].Layers[0].ExitCost.String()+" "+s.Scenarios[0].Layers[2].ExitCost.String(), "79 0")
	}},
	{"scenario", `{"instant_exit_cost":"6"}`, 7, func(s calc.Set) string { // out of range: nothing
		return want(s.Scenarios[0].InstantExitCost.String()+" "+s.Scenarios[1].InstantExitCost.String(), "0 0")
	}},
}

func want(got, want string) string {
	if got != want {
		return fmt.Sprintf("got %s, want %s", got, want)
	}
	return ""
}

func TestStressApplyLeavesTheInputUnchanged(t *testing.T) {
	for _, tt := range applyTests {
		c := stressLibrary(t, tt.target, tt.patch)
		in := threeLayerSet()
		before := threeLayerSet()
		out := c.Apply(in, tt.scenario)
		if msg := tt.check(out); msg != "" {
			t.Errorf("Apply(%s %s, %d): %s", tt.target, tt.patch, tt.scenario, msg)
		}
		if !reflect.DeepEqual(in, before) {
			t.Errorf("Apply(%s %s, %d) changed its input set", tt.target, tt.patch, tt.scenario)
		}
		// The result shares no slice with the input: editing it leaves the input alone.
		out.Scenarios[0].Layers[0].Name = "edited"
		out.Scenarios[0].Name = "edited"
		if !reflect.DeepEqual(in, before) {
			t.Errorf("Apply(%s %s, %d) returned slices shared with its input", tt.target, tt.patch, tt.scenario)
		}
	}
}

var badLibraryTests = []struct {
	doc  string
	path string // the field the first error must name
}{
	{`{"checked":"25/11/2026","presets":[],"stress":[]}`, "checked"},
	{`{"checked":"2026-11-25","presets":[],"stress":[],"extra":1}`, ""}, // unknown field
	{preset(`"apr":"abc"`, `{"entry":1,"exit":0,"claim":0}`), "presets[0].layer.apr"},
	{preset(`"apr":"3","fee":"120"`, `{"entry":1,"exit":0,"claim":0}`), "presets[0].layer.fee"},
	{preset(`"apr":"3","entry_gas":"0.001"`, `{"entry":1,"exit":0,"claim":0}`), "presets[0].layer.entry_gas"},
	{preset(`"apr":"3","colour":"red"`, `{"entry":1,"exit":0,"claim":0}`), "presets[0].layer.colour"},
	{preset(`"apr":"3"`, `{"entry":-5,"exit":0,"claim":0}`), "presets[0].gas.entry"},
	{preset(`"apr":"3"`, `{"entry":1,"exit":0}`), "presets[0].gas.claim"},
	{preset(`"apr":"3"`, `{"entry":1,"exit":0,"claim":5}`), "presets[0].gas.claim"}, // compound layer
	{strings.Replace(preset(`"apr":"3"`, `{"entry":1,"exit":0,"claim":0}`), `"group":"staking"`, `"group":"yield"`, 1), "presets[0].group"},
	{strings.Replace(preset(`"apr":"3"`, `{"entry":1,"exit":0,"claim":0}`), `"preset":"p"`, `"preset":"q"`, 1), "presets[0].layer.preset"},
	{strings.Replace(preset(`"apr":"3"`, `{"entry":1,"exit":0,"claim":0}`), `"example":false`, `"example":true`, 1), "presets[0].unconfirmed"},
	{strings.Replace(preset(`"apr":"3"`, `{"entry":1,"exit":0,"claim":0}`), `"url":"https://`, `"url":"http://`, 1), "presets[0].sources[0].url"},
	{stress(`"scenario"`, `{"instant_exit_cost":"101"}`), "stress[0].patch.instant_exit_cost"},
	{stress(`"top-layer"`, `{"risk_loss":"-1"}`), "stress[0].patch.risk_loss"},
	{stress(`"top-layer"`, `{"withdraw_days":"two"}`), "stress[0].patch.withdraw_days"},
	{stress(`"top-layer"`, `{"apr":"5"}`), "stress[0].patch.apr"},
	{stress(`"scenario"`, `{"risk_loss":"5"}`), "stress[0].patch.risk_loss"},
	{stress(`"middle-layer"`, `{"risk_loss":"5"}`), "stress[0].target"},
	{stress(`"top-layer"`, `{}`), "stress[0].patch"},
}

func preset(layerFields, gas string) string {
	return `{"checked":"2026-11-25","presets":[{"id":"p","label":"P","group":"staking","date":"2026-01-01",` +
		`"layer":{"name":"P","preset":"p","note":"one line",` + layerFields + `},"gas":` + gas + `,` +
		`"sources":[{"url":"https://example.org","title":"T","date":"2026-01-01","dated":"published"}],` +
		`"example":false,"notes":"n"}],"stress":[]}`
}

func stress(target, patch string) string {
	return `{"checked":"2026-11-25","presets":[],"stress":[{"id":"s","label":"S","date":"2022","target":` + target +
		`,"patch":` + patch + `,"sources":[{"url":"https://example.org","title":"T","date":"2022","dated":"published"}],` +
		`"example":false,"explanation":"why"}]}`
}

func TestParsePresetsNamesTheBadField(t *testing.T) {
	for _, tt := range badLibraryTests {
		_, err := calc.ParsePresets([]byte(tt.doc))
		if err == nil {
			t.Errorf("ParsePresets(%s) = nil error, want one at %q", tt.doc, tt.path)
			continue
		}
		fes := calc.FieldErrors(err)
		if len(fes) == 0 || fes[0].Path != tt.path {
			t.Errorf("ParsePresets(%s) = %v, want the first error at %q", tt.doc, err, tt.path)
		}
	}
}

// A layer that takes a staking token is checked on its own, as if the set started with that token.
func TestParsePresetsTakesALayerForAToken(t *testing.T) {
	lib, err := calc.ParsePresets([]byte(preset(`"accepts":"stETH","gives":"","apr":"1"`, `{"entry":1,"exit":0,"claim":0}`)))
	if err != nil {
		t.Fatalf("ParsePresets(layer accepting stETH) = %v", err)
	}
	if got := lib.Presets[0].Base.Accepts; got != "stETH" {
		t.Errorf("accepts = %q, want stETH", got)
	}
}

func TestParsePresetsRefusesRepeatedIDs(t *testing.T) {
	doc := strings.Replace(preset(`"apr":"3"`, `{"entry":1,"exit":0,"claim":0}`), `"stress":[]`,
		`"stress":[{"id":"p","label":"S","date":"2022","target":"scenario","patch":{"instant_exit_cost":"1"},`+
			`"sources":[{"url":"https://example.org","title":"T","date":"2022","dated":"published"}],"example":false,"explanation":"why"}]`, 1)
	_, err := calc.ParsePresets([]byte(doc))
	if err == nil || !strings.Contains(err.Error(), "stress[0].id") {
		t.Errorf("ParsePresets(two items with id p) = %v, want an error at stress[0].id", err)
	}
}

// A preset fills a layer; its gas, given in gas units, costs what the user's gas price says.
func ExamplePreset_Layer() {
	data, err := os.ReadFile("../assets/presets.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	lib, err := calc.ParsePresets(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	lido, _ := lib.Preset("lido-steth")
	layer := lido.Layer(decimal.RequireFromString("2")) // 2 gwei per gas unit
	fmt.Println(lido.Label, "fee", layer.Fee, "%, withdrawal", layer.WithdrawDays, "days")
	fmt.Println("deposit:", lido.Gas.Entry, "gas x 2 gwei =", layer.EntryGas, "ETH")
	fmt.Println("stale in a build of 2028-01-01:", lib.Stale(lido, time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC)))
	// Output:
	// Lido stETH fee 10 %, withdrawal 5 days
	// deposit: 86000 gas x 2 gwei = 0.000172 ETH
	// stale in a build of 2028-01-01: true
}

// A stress case from history, applied to one scenario of a set; the set itself is left as it was.
func ExampleStressCase_Apply() {
	data, _ := os.ReadFile("../assets/presets.json")
	lib, err := calc.ParsePresets(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	set, _ := calc.Parse([]byte(`{"version":1,"amount":"32","days":365,"scenarios":[{"name":"Lido",
		"layers":[{"name":"Lido","accepts":"ETH","gives":"stETH","apr":"2.85","fee":"10"}]}]}`))
	for _, c := range lib.Stress {
		if c.ID != "steth-discount-2022" {
			continue
		}
		stressed := c.Apply(set, 0)
		before, _ := calc.Evaluate(set, calc.Options{})
		after, _ := calc.Evaluate(stressed, calc.Options{})
		fmt.Println(c.Label+":", c.Patch[0].Field, "=", c.Patch[0].Value)
		fmt.Println("sold at once after a year:", before.Scenarios[0].Instant, "ETH, in June 2022:", after.Scenarios[0].Instant, "ETH")
	}
	// Output:
	// stETH discount, June 2022: instant_exit_cost = 6
	// sold at once after a year: 32.831387755555728036 ETH, in June 2022: 30.861504490222384353 ETH
}

// Every shipped preset either carries a base risk that a stress case from history supports,
// with that case's sources among its own, or says on the layer it fills that its risk is not
// set: a layer from a preset never shows a risk of 0 as if someone had found it.
func TestShippedPresetsSayTheirRisk(t *testing.T) {
	lib := readLibrary(t)
	stress := map[string]calc.StressCase{}
	for _, c := range lib.Stress {
		stress[c.ID] = c
	}
	slashing, ok := stress["eth-slashing-base-rate"]
	if !ok {
		t.Fatal("no stress case eth-slashing-base-rate to take the base risk from")
	}
	patch := map[string]string{}
	for _, f := range slashing.Patch {
		patch[f.Field] = f.Value
	}
	withRisk := 0
	for _, p := range lib.Presets {
		l := p.Base
		set := calc.Set{Scenarios: []calc.Scenario{{Layers: []calc.Layer{l}}}}
		switch calc.RiskOf(set.Scenarios[0]) {
		case calc.RiskNotEntered:
			if !strings.Contains(l.Note, "Risk not set") || !strings.Contains(p.Notes, "Risk not set") {
				t.Errorf("preset %s has no risk and its note does not say \"Risk not set\": %q", p.ID, l.Note)
			}
		case calc.RiskEntered:
			withRisk++
			if l.RiskProbability.String() != patch["risk_probability"] || l.RiskLoss.String() != patch["risk_loss"] {
				t.Errorf("preset %s: risk %s %% a year, %s %% loss; want the slashing case's %s and %s",
					p.ID, l.RiskProbability, l.RiskLoss, patch["risk_probability"], patch["risk_loss"])
			}
			for _, s := range slashing.Sources {
				if !slices.ContainsFunc(p.Sources, func(ps calc.Source) bool { return ps.URL == s.URL }) {
					t.Errorf("preset %s carries the slashing rate without its source %s", p.ID, s.URL)
				}
			}
			if !strings.Contains(l.Note, "Risk:") {
				t.Errorf("preset %s: its note does not say what its risk covers: %q", p.ID, l.Note)
			}
		default:
			t.Errorf("preset %s has half a risk: %s %% a year, %s %% loss", p.ID, l.RiskProbability, l.RiskLoss)
		}
	}
	if withRisk == 0 {
		t.Error("no preset carries a base risk")
	}
}
