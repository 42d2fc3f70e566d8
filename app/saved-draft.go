package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// draftStorageKey is where the full calculator keeps the user's draft in the browser's local
// storage. The version is in the name: a later format gets a key of its own.
const draftStorageKey = "restake-calc:draft:v1"

// The stored draft is one JSON object: every field of the set as typed, valid or not, so that
// nothing typed is lost by a reload, under its name in the scenario file ("amount"); the gas
// price ("gas_price_gwei"); the share link that was in the address bar then ("link", left out
// when there was none), so that a reload of that address is known to be the user's own work and
// not someone else's link; and "scenarios", each with its own fields, its "layers" with theirs
// and, where there is one, its "loop"; a layer's reward token is its "reward". The fields are
// written and read through the page's input tables (page-inputs.go), so that a field added to a
// table is kept without more code here. Two fields are kept as JSON booleans, as the first
// stored drafts kept them (see savedAsFlag): a layer's payout as "claim" and its "reinvest".
// What only the page shows (folds open, the APR after the fee as typed) is not stored.

// Keys of the stored draft that are not fields of the input tables.
const (
	savedLinkKey      = "link"
	savedGasPriceKey  = "gas_price_gwei"
	savedScenariosKey = "scenarios"
	savedLayersKey    = "layers"
	savedLoopKey      = "loop"
	savedRewardKey    = "reward"
)

// savedFlag is how saved work keeps a field of two values: a JSON boolean under key, true for
// the text yes and false for no.
type savedFlag struct{ key, yes, no string }

// savedKey returns the key under which saved work keeps the field of in.
func savedKey[D any](in pageInput[D]) string {
	if in.saved.key != "" {
		return in.saved.key
	}
	return in.name()
}

// saveInputs writes the field of every row of rows in d into o, and returns o.
func saveInputs[D any](o map[string]any, rows []pageInput[D], d *D) map[string]any {
	for _, in := range rows {
		text := in.get(d)
		if in.saved.key != "" {
			o[in.saved.key] = text == in.saved.yes
		} else {
			o[in.name()] = text
		}
	}
	return o
}

// encodeSavedDraft returns the stored form of d, with the share link in the address bar.
func encodeSavedDraft(d draftSet, link string) []byte {
	s := saveInputs(map[string]any{savedGasPriceKey: d.gasPriceGwei}, setInputs, &d)
	if link != "" {
		s[savedLinkKey] = link
	}
	stacks := make([]map[string]any, len(d.scenarios))
	for i := range d.scenarios {
		sc := &d.scenarios[i]
		layers := make([]map[string]any, len(sc.layers))
		for j := range sc.layers {
			l := &sc.layers[j]
			layers[j] = saveInputs(map[string]any{}, layerInputs, l)
			if l.reward.on {
				layers[j][savedRewardKey] = saveInputs(map[string]any{}, rewardInputs, l)
			}
		}
		stacks[i] = saveInputs(map[string]any{savedLayersKey: layers}, scenarioInputs, sc)
		if sc.loop.on {
			stacks[i][savedLoopKey] = saveInputs(map[string]any{}, loopInputs, sc)
		}
	}
	s[savedScenariosKey] = stacks
	data, err := json.Marshal(s)
	if err != nil {
		// Only strings, booleans, and objects and arrays of them go in: this cannot fail.
		panic(err)
	}
	return data
}

// savedObject is one object of a stored draft as read, by key: each part of the draft takes its
// keys out, and a key left over belongs to no draft.
type savedObject map[string]json.RawMessage

// savedReader reads the objects of a stored draft, and keeps the first thing wrong with them.
type savedReader struct{ err error }

// take reads the value under key in o into v and takes the key out of o. A key left out, or
// null, leaves v as it was.
func (r *savedReader) take(o savedObject, key string, v any) {
	raw, found := o[key]
	delete(o, key)
	if !found || r.err != nil {
		return
	}
	if err := json.Unmarshal(raw, v); err != nil {
		r.err = fmt.Errorf("%q: %v", key, err)
	}
}

// object reads raw as an object; nil for null.
func (r *savedReader) object(raw json.RawMessage) savedObject {
	var o savedObject
	if r.err == nil {
		if err := json.Unmarshal(raw, &o); err != nil {
			r.err = err
		}
	}
	return o
}

// takeObject reads the object under key in o, and takes the key out; nil when there is none.
func (r *savedReader) takeObject(o savedObject, key string) savedObject {
	var raw json.RawMessage
	r.take(o, key, &raw)
	if raw == nil {
		return nil
	}
	return r.object(raw)
}

// finish refuses a key of o that no part of the draft took: another version's field.
func (r *savedReader) finish(o savedObject) {
	if r.err != nil || len(o) == 0 {
		return
	}
	keys := make([]string, 0, len(o))
	for key := range o {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	r.err = fmt.Errorf("unknown field %q", keys[0])
}

// restoreInputs sets the field of every row of rows in d from o, and takes its key out of o. A
// field o leaves out is empty, or false.
func restoreInputs[D any](r *savedReader, rows []pageInput[D], d *D, o savedObject) {
	for _, in := range rows {
		if in.saved.key != "" {
			var on bool
			r.take(o, in.saved.key, &on)
			if on {
				in.set(d, in.saved.yes)
			} else {
				in.set(d, in.saved.no)
			}
			continue
		}
		var text string
		r.take(o, in.name(), &text)
		in.set(d, text)
	}
}

// decodeSavedDraft reads what encodeSavedDraft wrote. Storage is the user's to change: anything
// that is not such a draft, that holds a key no draft has, or that holds more scenarios or
// layers than the page shows, is an error rather than a draft the editors cannot show.
func decodeSavedDraft(data []byte) (d draftSet, link string, err error) {
	var r savedReader
	var s savedObject
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&s); err != nil {
		return draftSet{}, "", fmt.Errorf("they are not a saved draft (%v)", err)
	}
	var stacks []json.RawMessage
	r.take(s, savedLinkKey, &link)
	r.take(s, savedGasPriceKey, &d.gasPriceGwei)
	r.take(s, savedScenariosKey, &stacks)
	restoreInputs(&r, setInputs, &d, s)
	r.finish(s)
	if r.err != nil {
		return draftSet{}, "", fmt.Errorf("they are not a saved draft (%v)", r.err)
	}
	if n := len(stacks); n < 1 || n > calc.MaxScenarios {
		return draftSet{}, "", fmt.Errorf("they hold %d scenarios, not 1 to %d", n, calc.MaxScenarios)
	}
	d.scenarios = make([]draftScenario, len(stacks))
	for i, raw := range stacks {
		st := r.object(raw)
		sc := &d.scenarios[i]
		var layers []json.RawMessage
		r.take(st, savedLayersKey, &layers)
		if loop := r.takeObject(st, savedLoopKey); loop != nil {
			restoreInputs(&r, loopInputs, sc, loop)
			r.finish(loop)
			sc.loop.on = true
		}
		restoreInputs(&r, scenarioInputs, sc, st)
		r.finish(st)
		if r.err != nil {
			return draftSet{}, "", fmt.Errorf("they are not a saved draft (scenario %d: %v)", i+1, r.err)
		}
		if n := len(layers); n < 1 || n > calc.MaxLayers {
			return draftSet{}, "", fmt.Errorf("scenario %d holds %d layers, not 1 to %d", i+1, n, calc.MaxLayers)
		}
		sc.layers = make([]draftLayer, len(layers))
		for j, raw := range layers {
			o := r.object(raw)
			l := &sc.layers[j]
			if reward := r.takeObject(o, savedRewardKey); reward != nil {
				restoreInputs(&r, rewardInputs, l, reward)
				r.finish(reward)
				l.reward.on = true
			}
			restoreInputs(&r, layerInputs, l, o)
			r.finish(o)
			if r.err != nil {
				return draftSet{}, "", fmt.Errorf("they are not a saved draft (scenario %d, layer %d: %v)", i+1, j+1, r.err)
			}
		}
	}
	return d, link, nil
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
		// The address holds what it holds: without a link, nothing yet, and the restored work's
		// link is written into it as any change's is.
		p.link = fragment
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
	p.before = validInput{}
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
				Aria("label", "Scenarios saved from your last visit").Body(
				app.P().Text("Your scenarios from your last visit are saved in this browser. This link's scenarios are shown."),
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
