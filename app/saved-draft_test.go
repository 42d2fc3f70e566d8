//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"restakecalc/calc"

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
		{[]int{0, 0, 0, 0}, app.Text("You have unsaved scenarios from your last visit. This link's scenarios are shown.")},
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

// TestSavedDraftKeepsVersion2 checks that a stored draft keeps a layer's reward token and a
// scenario's loop, typed text included, and that the golden version 2 files come back through
// storage as the engine wrote them.
func TestSavedDraftKeepsVersion2(t *testing.T) {
	for _, name := range []string{"eigen-rewards.json", "loop.json"} {
		data, err := os.ReadFile(filepath.Join("../calc/testdata/golden", name))
		if err != nil {
			t.Fatal(err)
		}
		s, err := calc.Parse(data)
		if err != nil {
			t.Fatalf("Parse(%s) = %v", name, err)
		}
		want, _ := s.MarshalJSON()
		d := draftFromSet(s)
		got, _, err := decodeSavedDraft(encodeSavedDraft(d, ""))
		if err != nil {
			t.Fatalf("%s: decodeSavedDraft(encodeSavedDraft(d)) = %v", name, err)
		}
		if !reflect.DeepEqual(got, d) {
			t.Errorf("%s: decodeSavedDraft(encodeSavedDraft(d)) = %+v, want %+v", name, got, d)
		}
		back, err := calc.Parse(got.scenarioFile())
		if err != nil {
			t.Fatalf("%s: Parse(restored draft) = %v", name, err)
		}
		if b, _ := back.MarshalJSON(); !bytes.Equal(b, want) {
			t.Errorf("%s: restored = %s, want %s", name, b, want)
		}
	}
	d := draftFromSet(defaultSet())
	d.scenarios[0].layers[0].reward = draftReward{on: true, token: "PTS", perYear: "1,5", price: ""}
	got, _, err := decodeSavedDraft(encodeSavedDraft(d, ""))
	if err != nil {
		t.Fatal(err)
	}
	if r := got.scenarios[0].layers[0].reward; !r.on || r.perYear != "1,5" || r.token != "PTS" {
		t.Errorf("restored reward = %+v, want the typed one", r)
	}
	if got.scenarios[1].layers[0].reward.on {
		t.Errorf("a layer without a reward token came back with one")
	}
}

// TestDraftVersion checks the version the draft's file says: 2 only while a reward token or a
// loop is in it, so that a version 1 link comes back as version 1.
func TestDraftVersion(t *testing.T) {
	d := draftFromSet(defaultSet())
	for i := range d.scenarios {
		d.scenarios[i].loop.on = false
		for j := range d.scenarios[i].layers {
			d.scenarios[i].layers[j].reward.on = false
		}
	}
	if v := d.fileVersion(); v != 1 {
		t.Errorf("fileVersion() without rewards or loops = %d, want 1", v)
	}
	d.scenarios[2].loop = draftLoop{on: true, leverage: "2", borrowAPRPct: "3", liquidationLTVPct: "90"}
	if v := d.fileVersion(); v != 2 {
		t.Errorf("fileVersion() with a loop = %d, want 2", v)
	}
	if !bytes.Contains(d.scenarioFile(), []byte(`"version":2,`)) {
		t.Errorf("scenarioFile() = %s, want version 2", d.scenarioFile())
	}
}
