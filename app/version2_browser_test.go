//go:build !wasm

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Version 2 in a real browser: for the opening examples and the golden version 2 files opened as
// links, every figure eval prints (the section 4 figures, the loop's and each layer's reward
// token figures) is on the page as a data-value hook with the same text, and the page shows
// nothing eval does not; and a looped scenario's liquidation discount stands beside the
// discounts of history.

// evalFigures runs `app eval` on file and returns every figure it prints by "scenario/field",
// the layers' as "scenario/layers[J].field". The page's own hooks of section 7.8 (gross, fee,
// net, break_even_day, risk_budget, best_claim_every) are not eval's: they are left out.
func evalFigures(t testing.TB, file []byte) map[string]string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := runEval([]string{"-"}, bytes.NewReader(file), &stdout, &stderr); code != 0 {
		t.Fatalf("app eval = %d: %s", code, stderr.String())
	}
	var doc struct {
		Scenarios []map[string]json.RawMessage `json:"scenarios"`
	}
	dec := json.NewDecoder(&stdout)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("reading eval's output: %v", err)
	}
	text := func(raw json.RawMessage) string {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
		return string(raw)
	}
	out := map[string]string{}
	for i, sc := range doc.Scenarios {
		for name, raw := range sc {
			switch name {
			case "name":
			case "layers":
				var layers []map[string]json.RawMessage
				json.Unmarshal(raw, &layers)
				for j, l := range layers {
					for _, f := range []string{"tokens", "token_value"} {
						if v, ok := l[f]; ok {
							out[fmt.Sprintf("%d/layers[%d].%s", i, j, f)] = text(v)
						}
					}
				}
			default:
				out[fmt.Sprintf("%d/%s", i, name)] = text(raw)
			}
		}
	}
	return out
}

// version2Hooks reads the page's hooks that eval prints: every data-field but the page's own.
func version2Hooks(ctx context.Context) (map[string]string, error) {
	got, err := pageFigures(ctx)
	for k := range got {
		field := k[strings.IndexByte(k, '/')+1:]
		switch {
		case strings.HasSuffix(field, ".gross"), strings.HasSuffix(field, ".fee"), strings.HasSuffix(field, ".net"),
			field == "break_even_day", field == "risk_budget", field == "best_claim_every":
			delete(got, k)
		}
	}
	return got, err
}

func TestBrowserPageShowsVersion2FiguresAsEval(t *testing.T) {
	files := map[string][]byte{}
	examples, err := defaultSet().MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	files["the examples"] = examples
	for _, name := range []string{"eigen-rewards.json", "loop.json"} {
		data, err := os.ReadFile(filepath.Join("../calc/testdata/golden", name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = data
	}
	base, _ := serveSite(t, siteDir(t), "/")
	browser := newBrowser(t)
	for name, file := range files {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(browser), browserTimeout)
		want := evalFigures(t, file)
		reopen(t, ctx, base+plainFileLink(string(file)))
		var got map[string]string
		var diffs []string
		for range 100 {
			got, err = version2Hooks(ctx)
			if err != nil {
				t.Fatal(err)
			}
			diffs = diffs[:0]
			for k, w := range want {
				if g, ok := got[k]; !ok {
					diffs = append(diffs, fmt.Sprintf("no hook for %s (eval: %s)", k, w))
				} else if g != w {
					diffs = append(diffs, fmt.Sprintf("%s = %s, eval prints %s", k, g, w))
				}
			}
			for k, g := range got {
				if _, ok := want[k]; !ok {
					diffs = append(diffs, fmt.Sprintf("the page shows %s = %s, which eval does not print", k, g))
				}
			}
			if len(diffs) == 0 {
				break
			}
			chromedp.Run(ctx, chromedp.Sleep(100e6))
		}
		for _, d := range diffs {
			t.Errorf("%s: %s", name, d)
		}
		// Every loop's discount beside history, in words that carry the figure.
		for k, w := range want {
			i, field, _ := strings.Cut(k, "/")
			if field != "liquidation_discount" || want[i+"/liquidated_day"] != "0" {
				continue
			}
			var words string
			if err := chromedp.Run(ctx, chromedp.Text("#loop-discount-"+i, &words, chromedp.ByQuery)); err != nil {
				t.Fatalf("%s: reading #loop-discount-%s: %v", name, i, err)
			}
			if !strings.Contains(words, "a discount of "+w+" % on the position liquidates this loop") ||
				!strings.Contains(words, "stETH discount, June 2022: 6 %") {
				t.Errorf("%s: #loop-discount-%s says %q, want the discount %s %% beside stETH's 6 %% of June 2022", name, i, words, w)
			}
		}
		cancel()
	}
}

// TestBrowserRewardAndLoopEditing edits version 2 on the page as a user would: an APR typed at
// today's price becomes the tokens a year (SPEC 8.1, 1.5 / 100 / 0.0003 = 50) and the figures
// follow eval's for that file; points added to a layer are worth 0 and say it is a guess; a loop
// added names what it still needs.
func TestBrowserRewardAndLoopEditing(t *testing.T) {
	ctx := openPage(t, "")
	for _, id := range []string{"s1-l1-reward-toggle", "s0-l0-reward-toggle", "s0-loop-toggle"} {
		click(t, ctx, id)
	}
	if err := typeInto(ctx, "s1-l1-reward-apr", "1.5"); err != nil {
		t.Fatal(err)
	}
	d := draftFromSet(defaultSet())
	d.scenarios[1].layers[1].reward.perYear = "50"
	waitInputsShowFile(t, ctx, "APR 1.5 % at today's price", d.scenarioFile(), "scenarios[1].layers[1].reward.per_year")
	want := evalFigures(t, d.scenarioFile())
	waitFigures(t, ctx, "APR 1.5 % at today's price", mapPairs(want))

	click(t, ctx, "s0-l0-reward-add-points")
	d.scenarios[0].layers[0].reward = draftReward{on: true, token: pointsToken, price: "0", sell: "hold"}
	var words string
	if err := chromedp.Run(ctx, chromedp.WaitVisible("#s0-l0-reward-per-year", chromedp.ByQuery),
		chromedp.Text("#s0-l0-reward-worth", &words, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(words, "PTS valued at 0 ETH each (your guess)") {
		t.Errorf("points added say %q, want their worth stated as a guess of 0", words)
	}
	if err := typeInto(ctx, "s0-l0-reward-per-year", "1000"); err != nil {
		t.Fatal(err)
	}
	d.scenarios[0].layers[0].reward.perYear = "1000"
	waitInputsShowFile(t, ctx, "points added", d.scenarioFile(), "scenarios[0].layers[0].reward.token", "scenarios[0].layers[0].reward.price")
	waitFigures(t, ctx, "points added", mapPairs(evalFigures(t, d.scenarioFile())))

	click(t, ctx, "s0-loop-add")
	for _, f := range []string{"leverage", "borrow-apr", "liquidation-ltv"} {
		if err := chromedp.Run(ctx, chromedp.WaitVisible("#s0-loop-"+f+"-error", chromedp.ByQuery)); err != nil {
			t.Errorf("a loop just added does not say its %s is missing: %v", f, err)
		}
	}
}

// mapPairs returns m's entries as waitFigures takes them.
func mapPairs(m map[string]string) [][2]string {
	var out [][2]string
	for k, v := range m {
		out = append(out, [2]string{k, v})
	}
	return out
}

// TestBrowserWidgetShowsVersion2FiguresAsEval opens the golden version 2 files in the widget,
// locked and not: its results carry the loop's figures as eval prints them (the layer breakdown,
// and so the tokens' figures, is the full page's).
func TestBrowserWidgetShowsVersion2FiguresAsEval(t *testing.T) {
	base, _ := serveSite(t, siteDir(t), "/")
	browser := newBrowser(t)
	for _, name := range []string{"eigen-rewards.json", "loop.json"} {
		file, err := os.ReadFile(filepath.Join("../calc/testdata/golden", name))
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{}
		for k, v := range evalFigures(t, file) {
			if !strings.Contains(k, "/layers[") {
				want[k] = v
			}
		}
		for _, query := range []string{"?embed=1", "?embed=1&lock=1"} {
			ctx, cancel := context.WithTimeout(context.WithoutCancel(browser), browserTimeout)
			chromedp.Run(ctx, chromedp.Navigate("about:blank"))
			openWidget(t, ctx, base+query+plainFileLink(string(file)))
			waitFigures(t, ctx, name+" in the widget "+query, mapPairs(want))
			cancel()
		}
	}
}
