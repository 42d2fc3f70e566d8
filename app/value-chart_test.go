package main

import (
	"encoding/xml"
	"io"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
	"restakecalc/calc"
)

// chartNode is an element or a text of a component's rendering, read back from go-app's HTML
// output so that tests look at what the browser gets: tags, attributes and text.
type chartNode struct {
	tag      string // "#text" for a text
	attrs    map[string]string
	children []*chartNode
	text     string // a text's value; an element's own texts, joined
}

// renderChart mounts c in go-app's test engine, then returns its current rendering.
func renderChart(t *testing.T, c app.Composer) *chartNode {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatalf("Load(%T) = %v, want no error", c, err)
	}
	e.ConsumeAll()
	return chartDOM(t, c.Render())
}

// chartDOM parses the HTML go-app writes for ui. go-app puts every child of an element with
// several children on a line of its own, indented two spaces a level; that layout is undone so
// that texts keep exactly their spaces, as in the browser's DOM.
func chartDOM(t *testing.T, ui app.UI) *chartNode {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(app.HTMLString(ui)))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	root := &chartNode{tag: "#root"}
	stack := []*chartNode{root}
	addText := func(value string) {
		top := stack[len(stack)-1]
		top.children = append(top.children, &chartNode{tag: "#text", text: value})
		top.text += value
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("parsing the rendered HTML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &chartNode{tag: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			run := string(tok)
			if !strings.Contains(run, "\n") {
				addText(run) // an only child, written inline
				continue
			}
			lines := strings.Split(run, "\n")
			indent := strings.Repeat("  ", len(stack)-1)
			for _, line := range lines[1 : len(lines)-1] {
				addText(strings.TrimPrefix(line, indent))
			}
		}
	}
	return root.children[0]
}

// all returns every element below n, n included, that ok accepts, in document order.
func (n *chartNode) all(ok func(*chartNode) bool) []*chartNode {
	var out []*chartNode
	var walk func(*chartNode)
	walk = func(n *chartNode) {
		if ok(n) {
			out = append(out, n)
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(n)
	return out
}

// find returns the elements with the given tag ("" for any) and attribute values.
func (n *chartNode) find(tag string, attrs ...string) []*chartNode {
	return n.all(func(n *chartNode) bool {
		if tag != "" && n.tag != tag {
			return false
		}
		for i := 0; i+1 < len(attrs); i += 2 {
			if v, ok := n.attrs[attrs[i]]; !ok || v != attrs[i+1] {
				return false
			}
		}
		return true
	})
}

// one returns the only element matching find, failing the test otherwise.
func (n *chartNode) one(t *testing.T, tag string, attrs ...string) *chartNode {
	t.Helper()
	found := n.find(tag, attrs...)
	if len(found) != 1 {
		t.Fatalf("find(%q, %q) found %d elements, want 1", tag, attrs, len(found))
	}
	return found[0]
}

// hasClass reports whether n's class list holds class.
func (n *chartNode) hasClass(class string) bool {
	return slicesContains(strings.Fields(n.attrs["class"]), class)
}

func slicesContains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// allText returns the text of n and its descendants, as the DOM's textContent, trimmed.
func (n *chartNode) allText() string {
	var b strings.Builder
	for _, m := range n.all(func(m *chartNode) bool { return m.tag == "#text" }) {
		b.WriteString(m.text)
	}
	return strings.TrimSpace(b.String())
}

// chartKey is a keydown event as the browser hands it to go-app, with the key pressed.
type chartKey struct {
	app.Value
	key       string
	prevented *bool
}

func (e chartKey) Get(p string) app.Value {
	if p == "key" {
		return chartJSString{s: e.key}
	}
	return chartJSString{}
}

func (e chartKey) Call(m string, args ...any) app.Value {
	if m == "preventDefault" {
		*e.prevented = true
	}
	return chartJSString{}
}

type chartJSString struct {
	app.Value
	s string
}

func (v chartJSString) String() string { return v.s }

// pressKey sends a keydown for key to the chart and reports whether the chart took it.
func pressKey(c *valueChart, key string) (taken bool) {
	c.onKeyDown(app.Context{}, app.Event{Value: chartKey{key: key, prevented: &taken}})
	return taken
}

// testSeries returns the values start + perDay*day on the given days.
func testSeries(days []int, start, perDay string) []calc.DayValue {
	s, d := decimal.RequireFromString(start), decimal.RequireFromString(perDay)
	out := make([]calc.DayValue, len(days))
	for i, day := range days {
		out[i] = calc.DayValue{Day: day, Value: s.Add(d.Mul(decimal.NewFromInt(int64(day))))}
	}
	return out
}

// testDays returns 1 and every step-th day up to days, with days itself: a sampled series.
func testDays(days, step int) []int {
	out := []int{1}
	for d := step; d < days; d += step {
		if d > 1 {
			out = append(out, d)
		}
	}
	if days > 1 {
		out = append(out, days)
	}
	return out
}

// testChartInput returns a set and results with n scenarios over days, series on the given days,
// scenario i starting at start and growing by perDay*(i+1) a day, its expected path a little less.
func testChartInput(n, days int, sampleDays []int, start, perDay string) (calc.Set, calc.Results) {
	set := calc.Set{Version: 1, Asset: "ETH", Currency: "USD", Days: days, Amount: decimal.RequireFromString(start)}
	res := calc.Results{Version: 1}
	growth := decimal.RequireFromString(perDay)
	for i := 0; i < n; i++ {
		name := "Stack " + string(rune('A'+i))
		set.Scenarios = append(set.Scenarios, calc.Scenario{Name: name, Layers: []calc.Layer{calc.NewLayer("Lido")}})
		g := growth.Mul(decimal.NewFromInt(int64(i + 1)))
		res.Scenarios = append(res.Scenarios, calc.ScenarioResult{
			Name:           name,
			Series:         testSeries(sampleDays, start, g.String()),
			SeriesExpected: testSeries(sampleDays, start, g.Mul(decimal.RequireFromString("0.9")).String()),
		})
	}
	return set, res
}

func TestValueChartLines(t *testing.T) {
	set, res := testChartInput(3, 3650, testDays(3650, 10), "32", "0.0025")
	c := newValueChart().Set(set).Results(res)
	root := renderChart(t, c)
	if err := app.Match(app.Figure().Class("value-chart").DataSet("part", "value-chart"), c, 0); err != nil {
		t.Errorf("mounted chart root: %v", err)
	}
	colours := map[string]bool{}
	for i := range res.Scenarios {
		g := root.one(t, "g", "data-scenario", strconv.Itoa(i))
		for _, path := range []struct {
			name   string
			series []calc.DayValue
			dashed bool
		}{{"nominal", res.Scenarios[i].Series, false}, {"expected", res.Scenarios[i].SeriesExpected, true}} {
			line := g.one(t, "polyline", "data-path", path.name)
			if got, want := len(strings.Fields(line.attrs["points"])), len(path.series); got != want {
				t.Errorf("scenario %d %s line has %d points, want %d", i, path.name, got, want)
			}
			_, dashed := line.attrs["stroke-dasharray"]
			if dashed != path.dashed {
				t.Errorf("scenario %d %s line dashed = %v, want %v", i, path.name, dashed, path.dashed)
			}
			if path.name == "nominal" {
				colours[line.attrs["stroke"]] = true
			}
		}
		// The line's number at its end, for readers who cannot tell the colours apart.
		if got, want := g.one(t, "text", "class", "value-chart-label").text, strconv.Itoa(i+1); got != want {
			t.Errorf("scenario %d end label = %q, want %q", i, got, want)
		}
	}
	if len(colours) != len(res.Scenarios) {
		t.Errorf("%d scenarios drawn in %d colours, want one each", len(res.Scenarios), len(colours))
	}

	// The nominal line rises with the values: the last point is higher (smaller y) than the first.
	pts := strings.Fields(root.one(t, "g", "data-scenario", "2").one(t, "polyline", "data-path", "nominal").attrs["points"])
	first, last := pointY(t, pts[0]), pointY(t, pts[len(pts)-1])
	if !(last < first) {
		t.Errorf("rising series drawn from y=%v to y=%v, want the end higher up", first, last)
	}
}

func pointY(t *testing.T, xy string) float64 {
	t.Helper()
	_, y, ok := strings.Cut(xy, ",")
	v, err := strconv.ParseFloat(y, 64)
	if !ok || err != nil {
		t.Fatalf("point %q is not x,y", xy)
	}
	return v
}

func TestValueChartLegend(t *testing.T) {
	set, res := testChartInput(6, 365, testDays(365, 1), "10", "0.001")
	root := renderChart(t, newValueChart().Set(set).Results(res))
	names := root.find("span", "class", "value-chart-legend-name")
	if len(names) != 6 {
		t.Fatalf("legend has %d names, want 6", len(names))
	}
	for i, n := range names {
		if got, want := n.text, res.Scenarios[i].Name; got != want {
			t.Errorf("legend name %d = %q, want %q", i, got, want)
		}
	}
	// Six scenarios, six different marker shapes.
	shapes := map[string]bool{}
	for i := 0; i < 6; i++ {
		shapes[chartMarkerPath(i, 0, 0, 4)] = true
	}
	if len(shapes) != 6 {
		t.Errorf("6 scenarios have %d marker shapes, want 6", len(shapes))
	}
	if key := root.one(t, "li", "class", "value-chart-legend-key").text; !strings.Contains(key, "Solid") || !strings.Contains(key, "Dashed") {
		t.Errorf("legend key = %q, want it to say what solid and dashed lines are", key)
	}
}

// A scenario whose file gives no loss to expect has its dashed line on its solid one: the legend
// says so, rather than let the two lines read as a finding. One with a risk says nothing.
func TestValueChartLegendSaysWhereNoRiskIsEntered(t *testing.T) {
	set, res := testChartInput(3, 365, testDays(365, 1), "10", "0.001")
	for i := range set.Scenarios {
		for j := range set.Scenarios[i].Layers {
			set.Scenarios[i].Layers[j].RiskProbability, set.Scenarios[i].Layers[j].RiskLoss = decimal.Zero, decimal.Zero
		}
	}
	set.Scenarios[1].Layers[0].RiskProbability = decimal.RequireFromString("1") // a chance, no loss
	set.Scenarios[2].Layers[0].RiskProbability = decimal.RequireFromString("1")
	set.Scenarios[2].Layers[0].RiskLoss = decimal.RequireFromString("10")
	root := renderChart(t, newValueChart().Set(set).Results(res))
	notes := root.find("span", "class", "value-chart-legend-note")
	want := []string{"risk not entered: dashed = solid", "risk incomplete: dashed = solid"}
	if len(notes) != len(want) {
		t.Fatalf("legend has %d notes, want %d (scenarios 1 and 2, not 3)", len(notes), len(want))
	}
	for i, n := range notes {
		if n.text != want[i] {
			t.Errorf("legend note %d = %q, want %q", i, n.text, want[i])
		}
	}
}

// valueChartKeyTests press keys on a chart of 11 points: days 1, 365, 730, ... 3650.
var valueChartKeyTests = []struct {
	keys    []string
	wantDay int
}{
	{nil, 3650},                           // the readout starts on the last day
	{[]string{"Home"}, 1},                 // first day
	{[]string{"Home", "ArrowRight"}, 365}, // one point on
	{[]string{"Home", "ArrowRight", "ArrowRight"}, 730},
	{[]string{"ArrowLeft"}, 3285},                 // one point back from the end
	{[]string{"Home", "ArrowLeft"}, 1},            // stops at the first day
	{[]string{"ArrowRight"}, 3650},                // stops at the last day
	{[]string{"Home", "End"}, 3650},               // back to the end
	{[]string{"Home", "PageUp"}, 365},             // a tenth of 11 points is 1
	{[]string{"Home", "ArrowRight", "x"}, 365},    // other keys leave it
	{[]string{"Home", "ArrowUp", "ArrowDown"}, 1}, // up and down work as right and left
}

func TestValueChartKeyboard(t *testing.T) {
	days := []int{1}
	for d := 365; d <= 3650; d += 365 {
		days = append(days, d)
	}
	set, res := testChartInput(2, 3650, days, "32.123456789012345678", "0.0087654321")
	for _, tt := range valueChartKeyTests {
		c := newValueChart().Set(set).Results(res)
		renderChart(t, c)
		for _, k := range tt.keys {
			handled := k != "x"
			if got := pressKey(c, k); got != handled {
				t.Errorf("Run(%v): key %q taken = %v, want %v", tt.keys, k, got, handled)
			}
		}
		root := chartDOM(t, c.Render())
		readout := root.one(t, "div", "class", "value-chart-readout")
		if got, want := readout.attrs["data-day"], strconv.Itoa(tt.wantDay); got != want {
			t.Errorf("Run(%v) readout day = %v, want %v", tt.keys, got, want)
			continue
		}
		if got, want := readout.one(t, "p", "class", "value-chart-readout-day").text, "Day "+strconv.Itoa(tt.wantDay); !strings.HasPrefix(got, want) {
			t.Errorf("Run(%v) readout heading = %q, want it to start %q", tt.keys, got, want)
		}
		if got, want := root.one(t, "g", "class", "value-chart-cursor").attrs["data-day"], strconv.Itoa(tt.wantDay); got != want {
			t.Errorf("Run(%v) cursor line on day %v, want %v", tt.keys, got, want)
		}
		for i, r := range res.Scenarios {
			row := readout.one(t, "tr", "data-scenario", strconv.Itoa(i))
			for _, path := range []struct {
				name   string
				series []calc.DayValue
			}{{"nominal", r.Series}, {"expected", r.SeriesExpected}} {
				var want decimal.Decimal
				for _, p := range path.series {
					if p.Day == tt.wantDay {
						want = p.Value
					}
				}
				span := row.one(t, "td", "data-path", path.name).one(t, "span", "class", "amount")
				exact := calc.FormatAmount(want)
				if got := span.attrs["data-value"]; got != exact {
					t.Errorf("Run(%v) scenario %d %s value = %v, want %v", tt.keys, i, path.name, got, exact)
				}
				if got := span.attrs["title"]; got != exact+" ETH" {
					t.Errorf("Run(%v) scenario %d %s title = %q, want %q", tt.keys, i, path.name, got, exact+" ETH")
				}
				// eval's amount rounded as the page rounds it: half-even to 4 places above 1.
				shown := "≈" + want.StringFixedBank(4) + " ETH"
				if got := span.text; got != shown {
					t.Errorf("Run(%v) scenario %d %s shows %q, want %q", tt.keys, i, path.name, got, shown)
				}
			}
		}
	}
}

func TestValueChartReadoutIsLive(t *testing.T) {
	set, res := testChartInput(1, 30, testDays(30, 1), "1", "0.1")
	root := renderChart(t, newValueChart().Set(set).Results(res))
	svg := root.one(t, "svg", "class", "value-chart-svg")
	if svg.attrs["role"] != "img" || !strings.Contains(svg.attrs["aria-label"], "1 scenario in ETH, over 30 days") {
		t.Errorf("chart role = %q, label = %q, want an image labelled with what it shows", svg.attrs["role"], svg.attrs["aria-label"])
	}
	if svg.attrs["tabindex"] != "0" {
		t.Errorf("chart tabindex = %q, want 0 so that the keyboard reaches it", svg.attrs["tabindex"])
	}
	if got := root.one(t, "div", "class", "value-chart-readout").attrs["aria-live"]; got != "polite" {
		t.Errorf("readout aria-live = %q, want polite", got)
	}
	summary := root.one(t, "ul", "class", "value-chart-summary visually-hidden").allText()
	if want := "Stack A: nominal 1.1 ETH on day 1, 4 ETH on day 30; expected 3.7 ETH on day 30."; summary != want {
		t.Errorf("summary = %q, want %q", summary, want)
	}
}

func TestValueChartPointer(t *testing.T) {
	set, res := testChartInput(1, 100, testDays(100, 10), "1", "0.1")
	g := newChartGeometry(set, res, 0)
	// Where a day is drawn, the pointer finds that day; half-way between points, the nearer one.
	for _, tt := range []struct {
		viewX   float64
		wantDay int
	}{
		{g.x.at(1), 1},
		{g.x.at(50), 50},
		{g.x.at(54), 50},
		{g.x.at(56), 60},
		{g.x.at(100), 100},
		{0, 1},         // left of the plot
		{g.width, 100}, // right of the plot
	} {
		if got := g.days[g.nearestDayIndex(g.x.invert(tt.viewX))]; got != tt.wantDay {
			t.Errorf("day at x=%v = %v, want %v", tt.viewX, got, tt.wantDay)
		}
	}
}

func TestValueChartTenYearAxes(t *testing.T) {
	set := calc.Set{
		Version: 1, Amount: decimal.RequireFromString("32"), Asset: "ETH", Currency: "USD", Days: 3650,
		Scenarios: []calc.Scenario{
			{Name: "Lido", Layers: []calc.Layer{chartLayer("Lido", "3.2")}},
			{Name: "Lido + EigenLayer", Layers: []calc.Layer{chartLayer("Lido", "3.2"), chartLayer("EigenLayer", "2.5")}},
		},
	}
	res, err := calc.Evaluate(set, calc.Options{Series: true, SeriesPoints: 1000})
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	root := renderChart(t, newValueChart().Set(set).Results(res))
	var labels []string
	for _, n := range root.one(t, "g", "class", "value-chart-axis value-chart-axis-time").find("text") {
		labels = append(labels, n.text)
	}
	if got, want := strings.Join(labels, " "), "0 2y 4y 6y 8y 10y"; got != want {
		t.Errorf("time axis = %v, want %v", got, want)
	}
	var values []decimal.Decimal
	for _, n := range root.one(t, "g", "class", "value-chart-axis value-chart-axis-value").find("text") {
		if n.hasClass("value-chart-unit") {
			if n.text != "ETH" {
				t.Errorf("amount axis unit = %q, want ETH", n.text)
			}
			continue
		}
		v, err := decimal.NewFromString(n.text)
		if err != nil {
			t.Fatalf("amount axis label %q is not a number", n.text)
		}
		values = append(values, v)
	}
	if len(values) < 3 {
		t.Fatalf("amount axis has %d labels, want at least 3", len(values))
	}
	lo, hi := res.Scenarios[0].Series[0].Value, res.Scenarios[1].Series[len(res.Scenarios[1].Series)-1].Value
	if values[0].GreaterThan(lo) || values[len(values)-1].LessThan(hi) {
		t.Errorf("amount axis %v..%v does not cover the values %v..%v", values[0], values[len(values)-1], lo, hi)
	}
}

func chartLayer(name, apr string) calc.Layer {
	l := calc.NewLayer(name)
	l.APR = decimal.RequireFromString(apr)
	return l
}

// valueChartEdgeTests are inputs at the edges of what the chart draws.
var valueChartEdgeTests = []struct {
	name            string
	scenarios, days int
	sampleDays      []int
	start, perDay   string
}{
	{"one day", 1, 1, []int{1}, "32", "0.01"},
	{"flat", 2, 365, testDays(365, 7), "32", "0"},
	{"zero", 1, 30, testDays(30, 1), "0", "0"},
	{"six scenarios", 6, 36500, testDays(36500, 37), "1", "0.05"},
	{"huge", 2, 3650, testDays(3650, 10), "1000000000000000", "10000000000000000000000000"},
	{"tiny", 2, 3650, testDays(3650, 10), "0.000000000000000001", "0.000000000000000001"},
	{"wei apart", 1, 3, []int{1, 2, 3}, "1000000000000.000000000000000001", "0.000000000000000001"},
}

// numberAttrs are the attributes that hold drawing coordinates.
var numberAttrs = []string{"x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "points", "d", "viewBox"}

func TestValueChartEdgeCases(t *testing.T) {
	number := regexp.MustCompile(`-?[0-9]*\.?[0-9]+(e[-+]?[0-9]+)?`)
	for _, tt := range valueChartEdgeTests {
		set, res := testChartInput(tt.scenarios, tt.days, tt.sampleDays, tt.start, tt.perDay)
		root := renderChart(t, newValueChart().Set(set).Results(res))
		svg := root.one(t, "svg", "class", "value-chart-svg")
		box := strings.Fields(svg.attrs["viewBox"])
		width, _ := strconv.ParseFloat(box[2], 64)
		height, _ := strconv.ParseFloat(box[3], 64)
		for _, n := range svg.all(func(*chartNode) bool { return true }) {
			for _, a := range numberAttrs {
				v, ok := n.attrs[a]
				if !ok {
					continue
				}
				if strings.Contains(v, "NaN") || strings.Contains(v, "Inf") {
					t.Errorf("Run(%s): <%s %s=%q>", tt.name, n.tag, a, v)
				}
				for _, s := range number.FindAllString(v, -1) {
					f, err := strconv.ParseFloat(s, 64)
					if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
						t.Errorf("Run(%s): <%s %s=%q> holds %q", tt.name, n.tag, a, v, s)
					}
				}
			}
			// Every point of every line lies inside the view box.
			if n.tag == "polyline" {
				for _, xy := range strings.Fields(n.attrs["points"]) {
					xs, ys, _ := strings.Cut(xy, ",")
					x, _ := strconv.ParseFloat(xs, 64)
					y, _ := strconv.ParseFloat(ys, 64)
					if x < 0 || x > width || y < 0 || y > height {
						t.Errorf("Run(%s): point %s outside the view box %v×%v", tt.name, xy, width, height)
						break
					}
				}
			}
		}
		if got := len(svg.find("polyline", "data-path", "nominal")); got != tt.scenarios {
			t.Errorf("Run(%s) = %d nominal lines, want %d", tt.name, got, tt.scenarios)
		}
		if got := len(svg.find("polyline", "data-path", "expected")); got != tt.scenarios {
			t.Errorf("Run(%s) = %d expected lines, want %d", tt.name, got, tt.scenarios)
		}
		// A line of one point is invisible: its markers must show it.
		if len(tt.sampleDays) == 1 {
			if got := len(svg.find("path")); got < 2*tt.scenarios {
				t.Errorf("Run(%s) = %d markers, want one per path at least", tt.name, got)
			}
		}
		// The readout shows the last day exactly.
		last := res.Scenarios[0].Series[len(res.Scenarios[0].Series)-1].Value
		span := root.one(t, "tr", "data-scenario", "0").one(t, "td", "data-path", "nominal").one(t, "span", "class", "amount")
		if got, want := span.attrs["data-value"], calc.FormatAmount(last); got != want {
			t.Errorf("Run(%s) readout = %v, want %v", tt.name, got, want)
		}
	}
}

func TestValueChartAmountRounding(t *testing.T) {
	for _, tt := range []struct {
		in, shown string
	}{
		{"32", "32"},                                     // exact values stay as they are
		{"32.1234", "32.1234"},                           // four places from 1 up, in full
		{"32.12345", "≈32.1234"},                         // half-even
		{"32.12355", "≈32.1236"},                         // half-even
		{"0.000000000000000001", "0.000000000000000001"}, // one wei is not zero
		{"0.1234567", "≈0.123457"},                       // six significant digits below 1
		{"1234567.5", "1,234,567.5"},                     // thousands grouped
		{"1234567.12345", "≈1,234,567.1234"},             // and rounded
	} {
		shown, exact := chartShownAmount(decimal.RequireFromString(tt.in))
		if shown != tt.shown || exact != tt.in {
			t.Errorf("chartShownAmount(%s) = %q, %q, want %q, %q", tt.in, shown, exact, tt.shown, tt.in)
		}
	}
}

func TestValueChartEmpty(t *testing.T) {
	set, res := testChartInput(2, 30, nil, "1", "0")
	for _, tt := range []struct {
		name string
		c    *valueChart
	}{
		{"nothing", newValueChart()},
		{"no series", newValueChart().Set(set).Results(calc.Results{Scenarios: []calc.ScenarioResult{{Name: "A"}}})},
		{"empty series", newValueChart().Set(set).Results(res)},
	} {
		root := renderChart(t, tt.c)
		if n := len(root.find("svg")); n != 0 {
			t.Errorf("Run(%s) drew %d charts, want none", tt.name, n)
		}
		if got := root.one(t, "p", "class", "value-chart-empty").text; got == "" {
			t.Errorf("Run(%s) says nothing", tt.name)
		}
		if pressKey(tt.c, "End") {
			t.Errorf("Run(%s) took a key with nothing to move along", tt.name)
		}
	}
}

func TestValueChartStale(t *testing.T) {
	set, res := testChartInput(1, 30, testDays(30, 1), "1", "0.1")
	root := renderChart(t, newValueChart().Set(set).Results(res).Stale(true))
	if !root.hasClass("is-stale") {
		t.Errorf("stale chart class = %q, want is-stale", root.attrs["class"])
	}
	if n := len(root.find("p", "class", "value-chart-stale")); n != 1 {
		t.Errorf("stale chart has %d notes, want 1", n)
	}
	if !strings.Contains(root.one(t, "svg", "class", "value-chart-svg").attrs["aria-label"], "Out of date") {
		t.Errorf("stale chart label does not say it is out of date")
	}
	root = renderChart(t, newValueChart().Set(set).Results(res))
	if root.hasClass("is-stale") || len(root.find("p", "class", "value-chart-stale")) != 0 {
		t.Errorf("current chart marked stale")
	}
}

func TestValueChartSVGNamespace(t *testing.T) {
	set, res := testChartInput(2, 30, testDays(30, 1), "1", "0.1")
	checkSVGNamespace(t, newValueChart().Set(set).Results(res).Render(), false)
}

// checkSVGNamespace fails the test for any element inside an svg without the SVG namespace: the
// browser would create it as an unknown HTML element and draw nothing. go-app keeps an element's
// children and namespace unexported, so they are read through reflection.
func checkSVGNamespace(t *testing.T, ui app.UI, inSVG bool) {
	t.Helper()
	h, ok := ui.(app.HTML)
	if !ok {
		return
	}
	if (inSVG || h.Tag() == "svg") && h.XMLNamespace() != chartSVGNS {
		t.Errorf("<%s> has namespace %q, want %q", h.Tag(), h.XMLNamespace(), chartSVGNS)
	}
	v := reflect.ValueOf(h).Elem().FieldByName("children")
	children := reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem().Interface().([]app.UI)
	for _, c := range children {
		checkSVGNamespace(t, c, inSVG || h.Tag() == "svg")
	}
}

func BenchmarkValueChartGeometry(b *testing.B) {
	// Six scenarios of 1000 points a path, as the page asks the engine for: the drawing is
	// redone once per change of results.
	set, res := testChartInput(6, 36500, testDays(36500, 37), "32.123456789012345678", "0.000123456789")
	b.ReportAllocs()
	for b.Loop() {
		newChartGeometry(set, res, 800)
	}
}

func BenchmarkValueChartRender(b *testing.B) {
	// What a move of the cursor costs on top of the drawing: rendering the component again.
	set, res := testChartInput(6, 36500, testDays(36500, 37), "32.123456789012345678", "0.000123456789")
	c := newValueChart().Set(set).Results(res)
	c.Render()
	b.ReportAllocs()
	for b.Loop() {
		c.Render()
	}
}
