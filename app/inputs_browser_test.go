//go:build !wasm

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"restakecalc/calc"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"
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
	// editors, and its first layer shows its own exit gas, its second no fee (EigenLayer's was 10),
	// the scenario its own instant exit discount.
	reopen(t, ctx, base)
	if err := chromedp.Run(ctx, chromedp.Click("#s1-remove", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	d := draftFromSet(defaultSet()).removeScenario(1)
	waitFigures(t, ctx, "restaking removed", expectFigures(t, d))
	waitInputs(t, ctx, "restaking removed", map[string]string{
		"s1-name":              "Multistaking",
		"s1-instant_exit_cost": "0.3",
		"s1-l0-name":           "ether.fi",
		"s1-l0-fee":            "10",
		"s1-l0-exit_gas":       "0.0004",
		"s1-l1-name":           "Aave",
		"s1-l1-fee":            "",
		"s1-l1-accepts":        "weETH",
	})
}

// shownInput is one input of a scenario-file field as the page shows it.
type shownInput struct {
	ID          string `json:"id"`
	Path        string `json:"path"`
	Value       string `json:"value"` // a checkbox's "true" or "false"
	Placeholder string `json:"placeholder"`
}

// shownInputs reads every input, select and checkbox of the editors: those with a data-path
// hook, and the ids of those without one that edit the scenarios (all but the gas price and the
// preset picker, which are the page's own settings).
func shownInputs(ctx context.Context) (hooked []shownInput, unhooked []string, err error) {
	var got struct {
		Hooked   []shownInput `json:"hooked"`
		Unhooked []string     `json:"unhooked"`
	}
	err = chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		const hooked = [], unhooked = [];
		const editors = ".set-editor, .embed-locked-inputs, .scenario";
		for (const el of document.querySelectorAll("input, select")) {
			const value = el.type === "checkbox" ? String(el.checked) : el.value;
			if (el.dataset.path !== undefined) {
				hooked.push({id: el.id, path: el.dataset.path, value, placeholder: el.placeholder || ""});
			} else if (el.closest(editors) && el.id !== "gas-price" && !el.id.endsWith("-preset-select") &&
				!el.id.endsWith("-apr-after-fee") && !el.id.endsWith("-reward-apr")) { // rates that write a field, not fields
				unhooked.push(el.id);
			}
		}
		return {hooked, unhooked};
	})()`, &got))
	return got.Hooked, got.Unhooked, err
}

// fileValue returns the value at path ("scenarios[1].layers[0].fee") in a scenario file decoded
// with UseNumber, and whether the file gives it.
func fileValue(doc any, path string) (any, bool) {
	v := doc
	for _, part := range strings.Split(path, ".") {
		name, index, indexed := strings.Cut(part, "[")
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = obj[name]; !ok {
			return nil, false
		}
		if indexed {
			i, err := strconv.Atoi(strings.TrimSuffix(index, "]"))
			list, ok := v.([]any)
			if err != nil || !ok || i >= len(list) {
				return nil, false
			}
			v = list[i]
		}
	}
	return v, true
}

// shownMatchesFile says what is wrong with one input against the scenario file, "" when it shows
// the file's value: the text, read as the field's kind, equals the file's value, or the file
// leaves the field out and the input is empty with the field's default as placeholder, or shows
// the default.
func shownMatchesFile(in shownInput, doc any) string {
	f, ok := calc.FieldByPath(in.Path)
	if !ok {
		return fmt.Sprintf("#%s: data-path %q names no field of the scenario file", in.ID, in.Path)
	}
	want, given := fileValue(doc, in.Path)
	wantText := f.Default()
	if given {
		wantText = fmt.Sprint(want)
	}
	switch f.Kind() {
	case calc.DecimalField, calc.IntField:
		if in.Value == "" {
			if given && !decimalEqual(wantText, "0") && !decimalEqual(wantText, f.Default()) {
				return fmt.Sprintf("#%s (%s) is empty, want %s", in.ID, in.Path, wantText)
			}
			if d := f.Default(); d != "" && !decimalEqual(in.Placeholder, d) {
				return fmt.Sprintf("#%s (%s) is empty with placeholder %q, want the default %s", in.ID, in.Path, in.Placeholder, d)
			}
			return ""
		}
		if wantText == "" {
			wantText = "0"
		}
		if !decimalEqual(in.Value, wantText) {
			return fmt.Sprintf("#%s (%s) = %q, want %s", in.ID, in.Path, in.Value, wantText)
		}
	default:
		if in.Value == "" && !given {
			if d := f.Default(); d != "" && in.Placeholder != d {
				return fmt.Sprintf("#%s (%s) is empty with placeholder %q, want the default %s", in.ID, in.Path, in.Placeholder, d)
			}
			return ""
		}
		if in.Value != wantText {
			return fmt.Sprintf("#%s (%s) = %q, want %q", in.ID, in.Path, in.Value, wantText)
		}
	}
	return ""
}

// decimalEqual reports whether two texts are the same number; text that is not one is equal
// only to itself.
func decimalEqual(a, b string) bool {
	x, errA := decimal.NewFromString(a)
	y, errB := decimal.NewFromString(b)
	if errA != nil || errB != nil {
		return a == b
	}
	return x.Equal(y)
}

// waitInputsShowFile waits until every input of a scenario-file field on the page carries its
// data-path hook and shows the value of file, and fails with every difference when they do not
// within a few seconds. paths, when not nil, are hooks the page must show (folded fields are
// built only while unfolded).
func waitInputsShowFile(t testing.TB, ctx context.Context, what string, file []byte, paths ...string) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(file))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("%s: the scenario file: %v", what, err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		hooked, unhooked, err := shownInputs(ctx)
		if err != nil {
			t.Fatalf("%s: reading the inputs: %v", what, err)
		}
		var diffs []string
		for _, id := range unhooked {
			diffs = append(diffs, "#"+id+" edits the scenarios but has no data-path")
		}
		seen := map[string]bool{}
		for _, in := range hooked {
			if seen[in.Path] {
				diffs = append(diffs, fmt.Sprintf("#%s: data-path %q is on two inputs", in.ID, in.Path))
			}
			seen[in.Path] = true
			if d := shownMatchesFile(in, doc); d != "" {
				diffs = append(diffs, d)
			}
		}
		for _, p := range paths {
			if !seen[p] {
				diffs = append(diffs, "no input has data-path "+p)
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

// unfoldAll opens every layer's folded fields, one layer at a time, and switches every layer's
// rewards to claimed when claim is true, so that every field has its input on the page.
func unfoldAll(t testing.TB, ctx context.Context) {
	t.Helper()
	err := chromedp.Run(ctx, chromedp.Evaluate(`(async () => {
		const settle = async (ok) => {
			for (let i = 0; i < 200 && !ok(); i++) await new Promise(r => setTimeout(r, 20));
			if (!ok()) throw new Error("the page did not follow");
		};
		for (const b of [...document.querySelectorAll(".more-toggle")]) {
			if (b.getAttribute("aria-expanded") !== "true") {
				const id = b.id;
				b.click();
				await settle(() => document.getElementById(id).getAttribute("aria-expanded") === "true");
			}
		}
		return true;
	})()`, nil, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	if err != nil {
		t.Fatalf("unfolding the layers: %v", err)
	}
}

// fieldPaths returns the data-path of every field of the set's editors that the page shows when
// every layer is unfolded: the set's, each scenario's and each layer's, the claim settings only
// for claimed rewards.
func fieldPaths(s calc.Set) []string {
	paths := []string{"amount", "asset", "price", "currency", "price_growth", "days"}
	for i, sc := range s.Scenarios {
		paths = append(paths, fmt.Sprintf("scenarios[%d].name", i), fmt.Sprintf("scenarios[%d].instant_exit_cost", i))
		for j, l := range sc.Layers {
			for _, f := range []string{"name", "accepts", "gives", "apr", "fee", "payout", "entry_gas", "exit_gas",
				"entry_cost", "exit_cost", "lockup_days", "withdraw_days", "risk_probability", "risk_loss", "note"} {
				paths = append(paths, fmt.Sprintf("scenarios[%d].layers[%d].%s", i, j, f))
			}
			if l.Payout == calc.Claim {
				for _, f := range []string{"claim_every", "claim_gas", "reinvest"} {
					paths = append(paths, fmt.Sprintf("scenarios[%d].layers[%d].%s", i, j, f))
				}
			}
			if l.Reward != nil {
				for _, f := range []string{"token", "per_year", "price", "price_growth", "sell", "claim_every", "claim_gas", "sell_cost"} {
					paths = append(paths, fmt.Sprintf("scenarios[%d].layers[%d].reward.%s", i, j, f))
				}
			}
		}
		if sc.Loop != nil {
			for _, f := range []string{"leverage", "borrow_apr", "liquidation_ltv", "liquidation_penalty", "entry_cost"} {
				paths = append(paths, fmt.Sprintf("scenarios[%d].loop.%s", i, f))
			}
		}
	}
	return paths
}

// TestBrowserInputsCarryTheirPathAndShowTheFile opens the examples and the version 1 golden files
// as links, unfolds every layer, and reads every input back against the file.
func TestBrowserInputsCarryTheirPathAndShowTheFile(t *testing.T) {
	base, _ := serveSite(t, siteDir(t), "/")
	ctx := newBrowser(t)
	files := map[string][]byte{}
	examples, _ := defaultSet().MarshalJSON()
	files["the examples"] = examples
	golden, _ := filepath.Glob("../calc/testdata/golden/*.json")
	for _, f := range golden {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := calc.Parse(data); err == nil {
			files[filepath.Base(f)] = data
		}
	}
	for name, file := range files {
		set, err := calc.Parse(file)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		reopen(t, ctx, base+plainFileLink(string(file)))
		waitFigures(t, ctx, name, expectFigures(t, draftFromSet(set)))
		waitInputsShowFile(t, ctx, name+", folded", file)
		unfoldAll(t, ctx)
		waitInputsShowFile(t, ctx, name+", unfolded", file, fieldPaths(set)...)
	}
}
