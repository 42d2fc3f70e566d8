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
	working bool
	found   bool
	cadence calc.Cadence
	problem string // the engine's objection, "" when there is none
	key     string // the scenario file it was worked out for
	stale   bool   // the scenarios changed since: it may no longer hold
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
				return app.P().Class("working").Text("Working out…")
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
