//go:build !wasm

package main

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The start on a slow phone: the page comes alive in short tasks, the parts below the first
// screen one at a time (start-sequence.go). These tests run the browser four times slower, as
// a mid-range phone, so that the start is long enough to act in.

// slowPhone makes ctx's browser four times slower and installs script before any of the page's.
func slowPhone(t *testing.T, ctx context.Context, script string) {
	t.Helper()
	if err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		if script != "" {
			if _, err := page.AddScriptToEvaluateOnNewDocument(script).Do(ctx); err != nil {
				return err
			}
		}
		return emulation.SetCPUThrottlingRate(4).Do(ctx)
	})); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserStartKeepsItsPlace opens the page on its examples, on a phone's screen, with a
// reader looking at the top of the page and with one who went straight to the results; every
// frame from the first until the page is live, it records where on the screen the part the
// reader looks at is. The parts the program builds later take their places without moving it.
func TestBrowserStartKeepsItsPlace(t *testing.T) {
	base, _ := serveSite(t, siteDir(t), "/")
	for _, tc := range []struct {
		name, looksAt string
		scrollTo      bool // the reader scrolls to the part as soon as the page shows
	}{
		{"top", "#scenarios-title", false},
		{"results", "#results-title", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := newBrowser(t)
			// The part's top on the screen, every frame; and how many frames had stand-ins.
			slowPhone(t, ctx, fmt.Sprintf(`(() => {
				window.__tops = [];
				window.__standIns = 0;
				let scrolled = !%t;
				const frame = () => {
					const el = document.querySelector(%q);
					if (el) {
						if (!scrolled) { el.scrollIntoView(); scrolled = true; }
						window.__tops.push(Math.round(el.getBoundingClientRect().top));
					}
					if (document.querySelector("[data-later]")) window.__standIns++;
					if (!document.querySelector('.calc[data-live="true"]')) requestAnimationFrame(frame);
					else window.__done = true;
				};
				requestAnimationFrame(frame);
			})()`, tc.scrollTo, tc.looksAt))
			var tops []float64
			var standIns int
			if err := chromedp.Run(ctx, chromedp.EmulateViewport(390, 844),
				chromedp.Navigate(base),
				chromedp.Poll(`window.__done === true`, nil, chromedp.WithPollingInterval(50*time.Millisecond)),
				chromedp.Evaluate(`window.__tops`, &tops),
				chromedp.Evaluate(`window.__standIns`, &standIns),
			); err != nil {
				t.Fatal(err)
			}
			if standIns == 0 {
				t.Errorf("no part stood in for a later one in any frame: the page was built in one go")
			}
			for i, top := range tops {
				if math.Abs(top-tops[0]) > 1 {
					t.Errorf("%s moved on the screen while the page came alive: at %.0f px in the first frame, %.0f px in frame %d of %d (all: %v)",
						tc.looksAt, tops[0], top, i+1, len(tops), tops)
					break
				}
			}
		})
	}
}

// TestBrowserStartAnswersEarlyInput types into the amount as soon as the program has built the
// first screen, while the parts below are still to come: the typed text stays, and the figures
// the page ends with are the typed amount's, as calc works them out.
func TestBrowserStartAnswersEarlyInput(t *testing.T) {
	base, _ := serveSite(t, siteDir(t), "/")
	ctx := newBrowser(t)
	slowPhone(t, ctx, "")
	if err := chromedp.Run(ctx, chromedp.Navigate(base),
		// The first screen is the program's once stand-ins for the later parts are in place.
		chromedp.Poll(`document.querySelector("[data-later]") !== null`, nil, chromedp.WithPollingInterval(10*time.Millisecond)),
	); err != nil {
		t.Fatal(err)
	}
	var live bool
	if err := chromedp.Run(ctx, chromedp.Evaluate(`document.querySelector('.calc[data-live="true"]') !== null`, &live)); err != nil {
		t.Fatal(err)
	}
	if live {
		t.Fatalf("the page was live before the test could type: nothing tested")
	}
	const typed = "17.5"
	if err := typeInto(ctx, "amount", typed); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx, chromedp.WaitVisible(`.calc[data-live="true"]`, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	d := draftFromSet(defaultSet())
	d.amount = typed
	waitFigures(t, ctx, fmt.Sprintf("the amount %s typed during the start", typed), expectFigures(t, d))
	var value string
	if err := chromedp.Run(ctx, chromedp.Value("#amount", &value, chromedp.ByID)); err != nil {
		t.Fatal(err)
	}
	if value != typed {
		t.Errorf("the amount field shows %q once the page is live, want the typed %q", value, typed)
	}
}
