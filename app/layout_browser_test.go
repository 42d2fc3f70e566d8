//go:build !wasm

package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"restakecalc/calc"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// What the page looks like where it is easy to get wrong: the summary bar must never cover the
// control that has the focus, and the small things seen on a phone must stay fixed.

// placement is where an element is on screen, and the summary bar's top.
type placement struct {
	Top, Bottom, Left, Right float64
	BarTop                   float64
	Hit                      bool // the element is what a click at its centre lands on
	Focused                  bool
}

// focusUnderTheBar scrolls the page so that the element sel sits under the summary bar, gives
// it the focus as the keyboard would, and returns where it is then.
func focusUnderTheBar(ctx context.Context, sel string) (placement, error) {
	var p placement
	err := chromedp.Run(ctx,
		chromedp.Evaluate(fmt.Sprintf(`(() => {
			const el = document.querySelector(%q), bar = document.querySelector(".live-summary");
			const r = el.getBoundingClientRect(), b = bar.getBoundingClientRect();
			window.scrollBy(0, r.top - (b.top + b.height / 3));
			el.focus();
		})()`, sel), nil),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.Evaluate(fmt.Sprintf(`(() => {
			const el = document.querySelector(%q), bar = document.querySelector(".live-summary");
			const r = el.getBoundingClientRect();
			const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
			return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,
				barTop: bar.getBoundingClientRect().top, hit: el === hit || el.contains(hit),
				focused: document.activeElement === el};
		})()`, sel), &p),
	)
	return p, err
}

// TestBrowserPageKeepsTheFocusAboveTheSummaryBar gives the focus to "Fill from a preset…" and
// to "Fill this layer" while each sits under the summary bar: the page must scroll each whole
// above the bar, and a real mouse click at its centre must reach it, at 1280 and at 360 px.
func TestBrowserPageKeepsTheFocusAboveTheSummaryBar(t *testing.T) {
	for _, width := range []int64{1280, 360} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			ctx := openPage(t, "")
			if err := chromedp.Run(ctx, chromedp.EmulateViewport(width, 800), chromedp.Sleep(200*time.Millisecond)); err != nil {
				t.Fatal(err)
			}
			click := func(sel string, then string) {
				t.Helper()
				p, err := focusUnderTheBar(ctx, sel)
				if err != nil {
					t.Fatal(err)
				}
				if !p.Focused || p.Bottom > p.BarTop || p.Top < 0 || !p.Hit {
					t.Fatalf("%s focused under the bar: %+v; want it focused, whole above the bar's top and reached by a click", sel, p)
				}
				if err := chromedp.Run(ctx,
					chromedp.MouseClickXY((p.Left+p.Right)/2, (p.Top+p.Bottom)/2),
					chromedp.Poll(then, nil, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)),
				); err != nil {
					t.Fatalf("a click at the centre of %s did not reach it (%s): %v", sel, then, err)
				}
			}
			click("#s2-l1-presets-toggle", `document.getElementById("s2-l1-presets-toggle").getAttribute("aria-expanded") === "true"`)
			if err := chromedp.Run(ctx,
				chromedp.WaitVisible("#s2-l1-preset-select", chromedp.ByQuery),
				chromedp.SetValue("#s2-l1-preset-select", "lending-supply", chromedp.ByQuery),
				chromedp.Evaluate(`document.getElementById("s2-l1-preset-select").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
				chromedp.WaitVisible("#s2-l1-preset-fill", chromedp.ByQuery),
			); err != nil {
				t.Fatal(err)
			}
			click("#s2-l1-preset-fill", `document.getElementById("s2-l1-name").value === "Lending supply"`)
		})
	}
}

// TestBrowserPersistRestoredWorkIsInTheAddress restores saved work, from the offer a link makes
// and on a visit without a link: the address bar then holds the work as a #z= link, as the
// README promises, and the link holds what is on screen.
func TestBrowserPersistRestoredWorkIsInTheAddress(t *testing.T) {
	ctx := openPage(t, "")
	if err := typeInto(ctx, "amount", "100"); err != nil {
		t.Fatal(err)
	}
	waitStored(t, ctx, `"amount":"100"`)
	inAddress := func(what string) {
		t.Helper()
		var hash string
		if err := chromedp.Run(ctx,
			chromedp.Poll(`location.hash.startsWith("#z=")`, nil, chromedp.WithPollingTimeout(5*time.Second)),
			chromedp.Evaluate(`location.hash`, &hash),
		); err != nil {
			t.Fatalf("%s: no #z= link in the address: %v", what, err)
		}
		set, err := calc.DecodeLink(strings.TrimPrefix(hash, "#"))
		if err != nil {
			t.Fatalf("%s: the address's link does not open: %v", what, err)
		}
		if set.Amount.String() != "100" {
			t.Errorf("%s: the address's link holds amount %s, want the restored 100", what, set.Amount)
		}
	}

	reopen(t, ctx, siteBase(t, ctx)+plainFileLink(linkedSetJSON))
	if err := chromedp.Run(ctx,
		chromedp.WaitVisible("#restore-saved", chromedp.ByQuery),
		chromedp.Click("#restore-saved", chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	inAddress("restored from the offer")

	reopen(t, ctx, siteBase(t, ctx))
	if got := inputValue(t, ctx, "amount"); got != "100" {
		t.Fatalf("amount on a visit without a link = %q, want the saved 100", got)
	}
	inAddress("restored on a visit without a link")
}

// TestBrowserPageSmallThings checks, at 1280 and 360 px, light and dark, what was seen wrong on
// a phone, and that axe-core finds nothing with the layer's claims unfolded and a problem
// listed; screenshots go to RESTAKE_SCREENSHOTS.
func TestBrowserPageSmallThings(t *testing.T) {
	script := axeScript(t)
	dir := os.Getenv("RESTAKE_SCREENSHOTS")
	for _, tc := range []struct {
		width  int64
		scheme string
	}{{360, "light"}, {360, "dark"}, {1280, "light"}, {1280, "dark"}} {
		name := fmt.Sprintf("%d-%s", tc.width, tc.scheme)
		t.Run(name, func(t *testing.T) {
			ctx := openPage(t, "?theme="+tc.scheme)
			if err := chromedp.Run(ctx,
				emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: tc.scheme}}),
				chromedp.EmulateViewport(tc.width, 800),
				chromedp.Click("#s1-l1-more-toggle", chromedp.ByQuery),
				chromedp.WaitVisible("#s1-l1-reinvest", chromedp.ByQuery),
			); err != nil {
				t.Fatal(err)
			}
			// Two scenarios of the same long name: the page refuses it at the name, and the
			// problem list stays on the screen.
			long := strings.Repeat("Multistaking", 5)[:calc.MaxNameLen]
			for _, id := range []string{"s0-name", "s1-name"} {
				paste := fmt.Sprintf(`(el => { el.value = %q; el.dispatchEvent(new Event("input", {bubbles: true})); })(document.getElementById(%q))`, long, id)
				if err := chromedp.Run(ctx, chromedp.Evaluate(paste, nil), chromedp.Sleep(100*time.Millisecond)); err != nil {
					t.Fatal(err)
				}
			}
			var got struct {
				NameError                  string
				ProblemsOverflow           int
				PageOverflow               int
				AxisGap                    float64
				ReadoutLines               []int
				BoxToLabel, BoxLabelOffset float64
				FocusColour, ErrorColour   string
			}
			err := chromedp.Run(ctx,
				chromedp.WaitVisible("#s1-name-error", chromedp.ByQuery),
				chromedp.Evaluate(`(() => {
					const q = s => document.querySelector(s);
					const out = {};
					out.nameError = q("#s1-name-error").textContent;
					const problems = q("#results .problems");
					out.problemsOverflow = problems.scrollWidth - problems.clientWidth;
					out.pageOverflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
					const ends = q(".liquidity-scale-horizon").children;
					out.axisGap = ends[1].getBoundingClientRect().left - ends[0].getBoundingClientRect().right;
					// The rows' names, "3 Multistaking": each word of 12 letters or fewer on one line.
					out.readoutLines = [];
					for (const th of document.querySelectorAll(".value-chart-readout-table tbody th")) {
						const text = th.firstChild;
						for (const m of text.data.matchAll(/\S+/g)) {
							if (m[0].length > 12) continue;
							const r = document.createRange();
							r.setStart(text, m.index);
							r.setEnd(text, m.index + m[0].length);
							out.readoutLines.push(new Set([...r.getClientRects()].map(c => Math.round(c.top))).size);
						}
					}
					const box = q("#s1-l1-reinvest").getBoundingClientRect();
					const label = q('label[for="s1-l1-reinvest"]').getBoundingClientRect();
					out.boxToLabel = label.left - box.right;
					out.boxLabelOffset = Math.abs((label.top) - (box.top)) ;
					const button = q("#add-scenario");
					button.focus();
					out.focusColour = getComputedStyle(button).outlineColor;
					const probe = document.createElement("span");
					probe.style.color = "var(--error)";
					q(".calc").appendChild(probe);
					out.errorColour = getComputedStyle(probe).color;
					probe.remove();
					return out;
				})()`, &got),
			)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(got.NameError, "is already the name of scenario 1 “"+long+"”") {
				t.Errorf("under the second name: %q, want it to say the first scenario has that name", got.NameError)
			}
			if got.ProblemsOverflow > 0 || got.PageOverflow > 0 {
				t.Errorf("long names: the problem list is %d px and the page %d px wider than the screen", got.ProblemsOverflow, got.PageOverflow)
			}
			if got.AxisGap < 4 {
				t.Errorf("the liquidity axis's ends are %.1f px apart, want them apart", got.AxisGap)
			}
			for i, n := range got.ReadoutLines {
				if n != 1 {
					t.Errorf("the readout's word %d of a name takes %d lines, want it whole on one", i, n)
				}
			}
			if len(got.ReadoutLines) == 0 {
				t.Errorf("no short word in the readout's names to check")
			}
			if got.BoxToLabel < 0 || got.BoxToLabel > 12 || got.BoxLabelOffset > 12 {
				t.Errorf("Reinvest: the label is %.1f px right of its box and %.1f px off its line, want it beside the box", got.BoxToLabel, got.BoxLabelOffset)
			}
			if got.FocusColour == got.ErrorColour {
				t.Errorf("the focus ring is %s, the error colour", got.FocusColour)
			}
			var shot []byte
			if err := chromedp.Run(ctx, chromedp.Sleep(200*time.Millisecond), chromedp.FullScreenshot(&shot, 85)); err != nil {
				t.Fatal(err)
			}
			saveScreenshot(t, dir, "small-things-"+name+".jpg", shot)
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

// TestBrowserPageShowsTheTitleWithTheProductsName opens a link whose file has a title: the
// heading keeps the product's name and shows the title with it.
func TestBrowserPageShowsTheTitleWithTheProductsName(t *testing.T) {
	base, _ := serveSite(t, siteDir(t), "/")
	ctx := newBrowser(t)
	if err := chromedp.Run(ctx, chromedp.EmulateViewport(360, 800), chromedp.Navigate(base+plainFileLink(linkedSetJSON))); err != nil {
		t.Fatal(err)
	}
	waitLive(t, ctx)
	var name, title string
	if err := chromedp.Run(ctx,
		chromedp.WaitVisible("h1 .set-title", chromedp.ByQuery),
		chromedp.Text("h1 .product-name", &name, chromedp.ByQuery),
		chromedp.Text("h1 .set-title", &title, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	if name != "Restaking calculator" || !strings.HasSuffix(strings.TrimSpace(title), "From a link") {
		t.Errorf("heading = %q and %q, want the product's name and the title \"From a link\"", name, title)
	}
	var shot []byte
	if err := chromedp.Run(ctx, chromedp.CaptureScreenshot(&shot)); err == nil {
		saveScreenshot(t, os.Getenv("RESTAKE_SCREENSHOTS"), "title-360.png", shot)
	}
}
