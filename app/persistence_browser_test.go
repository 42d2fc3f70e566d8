//go:build !wasm

package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"restakecalc/calc"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Work kept across visits, share links copied, scenario files opened and every download, in a
// real browser over the site that ships.

// storedDraft returns what the page keeps in local storage, "" when nothing.
func storedDraft(ctx context.Context) (string, error) {
	var text string
	err := chromedp.Run(ctx, chromedp.Evaluate(
		fmt.Sprintf(`localStorage.getItem(%q) || ""`, draftStorageKey), &text))
	return text, err
}

// waitStored waits until the stored draft holds want (a JSON fragment such as `"amount":"100"`).
func waitStored(t testing.TB, ctx context.Context, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		text, err := storedDraft(ctx)
		if err != nil {
			t.Fatalf("reading local storage: %v", err)
		}
		if strings.Contains(text, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("local storage holds %q, want it to hold %s", text, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// reopen loads url afresh (not a fragment change within the page) and waits until the page is live.
func reopen(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Run(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	waitLive(t, ctx)
}

func waitLive(t testing.TB, ctx context.Context) {
	t.Helper()
	if err := waitWasm(ctx); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx, chromedp.WaitVisible(`.calc[data-live="true"]`, chromedp.ByQuery)); err != nil {
		t.Fatalf("the page did not go live: %v", err)
	}
}

func inputValue(t testing.TB, ctx context.Context, id string) string {
	t.Helper()
	var v string
	if err := chromedp.Run(ctx, chromedp.Value("#"+id, &v, chromedp.ByQuery)); err != nil {
		t.Fatalf("reading #%s: %v", id, err)
	}
	return v
}

func pageURL(t testing.TB, ctx context.Context) string {
	t.Helper()
	var u string
	if err := chromedp.Run(ctx, chromedp.Location(&u)); err != nil {
		t.Fatal(err)
	}
	return u
}

// siteBase returns the page's address without query and fragment.
func siteBase(t testing.TB, ctx context.Context) string {
	u := pageURL(t, ctx)
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return u
}

func TestBrowserPersistReloadRestoresTheDraft(t *testing.T) {
	ctx, d, _ := openPageWithAmount(t, "100")
	// Text the engine refuses is kept too: it is the user's, not yet a figure. The figures stay
	// those from before the edit began, not those of "1.7", half-typed on the way.
	if err := typeInto(ctx, "s2-l1-apr", "1.7x"); err != nil {
		t.Fatal(err)
	}
	want := expectFigures(t, d)
	waitStored(t, ctx, `"apr":"1.7x"`)

	if err := chromedp.Run(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	if got := inputValue(t, ctx, "amount"); got != "100" {
		t.Errorf("amount after a reload = %q, want %q", got, "100")
	}
	if got := inputValue(t, ctx, "s2-l1-apr"); got != "1.7x" {
		t.Errorf("Aave APR after a reload = %q, want the typed %q", got, "1.7x")
	}
	// The figures are the last input that worked, marked stale.
	waitFigures(t, ctx, "after a reload", want)
	var stale string
	if err := chromedp.Run(ctx, chromedp.AttributeValue("#results", "data-stale", &stale, nil, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	if stale != "true" {
		t.Errorf("results after a reload with a refused APR: data-stale = %q, want true", stale)
	}

	// Without a link in the address, the stored draft comes back too.
	reopen(t, ctx, siteBase(t, ctx))
	if got := inputValue(t, ctx, "s2-l1-apr"); got != "1.7x" {
		t.Errorf("Aave APR on a new visit = %q, want the typed %q", got, "1.7x")
	}
	if got := inputValue(t, ctx, "amount"); got != "100" {
		t.Errorf("amount on a new visit = %q, want %q", got, "100")
	}
}

// plainFileLink returns the #s= link of a scenario file, as someone might build it by hand.
func plainFileLink(doc string) string {
	return "#" + calc.LinkPlain + base64.RawURLEncoding.EncodeToString([]byte(doc))
}

const linkedSetJSON = `{"version":1,"title":"From a link","amount":"5","days":730,"scenarios":[
 {"name":"Lido only","layers":[{"name":"Lido","apr":"3.1","fee":"10"}]},
 {"name":"Lido and EigenLayer","layers":[{"name":"Lido","apr":"3.1","fee":"10"},{"name":"EigenLayer","apr":"2","risk_probability":"1","risk_loss":"20"}]}]}`

func TestBrowserPersistLinkWinsAndOffersTheStoredDraft(t *testing.T) {
	ctx, stored, _ := openPageWithAmount(t, "100")
	waitStored(t, ctx, `"amount":"100"`)

	reopen(t, ctx, siteBase(t, ctx)+plainFileLink(linkedSetJSON))
	set, err := calc.Parse([]byte(linkedSetJSON))
	if err != nil {
		t.Fatal(err)
	}
	waitFigures(t, ctx, "the link's scenarios", expectFigures(t, draftFromSet(set)))
	if err := chromedp.Run(ctx, chromedp.WaitVisible("#saved-offer", chromedp.ByQuery)); err != nil {
		t.Fatalf("no offer to restore the stored scenarios: %v", err)
	}
	var offer string
	chromedp.Run(ctx, chromedp.Text("#saved-offer", &offer, chromedp.ByQuery))
	if !strings.Contains(offer, "scenarios from your last visit are saved") || strings.Contains(offer, "unsaved") {
		t.Errorf("the offer says %q, want it to say the scenarios from the last visit are saved, not \"unsaved\"", offer)
	}
	// The offer stands: the link's scenarios are not written over the stored ones meanwhile.
	time.Sleep(saveDelay + 300*time.Millisecond)
	waitStored(t, ctx, `"amount":"100"`)

	if err := chromedp.Run(ctx, chromedp.Click("#restore-saved", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	waitFigures(t, ctx, "restored", expectFigures(t, stored))
	if got := inputValue(t, ctx, "amount"); got != "100" {
		t.Errorf("amount after Restore = %q, want %q", got, "100")
	}
	var offers int
	chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll("#saved-offer").length`, &offers))
	if offers != 0 {
		t.Errorf("the offer is still shown after Restore")
	}
}

// storedAside returns every draft kept aside in local storage, by key.
func storedAside(ctx context.Context) (map[string]string, error) {
	var aside map[string]string
	err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`(() => {
		const out = {};
		for (let i = 0; i < localStorage.length; i++) {
			const k = localStorage.key(i);
			if (k.startsWith(%q)) out[k] = localStorage.getItem(k);
		}
		return out;
	})()`, unreadableDraftKeyPrefix), &aside))
	return aside, err
}

// A stored draft that cannot be read is kept aside under a key of its own, the page says so
// and where, and the next edit is saved without writing over it.
func TestBrowserPersistDamagedStorageOpensTheExamples(t *testing.T) {
	ctx := openPage(t, "")
	const damaged = `{"amount":"100","scenarios":[{"name":"from a later version","layers":[{"name":"L","apr":"3","boost":"2"}]}]}`
	if err := chromedp.Run(ctx, chromedp.Evaluate(
		fmt.Sprintf(`localStorage.setItem(%q, %q)`, draftStorageKey, damaged), nil)); err != nil {
		t.Fatal(err)
	}
	reopen(t, ctx, siteBase(t, ctx))
	var notice string
	if err := chromedp.Run(ctx,
		chromedp.WaitVisible("#storage-problem", chromedp.ByQuery),
		chromedp.Text("#storage-problem", &notice, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("no notice about the damaged storage: %v", err)
	}
	d := draftFromSet(defaultSet())
	waitFigures(t, ctx, "damaged storage", expectFigures(t, d))
	aside, err := storedAside(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(aside) != 1 {
		t.Fatalf("drafts kept aside = %q, want the damaged one", aside)
	}
	for key, text := range aside {
		if text != damaged {
			t.Errorf("kept aside under %s: %q, want the damaged draft %q", key, text, damaged)
		}
		for _, want := range []string{"could not be read", "kept aside", key} {
			if !strings.Contains(notice, want) {
				t.Errorf("notice = %q, want it to say %q", notice, want)
			}
		}
	}

	// The next edit is saved; the damaged draft stays where it was put, and so does the notice.
	if err := typeInto(ctx, "amount", "42"); err != nil {
		t.Fatal(err)
	}
	d.amount = "42"
	waitFigures(t, ctx, "amount 42", expectFigures(t, d))
	waitStored(t, ctx, `"amount":"42"`)
	if again, _ := storedAside(ctx); len(again) != 1 || fmt.Sprint(again) != fmt.Sprint(aside) {
		t.Errorf("after an edit the drafts kept aside are %q, want %q", again, aside)
	}
	var after string
	chromedp.Run(ctx, chromedp.Text("#storage-problem", &after, chromedp.ByQuery))
	if after != notice {
		t.Errorf("after a save the notice says %q, want it to keep saying %q", after, notice)
	}
}

// Where the browser refuses storage the page runs on an in-memory stand-in: it says once, at
// the top, that the work will not be kept, and keeps saying it after edits.
func TestBrowserPersistStorageOffSaysWorkIsNotKept(t *testing.T) {
	base, _ := serveSite(t, siteDir(t), "/")
	ctx := newBrowser(t)
	refuse := `for (const name of ["localStorage", "sessionStorage"]) {
		Object.defineProperty(window, name, {configurable: true,
			get() { throw new DOMException("storage is switched off", "SecurityError"); }});
	}`
	if err := chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(refuse).Do(ctx)
			return err
		}),
		chromedp.Navigate(base),
	); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	var notice string
	if err := chromedp.Run(ctx,
		chromedp.WaitVisible("#storage-problem", chromedp.ByQuery),
		chromedp.Text("#storage-problem", &notice, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("no notice that the work will not be kept: %v", err)
	}
	if !strings.Contains(notice, "will be gone when you close or reload") {
		t.Errorf("notice = %q, want it to say the scenarios will be gone", notice)
	}
	d := draftFromSet(defaultSet())
	for _, amount := range []string{"100", "7"} {
		if err := typeInto(ctx, "amount", amount); err != nil {
			t.Fatal(err)
		}
		d.amount = amount
		waitFigures(t, ctx, "amount "+amount, expectFigures(t, d))
	}
	time.Sleep(saveDelay + 300*time.Millisecond)
	var notices []string
	chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll("#storage-problem, .notice")].map(n => n.textContent)`, &notices))
	if len(notices) != 1 || notices[0] != notice {
		t.Errorf("after edits the notices are %q, want the one %q once", notices, notice)
	}
}

// brokenStorages break the browser's local storage before the page runs. (Storage switched off
// outright, where merely reading window.localStorage throws, is TestBrowserPersistStorageOffSaysWorkIsNotKept.)
var brokenStorages = []struct {
	name   string
	script string
	want   string // in the notice
}{
	// Storage full: the browser's own storage, reading works, every write throws.
	{"full", `Storage.prototype.setItem = function () {
		throw new DOMException("quota exceeded", "QuotaExceededError");
	};`, "could not be saved"},
}

func TestBrowserPersistBrokenStorageNeverCrashes(t *testing.T) {
	dir := siteDir(t)
	for _, tt := range brokenStorages {
		t.Run(tt.name, func(t *testing.T) {
			base, _ := serveSite(t, dir, "/")
			ctx := newBrowser(t)
			if err := chromedp.Run(ctx,
				chromedp.ActionFunc(func(ctx context.Context) error {
					_, err := page.AddScriptToEvaluateOnNewDocument(tt.script).Do(ctx)
					return err
				}),
				chromedp.Navigate(base),
			); err != nil {
				t.Fatal(err)
			}
			waitLive(t, ctx)
			d := draftFromSet(defaultSet())
			waitFigures(t, ctx, "examples", expectFigures(t, d))
			if err := typeInto(ctx, "amount", "100"); err != nil {
				t.Fatal(err)
			}
			d.amount = "100"
			waitFigures(t, ctx, "amount 100", expectFigures(t, d))
			var notice string
			if err := chromedp.Run(ctx,
				chromedp.WaitVisible("#storage-problem", chromedp.ByQuery),
				chromedp.Text("#storage-problem", &notice, chromedp.ByQuery),
			); err != nil {
				t.Fatalf("no notice that the work is not kept: %v", err)
			}
			if !strings.Contains(notice, tt.want) {
				t.Errorf("notice = %q, want it to say %q", notice, tt.want)
			}
		})
	}
}

func TestBrowserPersistWidgetLeavesStorageAlone(t *testing.T) {
	ctx := openPage(t, "")
	if err := typeInto(ctx, "amount", "100"); err != nil {
		t.Fatal(err)
	}
	waitStored(t, ctx, `"amount":"100"`)
	before, _ := storedDraft(ctx)

	reopen(t, ctx, siteBase(t, ctx)+"?embed=1")
	// The widget shows the examples, not the full calculator's stored work.
	waitFigures(t, ctx, "widget", expectFigures(t, draftFromSet(defaultSet())))
	if err := typeInto(ctx, "amount", "7"); err != nil {
		t.Fatal(err)
	}
	d := draftFromSet(defaultSet())
	d.amount = "7"
	waitFigures(t, ctx, "widget amount 7", expectFigures(t, d))
	time.Sleep(saveDelay + 300*time.Millisecond)
	if after, _ := storedDraft(ctx); after != before {
		t.Errorf("the widget changed the stored draft to %q", after)
	}
}

// Two tabs edit at once: a tab notices the other's save, keeps its own work on screen without
// writing over the other's, and offers to load it or keep its own; keeping its own tells the
// other tab in turn.
func TestBrowserPersistTwoTabsNeverOverwriteEachOther(t *testing.T) {
	first := openPage(t, "")
	d := draftFromSet(defaultSet())
	if err := typeInto(first, "amount", "100"); err != nil {
		t.Fatal(err)
	}
	waitStored(t, first, `"amount":"100"`)

	// A second tab of the same browser opens the stored work.
	second, cancel := chromedp.NewContext(first)
	defer cancel()
	if err := chromedp.Run(second, chromedp.Navigate(siteBase(t, first))); err != nil {
		t.Fatal(err)
	}
	waitLive(t, second)
	if got := inputValue(t, second, "amount"); got != "100" {
		t.Fatalf("amount in the second tab = %q, want the stored %q", got, "100")
	}
	if err := typeInto(second, "amount", "200"); err != nil {
		t.Fatal(err)
	}
	waitStored(t, second, `"amount":"200"`)

	// The first tab hears of it and asks; its own edits meanwhile are not saved over the other's.
	if err := chromedp.Run(first, chromedp.WaitVisible("#saved-offer", chromedp.ByQuery)); err != nil {
		t.Fatalf("the first tab does not notice the second tab's save: %v", err)
	}
	var offer string
	chromedp.Run(first, chromedp.Text("#saved-offer", &offer, chromedp.ByQuery))
	if !strings.Contains(offer, "another tab") {
		t.Errorf("the offer says %q, want it to name the other tab", offer)
	}
	if err := typeInto(first, "amount", "300"); err != nil {
		t.Fatal(err)
	}
	d.amount = "300"
	waitFigures(t, first, "amount 300 in the first tab", expectFigures(t, d))
	time.Sleep(saveDelay + 300*time.Millisecond)
	waitStored(t, first, `"amount":"200"`)

	// Keep this tab's: it is saved, and the second tab is asked in turn.
	if err := chromedp.Run(first, chromedp.Click("#dismiss-saved", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	waitStored(t, first, `"amount":"300"`)
	if err := chromedp.Run(second, chromedp.WaitVisible("#saved-offer", chromedp.ByQuery)); err != nil {
		t.Fatalf("the second tab does not notice the first tab's save: %v", err)
	}
	if got := inputValue(t, second, "amount"); got != "200" {
		t.Errorf("amount in the second tab before it chooses = %q, want its own %q", got, "200")
	}
	// Load the other tab's: the second tab shows the first tab's work, and the stored work stays it.
	if err := chromedp.Run(second, chromedp.Click("#restore-saved", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	waitFigures(t, second, "the first tab's work loaded in the second", expectFigures(t, d))
	if got := inputValue(t, second, "amount"); got != "300" {
		t.Errorf("amount in the second tab after loading = %q, want %q", got, "300")
	}
	time.Sleep(saveDelay + 300*time.Millisecond)
	waitStored(t, second, `"amount":"300"`)
	var offers int
	for _, tab := range []context.Context{first, second} {
		chromedp.Run(tab, chromedp.Evaluate(`document.querySelectorAll("#saved-offer").length`, &offers))
		if offers != 0 {
			t.Errorf("an offer is still shown once both tabs hold the same work")
		}
	}
}

func TestBrowserShareCopyLinkOpensTheSameFigures(t *testing.T) {
	ctx := openPage(t, "")
	origin := strings.TrimSuffix(siteBase(t, ctx), "/")
	// With the clipboard granted, the copy lands there; should the browser still refuse, the
	// link is read from the field the page then shows it in.
	chromedp.Run(ctx, browser.GrantPermissions([]browser.PermissionType{
		browser.PermissionTypeClipboardReadWrite, browser.PermissionTypeClipboardSanitizedWrite,
	}).WithOrigin(origin))
	var historyBefore int
	if err := chromedp.Run(ctx, chromedp.Evaluate(`history.length`, &historyBefore)); err != nil {
		t.Fatal(err)
	}
	d := draftFromSet(defaultSet())
	for _, amount := range []string{"4", "42"} {
		if err := typeInto(ctx, "amount", amount); err != nil {
			t.Fatal(err)
		}
		d.amount = amount
		waitFigures(t, ctx, "amount "+amount, expectFigures(t, d))
		if err := chromedp.Run(ctx, chromedp.Poll(`location.hash.startsWith("#z=")`, nil,
			chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
			t.Fatalf("no #z= link in the address: %v", err)
		}
	}
	// The link replaces the history entry: Back leaves the page rather than undoing keystrokes.
	var historyAfter int
	chromedp.Run(ctx, chromedp.Evaluate(`history.length`, &historyAfter))
	if historyAfter != historyBefore {
		t.Errorf("history.length = %d after edits, want %d: the link must be written with replaceState", historyAfter, historyBefore)
	}

	if err := chromedp.Run(ctx, chromedp.Click("#copy-link", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	var status string
	if err := chromedp.Run(ctx, chromedp.Poll(`document.getElementById("copy-link-status").textContent`, &status,
		chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		t.Fatalf("no status after copying: %v", err)
	}
	var link string
	if status == "Copied." {
		if err := chromedp.Run(ctx, chromedp.Evaluate(`navigator.clipboard.readText()`, &link,
			func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) })); err != nil {
			t.Fatalf("reading the clipboard: %v", err)
		}
	} else {
		link = inputValue(t, ctx, "share-url")
	}
	if !strings.HasPrefix(link, siteBase(t, ctx)) || !strings.Contains(link, "#z=") {
		t.Fatalf("copied link = %q, want the page's address with a #z= link", link)
	}
	// Once the typing rests, the address bar holds the same link.
	if err := chromedp.Run(ctx, chromedp.Poll(fmt.Sprintf(`location.href === %q`, link), nil,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("copied link = %q, the address bar holds %q", link, pageURL(t, ctx))
	}

	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	if err := chromedp.Run(tab, chromedp.Navigate(link)); err != nil {
		t.Fatal(err)
	}
	waitLive(t, tab)
	waitFigures(t, tab, "the copied link in a new tab", expectFigures(t, d))
}

func writeTemp(t testing.TB, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const badImportJSON = `{"version":1,"amount":"-1","days":0,"scenarios":[{"name":"","layers":[{"name":"Lido","apr":"abc"}]}]}`

func TestBrowserImportShowsEveryProblemAndKeepsTheWork(t *testing.T) {
	ctx, _, mine := openPageWithAmount(t, "100")

	if err := chromedp.Run(ctx, chromedp.SetUploadFiles("#import-file",
		[]string{writeTemp(t, "bad.json", badImportJSON)}, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx, chromedp.WaitVisible("#import-problems", chromedp.ByQuery)); err != nil {
		t.Fatalf("no problems listed for a bad file: %v", err)
	}
	var listed []string
	chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll("#import-problems li")].map(li => li.textContent)`, &listed))
	_, err := calc.Parse([]byte(badImportJSON))
	var want []string
	for _, fe := range calc.FieldErrors(err) {
		want = append(want, fe.Error())
	}
	if len(want) < 3 || strings.Join(listed, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems listed = %q, want the engine's %q", listed, want)
	}
	waitFigures(t, ctx, "after a bad file", mine)
	if got := inputValue(t, ctx, "amount"); got != "100" {
		t.Errorf("amount after a bad file = %q, want %q", got, "100")
	}

	if err := chromedp.Run(ctx, chromedp.SetUploadFiles("#import-file",
		[]string{writeTemp(t, "good.json", linkedSetJSON)}, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	set, _ := calc.Parse([]byte(linkedSetJSON))
	waitFigures(t, ctx, "the opened file", expectFigures(t, draftFromSet(set)))
	var problems int
	chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll("#import-problems").length`, &problems))
	if problems != 0 {
		t.Errorf("the bad file's problems are still listed after a good file")
	}

	// Pressed as a keyboard user does: the value chart takes the opened file a frame after the
	// figures, and a mouse click aimed before its panel grew would land beside the button.
	if err := chromedp.Run(ctx, chromedp.WaitVisible("#undo-import", chromedp.ByQuery),
		chromedp.Focus("#undo-import", chromedp.ByQuery), chromedp.KeyEvent("\r")); err != nil {
		t.Fatalf("no Undo import: %v", err)
	}
	waitFigures(t, ctx, "undone", mine)
}

// waitDownload waits until dir holds the finished file name and returns its bytes.
func waitDownload(t testing.TB, dir, name string) []byte {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err == nil && len(data) > 0 {
			if _, err := os.Stat(filepath.Join(dir, name+".crdownload")); os.IsNotExist(err) {
				return data
			}
		}
		if time.Now().After(deadline) {
			entries, _ := os.ReadDir(dir)
			t.Fatalf("no download %s in %s (it holds %v)", name, dir, entries)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestBrowserExportFilesAreWhatEvalReads(t *testing.T) {
	ctx := openPage(t, "?theme=light")
	dir := t.TempDir()
	if err := chromedp.Run(ctx, browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).
		WithDownloadPath(dir)); err != nil {
		t.Fatal(err)
	}
	d := draftFromSet(defaultSet())
	if err := typeInto(ctx, "amount", "12.5"); err != nil {
		t.Fatal(err)
	}
	d.amount = "12.5"
	waitFigures(t, ctx, "amount 12.5", expectFigures(t, d))

	if err := chromedp.Run(ctx, chromedp.Click("#export-scenarios", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	file := waitDownload(t, dir, scenarioFileName)
	set, err := calc.Parse(file)
	if err != nil {
		t.Fatalf("the downloaded scenario file does not parse: %v", err)
	}
	want, _ := calc.Parse(d.scenarioFile())
	if a, b := mustJSON(t, set), mustJSON(t, want); !bytes.Equal(a, b) {
		t.Errorf("downloaded scenario file = %s, want %s", a, b)
	}

	if err := chromedp.Run(ctx, chromedp.Click("#export-results", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	results := waitDownload(t, dir, resultsFileName)
	var stdout, stderr bytes.Buffer
	if code := runEval([]string{filepath.Join(dir, scenarioFileName)}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("runEval(the downloaded file) = %d: %s", code, stderr.String())
	}
	if !bytes.Equal(results, stdout.Bytes()) {
		t.Errorf("downloaded results differ from eval's:\n%s\nwant\n%s", results, stdout.Bytes())
	}

	if err := chromedp.Run(ctx, chromedp.Click("#export-csv", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	table := waitDownload(t, dir, seriesFileName)
	if !bytes.HasPrefix(table, []byte("\uFEFF")) {
		t.Errorf("the CSV has no byte order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(table, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv cannot read the downloaded CSV: %v", err)
	}
	r, err := calc.Evaluate(want, calc.Options{Series: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != want.Days+1 {
		t.Fatalf("the CSV has %d rows, want a header and %d days", len(rows), want.Days)
	}
	columns := 2
	if want.Price.Sign() > 0 {
		columns = 4
	}
	last := rows[len(rows)-1]
	if last[0] != fmt.Sprint(want.Days) {
		t.Errorf("the last row is day %s, want %d", last[0], want.Days)
	}
	for i, sr := range r.Scenarios {
		if got := rows[0][1+columns*i]; got != sr.Name+" ("+want.Asset+")" {
			t.Errorf("header of scenario %d = %q, want %q", i, got, sr.Name+" ("+want.Asset+")")
		}
		if got, w := last[1+columns*i], calc.FormatAmount(sr.Series[len(sr.Series)-1].Value); got != w {
			t.Errorf("last day of scenario %d = %s, want %s", i, got, w)
		}
	}
	if !bytes.Equal(table, calc.SeriesCSV(want, r)) {
		t.Errorf("the downloaded CSV differs from calc.SeriesCSV of the same scenarios")
	}
}

func mustJSON(t testing.TB, s calc.Set) []byte {
	t.Helper()
	b, err := s.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBrowserPersistUpdateNoticeReloadsIntoTheNewBuild publishes a new build over a site a page
// has open: the page says quietly that an update is there, and its Reload runs the new build
// with the user's work still on screen.
func TestBrowserPersistUpdateNoticeReloadsIntoTheNewBuild(t *testing.T) {
	dir := siteDir(t)
	site := copySite(t, dir)
	base, _ := serveSite(t, site, "/")
	ctx := newBrowser(t)
	if err := chromedp.Run(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	if err := waitOffline(ctx); err != nil {
		t.Fatalf("the service worker never took over: %v", err)
	}
	d := draftFromSet(defaultSet())
	if err := typeInto(ctx, "amount", "100"); err != nil {
		t.Fatal(err)
	}
	d.amount = "100"
	waitFigures(t, ctx, "amount 100", expectFigures(t, d))
	waitStored(t, ctx, `"amount":"100"`)
	var shown int
	chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll("#update-available").length`, &shown))
	if shown != 0 {
		t.Errorf("the update notice shows before there is an update")
	}

	m := regexp.MustCompile(`const cacheName = "app-" \+ "([^"]+)";`).FindSubmatch(
		[]byte(readFile(t, filepath.Join(site, "app-worker.js"))))
	if m == nil {
		t.Fatalf("app-worker.js names no cache")
	}
	oldVersion := string(m[1])
	newVersion := oldVersion + "-next"
	for _, f := range []string{"app-worker.js", "app.js"} {
		name := filepath.Join(site, f)
		data := strings.ReplaceAll(readFile(t, name), oldVersion, newVersion)
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Remove(name + ".br")
		os.Remove(name + ".gz")
	}
	// The browser looks for a new worker when a page of the site loads.
	if err := chromedp.Run(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	if err := chromedp.Run(ctx, chromedp.WaitVisible("#update-available", chromedp.ByQuery)); err != nil {
		t.Fatalf("no update notice after a new build: %v", err)
	}
	var version string
	chromedp.Run(ctx, chromedp.Evaluate(`goappGetenv("`+buildVersionEnv+`")`, &version))
	if version != oldVersion {
		t.Errorf("before the reload the page runs %q, want the old build's %q", version, oldVersion)
	}
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.beforeReload = true`, nil),
		chromedp.Click("#update-reload", chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for version != newVersion {
		// The page goes away under the question while it reloads: ask again.
		version = ""
		chromedp.Run(ctx, chromedp.Evaluate(
			`!window.beforeReload && typeof goappGetenv === "function" ? goappGetenv("`+buildVersionEnv+`") : ""`, &version))
		if time.Now().After(deadline) {
			t.Fatalf("after Reload the page runs %q, want the new build %q", version, newVersion)
		}
		time.Sleep(100 * time.Millisecond)
	}
	waitLive(t, ctx)
	chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll("#update-available").length`, &shown))
	if shown != 0 {
		t.Errorf("the update notice still shows in the new build")
	}
	waitFigures(t, ctx, "the work after the update", expectFigures(t, d))
}
