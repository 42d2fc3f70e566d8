//go:build !wasm

package main

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// pageUnderTest is the calculator page loaded in go-app's test engine, with the context its
// children hand to their callbacks.
type pageUnderTest struct {
	calculatorPage
	ctx app.Context
}

func (p *pageUnderTest) OnPreRender(ctx app.Context) { p.ctx = ctx }

func loadPage(t *testing.T) (*pageUnderTest, app.TestEngine) {
	t.Helper()
	p := &pageUnderTest{}
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatalf("Load(calculatorPage) = %v", err)
	}
	e.ConsumeAll()
	return p, e
}

// staleRE finds the results section marked out of date (go-app writes a "true" attribute bare).
var staleRE = regexp.MustCompile(`data-stale(="true")?[ >]`)

// edit runs an edit the way an input's callback does, on the UI goroutine, and renders.
func (p *pageUnderTest) edit(e app.TestEngine, f func(ctx app.Context)) {
	p.ctx.Dispatch(f)
	e.ConsumeAll()
}

var figureTagRE = regexp.MustCompile(`<[a-z]+ [^>]*data-field=[^>]*>`)

// figures returns every data-value of the page's HTML by "scenario/field": the elements with
// the test hooks of SPEC section 6.
func figures(html string) map[string]string {
	out := map[string]string{}
	for _, tag := range figureTagRE.FindAllString(html, -1) {
		attr := func(name string) string {
			m := regexp.MustCompile(` ` + name + `="([^"]*)"`).FindStringSubmatch(tag)
			if m == nil {
				return ""
			}
			return m[1]
		}
		out[attr("data-scenario")+"/"+attr("data-field")] = attr("data-value")
	}
	return out
}

// wantFigures returns what the page must show for a scenario file: calc's own formatting of
// calc.Evaluate's results, every figure of SPEC section 4 and every layer's gross, fee and net;
// and the answers panel's break-even day and risk budget of every scenario after the first.
func wantFigures(t *testing.T, file []byte) map[string]string {
	t.Helper()
	s, err := calc.Parse(file)
	if err != nil {
		t.Fatalf("Parse(%s) = %v", file, err)
	}
	r, err := calc.Evaluate(s, calc.Options{BreakEven: true})
	if err != nil {
		t.Fatalf("Evaluate = %v", err)
	}
	budgets, err := calc.RiskBudgets(s)
	if err != nil {
		t.Fatalf("RiskBudgets = %v", err)
	}
	out := map[string]string{}
	for _, rb := range budgets {
		out[fmt.Sprintf("%d/risk_budget", rb.Scenario)] = rb.ProbabilityPercent.String()
	}
	for i, sr := range r.Scenarios {
		if i > 0 {
			out[fmt.Sprintf("%d/break_even_day", i)] = fmt.Sprint(sr.BreakEvenDay)
		}
		for _, f := range calc.FigureFields() {
			if f == "name" {
				continue
			}
			v, _ := sr.Figure(f)
			out[fmt.Sprintf("%d/%s", i, f)] = v
		}
		for j, l := range sr.Layers {
			out[fmt.Sprintf("%d/layers[%d].gross", i, j)] = calc.FormatAmount(l.Gross)
			out[fmt.Sprintf("%d/layers[%d].fee", i, j)] = calc.FormatAmount(l.Fee)
			out[fmt.Sprintf("%d/layers[%d].net", i, j)] = calc.FormatAmount(l.Net)
		}
	}
	return out
}

func checkFigures(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for k, w := range want {
		if g, ok := got[k]; !ok {
			t.Errorf("%s: figure %s is missing, want %s", what, k, w)
		} else if g != w {
			t.Errorf("%s: figure %s = %s, want %s", what, k, g, w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: figure %s is not one of the results", what, k)
		}
	}
}

func TestPageOpensWithTheDefaultFigures(t *testing.T) {
	p, _ := loadPage(t)
	html := app.HTMLString(p)
	checkFigures(t, "opening page", figures(html), wantFigures(t, draftFromSet(defaultSet()).scenarioFile()))
	if !strings.Contains(html, "Example figures.") {
		t.Errorf("the opening page does not say its figures are examples")
	}
	if staleRE.MatchString(html) {
		t.Errorf("the opening page's results are marked stale")
	}
}

func TestPageFollowsTyping(t *testing.T) {
	p, e := loadPage(t)
	p.edit(e, func(ctx app.Context) {
		d := p.draft
		d.amount = "100.5"
		p.onSettingsChange(ctx, d)
	})
	p.edit(e, func(ctx app.Context) {
		s := p.draft.scenarios[2]
		l := s.layers[1]
		l.aprPct = "4.25"
		p.onScenarioChange(ctx, 2, s.withLayer(1, l))
	})
	html := app.HTMLString(p)
	checkFigures(t, "after typing", figures(html), wantFigures(t, p.draft.scenarioFile()))
	for _, want := range []string{`id="amount" value="100.5"`, `id="s2-l1-apr" value="4.25"`} {
		if !containsInput(html, want) {
			t.Errorf("the page does not show the typed text: want an input with %s", want)
		}
	}
}

// containsInput reports whether an input tag holds every attribute of want ("id=\"x\" value=\"y\"").
func containsInput(html, want string) bool {
	attrs := regexp.MustCompile(`[a-z-]+="[^"]*"`).FindAllString(want, -1)
	for _, tag := range regexp.MustCompile(`<input [^>]*>`).FindAllString(html, -1) {
		all := true
		for _, a := range attrs {
			all = all && strings.Contains(tag, a)
		}
		if all {
			return true
		}
	}
	return false
}

func TestPageKeepsTheTextAndTheLastResultsOnBadInput(t *testing.T) {
	p, e := loadPage(t)
	before := figures(app.HTMLString(p))

	p.edit(e, func(ctx app.Context) {
		s := p.draft.scenarios[1]
		l := s.layers[0]
		l.aprPct = "abc"
		p.onScenarioChange(ctx, 1, s.withLayer(0, l))
	})
	html := app.HTMLString(p)
	if !containsInput(html, `id="s1-l0-apr" value="abc"`) {
		t.Errorf("the APR input does not keep the typed text \"abc\"")
	}
	if !containsInput(html, `id="s1-l0-apr"`) || !regexp.MustCompile(`<input [^>]*aria-invalid[ >][^>]*id="s1-l0-apr"|<input [^>]*id="s1-l0-apr"[^>]*aria-invalid[ >]`).MatchString(html) {
		t.Errorf("the APR input is not marked aria-invalid")
	}
	errRE := regexp.MustCompile(`<p [^>]*id="s1-l0-apr-error"[^>]*>\s*<span[^>]*>!</span>\s*([^<]+)</p>`)
	m := errRE.FindStringSubmatch(html)
	if m == nil {
		t.Fatalf("no error shown under the APR input")
	}
	if msg := strings.TrimSpace(m[1]); !strings.HasPrefix(msg, "APR must be") || !strings.Contains(msg, `&#34;abc&#34;`) {
		t.Errorf("APR error = %q, want it to start with \"APR must be\" and quote \"abc\"", msg)
	}
	if !staleRE.MatchString(html) || !strings.Contains(html, "Out of date") {
		t.Errorf("the results are not marked out of date")
	}
	checkFigures(t, "stale results", figures(html), before)

	p.edit(e, func(ctx app.Context) {
		s := p.draft.scenarios[1]
		l := s.layers[0]
		l.aprPct = "3.5"
		p.onScenarioChange(ctx, 1, s.withLayer(0, l))
	})
	html = app.HTMLString(p)
	if staleRE.MatchString(html) {
		t.Errorf("the results stay marked out of date once the input is fixed")
	}
	checkFigures(t, "fixed input", figures(html), wantFigures(t, p.draft.scenarioFile()))
}

func TestPageAddsAndRemovesLayersAndScenarios(t *testing.T) {
	p, e := loadPage(t)
	p.edit(e, func(ctx app.Context) { p.onScenarioChange(ctx, 0, p.draft.scenarios[0].addLayer()) })
	html := app.HTMLString(p)
	if !containsInput(html, `id="s0-l1-name" value="Layer 2"`) {
		t.Errorf("the added layer's name input is missing")
	}
	if got := figures(html)["0/kind"]; got != "restaking" {
		t.Errorf("kind of scenario 0 with two layers = %q, want restaking", got)
	}
	checkFigures(t, "added layer", figures(html), wantFigures(t, p.draft.scenarioFile()))

	p.edit(e, func(ctx app.Context) { p.onScenarioChange(ctx, 2, p.draft.scenarios[2].removeLayer(1)) })
	p.edit(e, func(ctx app.Context) { p.onDuplicateScenario(ctx, 2) })
	p.edit(e, func(ctx app.Context) { p.onRemoveScenario(ctx, 0) })
	html = app.HTMLString(p)
	if got := scenarioNamesOf(p.draft); got != "Restaking,Multistaking,Multistaking (copy)" {
		t.Errorf("scenarios = %s, want Restaking,Multistaking,Multistaking (copy)", got)
	}
	checkFigures(t, "after edits", figures(html), wantFigures(t, p.draft.scenarioFile()))
}

// TestPageSurvivesAnyText types hostile text into every field: the page must never crash, keep
// the text, and name a problem or compute.
func TestPageSurvivesAnyText(t *testing.T) {
	texts := []string{"", " ", "-0", "1e999999999", "0x10", "NaN", "Infinity", "１２", "3,2", "9999999999999999999999999",
		"0.0000000000000000001", `"`, "\\", "<script>", strings.Repeat("9", 400), "\x00", "\u202e"}
	p, e := loadPage(t)
	setters := map[string]func(d *draftSet, v string){
		"amount": func(d *draftSet, v string) { d.amount = v },
		"days":   func(d *draftSet, v string) { d.days = v },
		"price":  func(d *draftSet, v string) { d.price = v },
		"apr":    func(d *draftSet, v string) { d.scenarios[0].layers[0].aprPct = v },
		"lockup": func(d *draftSet, v string) { d.scenarios[0].layers[0].lockupDays = v },
		"name":   func(d *draftSet, v string) { d.scenarios[0].layers[0].name = v },
		"gas":    func(d *draftSet, v string) { d.scenarios[0].layers[0].entryGas = v },
	}
	for field, set := range setters {
		for _, text := range texts {
			p.edit(e, func(ctx app.Context) {
				d := draftFromSet(defaultSet())
				set(&d, text)
				p.change(d)
			})
			if p.stale && len(p.problems) == 0 {
				t.Errorf("%s = %q: results out of date without a problem named", field, text)
			}
		}
	}
}

// locateTests say where the problem summary puts the engine's paths.
var locateTests = []struct {
	path             string
	where, label, id string
}{
	{"amount", "", "Amount", "amount"},
	{"price_growth", "", "Price change", "price-growth"},
	{"", "The scenario set:", "", ""},
	{"scenarios", "", "Scenarios", ""},
	{"scenarios[1]", "Scenario 2 “Restaking”:", "", "s1-name"},
	{"scenarios[1].name", "Scenario 2 “Restaking”:", "Scenario name", "s1-name"},
	{"scenarios[0].layers", "Scenario 1 “Staking”:", "Layers", "s0-add-layer"},
	{"scenarios[2].layers[1].apr", "Scenario 3 “Multistaking”, layer 2 “Aave”:", "APR", "s2-l1-apr"},
	{"scenarios[2].layers[1]", "Scenario 3 “Multistaking”, layer 2 “Aave”:", "", "s2-l1-name"},
	{"scenarios[9].layers[7].fee", "Scenario 9, layer 8:", "Fee", "s9-l7-fee"},
	{"scenarios[9].layers[7].reward.price", "Scenario 9, layer 8, reward token:", "Token price today", "s9-l7-reward-price"},
	{"scenarios[9].layers[7].reward", "Scenario 9, layer 8, reward token:", "", "s9-l7-reward-toggle"},
	{"scenarios[9].loop.borrow_apr", "Scenario 9, leverage loop:", "Borrow APR", "s9-loop-borrow-apr"},
	{"scenarios[9].loop.liquidation_ltv", "Scenario 9, leverage loop:", "Liquidation threshold (LTV)", "s9-loop-liquidation-ltv"},
}

func TestLocate(t *testing.T) {
	d := draftFromSet(defaultSet())
	for _, tt := range locateTests {
		where, label, id := locate(tt.path, d)
		if where != tt.where || label != tt.label || id != tt.id {
			t.Errorf("locate(%q) = %q, %q, %q, want %q, %q, %q", tt.path, where, label, id, tt.where, tt.label, tt.id)
		}
	}
}

// extremeDrafts are inputs at the edges of what the format allows; the page, charts included,
// must render each of them, with figures or with the engine's word on them.
var extremeDrafts = []struct {
	name string
	edit func(d *draftSet)
}{
	{"one wei", func(d *draftSet) { d.amount = "0.000000000000000001" }},
	{"the largest amount", func(d *draftSet) { d.amount = "1000000000000000" }},
	{"one day", func(d *draftSet) { d.days = "1" }},
	{"a century at the highest rate", func(d *draftSet) {
		d.days = "36500"
		d.scenarios[0].layers[0].aprPct = "1000"
	}},
	{"every reward taken as fee", func(d *draftSet) {
		for i := range d.scenarios {
			for j := range d.scenarios[i].layers {
				d.scenarios[i].layers[j].feePct = "100"
			}
		}
	}},
	{"certain total loss", func(d *draftSet) {
		d.scenarios[1].layers[0].riskProbabilityPct = "100"
		d.scenarios[1].layers[0].riskLossPct = "100"
	}},
	{"entry costs that use up the amount", func(d *draftSet) { d.scenarios[2].layers[2].entryCostPct = "100" }},
	{"gas larger than the amount", func(d *draftSet) { d.scenarios[0].layers[0].entryGas = "33" }},
	{"no price", func(d *draftSet) { d.price = "" }},
	{"the price gone to zero", func(d *draftSet) { d.priceGrowthPct = "-100" }},
	{"a claim that never covers its gas", func(d *draftSet) { d.scenarios[1].layers[1].claimGas = "1000" }},
	{"lock-up beyond the horizon", func(d *draftSet) { d.scenarios[2].layers[2].lockupDays = "36500" }},
}

func TestPageRendersExtremeInput(t *testing.T) {
	p, e := loadPage(t)
	for _, tt := range extremeDrafts {
		p.edit(e, func(ctx app.Context) {
			d := draftFromSet(defaultSet())
			tt.edit(&d)
			p.change(d)
		})
		html := app.HTMLString(p)
		if p.stale {
			if len(p.problems) == 0 {
				t.Errorf("%s: results out of date without a problem named", tt.name)
			}
			continue
		}
		checkFigures(t, tt.name, figures(html), wantFigures(t, p.draft.scenarioFile()))
	}
}

func TestPageExplainsTheChosenFigure(t *testing.T) {
	p, e := loadPage(t)
	explained := func(i int, field string) string {
		x, ok := calc.Explain(p.set, p.results, i, field)
		if !ok {
			t.Fatalf("calc.Explain(%d, %s) found no explanation", i, field)
		}
		return x.Values
	}
	html := app.HTMLString(p)
	if want := explained(0, "final"); !strings.Contains(html, html2text(want)) {
		t.Errorf("the page opens without the explanation of scenario 1's final amount %q", want)
	}
	p.edit(e, func(ctx app.Context) { p.onExplain(ctx, 2, "liquid_day") })
	html = app.HTMLString(p)
	if want := explained(2, "liquid_day"); !strings.Contains(html, html2text(want)) {
		t.Errorf("after choosing scenario 3's money-back day the page does not show %q", want)
	}
	// Removing the scenario explained moves the explainer to the last one there is.
	p.edit(e, func(ctx app.Context) { p.onRemoveScenario(ctx, 2) })
	html = app.HTMLString(p)
	if want := explained(1, "liquid_day"); !strings.Contains(html, html2text(want)) {
		t.Errorf("after removing the scenario explained the page does not show %q", want)
	}
}

// html2text escapes text as go-app writes it into HTML.
func html2text(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
