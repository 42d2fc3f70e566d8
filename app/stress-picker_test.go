//go:build !wasm

package main

import (
	"reflect"
	"strings"
	"testing"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestStressPickerListsEveryCaseWithItsHistory(t *testing.T) {
	lib := testLibrary(t)
	p := newStressPicker().ID("s1-stress").Library(lib).Scenario("Restaking")
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(p)
	if err := app.Match(app.Div().ID("s1-stress").Class("stress-picker").Role("group").Aria("labelledby", "s1-stress-head"), p, 0); err != nil {
		t.Errorf("Match(list) = %v", err)
	}
	for _, c := range lib.Stress {
		id := "s1-stress-" + c.ID
		for _, want := range []string{
			`id="` + id + `"`,
			c.Label,
			"(" + c.Date + ")",
			`href="` + c.Sources[0].URL + `"`,
		} {
			if !strings.Contains(html, want) {
				t.Errorf("stress %s: list lacks %q", c.ID, want)
			}
		}
	}
	// The first case, item by item: label, explanation, patch, sources, button.
	first := lib.Stress[0]
	id := "s1-stress-" + first.ID
	checks := []struct {
		path []int
		want app.UI
	}{
		{[]int{0, 2, 0}, app.Li().ID(id).Class("stress-case")},
		{[]int{0, 2, 0, 2}, app.P().ID(id + "-patch").Class("stress-patch")},
		{[]int{0, 2, 0, 4}, app.Button().Type("button").ID(id+"-apply").Class("add").
			Aria("describedby", id+"-patch").Aria("label", "Apply to this scenario: "+first.Label+" on Restaking").
			OnClick(func(app.Context, app.Event) {})},
	}
	for _, c := range checks {
		if err := app.Match(c.want, p, c.path...); err != nil {
			t.Errorf("Match(%v) = %v", c.path, err)
		}
	}
}

var patchWordsTests = []struct {
	target, patch string
	want          string
}{
	{"scenario", `{"instant_exit_cost":"6"}`, "Instant exit discount = 6 % on the scenario"},
	{"top-layer", `{"risk_probability":"5","risk_loss":"100"}`,
		"Chance of a loss event = 5 % per year, Loss in such an event = 100 % on the top layer"},
	{"every-layer", `{"withdraw_days":40}`, "Withdrawal time = 40 days on every layer"},
}

func TestPatchWords(t *testing.T) {
	for _, tt := range patchWordsTests {
		c := parseStress(t, tt.target, tt.patch)
		if got := patchWords(c); got != tt.want {
			t.Errorf("patchWords(%s %s) = %q, want %q", tt.target, tt.patch, got, tt.want)
		}
	}
}

func parseStress(t *testing.T, target, patch string) calc.StressCase {
	t.Helper()
	lib, err := calc.ParsePresets([]byte(`{"checked":"2026-11-25","presets":[],"stress":[{"id":"s","label":"S",` +
		`"date":"2022","target":"` + target + `","patch":` + patch + `,"sources":[{"url":"https://example.org",` +
		`"title":"T","date":"2022","dated":"published"}],"example":false,"explanation":"why"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	return lib.Stress[0]
}

func TestStressPickerApplyReportsTheCase(t *testing.T) {
	lib := testLibrary(t)
	var got string
	p := newStressPicker().ID("s0-stress").Library(lib).
		OnApply(func(ctx app.Context, c calc.StressCase) { got = c.ID })
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	p.onApply(lib.Stress[1])(app.Context{}, app.Event{})
	if got != lib.Stress[1].ID {
		t.Errorf("Apply reported %q, want %q", got, lib.Stress[1].ID)
	}
}

// Applied to the typed draft, every shipped case makes the same change as calc's Apply makes to
// the parsed set, and leaves the draft it was given alone.
func TestStressDraftScenarioMatchesTheEngine(t *testing.T) {
	lib := testLibrary(t)
	d := draftFromSet(defaultSet())
	for _, c := range lib.Stress {
		for i := range d.scenarios {
			before := d.scenarios[i]
			kept := cloneSlice(before.layers)
			stressed := d.withScenario(i, stressDraftScenario(d.scenarios[i], c))
			if !reflect.DeepEqual(d.scenarios[i].layers, kept) {
				t.Fatalf("stress %s on scenario %d changed the draft it was given", c.ID, i)
			}
			got, err := calc.Parse(stressed.scenarioFile())
			if err != nil {
				t.Fatalf("stress %s on scenario %d: Parse = %v", c.ID, i, err)
			}
			set, err := calc.Parse(d.scenarioFile())
			if err != nil {
				t.Fatal(err)
			}
			gotJSON, _ := got.MarshalJSON()
			wantJSON, _ := c.Apply(set, i).MarshalJSON()
			if string(gotJSON) != string(wantJSON) {
				t.Errorf("stress %s on scenario %d: draft gives\n%s\nengine gives\n%s", c.ID, i, gotJSON, wantJSON)
			}
		}
	}
}
