//go:build !wasm

package main

import (
	"regexp"
	"strings"
	"testing"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// disabled reports whether the element with that id is rendered disabled.
func disabled(t *testing.T, c app.Composer, id string) bool {
	t.Helper()
	html := app.HTMLString(c)
	tag := regexp.MustCompile(`<[a-z]+ [^>]*id="` + regexp.QuoteMeta(id) + `"[^>]*>`).FindString(html)
	if tag == "" {
		t.Fatalf("no element #%s", id)
	}
	return regexp.MustCompile(` disabled[ >]`).MatchString(tag)
}

// scenarioEditorTests say which of a scenario's controls a user can use in each situation.
var scenarioEditorTests = []struct {
	name         string
	index, count int
	layers       int
	want         map[string]bool // id -> disabled
}{
	{"a lone scenario cannot be removed or moved", 0, 1, 1, map[string]bool{
		"s0-remove": true, "s0-left": true, "s0-right": true, "s0-duplicate": false, "s0-add-layer": false,
		"s0-l0-remove": true, "s0-l0-up": true, "s0-l0-down": true}},
	{"the middle one of three moves both ways", 1, 3, 3, map[string]bool{
		"s1-remove": false, "s1-left": false, "s1-right": false,
		"s1-l0-up": true, "s1-l0-down": false, "s1-l1-up": false, "s1-l2-down": true, "s1-l2-remove": false}},
	{"six scenarios: no duplicate", 5, 6, 2, map[string]bool{"s5-duplicate": true, "s5-right": true, "s5-left": false}},
	{"eight layers: no more", 0, 2, 8, map[string]bool{"s0-add-layer": true, "s0-l7-down": true}},
}

func TestScenarioEditorControls(t *testing.T) {
	for _, tt := range scenarioEditorTests {
		s := draftScenario{name: "S"}
		for range tt.layers {
			s = s.addLayer()
		}
		ed := newScenarioEditor().Position(tt.index, tt.count).Scenario(s).Asset("ETH")
		e := app.NewTestEngine()
		if err := e.Load(ed); err != nil {
			t.Fatal(err)
		}
		for id, want := range tt.want {
			if got := disabled(t, ed, id); got != want {
				t.Errorf("%s: #%s disabled = %v, want %v", tt.name, id, got, want)
			}
		}
	}
}

func TestScenarioEditorAppliesAStressCase(t *testing.T) {
	lib := testLibrary(t)
	var c calc.StressCase
	for _, sc := range lib.Stress {
		if sc.ID == "exit-queue-2025" {
			c = sc
		}
	}
	if c.ID == "" {
		t.Fatal("no exit-queue-2025 stress case in the library: the test has nothing to apply")
	}
	s := draftFromSet(defaultSet()).scenarios[1]
	s.stress = true
	var got draftScenario
	ed := newScenarioEditor().Position(1, 3).Scenario(s).Asset("ETH").
		OnChange(func(ctx app.Context, index int, s draftScenario) { got = s })
	e := app.NewTestEngine()
	if err := e.Load(ed); err != nil {
		t.Fatal(err)
	}
	if html := app.HTMLString(ed); !strings.Contains(html, `id="s1-stress-exit-queue-2025-apply"`) {
		t.Fatalf("the open stress list has no apply button for exit-queue-2025")
	}
	ed.onApplyStress(app.Context{}, c)
	if got.layers[0].withdrawDays != "48" || got.layers[1].withdrawDays != s.layers[1].withdrawDays || !got.stress {
		t.Errorf("onApplyStress(exit-queue-2025): withdrawal days %q, %q, open %v; want 48 on the bottom layer only, the list still open",
			got.layers[0].withdrawDays, got.layers[1].withdrawDays, got.stress)
	}
	if s.layers[0].withdrawDays != "5" {
		t.Errorf("onApplyStress changed the editor's own scenario: withdrawal days %q", s.layers[0].withdrawDays)
	}
}
