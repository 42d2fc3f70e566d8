//go:build !wasm

package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPageTakesTheAPRAfterTheFee types Lido's published rate, 2.7 % after its 10 % fee,
// into the layer's second input: the APR input, which holds the file's gross rate, must show 3,
// the figures must be those of APR 3, and the hint must show the gross rate worked out.
func TestBrowserPageTakesTheAPRAfterTheFee(t *testing.T) {
	ctx := openPage(t, "")
	var help string
	if err := chromedp.Run(ctx, chromedp.Text("#s0-l0-apr-hint", &help, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(help, "Before the fee") {
		t.Errorf("the APR's hint = %q, want it to say the rate is before the fee", help)
	}
	if err := typeInto(ctx, "s0-l0-apr-after-fee", "2.7"); err != nil {
		t.Fatal(err)
	}
	d := draftFromSet(defaultSet())
	l := d.scenarios[0].layers[0]
	l.aprPct = "3"
	d = d.withScenario(0, d.scenarios[0].withLayer(0, l))
	waitFigures(t, ctx, "2.7 % after a 10 % fee", expectFigures(t, d))
	var gross, hint string
	if err := chromedp.Run(ctx,
		chromedp.Value(`[data-path="scenarios[0].layers[0].apr"]`, &gross, chromedp.ByQuery),
		chromedp.Text("#s0-l0-apr-after-fee-hint", &hint, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	if gross != "3" {
		t.Errorf("APR input = %q after 2.7 after a 10 %% fee, want 3", gross)
	}
	if !strings.Contains(hint, "Makes the APR 3 %/yr before the 10 % fee") {
		t.Errorf("hint of the rate after the fee = %q, want it to show the APR worked out", hint)
	}
}
