//go:build !wasm

package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPageNamesProblemsInItsWords types a decimal comma and a scenario name already in
// use: the field says what to do in the page's words, and the problem list names the scenario
// and the layer as the page shows them, never a path of the file.
func TestBrowserPageNamesProblemsInItsWords(t *testing.T) {
	ctx := openPage(t, "")
	if err := typeInto(ctx, "s0-l0-apr", "3,2"); err != nil {
		t.Fatal(err)
	}
	if err := typeInto(ctx, "s1-name", "Staking"); err != nil {
		t.Fatal(err)
	}
	var aprError, nameError, list string
	if err := chromedp.Run(ctx,
		chromedp.WaitVisible("#s1-name-error", chromedp.ByQuery),
		chromedp.Text("#s0-l0-apr-error", &aprError, chromedp.ByQuery),
		chromedp.Text("#s1-name-error", &nameError, chromedp.ByQuery),
		chromedp.Text("#results .problems", &list, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ where, got, want string }{
		{"under the APR", aprError, `use a point for decimals: 3.2 (you typed "3,2")`},
		{"under the name", nameError, `is already the name of scenario 1 “Staking”; each scenario needs a name of its own (you typed "Staking")`},
		{"in the list", list, `Scenario 1 “Staking”, layer 1 “Lido”: APR must be`},
		{"in the list", list, `Scenario 2 “Staking”: Scenario name is already the name of scenario 1 “Staking”`},
	} {
		if !strings.Contains(c.got, c.want) {
			t.Errorf("%s: %q does not say %q", c.where, c.got, c.want)
		}
	}
	if strings.Contains(list, "[") {
		t.Errorf("the problem list names a path of the file: %q", list)
	}
}
