package main

import (
	"strconv"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// liveSummary is a slim bar at the bottom of the screen with each scenario's final amount and
// APY, so that the effect of a keystroke shows while the full results are scrolled out of view;
// beside them its risk-adjusted APY, or "risk not entered", and, when a discount is entered, its
// instant exit value: what a stress case changes shows there too. It repeats figures of the
// results table and so carries no data-field hooks of its own.
type liveSummary struct {
	app.Compo

	Iset      calc.Set
	Iresults  calc.Results
	Istale    bool
	Iproblems int
}

func newLiveSummary() *liveSummary {
	return &liveSummary{}
}

func (s *liveSummary) Set(v calc.Set) *liveSummary {
	s.Iset = v
	return s
}

func (s *liveSummary) Results(v calc.Results) *liveSummary {
	s.Iresults = v
	return s
}

// Stale marks the figures as those of the last valid input, with the number of problems.
func (s *liveSummary) Stale(stale bool, problems int) *liveSummary {
	s.Istale, s.Iproblems = stale, problems
	return s
}

func (s *liveSummary) Render() app.UI {
	class := "live-summary"
	if s.Istale {
		class += " stale"
	}
	rs := s.Iresults.Scenarios
	return app.Aside().Class(class).Aria("label", "Summary of the results").Body(
		app.If(s.Istale, func() app.UI {
			return app.Span().Class("summary-stale").Text("Out of date: " + plural(s.Iproblems, "problem"))
		}),
		app.Ul().Body(
			app.Range(rs).Slice(func(i int) app.UI {
				r := rs[i]
				var sc calc.Scenario
				if i < len(s.Iset.Scenarios) {
					sc = s.Iset.Scenarios[i]
				}
				return app.Li().Body(
					app.Span().Class("scenario-number").Text(strconv.Itoa(i+1)),
					app.Span().Class("summary-name").Text(r.Name),
					app.Span().Class("summary-figure summary-final").Title(calc.FigureFinal.Title()+": "+calc.FormatAmount(r.Final)).
						Text(readableAmount(r.Final)+" "+s.Iset.Asset),
					app.Span().Class("summary-figure").Title(calc.FigureAPY.Title()+": "+calc.FormatPercent(r.APY)+" %").
						Text(readablePercent(r.APY)+" % "+calc.FigureAPY.Title()),
					app.If(calc.RiskOf(sc) == calc.RiskEntered, func() app.UI {
						return app.Span().Class("summary-figure summary-expected").
							Text("risk-adjusted " + readablePercent(r.APYExpected) + " %")
					}).Else(func() app.UI {
						return app.Span().Class("summary-none").Text(map[bool]string{true: riskNotEntered, false: "risk incomplete"}[calc.RiskOf(sc) == calc.RiskNotEntered])
					}),
					app.If(calc.DiscountEntered(sc), func() app.UI {
						return app.Span().Class("summary-figure summary-instant").
							Text("instant exit " + readableAmount(r.Instant) + " " + s.Iset.Asset)
					}),
				)
			}),
		),
		app.Button().Type("button").Class("link").Text("All results").OnClick(s.onAllResults),
	)
}

// onAllResults brings the results into view and moves the focus there, without touching the
// URL fragment (it carries the scenarios of a share link).
func (s *liveSummary) onAllResults(ctx app.Context, e app.Event) {
	if el := app.Window().GetElementByID("results-title"); el.Truthy() {
		el.Call("scrollIntoView")
		el.Call("focus")
	}
}
