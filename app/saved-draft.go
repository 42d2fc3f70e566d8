package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// draftStorageKey is where the full calculator keeps the user's draft in the browser's local
// storage. The version is in the name: a later format gets a key of its own.
const draftStorageKey = "restake-calc:draft:v1"

// savedDraft is the draft as stored: every field's text as typed, valid or not, so that nothing
// typed is lost by a reload; and the share link that was in the address bar then, so that a
// reload of that address is known to be the user's own work and not someone else's link.
type savedDraft struct {
	Link         string       `json:"link,omitempty"`
	Title        string       `json:"title"`
	Amount       string       `json:"amount"`
	Asset        string       `json:"asset"`
	Price        string       `json:"price"`
	Currency     string       `json:"currency"`
	PriceGrowth  string       `json:"price_growth"`
	Days         string       `json:"days"`
	GasPriceGwei string       `json:"gas_price_gwei"`
	Scenarios    []savedStack `json:"scenarios"`
}

type savedStack struct {
	Name            string       `json:"name"`
	InstantExitCost string       `json:"instant_exit_cost"`
	Note            string       `json:"note"`
	Layers          []savedLayer `json:"layers"`
}

type savedLayer struct {
	Name            string `json:"name"`
	Accepts         string `json:"accepts"`
	Gives           string `json:"gives"`
	APR             string `json:"apr"`
	Fee             string `json:"fee"`
	Claim           bool   `json:"claim"`
	ClaimEvery      string `json:"claim_every"`
	ClaimGas        string `json:"claim_gas"`
	Reinvest        bool   `json:"reinvest"`
	EntryGas        string `json:"entry_gas"`
	ExitGas         string `json:"exit_gas"`
	EntryCost       string `json:"entry_cost"`
	ExitCost        string `json:"exit_cost"`
	LockupDays      string `json:"lockup_days"`
	WithdrawDays    string `json:"withdraw_days"`
	RiskProbability string `json:"risk_probability"`
	RiskLoss        string `json:"risk_loss"`
	Preset          string `json:"preset"`
	Note            string `json:"note"`
}

// encodeSavedDraft returns the stored form of d, with the share link in the address bar.
func encodeSavedDraft(d draftSet, link string) []byte {
	s := savedDraft{
		Link: link, Title: d.title, Amount: d.amount, Asset: d.asset, Price: d.price,
		Currency: d.currency, PriceGrowth: d.priceGrowthPct, Days: d.days, GasPriceGwei: d.gasPriceGwei,
		Scenarios: make([]savedStack, len(d.scenarios)),
	}
	for i, sc := range d.scenarios {
		st := savedStack{Name: sc.name, InstantExitCost: sc.instantExitCostPct, Note: sc.note,
			Layers: make([]savedLayer, len(sc.layers))}
		for j, l := range sc.layers {
			st.Layers[j] = savedLayer{
				Name: l.name, Accepts: l.accepts, Gives: l.gives, APR: l.aprPct, Fee: l.feePct,
				Claim: l.claim, ClaimEvery: l.claimEveryDays, ClaimGas: l.claimGas, Reinvest: l.reinvest,
				EntryGas: l.entryGas, ExitGas: l.exitGas, EntryCost: l.entryCostPct, ExitCost: l.exitCostPct,
				LockupDays: l.lockupDays, WithdrawDays: l.withdrawDays,
				RiskProbability: l.riskProbabilityPct, RiskLoss: l.riskLossPct,
				Preset: l.preset, Note: l.note,
			}
		}
		s.Scenarios[i] = st
	}
	data, err := json.Marshal(s)
	if err != nil {
		// Only strings and booleans go in: this cannot fail.
		panic(err)
	}
	return data
}

// decodeSavedDraft reads what encodeSavedDraft wrote. Storage is the user's to change: anything
// that is not such a draft, or that holds more scenarios or layers than the page shows, is an
// error rather than a draft the editors cannot show.
func decodeSavedDraft(data []byte) (d draftSet, link string, err error) {
	var s savedDraft
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return draftSet{}, "", fmt.Errorf("they are not a saved draft (%v)", err)
	}
	if n := len(s.Scenarios); n < 1 || n > calc.MaxScenarios {
		return draftSet{}, "", fmt.Errorf("they hold %d scenarios, not 1 to %d", n, calc.MaxScenarios)
	}
	d = draftSet{
		title: s.Title, amount: s.Amount, asset: s.Asset, price: s.Price, currency: s.Currency,
		priceGrowthPct: s.PriceGrowth, days: s.Days, gasPriceGwei: s.GasPriceGwei,
		scenarios: make([]draftScenario, len(s.Scenarios)),
	}
	for i, st := range s.Scenarios {
		if n := len(st.Layers); n < 1 || n > calc.MaxLayers {
			return draftSet{}, "", fmt.Errorf("scenario %d holds %d layers, not 1 to %d", i+1, n, calc.MaxLayers)
		}
		sc := draftScenario{name: st.Name, instantExitCostPct: st.InstantExitCost, note: st.Note,
			layers: make([]draftLayer, len(st.Layers))}
		for j, l := range st.Layers {
			sc.layers[j] = draftLayer{
				name: l.Name, accepts: l.Accepts, gives: l.Gives, aprPct: l.APR, feePct: l.Fee,
				claim: l.Claim, claimEveryDays: l.ClaimEvery, claimGas: l.ClaimGas, reinvest: l.Reinvest,
				entryGas: l.EntryGas, exitGas: l.ExitGas, entryCostPct: l.EntryCost, exitCostPct: l.ExitCost,
				lockupDays: l.LockupDays, withdrawDays: l.WithdrawDays,
				riskProbabilityPct: l.RiskProbability, riskLossPct: l.RiskLoss,
				preset: l.Preset, note: l.Note,
			}
		}
		d.scenarios[i] = sc
	}
	return d, s.Link, nil
}

// sameScenarios reports whether the draft d describes exactly the set s: a stored draft that a
// link repeats need not be offered back.
func sameScenarios(d draftSet, s calc.Set) bool {
	ds, err := calc.Parse(d.scenarioFile())
	if err != nil {
		return false
	}
	a, errA := ds.MarshalJSON()
	b, errB := s.MarshalJSON()
	return errA == nil && errB == nil && bytes.Equal(a, b)
}

// localStorage runs fn on the browser's local storage. Storage may be missing, disabled (merely
// reading window.localStorage then throws) or full: every such failure comes back as an error,
// never as a crash. The property is read through Reflect.get because only calls catch what
// JavaScript throws.
func localStorage(fn func(storage app.Value) app.Value) (result app.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	win := app.Window()
	storage := win.Get("Reflect").Call("get", win, "localStorage")
	if !storage.Truthy() {
		return nil, errors.New("this browser keeps no local storage")
	}
	return fn(storage), nil
}

func readStoredDraft() (text string, found bool, err error) {
	v, err := localStorage(func(s app.Value) app.Value { return s.Call("getItem", draftStorageKey) })
	if err != nil || v.IsNull() || v.IsUndefined() {
		return "", false, err
	}
	return v.String(), true, nil
}

func writeStoredDraft(data []byte) error {
	_, err := localStorage(func(s app.Value) app.Value {
		return s.Call("setItem", draftStorageKey, string(data))
	})
	return err
}

// draftKeeper is the page's part in keeping the draft across visits.
type draftKeeper struct {
	started bool      // the stored draft has been read, or storage is off
	off     bool      // a widget: it neither reads nor writes the full calculator's storage
	offer   *draftSet // the stored draft a link displaced, offered back until restored or dismissed
	problem string    // why storage did not work, "" when it does
	saves   int       // counts the saves waiting, so that only the latest writes
	saved   string    // what the last save wrote
}

// saveDelay is how long the input rests before the draft is stored: after the share link is
// written, so that the stored link is the one in the address bar.
const saveDelay = linkDelay + 150*time.Millisecond

// restoreSaved reads the stored draft once, when the page first learns its URL: without a link,
// or with the link the stored draft was saved under (a reload), the stored draft comes back,
// typed text and all, and restoreSaved reports true; with another link, the link wins and the
// stored draft is offered back. A widget does neither.
func (p *calculatorPage) restoreSaved(fragment string) bool {
	k := &p.keep
	if k.started {
		return false
	}
	k.started = true
	if p.embed.widget || !app.IsClient {
		k.off = true
		return false
	}
	text, found, err := readStoredDraft()
	if err != nil {
		k.problem = "Your scenarios cannot be kept in this browser (" + err.Error() + "): the example scenarios are shown. Copy the link or download the scenario file to keep your work."
		return false
	}
	if !found {
		return false
	}
	d, link, err := decodeSavedDraft([]byte(text))
	if err != nil {
		k.problem = "The scenarios saved in this browser could not be read: " + err.Error() + ". The example scenarios are shown instead."
		return false
	}
	k.saved = text
	if fragment == "" || fragment == link {
		p.link = link
		set, err := calc.DecodeLink(fragment)
		if fragment == "" || err != nil {
			p.openDraft(d)
			return true
		}
		// The address holds the last input that worked: its figures stand, marked stale, while
		// the stored text has problems.
		p.draft = draftFromSet(set)
		p.evaluate()
		p.change(d)
		return true
	}
	if set, err := calc.DecodeLink(fragment); err == nil && sameScenarios(d, set) {
		return false
	}
	k.offer = &d
	return false
}

// openDraft replaces the draft with one from elsewhere (storage, a file): the previous figures
// must not stand in for its own.
func (p *calculatorPage) openDraft(d draftSet) {
	p.set, p.results, p.figures = calc.Set{}, calc.Results{}, calc.Results{}
	p.chartSet, p.chartResults, p.chartFigures = calc.Set{}, calc.Results{}, calc.Results{}
	p.change(d)
}

// saveSoon stores the draft once the input rests. While stored work is on offer, nothing is
// written over it.
func (p *calculatorPage) saveSoon() {
	k := &p.keep
	if !p.live || k.off || !k.started || k.offer != nil {
		return
	}
	k.saves++
	save := k.saves
	p.mountCtx.After(saveDelay, func(ctx app.Context) {
		if save == k.saves {
			p.saveNow()
		}
	})
}

func (p *calculatorPage) saveNow() {
	k := &p.keep
	data := encodeSavedDraft(p.draft, p.link)
	if string(data) == k.saved {
		return
	}
	if err := writeStoredDraft(data); err != nil {
		k.problem = "Your scenarios could not be saved in this browser (" + err.Error() + "). Copy the link or download the scenario file to keep your work."
		return
	}
	k.saved = string(data)
	k.problem = ""
}

func (p *calculatorPage) onRestoreSaved(ctx app.Context) {
	if p.keep.offer == nil {
		return
	}
	d := *p.keep.offer
	p.keep.offer = nil
	p.openDraft(d)
}

func (p *calculatorPage) onDismissSaved(ctx app.Context) {
	p.keep.offer = nil
	p.saveSoon()
}

// savedDraftNotice offers back the work stored in the browser that a link displaced, and says
// when the browser cannot keep the work at all.
type savedDraftNotice struct {
	app.Compo

	Ioffer     bool   // stored work is on offer
	Iproblem   string // why storage does not work, "" when it does
	IonRestore func(ctx app.Context)
	IonDismiss func(ctx app.Context)
}

func newSavedDraftNotice() *savedDraftNotice {
	return &savedDraftNotice{}
}

func (n *savedDraftNotice) Offer(v bool) *savedDraftNotice {
	n.Ioffer = v
	return n
}

func (n *savedDraftNotice) Problem(v string) *savedDraftNotice {
	n.Iproblem = v
	return n
}

func (n *savedDraftNotice) OnRestore(v func(ctx app.Context)) *savedDraftNotice {
	n.IonRestore = v
	return n
}

func (n *savedDraftNotice) OnDismiss(v func(ctx app.Context)) *savedDraftNotice {
	n.IonDismiss = v
	return n
}

func (n *savedDraftNotice) Render() app.UI {
	return app.Div().Class("saved-draft").Body(
		app.If(n.Ioffer, func() app.UI {
			return app.Div().ID("saved-offer").Class("notice saved-offer").Role("region").
				Aria("label", "Unsaved scenarios").Body(
				app.P().Text("You have unsaved scenarios from your last visit. This link's scenarios are shown."),
				app.Button().Type("button").ID("restore-saved").Text("Restore them").OnClick(n.onRestore),
				app.Button().Type("button").ID("dismiss-saved").Class("link").Text("Dismiss").OnClick(n.onDismiss),
			)
		}),
		app.If(n.Iproblem != "", func() app.UI {
			return app.P().ID("storage-problem").Class("notice").Role("alert").Text(n.Iproblem)
		}),
	)
}

func (n *savedDraftNotice) onRestore(ctx app.Context, e app.Event) {
	if n.IonRestore != nil {
		n.IonRestore(ctx)
	}
}

func (n *savedDraftNotice) onDismiss(ctx app.Context, e app.Event) {
	if n.IonDismiss != nil {
		n.IonDismiss(ctx)
	}
}
