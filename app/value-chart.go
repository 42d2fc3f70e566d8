package main

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
	"restakecalc/calc"
)

// chartSVGNS is the namespace every SVG element needs: go-app creates elements in the namespace given.
const chartSVGNS = "http://www.w3.org/2000/svg"

// chartElem returns an SVG element of the given tag in the SVG namespace.
func chartElem(tag string) app.HTMLElem {
	return app.Elem(tag).XMLNS(chartSVGNS)
}

// chartColours are the scenarios' colours, in order: the Okabe-Ito palette, which colour-blind
// readers can tell apart, with its light orange, yellow and sky blue swapped for darker tones so
// that every line keeps a contrast of at least 3:1 on white and on near-black backgrounds.
// Markers and end labels tell the scenarios apart where colours do not.
var chartColours = [calc.MaxScenarios]string{
	"#0072B2", // blue
	"#D55E00", // vermilion
	"#009E73", // bluish green
	"#B8860B", // dark goldenrod
	"#CC79A7", // reddish purple
	"#8A6BBE", // violet
}

// chartColour returns the colour of scenario i.
func chartColour(i int) string {
	return chartColours[i%len(chartColours)]
}

// chartMarkerPath returns the SVG path of scenario i's marker centred on x, y with radius r: a circle,
// square, triangle, diamond, upside-down triangle or cross, so that scenarios differ in shape too.
func chartMarkerPath(i int, x, y, r float64) string {
	p := func(dx, dy float64) string { return chartCoord(x+dx) + " " + chartCoord(y+dy) }
	switch i % calc.MaxScenarios {
	case 0:
		return "M" + p(-r, 0) + "A" + chartCoord(r) + " " + chartCoord(r) + " 0 1 0 " + p(r, 0) +
			"A" + chartCoord(r) + " " + chartCoord(r) + " 0 1 0 " + p(-r, 0) + "Z"
	case 1:
		r *= 0.9
		return "M" + p(-r, -r) + "L" + p(r, -r) + "L" + p(r, r) + "L" + p(-r, r) + "Z"
	case 2:
		return "M" + p(0, -1.2*r) + "L" + p(1.1*r, 0.8*r) + "L" + p(-1.1*r, 0.8*r) + "Z"
	case 3:
		return "M" + p(0, -1.25*r) + "L" + p(1.25*r, 0) + "L" + p(0, 1.25*r) + "L" + p(-1.25*r, 0) + "Z"
	case 4:
		return "M" + p(0, 1.2*r) + "L" + p(1.1*r, -0.8*r) + "L" + p(-1.1*r, -0.8*r) + "Z"
	default:
		return "M" + p(-r, -r) + "L" + p(r, r) + "M" + p(r, -r) + "L" + p(-r, r)
	}
}

// chartMarker draws scenario i's marker: filled on the nominal path, hollow on the expected one.
func chartMarker(i int, x, y, r float64, hollow bool) app.UI {
	fill := chartColour(i)
	if hollow {
		fill = "none"
	}
	return chartElem("path").
		Attr("d", chartMarkerPath(i, x, y, r)).
		Attr("fill", fill).
		Attr("stroke", chartColour(i)).
		Attr("stroke-width", "1.5")
}

// chartShownAmount returns an amount as the page shows it: as it is when readableAmount's
// rounding would not change it, rounded by readableAmount with "≈" marking it otherwise; and the
// exact amount as the results document writes it, for a title
// and data-value.
func chartShownAmount(d decimal.Decimal) (shown, exact string) {
	exact = calc.FormatAmount(d)
	shown = readableAmount(d)
	if r, err := decimal.NewFromString(strings.ReplaceAll(shown, ",", "")); err == nil && r.Equal(d) {
		return groupThousands(exact), exact
	}
	return "≈" + shown, exact
}

// chartAmountSpan shows an amount rounded, with the exact amount in its title and data-value.
func chartAmountSpan(d decimal.Decimal, asset string) app.HTMLSpan {
	shown, exact := chartShownAmount(d)
	text := shown
	if asset != "" {
		text += " " + asset
	}
	return app.Span().Class("amount").Title(exact+" "+asset).DataSet("value", exact).Text(text)
}

// Drawing sizes of the value chart, in view-box units. The view box takes the chart's measured
// width in CSS pixels, so that text keeps its size from phones to wide screens.
const (
	chartDefaultWidth = 560  // before the chart is measured, and in tests
	chartMinWidth     = 280  // narrower boxes are scaled down
	chartMaxWidth     = 1600 // wider boxes are scaled up
	chartFontSize     = 12
	chartCharWidth    = 7.2 // a generous digit width at chartFontSize
	chartMarkerRadius = 4
	chartMarkers      = 5  // markers along each line
	chartTimeTicks    = 6  // most marks on the time axis
	chartValueTicks   = 6  // most marks on the amount axis
	chartLabelGap     = 13 // least vertical distance between end labels
)

// chartGeometry is the drawing of a set of results at one width: computed once per change of
// results or size, not on every move of the cursor.
type chartGeometry struct {
	width, height                            float64
	plotLeft, plotRight, plotTop, plotBottom float64
	days                                     []int // every day some series has a value for, ascending
	x                                        linearScale
	y                                        amountScale
	timeTicks                                []timeTick
	valueTicks                               []valueTick
	series                                   []seriesGeometry // one per scenario with a series
}

// seriesGeometry is one scenario's two lines.
type seriesGeometry struct {
	scenario                  int
	nominal, expected         []chartPoint
	nominalLine, expectedLine string  // the lines' points, for polylines
	labelX, labelY            float64 // the end label's place, moved apart from the others
}

// chartPoint is a day value and where it is drawn.
type chartPoint struct {
	Day   int
	Value decimal.Decimal
	X, Y  float64
}

// newChartGeometry lays out every scenario's series at the given width in CSS pixels. It returns
// nil when there is nothing to draw: no scenario has a series.
func newChartGeometry(set calc.Set, results calc.Results, widthPx int) *chartGeometry {
	var (
		lo, hi decimal.Decimal
		found  bool
		days   []int
	)
	for _, r := range results.Scenarios {
		for _, path := range [][]calc.DayValue{r.Series, r.SeriesExpected} {
			for _, p := range path {
				if !found {
					lo, hi, found = p.Value, p.Value, true
				}
				if p.Value.LessThan(lo) {
					lo = p.Value
				}
				if p.Value.GreaterThan(hi) {
					hi = p.Value
				}
				days = append(days, p.Day)
			}
		}
	}
	if !found {
		return nil
	}
	sort.Ints(days)
	days = slices.Compact(days)

	width := float64(chartDefaultWidth)
	if widthPx > 0 {
		width = float64(min(max(widthPx, chartMinWidth), chartMaxWidth))
	}
	height := min(max(width*0.55, 220), 420)
	g := &chartGeometry{width: width, height: height, days: days}

	var axisLo, axisHi decimal.Decimal
	g.valueTicks, axisLo, axisHi = valueTicks(lo, hi, chartValueTicks)
	labelLen := 0
	for _, t := range g.valueTicks {
		labelLen = max(labelLen, len(t.Label))
	}
	horizon := max(set.Days, days[len(days)-1], 1)
	// Labels of wei-apart values can be long: they may run off the left edge rather than
	// squeeze the plot below three fifths of the width.
	g.plotLeft = min(float64(labelLen)*chartCharWidth+10, width*0.4)
	g.plotRight = width - 28 // room for the end labels
	g.plotTop = 22           // room for the unit
	g.plotBottom = height - 24
	g.x = linearScale{0, float64(horizon), g.plotLeft, g.plotRight}
	g.y = newAmountScale(axisLo, axisHi, g.plotBottom, g.plotTop)
	g.timeTicks = timeTicks(horizon, chartTimeTicks)

	for i, r := range results.Scenarios {
		if len(r.Series) == 0 && len(r.SeriesExpected) == 0 {
			continue
		}
		s := seriesGeometry{
			scenario: i,
			nominal:  g.points(r.Series),
			expected: g.points(r.SeriesExpected),
		}
		s.nominalLine, s.expectedLine = chartPolylinePoints(s.nominal), chartPolylinePoints(s.expected)
		end := s.nominal
		if len(end) == 0 {
			end = s.expected
		}
		s.labelX, s.labelY = g.plotRight+8, end[len(end)-1].Y
		g.series = append(g.series, s)
	}
	g.spreadLabels()
	return g
}

func (g *chartGeometry) points(series []calc.DayValue) []chartPoint {
	pts := make([]chartPoint, len(series))
	for i, p := range series {
		pts[i] = chartPoint{Day: p.Day, Value: p.Value, X: g.x.at(float64(p.Day)), Y: g.y.at(p.Value)}
	}
	return pts
}

// chartPointOn returns the point of pts, which are in ascending days, drawn for day.
func chartPointOn(pts []chartPoint, day int) (chartPoint, bool) {
	i := sort.Search(len(pts), func(i int) bool { return pts[i].Day >= day })
	if i < len(pts) && pts[i].Day == day {
		return pts[i], true
	}
	return chartPoint{}, false
}

// spreadLabels moves the end labels apart so that lines ending close together stay readable,
// keeping them inside the plot's height.
func (g *chartGeometry) spreadLabels() {
	order := make([]int, len(g.series))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return g.series[order[a]].labelY < g.series[order[b]].labelY })
	prev := g.plotTop - chartLabelGap + chartFontSize/2
	for _, i := range order {
		y := max(g.series[i].labelY, prev+chartLabelGap)
		g.series[i].labelY = y
		prev = y
	}
	// Push back up from the bottom where the spreading ran past it.
	next := g.plotBottom + chartLabelGap
	for k := len(order) - 1; k >= 0; k-- {
		i := order[k]
		y := min(g.series[i].labelY, next-chartLabelGap)
		g.series[i].labelY = y
		next = y
	}
}

// nearestDayIndex returns the index in g.days of the day closest to day.
func (g *chartGeometry) nearestDayIndex(day float64) int {
	i := sort.Search(len(g.days), func(i int) bool { return float64(g.days[i]) >= day })
	switch {
	case i == len(g.days):
		return len(g.days) - 1
	case i > 0 && day-float64(g.days[i-1]) <= float64(g.days[i])-day:
		return i - 1
	}
	return i
}

// chartPolylinePoints writes the points of a line for an SVG polyline.
func chartPolylinePoints(pts []chartPoint) string {
	var b strings.Builder
	for i, p := range pts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(chartCoord(p.X))
		b.WriteByte(',')
		b.WriteString(chartCoord(p.Y))
	}
	return b.String()
}

// valueChart draws the value of every scenario over the horizon, nominal and expected path, and
// reads out the exact values of the day under the pointer or the keyboard cursor.
type valueChart struct {
	app.Compo

	Iset     calc.Set
	Iresults calc.Results
	Istale   bool

	widthPx   int            // measured width of the chart; 0 until mounted
	cursorDay int            // day of the readout; 0 is the last day
	geometry  *chartGeometry // drawing of the current results; nil when it must be redone
}

func newValueChart() *valueChart {
	return &valueChart{}
}

// WidthPx gives the width the chart will have, when known before it is mounted (the page
// measures the pre-rendered chart): drawn at that width at once, the chart need not be drawn
// again once mounted. Later calls change nothing: the mounted chart measures itself.
func (c *valueChart) WidthPx(w int) *valueChart {
	c.widthPx = w
	return c
}

// Set gives the scenario set the results belong to: asset label, horizon and scenario names.
func (c *valueChart) Set(s calc.Set) *valueChart {
	c.Iset = s
	c.geometry = nil
	return c
}

// Results gives the engine's results, with their day series.
func (c *valueChart) Results(r calc.Results) *valueChart {
	c.Iresults = r
	c.geometry = nil
	return c
}

// Stale marks the results as those of the last valid input, not of what the form now holds.
func (c *valueChart) Stale(stale bool) *valueChart {
	c.Istale = stale
	return c
}

func (c *valueChart) OnMount(ctx app.Context) {
	was := c.widthPx
	c.measure(ctx)
	if c.widthPx == was {
		ctx.PreventUpdate() // drawn at its width already: the page is not drawn again for it
	}
}

func (c *valueChart) OnResize(ctx app.Context) {
	c.measure(ctx)
}

func (c *valueChart) OnUpdate(ctx app.Context) {
	c.geometry = nil
}

// measure takes the chart's width in CSS pixels for the view box.
func (c *valueChart) measure(ctx app.Context) {
	w := ctx.JSSrc().Get("clientWidth").Int()
	if w > 0 && w != c.widthPx {
		c.widthPx = w
		c.geometry = nil
	}
}

// layout returns the drawing of the current results, computing it when they or the size changed.
func (c *valueChart) layout() *chartGeometry {
	if c.geometry == nil {
		c.geometry = newChartGeometry(c.Iset, c.Iresults, c.widthPx)
	}
	return c.geometry
}

// cursorIndex returns the index in g.days of the readout's day.
func (c *valueChart) cursorIndex(g *chartGeometry) int {
	if c.cursorDay <= 0 {
		return len(g.days) - 1
	}
	return g.nearestDayIndex(float64(c.cursorDay))
}

// onKeyDown moves the readout's day: arrows by one point of the series, Page Up and Page Down by
// a tenth of them, Home and End to the first and last day.
func (c *valueChart) onKeyDown(ctx app.Context, e app.Event) {
	g := c.layout()
	if g == nil {
		return
	}
	i, last := c.cursorIndex(g), len(g.days)-1
	page := max(1, len(g.days)/10)
	switch e.Get("key").String() {
	case "ArrowLeft", "ArrowDown":
		i--
	case "ArrowRight", "ArrowUp":
		i++
	case "PageDown":
		i -= page
	case "PageUp":
		i += page
	case "Home":
		i = 0
	case "End":
		i = last
	default:
		ctx.PreventUpdate() // Tab and the rest: nothing changed here
		return
	}
	e.PreventDefault()
	c.cursorDay = g.days[min(max(i, 0), last)]
}

// onPointerMove puts the readout on the day under the pointer.
func (c *valueChart) onPointerMove(ctx app.Context, e app.Event) {
	g := c.layout()
	if g == nil {
		return
	}
	box := ctx.JSSrc().Call("getBoundingClientRect")
	boxWidth := box.Get("width").Float()
	if boxWidth <= 0 {
		return
	}
	viewX := (e.Get("clientX").Float() - box.Get("left").Float()) / boxWidth * g.width
	day := g.days[g.nearestDayIndex(g.x.invert(viewX))]
	if day == c.cursorDay {
		ctx.PreventUpdate()
		return
	}
	c.cursorDay = day
}

// assetLabel returns the asset's symbol for amounts.
func (c *valueChart) assetLabel() string {
	return c.Iset.Asset
}

// chartScenarioName returns the name of scenario i, from the results or else from the set.
func chartScenarioName(set calc.Set, results calc.Results, i int) string {
	if i < len(results.Scenarios) && results.Scenarios[i].Name != "" {
		return results.Scenarios[i].Name
	}
	if i < len(set.Scenarios) && set.Scenarios[i].Name != "" {
		return set.Scenarios[i].Name
	}
	return "Scenario " + strconv.Itoa(i+1)
}

func (c *valueChart) Render() app.UI {
	class := "value-chart"
	if c.Istale {
		class += " is-stale"
	}
	g := c.layout()
	if g == nil {
		return app.Figure().Class(class).DataSet("part", "value-chart").Body(
			app.P().Class("value-chart-empty").Text("No values over time to draw yet."),
		)
	}
	cursor := c.cursorIndex(g)
	return app.Figure().Class(class).DataSet("part", "value-chart").Body(
		app.If(c.Istale, func() app.UI {
			return app.P().Class("value-chart-stale").Text("Out of date: these are the results of the last valid input.")
		}),
		c.renderSVG(g, cursor),
		c.renderLegend(g),
		c.renderReadout(g, cursor),
		c.renderSummary(g),
	)
}

// renderSVG draws the axes, the lines, the end labels and the cursor.
func (c *valueChart) renderSVG(g *chartGeometry, cursor int) app.UI {
	horizon := int(g.x.domainHi)
	label := "Value over time of " + chartPlural(len(g.series), "scenario", "scenarios")
	if asset := c.assetLabel(); asset != "" {
		label += " in " + asset
	}
	label += ", over " + chartPlural(horizon, "day", "days")
	if d := durationLabel(horizon); d != "" {
		label += " (" + d + ")"
	}
	label += ". Solid lines: nominal path; dashed: expected path. Arrow keys, Home and End move the readout from day to day."
	if c.Istale {
		label += " Out of date."
	}

	body := []app.UI{
		chartElem("rect").Class("value-chart-plot").
			Attr("x", chartCoord(g.plotLeft)).Attr("y", chartCoord(g.plotTop)).
			Attr("width", chartCoord(g.plotRight-g.plotLeft)).Attr("height", chartCoord(g.plotBottom-g.plotTop)).
			Attr("fill", "none"),
		c.renderValueAxis(g),
		c.renderTimeAxis(g),
	}
	for _, s := range g.series {
		body = append(body, c.renderSeries(g, s))
	}
	body = append(body, c.renderCursor(g, cursor))

	return app.Elem("svg").XMLNS(chartSVGNS).
		Class("value-chart-svg").
		Attr("viewBox", "0 0 "+chartCoord(g.width)+" "+chartCoord(g.height)).
		Attr("font-size", strconv.Itoa(chartFontSize)).
		Attr("fill", "currentColor").
		Role("img").
		Aria("label", label).
		TabIndex(0).
		OnKeyDown(c.onKeyDown).
		On("pointermove", c.onPointerMove).
		On("pointerdown", c.onPointerMove).
		Body(body...)
}

// renderValueAxis draws the amount marks with grid lines and the asset's symbol.
func (c *valueChart) renderValueAxis(g *chartGeometry) app.UI {
	items := []app.UI{
		chartElem("text").Class("value-chart-unit").
			Attr("x", "2").Attr("y", chartCoord(g.plotTop-9)).
			Text(c.assetLabel()),
	}
	for _, t := range g.valueTicks {
		y := g.y.at(t.Value)
		items = append(items,
			chartElem("line").Class("value-chart-grid").
				Attr("x1", chartCoord(g.plotLeft)).Attr("x2", chartCoord(g.plotRight)).
				Attr("y1", chartCoord(y)).Attr("y2", chartCoord(y)).
				Attr("stroke", "currentColor").Attr("stroke-opacity", "0.15"),
			chartElem("text").
				Attr("x", chartCoord(g.plotLeft-6)).Attr("y", chartCoord(y)).
				Attr("text-anchor", "end").Attr("dominant-baseline", "middle").
				Text(t.Label),
		)
	}
	return chartElem("g").Class("value-chart-axis", "value-chart-axis-value").Body(items...)
}

// renderTimeAxis draws the time marks below the plot.
func (c *valueChart) renderTimeAxis(g *chartGeometry) app.UI {
	items := []app.UI{
		chartElem("line").
			Attr("x1", chartCoord(g.plotLeft)).Attr("x2", chartCoord(g.plotRight)).
			Attr("y1", chartCoord(g.plotBottom)).Attr("y2", chartCoord(g.plotBottom)).
			Attr("stroke", "currentColor").Attr("stroke-opacity", "0.5"),
	}
	for _, t := range g.timeTicks {
		x := g.x.at(t.Day)
		items = append(items,
			chartElem("line").
				Attr("x1", chartCoord(x)).Attr("x2", chartCoord(x)).
				Attr("y1", chartCoord(g.plotBottom)).Attr("y2", chartCoord(g.plotBottom+4)).
				Attr("stroke", "currentColor").Attr("stroke-opacity", "0.5"),
			chartElem("text").
				Attr("x", chartCoord(x)).Attr("y", chartCoord(g.plotBottom+16)).
				Attr("text-anchor", "middle").
				Text(t.Label),
		)
	}
	return chartElem("g").Class("value-chart-axis", "value-chart-axis-time").Body(items...)
}

// renderSeries draws one scenario: the nominal line solid, the expected line dashed, markers in
// the scenario's shape along both, and its number at the end of the nominal line.
func (c *valueChart) renderSeries(g *chartGeometry, s seriesGeometry) app.UI {
	colour := chartColour(s.scenario)
	items := []app.UI{
		chartElem("polyline").Class("value-chart-line", "value-chart-expected").
			DataSet("path", "expected").
			Attr("points", s.expectedLine).
			Attr("fill", "none").Attr("stroke", colour).Attr("stroke-width", "2").
			Attr("stroke-dasharray", "6 4").Attr("stroke-linejoin", "round"),
		chartElem("polyline").Class("value-chart-line", "value-chart-nominal").
			DataSet("path", "nominal").
			Attr("points", s.nominalLine).
			Attr("fill", "none").Attr("stroke", colour).Attr("stroke-width", "2.5").
			Attr("stroke-linejoin", "round"),
	}
	for _, path := range []struct {
		pts    []chartPoint
		hollow bool
	}{{s.expected, true}, {s.nominal, false}} {
		for _, k := range chartMarkerIndexes(len(path.pts), s.scenario) {
			p := path.pts[k]
			items = append(items, chartMarker(s.scenario, p.X, p.Y, chartMarkerRadius, path.hollow))
		}
	}
	end := s.nominal
	if len(end) == 0 {
		end = s.expected
	}
	last := end[len(end)-1]
	items = append(items,
		chartElem("line").Class("value-chart-label-line").
			Attr("x1", chartCoord(last.X)).Attr("y1", chartCoord(last.Y)).
			Attr("x2", chartCoord(s.labelX-2)).Attr("y2", chartCoord(s.labelY)).
			Attr("stroke", colour).Attr("stroke-width", "1"),
		chartElem("text").Class("value-chart-label").
			Attr("x", chartCoord(s.labelX)).Attr("y", chartCoord(s.labelY)).
			Attr("dominant-baseline", "middle").Attr("font-weight", "bold").
			Attr("fill", colour).
			Text(strconv.Itoa(s.scenario+1)),
	)
	return chartElem("g").Class("value-chart-series").DataSet("scenario", s.scenario).Body(items...)
}

// chartMarkerIndexes returns where along a line of n points the markers go: evenly spaced, shifted
// per scenario so that the markers of lines running together do not cover each other.
func chartMarkerIndexes(n, scenario int) []int {
	if n == 0 {
		return nil
	}
	var idx []int
	for k := 0; k < chartMarkers; k++ {
		f := (float64(k) + float64(scenario%calc.MaxScenarios+1)/float64(calc.MaxScenarios+1)) / chartMarkers
		i := min(int(f*float64(n)), n-1)
		if len(idx) == 0 || idx[len(idx)-1] != i {
			idx = append(idx, i)
		}
	}
	return idx
}

// renderCursor draws the readout's day: a vertical line and a dot on every line.
func (c *valueChart) renderCursor(g *chartGeometry, cursor int) app.UI {
	day := g.days[cursor]
	x := g.x.at(float64(day))
	items := []app.UI{
		chartElem("line").Class("value-chart-cursor-line").
			Attr("x1", chartCoord(x)).Attr("x2", chartCoord(x)).
			Attr("y1", chartCoord(g.plotTop)).Attr("y2", chartCoord(g.plotBottom)).
			Attr("stroke", "currentColor").Attr("stroke-opacity", "0.6").Attr("stroke-width", "1"),
	}
	for _, s := range g.series {
		for _, at := range []struct {
			pts    []chartPoint
			hollow bool
		}{{s.expected, true}, {s.nominal, false}} {
			if p, ok := chartPointOn(at.pts, day); ok {
				fill := chartColour(s.scenario)
				if at.hollow {
					fill = "none"
				}
				items = append(items, chartElem("circle").
					Attr("cx", chartCoord(p.X)).Attr("cy", chartCoord(p.Y)).Attr("r", "3.5").
					Attr("fill", fill).Attr("stroke", chartColour(s.scenario)).Attr("stroke-width", "1.5"))
			}
		}
	}
	return chartElem("g").Class("value-chart-cursor").DataSet("day", day).Body(items...)
}

// renderLegend names every scenario next to its line style and marker.
func (c *valueChart) renderLegend(g *chartGeometry) app.UI {
	return app.Ul().Class("value-chart-legend").Body(
		app.Range(g.series).Slice(func(k int) app.UI {
			s := g.series[k]
			colour := chartColour(s.scenario)
			return app.Li().Class("value-chart-legend-item").DataSet("scenario", s.scenario).Body(
				app.Elem("svg").XMLNS(chartSVGNS).Class("value-chart-swatch").
					Attr("viewBox", "0 0 44 12").Attr("width", "44").Attr("height", "12").
					Aria("hidden", "true").Body(
					chartElem("line").Attr("x1", "0").Attr("x2", "18").Attr("y1", "6").Attr("y2", "6").
						Attr("stroke", colour).Attr("stroke-width", "2.5"),
					chartMarker(s.scenario, 9, 6, chartMarkerRadius, false),
					chartElem("line").Attr("x1", "24").Attr("x2", "44").Attr("y1", "6").Attr("y2", "6").
						Attr("stroke", colour).Attr("stroke-width", "2").Attr("stroke-dasharray", "6 4"),
				),
				app.Span().Class("value-chart-legend-number").Text(strconv.Itoa(s.scenario+1)),
				app.Span().Class("value-chart-legend-name").Text(chartScenarioName(c.Iset, c.Iresults, s.scenario)),
				app.If(c.expectedIsNominal(s.scenario) != "", func() app.UI {
					return app.Span().Class("value-chart-legend-note").Text(c.expectedIsNominal(s.scenario))
				}),
			)
		}),
		app.Li().Class("value-chart-legend-key").Text("Solid: nominal path (nothing goes wrong). Dashed, hollow markers: expected path (losses at their expected rate)."),
	)
}

// expectedIsNominal says why scenario i's dashed line lies on its solid one, when its file gives
// no loss to expect: the expected path is then no finding. "" when it takes losses.
func (c *valueChart) expectedIsNominal(i int) string {
	if i >= len(c.Iset.Scenarios) {
		return ""
	}
	switch calc.RiskOf(c.Iset.Scenarios[i]) {
	case calc.RiskNotEntered:
		return "risk not entered: dashed = solid"
	case calc.RiskIncomplete:
		return "risk incomplete: dashed = solid"
	}
	return ""
}

// renderReadout lists the exact values of the cursor's day; screen readers hear it change.
func (c *valueChart) renderReadout(g *chartGeometry, cursor int) app.UI {
	day := g.days[cursor]
	heading := "Day " + strconv.Itoa(day)
	if d := durationLabel(day); d != "" {
		heading += " (" + d + ")"
	}
	asset := c.assetLabel()
	value := func(pts []chartPoint) app.UI {
		if p, ok := chartPointOn(pts, day); ok {
			return chartAmountSpan(p.Value, asset)
		}
		return app.Span().Class("amount").Text("no value")
	}
	return app.Div().Class("value-chart-readout").DataSet("day", day).
		Aria("live", "polite").Aria("atomic", "true").Body(
		app.P().Class("value-chart-readout-day").Text(heading),
		app.Table().Class("value-chart-readout-table").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Scenario"),
				app.Th().Scope("col").Text("Nominal"),
				app.Th().Scope("col").Text("Expected"),
			)),
			app.TBody().Body(app.Range(g.series).Slice(func(k int) app.UI {
				s := g.series[k]
				return app.Tr().DataSet("scenario", s.scenario).Body(
					app.Th().Scope("row").Text(strconv.Itoa(s.scenario+1)+" "+chartScenarioName(c.Iset, c.Iresults, s.scenario)),
					app.Td().DataSet("path", "nominal").Body(value(s.nominal)),
					app.Td().DataSet("path", "expected").Body(value(s.expected)),
				)
			})),
		),
	)
}

// renderSummary tells screen readers what the lines show: each scenario's first and last value.
func (c *valueChart) renderSummary(g *chartGeometry) app.UI {
	asset := c.assetLabel()
	text := func(v decimal.Decimal) string {
		shown, _ := chartShownAmount(v)
		if asset != "" {
			shown += " " + asset
		}
		return shown
	}
	return app.Ul().Class("value-chart-summary", "visually-hidden").Body(
		app.Range(g.series).Slice(func(k int) app.UI {
			s := g.series[k]
			var parts []string
			if n := len(s.nominal); n > 0 {
				first, last := s.nominal[0], s.nominal[n-1]
				parts = append(parts, "nominal "+text(first.Value)+" on day "+strconv.Itoa(first.Day)+
					", "+text(last.Value)+" on day "+strconv.Itoa(last.Day))
			}
			if n := len(s.expected); n > 0 {
				parts = append(parts, "expected "+text(s.expected[n-1].Value)+" on day "+strconv.Itoa(s.expected[n-1].Day))
			}
			return app.Li().Text(chartScenarioName(c.Iset, c.Iresults, s.scenario) + ": " + strings.Join(parts, "; ") + ".")
		}),
	)
}

// chartPlural writes a count with its noun: "1 day", "3650 days".
func chartPlural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
