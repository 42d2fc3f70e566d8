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
