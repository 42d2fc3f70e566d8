//go:build !wasm

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"restakecalc/calc"

	"github.com/chromedp/chromedp"
)

// The property of SPEC section 6 in a real browser: for scenario files made from a seed (sparse
// ones with only the required fields, full ones) and the golden files, through opening a link,
// a reload, filling a layer from a preset and removing and moving scenarios and layers, every
// input with a data-path reads back as the value of the scenario file the page should hold. The
// expected file is worked out on the file's JSON, not with the page's draft.

// seededSet returns a valid scenario set made from seed: with full false only the required
// fields, with full true every field, version 2's reward tokens and loops on some layers and
// scenarios.
func seededSet(seed uint64, full bool) calc.Set {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	dec := func(lo, hi, places int) string { // a decimal between lo and hi with up to places digits after the point
		n := lo*pow10(places) + r.IntN((hi-lo)*pow10(places)+1)
		return decimalText(n, places)
	}
	s := calc.Set{Version: calc.Version, Amount: mustDecimal(dec(1, 100, 2)), Asset: "ETH", Currency: "USD",
		Days: 30 + r.IntN(3000)}
	if full {
		s.Title = fmt.Sprintf("Seed %d", seed)
		s.Price = mustDecimal(dec(500, 4000, 2))
		s.PriceGrowth = mustDecimal("-" + dec(0, 10, 1))
		if r.IntN(2) == 0 {
			s.PriceGrowth = mustDecimal(dec(0, 10, 1))
		}
	}
	tokens := []string{"stETH", "weETH", "rsETH", "ezETH", "aETH"}
	for i := range 1 + r.IntN(4) {
		sc := calc.Scenario{Name: fmt.Sprintf("Scenario %d of seed %d", i+1, seed)}
		if full {
			sc.InstantExitCost = mustDecimal(dec(0, 3, 2))
			sc.Note = "made from a seed"
		}
		if full && r.IntN(2) == 0 {
			sc.Loop = &calc.Loop{Leverage: mustDecimal(dec(1, 3, 2)), BorrowAPR: mustDecimal(dec(0, 5, 2)),
				LiquidationLTV: mustDecimal(dec(80, 95, 1)), LiquidationPenalty: mustDecimal(dec(0, 8, 1)),
				EntryCost: mustDecimal(dec(0, 1, 2))}
		}
		gives := "ETH"
		for j := range 1 + r.IntN(4) {
			l := calc.NewLayer(fmt.Sprintf("Layer %d", j+1))
			l.APR = mustDecimal(dec(0, 12, 2))
			if full {
				l.Accepts = gives
				gives = tokens[r.IntN(len(tokens))]
				l.Gives = gives
				l.Fee = mustDecimal(dec(0, 25, 1))
				l.EntryGas = mustDecimal("0." + fmt.Sprintf("%04d", r.IntN(30)))
				l.ExitGas = mustDecimal("0." + fmt.Sprintf("%04d", r.IntN(30)))
				l.EntryCost = mustDecimal(dec(0, 1, 2))
				l.ExitCost = mustDecimal(dec(0, 1, 2))
				l.LockupDays = r.IntN(20)
				l.WithdrawDays = r.IntN(20)
				l.RiskProbability = mustDecimal(dec(0, 3, 1))
				l.RiskLoss = mustDecimal(dec(0, 40, 0))
				l.Note = fmt.Sprintf("layer %d of seed %d", j+1, seed)
				if r.IntN(2) == 0 {
					l.Payout = calc.Claim
					l.ClaimEvery = 1 + r.IntN(180)
					l.ClaimGas = mustDecimal("0.000" + fmt.Sprint(r.IntN(10)))
					l.Reinvest = r.IntN(2) == 0
				}
				if r.IntN(2) == 0 {
					rw := &calc.Reward{Token: []string{"EIGEN", "PTS", "KING"}[r.IntN(3)], PerYear: mustDecimal(dec(0, 500, 3)),
						Price: mustDecimal("0.000" + fmt.Sprint(r.IntN(10))), PriceGrowth: mustDecimal(dec(0, 50, 0)),
						Sell: calc.Hold, ClaimGas: mustDecimal("0.000" + fmt.Sprint(r.IntN(10))), SellCost: mustDecimal(dec(0, 2, 1))}
					if r.IntN(2) == 0 {
						rw.Sell, rw.ClaimEvery = calc.SellOnClaim, 1+r.IntN(60)
					}
					l.Reward = rw
				}
			}
			sc.Layers = append(sc.Layers, l)
		}
		s.Scenarios = append(s.Scenarios, sc)
	}
	return s
}

func pow10(n int) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}

// decimalText writes n / 10^places.
func decimalText(n, places int) string {
	if places == 0 {
		return fmt.Sprint(n)
	}
	p := pow10(places)
	return fmt.Sprintf("%d.%0*d", n/p, places, n%p)
}

// fileDoc is a scenario file as generic JSON, numbers kept as written, for the expected file of
// each step to be worked out by hand.
type fileDoc = map[string]any

func decodeDoc(t testing.TB, data []byte) fileDoc {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc fileDoc
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("decoding %s: %v", data, err)
	}
	return doc
}

func encodeDoc(t testing.TB, doc fileDoc) []byte {
	t.Helper()
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func docScenarios(doc fileDoc) []any { return doc["scenarios"].([]any) }

func docLayers(doc fileDoc, i int) []any {
	return docScenarios(doc)[i].(map[string]any)["layers"].([]any)
}

// docPaths returns the data-path of every field the editors show of doc with every layer
// unfolded.
func docPaths(t testing.TB, doc fileDoc) []string {
	s, err := calc.Parse(encodeDoc(t, doc))
	if err != nil {
		// A step may leave a file the engine refuses (a preset whose token does not follow the
		// layer below): its inputs still show it, but the list of fields comes from the shape.
		s = calc.Set{}
		for i := range docScenarios(doc) {
			sc := calc.Scenario{}
			if _, ok := docScenarios(doc)[i].(map[string]any)["loop"]; ok {
				sc.Loop = &calc.Loop{}
			}
			for _, l := range docLayers(doc, i) {
				layer := calc.Layer{}
				if l.(map[string]any)["payout"] == "claim" {
					layer.Payout = calc.Claim
				}
				if _, ok := l.(map[string]any)["reward"]; ok {
					layer.Reward = &calc.Reward{}
				}
				sc.Layers = append(sc.Layers, layer)
			}
			s.Scenarios = append(s.Scenarios, sc)
		}
	}
	return fieldPaths(s)
}

// checkInputs unfolds every layer and reads every input back against doc.
func checkInputs(t testing.TB, ctx context.Context, what string, doc fileDoc) {
	t.Helper()
	unfoldAll(t, ctx)
	waitInputsShowFile(t, ctx, what, encodeDoc(t, doc), docPaths(t, doc)...)
}

// click clicks the element with that id through the DOM (the sticky summary bar may cover it
// on screen).
func click(t testing.TB, ctx context.Context, id string) {
	t.Helper()
	if err := chromedp.Run(ctx, chromedp.WaitReady("#"+id, chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById(`+jsString(id)+`).click()`, nil)); err != nil {
		t.Fatalf("clicking #%s: %v", id, err)
	}
}

func TestBrowserInputsShowTheFileThroughEveryFlow(t *testing.T) {
	lib, err := shippedLibrary()
	if err != nil {
		t.Fatal(err)
	}
	pr, ok := lib.Preset("lido-steth")
	if !ok {
		t.Fatal("no lido-steth preset in the library")
	}
	type file struct {
		name  string
		data  []byte
		flows bool // remove, move and fill too, not only open and reload
	}
	var files []file
	for _, seed := range []uint64{1, 2, 3} {
		for _, full := range []bool{false, true} {
			s := seededSet(seed, full)
			data, err := s.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := calc.Parse(data); err != nil {
				t.Fatalf("seed %d (full %v) makes a file the engine refuses: %v\n%s", seed, full, err, data)
			}
			files = append(files, file{fmt.Sprintf("seed %d, full %v", seed, full), data, seed != 3})
		}
	}
	golden, _ := filepath.Glob("../calc/testdata/golden/*.json")
	for _, g := range golden {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := calc.Parse(data); err == nil {
			files = append(files, file{filepath.Base(g), data, false})
		}
	}

	// The preset's layer as calc writes it, at the page's opening gas price.
	presetSet := calc.Set{Version: calc.Version, Amount: mustDecimal("1"), Asset: "ETH", Currency: "USD", Days: 1,
		Scenarios: []calc.Scenario{{Name: "x", Layers: []calc.Layer{pr.Layer(mustDecimal(defaultGasPriceGwei))}}}}
	presetData, _ := presetSet.MarshalJSON()
	presetLayer := docLayers(decodeDoc(t, presetData), 0)[0]

	var stress calc.StressCase
	for _, c := range lib.Stress {
		if c.ID == "exit-queue-2025" {
			stress = c
		}
	}
	if stress.ID == "" {
		t.Fatal("no exit-queue-2025 stress case in the library")
	}

	base, _ := serveSite(t, siteDir(t), "/")
	ctx := newBrowser(t)
	for _, f := range files {
		doc := decodeDoc(t, f.data)
		reopen(t, ctx, base+plainFileLink(string(f.data)))
		checkInputs(t, ctx, f.name+": opened", doc)

		if err := chromedp.Run(ctx, chromedp.Reload()); err != nil {
			t.Fatal(err)
		}
		waitLive(t, ctx)
		checkInputs(t, ctx, f.name+": reloaded", doc)
		if !f.flows {
			continue
		}

		if len(docLayers(doc, 0)) > 1 {
			click(t, ctx, "s0-l0-down")
			layers := docLayers(doc, 0)
			layers[0], layers[1] = layers[1], layers[0]
			checkInputs(t, ctx, f.name+": first layer moved up the stack", doc)
			click(t, ctx, "s0-l0-remove")
			docScenarios(doc)[0].(map[string]any)["layers"] = layers[1:]
			checkInputs(t, ctx, f.name+": bottom layer removed", doc)
		}
		if len(docScenarios(doc)) > 1 {
			click(t, ctx, "s0-right")
			sc := docScenarios(doc)
			sc[0], sc[1] = sc[1], sc[0]
			checkInputs(t, ctx, f.name+": first scenario moved right", doc)
			click(t, ctx, "s0-remove")
			doc["scenarios"] = sc[1:]
			checkInputs(t, ctx, f.name+": first scenario removed", doc)
		}
		// A stress case from history, applied through its panel, sets its fields as text.
		click(t, ctx, "s0-stress-toggle")
		click(t, ctx, "s0-stress-"+stress.ID+"-apply")
		applyStress(doc, 0, stress)
		checkInputs(t, ctx, f.name+": stress case "+stress.ID+" applied", doc)
		if sc := docScenarios(doc); len(sc) < calc.MaxScenarios {
			click(t, ctx, "s0-duplicate")
			dup := decodeDoc(t, encodeDoc(t, sc[0].(map[string]any))) // a copy, layers included
			dup["name"] = sc[0].(map[string]any)["name"].(string) + " (copy)"
			doc["scenarios"] = append([]any{sc[0], dup}, sc[1:]...)
			checkInputs(t, ctx, f.name+": first scenario duplicated", doc)
		}
		if err := fillFromPreset(ctx, pr.ID); err != nil {
			t.Fatalf("%s: filling from %s: %v", f.name, pr.ID, err)
		}
		docLayers(doc, 0)[0] = presetLayer
		checkInputs(t, ctx, f.name+": bottom layer filled from "+pr.ID, doc)
	}
}

// applyStress sets the fields of stress case c in scenario i of doc, on the scenario or on the
// layers it targets, as the text the case gives.
func applyStress(doc fileDoc, i int, c calc.StressCase) {
	sc := docScenarios(doc)[i].(map[string]any)
	layers := docLayers(doc, i)
	var targets []map[string]any
	switch c.Target {
	case calc.TargetScenario:
		targets = []map[string]any{sc}
	case calc.TargetTopLayer:
		targets = []map[string]any{layers[len(layers)-1].(map[string]any)}
	case calc.TargetBottomLayer:
		targets = []map[string]any{layers[0].(map[string]any)}
	case calc.TargetEveryLayer:
		for _, l := range layers {
			targets = append(targets, l.(map[string]any))
		}
	}
	for _, target := range targets {
		for _, f := range c.Patch {
			target[f.Field] = f.Value
		}
	}
}
