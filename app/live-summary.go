package main

import (
	"strconv"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// liveSummary is a slim bar at the bottom of the screen with each scenario's final amount and
// APY, so that the effect of a keystroke shows while the full results are scrolled out of view.
// It repeats figures of the results table and so carries no data-field hooks of its own.
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
				final := calc.FormatAmount(r.Final.Truncate(4))
				return app.Li().Body(
					app.Span().Class("scenario-number").Text(strconv.Itoa(i+1)),
					app.Span().Class("summary-name").Text(r.Name),
					app.Span().Class("summary-figure").Title(calc.FigureFinal.Title()).
						Text(groupThousands(final)+" "+s.Iset.Asset),
					app.Span().Class("summary-figure").Title(calc.FigureAPY.Title()).
						Text(r.APY.StringFixed(2)+" % "+calc.FigureAPY.Title()),
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
