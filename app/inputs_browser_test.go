//go:build !wasm

package main

import (
	"context"
	"fmt"
	"testing"
	"time"

	"restakecalc/calc"

	"github.com/chromedp/chromedp"
)

// What every input shows is the scenario file the page computes, in a real browser: a field
// that is not in the file reads empty (its default is the placeholder), never the text an earlier
// render or the pre-rendered examples left in the same element.

// inputValues reads the value of every input and select on the page by id; a checkbox reads
// "true" or "false".
func inputValues(ctx context.Context) (map[string]string, error) {
	var got map[string]string
	err := chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const out = {};
		for (const el of document.querySelectorAll("input[id], select[id]")) {
			out[el.id] = el.type === "checkbox" ? String(el.checked) : el.value;
		}
		return out;
	})()`, &got))
	return got, err
}

// waitInputs waits until every input named in want (by id) shows its value, and reports every
// difference when they do not within a few seconds.
func waitInputs(t testing.TB, ctx context.Context, what string, want map[string]string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err := inputValues(ctx)
		if err != nil {
			t.Fatalf("%s: reading the inputs: %v", what, err)
		}
		var diffs []string
		for id, w := range want {
			g, ok := got[id]
			if !ok {
				diffs = append(diffs, fmt.Sprintf("#%s is not on the page, want %q", id, w))
			} else if g != w {
				diffs = append(diffs, fmt.Sprintf("#%s = %q, want %q", id, g, w))
			}
		}
		if len(diffs) == 0 {
			return
		}
		if time.Now().After(deadline) {
			for _, d := range diffs {
				t.Errorf("%s: %s", what, d)
			}
			t.FailNow()
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// onlyAPRLink is a share link whose one layer has nothing but its name and APR: every other field
// of the layer and the set's fiat price take their defaults.
const onlyAPRFile = `{"version":1,"amount":"32","days":365,"scenarios":[{"name":"Plain","layers":[{"name":"Bare","apr":"3"}]}]}`

// TestBrowserInputsShowNothingTheFileLeavesOut opens a link whose layer has only an APR over the
// pre-rendered examples, whose first layer has a fee, gas and tokens: none of them may stay in
// the inputs. Then it removes a scenario of the examples: the one that moves up shows its own
// fields, not the removed one's.
func TestBrowserInputsShowNothingTheFileLeavesOut(t *testing.T) {
	base, _ := serveSite(t, siteDir(t), "/")
	ctx := newBrowser(t)
	reopen(t, ctx, base+plainFileLink(onlyAPRFile))
	set, err := calc.Parse([]byte(onlyAPRFile))
	if err != nil {
		t.Fatal(err)
	}
	waitFigures(t, ctx, "the link's scenario", expectFigures(t, draftFromSet(set)))
	waitInputs(t, ctx, "a layer with only an APR", map[string]string{
		"s0-name":              "Plain",
		"s0-instant_exit_cost": "",
		"s0-l0-name":           "Bare",
		"s0-l0-apr":            "3",
		"s0-l0-fee":            "",
		"s0-l0-entry_gas":      "",
		"s0-l0-exit_gas":       "",
		"s0-l0-accepts":        "",
		"s0-l0-gives":          "",
		"amount":               "32",
		"days":                 "365",
		"price":                "",
		"price-growth":         "",
	})

	// The examples, then the restaking scenario removed: the multistaking one moves up into its
	// editors, and its first layer has no exit gas, its second no fee, the scenario no instant
	// exit discount.
	reopen(t, ctx, base)
	if err := chromedp.Run(ctx, chromedp.Click("#s1-remove", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	d := draftFromSet(defaultSet()).removeScenario(1)
	waitFigures(t, ctx, "restaking removed", expectFigures(t, d))
	waitInputs(t, ctx, "restaking removed", map[string]string{
		"s1-name":              "Multistaking",
		"s1-instant_exit_cost": "",
		"s1-l0-name":           "ether.fi",
		"s1-l0-fee":            "10",
		"s1-l0-exit_gas":       "",
		"s1-l1-name":           "Aave",
		"s1-l1-fee":            "",
		"s1-l1-accepts":        "weETH",
	})
}
