//go:build !wasm

package main

import (
	"strings"
	"testing"
	"time"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

func testLibrary(t *testing.T) calc.Library {
	t.Helper()
	lib, err := shippedLibrary()
	if err != nil {
		t.Fatalf("shippedLibrary() = %v", err)
	}
	return lib
}

func loadPresetPicker(t *testing.T, p *presetPicker) string {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	return app.HTMLString(p)
}

func TestPresetPickerIsALabelledGroupedSelect(t *testing.T) {
	lib := testLibrary(t)
	p := newPresetPicker().ID("s0-l1-preset").Library(lib)
	html := loadPresetPicker(t, p)
	checks := []struct {
		path []int
		want app.UI
	}{
		{[]int{0, 0, 0}, app.Label().For("s0-l1-preset-select").Class("field-label")},
		{[]int{0, 0, 1}, app.Select().ID("s0-l1-preset-select").Aria("describedby", "s0-l1-preset-details").
			OnChange(func(app.Context, app.Event) {})},
		{[]int{0, 0, 1, 1}, app.Elem("optgroup").Attr("label", "Staking")},
		{[]int{0, 1}, app.Div().ID("s0-l1-preset-details").Class("preset-details").Aria("live", "polite")},
	}
	for _, c := range checks {
		if err := app.Match(c.want, p, c.path...); err != nil {
			t.Errorf("Match(%v) = %v", c.path, err)
		}
	}
	// Every preset is listed, under its group's label, groups in the library's order.
	last := -1
	for _, g := range calc.PresetGroups() {
		i := strings.Index(html, `label="`+presetGroupLabels[g]+`"`)
		if i < 0 || i < last {
			t.Errorf("group %q: at %d after %d, want listed in order", g, i, last)
		}
		last = i
	}
	for _, pr := range lib.Presets {
		if !strings.Contains(html, `value="`+pr.ID+`"`) {
			t.Errorf("preset %s not listed", pr.ID)
		}
	}
	// Nothing chosen: no details, no fill button.
	if strings.Contains(html, "s0-l1-preset-fill") {
		t.Errorf("fill button shown before a preset is chosen")
	}
}

func TestPresetPickerShowsSourcesGasAndExample(t *testing.T) {
	lib := testLibrary(t)
	p := newPresetPicker().ID("p").Library(lib).Selected("lido-steth").GasGwei("2").Asset("ETH").
		BuildDate(lib.Checked)
	html := loadPresetPicker(t, p)
	lido, _ := lib.Preset("lido-steth")
	for _, want := range []string{
		`href="https://help.lido.fi/en/articles/7858292-faq-ethereum-withdrawals"`,
		`rel="noopener noreferrer"`,
		"(read 2026-11-25)",
		"figures as of " + lido.Date.Format(time.DateOnly),
		"Entry: 86,000 gas × 2 gwei = 0.000172 ETH",
		"Exit: 190,000 gas × 2 gwei = 0.00038 ETH",
		`<span class="badge">example</span>`,
		"Not checked against a source: APR.",
		`id="p-fill"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("lido-steth details lack %q", want)
		}
	}
	if err := app.Match(app.Option().Value("lido-steth").Selected(true), p, 0, 0, 1, 1, 1); err != nil {
		t.Errorf("the layer's preset is not the selected option: Match = %v", err)
	}
	if strings.Contains(html, "Each claim") {
		t.Errorf("a preset without claims shows claim gas")
	}
	if strings.Contains(html, `id="p-stale"`) {
		t.Errorf("a preset dated months before the build is marked stale")
	}
}

var presetGasHintTests = []struct {
	gwei string
	want string // in the gas part
}{
	{"2", "86,000 gas × 2 gwei = 0.000172 ETH"},
	{"0.5", "86,000 gas × 0.5 gwei = 0.000043 ETH"},
	{"", "Set a gas price in gwei to see these in ETH."},
	{"two", "Set a gas price in gwei to see these in ETH."},
	{"-1", "Set a gas price in gwei to see these in ETH."},
}

func TestPresetPickerConvertsGasAtTheTypedPrice(t *testing.T) {
	lib := testLibrary(t)
	for _, tt := range presetGasHintTests {
		html := loadPresetPicker(t, newPresetPicker().ID("p").Library(lib).Selected("lido-steth").GasGwei(tt.gwei).Asset("ETH"))
		if !strings.Contains(html, tt.want) {
			t.Errorf("GasGwei(%q): gas part lacks %q", tt.gwei, tt.want)
		}
	}
}

func TestPresetPickerWarnsWhenStale(t *testing.T) {
	lib := testLibrary(t)
	// Puffer's figures rest on an assessment of 2025-06-10.
	p := newPresetPicker().ID("p").Library(lib).Selected("puffer-pufeth").
		BuildDate(time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC))
	html := loadPresetPicker(t, p)
	// details: summary, example, stale warning, ...
	if err := app.Match(app.P().ID("p-stale").Class("status stale").Role("status"), p, 0, 1, 0, 2); err != nil {
		t.Errorf("puffer-pufeth at build 2026-11-25: Match(stale warning) = %v", err)
	}
	if !strings.Contains(html, "more than a year before this build (2026-11-25)") {
		t.Errorf("puffer-pufeth at build 2026-11-25: warning does not say why in\n%s", html)
	}
	// EigenLayer figures from before slashing went live.
	el, _ := lib.Preset("eigenlayer")
	el.Date = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	lib.Presets = []calc.Preset{el}
	html = loadPresetPicker(t, newPresetPicker().ID("p").Library(lib).Selected("eigenlayer").
		BuildDate(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)))
	if !strings.Contains(html, "before 2025-04-17") {
		t.Errorf("eigenlayer dated 2025-03-01: no warning naming 2025-04-17 in\n%s", html)
	}
	// Without a build date nothing is called stale.
	html = loadPresetPicker(t, newPresetPicker().ID("p").Library(lib).Selected("eigenlayer"))
	if strings.Contains(html, `id="p-stale"`) {
		t.Errorf("stale warning shown without a build date")
	}
}

func TestPresetPickerFillReportsThePreset(t *testing.T) {
	lib := testLibrary(t)
	var got calc.Preset
	p := newPresetPicker().ID("p").Library(lib).Selected("eigenlayer").
		OnPick(func(ctx app.Context, pr calc.Preset) { got = pr })
	loadPresetPicker(t, p)
	p.onFill(app.Context{}, app.Event{})
	if got.ID != "eigenlayer" {
		t.Errorf("Fill reported %q, want eigenlayer", got.ID)
	}
}

func TestPresetDraftLayerFillsEveryFieldAsText(t *testing.T) {
	lib := testLibrary(t)
	el, _ := lib.Preset("eigenlayer")
	old := draftLayer{name: "Layer 2", accepts: "stETH", aprPct: "7", riskLossPct: "50", lockupDays: "30", more: true}
	got := presetDraftLayer(old, el, decimal.RequireFromString("2"))
	want := draftLayer{name: "EigenLayer", aprPct: "1", feePct: "10", claim: true, claimEveryDays: "7",
		claimGas: "0.0003", reinvest: false, entryGas: "0.0003", exitGas: "0.0005", withdrawDays: "14",
		preset: "eigenlayer", note: el.Base.Note, more: true}
	if got != want {
		t.Errorf("presetDraftLayer(eigenlayer, 2 gwei) =\n%+v\nwant\n%+v", got, want)
	}
	// The draft is what the engine reads back as the preset's layer.
	d := draftSet{amount: "32", days: "365", scenarios: []draftScenario{{name: "A", layers: []draftLayer{got}}}}
	set, err := calc.Parse(d.scenarioFile())
	if err != nil {
		t.Fatalf("Parse(filled draft) = %v", err)
	}
	wantSet := set
	wantSet.Scenarios = []calc.Scenario{{Name: "A", Layers: []calc.Layer{el.Layer(decimal.RequireFromString("2"))}}}
	gotJSON, _ := set.MarshalJSON()
	wantJSON, _ := wantSet.MarshalJSON()
	if string(gotJSON) != string(wantJSON) {
		t.Errorf("filled draft parses to\n%s\nwant the preset's layer\n%s", gotJSON, wantJSON)
	}
}

var groupDigitsTests = []struct {
	n    int64
	want string
}{
	{0, "0"},
	{999, "999"},
	{86000, "86,000"},
	{1234567, "1,234,567"},
	{-21000, "-21,000"},
}

func TestGroupDigits(t *testing.T) {
	for _, tt := range groupDigitsTests {
		if got := groupDigits(tt.n); got != tt.want {
			t.Errorf("groupDigits(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
