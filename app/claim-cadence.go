package main

import (
	"fmt"
	"strconv"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// cadenceAnswer is what the page knows of one claim layer's best interval: nothing yet, being
// worked out, the engine's answer or why there is none.
type cadenceAnswer struct {
	working        bool
	tried, planned int // how far the search got: intervals tried, and planned so far
	stopped        bool
	found          bool
	cadence        calc.Cadence
	problem        string // the engine's objection, "" when there is none
	key            string // the scenario file it was worked out for
	days           int    // that file's horizon
	layer          string // the layer's name in it
	stale          bool   // the scenarios changed since: it may no longer hold
}

// claimCadence offers to find the claim interval of one claim layer that maximises its final
// amount given its gas, shows the engine's answer and offers to use it. The page works it out
// on demand: it costs hundreds of runs of the ledger.
type claimCadence struct {
	app.Compo

	Iscenario, Ilayer int
	IlayerName        string
	IeveryDays        int // the layer's claim interval now
	Idays             int // the horizon: an interval beyond it is a single claim at exit
	Iasset            string
	Ianswer           cadenceAnswer
	Istale            bool // the input changed since: the answer may not hold, and cannot be used
	IonFind           func(ctx app.Context, scenario, layer int)
	IonUse            func(ctx app.Context, scenario, layer, everyDays int)
}

func newClaimCadence() *claimCadence {
	return &claimCadence{}
}

// Layer sets which layer of which scenario this is, its name and its claim interval in days.
func (c *claimCadence) Layer(scenario, layer int, name string, everyDays int) *claimCadence {
	c.Iscenario, c.Ilayer, c.IlayerName, c.IeveryDays = scenario, layer, name, everyDays
	return c
}

func (c *claimCadence) Days(v int) *claimCadence {
	c.Idays = v
	return c
}

func (c *claimCadence) Asset(v string) *claimCadence {
	c.Iasset = v
	return c
}

func (c *claimCadence) Answer(v cadenceAnswer) *claimCadence {
	c.Ianswer = v
	return c
}

func (c *claimCadence) Stale(v bool) *claimCadence {
	c.Istale = v
	return c
}

func (c *claimCadence) OnFind(h func(ctx app.Context, scenario, layer int)) *claimCadence {
	c.IonFind = h
	return c
}

func (c *claimCadence) OnUse(h func(ctx app.Context, scenario, layer, everyDays int)) *claimCadence {
	c.IonUse = h
	return c
}

// cadenceID is the id prefix of a claim layer's cadence controls.
func cadenceID(scenario, layer int) string {
	return fmt.Sprintf("answers-s%d-l%d", scenario, layer)
}

func (c *claimCadence) Render() app.UI {
	a := c.Ianswer
	id := cadenceID(c.Iscenario, c.Ilayer)
	class := "cadence"
	if c.Istale {
		class += " stale"
	}
	return app.Div().Class(class).Body(
		app.P().Class("cadence-layer").Text(fmt.Sprintf("%s claims every %s.", c.IlayerName, plural(c.IeveryDays, "day"))),
		app.Button().Type("button").ID(id+"-find").Class("link").
			Disabled(a.working).
			Aria("label", "Find the best claim interval for "+c.IlayerName).
			Text("Find the best claim interval").
			OnClick(c.onFind),
		app.Div().Aria("live", "polite").Body(
			app.If(a.working, func() app.UI {
				return app.P().Class("working").Text(workingText("Working out the best claim interval", a.tried, a.planned, "%s of %s intervals tried"))
			}).ElseIf(a.stopped, func() app.UI {
				return app.P().Class("cadence-stopped").Text("The search stopped: the scenarios changed before it was over. Find it again for the scenarios as they are now.")
			}).ElseIf(a.problem != "", func() app.UI {
				return app.P().Class("cadence-problem").Text("No answer: " + a.problem + ".")
			}).ElseIf(a.found, func() app.UI {
				return c.result()
			}),
		),
	)
}

// result says what the best interval gains, with the hook best_claim_every.
func (c *claimCadence) result() app.UI {
	cd := c.Ianswer.cadence
	text := cadenceText(cd, c.Idays, c.Iasset)
	id := cadenceID(c.Iscenario, c.Ilayer)
	return app.Div().Body(
		app.If(c.Istale, func() app.UI {
			return app.P().Class("out-of-date").Text(outOfDateText(c.Ianswer.days, c.Idays))
		}),
		app.P().Class("cadence-result").
			DataSet("scenario", c.Iscenario).DataSet("layer", c.Ilayer).
			DataSet("field", "best_claim_every").DataSet("value", cd.BestDays).
			Text(text),
		app.If(cd.BestDays != cd.CurrentDays && !c.Istale, func() app.UI {
			return app.Button().Type("button").ID(id + "-use").
				Text("Use every " + plural(cd.BestDays, "day")).
				OnClick(c.onUse)
		}),
	)
}

// cadenceText says in words what the best claim interval gains over the current one.
func cadenceText(cd calc.Cadence, days int, asset string) string {
	if cd.BestDays == cd.CurrentDays {
		return "Every " + plural(cd.CurrentDays, "day") + " is already the best."
	}
	best := "every " + plural(cd.BestDays, "day")
	if cd.BestDays > days {
		best = "once, at the exit,"
	}
	return fmt.Sprintf("Claiming %s instead of every %s gives %s %s more (%s %s final).",
		best, strconv.Itoa(cd.CurrentDays), calc.FormatAmount(cd.Gain), asset, calc.FormatAmount(cd.BestFinal), asset)
}

func (c *claimCadence) onFind(ctx app.Context, e app.Event) {
	if c.IonFind != nil {
		c.IonFind(ctx, c.Iscenario, c.Ilayer)
	}
}

func (c *claimCadence) onUse(ctx app.Context, e app.Event) {
	if c.IonUse != nil {
		c.IonUse(ctx, c.Iscenario, c.Ilayer, c.Ianswer.cadence.BestDays)
	}
}

// workingText says that an answer is being worked out and, once known, how far it got, with
// progress a format of the two counts: "Working out the best claim interval… 120 of 567
// intervals tried".
func workingText(what string, done, planned int, progress string) string {
	if planned <= 0 {
		return what + "…"
	}
	return what + "… " + fmt.Sprintf(progress, groupThousands(strconv.Itoa(done)), groupThousands(strconv.Itoa(planned)))
}

// outOfDateText marks an answer worked out for an earlier version of the scenarios, with its
// horizon when that was another one.
func outOfDateText(answerDays, days int) string {
	text := "Out of date: worked out for the scenarios before your last change"
	if answerDays != days && answerDays > 0 {
		text += ", over " + groupThousands(strconv.Itoa(answerDays)) + " days"
	}
	return text + "."
}
