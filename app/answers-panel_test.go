//go:build !wasm

package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

var breakEvenTextTests = []struct {
	day  int
	want string
}{
	{412, "Ahead of Staking from day 412 to the end"},
	// 0 is the engine's "never": the scenario is behind on the last day, or falls back after.
	{0, "Never stays ahead of Staking"},
	{1, "Ahead of Staking from day 1, every day to the end"},
}

func TestBreakEvenText(t *testing.T) {
	for _, tt := range breakEvenTextTests {
		if got := breakEvenText(tt.day, "Staking"); got != tt.want {
			t.Errorf("breakEvenText(%d) = %q, want %q", tt.day, got, tt.want)
		}
	}
}

var riskBudgetTextTests = []struct {
	rb   calc.RiskBudget
	want string
}{
	// 100 / 2.666666 = 37.50001: once in 37.5 years, 2.67 % a year.
	{calc.RiskBudget{Scenario: 1, ProbabilityPercent: mustDecimal("2.666666"), OnceInYears: mustDecimal("37.5")},
		"The extra yield pays for a total loss of the whole stack up to once in 37.5 years (2.67\u00a0% a year)."},
	// 100 / 0.5 = 200 years; whole numbers keep one place.
	{calc.RiskBudget{Scenario: 2, ProbabilityPercent: mustDecimal("0.5"), OnceInYears: mustDecimal("200")},
		"The extra yield pays for a total loss of the whole stack up to once in 200.0 years (0.50\u00a0% a year)."},
	{calc.RiskBudget{Scenario: 1, None: true, ProbabilityPercent: mustDecimal("0"), OnceInYears: mustDecimal("0")},
		"Its risk-adjusted result is not above Staking's: the extra layers pay for no extra risk."},
	{calc.RiskBudget{Scenario: 1, Unbounded: true, ProbabilityPercent: mustDecimal("100"), OnceInYears: mustDecimal("1")},
		"The extra yield keeps it ahead of Staking even with a total loss every year."},
}

func TestRiskBudgetText(t *testing.T) {
	for _, tt := range riskBudgetTextTests {
		if got := riskBudgetText(tt.rb, "Staking"); got != tt.want {
			t.Errorf("riskBudgetText(%+v) = %q, want %q", tt.rb, got, tt.want)
		}
	}
}

var cadenceTextTests = []struct {
	cd   calc.Cadence
	want string
}{
	// Claiming less often saves gas: 33.5 - 33.4877 = 0.0123 ETH more.
	{calc.Cadence{CurrentDays: 30, CurrentFinal: mustDecimal("33.4877"), BestDays: 90, BestFinal: mustDecimal("33.5"), Gain: mustDecimal("0.0123")},
		"Claiming every 90 days instead of every 30 gives 0.0123 ETH more (33.5 ETH final)."},
	{calc.Cadence{CurrentDays: 30, CurrentFinal: mustDecimal("33.5"), BestDays: 30, BestFinal: mustDecimal("33.5")},
		"Every 30 days is already the best."},
	{calc.Cadence{CurrentDays: 1, CurrentFinal: mustDecimal("33"), BestDays: 1, BestFinal: mustDecimal("33")},
		"Every 1 day is already the best."},
	// An interval beyond the 365-day horizon is a single claim at the exit.
	{calc.Cadence{CurrentDays: 7, CurrentFinal: mustDecimal("32.9"), BestDays: 366, BestFinal: mustDecimal("33"), Gain: mustDecimal("0.1")},
		"Claiming once, at the exit, instead of every 7 gives 0.1 ETH more (33 ETH final)."},
}

func TestCadenceText(t *testing.T) {
	for _, tt := range cadenceTextTests {
		if got := cadenceText(tt.cd, 365, "ETH"); got != tt.want {
			t.Errorf("cadenceText(%+v) = %q, want %q", tt.cd, got, tt.want)
		}
	}
}

// hookRE finds an element's answer hook: data-scenario, data-field and data-value in go-app's order.
var hookRE = regexp.MustCompile(`<[a-z0-9]+ [^>]*data-field="(break_even_day|risk_budget|best_claim_every)"[^>]*>`)

func answerHooks(html string) map[string]string {
	out := map[string]string{}
	for _, tag := range hookRE.FindAllStringSubmatch(html, -1) {
		scenario := regexp.MustCompile(`data-scenario="([^"]*)"`).FindStringSubmatch(tag[0])
		value := regexp.MustCompile(`data-value="([^"]*)"`).FindStringSubmatch(tag[0])
		if scenario == nil || value == nil {
			continue
		}
		out[scenario[1]+"/"+tag[1]] = value[1]
	}
	return out
}

func renderAnswers(t *testing.T, a *answersPanel) string {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(a); err != nil {
		t.Fatalf("Load(answersPanel) = %v", err)
	}
	e.ConsumeAll()
	return app.HTMLString(a)
}

// TestAnswersPanelSaysTheEngineAnswers renders the default scenarios' answers: each scenario
// after the first has its break-even day and risk budget as the engine gives them, in words and
// in the hooks, and every claim layer offers to find its best interval.
func TestAnswersPanelSaysTheEngineAnswers(t *testing.T) {
	set := defaultSet()
	res, err := calc.Evaluate(set, calc.Options{BreakEven: true})
	if err != nil {
		t.Fatal(err)
	}
	budgets, err := calc.RiskBudgets(set)
	if err != nil {
		t.Fatal(err)
	}
	html := renderAnswers(t, newAnswersPanel().Set(set).Results(res).Budgets(budgets))
	hooks := answerHooks(html)
	want := map[string]string{}
	for i := 1; i < len(res.Scenarios); i++ {
		want[strconv.Itoa(i)+"/break_even_day"] = strconv.Itoa(res.Scenarios[i].BreakEvenDay)
		if !strings.Contains(html, html2text(breakEvenText(res.Scenarios[i].BreakEvenDay, "Staking"))) {
			t.Errorf("scenario %d: the panel does not say %q", i, breakEvenText(res.Scenarios[i].BreakEvenDay, "Staking"))
		}
	}
	for _, rb := range budgets {
		want[strconv.Itoa(rb.Scenario)+"/risk_budget"] = rb.ProbabilityPercent.String()
		if !strings.Contains(html, html2text(riskBudgetText(rb, "Staking"))) {
			t.Errorf("scenario %d: the panel does not say %q", rb.Scenario, riskBudgetText(rb, "Staking"))
		}
	}
	if len(hooks) != len(want) {
		t.Errorf("hooks = %v, want %v", hooks, want)
	}
	for k, w := range want {
		if hooks[k] != w {
			t.Errorf("hook %s = %q, want %q", k, hooks[k], w)
		}
	}
	// The claim layers of the defaults: EigenLayer, Aave and Points.
	for _, id := range []string{"answers-s1-l1-find", "answers-s2-l1-find", "answers-s2-l2-find"} {
		if !strings.Contains(html, `id="`+id+`"`) {
			t.Errorf("no %s button to find a claim layer's best interval", id)
		}
	}
	if n := strings.Count(html, "Find the best claim interval<"); n != 3 {
		t.Errorf("%d buttons to find a claim interval, want 3, one per claim layer", n)
	}
	if strings.Contains(html, "Working out") {
		t.Errorf("the panel says it is working with every answer in")
	}
}

// TestAnswersPanelMarksWhatIsPending: while budgets are worked out the old ones are marked and
// the panel says so; a found interval shows with its hook, and can be used until the input changes.
func TestAnswersPanelMarksWhatIsPending(t *testing.T) {
	set := defaultSet()
	res, err := calc.Evaluate(set, calc.Options{BreakEven: true})
	if err != nil {
		t.Fatal(err)
	}
	found := cadenceAnswer{found: true, cadence: calc.Cadence{Scenario: 1, Layer: 1, CurrentDays: 30,
		CurrentFinal: mustDecimal("33"), BestDays: 60, BestFinal: mustDecimal("33.01"), Gain: mustDecimal("0.01")}}
	for _, tt := range []struct {
		name       string
		working    bool
		cadence    cadenceAnswer
		wantWork   bool
		wantUse    bool
		wantResult bool
	}{
		{"budgets being worked out", true, cadenceAnswer{}, true, false, false},
		{"an interval being found", false, cadenceAnswer{working: true}, true, false, false},
		{"an interval found", false, found, false, true, true},
		{"an interval found before a change", false, cadenceAnswer{found: true, cadence: found.cadence, stale: true}, false, false, true},
		{"no better interval", false, cadenceAnswer{found: true, cadence: calc.Cadence{CurrentDays: 30, BestDays: 30}}, false, false, true},
	} {
		html := renderAnswers(t, newAnswersPanel().Set(set).Results(res).BudgetsWorking(tt.working).
			Cadences(map[[2]int]cadenceAnswer{{1, 1}: tt.cadence}))
		if got := strings.Contains(html, "Working out"); got != tt.wantWork {
			t.Errorf("%s: says it is working out = %v, want %v", tt.name, got, tt.wantWork)
		}
		if got := strings.Contains(html, `id="answers-s1-l1-use"`); got != tt.wantUse {
			t.Errorf("%s: offers to use the interval = %v, want %v", tt.name, got, tt.wantUse)
		}
		_, got := answerHooks(html)["1/best_claim_every"]
		if got != tt.wantResult {
			t.Errorf("%s: shows a best_claim_every hook = %v, want %v", tt.name, got, tt.wantResult)
		}
		if tt.wantUse && !strings.Contains(html, `data-layer="1"`) {
			t.Errorf("%s: the best_claim_every hook does not say its layer", tt.name)
		}
	}
}

// TestAnswersPanelAsksBeforeSlowBudgets: for a set too slow to work out unasked, older budgets
// are marked and a button asks for new ones.
func TestAnswersPanelAsksBeforeSlowBudgets(t *testing.T) {
	set := defaultSet()
	res, err := calc.Evaluate(set, calc.Options{BreakEven: true})
	if err != nil {
		t.Fatal(err)
	}
	budgets, err := calc.RiskBudgets(set)
	if err != nil {
		t.Fatal(err)
	}
	// The budgets on screen were worked out over 20,001 days; the horizon is now the defaults'.
	html := renderAnswers(t, newAnswersPanel().Set(set).Results(res).Budgets(budgets).BudgetsOf(20001, false).AskBudgets(true))
	if n := strings.Count(html, `id="answers-ask-budgets"`); n != 1 {
		t.Errorf("%d buttons to work out the risk budgets, want 1", n)
	}
	if n := strings.Count(html, `class="risk-budget stale"`); n != len(budgets) {
		t.Errorf("%d risk budgets marked out of date, want all %d", n, len(budgets))
	}
	const words = "Out of date: worked out for the scenarios before your last change, over 20,001 days."
	if n := strings.Count(html, words); n != len(budgets) {
		t.Errorf("%q said %d times, want once per budget (%d)", words, n, len(budgets))
	}
	// Current budgets say nothing of the kind.
	html = renderAnswers(t, newAnswersPanel().Set(set).Results(res).Budgets(budgets).BudgetsOf(set.Days, true))
	if strings.Contains(html, "Out of date") || strings.Contains(html, "stale") {
		t.Errorf("current budgets are marked out of date")
	}
}

// TestAnswersPanelSaysHowFarItGot: a long answer says how many runs or intervals it has done.
func TestAnswersPanelSaysHowFarItGot(t *testing.T) {
	set := defaultSet()
	res, err := calc.Evaluate(set, calc.Options{BreakEven: true})
	if err != nil {
		t.Fatal(err)
	}
	html := renderAnswers(t, newAnswersPanel().Set(set).Results(res).BudgetsWorking(true).BudgetsProgress(12, 60).
		Cadences(map[[2]int]cadenceAnswer{{1, 1}: {working: true, tried: 1200, planned: 1564}, {2, 1}: {stopped: true}}))
	for _, want := range []string{
		"Working out the risk the extra yield pays for… 12 of at most 60 runs of the ledger",
		"Working out the best claim interval… 1,200 of 1,564 intervals tried",
		"The search stopped: the scenarios changed before it was over.",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the panel does not say %q", want)
		}
	}
}

// TestAnswersPanelSaysWhenRiskIsNotEntered: an answer with the risks where a scenario has none
// entered says so, instead of comparing nominal figures as if they were risk-adjusted.
func TestAnswersPanelSaysWhenRiskIsNotEntered(t *testing.T) {
	set := defaultSet()
	for j := range set.Scenarios[1].Layers {
		set.Scenarios[1].Layers[j].RiskProbability, set.Scenarios[1].Layers[j].RiskLoss = mustDecimal("0"), mustDecimal("0")
	}
	res, err := calc.Evaluate(set, calc.Options{BreakEven: true})
	if err != nil {
		t.Fatal(err)
	}
	budgets, err := calc.RiskBudgets(set)
	if err != nil {
		t.Fatal(err)
	}
	html := renderAnswers(t, newAnswersPanel().Set(set).Results(res).Budgets(budgets).BudgetsOf(set.Days, true))
	for _, want := range []string{
		"With the risks (risk not entered for Restaking): ",
		"Risk not entered for Restaking: this is all the risk of a total loss its yield pays for",
	} {
		if !strings.Contains(html, html2text(want)) {
			t.Errorf("the panel does not say %q", want)
		}
	}
	if strings.Contains(html, html2text("With the risks (risk not entered for Multistaking)")) {
		t.Errorf("the panel says Multistaking's risk is not entered; it is")
	}
}

func TestBudgetsAreSlow(t *testing.T) {
	long := func(days int) calc.Set {
		s := heavySet()
		s.Days = days
		return s
	}
	for _, tt := range []struct {
		name string
		set  calc.Set
		want bool
	}{
		{"the defaults: (1 + 3) layers × 3650 days", defaultSet(), false},
		{"eight and eight layers over 3650 days: 58,400", long(3650), false},
		{"eight and eight layers over 3751 days: 60,016", long(3751), true},
		{"the heaviest set: 16 × 36500", heavySet(), true},
	} {
		if got := budgetsAreSlow(tt.set); got != tt.want {
			t.Errorf("budgetsAreSlow(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestResultsTableExplainsEveryFigureAndConvertsAPR: with an explainer on the page, every figure
// has a button named after it; the APR of the first layer is turned into an APY once.
func TestResultsTableExplainsEveryFigureAndConvertsAPR(t *testing.T) {
	set := defaultSet()
	res, err := calc.Evaluate(set, calc.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tbl := newResultsTable().Set(set).Results(res).OnExplain(func(app.Context, int, string) {})
	e := app.NewTestEngine()
	if err := e.Load(tbl); err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(tbl)
	for i, r := range res.Scenarios {
		for _, g := range figureGroups {
			for _, row := range g.rows {
				label := html2text("Explain " + row.figure.Title() + " of " + r.Name)
				if !strings.Contains(html, `aria-label="`+label+`"`) {
					t.Errorf("scenario %d: no button %q", i, label)
				}
			}
		}
	}
	// ((1 + 3.2 × 0.9 / 36500)^365 − 1) × 100 = 2.921756 to 6 places.
	const conversion = "Lido&#39;s 3.2 % APR less its 10 % fee, compounded daily, is 2.921756 % APY."
	if n := strings.Count(html, conversion); n != 1 {
		t.Errorf("the conversion %q shows %d times, want once", conversion, n)
	}

	// Without an explainer (the widget) there is nothing to open.
	tbl = newResultsTable().Set(set).Results(res)
	if err := e.Load(tbl); err != nil {
		t.Fatal(err)
	}
	if html := app.HTMLString(tbl); strings.Contains(html, "explain-figure") {
		t.Errorf("the table offers explanations with no explainer to show them")
	}
}
