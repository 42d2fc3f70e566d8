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
	Loop            savedFields  `json:"loop,omitempty"`
}

// savedFields are the fields of a reward token or a loop, by their names in the file, each as
// typed: written through the page's input tables, so that a field added to a table is kept
// without more code here. A layer without a reward token, a scenario without a loop, has none.
type savedFields map[string]string

// saveFields returns the text of every field of rows in d, or nil when on is false.
func saveFields[D any](rows []pageInput[D], d *D, on bool) savedFields {
	if !on {
		return nil
	}
	out := savedFields{}
	for _, in := range rows {
		out[in.name()] = in.get(d)
	}
	return out
}

// restoreFields sets the fields of rows in d from what saveFields wrote, and reports whether
// there was anything: a reward or loop that was saved.
func restoreFields[D any](rows []pageInput[D], d *D, saved savedFields) bool {
	if saved == nil {
		return false
	}
	for _, in := range rows {
		in.set(d, saved[in.name()])
	}
	return true
}

type savedLayer struct {
	Name            string      `json:"name"`
	Accepts         string      `json:"accepts"`
	Gives           string      `json:"gives"`
	APR             string      `json:"apr"`
	Fee             string      `json:"fee"`
	Claim           bool        `json:"claim"`
	ClaimEvery      string      `json:"claim_every"`
	ClaimGas        string      `json:"claim_gas"`
	Reinvest        bool        `json:"reinvest"`
	EntryGas        string      `json:"entry_gas"`
	ExitGas         string      `json:"exit_gas"`
	EntryCost       string      `json:"entry_cost"`
	ExitCost        string      `json:"exit_cost"`
	LockupDays      string      `json:"lockup_days"`
	WithdrawDays    string      `json:"withdraw_days"`
	RiskProbability string      `json:"risk_probability"`
	RiskLoss        string      `json:"risk_loss"`
	Preset          string      `json:"preset"`
	Note            string      `json:"note"`
	Reward          savedFields `json:"reward,omitempty"`
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
			Layers: make([]savedLayer, len(sc.layers)), Loop: saveFields(loopInputs, &sc, sc.loop.on)}
		for j, l := range sc.layers {
			st.Layers[j] = savedLayer{
				Name: l.name, Accepts: l.accepts, Gives: l.gives, APR: l.aprPct, Fee: l.feePct,
				Claim: l.claim, ClaimEvery: l.claimEveryDays, ClaimGas: l.claimGas, Reinvest: l.reinvest,
				EntryGas: l.entryGas, ExitGas: l.exitGas, EntryCost: l.entryCostPct, ExitCost: l.exitCostPct,
				LockupDays: l.lockupDays, WithdrawDays: l.withdrawDays,
				RiskProbability: l.riskProbabilityPct, RiskLoss: l.riskLossPct,
				Preset: l.preset, Note: l.note, Reward: saveFields(rewardInputs, &l, l.reward.on),
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
			sc.layers[j].reward.on = restoreFields(rewardInputs, &sc.layers[j], l.Reward)
		}
		sc.loop.on = restoreFields(loopInputs, &sc, st.Loop)
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

// storageInMemory reports whether the page's local storage is the in-memory stand-in the page
// puts in place where the browser refuses storage (handler.go): anything that is not the
// browser's own Storage keeps the work only until the page closes.
func storageInMemory() (inMemory bool, err error) {
	_, err = localStorage(func(s app.Value) app.Value {
		if kind := app.Window().Get("Storage"); kind.Truthy() {
			inMemory = !s.InstanceOf(kind)
		}
		return s
	})
	return inMemory, err
}

// unreadableDraftKeyPrefix begins the key under which a stored draft that cannot be read is
// kept aside, followed by the time it was found (UTC, RFC 3339): the page never writes over it.
const unreadableDraftKeyPrefix = draftStorageKey + ":unreadable:"

// keepAside stores text, a stored draft that cannot be read, under a key of its own, and
// returns that key.
func keepAside(text string, now time.Time) (string, error) {
	key := unreadableDraftKeyPrefix + now.UTC().Format(time.RFC3339)
	_, err := localStorage(func(s app.Value) app.Value { return s.Call("setItem", key, text) })
	return key, err
}

// draftOffer says which stored work the page offers to load instead of what it shows.
type draftOffer int

const (
	noOffer        draftOffer = iota
	offerLastVisit            // the work of a last visit, displaced by a link
	offerOtherTab             // the work another tab of the calculator saved since
)

// draftKeeper is the page's part in keeping the draft across visits and tabs.
type draftKeeper struct {
	started bool       // the stored draft has been read, or storage is off
	off     bool       // a widget: it neither reads nor writes the full calculator's storage
	noSave  bool       // nothing is written: storage is only in memory, or holds work that could not be kept aside
	offer   *draftSet  // stored work offered instead of what is shown, until loaded or refused
	from    draftOffer // where the offer comes from
	problem string     // what the page says about storage, "" when there is nothing to say
	note    string     // what stays said once storage works again (work kept aside, storage off)
	saves   int        // counts the saves waiting, so that only the latest writes
	stored  string     // what the stored draft holds as far as this page knows: read, written, or another tab's

	onStorage app.Func // the window's storage listener: other tabs' saves
}

// offered says which stored work is on offer, noOffer for none.
func (k *draftKeeper) offered() draftOffer {
	if k.offer == nil {
		return noOffer
	}
	return k.from
}

// saveDelay is how long the input rests before the draft is stored: after the share link is
// written, so that the stored link is the one in the address bar.
const saveDelay = linkDelay + 150*time.Millisecond

// Words the page says about storage.
const (
	keepYourWork    = "Copy the link or download the scenario file to keep your work."
	storageOffWords = "This browser keeps nothing for this page (its storage is switched off): your scenarios will be gone when you close or reload it. " + keepYourWork
)

// restoreSaved reads the stored draft once, when the page first learns its URL: without a link,
// or with the link the stored draft was saved under (a reload), the stored draft comes back,
// typed text and all, and restoreSaved reports true; with another link, the link wins and the
// stored draft is offered back. A stored draft that cannot be read is kept aside, never written
// over; where storage lives only in memory, the page says once that the work is not kept. From
// then on the page listens for other tabs' saves. A widget does none of this.
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
	inMemory, err := storageInMemory()
	if err == nil && inMemory {
		k.noSave = true
		k.note, k.problem = storageOffWords, storageOffWords
		return false
	}
	text, found, err := readStoredDraft()
	if err != nil {
		k.problem = "Your scenarios cannot be kept in this browser (" + err.Error() + "): the example scenarios are shown. " + keepYourWork
		return false
	}
	p.listenForOtherTabs()
	if !found {
		return false
	}
	d, link, err := decodeSavedDraft([]byte(text))
	if err != nil {
		p.setAside(text, err, "The example scenarios are shown instead.")
		return false
	}
	k.stored = text
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
	k.offer, k.from = &d, offerLastVisit
	return false
}

// setAside keeps a stored draft that cannot be read under a key of its own and says so: the
// next save writes the draft's key afresh. Where there is no room for the copy, nothing is
// written at all.
func (p *calculatorPage) setAside(text string, readErr error, shown string) {
	k := &p.keep
	key, err := keepAside(text, time.Now())
	if err != nil {
		k.noSave = true
		k.note = "The scenarios saved in this browser could not be read (" + readErr.Error() + ") and could not be copied aside (" + err.Error() + "): they are left as they are, and nothing you do here is saved. " + keepYourWork
	} else {
		k.stored = text
		k.note = "The scenarios saved in this browser could not be read (" + readErr.Error() + "). They are kept aside in this browser's storage under “" + key + "”, not written over. " + shown
	}
	k.problem = k.note
}

// listenForOtherTabs has the page hear when another tab of the calculator saves its draft: the
// browser tells every other page of the site through the window's storage event.
func (p *calculatorPage) listenForOtherTabs() {
	k := &p.keep
	if k.onStorage != nil || !p.live {
		return
	}
	k.onStorage = app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) == 0 || args[0].Get("key").String() != draftStorageKey {
			return nil
		}
		text := ""
		if v := args[0].Get("newValue"); !v.IsNull() && !v.IsUndefined() {
			text = v.String()
		}
		p.mountCtx.Dispatch(func(ctx app.Context) { p.otherTabSaved(text) })
		return nil
	})
	app.Window().Call("addEventListener", "storage", k.onStorage)
}

// otherTabSaved follows a save of another tab, text the stored draft now: the same work as on
// screen needs nothing; other work is offered, and nothing is saved over it until the user
// loads it or keeps this tab's work.
func (p *calculatorPage) otherTabSaved(text string) {
	k := &p.keep
	if text == k.stored || k.off || k.noSave {
		return
	}
	if text == "" {
		k.stored = "" // removed: the next save writes afresh
		return
	}
	d, _, err := decodeSavedDraft([]byte(text))
	if err != nil {
		p.setAside(text, err, "Your scenarios here are kept.")
		return
	}
	k.stored = text
	if sameDraft(d, p.draft) {
		return
	}
	k.offer, k.from = &d, offerOtherTab
	k.saves++ // a save on its way would write over it
}

// sameDraft reports whether two drafts hold the same text in every field.
func sameDraft(a, b draftSet) bool {
	return bytes.Equal(encodeSavedDraft(a, ""), encodeSavedDraft(b, ""))
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
	if !p.live || k.off || k.noSave || !k.started || k.offer != nil {
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

// saveNow writes the draft, unless another tab saved other work since this page last read or
// wrote it: that work is offered instead of written over, whether or not its storage event has
// arrived yet.
func (p *calculatorPage) saveNow() {
	k := &p.keep
	if current, found, err := readStoredDraft(); err == nil && found && current != k.stored {
		p.otherTabSaved(current)
		if k.offer != nil || k.noSave {
			return
		}
	}
	data := encodeSavedDraft(p.draft, p.link)
	if string(data) == k.stored {
		return
	}
	if err := writeStoredDraft(data); err != nil {
		k.problem = "Your scenarios could not be saved in this browser (" + err.Error() + "). " + keepYourWork
		return
	}
	k.stored = string(data)
	k.problem = k.note
}

// onRestoreSaved loads the stored work on offer: the last visit's, or another tab's.
func (p *calculatorPage) onRestoreSaved(ctx app.Context) {
	if p.keep.offer == nil {
		return
	}
	d := *p.keep.offer
	p.keep.offer = nil
	p.openDraft(d)
}

// onDismissSaved keeps the work on screen: it is saved over the stored work on offer, which the
// user has seen and refused. Another tab that shows that work is told in turn.
func (p *calculatorPage) onDismissSaved(ctx app.Context) {
	p.keep.offer = nil
	p.saveSoon()
}

// savedDraftNotice offers back stored work: the last visit's that a link displaced, or the work
// another tab saved meanwhile; and says what the page has to say about storage.
type savedDraftNotice struct {
	app.Compo

	Ioffer     draftOffer // which stored work is on offer
	Iproblem   string     // what to say about storage, "" for nothing
	IonRestore func(ctx app.Context)
	IonDismiss func(ctx app.Context)
}

func newSavedDraftNotice() *savedDraftNotice {
	return &savedDraftNotice{}
}

func (n *savedDraftNotice) Offer(v draftOffer) *savedDraftNotice {
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
		app.If(n.Ioffer == offerLastVisit, func() app.UI {
			return app.Div().ID("saved-offer").Class("notice saved-offer").Role("region").
				Aria("label", "Unsaved scenarios").Body(
				app.P().Text("You have unsaved scenarios from your last visit. This link's scenarios are shown."),
				app.Button().Type("button").ID("restore-saved").Text("Restore them").OnClick(n.onRestore),
				app.Button().Type("button").ID("dismiss-saved").Class("link").Text("Dismiss").OnClick(n.onDismiss),
			)
		}).ElseIf(n.Ioffer == offerOtherTab, func() app.UI {
			return app.Div().ID("saved-offer").Class("notice saved-offer").Role("alert").Body(
				app.P().Text("Your scenarios were changed and saved in another tab. This tab's are shown and are not saved until you choose."),
				app.Button().Type("button").ID("restore-saved").Text("Load the other tab's").OnClick(n.onRestore),
				app.Button().Type("button").ID("dismiss-saved").Class("link").Text("Keep this tab's").OnClick(n.onDismiss),
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
