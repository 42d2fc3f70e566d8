//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"restakecalc/calc"

	"github.com/chromedp/chromedp"
)

// Goal seek in a real browser, over the static site that ships: the value the page finds must be
// the one `app solve` prints for the same scenario file, and once applied the input must show it
// and the scenario's final must be what solve says it reaches, at or above the target.

// solveOnFile runs `app solve` on a draft's scenario file with args, and returns its answer.
func solveOnFile(t *testing.T, d draftSet, args ...string) (value, target, reached string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := runCommand(append(append([]string{"solve"}, args...), "-"), bytes.NewReader(d.scenarioFile()), &stdout, &stderr)
	var got struct{ Value, Target, Reached string }
	if err := json.Unmarshal(stdout.Bytes(), &got); code != 0 || err != nil {
		t.Fatalf("app solve %v = %d, %v; stderr %q", args, code, err, stderr.String())
	}
	return got.Value, got.Target, got.Reached
}

// chooseOption picks a select's option as a person would, change event included.
func chooseOption(id, value string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.SetValue("#"+id, value, chromedp.ByQuery),
		chromedp.Evaluate(fmt.Sprintf(`document.getElementById(%q).dispatchEvent(new Event("change", {bubbles: true}))`, id), nil),
	}
}

// goalValue waits for the goal-seek answer and returns its exact value and its text.
func goalValue(t *testing.T, run func(...chromedp.Action) error) (string, string) {
	t.Helper()
	var value, text string
	var ok bool
	const hook = `[data-field="goal_seek"]`
	if err := run(
		chromedp.WaitVisible(hook, chromedp.ByQuery),
		chromedp.AttributeValue(hook, "data-value", &value, &ok, chromedp.ByQuery),
		chromedp.Text(".goal-answer", &text, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("waiting for the goal-seek answer: %v", err)
	}
	return value, text
}

// clickCentered scrolls the element to the middle of the window and clicks it: at the edge of
// the window it can sit under the summary bar.
func clickCentered(sel string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).scrollIntoView({block: "center"})`, sel), nil),
		chromedp.Click(sel, chromedp.ByQuery),
	}
}

// applyGoal clicks "Use this value" and waits until the input sel shows want.
func applyGoal(t *testing.T, run func(...chromedp.Action) error, sel, want string) {
	t.Helper()
	err := run(
		clickCentered("#goal-apply"),
		chromedp.Poll(fmt.Sprintf(`document.querySelector(%q).value === %q`, sel, want), nil, chromedp.WithPollingTimeout(10*time.Second)),
	)
	if err != nil {
		var shown string
		run(chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).value + " | disabled " + document.getElementById("goal-apply").disabled + " | " + document.querySelector(".goal-answer").textContent`, sel), &shown))
		t.Fatalf("applying %s to %s: %v; the input, the button and the answer show %q", want, sel, err, shown)
	}
}

func TestBrowserGoalSeekFindsAndAppliesAValue(t *testing.T) {
	ctx := openPage(t, "")
	run := func(actions ...chromedp.Action) error { return chromedp.Run(ctx, actions...) }
	d := draftFromSet(defaultSet())
	d.gasPriceGwei = defaultGasPriceGwei

	// The staking scenario's APR at which it matches the second scenario's final.
	if err := run(
		chooseOption("goal-scenario", "0"),
		chooseOption("goal-field", "layers[0].apr"),
		chooseOption("goal-measure", "final"),
		chooseOption("goal-target", "s1"),
		clickCentered("#goal-ask"),
	); err != nil {
		t.Fatal(err)
	}
	want, target, reached := solveOnFile(t, d, "--scenario", "0", "--field", "layers[0].apr", "--match", "1")
	got, text := goalValue(t, run)
	if got != want {
		t.Fatalf("goal seek's value = %q, want app solve's %q (the page says %q)", got, want, text)
	}
	if !strings.Contains(text, "Scenario 1 “"+d.scenarios[0].name+"”, layer 1 “"+d.scenarios[0].layers[0].name+"”: APR") ||
		!strings.Contains(text, "the final is "+reached) || !strings.Contains(text, "the target is "+target) {
		t.Errorf("the answer says %q; want the field in the page's words, reached %s and target %s", text, reached, target)
	}

	// Applying it puts it into the APR input, and the figures follow: the final is what solve
	// says the value reaches, at or above the target.
	applyGoal(t, run, "#s0-l0-apr", want)
	l := d.scenarios[0].layers[0]
	l.aprPct = want
	d = d.withScenario(0, d.scenarios[0].withLayer(0, l))
	waitFigures(t, ctx, "with the APR found", expectFigures(t, d))
	final, err := waitFigure(ctx, 0, "final")
	if err != nil {
		t.Fatal(err)
	}
	if final != reached || mustDecimal(final).LessThan(mustDecimal(target)) {
		t.Errorf("final with the APR applied = %s, want solve's %s, at least the target %s", final, reached, target)
	}
	var stale bool
	if err := run(chromedp.Evaluate(`!!document.querySelector(".goal-answer.stale")`, &stale)); err != nil || stale {
		t.Errorf("the answer is marked out of date once applied (%v): it still holds", err)
	}

	// A target out of reach says so in the page's words, with calc's range and ends: no fee
	// makes the stack a million ether.
	if err := run(
		chooseOption("goal-field", "layers[0].fee"),
		chooseOption("goal-target", "amount"),
		chromedp.WaitVisible("#goal-amount", chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	if err := typeInto(ctx, "goal-amount", "1000000"); err != nil {
		t.Fatal(err)
	}
	var none string
	if err := run(
		clickCentered("#goal-ask"),
		chromedp.WaitVisible(".goal-none", chromedp.ByQuery),
		chromedp.Text(".goal-none", &none, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(none, "no value from 0 to 100 reaches the target of 1000000 ETH") {
		t.Errorf("no value in reach: the page says %q", none)
	}

	// A common question, asked with one click, answers as solve does.
	var k int
	if err := run(chromedp.Evaluate(`[...document.querySelectorAll(".goal-common-list button")].findIndex(b => b.textContent.includes("would need to match"))`, &k)); err != nil || k < 0 {
		t.Fatalf("no common question about the APR a layer would need (%v)", err)
	}
	if err := run(clickCentered(fmt.Sprintf("#goal-common-%d", k)), chromedp.WaitVisible(".goal-question", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	got, text = goalValue(t, run)
	var path, scenario string
	var ok bool
	if err := run(
		chromedp.AttributeValue(`[data-field="goal_seek"]`, "data-path", &path, &ok, chromedp.ByQuery),
		chromedp.AttributeValue(`[data-field="goal_seek"]`, "data-scenario", &scenario, &ok, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	s, err := calc.Parse(d.scenarioFile())
	if err != nil {
		t.Fatal(err)
	}
	r, err := calc.Evaluate(s, calc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	best := 0
	for i, sr := range r.Scenarios {
		if sr.Final.GreaterThan(r.Scenarios[best].Final) {
			best = i
		}
	}
	want, _, _ = solveOnFile(t, d, "--scenario", scenario, "--field", path, "--match", fmt.Sprint(best))
	if got != want || !strings.Contains(text, "would need to match") {
		t.Errorf("common question %q: %s of scenario %s = %q, want solve's %q against the best, scenario %d", text, path, scenario, got, want, best+1)
	}

	// A change of the scenarios marks the answer out of date.
	if err := typeInto(ctx, "amount", "7"); err != nil {
		t.Fatal(err)
	}
	if err := run(chromedp.WaitVisible(".goal-answer.stale .out-of-date", chromedp.ByQuery)); err != nil {
		t.Errorf("the answer is not marked out of date after the amount changed: %v", err)
	}
	var disabled bool
	if err := run(chromedp.Evaluate(`document.getElementById("goal-apply").disabled`, &disabled)); err != nil || !disabled {
		t.Errorf("an out-of-date value can still be applied (%v)", err)
	}

	vs, err := runAxe(ctx, axeScript(t))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	for _, v := range vs {
		t.Errorf("axe %s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
	}
}

// A loop filled from a lending market's preset, then the question it invites: the borrow rate at
// which the loop stops paying, that is at which the stack ends with what it earns unlooped.
func TestBrowserGoalSeekFindsTheBorrowRateOfALoopFromAPreset(t *testing.T) {
	ctx := openPage(t, "")
	run := func(actions ...chromedp.Action) error { return chromedp.Run(ctx, actions...) }
	lib, err := shippedLibrary()
	if err != nil {
		t.Fatal(err)
	}
	lp, ok := lib.Loop("aave-weeth-loop")
	if !ok {
		t.Fatal("no loop preset aave-weeth-loop")
	}
	if err := run(
		clickCentered("#s1-loop-toggle"),
		chromedp.WaitVisible("#s1-loop-preset-select", chromedp.ByQuery),
		chooseOption("s1-loop-preset-select", lp.ID),
		chromedp.WaitVisible("#s1-loop-preset-fill", chromedp.ByQuery),
		clickCentered("#s1-loop-preset-fill"),
		chromedp.WaitVisible("#s1-loop-leverage", chromedp.ByQuery),
	); err != nil {
		t.Fatalf("filling the loop from %s: %v", lp.ID, err)
	}
	// The inputs show the preset's figures, and the figures are calc's for the file with the loop.
	for id, want := range map[string]string{"s1-loop-leverage": lp.Loop.Leverage.String(), "s1-loop-borrow-apr": lp.Loop.BorrowAPR.String(),
		"s1-loop-liquidation-ltv": lp.Loop.LiquidationLTV.String(), "s1-loop-liquidation-penalty": lp.Loop.LiquidationPenalty.String()} {
		var got string
		if err := run(chromedp.Value("#"+id, &got, chromedp.ByQuery)); err != nil || got != want {
			t.Errorf("#%s shows %q (%v), want the preset's %q", id, got, err, want)
		}
	}
	d := draftFromSet(defaultSet())
	s := d.scenarios[1]
	s.loop = presetDraftLoop(lp)
	d = d.withScenario(1, s)
	waitFigures(t, ctx, "with the Aave loop", expectFigures(t, d))

	// What the same stack ends with unlooped, from the engine.
	set, err := calc.Parse(d.scenarioFile())
	if err != nil {
		t.Fatal(err)
	}
	plain := set
	plain.Scenarios = []calc.Scenario{set.Scenarios[1]}
	plain.Scenarios[0].Loop = nil
	r, err := calc.Evaluate(plain, calc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	unlooped := calc.FormatAmount(r.Scenarios[0].Final)
	want, target, reached := solveOnFile(t, d, "--scenario", "1", "--field", "loop.borrow_apr", "--amount", unlooped)

	var k int
	if err := run(chromedp.Evaluate(`[...document.querySelectorAll(".goal-common-list button")].findIndex(b => b.textContent.includes("borrow rate"))`, &k)); err != nil || k < 0 {
		t.Fatalf("no common question about the loop's borrow rate (%v)", err)
	}
	if err := run(clickCentered(fmt.Sprintf("#goal-common-%d", k)), chromedp.WaitVisible(".goal-question", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	got, text := goalValue(t, run)
	if got != want || !strings.Contains(text, unlooped) {
		t.Fatalf("the borrow rate at which the loop stops paying = %q, want solve's %q against %s unlooped (the page says %q)", got, want, unlooped, text)
	}
	applyGoal(t, run, "#s1-loop-borrow-apr", want)
	s = d.scenarios[1]
	s.loop.borrowAPRPct = want
	d = d.withScenario(1, s)
	waitFigures(t, ctx, "with the borrow rate found", expectFigures(t, d))
	final, err := waitFigure(ctx, 1, "final")
	if err != nil {
		t.Fatal(err)
	}
	if final != reached || mustDecimal(final).LessThan(mustDecimal(target)) {
		t.Errorf("final at the borrow rate found = %s, want solve's %s, at least the unlooped %s", final, reached, target)
	}
}

// A layer filled from the EIGEN preset is paid in EIGEN at a price of 0; the question it invites
// is the EIGEN price at which the restaking stack matches plain staking, and once applied the
// price input shows it and the stack's final reaches staking's.
func TestBrowserGoalSeekFindsTheRewardPriceThatMatchesStaking(t *testing.T) {
	ctx := openPage(t, "")
	run := func(actions ...chromedp.Action) error { return chromedp.Run(ctx, actions...) }
	lib, err := shippedLibrary()
	if err != nil {
		t.Fatal(err)
	}
	pr, ok := lib.Preset("eigenlayer-eigen")
	if !ok {
		t.Fatal("no preset eigenlayer-eigen")
	}
	if err := run(
		clickCentered("#s1-l1-presets-toggle"),
		chromedp.WaitVisible("#s1-l1-preset-select", chromedp.ByQuery),
		chooseOption("s1-l1-preset-select", pr.ID),
		chromedp.WaitVisible("#s1-l1-preset-fill", chromedp.ByQuery),
		clickCentered("#s1-l1-preset-fill"),
	); err != nil {
		t.Fatalf("filling EigenLayer from %s: %v", pr.ID, err)
	}
	d := draftFromSet(defaultSet())
	l := presetDraftLayer(d.scenarios[1].layers[1], pr, mustDecimal(defaultGasPriceGwei))
	d = d.withScenario(1, d.scenarios[1].withLayer(1, l))
	waitFigures(t, ctx, "EigenLayer paid in EIGEN", expectFigures(t, d))
	// The reward's inputs, in their fold, show the preset's figures.
	if err := run(
		clickCentered("#s1-l1-reward-toggle"),
		chromedp.WaitVisible(`[data-path="scenarios[1].layers[1].reward.per_year"]`, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	var perYear string
	if err := run(chromedp.Value(`[data-path="scenarios[1].layers[1].reward.per_year"]`, &perYear, chromedp.ByQuery)); err != nil || perYear != pr.Base.Reward.PerYear.String() {
		t.Errorf("tokens a year show %q (%v), want the preset's %s", perYear, err, pr.Base.Reward.PerYear)
	}

	want, target, reached := solveOnFile(t, d, "--scenario", "1", "--field", "layers[1].reward.price", "--match", "0")
	var k int
	if err := run(chromedp.Evaluate(`[...document.querySelectorAll(".goal-common-list button")].findIndex(b => b.textContent.includes("EIGEN price"))`, &k)); err != nil || k < 0 {
		t.Fatalf("no common question about the EIGEN price (%v)", err)
	}
	if err := run(clickCentered(fmt.Sprintf("#goal-common-%d", k)), chromedp.WaitVisible(".goal-question", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	got, text := goalValue(t, run)
	if got != want || want == "0" {
		t.Fatalf("the EIGEN price that matches staking = %q, want solve's %q, above 0 (the page says %q)", got, want, text)
	}
	const price = `[data-path="scenarios[1].layers[1].reward.price"]`
	applyGoal(t, run, price, want)
	l.reward.price = want
	d = d.withScenario(1, d.scenarios[1].withLayer(1, l))
	waitFigures(t, ctx, "at the EIGEN price found", expectFigures(t, d))
	final, err := waitFigure(ctx, 1, "final")
	if err != nil {
		t.Fatal(err)
	}
	if final != reached || mustDecimal(final).LessThan(mustDecimal(target)) {
		t.Errorf("final at the EIGEN price found = %s, want solve's %s, at least staking's %s", final, reached, target)
	}
}
