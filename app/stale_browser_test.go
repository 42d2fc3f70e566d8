//go:build !wasm

package main

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPageStaleMeansBeforeTheEdit types APR 5000 key by key: APR 500 on the way is a
// valid input whose figures the page shows, but once 5000 is refused the figures left on screen,
// marked out of date, are those of the input before the edit began (when the field got the
// focus), not the half-typed 500's.
func TestBrowserPageStaleMeansBeforeTheEdit(t *testing.T) {
	ctx := openPage(t, "")
	d := draftFromSet(defaultSet())
	before := expectFigures(t, d)

	if err := typeInto(ctx, "s1-l0-apr", "500"); err != nil {
		t.Fatal(err)
	}
	l := d.scenarios[1].layers[0]
	l.aprPct = "500"
	half := d.withScenario(1, d.scenarios[1].withLayer(0, l))
	waitFigures(t, ctx, "APR 500 on the way", expectFigures(t, half))

	if err := chromedp.Run(ctx, chromedp.SendKeys("#s1-l0-apr", "0", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	var stale, value string
	if err := chromedp.Run(ctx,
		chromedp.WaitVisible("#s1-l0-apr-error", chromedp.ByQuery),
		chromedp.Value("#s1-l0-apr", &value, chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById("results").dataset.stale`, &stale),
	); err != nil {
		t.Fatal(err)
	}
	if value != "5000" {
		t.Errorf("APR input = %q, want the typed %q", value, "5000")
	}
	if stale != "true" {
		t.Errorf("results data-stale = %q with APR 5000, want true", stale)
	}
	waitFigures(t, ctx, "APR 5000 refused: the figures from before the edit", before)

	// Leaving the field ends the edit; a new edit of another field that fails keeps the same
	// figures, as the input has not worked since.
	if err := typeInto(ctx, "amount", "x"); err != nil {
		t.Fatal(err)
	}
	waitFigures(t, ctx, "a second field refused", before)

	// Fixed, the figures follow the input again.
	if err := typeInto(ctx, "amount", "32"); err != nil {
		t.Fatal(err)
	}
	if err := typeInto(ctx, "s1-l0-apr", "3.5"); err != nil {
		t.Fatal(err)
	}
	l.aprPct = "3.5"
	fixed := d.withScenario(1, d.scenarios[1].withLayer(0, l))
	waitFigures(t, ctx, "fixed", expectFigures(t, fixed))
}
