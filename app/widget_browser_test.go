//go:build !wasm

package main

import (
	"fmt"
	"math"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"restakecalc/calc"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestWidgetHeights embeds the widget in a host page of another origin that sizes the iframe to
// the heights it reports, at a column's and at a phone's width: the widget, with its figures
// in, stays within the heights a host can give it, and the height it reports is its document's.
// It writes screenshots of the host page to RESTAKE_SCREENSHOTS, /tmp when unset.
func TestWidgetHeights(t *testing.T) {
	dir := os.Getenv("RESTAKE_SCREENSHOTS")
	if dir == "" {
		dir = os.TempDir()
	}
	base, _ := serveSite(t, siteDir(t), "/")
	site, _ := url.Parse(base)
	origin := site.Scheme + "://" + site.Host
	for _, tc := range []struct {
		name     string
		file     string
		set      calc.Set
		query    string
		widthPx  int
		atMostPx int
	}{
		{"3 scenarios at 600 px", "3-600", defaultSet(), "?embed=1", 600, 900},
		{"3 scenarios at 360 px", "3-360", defaultSet(), "?embed=1&theme=dark", 360, 1400},
		{"3 locked scenarios at 360 px", "3-360-locked", defaultSet(), "?embed=1&lock=1", 360, 1400},
		{"6 scenarios at 600 px", "6-600", sixScenarios(), "?embed=1", 600, 1400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.set.Scenarios) > calc.MaxScenarios {
				t.Fatalf("the set has %d scenarios, more than a set may have", len(tc.set.Scenarios))
			}
			src := base + tc.query + "#" + plainLink(t, tc.set)
			ctx := newBrowser(t)
			if err := chromedp.Run(ctx, chromedp.Navigate(serveHost(t, hostPage(src, tc.widthPx)))); err != nil {
				t.Fatal(err)
			}
			waitHeights(t, ctx, 0, origin)
			waitFrameFigures(t, ctx, expectFigures(t, draftFromSet(tc.set)))

			// Once the figures are in, the last height reported is the document's.
			var reported, document float64
			for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(200 * time.Millisecond) {
				ms, err := hostMessages(ctx)
				if err != nil {
					t.Fatal(err)
				}
				h, err := heightOf(ms[len(ms)-1])
				if err != nil {
					t.Fatal(err)
				}
				reported = float64(h)
				if err := frameEval(ctx, `document.documentElement.getBoundingClientRect().height`, &document); err != nil {
					t.Fatal(err)
				}
				if reported == math.Ceil(document) || time.Now().After(deadline) {
					break
				}
			}
			if reported != math.Ceil(document) {
				t.Errorf("the widget reports %v px, its document is %v px tall", reported, document)
			}
			if reported > float64(tc.atMostPx) || document > float64(tc.atMostPx) {
				t.Errorf("the widget is %v px tall (reported %v px) at %d px wide, want at most %d px",
					document, reported, tc.widthPx, tc.atMostPx)
			}
			t.Logf("%s: %v px tall", tc.name, reported)
			var shot []byte
			if err := chromedp.Run(ctx, chromedp.FullScreenshot(&shot, 100)); err != nil {
				t.Fatal(err)
			}
			saveScreenshot(t, dir, "restake-widget-height-"+tc.file+".png", shot)
		})
	}
}

// figureLinesJS returns, for every figure shown ([data-value] elements with a box), its
// scenario/field and its part that takes the most lines: its number, or each of the words said
// in its place ("= nominal", "risk not entered"), or the element itself where it has neither.
// A part's lines are the line boxes of its text, rectangles that overlap in height being one.
const figureLinesJS = `[...document.querySelectorAll("[data-value]")]
	.filter(el => el.getClientRects().length > 0)
	.map(el => {
		const parts = [...el.querySelectorAll(".num, .none > span, span.amount")];
		let worst = null;
		for (const part of parts.length ? parts : [el]) {
			const range = document.createRange();
			range.selectNodeContents(part);
			const rects = [...range.getClientRects()].filter(r => r.width > 0).sort((a, b) => a.top - b.top);
			let lines = 0, bottom = -Infinity;
			for (const r of rects) {
				if (r.top >= bottom - 1) { lines++; bottom = r.bottom; } else { bottom = Math.max(bottom, r.bottom); }
			}
			const style = getComputedStyle(part);
			const m = {text: part.textContent.trim(), lines: lines, height: part.getBoundingClientRect().height,
				lineHeight: parseFloat(style.lineHeight) || 1.5 * parseFloat(style.fontSize)};
			if (!worst || m.lines > worst.lines || m.height / m.lineHeight > worst.height / worst.lineHeight) worst = m;
		}
		worst.field = (el.dataset.scenario || "") + "/" + (el.dataset.field || el.dataset.figure || "");
		return worst;
	})`

// answerSentences are the hooks of the answers beside the results: sentences that carry a
// figure in their data-value, words that wrap as sentences do.
var answerSentences = map[calc.Figure]bool{calc.FigureBreakEvenDay: true, calc.FigureRiskBudget: true, calc.FigureBestClaimEvery: true}

// figureLine is one figure as figureLinesJS measures it.
type figureLine struct {
	Field, Text        string
	Lines              int
	Height, LineHeight float64
}

// TestFiguresStayOnOneLine opens the full page and the widget (with its details open) at 320,
// 360, 600 and 1280 px, in light and dark, and checks that every figure on screen is written
// to a readable precision on one line: one line box, no taller than a line. It writes
// screenshots to RESTAKE_SCREENSHOTS, /tmp when unset.
func TestFiguresStayOnOneLine(t *testing.T) {
	dir := os.Getenv("RESTAKE_SCREENSHOTS")
	if dir == "" {
		dir = os.TempDir()
	}
	base, _ := serveSite(t, siteDir(t), "/")
	link := plainLink(t, defaultSet())
	for _, width := range []int64{320, 360, 600, 1280} {
		for _, tc := range []struct {
			name, query, scheme string
		}{
			{"page", "", "light"},
			{"widget", "?embed=1", "dark"},
		} {
			name := fmt.Sprintf("figures-%s-%d-%s", tc.name, width, tc.scheme)
			t.Run(name, func(t *testing.T) {
				ctx := newBrowser(t)
				if err := chromedp.Run(ctx,
					emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: tc.scheme}}),
					chromedp.EmulateViewport(width, 900),
					chromedp.Navigate(base+tc.query+"#"+link),
				); err != nil {
					t.Fatal(err)
				}
				if err := waitWasm(ctx); err != nil {
					t.Fatal(err)
				}
				if err := chromedp.Run(ctx, chromedp.WaitVisible(`.calc[data-live="true"]`, chromedp.ByQuery)); err != nil {
					t.Fatal(err)
				}
				waitFigures(t, ctx, name, expectFigures(t, draftFromSet(defaultSet())))
				if tc.query != "" {
					if err := chromedp.Run(ctx, chromedp.Click(".embed-details > summary", chromedp.ByQuery)); err != nil {
						t.Fatal(err)
					}
				}
				var figures []figureLine
				var shot []byte
				if err := chromedp.Run(ctx,
					chromedp.Sleep(300*time.Millisecond),
					chromedp.Evaluate(figureLinesJS, &figures),
					chromedp.FullScreenshot(&shot, 85),
				); err != nil {
					t.Fatal(err)
				}
				saveScreenshot(t, dir, "restake-"+name+".jpg", shot)
				if len(figures) < 3*len(calc.Figures()) {
					t.Fatalf("%d figures on screen, want every figure of the 3 scenarios", len(figures))
				}
				for _, f := range figures {
					if _, field, _ := strings.Cut(f.Field, "/"); answerSentences[calc.Figure(field)] {
						continue
					}
					if f.Lines != 1 || f.Height > 1.5*f.LineHeight {
						t.Errorf("figure %s %q takes %d line boxes, %v px tall (a line is %v px): want one line",
							f.Field, f.Text, f.Lines, f.Height, f.LineHeight)
					}
				}
			})
		}
	}
}
