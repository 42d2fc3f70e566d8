//go:build !wasm

package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"restakecalc/app/site"
	"restakecalc/calc"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The widget (?embed=1) in a real browser, over the static site that ships, the way a host
// uses it: in an iframe of a page from another origin.

// embedTestSet is what the host embeds: two scenarios of the examples, on an amount and horizon
// of their own, so that figures shown are the link's and not the examples'.
func embedTestSet() calc.Set {
	s := defaultSet()
	s.Title = "Staking against restaking"
	s.Amount = mustDecimal("12.5")
	s.Days = 730
	s.Scenarios = s.Scenarios[:2]
	return s
}

// plainLink returns the #s= link (without '#') of s: base64url of its scenario file, as a host
// may write by hand.
func plainLink(t testing.TB, s calc.Set) string {
	t.Helper()
	data, err := s.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON = %v", err)
	}
	return calc.LinkPlain + base64.RawURLEncoding.EncodeToString(data)
}

// openWidget opens the widget at u in ctx and waits until the program runs it.
func openWidget(t testing.TB, ctx context.Context, u string) {
	t.Helper()
	if err := chromedp.Run(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatalf("opening %s: %v", u, err)
	}
	if err := waitWasm(ctx); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx, chromedp.WaitVisible(`.calc.embed[data-live="true"]`, chromedp.ByQuery)); err != nil {
		t.Fatalf("%s shows no live widget (.calc.embed): %v", u, err)
	}
}

// hostPage is a page of another site that embeds the widget at src at widthPx, records every
// message its iframe sends in window.__messages and sizes the iframe to the reported heights,
// as the README's listener does.
func hostPage(src string, widthPx int) string {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A host</title>
<style>body { margin: 0; } iframe { display: block; border: 0; }</style></head>
<body>
<h1>A site that embeds the calculator</h1>
<iframe id="widget" src="` + html.EscapeString(src) + `" title="Restaking calculator" style="width:` +
		fmt.Sprint(widthPx) + `px;height:300px"></iframe>
<script>
window.__messages = [];
const frame = document.getElementById("widget");
addEventListener("message", (e) => {
  if (e.source !== frame.contentWindow) return;
  window.__messages.push({origin: e.origin, data: JSON.stringify(e.data)});
  if (e.data && e.data.type === "restake-calc:height") frame.style.height = e.data.height + "px";
});
</script>
</body></html>`
}

// serveHost serves page at / from another port than the site's: another origin.
func serveHost(t testing.TB, page string) string {
	t.Helper()
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	t.Cleanup(host.Close)
	return host.URL + "/"
}

// hostMessage is one message the host page received from its iframe.
type hostMessage struct {
	Origin string `json:"origin"`
	Data   string `json:"data"` // JSON
}

func hostMessages(ctx context.Context) ([]hostMessage, error) {
	var ms []hostMessage
	err := chromedp.Run(ctx, chromedp.Evaluate(`window.__messages`, &ms))
	return ms, err
}

// heightOf returns the height a message reports, or an error when the message is anything but
// exactly {"type": "restake-calc:height", "height": N} with N a whole number of pixels.
func heightOf(m hostMessage) (int, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(m.Data), &fields); err != nil {
		return 0, fmt.Errorf("message %s is not an object: %v", m.Data, err)
	}
	var typ string
	var height int
	if len(fields) != 2 || json.Unmarshal(fields["type"], &typ) != nil || typ != heightMessageType ||
		json.Unmarshal(fields["height"], &height) != nil || height <= 0 {
		return 0, fmt.Errorf("message %s, want only {\"type\": %q, \"height\": N > 0}", m.Data, heightMessageType)
	}
	return height, nil
}

// frameEval evaluates expr in the host page's iframe through the DevTools protocol, which the
// same-origin policy does not stop, and stores its JSON value into out.
func frameEval(ctx context.Context, expr string, out any) error {
	return chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		tree, err := page.GetFrameTree().Do(ctx)
		if err != nil {
			return err
		}
		if len(tree.ChildFrames) == 0 {
			return errors.New("the host page has no iframe")
		}
		world, err := page.CreateIsolatedWorld(tree.ChildFrames[0].Frame.ID).WithWorldName("embed-test").Do(ctx)
		if err != nil {
			return err
		}
		res, exc, err := runtime.Evaluate(expr).WithContextID(world).WithReturnByValue(true).Do(ctx)
		if err != nil {
			return err
		}
		if exc != nil {
			return fmt.Errorf("in the iframe: %s", exc.Text)
		}
		return json.Unmarshal(res.Value, out)
	}))
}

// figuresJS returns a script that reads every data-value hook of the document doc (a JavaScript
// expression; null reads nothing) by "scenario/field".
func figuresJS(doc string) string {
	return `((doc) => {
	const out = {};
	for (const el of doc ? doc.querySelectorAll("[data-scenario][data-field]") : []) {
		out[el.dataset.scenario + "/" + el.dataset.field] = el.dataset.value;
	}
	return out;
})(` + doc + `)`
}

// waitFrameFigures waits until the host's iframe shows exactly the figures of want.
func waitFrameFigures(t testing.TB, ctx context.Context, want [][2]string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var got map[string]string
		err := frameEval(ctx, figuresJS("document"), &got)
		diff := ""
		if err != nil {
			diff = err.Error()
		} else {
			for _, w := range want {
				if got[w[0]] != w[1] {
					diff = fmt.Sprintf("figure %s = %q, want %q", w[0], got[w[0]], w[1])
					break
				}
			}
		}
		if diff == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the iframe's figures: %s", diff)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitHeights waits until the host has received more than n messages, and returns the heights
// of them all, checking that each is a height message from the widget's origin.
func waitHeights(t testing.TB, ctx context.Context, n int, origin string) []int {
	t.Helper()
	err := chromedp.Run(ctx, chromedp.Poll(fmt.Sprintf(`window.__messages.length > %d`, n), nil,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second)))
	ms, merr := hostMessages(ctx)
	if err != nil || merr != nil {
		t.Fatalf("waiting for message %d from the widget: %v %v (received %v)", n+1, err, merr, ms)
	}
	var heights []int
	for _, m := range ms {
		if m.Origin != origin {
			t.Errorf("a message came from %s, want the widget's origin %s", m.Origin, origin)
		}
		h, err := heightOf(m)
		if err != nil {
			t.Fatal(err)
		}
		heights = append(heights, h)
	}
	for i := 1; i < len(heights); i++ {
		if heights[i] == heights[i-1] {
			t.Errorf("heights %v: the widget sent %d twice in a row, want a message only when it changes", heights, heights[i])
		}
	}
	return heights
}

// TestEmbedInAnotherOriginReportsItsHeight embeds the widget in a page of another origin: the
// host receives the height message, and only that, the iframe shows the figures of its #s= link
// exactly and, sized to the reported height, no scroll bar, also after its width changes; and
// the host page stays where it is.
func TestEmbedInAnotherOriginReportsItsHeight(t *testing.T) {
	base, _ := serveSite(t, siteDir(t), "/")
	set := embedTestSet()
	src := base + "?embed=1#" + plainLink(t, set)
	hostURL := serveHost(t, hostPage(src, 600))
	site, _ := url.Parse(base)
	origin := site.Scheme + "://" + site.Host
	if strings.HasPrefix(hostURL, origin+"/") {
		t.Fatalf("the host %s is on the widget's origin %s", hostURL, origin)
	}

	ctx := newBrowser(t)
	if err := chromedp.Run(ctx, chromedp.Navigate(hostURL)); err != nil {
		t.Fatal(err)
	}
	heights := waitHeights(t, ctx, 0, origin)
	waitFrameFigures(t, ctx, expectFigures(t, draftFromSet(set)))

	// Once the figures are in, the height settles; the iframe is then as tall as the widget.
	var embedded bool
	if err := frameEval(ctx, `document.querySelector(".calc.embed") !== null && document.querySelector(".calc-header, .calc-footer") === null`, &embedded); err != nil {
		t.Fatal(err)
	}
	if !embedded {
		t.Errorf("the iframe does not show the widget alone (.calc.embed without .calc-header and .calc-footer)")
	}
	fits := func(what string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			var overflow []int
			if err := frameEval(ctx, `[document.documentElement.scrollHeight - innerHeight, document.documentElement.scrollWidth - innerWidth, innerWidth]`, &overflow); err != nil {
				t.Fatal(err)
			}
			if overflow[0] <= 0 && overflow[1] <= 0 {
				return
			}
			if time.Now().After(deadline) {
				ms, _ := hostMessages(ctx)
				t.Fatalf("%s: the widget, %d px wide, overflows its iframe by %d px down and %d px across (messages %v)",
					what, overflow[2], overflow[0], overflow[1], ms)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	fits("at 600 px")

	// Narrower, the widget grows taller and says so; wider again, it shrinks back.
	ms, _ := hostMessages(ctx)
	heights = waitHeights(t, ctx, len(ms)-1, origin)
	at600 := heights[len(heights)-1]
	if err := chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("widget").style.width = "320px"`, nil)); err != nil {
		t.Fatal(err)
	}
	heights = waitHeights(t, ctx, len(heights), origin)
	fits("at 320 px")
	ms, _ = hostMessages(ctx)
	heights = waitHeights(t, ctx, len(ms)-1, origin)
	at320 := heights[len(heights)-1]
	if at320 <= at600 {
		t.Errorf("the widget reports %d px at 320 px wide and %d px at 600 px, want it taller when narrower", at320, at600)
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("widget").style.width = "600px"`, nil)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx, chromedp.Poll(fmt.Sprintf(`JSON.parse(window.__messages[window.__messages.length-1].data).height < %d`, at320), nil,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		ms, _ := hostMessages(ctx)
		t.Fatalf("back at 600 px wide, the widget did not report a smaller height than %d: %v (messages %v)", at320, err, ms)
	}
	fits("back at 600 px")
	waitHeights(t, ctx, 0, origin) // every message still a height message, none repeated

	var top string
	if err := chromedp.Run(ctx, chromedp.Location(&top)); err != nil {
		t.Fatal(err)
	}
	if top != hostURL {
		t.Errorf("the host page is at %s after embedding the widget, want it still at %s", top, hostURL)
	}
}

// TestEmbedLockedWidgetTakesOnlyAmountAndHorizon opens a locked widget: its scenarios cannot be
// edited, not even by an input event forced on a disabled field, but a new amount and horizon
// are taken and computed exactly. The link to the full calculator carries the same scenarios.
func TestEmbedLockedWidgetTakesOnlyAmountAndHorizon(t *testing.T) {
	base, _ := serveSite(t, siteDir(t), "/")
	set := embedTestSet()
	link := plainLink(t, set)
	ctx := newBrowser(t)
	openWidget(t, ctx, base+"?embed=1&lock=1#"+link)
	d := draftFromSet(set)
	waitFigures(t, ctx, "locked widget opened", expectFigures(t, d))

	var full struct {
		Href, Target, Rel string
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(`(a => ({href: a.href, target: a.target, rel: a.rel}))(document.getElementById("embed-full-link"))`, &full)); err != nil {
		t.Fatal(err)
	}
	// The page writes its own link (#z=) once built: either form must carry the same scenarios.
	address, fragment, _ := strings.Cut(full.Href, "#")
	opened, err := calc.DecodeLink(fragment)
	if err != nil {
		t.Errorf("the full calculator link's scenarios cannot be read: %v (href %s)", err, full.Href)
	}
	openedLink, _ := calc.EncodeLink(opened)
	setLink, _ := calc.EncodeLink(set)
	if address != base || openedLink != setLink || full.Target != "_blank" || !strings.Contains(full.Rel, "noopener") {
		t.Errorf("the full calculator link is %+v, want href %s#%s or the same scenarios in another link, target _blank, rel noopener", full, base, link)
	}

	// Every control of the scenarios is disabled: only the amount, the horizon and its presets
	// take input.
	var enabled []string
	if err := chromedp.Run(ctx,
		chromedp.Click(".embed-scenarios-toggle", chromedp.ByQuery),
		chromedp.WaitVisible("#s0-l0-apr", chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll(".calc input, .calc select, .calc textarea")].filter(e => !e.matches(":disabled")).map(e => e.id)`, &enabled),
	); err != nil {
		t.Fatal(err)
	}
	if strings.Join(enabled, " ") != "amount days" {
		t.Errorf("a locked widget has the inputs %q enabled, want only amount and days", enabled)
	}

	// An input event forced on the layer's APR changes nothing.
	force := `(e => { e.value = "9"; e.dispatchEvent(new Event("input", {bubbles: true})); })(document.getElementById("s0-l0-apr"))`
	if err := chromedp.Run(ctx, chromedp.Evaluate(force, nil), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	waitFigures(t, ctx, "forced layer edit", expectFigures(t, d))

	if err := typeInto(ctx, "amount", "40"); err != nil {
		t.Fatal(err)
	}
	d.amount = "40"
	waitFigures(t, ctx, "locked widget, amount 40", expectFigures(t, d))
	if err := chromedp.Run(ctx, chromedp.Click(`.embed-locked-inputs .chip[title="365 days"]`, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	d.days = "365"
	waitFigures(t, ctx, "locked widget, horizon 365", expectFigures(t, d))

	// The link to the full calculator follows: it opens what the widget shows now. (The link of
	// the scenarios as opened may come first, when the typing took longer than the link's delay.)
	want, _ := calc.Parse(d.scenarioFile())
	wantJSON, _ := want.MarshalJSON()
	var href string
	var gotJSON []byte
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if err := chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("embed-full-link").href`, &href)); err != nil {
			t.Fatal(err)
		}
		if i := strings.Index(href, "#z="); i >= 0 {
			if got, err := calc.DecodeLink(href[i+1:]); err == nil {
				gotJSON, _ = got.MarshalJSON()
			}
		}
		if string(gotJSON) == string(wantJSON) || time.Now().After(deadline) {
			break
		}
	}
	if !strings.HasPrefix(href, base+"#") || string(gotJSON) != string(wantJSON) {
		t.Errorf("the full calculator link is %s carrying %s, want %s# carrying %s", href, gotJSON, base, wantJSON)
	}
}

// TestEmbedUnlockedWidgetTakesLayerEdits checks the other side: without lock=1 the scenarios
// are the visitor's to change.
func TestEmbedUnlockedWidgetTakesLayerEdits(t *testing.T) {
	base, _ := serveSite(t, siteDir(t), "/")
	set := embedTestSet()
	ctx := newBrowser(t)
	openWidget(t, ctx, base+"?embed=1#"+plainLink(t, set))
	d := draftFromSet(set)
	waitFigures(t, ctx, "widget opened", expectFigures(t, d))
	if err := chromedp.Run(ctx, chromedp.Click(".embed-scenarios-toggle", chromedp.ByQuery),
		chromedp.WaitVisible("#s1-l1-apr", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	if err := typeInto(ctx, "s1-l1-apr", "2.5"); err != nil {
		t.Fatal(err)
	}
	l := d.scenarios[1].layers[1]
	l.aprPct = "2.5"
	d = d.withScenario(1, d.scenarios[1].withLayer(1, l))
	waitFigures(t, ctx, "EigenLayer APR 2.5", expectFigures(t, d))
}

// TestEmbedWidgetWorksOffline opens a widget once, stops the server and opens it again.
func TestEmbedWidgetWorksOffline(t *testing.T) {
	base, stop := serveSite(t, siteDir(t), "/")
	set := embedTestSet()
	u := base + "?embed=1&lock=1&theme=dark#" + plainLink(t, set)
	ctx := newBrowser(t)
	openWidget(t, ctx, u)
	want := expectFigures(t, draftFromSet(set))
	waitFigures(t, ctx, "online", want)
	if err := waitOffline(ctx); err != nil {
		t.Fatalf("the service worker never took over: %v", err)
	}
	stop()
	if err := chromedp.Run(ctx, chromedp.Reload()); err != nil {
		t.Fatalf("offline: Reload() = %v", err)
	}
	if err := waitWasm(ctx); err != nil {
		t.Fatalf("offline: %v", err)
	}
	if err := chromedp.Run(ctx, chromedp.WaitVisible(`.calc.embed.theme-dark[data-locked="true"][data-live="true"]`, chromedp.ByQuery)); err != nil {
		t.Fatalf("offline, no locked dark widget: %v", err)
	}
	waitFigures(t, ctx, "offline", want)
}

// TestEmbedDialogGivesTheSnippetForTheScenariosOnScreen opens "Embed this" on the full page:
// the focus moves into the dialog, the snippet embeds the scenarios on screen with the options
// chosen, copying works (or selects the text where the browser refuses), the preview shows the
// snippet's widget, and Escape closes the dialog with the focus back on its button.
func TestEmbedDialogGivesTheSnippetForTheScenariosOnScreen(t *testing.T) {
	base, _ := serveSite(t, siteDir(t), "/")
	ctx := newBrowser(t)
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"?theme=light")); err != nil {
		t.Fatal(err)
	}
	if err := waitWasm(ctx); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx, chromedp.WaitVisible(`.calc[data-live="true"]`, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	if err := typeInto(ctx, "amount", "12"); err != nil {
		t.Fatal(err)
	}
	d := draftFromSet(defaultSet())
	d.amount = "12"
	waitFigures(t, ctx, "amount 12", expectFigures(t, d))

	var inside bool
	if err := chromedp.Run(ctx,
		chromedp.Click("#embed-open", chromedp.ByQuery),
		chromedp.WaitVisible("#embed-snippet", chromedp.ByQuery),
		chromedp.Poll(`document.getElementById("embed-dialog").open && document.getElementById("embed-dialog").contains(document.activeElement)`, &inside,
			chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)),
	); err != nil {
		t.Fatalf("the dialog did not open with the focus in it: %v", err)
	}

	snippet := func() string {
		var s string
		if err := chromedp.Run(ctx, chromedp.Value("#embed-snippet", &s, chromedp.ByQuery)); err != nil {
			t.Fatal(err)
		}
		return s
	}
	srcRE := regexp.MustCompile(`^<iframe src="([^"]+)" title="Restaking calculator" style="width:100%;max-width:(\d+)px;height:\d+px;border:0" loading="lazy"></iframe>$`)
	// check waits for the snippet to follow the options (the page redraws after the event)
	// and checks that it embeds the scenarios on screen; it returns the snippet's src.
	check := func(what, wantQuery, wantWidth string) string {
		t.Helper()
		prefix := base + wantQuery + "#"
		var src string
		for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			s := snippet()
			m := srcRE.FindStringSubmatch(s)
			if m == nil {
				t.Fatalf("%s: the snippet is %s, want an iframe as %v", what, s, srcRE)
			}
			src = html.UnescapeString(m[1])
			if strings.HasPrefix(src, prefix) && m[2] == wantWidth {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: the snippet's src is %s and width %s px, want %s… and %s px", what, src, m[2], prefix, wantWidth)
			}
		}
		got, err := calc.DecodeLink(strings.TrimPrefix(src, prefix))
		if err != nil {
			t.Fatalf("%s: DecodeLink = %v", what, err)
		}
		want, _ := calc.Parse(d.scenarioFile())
		gotJSON, _ := got.MarshalJSON()
		wantJSON, _ := want.MarshalJSON()
		if string(gotJSON) != string(wantJSON) {
			t.Errorf("%s: the snippet embeds %s, want the scenarios on screen %s", what, gotJSON, wantJSON)
		}
		return src
	}
	check("defaults", "?embed=1", "600")

	if err := chromedp.Run(ctx, chromedp.Click("#embed-lock", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	check("locked", "?embed=1&lock=1", "600")
	if err := chromedp.Run(ctx,
		chromedp.SetValue("#embed-theme", "dark", chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("embed-theme").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
	); err != nil {
		t.Fatal(err)
	}
	check("dark", "?embed=1&lock=1&theme=dark", "600")
	if err := typeInto(ctx, "embed-width", "abc"); err != nil {
		t.Fatal(err)
	}
	var widthError string
	if err := chromedp.Run(ctx, chromedp.Poll(`(e => e.textContent.includes('"abc"') && e.textContent)(document.getElementById("embed-width-error"))`, &widthError,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("no error under the width after typing abc: %v", err)
	}
	if !strings.Contains(widthError, "between 320 and 1600") || !strings.Contains(widthError, `"abc"`) {
		t.Errorf("the width's error says %q, want what is allowed and the typed text", widthError)
	}
	check("bad width keeps the last", "?embed=1&lock=1&theme=dark", "600")
	if err := typeInto(ctx, "embed-width", "360"); err != nil {
		t.Fatal(err)
	}
	src := check("360 px", "?embed=1&lock=1&theme=dark", "360")

	var preview struct{ Src, Width string }
	if err := chromedp.Run(ctx, chromedp.Evaluate(`(f => ({src: f.src, width: getComputedStyle(f).width}))(document.getElementById("embed-preview-frame"))`, &preview)); err != nil {
		t.Fatal(err)
	}
	if preview.Src != src || preview.Width != "360px" {
		t.Errorf("the preview shows %s at %s, want the snippet's %s at 360px", preview.Src, preview.Width, src)
	}

	// The preview is as tall as its widget, and the snippet starts at that height: a host that
	// pastes it without the listener shows the widget whole.
	type previewSize struct{ Document, Frame, Snippet int }
	var size previewSize
	sizeJS := `(f => {
		const d = f.contentDocument;
		if (!d || !d.querySelector('.calc.embed[data-live="true"] [data-field="final"]')) return {document: 0, frame: 0, snippet: 0};
		const m = document.getElementById("embed-snippet").value.match(/height:(\d+)px/);
		return {document: Math.ceil(d.documentElement.getBoundingClientRect().height), frame: f.clientHeight, snippet: m ? +m[1] : 0};
	})(document.getElementById("embed-preview-frame"))`
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if err := chromedp.Run(ctx, chromedp.Evaluate(sizeJS, &size)); err != nil {
			t.Fatal(err)
		}
		if (size.Document > 0 && size.Frame == size.Document && size.Snippet == size.Document) || time.Now().After(deadline) {
			break
		}
	}
	if size.Document == 0 || size.Frame != size.Document || size.Snippet != size.Document {
		t.Errorf("the preview's widget is %d px tall, its frame %d px and the snippet's height %d px, want them equal",
			size.Document, size.Frame, size.Snippet)
	}

	// Copying: through the clipboard where allowed, else by selecting the text.
	copied := func(stub, wantStatus string) (status, clip string, selected bool) {
		t.Helper()
		err := chromedp.Run(ctx,
			chromedp.Evaluate(`window.__copied = ""; navigator.clipboard.writeText = `+stub, nil),
			chromedp.Click("#embed-copy", chromedp.ByQuery),
			chromedp.Poll(fmt.Sprintf(`document.getElementById("embed-copied").textContent.includes(%q)`, wantStatus), nil,
				chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)),
			chromedp.Text("#embed-copied", &status, chromedp.ByQuery),
			chromedp.Evaluate(`window.__copied`, &clip),
			chromedp.Evaluate(`(a => document.activeElement === a && a.selectionStart === 0 && a.selectionEnd === a.value.length)(document.getElementById("embed-snippet"))`, &selected),
		)
		if err != nil {
			t.Fatal(err)
		}
		return status, clip, selected
	}
	if status, clip, _ := copied(`(text) => { window.__copied = text; return Promise.resolve(); }`, "Copied."); status != "Copied." || clip != snippet() {
		t.Errorf("copying: status %q, clipboard %q, want %q and the snippet %q", status, clip, "Copied.", snippet())
	}
	if status, _, selected := copied(`() => Promise.reject(new Error("not allowed"))`, "Ctrl+C"); !selected || !strings.Contains(status, "Ctrl+C") {
		t.Errorf("copying refused: status %q, snippet selected %v, want it selected and Ctrl+C explained", status, selected)
	}
	// The script's button says "Copied." under itself, and the iframe's button says nothing.
	var statuses struct{ Snippet, Listener, After string }
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`navigator.clipboard.writeText = (text) => Promise.resolve()`, nil),
		chromedp.Click("#embed-copy-listener", chromedp.ByQuery),
		chromedp.Poll(`document.getElementById("embed-copied-listener").textContent === "Copied."`, nil,
			chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.Evaluate(`({snippet: document.getElementById("embed-copied").textContent,
			listener: document.getElementById("embed-copied-listener").textContent,
			after: document.getElementById("embed-copy-listener").nextElementSibling.id})`, &statuses),
	); err != nil {
		t.Fatalf("copying the script: %v", err)
	}
	if statuses.Snippet != "" || statuses.After != "embed-copied-listener" {
		t.Errorf("after copying the script: the iframe's status says %q, the script's button is followed by #%s; want nothing and #embed-copied-listener",
			statuses.Snippet, statuses.After)
	}

	var state struct {
		Open    bool
		Focused string
	}
	if err := chromedp.Run(ctx,
		chromedp.KeyEvent(kb.Escape),
		chromedp.Poll(`!document.getElementById("embed-dialog").open`, nil,
			chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.Sleep(100*time.Millisecond),
		chromedp.Evaluate(`({open: document.getElementById("embed-dialog").open, focused: document.activeElement.id})`, &state),
	); err != nil {
		t.Fatalf("Escape did not close the dialog: %v", err)
	}
	if state.Focused != "embed-open" {
		t.Errorf("after Escape the focus is on #%s, want back on #embed-open", state.Focused)
	}
}

// TestEmbedDemoPageShowsTwoWidgets opens dist's embed-demo.html: the open and the locked widget,
// each at a column's and at a phone's width, run, each sized
// to its content by the listener, each with the figures of its own scenarios, and nothing is
// requested from anywhere but the site.
func TestEmbedDemoPageShowsTwoWidgets(t *testing.T) {
	for _, prefix := range sitePrefixes {
		t.Run(prefix, func(t *testing.T) {
			base, _ := serveSite(t, siteDir(t), prefix)
			res, err := http.Get(base + site.EmbedDemoFile)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s%s = %s: app dist must write the demo host page (site.WriteDist)", base, site.EmbedDemoFile, res.Status)
			}
			ctx := newBrowser(t)
			requests := recordRequests(ctx)
			if err := chromedp.Run(ctx, chromedp.Navigate(base+site.EmbedDemoFile)); err != nil {
				t.Fatal(err)
			}
			sets := []calc.Set{defaultSet(), embedDemoLockedSet(), embedDemoLockedSet(), defaultSet()}
			widths := []float64{600, 360, 600, 360}
			for i, s := range sets {
				// The iframes load lazily: bring each into view, as a reader scrolling does.
				if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll("iframe")[%d].scrollIntoView()`, i), nil)); err != nil {
					t.Fatal(err)
				}
				want := expectFigures(t, draftFromSet(s))
				deadline := time.Now().Add(30 * time.Second)
				for {
					var got map[string]string
					var height, width float64
					err := chromedp.Run(ctx,
						chromedp.Evaluate(figuresJS(fmt.Sprintf(`document.querySelectorAll("iframe")[%d].contentDocument`, i)), &got),
						chromedp.Evaluate(fmt.Sprintf(`parseFloat(document.querySelectorAll("iframe")[%d].style.height)`, i), &height),
						chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll("iframe")[%d].getBoundingClientRect().width`, i), &width),
					)
					diff := ""
					if err != nil {
						diff = err.Error()
					} else {
						for _, w := range want {
							if got[w[0]] != w[1] {
								diff = fmt.Sprintf("figure %s = %q, want %q", w[0], got[w[0]], w[1])
								break
							}
						}
						if diff == "" && height == float64(embedStartHeightPx) {
							diff = "the iframe still has its starting height: the listener never sized it"
						}
						if diff == "" && width != widths[i] {
							diff = fmt.Sprintf("the iframe is %v px wide, want %v px", width, widths[i])
						}
					}
					if diff == "" {
						break
					}
					if time.Now().After(deadline) {
						t.Fatalf("widget %d of the demo: %s", i+1, diff)
					}
					time.Sleep(100 * time.Millisecond)
				}
			}
			origin, _ := url.Parse(base)
			for _, r := range requests.all() {
				if !sameOrigin(r.url, origin) {
					t.Errorf("the demo requested %s, outside %s", r.url, origin.Host)
				}
			}
		})
	}
}

// TestEmbedScreenshots writes screenshots of the widget at 320 px and 600 px wide to
// RESTAKE_SCREENSHOTS (a directory) to look at, and checks that nothing is wider than the frame.
func TestEmbedScreenshots(t *testing.T) {
	dir := os.Getenv("RESTAKE_SCREENSHOTS")
	base, _ := serveSite(t, siteDir(t), "/")
	open := plainLink(t, defaultSet())
	locked := plainLink(t, embedDemoLockedSet())
	for _, tc := range []struct {
		name   string
		width  int64
		query  string
		link   string
		scheme string
		unfold bool
	}{
		{"320-light", 320, "?embed=1", open, "light", false},
		{"320-dark-unfolded", 320, "?embed=1", open, "dark", true},
		{"320-locked", 320, "?embed=1&lock=1&theme=dark", locked, "light", true},
		{"600-light", 600, "?embed=1", open, "light", false},
		{"600-locked", 600, "?embed=1&lock=1", locked, "dark", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := newBrowser(t)
			if err := chromedp.Run(ctx,
				emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: tc.scheme}}),
				chromedp.EmulateViewport(tc.width, 700),
			); err != nil {
				t.Fatal(err)
			}
			openWidget(t, ctx, base+tc.query+"#"+tc.link)
			if _, err := waitFigure(ctx, 0, "final"); err != nil {
				t.Fatal(err)
			}
			if tc.unfold {
				if err := chromedp.Run(ctx, chromedp.Click(".embed-scenarios-toggle", chromedp.ByQuery)); err != nil {
					t.Fatal(err)
				}
			}
			var shot []byte
			var overflow int
			err := chromedp.Run(ctx,
				chromedp.Sleep(300*time.Millisecond),
				chromedp.Evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`, &overflow),
				chromedp.FullScreenshot(&shot, 90),
			)
			if err != nil {
				t.Fatal(err)
			}
			if overflow > 0 {
				t.Errorf("the widget is %d px wider than a %d px frame", overflow, tc.width)
			}
			saveScreenshot(t, dir, "embed-"+tc.name+".jpg", shot)
		})
	}

	// The full page's dialog, wide and on a phone, with its preview loaded.
	for _, tc := range []struct {
		name   string
		width  int64
		scheme string
	}{
		{"dialog-wide", 1280, "light"},
		{"dialog-phone", 360, "dark"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := newBrowser(t)
			if err := chromedp.Run(ctx,
				emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: tc.scheme}}),
				chromedp.EmulateViewport(tc.width, 900),
				chromedp.Navigate(base),
			); err != nil {
				t.Fatal(err)
			}
			if err := waitWasm(ctx); err != nil {
				t.Fatal(err)
			}
			var shot []byte
			var overflow int
			err := chromedp.Run(ctx,
				chromedp.WaitVisible(`.calc[data-live="true"]`, chromedp.ByQuery),
				chromedp.Click("#embed-open", chromedp.ByQuery),
				chromedp.WaitVisible("#embed-preview-frame", chromedp.ByQuery),
				chromedp.Sleep(1500*time.Millisecond), // the preview's widget starts
				chromedp.Evaluate(`(d => d.scrollWidth - d.clientWidth)(document.getElementById("embed-dialog"))`, &overflow),
				chromedp.CaptureScreenshot(&shot),
			)
			if err != nil {
				t.Fatal(err)
			}
			if overflow > 0 {
				t.Errorf("the dialog's content is %d px wider than the dialog at %d px", overflow, tc.width)
			}
			saveScreenshot(t, dir, "embed-"+tc.name+".png", shot)
		})
	}
}

// TestEmbedIsAccessible checks the widget, open and locked with its scenarios unfolded, and the
// full page with the embed dialog open, with axe-core's WCAG 2.x A and AA rules.
func TestEmbedIsAccessible(t *testing.T) {
	script := axeScript(t)
	base, _ := serveSite(t, siteDir(t), "/")
	for _, tc := range []struct {
		name, path string
		prepare    string // a selector to click before checking
	}{
		{"widget", "?embed=1#" + plainLink(t, embedTestSet()), ".embed-scenarios-toggle"},
		{"locked dark widget", "?embed=1&lock=1&theme=dark#" + plainLink(t, embedTestSet()), ".embed-scenarios-toggle"},
		{"embed dialog", "?theme=light", "#embed-open"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := newBrowser(t)
			if err := chromedp.Run(ctx, chromedp.Navigate(base+tc.path)); err != nil {
				t.Fatal(err)
			}
			if err := waitWasm(ctx); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Run(ctx,
				chromedp.WaitVisible(`.calc[data-live="true"] [data-scenario="0"][data-field="final"]`, chromedp.ByQuery),
				chromedp.Click(tc.prepare, chromedp.ByQuery),
				chromedp.Sleep(300*time.Millisecond),
			); err != nil {
				t.Fatal(err)
			}
			vs, err := runAxe(ctx, script)
			if err != nil {
				t.Fatalf("running axe-core: %v", err)
			}
			for _, v := range vs {
				t.Errorf("axe %s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
			}
		})
	}
}

// fillFromPreset opens the presets of scenario 0's layer 0, picks id and fills the layer. It
// clicks through the DOM, not at the buttons' places on screen, which the sticky summary bar may
// cover.
func fillFromPreset(ctx context.Context, id string) error {
	return chromedp.Run(ctx,
		chromedp.Evaluate(`document.getElementById("s0-l0-presets-toggle").click()`, nil),
		chromedp.WaitVisible("#s0-l0-preset-select", chromedp.ByQuery),
		chromedp.SetValue("#s0-l0-preset-select", id, chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("s0-l0-preset-select").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
		chromedp.WaitVisible("#s0-l0-preset-fill", chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("s0-l0-preset-fill").click()`, nil),
	)
}

// layerInputValues reads the inputs of scenario 0's layer 0 by data-path, once the name shows
// want: the layer has been filled.
func layerInputValues(t testing.TB, ctx context.Context, what, name string) map[string]string {
	t.Helper()
	var got map[string]string
	err := chromedp.Run(ctx, chromedp.Poll(`(() => {
		const name = document.querySelector('[data-path="scenarios[0].layers[0].name"]');
		if (!name || name.value !== `+jsString(name)+`) return false;
		const out = {};
		for (const el of document.querySelectorAll('[data-path^="scenarios[0].layers[0]."]')) {
			out[el.dataset.path] = el.type === "checkbox" ? String(el.checked) : el.value;
		}
		return out;
	})()`, &got, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("%s: the layer was not filled with %q: %v", what, name, err)
	}
	return got
}

// TestEmbedWidgetFillsAPresetAsThePageDoes fills the same preset into the first layer in the
// full page and in the editable widget: the layer's inputs must read the same, gas included
// (the widget once built its editors without the gas price and filled zero gas).
func TestEmbedWidgetFillsAPresetAsThePageDoes(t *testing.T) {
	lib, err := shippedLibrary()
	if err != nil {
		t.Fatal(err)
	}
	pr, ok := lib.Preset("lido-steth")
	if !ok {
		t.Fatal("no lido-steth preset in the library")
	}
	filled := presetDraftLayer(draftLayer{}, pr, mustDecimal(defaultGasPriceGwei))
	if filled.entryGas == "" {
		t.Fatalf("lido-steth has no entry gas at %s gwei: the test needs a preset with gas", defaultGasPriceGwei)
	}
	base, _ := serveSite(t, siteDir(t), "/")
	ctx := newBrowser(t)
	views := map[string]map[string]string{}
	for _, address := range []string{"", "?embed=1"} {
		reopen(t, ctx, base+address)
		if address != "" {
			if err := chromedp.Run(ctx, chromedp.Click(".embed-scenarios-toggle", chromedp.ByQuery)); err != nil {
				t.Fatal(err)
			}
		}
		if err := fillFromPreset(ctx, pr.ID); err != nil {
			t.Fatalf("%q: filling from %s: %v", address, pr.ID, err)
		}
		views[address] = layerInputValues(t, ctx, address, filled.name)
		d := draftFromSet(defaultSet())
		d = d.withScenario(0, d.scenarios[0].withLayer(0, presetDraftLayer(d.scenarios[0].layers[0], pr, mustDecimal(defaultGasPriceGwei))))
		waitFigures(t, ctx, "filled from "+pr.ID+" at "+base+address, expectFigures(t, d))
	}
	page, widget := views[""], views["?embed=1"]
	if len(page) == 0 {
		t.Fatal("the page shows no input of the layer")
	}
	for path, v := range page {
		if widget[path] != v {
			t.Errorf("%s after filling %s: the widget shows %q, the page %q", path, pr.ID, widget[path], v)
		}
	}
	if got, want := widget["scenarios[0].layers[0].entry_gas"], filled.entryGas; got != want {
		t.Errorf("the widget's entry gas after filling %s = %q, want %q", pr.ID, got, want)
	}
}
