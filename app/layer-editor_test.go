//go:build !wasm

package main

import (
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

// The folded part is the layer's 7th child: head, name, tokens, rates, gas, toggle, more.
const moreChild = 6

func TestLayerEditorFoldsTheRareFields(t *testing.T) {
	l := draftFromSet(defaultSet()).scenarios[1].layers[1]
	ed := moreOf(t, l, nil)
	if err := app.Match(app.Div().ID("s1-l0-more").Class("layer-more").Hidden(true), ed, 0, moreChild); err != nil {
		t.Errorf("folded by default: Match = %v", err)
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
