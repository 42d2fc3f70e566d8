package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
	"restakecalc/calc"
)

// Drawing sizes of a liquidity bar, in view-box units. The bar stretches to its box's width
// (preserveAspectRatio none) and holds no text, so nothing gets distorted that should not.
const (
	liquidityBarWidth  = 1000
	liquidityBarHeight = 36
	liquidityRowHeight = 8
	// The bar has two panels: the days up to the exit request on the left, and the withdrawal
	// queues after it on the right, on a scale of their own: queues of days would not show next
	// to horizons of years. Every scenario's bar uses the same two scales.
	liquidityHorizonEnd = 680 // the left panel is 0 to this
	liquidityQueueStart = 700 // the right panel is this to liquidityBarWidth
	// liquidityMinQueueWidth is the least width of a withdrawal queue's part, 0.4% of the bar.
	liquidityMinQueueWidth = 4
)

// liquidityScales place days on the bars: days since the start up to the exit request, and days
// since the exit request for the queues. Without any queue, the first takes the whole width.
type liquidityScales struct {
	horizon, queue linearScale
	lastRequestDay int // the latest exit request of all scenarios
	longestQueue   int // the longest time from exit request to funds back, days
}

func newLiquidityScales(plans []liquidityPlan) liquidityScales {
	s := liquidityScales{lastRequestDay: 1}
	for _, p := range plans {
		s.lastRequestDay = max(s.lastRequestDay, p.requestDay, p.days, p.lockupDays)
		s.longestQueue = max(s.longestQueue, p.queueDays)
		if n := len(p.withdrawals); n > 0 {
			s.longestQueue = max(s.longestQueue, p.withdrawals[n-1].to-p.requestDay)
		}
	}
	if s.longestQueue == 0 {
		s.horizon = linearScale{0, float64(s.lastRequestDay), 0, liquidityBarWidth}
		return s
	}
	s.horizon = linearScale{0, float64(s.lastRequestDay), 0, liquidityHorizonEnd}
	s.queue = linearScale{0, float64(s.longestQueue), liquidityQueueStart, liquidityBarWidth}
	return s
}

// liquidityPlan is when one scenario's money is back: the lock-ups, the exit request and every
// layer's withdrawal queue in the order an exit goes through them, top layer first.
type liquidityPlan struct {
	scenario    int
	name        string
	days        int             // the horizon
	lockupDays  int             // the longest lock-up of the stack
	requestDay  int             // the first day an exit can be requested: max(days, lockupDays)
	liquidDay   int             // the day the funds are back, from the results
	queueDays   int             // liquidDay - requestDay
	withdrawals []liquidityStep // layers with a queue, top first
	instant     decimal.Decimal // value sold at once at the horizon
	final       decimal.Decimal // value after the normal exit
	instantCost decimal.Decimal // percent market discount of the instant exit
}

// liquidityStep is one layer's withdrawal queue.
type liquidityStep struct {
	layer    string
	from, to int // days
}

// newLiquidityPlan reads scenario i's exit from the set's layers and the results' liquid day.
func newLiquidityPlan(set calc.Set, r calc.ScenarioResult, i int) liquidityPlan {
	p := liquidityPlan{
		scenario:   i,
		name:       r.Name,
		days:       set.Days,
		requestDay: set.Days,
		liquidDay:  r.LiquidDay,
		instant:    r.Instant,
		final:      r.Final,
	}
	if i < len(set.Scenarios) {
		sc := set.Scenarios[i]
		p.instantCost = sc.InstantExitCost
		if p.name == "" {
			p.name = sc.Name
		}
		for _, l := range sc.Layers {
			p.lockupDays = max(p.lockupDays, l.LockupDays)
		}
		p.requestDay = max(set.Days, p.lockupDays)
		day := p.requestDay
		for j := len(sc.Layers) - 1; j >= 0; j-- {
			l := sc.Layers[j]
			if l.WithdrawDays > 0 {
				p.withdrawals = append(p.withdrawals, liquidityStep{layer: l.Name, from: day, to: day + l.WithdrawDays})
				day += l.WithdrawDays
			}
		}
	}
	if p.name == "" {
		p.name = "Scenario " + strconv.Itoa(i+1)
	}
	p.queueDays = max(0, p.liquidDay-p.requestDay)
	return p
}

// liquidityTimeline shows for every scenario when the money is back: the horizon, the lock-ups,
// each layer's withdrawal queue after the exit request, and the instant exit at a discount.
type liquidityTimeline struct {
	app.Compo

	Iset     calc.Set
	Iresults calc.Results
	Istale   bool
}

func newLiquidityTimeline() *liquidityTimeline {
	return &liquidityTimeline{}
}

// Set gives the scenario set the results belong to: horizon, layers and instant exit costs.
func (t *liquidityTimeline) Set(s calc.Set) *liquidityTimeline {
	t.Iset = s
	return t
}

// Results gives the engine's results: each scenario's liquid day, instant and final values.
func (t *liquidityTimeline) Results(r calc.Results) *liquidityTimeline {
	t.Iresults = r
	return t
}

// Stale marks the results as those of the last valid input, not of what the form now holds.
func (t *liquidityTimeline) Stale(stale bool) *liquidityTimeline {
	t.Istale = stale
	return t
}

func (t *liquidityTimeline) Render() app.UI {
	class := "liquidity-timeline"
	if t.Istale {
		class += " is-stale"
	}
	if len(t.Iresults.Scenarios) == 0 {
		return app.Section().Class(class).DataSet("part", "liquidity").Body(
			app.P().Class("liquidity-empty").Text("No exit timeline to show yet."),
		)
	}
	plans := make([]liquidityPlan, len(t.Iresults.Scenarios))
	for i, r := range t.Iresults.Scenarios {
		plans[i] = newLiquidityPlan(t.Iset, r, i)
	}
	x := newLiquidityScales(plans)
	return app.Section().Class(class).DataSet("part", "liquidity").Body(
		app.If(t.Istale, func() app.UI {
			return app.P().Class("liquidity-stale").Text("Out of date: these are the results of the last valid input.")
		}),
		t.renderKey(),
		app.Range(plans).Slice(func(i int) app.UI {
			return t.renderPlan(plans[i], x)
		}),
		app.P().Class("liquidity-scale").Aria("hidden", "true").Body(
			app.Span().Class("liquidity-scale-horizon").Body(
				app.Span().Text("day 0"),
				app.Span().Text("day "+strconv.Itoa(x.lastRequestDay)),
			),
			app.If(x.longestQueue > 0, func() app.UI {
				return app.Span().Class("liquidity-scale-queue").Body(
					app.Span().Text("exit request"),
					app.Span().Text("+"+chartPlural(x.longestQueue, "day", "days")),
				)
			}),
		),
	)
}

// renderKey says what the bars' parts are.
func (t *liquidityTimeline) renderKey() app.UI {
	item := func(class, text string, swatch app.UI) app.UI {
		return app.Li().Class("liquidity-key-item", class).Body(
			app.Elem("svg").XMLNS(chartSVGNS).Class("liquidity-swatch").
				Attr("viewBox", "0 0 20 10").Attr("width", "20").Attr("height", "10").
				Aria("hidden", "true").Body(swatch),
			app.Span().Text(text),
		)
	}
	return app.Ul().Class("liquidity-key").Body(
		item("liquidity-key-horizon", "horizon: earning",
			chartElem("rect").Attr("width", "20").Attr("height", "10").
				Attr("fill", "currentColor").Attr("fill-opacity", "0.3")),
		item("liquidity-key-lockup", "locked up: no exit request yet",
			chartElem("rect").Attr("width", "20").Attr("height", "10").
				Attr("fill", "currentColor").Attr("fill-opacity", "0.65")),
		item("liquidity-key-request", "exit request",
			chartElem("line").Attr("x1", "10").Attr("x2", "10").Attr("y1", "0").Attr("y2", "10").
				Attr("stroke", "currentColor").Attr("stroke-dasharray", "3 2")),
		item("liquidity-key-queue", "withdrawal queues, one part per layer, on a scale of their own",
			chartElem("rect").Attr("width", "20").Attr("height", "10").
				Attr("fill", chartColour(0))),
		item("liquidity-key-back", "funds back",
			chartElem("line").Attr("x1", "10").Attr("x2", "10").Attr("y1", "0").Attr("y2", "10").
				Attr("stroke", "currentColor").Attr("stroke-width", "3")),
	)
}

// renderPlan shows one scenario: its bar, the plain-language exit and the instant alternative.
func (t *liquidityTimeline) renderPlan(p liquidityPlan, x liquidityScales) app.UI {
	asset := t.Iset.Asset
	figure := func(name, value, text string) app.HTMLSpan {
		return app.Span().Class("liquidity-figure").
			DataSet("scenario", p.scenario).DataSet("figure", name).DataSet("value", value).
			Text(text)
	}
	amount := func(name string, d decimal.Decimal) app.UI {
		shown, exact := chartShownAmount(d)
		text := shown
		if asset != "" {
			text += " " + asset
		}
		return figure(name, exact, text).Title(exact + " " + asset)
	}

	queue := "no withdrawal queue"
	switch p.queueDays {
	case 0:
	case 1:
		queue = "1 day of withdrawal queue"
	default:
		queue = strconv.Itoa(p.queueDays) + " days of withdrawal queues"
	}

	var lockup app.UI
	switch {
	case p.lockupDays > p.days:
		lockup = app.P().Class("liquidity-lockup").Text(
			"Locked up until day " + strconv.Itoa(p.lockupDays) + ", " +
				chartPlural(p.lockupDays-p.days, "day", "days") + " past the horizon.")
	case p.lockupDays > 0:
		lockup = app.P().Class("liquidity-lockup").Text(
			"The lock-up of " + chartPlural(p.lockupDays, "day", "days") + " ends within the horizon.")
	}

	diff := p.final.Sub(p.instant)
	diffShown, diffExact := chartShownAmount(diff.Abs())
	var comparison string
	switch diff.Sign() {
	case 1:
		comparison = " less than waiting for "
	case -1:
		comparison = " more than waiting for "
	}

	return app.Article().Class("liquidity-scenario").DataSet("scenario", p.scenario).Body(
		app.P().Class("liquidity-name").Body(
			app.Elem("svg").XMLNS(chartSVGNS).Class("liquidity-marker").
				Attr("viewBox", "0 0 12 12").Attr("width", "12").Attr("height", "12").
				Aria("hidden", "true").Body(chartMarker(p.scenario, 6, 6, chartMarkerRadius, false)),
			app.Text(" "),
			app.Span().Class("liquidity-number").Text(strconv.Itoa(p.scenario+1)),
			app.Text(" "),
			app.Strong().Text(p.name),
		),
		t.renderBar(p, x),
		app.P().Class("liquidity-exit").Body(
			app.Text("Exit can be requested from "),
			figure("exit_day", strconv.Itoa(p.requestDay), "day "+strconv.Itoa(p.requestDay)),
			app.Text("; funds back on "),
			figure("liquid_day", strconv.Itoa(p.liquidDay), "day "+strconv.Itoa(p.liquidDay)),
			app.Text(" ("+queue+")."),
		),
		lockup,
		app.If(len(p.withdrawals) > 0, func() app.UI {
			return app.Ol().Class("liquidity-steps").Body(
				app.Range(p.withdrawals).Slice(func(k int) app.UI {
					w := p.withdrawals[k]
					return app.Li().Text(w.layer + ": day " + strconv.Itoa(w.from) + " to day " + strconv.Itoa(w.to) +
						" (" + chartPlural(w.to-w.from, "day", "days") + ")")
				}),
			)
		}),
		app.P().Class("liquidity-instant").Body(
			app.Text("Instant exit on day "+strconv.Itoa(p.days)+" instead: "),
			amount("instant", p.instant),
			app.Text(" after a "),
			figure("instant_exit_cost", p.instantCost.String(), p.instantCost.String()+"%"),
			app.Text(" market discount, "),
			app.If(diff.IsZero(), func() app.UI {
				return app.Text("the same as waiting for ")
			}).Else(func() app.UI {
				return app.Span().Body(
					app.Span().Class("liquidity-difference").Title(diffExact+" "+asset).Text(diffShown+" "+asset),
					app.Text(comparison),
				)
			}),
			amount("final", p.final),
			app.Text("."),
		),
	)
}

// renderBar draws the plan on the shared scales x: the horizon and the lock-up up to the exit
// request, then the withdrawal queues and the day the funds are back. It is decoration: the text
// says the same.
func (t *liquidityTimeline) renderBar(p liquidityPlan, x liquidityScales) app.UI {
	row := func(k int) float64 { return 2 + float64(k)*(liquidityRowHeight+4) }
	rect := func(from, to float64, k int) app.HTMLElem {
		return chartElem("rect").
			Attr("x", chartCoord(from)).Attr("y", chartCoord(row(k))).
			Attr("width", chartCoord(max(to-from, 0))).Attr("height", chartCoord(liquidityRowHeight))
	}
	vline := func(at float64) app.HTMLElem {
		return chartElem("line").
			Attr("x1", chartCoord(at)).Attr("x2", chartCoord(at)).
			Attr("y1", "0").Attr("y2", chartCoord(liquidityBarHeight)).
			Attr("stroke", "currentColor").Attr("vector-effect", "non-scaling-stroke")
	}
	colour := chartColour(p.scenario)
	items := []app.UI{
		rect(x.horizon.at(0), x.horizon.at(float64(p.days)), 0).Class("liquidity-horizon").
			Attr("fill", "currentColor").Attr("fill-opacity", "0.3"),
	}
	if p.lockupDays > 0 {
		items = append(items, rect(x.horizon.at(0), x.horizon.at(float64(p.lockupDays)), 1).
			Class("liquidity-lockup-bar").
			Attr("fill", "currentColor").Attr("fill-opacity", "0.65"))
	}
	items = append(items, vline(x.horizon.at(float64(p.requestDay))).Class("liquidity-request").
		Attr("stroke-dasharray", "3 2").Attr("stroke-width", "1"))

	// Funds back at the request when there is no queue anywhere; else on the queues' scale,
	// where a queue of a day still gets a sliver, and the mark follows the last one.
	backX := x.horizon.at(float64(p.requestDay))
	if x.longestQueue > 0 {
		drawnEnd := x.queue.at(0)
		for k, w := range p.withdrawals {
			opacity := "1"
			if k%2 == 1 {
				opacity = "0.55" // neighbouring queues in alternating shades
			}
			from := max(x.queue.at(float64(w.from-p.requestDay)), drawnEnd)
			to := max(x.queue.at(float64(w.to-p.requestDay)), from+liquidityMinQueueWidth)
			drawnEnd = to
			items = append(items, rect(from, to, 2).Class("liquidity-queue").
				DataSet("layer", w.layer).
				Attr("fill", colour).Attr("fill-opacity", opacity))
		}
		backX = max(x.queue.at(float64(p.queueDays)), drawnEnd)
	}
	items = append(items, vline(backX).Class("liquidity-back").Attr("stroke-width", "3"))
	return app.Elem("svg").XMLNS(chartSVGNS).Class("liquidity-bar").
		Attr("viewBox", "0 0 "+strconv.Itoa(liquidityBarWidth)+" "+strconv.Itoa(liquidityBarHeight)).
		Attr("preserveAspectRatio", "none").
		Attr("width", "100%").Attr("height", strconv.Itoa(liquidityBarHeight)).
		Aria("hidden", "true").
		Body(items...)
}
