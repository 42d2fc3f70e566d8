package main

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"restakecalc/calc"
)

// liquidityLayer returns a layer with an APR, a lock-up and a withdrawal queue.
func liquidityLayer(name, apr string, lockupDays, withdrawDays int) calc.Layer {
	l := chartLayer(name, apr)
	l.LockupDays, l.WithdrawDays = lockupDays, withdrawDays
	return l
}

// liquiditySet has three scenarios over a year: a lock-up past the horizon and two queues, a
// lock-up inside the horizon, and neither.
func liquiditySet() calc.Set {
	return calc.Set{
		Version: 1, Amount: decimal.RequireFromString("32"), Asset: "ETH", Currency: "USD", Days: 365,
		Scenarios: []calc.Scenario{
			{
				Name: "Lido + EigenLayer",
				Layers: []calc.Layer{
					liquidityLayer("Lido", "3.2", 0, 5),
					liquidityLayer("EigenLayer", "2.5", 400, 7),
				},
				InstantExitCost: decimal.RequireFromString("0.5"),
			},
			{
				Name:            "Locked vault",
				Layers:          []calc.Layer{liquidityLayer("Vault", "4", 30, 0)},
				InstantExitCost: decimal.RequireFromString("2"),
			},
			{
				Name:   "Liquid token",
				Layers: []calc.Layer{liquidityLayer("Token", "3", 0, 0)},
			},
		},
	}
}

// liquidityTimelineTests say what each scenario of liquiditySet must read like.
var liquidityTimelineTests = []struct {
	scenario             int
	exitDay, liquidDay   int
	exit, lockup         string
	steps                []string
	stepLayers           []string
	instantCost, compare string
}{
	{
		// Lock-up past the horizon, then the top layer's queue first, then the bottom one's.
		0, 400, 412,
		"Exit can be requested from day 400; funds back on day 412 (12 days of withdrawal queues).",
		"Locked up until day 400, 35 days past the horizon.",
		[]string{"EigenLayer: day 400 to day 407 (7 days)", "Lido: day 407 to day 412 (5 days)"},
		[]string{"EigenLayer", "Lido"},
		"0.5%", "less than waiting for",
	},
	{
		// A lock-up that ends before the horizon changes nothing.
		1, 365, 365,
		"Exit can be requested from day 365; funds back on day 365 (no withdrawal queue).",
		"The lock-up of 30 days ends within the horizon.",
		nil, nil,
		"2%", "less than waiting for",
	},
	{
		// Neither: money back at the horizon, and selling costs nothing.
		2, 365, 365,
		"Exit can be requested from day 365; funds back on day 365 (no withdrawal queue).",
		"",
		nil, nil,
		"0%", "the same as waiting for",
	},
}

func TestLiquidityTimeline(t *testing.T) {
	set := liquiditySet()
	res, err := calc.Evaluate(set, calc.Options{})
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	root := renderChart(t, newLiquidityTimeline().Set(set).Results(res))
	part := root.one(t, "section", "data-part", "liquidity")
	for _, tt := range liquidityTimelineTests {
		r := res.Scenarios[tt.scenario]
		if r.LiquidDay != tt.liquidDay {
			t.Fatalf("Evaluate: scenario %d liquid day = %d, want %d", tt.scenario, r.LiquidDay, tt.liquidDay)
		}
		sc := part.one(t, "article", "data-scenario", strconv.Itoa(tt.scenario))
		if got := sc.one(t, "p", "class", "liquidity-name").allText(); got != strconv.Itoa(tt.scenario+1)+" "+set.Scenarios[tt.scenario].Name {
			t.Errorf("Run(%d) name = %q", tt.scenario, got)
		}
		if got := sc.one(t, "p", "class", "liquidity-exit").allText(); got != tt.exit {
			t.Errorf("Run(%d) exit = %q, want %q", tt.scenario, got, tt.exit)
		}
		var lockup string
		if n := sc.find("p", "class", "liquidity-lockup"); len(n) == 1 {
			lockup = n[0].text
		}
		if lockup != tt.lockup {
			t.Errorf("Run(%d) lock-up = %q, want %q", tt.scenario, lockup, tt.lockup)
		}
		var steps []string
		for _, li := range sc.find("li") {
			steps = append(steps, li.text)
		}
		if strings.Join(steps, "|") != strings.Join(tt.steps, "|") {
			t.Errorf("Run(%d) steps = %q, want %q", tt.scenario, steps, tt.steps)
		}

		// The figures carry the exact values for scripts and tests.
		for _, f := range []struct{ name, want string }{
			{"exit_day", strconv.Itoa(tt.exitDay)},
			{"liquid_day", strconv.Itoa(r.LiquidDay)},
			{"instant", calc.FormatAmount(r.Instant)},
			{"final", calc.FormatAmount(r.Final)},
			{"instant_exit_cost", strings.TrimSuffix(tt.instantCost, "%")},
		} {
			n := sc.one(t, "span", "data-figure", f.name)
			if got := n.attrs["data-value"]; got != f.want {
				t.Errorf("Run(%d) %s = %q, want %q", tt.scenario, f.name, got, f.want)
			}
			if got := n.attrs["data-scenario"]; got != strconv.Itoa(tt.scenario) {
				t.Errorf("Run(%d) %s data-scenario = %q", tt.scenario, f.name, got)
			}
			if _, ok := n.attrs["data-field"]; ok {
				t.Errorf("Run(%d) %s has a data-field, which the results table owns", tt.scenario, f.name)
			}
		}
		instant := sc.one(t, "p", "class", "liquidity-instant").allText()
		shown, _ := chartShownAmount(r.Instant)
		for _, want := range []string{"Instant exit on day 365 instead: " + shown + " ETH", tt.instantCost + " market discount", tt.compare} {
			if !strings.Contains(instant, want) {
				t.Errorf("Run(%d) instant exit = %q, want it to say %q", tt.scenario, instant, want)
			}
		}

		// The bar: one part per queue, top layer first, ending on the liquid day.
		queues := sc.find("rect", "class", "liquidity-queue")
		var layers []string
		for _, q := range queues {
			layers = append(layers, q.attrs["data-layer"])
		}
		if strings.Join(layers, "|") != strings.Join(tt.stepLayers, "|") {
			t.Errorf("Run(%d) queue bars = %q, want %q", tt.scenario, layers, tt.stepLayers)
		}
		back := sc.one(t, "line", "class", "liquidity-back")
		if n := len(queues); n > 0 {
			end := attrFloat(t, queues[n-1], "x") + attrFloat(t, queues[n-1], "width")
			if x := attrFloat(t, back, "x1"); x-end > 0.01 || end-x > 0.01 {
				t.Errorf("Run(%d) queues end at x=%v, funds back at x=%v, want the same", tt.scenario, end, x)
			}
		}
		if got, want := len(sc.find("rect", "class", "liquidity-lockup-bar")), min(1, len(tt.lockup)); got != want {
			t.Errorf("Run(%d) has %d lock-up bars, want %d", tt.scenario, got, want)
		}
	}
}

func attrFloat(t *testing.T, n *chartNode, name string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(n.attrs[name], 64)
	if err != nil {
		t.Fatalf("<%s %s=%q>: %v", n.tag, name, n.attrs[name], err)
	}
	return v
}

func TestLiquidityTimelineSharedScale(t *testing.T) {
	// Every scenario's bar uses the same two scales: days up to the latest exit request (400,
	// scenario 0's lock-up), and days after the request up to the longest queue (12).
	set := liquiditySet()
	res, err := calc.Evaluate(set, calc.Options{})
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	root := renderChart(t, newLiquidityTimeline().Set(set).Results(res))
	var ends []string
	for _, n := range root.one(t, "p", "class", "liquidity-scale").find("span") {
		if n.text != "" {
			ends = append(ends, n.text)
		}
	}
	if got, want := strings.Join(ends, "|"), "day 0|day 400|exit request|+12 days"; got != want {
		t.Errorf("scale = %q, want %q", got, want)
	}
	for i := range res.Scenarios {
		sc := root.one(t, "article", "data-scenario", strconv.Itoa(i))
		h := sc.one(t, "rect", "class", "liquidity-horizon")
		if got, want := attrFloat(t, h, "width"), 365.0/400*liquidityHorizonEnd; math.Abs(got-want) > 0.01 {
			t.Errorf("scenario %d horizon bar width = %v, want %v", i, got, want)
		}
		// The exit request where the horizon or the lock-up ends, whichever is later.
		request := attrFloat(t, sc.one(t, "line", "class", "liquidity-request"), "x1")
		want := attrFloat(t, h, "width")
		if lock := sc.find("rect", "class", "liquidity-lockup-bar"); len(lock) == 1 {
			want = max(want, attrFloat(t, lock[0], "width"))
		}
		if math.Abs(request-want) > 0.01 {
			t.Errorf("scenario %d exit request at x=%v, want %v", i, request, want)
		}
	}
	// Scenario 0's queues fill the queue panel: they are the longest.
	back := attrFloat(t, root.one(t, "article", "data-scenario", "0").one(t, "line", "class", "liquidity-back"), "x1")
	if back != liquidityBarWidth {
		t.Errorf("longest exit's funds back at x=%v, want %v", back, liquidityBarWidth)
	}
	// Scenario 2 has no queue: its funds are back at the request, the start of the queue panel.
	back = attrFloat(t, root.one(t, "article", "data-scenario", "2").one(t, "line", "class", "liquidity-back"), "x1")
	if back != liquidityQueueStart {
		t.Errorf("no-queue exit's funds back at x=%v, want %v", back, liquidityQueueStart)
	}
}

func TestLiquidityTimelineWithoutQueues(t *testing.T) {
	// No scenario has a queue: no queue panel, and the funds are back at the exit request.
	set := liquiditySet()
	set.Scenarios = set.Scenarios[1:]
	res, err := calc.Evaluate(set, calc.Options{})
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	root := renderChart(t, newLiquidityTimeline().Set(set).Results(res))
	if n := len(root.find("span", "class", "liquidity-scale-queue")); n != 0 {
		t.Errorf("scale has %d queue parts, want none", n)
	}
	for i := range res.Scenarios {
		sc := root.one(t, "article", "data-scenario", strconv.Itoa(i))
		back := attrFloat(t, sc.one(t, "line", "class", "liquidity-back"), "x1")
		if want := float64(liquidityBarWidth); back != want {
			t.Errorf("scenario %d funds back at x=%v, want %v, the horizon's end", i, back, want)
		}
	}
}

func TestLiquidityTimelineEdgeCases(t *testing.T) {
	set := liquiditySet()
	set.Days = 1
	res, err := calc.Evaluate(set, calc.Options{})
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	for _, tt := range []struct {
		name string
		c    *liquidityTimeline
		want int // scenarios shown
	}{
		{"nothing", newLiquidityTimeline(), 0},
		{"one day", newLiquidityTimeline().Set(set).Results(res), 3},
		// Results without their set (the page passes both; a slip must not crash).
		{"no set", newLiquidityTimeline().Results(res), 3},
		// Results of a zero horizon, funds back at once.
		{"day zero", newLiquidityTimeline().Results(calc.Results{Scenarios: []calc.ScenarioResult{{Name: "A"}}}), 1},
	} {
		root := renderChart(t, tt.c)
		if got := len(root.find("article")); got != tt.want {
			t.Errorf("Run(%s) shows %d scenarios, want %d", tt.name, got, tt.want)
		}
		if tt.want == 0 && len(root.find("p", "class", "liquidity-empty")) != 1 {
			t.Errorf("Run(%s) does not say there is nothing to show", tt.name)
		}
		for _, n := range root.find("") {
			for _, a := range numberAttrs {
				if v := n.attrs[a]; strings.Contains(v, "NaN") || strings.Contains(v, "Inf") {
					t.Errorf("Run(%s): <%s %s=%q>", tt.name, n.tag, a, v)
				}
			}
		}
		checkSVGNamespace(t, tt.c.Render(), false)
	}
}

func TestLiquidityTimelineStale(t *testing.T) {
	set := liquiditySet()
	res, err := calc.Evaluate(set, calc.Options{})
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	root := renderChart(t, newLiquidityTimeline().Set(set).Results(res).Stale(true))
	if !root.hasClass("is-stale") || len(root.find("p", "class", "liquidity-stale")) != 1 {
		t.Errorf("stale timeline class = %q, want is-stale and a note", root.attrs["class"])
	}
	root = renderChart(t, newLiquidityTimeline().Set(set).Results(res))
	if root.hasClass("is-stale") || len(root.find("p", "class", "liquidity-stale")) != 0 {
		t.Errorf("current timeline marked stale")
	}
}
