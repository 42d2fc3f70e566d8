//go:build !wasm

package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A stored draft comes back exactly as typed, the text the engine refuses included.
func TestSavedDraftRoundTrip(t *testing.T) {
	d := draftFromSet(defaultSet())
	d.amount = "1,5"                           // refused by the engine, kept as typed
	d.days = "ten years"                       // likewise
	d.scenarios[0].layers[0].aprPct = " 3.20 " // spaces and zeros kept
	d.scenarios[1].layers[0].claim = true      // a switch
	d.scenarios[1].layers[0].reinvest = false  // a switch off
	d.scenarios[0].name = `Lido, "the" one ✓`  // anything a name may hold
	d.scenarios[0].layers[0].more = true       // what the editor unfolded is not kept
	data := encodeSavedDraft(d, "z=abc")
	got, link, err := decodeSavedDraft(data)
	if err != nil {
		t.Fatalf("decodeSavedDraft(encodeSavedDraft(d)) = %v", err)
	}
	if link != "z=abc" {
		t.Errorf("link = %q, want %q", link, "z=abc")
	}
	d.scenarios[0].layers[0].more = false
	if !reflect.DeepEqual(got, d) {
		t.Errorf("decodeSavedDraft(encodeSavedDraft(d)) = %+v, want %+v", got, d)
	}
	if !strings.Contains(string(data), `"amount":"1,5"`) {
		t.Errorf("stored = %s, want the typed amount", data)
	}
}

var damagedDrafts = []struct {
	stored string
	want   string // in the error
}{
	{`{not json`, "not a saved draft"},
	{`[]`, "not a saved draft"},
	{`null`, "0 scenarios"},
	{`{"amount":"1","scenarios":[]}`, "0 scenarios"},
	{`{"scenarios":[{"name":"a","layers":[]}]}`, "scenario 1 holds 0 layers"},
	{`{"scenarios":[{"name":"a","layers":[{"name":"L"}]}],"extra":1}`, "not a saved draft"},  // another version's field
	{`{"amount":1,"scenarios":[{"name":"a","layers":[{"name":"L"}]}]}`, "not a saved draft"}, // not text
	{`{"scenarios":[` + strings.Repeat(`{"name":"a","layers":[{"name":"L"}]},`, 6) + `{"name":"a","layers":[{"name":"L"}]}]}`, "7 scenarios"},
}

func TestDecodeSavedDraftRefusesDamage(t *testing.T) {
	for _, tt := range damagedDrafts {
		_, _, err := decodeSavedDraft([]byte(tt.stored))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("decodeSavedDraft(%s) = %v, want an error saying %q", tt.stored, err, tt.want)
		}
	}
}

func TestSameScenarios(t *testing.T) {
	d := draftFromSet(defaultSet())
	if !sameScenarios(d, defaultSet()) {
		t.Errorf("sameScenarios(draftFromSet(s), s) = false, want true")
	}
	d.scenarios[0].layers[0].aprPct = "3.20" // the same number, typed differently
	if !sameScenarios(d, defaultSet()) {
		t.Errorf("sameScenarios with 3.20 for %s = false, want true", defaultSet().Scenarios[0].Layers[0].APR)
	}
	d.amount = "abc"
	if sameScenarios(d, defaultSet()) {
		t.Errorf("sameScenarios of a refused draft = true, want false")
	}
}

func TestSavedDraftNoticeOffersRestore(t *testing.T) {
	n := newSavedDraftNotice().Offer(offerLastVisit)
	e := app.NewTestEngine()
	if err := e.Load(n); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		path []int
		want app.UI
	}{
		{[]int{0, 0, 0, 0}, app.Text("Your scenarios from your last visit are saved in this browser. This link's scenarios are shown.")},
		{[]int{0, 0, 1, 0}, app.Text("Restore them")},
		{[]int{0, 0, 2, 0}, app.Text("Dismiss")},
	}
	for _, c := range checks {
		if err := app.Match(c.want, n, c.path...); err != nil {
			t.Errorf("Match(%v) = %v", c.path, err)
		}
	}
}

func TestSavedDraftNoticeOffersTheOtherTabsWork(t *testing.T) {
	n := newSavedDraftNotice().Offer(offerOtherTab)
	e := app.NewTestEngine()
	if err := e.Load(n); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		path []int
		want app.UI
	}{
		{[]int{0, 0, 0, 0}, app.Text("Your scenarios were changed and saved in another tab. This tab's are shown and are not saved until you choose.")},
		{[]int{0, 0, 1, 0}, app.Text("Load the other tab's")},
		{[]int{0, 0, 2, 0}, app.Text("Keep this tab's")},
	}
	for _, c := range checks {
		if err := app.Match(c.want, n, c.path...); err != nil {
			t.Errorf("Match(%v) = %v", c.path, err)
		}
	}
}

// sameDraft tells another tab's save of the same work from other work: text as typed counts.
func TestSameDraft(t *testing.T) {
	a := draftFromSet(defaultSet())
	b := draftFromSet(defaultSet())
	b.scenarios[0].layers[0].more = true // unfolded, not kept
	if !sameDraft(a, b) {
		t.Errorf("sameDraft of the same fields = false, want true")
	}
	b.scenarios[0].layers[0].aprPct += "0" // the same number, typed differently
	if sameDraft(a, b) {
		t.Errorf("sameDraft with %q and %q = true, want false", a.scenarios[0].layers[0].aprPct, b.scenarios[0].layers[0].aprPct)
	}
}
