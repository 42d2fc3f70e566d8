//go:build !wasm

package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"restakecalc/assets"
	"restakecalc/calc"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"
)

// What the results and answers say in a real browser, over the static site that ships: what
// nobody entered is said to be not entered, "best" marks only outcomes, a verdict names the
// leaders, six scenarios keep their figure names in view, and every answer finishes, however
// long the horizon, while the page keeps answering.

// viewports are the widths and themes every test here runs at.
var viewports = []struct {
	name  string
	width int64
	theme string
}{
	{"1280-light", 1280, "light"},
	{"1280-dark", 1280, "dark"},
	{"360-light", 360, "light"},
	{"360-dark", 360, "dark"},
}

// openSet opens the site on a share link of set, at a width and theme, and waits until the
// page runs.
func openSet(t *testing.T, set calc.Set, width int64, theme string) context.Context {
	t.Helper()
	link, err := calc.EncodeLink(set)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := serveSite(t, siteDir(t), "/")
	ctx := newBrowser(t)
	err = chromedp.Run(ctx,
		emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: theme}}),
		chromedp.EmulateViewport(width, 900),
		chromedp.Navigate(base+"?theme="+theme+"#"+link))
	if err != nil {
		t.Fatal(err)
	}
	if err := waitWasm(ctx); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx, chromedp.WaitVisible(`.calc[data-live="true"]`, chromedp.ByQuery)); err != nil {
		t.Fatalf("the page did not go live: %v", err)
	}
	return ctx
}

// checkAxe runs axe-core on the page as it is and reports every violation.
func checkAxe(t *testing.T, ctx context.Context, script string) {
	t.Helper()
	vs, err := runAxe(ctx, script)
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	for _, v := range vs {
		t.Errorf("axe %s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
	}
}

// textOf returns the text the page shows for a selector, spaces squeezed.
func textOf(ctx context.Context, sel string) (string, error) {
	var s string
	err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(
		`(document.querySelector(%q) || {}).textContent || ""`, sel), &s))
	return strings.Join(strings.Fields(s), " "), err
}

// sixScenarios is the defaults without a price, and three more: Lido with no risk entered, a
// points layer alone, and a layer that earns nothing.
func sixScenarios() calc.Set {
	s := defaultSet()
	s.Price = decimal.Zero
	bare := calc.NewLayer("Lido")
	bare.Accepts, bare.Gives = "ETH", "stETH"
	bare.APR, bare.Fee = mustDecimal("3.2"), mustDecimal("10")
	bare.EntryGas, bare.ExitGas, bare.WithdrawDays = mustDecimal("0.002"), mustDecimal("0.002"), 5
	points := calc.NewLayer("Points")
	points.APR = mustDecimal("2")
	idle := calc.NewLayer("Wallet")
	idle.APR = decimal.Zero
	s.Scenarios = append(s.Scenarios,
		calc.Scenario{Name: "Lido, risk not entered", Layers: []calc.Layer{bare}},
		calc.Scenario{Name: "Points alone", Layers: []calc.Layer{points}},
		calc.Scenario{Name: "Idle", Layers: []calc.Layer{idle}})
	return s
}

// outcomeFields are the rows where more is better: the only ones with a "best".
var outcomeFields = map[string]bool{"final": true, "gain": true, "apy": true, "instant": true,
	"fiat_final": true, "final_expected": true, "apy_expected": true}

func TestBrowserTrustSaysWhatIsNotEnteredAndWhoLeads(t *testing.T) {
	script := axeScript(t)
	set := sixScenarios()
	res, err := calc.Evaluate(set, calc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Worked out here from the engine's figures, not by the page's code: who has a risk, a
	// discount; the largest expected final among those with a risk.
	hasRisk := func(i int) bool {
		for _, l := range set.Scenarios[i].Layers {
			if l.RiskProbability.Sign() > 0 && l.RiskLoss.Sign() > 0 {
				return true
			}
		}
		return false
	}
	discounts := 0 // scenarios whose instant exit discount is entered: "best" needs two to compare
	for _, sc := range set.Scenarios {
		if sc.InstantExitCost.Sign() > 0 {
			discounts++
		}
	}
	bestExpected := -1
	for i, r := range res.Scenarios {
		if hasRisk(i) && (bestExpected < 0 || r.FinalExpected.GreaterThan(res.Scenarios[bestExpected].FinalExpected)) {
			bestExpected = i
		}
	}
	leadNominal, leadExpected := 0, 0
	for i, r := range res.Scenarios {
		if r.Final.GreaterThan(res.Scenarios[leadNominal].Final) {
			leadNominal = i
		}
		if r.FinalExpected.GreaterThan(res.Scenarios[leadExpected].FinalExpected) {
			leadExpected = i
		}
	}

	for _, vp := range viewports {
		t.Run(vp.name, func(t *testing.T) {
			ctx := openSet(t, set, vp.width, vp.theme)
			waitFigures(t, ctx, "six scenarios", expectFigures(t, draftFromSet(set)))

			// Unknown is not zero: the words, with the engine's values kept in data-value.
			for _, c := range []struct {
				scenario int
				field    string
				say      []string
				not      string
			}{
				{3, "p_loss", []string{"risk not entered"}, "0.00"},
				{3, "final_expected", []string{"= nominal", "risk not entered"}, "ETH"},
				{3, "apy_expected", []string{"= nominal", "risk not entered"}, "%"},
				{3, "lost_expected", []string{"risk not entered"}, "ETH"},
				{0, "instant", []string{"discount not entered"}, "ETH"},
				{0, "fiat_final", []string{"no price entered"}, "USD"},
				{1, "instant", []string{"ETH"}, "not entered"},
				{0, "p_loss", []string{"%"}, "not entered"},
			} {
				sel := fmt.Sprintf(`td[data-scenario="%d"][data-field="%s"]`, c.scenario, c.field)
				text, err := textOf(ctx, sel)
				if err != nil {
					t.Fatal(err)
				}
				for _, w := range c.say {
					if !strings.Contains(text, w) {
						t.Errorf("%s says %q, want %q in it", sel, text, w)
					}
				}
				if strings.Contains(text, c.not) {
					t.Errorf("%s says %q, want no %q", sel, text, c.not)
				}
			}

			// "best" only on outcomes, and among the figures someone entered.
			var best []string
			if err := chromedp.Run(ctx, chromedp.Evaluate(`[...document.querySelectorAll("td.figure.best")].map(e => e.dataset.scenario + "/" + e.dataset.field)`, &best)); err != nil {
				t.Fatal(err)
			}
			bestExpectedMarked := false
			for _, b := range best {
				scenario, field, _ := strings.Cut(b, "/")
				i, _ := strconv.Atoi(scenario)
				switch {
				case !outcomeFields[field]:
					t.Errorf("%s is marked best: it is no outcome", b)
				case field == "instant" && (discounts < 2 || set.Scenarios[i].InstantExitCost.Sign() == 0):
					t.Errorf("%s is marked best, but %d scenarios have a discount entered, scenario %d's being %s",
						b, discounts, i, set.Scenarios[i].InstantExitCost)
				case (field == "final_expected" || field == "apy_expected") && !hasRisk(i):
					t.Errorf("%s is marked best without a risk entered", b)
				case field == "final_expected":
					bestExpectedMarked = bestExpectedMarked || i == bestExpected
				}
			}
			if !bestExpectedMarked {
				t.Errorf("best final_expected not marked on scenario %d, the largest with a risk entered (marked: %v)", bestExpected, best)
			}

			// The verdict names both leaders and by how much, in the asset and in APY points.
			verdict, err := textOf(ctx, "#results-verdict")
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []string{
				"Nominal: scenario " + strconv.Itoa(leadNominal+1) + " “" + set.Scenarios[leadNominal].Name + "” leads by",
				"Risk-adjusted: scenario " + strconv.Itoa(leadExpected+1) + " “" + set.Scenarios[leadExpected].Name + "” leads by",
				"ETH", "APY points",
			} {
				if !strings.Contains(verdict, w) {
					t.Errorf("the verdict %q does not say %q", verdict, w)
				}
			}
			if notEntered := "risk not entered for scenario " + strconv.Itoa(leadExpected+1); hasRisk(leadExpected) == strings.Contains(verdict, notEntered) {
				t.Errorf("the verdict %q: says %q = %v, want %v", verdict, notEntered, !hasRisk(leadExpected), !hasRisk(leadExpected))
			}

			// The summary bar: risk-adjusted where a risk is entered, "risk not entered" where not.
			for i, r := range res.Scenarios {
				li, err := textOf(ctx, fmt.Sprintf(".live-summary li:nth-child(%d)", i+1))
				if err != nil {
					t.Fatal(err)
				}
				want := "risk-adjusted " + r.APYExpected.StringFixedBank(2) + " %" // rounded half-even, as the page rounds
				if !hasRisk(i) {
					want = "risk not entered"
				}
				if vp.width >= 1280 && !strings.Contains(li, want) {
					t.Errorf("summary of scenario %d says %q, want %q in it", i+1, li, want)
				}
			}

			// The answers say when a comparison rests on a risk nobody entered.
			if text, _ := textOf(ctx, "#answers .answer:nth-child(4) .break-even-expected"); !strings.Contains(text, "risk not entered for Lido, risk not entered") {
				t.Errorf("the answers for scenario 4 say %q, want it to say its risk is not entered", text)
			}

			// Six scenarios at 1280 px: the figures' names stay in view and the page says more
			// columns are to the right; at 360 px the rows stack and nothing scrolls sideways.
			if vp.width >= 1280 {
				checkScrolling(t, ctx)
			} else {
				var hidden bool
				if err := chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("results-scroll-hint").hidden`, &hidden)); err != nil || !hidden {
					t.Errorf("at 360 px the rows stack, yet the page says more columns scroll (hidden = %v, %v)", hidden, err)
				}
				var overflow int
				if err := chromedp.Run(ctx, chromedp.Evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`, &overflow)); err != nil {
					t.Fatal(err)
				}
				if overflow > 0 {
					t.Errorf("the page is %d px wider than the screen", overflow)
				}
			}
			checkAxe(t, ctx, script)

			// A stress case applied to the scenario without a risk: its summary shows the
			// risk-adjusted APY calc gives for the stressed file.
			lib, err := calc.ParsePresets(assets.PresetsJSON)
			if err != nil {
				t.Fatal(err)
			}
			var beanstalk calc.StressCase
			for _, c := range lib.Stress {
				if c.ID == "beanstalk-2022" {
					beanstalk = c
				}
			}
			stressed, err := calc.Evaluate(beanstalk.Apply(set, 3), calc.Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := "risk-adjusted " + stressed.Scenarios[3].APYExpected.StringFixedBank(2) + " %" // rounded half-even, as the page rounds
			err = chromedp.Run(ctx,
				chromedp.Click("#s3-stress-toggle", chromedp.ByQuery),
				chromedp.WaitVisible("#s3-stress-beanstalk-2022-apply", chromedp.ByQuery),
				chromedp.Click("#s3-stress-beanstalk-2022-apply", chromedp.ByQuery),
				chromedp.Poll(fmt.Sprintf(`document.querySelector(".live-summary li:nth-child(4)").textContent.includes(%q)`, want), nil,
					chromedp.WithPollingTimeout(10*time.Second)))
			if err != nil {
				li, _ := textOf(ctx, ".live-summary li:nth-child(4)")
				t.Fatalf("after the Beanstalk stress case the summary says %q, want %q: %v", li, want, err)
			}
		})
	}
}

// checkScrolling scrolls the results sideways: before, the page says more scenarios are to
// the right; after, to the left, and every row's name is still at the left edge of the box.
func checkScrolling(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Run(ctx, chromedp.Poll(`(h => h && !h.hidden && h.offsetHeight > 0 && h.textContent.includes("to the right"))(document.getElementById("results-scroll-hint"))`, nil,
		chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		hint, _ := textOf(ctx, "#results-scroll-hint")
		t.Fatalf("six scenarios at 1280 px: the hint says %q, want more to the right: %v", hint, err)
	}
	var offsets []float64
	err := chromedp.Run(ctx,
		chromedp.Evaluate(`(() => { const el = document.getElementById("results-scroll"); el.scrollLeft = el.scrollWidth; })()`, nil),
		chromedp.Poll(`(h => !h.hidden && h.textContent.includes("to the left"))(document.getElementById("results-scroll-hint"))`, nil,
			chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.Evaluate(`(() => {
			const box = document.getElementById("results-scroll").getBoundingClientRect();
			return [...document.querySelectorAll("#results-scroll th.row-label")].map(th => th.getBoundingClientRect().left - box.left);
		})()`, &offsets))
	if err != nil {
		t.Fatalf("scrolling the results to the right: %v", err)
	}
	if len(offsets) == 0 {
		t.Fatal("no row names in the results")
	}
	for k, o := range offsets {
		if o < -1 || o > 1 {
			t.Errorf("row name %d is %.0f px from the box's left edge once scrolled, want 0 (in view)", k, o)
		}
	}
}

// TestBrowserTrustAnswersFinish opens the defaults over 20,001 days, where the risk budgets wait
// to be asked for: asked, they finish with the engine's answers, saying how far they got on the
// way; a change of horizon marks them out of date with the horizon they are of. The best claim
// interval over 20,000 days finishes too. It prints the longest task the browser saw.
func TestBrowserTrustAnswersFinish(t *testing.T) {
	script := axeScript(t)
	set := defaultSet()
	set.Days = 20001
	budgets, err := calc.RiskBudgets(set)
	if err != nil {
		t.Fatal(err)
	}
	later := set
	later.Days = 20000
	cadence, err := calc.ClaimCadence(later, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, vp := range []struct {
		name  string
		width int64
		theme string
	}{{"1280-light", 1280, "light"}, {"360-dark", 360, "dark"}} {
		t.Run(vp.name, func(t *testing.T) {
			page := openSet(t, set, vp.width, vp.theme)
			showAnswers(t, page)
			// The answers take long: a bound of their own, generous, since this is no speed test.
			ctx, cancel := context.WithTimeout(context.WithoutCancel(page), 4*time.Minute)
			defer cancel()
			err := chromedp.Run(ctx,
				chromedp.WaitVisible("#answers-ask-budgets", chromedp.ByQuery),
				chromedp.Evaluate(`(() => {
					window.longestTask = 0;
					new PerformanceObserver(l => { for (const e of l.getEntries()) window.longestTask = Math.max(window.longestTask, e.duration); })
						.observe({type: "longtask"});
					window.progressSeen = [];
					new MutationObserver(() => {
						for (const w of document.querySelectorAll("#answers .working")) window.progressSeen.push(w.textContent);
					}).observe(document.getElementById("answers"), {subtree: true, childList: true, characterData: true});
				})()`, nil),
				chromedp.Click("#answers-ask-budgets", chromedp.ByQuery))
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			var want [][2]string
			for _, rb := range budgets {
				want = append(want, [2]string{fmt.Sprintf("%d/risk_budget", rb.Scenario), rb.ProbabilityPercent.String()})
			}
			err = chromedp.Run(ctx, chromedp.Poll(`document.querySelectorAll("#answers .risk-budget:not(.stale)").length === 2 &&
				!document.querySelector("#answers .working")`, nil, chromedp.WithPollingInterval(100*time.Millisecond)))
			if err != nil {
				text, _ := textOf(page, "#answers")
				t.Fatalf("the risk budgets over 20,001 days did not finish within the bound: %v\nthe answers say: %s", err, text)
			}
			took := time.Since(start)
			waitFigures(t, ctx, "risk budgets over 20,001 days", want)
			var progress []string
			var longest float64
			if err := chromedp.Run(ctx,
				chromedp.Evaluate(`window.progressSeen`, &progress),
				chromedp.Evaluate(`window.longestTask`, &longest)); err != nil {
				t.Fatal(err)
			}
			sawRuns := false
			for _, p := range progress {
				sawRuns = sawRuns || strings.Contains(p, "runs of the ledger")
			}
			if !sawRuns {
				t.Errorf("no progress said while the budgets were worked out (seen: %q)", progress)
			}
			t.Logf("%s: risk budgets over 20,001 days in %v; longest task %.0f ms", vp.name, took.Round(100*time.Millisecond), longest)

			// One day less: the budgets of 20,001 days stay, marked out of date with their horizon.
			if err := typeInto(ctx, "days", "20000"); err != nil {
				t.Fatal(err)
			}
			const outOfDate = "Out of date: worked out for the scenarios before your last change, over 20,001 days."
			if err := chromedp.Run(ctx, chromedp.Poll(fmt.Sprintf(`document.getElementById("answers").textContent.includes(%q) &&
				document.querySelectorAll("#answers .risk-budget.stale").length === 2`, outOfDate), nil,
				chromedp.WithPollingTimeout(10*time.Second))); err != nil {
				text, _ := textOf(page, "#answers")
				t.Fatalf("after a change of horizon the budgets are not marked out of date: %v\nthe answers say: %s", err, text)
			}

			// The best claim interval of EigenLayer over 20,000 days: hundreds of runs, in slices.
			const hook = `[data-scenario="1"][data-layer="1"][data-field="best_claim_every"]`
			start = time.Now()
			var best string
			var ok bool
			err = chromedp.Run(ctx,
				chromedp.Click("#answers-s1-l1-find", chromedp.ByQuery),
				chromedp.WaitVisible(hook, chromedp.ByQuery),
				chromedp.AttributeValue(hook, "data-value", &best, &ok, chromedp.ByQuery),
				chromedp.Evaluate(`window.progressSeen`, &progress),
				chromedp.Evaluate(`window.longestTask`, &longest))
			if err != nil {
				text, _ := textOf(page, "#answers")
				t.Fatalf("the best claim interval over 20,000 days did not finish within the bound: %v\nthe answers say: %s", err, text)
			}
			if best != strconv.Itoa(cadence.BestDays) {
				t.Errorf("best_claim_every over 20,000 days = %q, want %d", best, cadence.BestDays)
			}
			sawTried := false
			for _, p := range progress {
				sawTried = sawTried || strings.Contains(p, "intervals tried")
			}
			if !sawTried {
				t.Errorf("no progress said while the claim interval was searched")
			}
			t.Logf("%s: best claim interval over 20,000 days (%d intervals) in %v; longest task so far %.0f ms",
				vp.name, cadence.Tried, time.Since(start).Round(100*time.Millisecond), longest)
			checkAxe(t, ctx, script)
		})
	}
}

// TestBrowserTrustPresetsSayTheirRisk fills layers without a risk from presets: Lido brings
// Ethereum's historical slashing rate, and the results turn from "risk not entered" into the
// engine's risk-adjusted figures; EigenLayer says, before it fills, that its risk is not set,
// and its scenario stays "risk not entered".
func TestBrowserTrustPresetsSayTheirRisk(t *testing.T) {
	script := axeScript(t)
	lib, err := calc.ParsePresets(assets.PresetsJSON)
	if err != nil {
		t.Fatal(err)
	}
	lido, _ := lib.Preset("lido-steth")
	eigen, _ := lib.Preset("eigenlayer")
	set := calc.Set{Version: calc.Version, Amount: mustDecimal("32"), Asset: "ETH", Currency: "USD", Days: 365}
	plain := func(name string) calc.Layer {
		l := calc.NewLayer(name)
		l.APR = mustDecimal("3")
		return l
	}
	set.Scenarios = []calc.Scenario{
		{Name: "One layer", Layers: []calc.Layer{plain("Staking")}},
		{Name: "Two layers", Layers: []calc.Layer{plain("Staking"), plain("Restaking")}},
	}
	for _, vp := range []struct {
		name  string
		width int64
		theme string
	}{{"1280-light", 1280, "light"}, {"360-dark", 360, "dark"}} {
		t.Run(vp.name, func(t *testing.T) {
			ctx := openSet(t, set, vp.width, vp.theme)
			for i := range set.Scenarios {
				if text, _ := textOf(ctx, fmt.Sprintf(`td[data-scenario="%d"][data-field="p_loss"]`, i)); !strings.Contains(text, "risk not entered") {
					t.Errorf("scenario %d p_loss says %q before any preset, want \"risk not entered\"", i+1, text)
				}
			}
			fill := func(layer, preset string) {
				t.Helper()
				tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
				defer cancel()
				err := chromedp.Run(tctx,
					// Pressed from script: where the summary bar covers the button is another matter.
					chromedp.Evaluate(fmt.Sprintf(`document.getElementById(%q).click()`, layer+"-presets-toggle"), nil),
					chromedp.WaitVisible("#"+layer+"-preset-select", chromedp.ByQuery),
					chromedp.SetValue("#"+layer+"-preset-select", preset, chromedp.ByQuery),
					chromedp.Evaluate(fmt.Sprintf(`document.getElementById(%q).dispatchEvent(new Event("change", {bubbles: true}))`, layer+"-preset-select"), nil),
					chromedp.WaitVisible("#"+layer+"-preset-fill", chromedp.ByQuery))
				if err != nil {
					var options []string
					chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`[...document.querySelectorAll("#%s-preset-select option")].map(o => o.value)`, layer), &options))
					t.Fatalf("filling %s from %s (the picker offers %q): %v", layer, preset, options, err)
				}
			}
			fill("s0-l0", "lido-steth")
			if err := chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("s0-l0-preset-fill").click()`, nil)); err != nil {
				t.Fatal(err)
			}
			d := draftFromSet(set)
			gas, err := calc.ParseDecimal(d.gasPriceGwei)
			if err != nil {
				gas = decimal.Zero
			}
			d = d.withScenario(0, d.scenarios[0].withLayer(0, presetDraftLayer(d.scenarios[0].layers[0], lido, gas)))
			waitFigures(t, ctx, "Lido filled from its preset", expectFigures(t, d))
			if text, _ := textOf(ctx, `td[data-scenario="0"][data-field="p_loss"]`); strings.Contains(text, "not entered") || !strings.Contains(text, "%") {
				t.Errorf("with Lido's slashing rate p_loss says %q, want a percentage", text)
			}

			fill("s1-l1", "eigenlayer")
			if text, _ := textOf(ctx, "#s1-l1-preset-details"); !strings.Contains(text, "Risk not set") {
				t.Errorf("the EigenLayer preset says %q, want \"Risk not set\" in it", text)
			}
			checkAxe(t, ctx, script)
			if err := chromedp.Run(ctx, chromedp.Evaluate(`document.getElementById("s1-l1-preset-fill").click()`, nil)); err != nil {
				t.Fatal(err)
			}
			d = d.withScenario(1, d.scenarios[1].withLayer(1, presetDraftLayer(d.scenarios[1].layers[1], eigen, gas)))
			waitFigures(t, ctx, "EigenLayer filled from its preset", expectFigures(t, d))
			if text, _ := textOf(ctx, `td[data-scenario="1"][data-field="final_expected"]`); !strings.Contains(text, "risk not entered") {
				t.Errorf("Lido-free restaking from presets: final_expected says %q, want \"risk not entered\"", text)
			}
		})
	}
}
