package main

import (
	"fmt"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// answersPanel answers "is the extra layer worth it?" for every scenario against the first:
// from which day it stays ahead, how much extra risk its extra yield pays for, and, on demand,
// the best claim interval of each claim layer. The page works the answers out; the panel only
// says them. Beyond the figures of SPEC section 4 it carries hooks of its own: data-field
// "break_even_day" (0 = never), "risk_budget" (the yearly probability in percent) and
// "best_claim_every" (with data-layer).
type answersPanel struct {
	app.Compo

	Iset            calc.Set
	Iresults        calc.Results      // with break-even days
	Ibudgets        []calc.RiskBudget // for the scenarios after the first, in order
	IbudgetsDays    int               // the horizon the risk budgets were worked out for
	IbudgetsOld     bool              // they are not those of the results on screen
	IbudgetsWorking bool              // the risk budgets of the input on screen are being worked out
	IbudgetsRuns    [2]int            // how far that got: runs of the ledger done, and the most in all
	Icadences       map[[2]int]cadenceAnswer
	IaskBudgets     bool // the risk budgets of the input on screen wait for the user to ask
	IonAskBudgets   func(ctx app.Context)
	Istale          bool
	IonFindCadence  func(ctx app.Context, scenario, layer int)
	IonUseCadence   func(ctx app.Context, scenario, layer, everyDays int)
}

func newAnswersPanel() *answersPanel {
	return &answersPanel{}
}

func (a *answersPanel) Set(v calc.Set) *answersPanel {
	a.Iset = v
	return a
}

func (a *answersPanel) Results(v calc.Results) *answersPanel {
	a.Iresults = v
	return a
}

func (a *answersPanel) Budgets(v []calc.RiskBudget) *answersPanel {
	a.Ibudgets = v
	return a
}

// BudgetsOf says for which horizon the risk budgets were worked out, and whether they are those of
// the results on screen: older ones are marked out of date.
func (a *answersPanel) BudgetsOf(days int, current bool) *answersPanel {
	a.IbudgetsDays, a.IbudgetsOld = days, !current
	return a
}

// BudgetsProgress says how far the work on the risk budgets got: runs of the ledger done, and
// the most it can take in all.
func (a *answersPanel) BudgetsProgress(runs, most int) *answersPanel {
	a.IbudgetsRuns = [2]int{runs, most}
	return a
}

// BudgetsWorking says that the risk budgets of the input on screen are being worked out: those
// shown, if any, are older.
func (a *answersPanel) BudgetsWorking(v bool) *answersPanel {
	a.IbudgetsWorking = v
	return a
}

func (a *answersPanel) Cadences(v map[[2]int]cadenceAnswer) *answersPanel {
	a.Icadences = v
	return a
}

// AskBudgets says that the risk budgets of the input on screen are worked out only on request:
// the set is so large that they would hold the page up for seconds.
func (a *answersPanel) AskBudgets(v bool) *answersPanel {
	a.IaskBudgets = v
	return a
}

func (a *answersPanel) OnAskBudgets(h func(ctx app.Context)) *answersPanel {
	a.IonAskBudgets = h
	return a
}

func (a *answersPanel) Stale(v bool) *answersPanel {
	a.Istale = v
	return a
}

func (a *answersPanel) OnFindCadence(h func(ctx app.Context, scenario, layer int)) *answersPanel {
	a.IonFindCadence = h
	return a
}

func (a *answersPanel) OnUseCadence(h func(ctx app.Context, scenario, layer, everyDays int)) *answersPanel {
	a.IonUseCadence = h
	return a
}

func (a *answersPanel) Render() app.UI {
	rs := a.Iresults.Scenarios
	if len(rs) == 0 || len(a.Iset.Scenarios) != len(rs) {
		return app.P().Class("answers-empty").Text("The answers appear with the first results.")
	}
	class := "answers"
	if a.Istale {
		class += " stale"
	}
	return app.Div().Class(class).Body(
		app.If(len(rs) == 1, func() app.UI {
			return app.P().Class("answers-note").Text("Add a scenario to compare it with " + rs[0].Name + ".")
		}),
		app.Ul().Class("answers-list").Body(
			app.Range(rs).Slice(func(i int) app.UI {
				return a.scenario(i)
			}),
		),
	)
}

// scenario answers for scenario i: against the first, and for each of its claim layers.
func (a *answersPanel) scenario(i int) app.UI {
	r := a.Iresults.Scenarios[i]
	sc := a.Iset.Scenarios[i]
	first := a.Iresults.Scenarios[0].Name
	var claims []int
	for j, l := range sc.Layers {
		if l.Payout == calc.Claim {
			claims = append(claims, j)
		}
	}
	return app.Li().Class("answer").Body(
		app.H3().Class("answer-title").Body(
			app.Span().Class("scenario-number").Text(fmt.Sprint(i+1)),
			app.Text(" "+r.Name),
		),
		app.If(i == 0, func() app.UI {
			return app.P().Class("answer-base").Text("The scenario the others are measured against.")
		}),
		app.If(i > 0, func() app.UI {
			return app.Div().Body(
				app.P().Class("break-even").
					DataSet("scenario", i).DataSet("field", string(calc.FigureBreakEvenDay)).DataSet("value", r.BreakEvenDay).
					Text(breakEvenText(r.BreakEvenDay, first)),
				app.P().Class("break-even-expected").Text(a.withRisksText(i)),
				a.budget(i),
			)
		}),
		app.Range(claims).Slice(func(k int) app.UI {
			j := claims[k]
			l := sc.Layers[j]
			answer := a.Icadences[[2]int{i, j}]
			return newClaimCadence().
				Layer(i, j, l.Name, l.ClaimEvery).
				Days(a.Iset.Days).
				Asset(a.Iset.Asset).
				Answer(answer).
				Stale(a.Istale || answer.stale).
				OnFind(a.IonFindCadence).
				OnUse(a.IonUseCadence)
		}),
	)
}

// withRisksText says from which day scenario i stays ahead of the first on the risk-adjusted
// path, and when that path is the nominal one because a risk is not entered, says so.
func (a *answersPanel) withRisksText(i int) string {
	rs := a.Iresults.Scenarios
	first := rs[0].Name
	mine, theirs := calc.RiskOf(a.Iset.Scenarios[i]) == calc.RiskEntered, calc.RiskOf(a.Iset.Scenarios[0]) == calc.RiskEntered
	switch {
	case !mine && !theirs:
		return "With the risks: " + riskNotEntered + " for either, so the same as above."
	case !mine:
		return "With the risks (" + riskNotEntered + " for " + rs[i].Name + "): " + lowerFirst(breakEvenText(rs[i].BreakEvenDayExpected, first)) + "."
	case !theirs:
		return "With the risks (" + riskNotEntered + " for " + first + "): " + lowerFirst(breakEvenText(rs[i].BreakEvenDayExpected, first)) + "."
	}
	return "With the risks: " + lowerFirst(breakEvenText(rs[i].BreakEvenDayExpected, first)) + "."
}

// budget says how much extra risk scenario i's extra yield pays for.
func (a *answersPanel) budget(i int) app.UI {
	var rb *calc.RiskBudget
	for k := range a.Ibudgets {
		if a.Ibudgets[k].Scenario == i {
			rb = &a.Ibudgets[k]
		}
	}
	first := a.Iresults.Scenarios[0].Name
	outOfDate := rb != nil && a.IbudgetsOld
	sc := a.Iset.Scenarios[i]
	return app.Div().Class("risk-budget-box").Body(
		app.If(rb != nil, func() app.UI {
			class := "risk-budget"
			if outOfDate {
				class += " stale"
			}
			return app.Div().Body(
				app.If(outOfDate, func() app.UI {
					return app.P().Class("out-of-date").Text(outOfDateText(a.IbudgetsDays, a.Iset.Days))
				}),
				app.P().Class(class).
					DataSet("scenario", i).DataSet("field", string(calc.FigureRiskBudget)).DataSet("value", rb.ProbabilityPercent.String()).
					Text(riskBudgetText(*rb, first)),
				app.If(!rb.None && calc.RiskOf(sc) != calc.RiskEntered, func() app.UI {
					return app.P().Class("risk-note").Text("Risk not entered for " + sc.Name +
						": this is all the risk of a total loss its yield pays for, not extra risk on top of risks it carries.")
				}),
			)
		}),
		// Progress is said in a live region of its own, once per slice of work.
		app.Div().Aria("live", "polite").Body(
			app.If(a.IbudgetsWorking, func() app.UI {
				return app.P().Class("working").Text(workingText("Working out the risk the extra yield pays for",
					a.IbudgetsRuns[0], a.IbudgetsRuns[1], "%s of at most %s runs of the ledger"))
			}).ElseIf(a.IaskBudgets && i == 1, func() app.UI {
				return app.Button().Type("button").ID("answers-ask-budgets").Class("link").
					Text("Work out the risk the extra yield pays for (a few seconds for scenarios this long)").
					OnClick(a.onAskBudgets)
			}),
		),
	)
}

func (a *answersPanel) onAskBudgets(ctx app.Context, e app.Event) {
	if a.IonAskBudgets != nil {
		a.IonAskBudgets(ctx)
	}
}

// breakEvenText says from which day a scenario stays ahead of the first one, named first.
func breakEvenText(day int, first string) string {
	switch day {
	case 0:
		return "Never stays ahead of " + first
	case 1:
		return "Ahead of " + first + " from day 1, every day to the end"
	}
	return fmt.Sprintf("Ahead of %s from day %d to the end", first, day)
}

// riskBudgetText says in words how much risk of a total loss the extra yield pays for.
func riskBudgetText(rb calc.RiskBudget, first string) string {
	switch {
	case rb.None:
		return "Its risk-adjusted result is not above " + first + "'s: the extra layers pay for no extra risk."
	case rb.Unbounded:
		return "The extra yield keeps it ahead of " + first + " even with a total loss every year."
	}
	return fmt.Sprintf("The extra yield pays for a total loss of the whole stack up to once in %s years (%s\u00a0%% a year).",
		rb.OnceInYears.StringFixed(1), rb.ProbabilityPercent.StringFixed(2))
}

// lowerFirst lower-cases the first letter of an ASCII sentence.
func lowerFirst(s string) string {
	if s != "" && s[0] >= 'A' && s[0] <= 'Z' {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}
