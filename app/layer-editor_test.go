//go:build !wasm

package main

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// moreOf returns the folded part of a layer editor rendered for layer l with errs.
func moreOf(t *testing.T, l draftLayer, errs map[string]string) *layerEditor {
	t.Helper()
	ed := newLayerEditor().Position(1, 0, 2).Layer(l).Asset("ETH").Errors(errs)
	e := app.NewTestEngine()
	if err := e.Load(ed); err != nil {
		t.Fatal(err)
	}
	return ed
}

// The folded part is the layer's 9th child: head, presets toggle, presets, name, tokens, rates,
// gas, toggle, more.
const moreChild = 8

func TestLayerEditorFoldsTheRareFields(t *testing.T) {
	l := draftFromSet(defaultSet()).scenarios[1].layers[1]
	ed := moreOf(t, l, nil)
	if err := app.Match(app.Div().ID("s1-l0-more").Class("layer-more").Hidden(true), ed, 0, moreChild); err != nil {
		t.Errorf("folded by default: Match = %v", err)
	}
	if html := app.HTMLString(ed); strings.Contains(html, `id="s1-l0-risk_loss"`) {
		t.Errorf("the folded fields are built while folded")
	}
	if err := app.Match(app.Button().Type("button").ID("s1-l0-more-toggle").Class("more-toggle").
		Aria("expanded", false).Aria("controls", "s1-l0-more").OnClick(func(app.Context, app.Event) {}),
		ed, 0, moreChild-1); err != nil {
		t.Errorf("toggle: Match = %v", err)
	}

	l.more = true
	ed = moreOf(t, l, nil)
	if err := app.Match(app.Div().ID("s1-l0-more").Class("layer-more").Hidden(false), ed, 0, moreChild); err != nil {
		t.Errorf("unfolded: Match = %v", err)
	}
	// Every folded field but the claim settings, which show only for claimed rewards.
	for _, f := range []string{"payout", "entry_cost", "exit_cost", "lockup_days", "withdraw_days",
		"risk_probability", "risk_loss", "note"} {
		if html := app.HTMLString(ed); !strings.Contains(html, `id="s1-l0-`+f+`"`) {
			t.Errorf("unfolded: field %s is missing", f)
		}
	}
}

func TestLayerEditorUnfoldsAProblem(t *testing.T) {
	l := draftFromSet(defaultSet()).scenarios[1].layers[1]
	ed := moreOf(t, l, map[string]string{"scenarios[1].layers[0].risk_loss": "must be between 0 and 100"})
	if err := app.Match(app.Div().ID("s1-l0-more").Class("layer-more").Hidden(false), ed, 0, moreChild); err != nil {
		t.Errorf("a folded field with a problem: Match = %v", err)
	}
	// A problem elsewhere leaves the fold alone.
	ed = moreOf(t, l, map[string]string{"scenarios[1].layers[1].risk_loss": "must be between 0 and 100"})
	if err := app.Match(app.Div().ID("s1-l0-more").Class("layer-more").Hidden(true), ed, 0, moreChild); err != nil {
		t.Errorf("a problem in another layer: Match = %v", err)
	}
}

func TestLayerEditorOpensThePresetsOnDemand(t *testing.T) {
	l := draftFromSet(defaultSet()).scenarios[0].layers[0]
	ed := moreOf(t, l, nil)
	if html := app.HTMLString(ed); strings.Contains(html, `id="s1-l0-preset-select"`) {
		t.Errorf("the preset list is there before the user asked for it")
	}
	l.presets = true
	ed = moreOf(t, l, nil)
	if html := app.HTMLString(ed); !strings.Contains(html, `id="s1-l0-preset-select"`) {
		t.Errorf("the preset list is missing once opened")
	}
	if err := app.Match(app.Button().Type("button").ID("s1-l0-presets-toggle").Class("link presets-toggle").
		Aria("expanded", true).Aria("controls", "s1-l0-presets").OnClick(func(app.Context, app.Event) {}),
		ed, 0, 1); err != nil {
		t.Errorf("toggle: Match = %v", err)
	}
}

func TestLayerEditorFillsFromAPreset(t *testing.T) {
	lib := testLibrary(t)
	pr, ok := lib.Preset("lido-steth")
	if !ok {
		t.Fatal("no lido-steth preset in the library: the test has nothing to fill from")
	}
	l := draftFromSet(defaultSet()).scenarios[0].layers[0]
	l.presets, l.more = true, true
	var got draftLayer
	ed := newLayerEditor().Position(0, 0, 1).Layer(l).Asset("ETH").GasPrice("2").
		OnChange(func(ctx app.Context, index int, l draftLayer) { got = l })
	e := app.NewTestEngine()
	if err := e.Load(ed); err != nil {
		t.Fatal(err)
	}
	ed.onPickPreset(app.Context{}, pr)

	want := presetDraftLayer(l, pr, mustDecimal("2"))
	want.presets = true
	if got != want {
		t.Errorf("onPickPreset(lido-steth) = %+v, want %+v", got, want)
	}
	if got.preset != "lido-steth" || !got.more || !got.presets {
		t.Errorf("onPickPreset(lido-steth): preset %q, more %v, presets %v; want the preset named and the folds kept",
			got.preset, got.more, got.presets)
	}
	if x := pr.Layer(mustDecimal("2")); !decimalEqual(got.entryGas, x.EntryGas.String()) {
		t.Errorf("entry gas = %q, want %s: the preset's gas units at 2 gwei", got.entryGas, x.EntryGas)
	}
}

// TestLayerEditorFillsAPresetThatFitsTheLayerAbove fills the bottom layer of the three-layer
// example, under Aave which takes weETH, with ether.fi's preset, which gives eETH: the stack
// must still run, the layer giving weETH, eETH's wrapped form; a preset whose token no wrapper
// joins to the layer above's is filled as it is, and the picker says which token to choose.
func TestLayerEditorFillsAPresetThatFitsTheLayerAbove(t *testing.T) {
	lib, err := shippedLibrary()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		preset, gives string
		runs          bool
	}{
		{"etherfi-eeth", "weETH", true},
		{"renzo-ezeth", "ezETH", false},
	} {
		pr, ok := lib.Preset(tt.preset)
		if !ok {
			t.Fatalf("no %s preset in the library", tt.preset)
		}
		d := draftFromSet(defaultSet())
		s := d.scenarios[2]
		var got draftLayer
		ed := newLayerEditor().Position(2, 0, len(s.layers)).Layer(s.layers[0]).Above(s.acceptsAbove(0)).
			Asset("ETH").GasPrice("2").
			OnChange(func(ctx app.Context, index int, l draftLayer) { got = l })
		e := app.NewTestEngine()
		if err := e.Load(ed); err != nil {
			t.Fatal(err)
		}
		ed.onPickPreset(app.Context{}, pr)
		if got.gives != tt.gives {
			t.Errorf("%s under a layer taking %s: gives %q, want %q", tt.preset, s.acceptsAbove(0), got.gives, tt.gives)
		}
		d = d.withScenario(2, s.withLayer(0, got))
		if _, _, err := evaluateDraft(d); (err == nil) != tt.runs {
			t.Errorf("%s filled under Aave: evaluate = %v, want it to run: %v", tt.preset, err, tt.runs)
		}

		picker := newPresetPicker().ID("p").Library(lib).Selected(tt.preset).Above("weETH")
		html := app.HTMLString(picker)
		want := "the layer above takes weETH"
		if !tt.runs {
			want = "choose a preset that gives weETH"
		}
		if !strings.Contains(strings.ToLower(html), strings.ToLower(want)) {
			t.Errorf("picker of %s under weETH does not say %q", tt.preset, want)
		}
	}
}
