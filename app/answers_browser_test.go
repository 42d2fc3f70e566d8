//go:build !wasm

package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"restakecalc/calc"

	"github.com/chromedp/chromedp"
)

// The answers to "is the extra layer worth it?" in a real browser, over the static site that
// ships: opened from a share link, they must be calc's answers for the same scenario file, and a
// claim interval the page finds must, once used, give the figures calc gives for the changed file.

// answersSet is the default scenarios for 10 ETH over two years: every claim interval is tried.
func answersSet() calc.Set {
	s := defaultSet()
	s.Amount = mustDecimal("10")
	s.Days = 730
	return s
}

// expectAnswers returns the figures of SPEC section 4 for a draft and the answers' hooks: the
// break-even day and the risk budget of every scenario after the first.
func expectAnswers(t testing.TB, d draftSet) [][2]string {
	t.Helper()
	want := expectFigures(t, d)
	s, err := calc.Parse(d.scenarioFile())
	if err != nil {
		t.Fatalf("Parse = %v", err)
	}
	r, err := calc.Evaluate(s, calc.Options{BreakEven: true})
	if err != nil {
		t.Fatalf("Evaluate = %v", err)
	}
	for i := 1; i < len(r.Scenarios); i++ {
		want = append(want, [2]string{fmt.Sprintf("%d/break_even_day", i), strconv.Itoa(r.Scenarios[i].BreakEvenDay)})
	}
	budgets, err := calc.RiskBudgets(s)
	if err != nil {
		t.Fatalf("RiskBudgets = %v", err)
	}
	for _, rb := range budgets {
		want = append(want, [2]string{fmt.Sprintf("%d/risk_budget", rb.Scenario), rb.ProbabilityPercent.String()})
	}
	return want
}

func TestBrowserAnswersFollowTheEngine(t *testing.T) {
	base, _ := serveSite(t, siteDir(t), "/")
	set := answersSet()
	link, err := calc.EncodeLink(set)
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"#"+link)); err != nil {
		t.Fatal(err)
	}
	if err := waitWasm(ctx); err != nil {
		t.Fatal(err)
	}
	d := draftFromSet(set)
	showAnswers(t, ctx)
	waitFigures(t, ctx, "answers of the opened link", expectAnswers(t, d))

	// The best claim interval of EigenLayer in the restaking scenario, on demand.
	want, err := calc.ClaimCadence(set, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if want.BestDays == want.CurrentDays {
		t.Fatalf("ClaimCadence keeps every %d days: the test needs a better interval to use", want.CurrentDays)
	}
	const hook = `[data-scenario="1"][data-layer="1"][data-field="best_claim_every"]`
	var best, text string
	var ok bool
	err = chromedp.Run(ctx,
		chromedp.Click("#answers-s1-l1-find", chromedp.ByQuery),
		chromedp.WaitVisible(hook, chromedp.ByQuery),
		chromedp.AttributeValue(hook, "data-value", &best, &ok, chromedp.ByQuery),
		chromedp.Text(hook, &text, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("finding EigenLayer's best claim interval: %v", err)
	}
	if best != strconv.Itoa(want.BestDays) {
		t.Errorf("best_claim_every = %q, want %d", best, want.BestDays)
	}
	if wantText := cadenceText(want, set.Days, set.Asset); strings.TrimSpace(text) != wantText {
		t.Errorf("the page says %q, want %q", text, wantText)
	}

	// Using it changes the layer's claim interval like typing would: every figure and answer follows.
	if err := chromedp.Run(ctx, chromedp.Click("#answers-s1-l1-use", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	l := d.scenarios[1].layers[1]
	l.claimEveryDays = strconv.Itoa(want.BestDays)
	d = d.withScenario(1, d.scenarios[1].withLayer(1, l))
	waitFigures(t, ctx, "claiming every "+l.claimEveryDays+" days", expectAnswers(t, d))

	// Any figure opens its explanation, with the scenario's own values.
	changed, err := calc.Parse(d.scenarioFile())
	if err != nil {
		t.Fatal(err)
	}
	res, err := calc.Evaluate(changed, calc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	x, _ := calc.Explain(changed, res, 1, "apy")
	var shown string
	err = chromedp.Run(ctx,
		chromedp.Click(`button[aria-label="Explain APY of Restaking"]`, chromedp.ByQuery),
		chromedp.Poll(fmt.Sprintf(`document.getElementById("explanation").textContent.includes(%q)`, x.Values), nil),
		chromedp.Text("#explanation", &shown, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("explaining the restaking APY (want %q): %v\nshown: %s", x.Values, err, shown)
	}
}

// showAnswers scrolls the answers panel into view: the page works out the risk budgets only once
// the panel nears the screen.
func showAnswers(t testing.TB, ctx context.Context) {
	t.Helper()
	if err := chromedp.Run(ctx, chromedp.ScrollIntoView("#answers", chromedp.ByID)); err != nil {
		t.Fatalf("scrolling to the answers: %v", err)
	}
}
