//go:build !wasm

package main

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowserRunsWithoutStorage: where the browser refuses local storage (switched off, or a
// widget in a frame that may not store), the calculator still runs and shows its figures.
func TestBrowserRunsWithoutStorage(t *testing.T) {
	base, _ := serveSite(t, siteDir(t), "/")
	for _, query := range []string{"", "?embed=1"} {
		t.Run("query="+query, func(t *testing.T) {
			ctx := newBrowser(t)
			refuse := `for (const name of ["localStorage", "sessionStorage"]) {
				Object.defineProperty(window, name, {configurable: true,
					get() { throw new DOMException("storage is switched off", "SecurityError"); }});
			}`
			err := chromedp.Run(ctx,
				chromedp.ActionFunc(func(ctx context.Context) error {
					_, err := page.AddScriptToEvaluateOnNewDocument(refuse).Do(ctx)
					return err
				}),
				chromedp.Navigate(base+query))
			if err != nil {
				t.Fatal(err)
			}
			if err := waitWasm(ctx); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Run(ctx, chromedp.WaitVisible(`.calc[data-live="true"]`, chromedp.ByQuery)); err != nil {
				t.Fatalf("the page did not go live without storage: %v", err)
			}
			want := expectFigures(t, draftFromSet(defaultSet()))
			got, err := waitFigure(ctx, 0, "final")
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range want {
				if w[0] == "0/final" && got != w[1] {
					t.Errorf("final without storage = %s, want %s", got, w[1])
				}
			}
		})
	}
}
