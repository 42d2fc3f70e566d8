//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
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
	{`{"scenarios":[{"name":"a","layers":[{"name":"L"}]}],"extra":1}`, "not a saved draft"},                            // another version's field
	{`{"amount":1,"scenarios":[{"name":"a","layers":[{"name":"L"}]}]}`, "not a saved draft"},                           // not text
	{`{"scenarios":[{"name":"a","layers":[{"name":"L","extra":""}]}]}`, "layer 1: unknown field"},                      // nor in a layer
	{`{"scenarios":[{"name":"a","layers":[{"name":"L","reward":{"extra":""}}]}]}`, "unknown field \"extra\""},          // nor in a reward token
	{`{"scenarios":[{"name":"a","loop":{"leverage":"2","extra":""},"layers":[{"name":"L"}]}]}`, "scenario 1: unknown"}, // nor in a loop
	{`{"scenarios":[{"name":"a","layers":[{"name":"L","payout":"claim"}]}]}`, "unknown field \"payout\""},              // the payout is "claim"
	{`{"scenarios":[{"name":"a","layers":[{"name":"L","claim":"true"}]}]}`, "not a saved draft"},                       // a switch is a boolean
	{`{"scenarios":[{"name":"a","layers":[{"name":"L","reinvest":1}]}]}`, "not a saved draft"},
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

// TestSavedDraftNoticeOffers: each offer says whose work is kept where, and what the two buttons do.
func TestSavedDraftNoticeOffers(t *testing.T) {
	for _, tt := range []struct {
		offer                 draftOffer
		text, accept, decline string
	}{
		{offerLastVisit, "Your scenarios from your last visit are saved in this browser. This link's scenarios are shown.",
			"Restore them", "Dismiss"},
		{offerOtherTab, "Your scenarios were changed and saved in another tab. This tab's are shown and are not saved until you choose.",
			"Load the other tab's", "Keep this tab's"},
	} {
		n := newSavedDraftNotice().Offer(tt.offer)
		if err := app.NewTestEngine().Load(n); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			path []int
			want string
		}{{[]int{0, 0, 0, 0}, tt.text}, {[]int{0, 0, 1, 0}, tt.accept}, {[]int{0, 0, 2, 0}, tt.decline}} {
			if err := app.Match(app.Text(c.want), n, c.path...); err != nil {
				t.Errorf("offer %v: Match(%v) = %v", tt.offer, c.path, err)
			}
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

// fullSavedDraft returns a draft with text in every field: a layer claimed by hand whose rewards
// are not reinvested, a reward token and a loop. It is what previousBuildDraft holds.
func fullSavedDraft() draftSet {
	return draftSet{title: "My stacks", amount: "32", asset: "ETH", price: "3000,5", currency: "EUR",
		priceGrowthPct: "5", days: "730", gasPriceGwei: "3",
		scenarios: []draftScenario{
			{name: "Lido then Eigen", instantExitCostPct: "0.3", note: "from the docs",
				loop: draftLoop{on: true, leverage: "3", borrowAPRPct: "2.5", liquidationLTVPct: "93", liquidationPenaltyPct: "5", entryCostPct: "0.1"},
				layers: []draftLayer{
					{name: "Lido", accepts: "ETH", gives: "stETH", aprPct: "3.1", feePct: "10", claim: true, claimEveryDays: "30", claimGas: "0.001", reinvest: false,
						entryGas: "0.002", exitGas: "0.003", entryCostPct: "0.05", exitCostPct: "0.06", lockupDays: "7", withdrawDays: "5",
						riskProbabilityPct: "1", riskLossPct: "50", preset: "lido", note: "a note",
						reward: draftReward{on: true, token: "EIGEN", perYear: "0.02", price: "0.001", priceGrowthPct: "-10", sell: "hold", claimEveryDays: "90", claimGas: "0.004", sellCostPct: "1"}},
					{name: "Eigen", aprPct: "1", reinvest: true},
				}},
			{name: "Plain", layers: []draftLayer{{name: "Solo", aprPct: "x3", reinvest: true}}},
		}}
}

// previousBuildDraft is fullSavedDraft under the link "z=abc" as the build before the input
// tables carried saved work wrote it: the users' work in their browsers' storage.
const previousBuildDraft = `{"link":"z=abc","title":"My stacks","amount":"32","asset":"ETH","price":"3000,5","currency":"EUR","price_growth":"5","days":"730","gas_price_gwei":"3","scenarios":[{"name":"Lido then Eigen","instant_exit_cost":"0.3","note":"from the docs","layers":[{"name":"Lido","accepts":"ETH","gives":"stETH","apr":"3.1","fee":"10","claim":true,"claim_every":"30","claim_gas":"0.001","reinvest":false,"entry_gas":"0.002","exit_gas":"0.003","entry_cost":"0.05","exit_cost":"0.06","lockup_days":"7","withdraw_days":"5","risk_probability":"1","risk_loss":"50","preset":"lido","note":"a note","reward":{"claim_every":"90","claim_gas":"0.004","per_year":"0.02","price":"0.001","price_growth":"-10","sell":"hold","sell_cost":"1","token":"EIGEN"}},{"name":"Eigen","accepts":"","gives":"","apr":"1","fee":"","claim":false,"claim_every":"","claim_gas":"","reinvest":true,"entry_gas":"","exit_gas":"","entry_cost":"","exit_cost":"","lockup_days":"","withdraw_days":"","risk_probability":"","risk_loss":"","preset":"","note":""}],"loop":{"borrow_apr":"2.5","entry_cost":"0.1","leverage":"3","liquidation_ltv":"93","liquidation_penalty":"5"}},{"name":"Plain","instant_exit_cost":"","note":"","layers":[{"name":"Solo","accepts":"","gives":"","apr":"x3","fee":"","claim":false,"claim_every":"","claim_gas":"","reinvest":true,"entry_gas":"","exit_gas":"","entry_cost":"","exit_cost":"","lockup_days":"","withdraw_days":"","risk_probability":"","risk_loss":"","preset":"","note":""}]}]}`

// previousBuildSaved is how the previous build read a stored draft: it refuses any key these
// structs do not name.
type previousBuildSaved struct {
	Link         string `json:"link,omitempty"`
	Title        string `json:"title"`
	Amount       string `json:"amount"`
	Asset        string `json:"asset"`
	Price        string `json:"price"`
	Currency     string `json:"currency"`
	PriceGrowth  string `json:"price_growth"`
	Days         string `json:"days"`
	GasPriceGwei string `json:"gas_price_gwei"`
	Scenarios    []struct {
		Name            string `json:"name"`
		InstantExitCost string `json:"instant_exit_cost"`
		Note            string `json:"note"`
		Layers          []struct {
			Name            string            `json:"name"`
			Accepts         string            `json:"accepts"`
			Gives           string            `json:"gives"`
			APR             string            `json:"apr"`
			Fee             string            `json:"fee"`
			Claim           bool              `json:"claim"`
			ClaimEvery      string            `json:"claim_every"`
			ClaimGas        string            `json:"claim_gas"`
			Reinvest        bool              `json:"reinvest"`
			EntryGas        string            `json:"entry_gas"`
			ExitGas         string            `json:"exit_gas"`
			EntryCost       string            `json:"entry_cost"`
			ExitCost        string            `json:"exit_cost"`
			LockupDays      string            `json:"lockup_days"`
			WithdrawDays    string            `json:"withdraw_days"`
			RiskProbability string            `json:"risk_probability"`
			RiskLoss        string            `json:"risk_loss"`
			Preset          string            `json:"preset"`
			Note            string            `json:"note"`
			Reward          map[string]string `json:"reward,omitempty"`
		} `json:"layers"`
		Loop map[string]string `json:"loop,omitempty"`
	} `json:"scenarios"`
}

func readAsPreviousBuild(t *testing.T, data []byte) previousBuildSaved {
	t.Helper()
	var s previousBuildSaved
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		t.Fatalf("the previous build cannot read %s: %v", data, err)
	}
	return s
}

// Work the previous build stored comes back exactly, and work stored now reads in the previous
// build as that build's own: both keep the same keys and JSON types, booleans included.
func TestSavedDraftReadsThePreviousBuilds(t *testing.T) {
	want := fullSavedDraft()
	got, link, err := decodeSavedDraft([]byte(previousBuildDraft))
	if err != nil {
		t.Fatalf("decodeSavedDraft(previous build's draft) = %v", err)
	}
	if link != "z=abc" {
		t.Errorf("link = %q, want %q", link, "z=abc")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decodeSavedDraft(previous build's draft) =\n%+v\nwant\n%+v", got, want)
	}

	stored := encodeSavedDraft(want, "z=abc")
	if old, now := readAsPreviousBuild(t, []byte(previousBuildDraft)), readAsPreviousBuild(t, stored); !reflect.DeepEqual(now, old) {
		t.Errorf("the previous build reads %s\nas %+v\nwant %+v", stored, now, old)
	}
	// Same keys, same JSON types: the objects are equal once read without a schema.
	var old, now any
	if err := json.Unmarshal([]byte(previousBuildDraft), &old); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(stored, &now); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(now, old) {
		t.Errorf("encodeSavedDraft(draft) =\n%s\nwant the previous build's\n%s", stored, previousBuildDraft)
	}
}

// carriedValues returns the texts to put in the field of in: one no other field holds, and
// each of its choices; true and false for a yes/no field.
func carriedValues[D any](in pageInput[D]) []string {
	values := []string{"only-" + in.name() + " ✓"}
	for _, c := range in.choices {
		values = append(values, c.value)
	}
	if in.field.Kind() == calc.BoolField {
		values = append(values, "true", "false")
	}
	return values
}

// checkCarried checks that saved work carries the field of every row of rows, in the draft
// at(d) returns from a full draft.
func checkCarried[D any](t *testing.T, table string, rows []pageInput[D], at func(*draftSet) *D) {
	t.Helper()
	for _, in := range rows {
		for _, v := range carriedValues(in) {
			d := fullSavedDraft()
			in.set(at(&d), v)
			want := in.get(at(&d))
			got, _, err := decodeSavedDraft(encodeSavedDraft(d, ""))
			if err != nil {
				t.Errorf("%s %q = %q: decodeSavedDraft(encodeSavedDraft(d)) = %v", table, in.name(), v, err)
				continue
			}
			if g := in.get(at(&got)); g != want {
				t.Errorf("%s %q = %q: restored %q, want %q", table, in.name(), v, g, want)
			} else if !reflect.DeepEqual(got, d) {
				t.Errorf("%s %q = %q: restored draft\n%+v\nwant\n%+v", table, in.name(), v, got, d)
			}
		}
	}
}

// Every field of the page's input tables is carried by saved work: a field added to a table is
// kept across a reload without more code.
func TestSavedDraftCarriesEveryInput(t *testing.T) {
	checkCarried(t, "set", setInputs, func(d *draftSet) *draftSet { return d })
	checkCarried(t, "scenario", scenarioInputs, func(d *draftSet) *draftScenario { return &d.scenarios[1] })
	checkCarried(t, "layer", layerInputs, func(d *draftSet) *draftLayer { return &d.scenarios[0].layers[1] })
	checkCarried(t, "reward", rewardInputs, func(d *draftSet) *draftLayer { return &d.scenarios[0].layers[0] })
	checkCarried(t, "loop", loopInputs, func(d *draftSet) *draftScenario { return &d.scenarios[0] })
}
