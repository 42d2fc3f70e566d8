//go:build !wasm

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"restakecalc/calc"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The largest set the format allows (six stacks of eight layers over a century) in a real
// browser: its figures and its CSV must be the engine's, and the page must stay usable while
// they are worked out. How long the browser is held at a time is printed by
// TestBrowserPageSpeedHeaviestSet under make bench, not asserted.

// openHeavySet opens the page on the heaviest set and waits for its figures.
func openHeavySet(t testing.TB) context.Context {
	t.Helper()
	base, _ := serveSite(t, siteDir(t), "/")
	link, err := calc.EncodeLink(heavySet())
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"#"+link)); err != nil {
		t.Fatal(err)
	}
	if err := waitWasm(ctx); err != nil {
		t.Fatal(err)
	}
	waitFigures(t, ctx, "heavy set opened", expectFigures(t, draftFromSet(heavySet())))
	return ctx
}

// watchCSVProgress records every status the file tools show, to see the CSV's progress.
const watchCSVProgress = `(() => {
	window.__statuses = [];
	const status = document.getElementById("import-status");
	new MutationObserver(() => window.__statuses.push(status.textContent))
		.observe(status, {subtree: true, childList: true, characterData: true});
})()`

// exportHeavyCSV clicks "Download the days as CSV" and returns the file and the statuses shown
// on the way.
func exportHeavyCSV(t testing.TB, ctx context.Context, dir string) ([]byte, []string) {
	t.Helper()
	if err := chromedp.Run(ctx,
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dir),
		chromedp.Evaluate(watchCSVProgress, nil),
		chromedp.Click("#export-csv", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		data, err := os.ReadFile(filepath.Join(dir, seriesFileName))
		if err == nil && len(data) > 0 {
			if _, err := os.Stat(filepath.Join(dir, seriesFileName+".crdownload")); os.IsNotExist(err) {
				var statuses []string
				if err := chromedp.Run(ctx, chromedp.Evaluate(`window.__statuses`, &statuses)); err != nil {
					t.Fatal(err)
				}
				return data, statuses
			}
		}
		if time.Now().After(deadline) {
			status, _ := textOf(ctx, "#import-status")
			t.Fatalf("no %s after two minutes; the page says %q", seriesFileName, status)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestBrowserHeavySetExportsTheEngineCSV downloads the days of the heaviest set: the file is
// calc's, byte for byte, the page says how far the writing got on the way and what came of it,
// and the figures on screen stay the engine's.
func TestBrowserHeavySetExportsTheEngineCSV(t *testing.T) {
	ctx := openHeavySet(t)
	table, statuses := exportHeavyCSV(t, ctx, t.TempDir())
	set := heavySet()
	r, err := calc.Evaluate(set, calc.Options{Series: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := calc.SeriesCSV(set, r); !bytes.Equal(table, want) {
		t.Errorf("the downloaded CSV (%d bytes) differs from calc.SeriesCSV (%d bytes)", len(table), len(want))
	}
	sawPercent := false
	for _, s := range statuses {
		if strings.HasPrefix(s, "Writing the CSV… ") && strings.HasSuffix(s, " %") {
			sawPercent = true
		}
	}
	if !sawPercent {
		t.Errorf("the page never said how far the CSV got; it said %q", statuses)
	}
	waitText(t, ctx, "#import-status", "Downloaded "+seriesFileName+".")
	waitFigures(t, ctx, "heavy set after the CSV", expectFigures(t, draftFromSet(set)))
}

// waitText waits until the element sel says text.
func waitText(t testing.TB, ctx context.Context, sel, text string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err := textOf(ctx, sel)
		if err != nil {
			t.Fatal(err)
		}
		if got == text {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s says %q, want %q", sel, got, text)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestBrowserHeavySetTypingMarksScenariosOutOfDate types into the heaviest set's amount: until
// every scenario is worked out again, the ones not yet done say so, and in the end every figure
// is the engine's and none is marked out of date.
func TestBrowserHeavySetTypingMarksScenariosOutOfDate(t *testing.T) {
	ctx := openHeavySet(t)
	if err := chromedp.Run(ctx, chromedp.Evaluate(`(() => {
		window.__pendingSeen = 0;
		new MutationObserver(() => {
			window.__pendingSeen = Math.max(window.__pendingSeen, document.querySelectorAll("#results th.scenario-col.pending").length);
		}).observe(document.getElementById("results"), {subtree: true, attributes: true, childList: true});
	})()`, nil)); err != nil {
		t.Fatal(err)
	}
	if err := typeInto(ctx, "amount", "7"); err != nil {
		t.Fatal(err)
	}
	d := draftFromSet(heavySet())
	d.amount = "7"
	waitFigures(t, ctx, "heavy set typed into", expectFigures(t, d))
	var seen, left int
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.__pendingSeen`, &seen),
		chromedp.Evaluate(`document.querySelectorAll("#results .pending").length`, &left)); err != nil {
		t.Fatal(err)
	}
	if seen == 0 {
		t.Errorf("no scenario was marked out of date while the heavy set was worked out again")
	}
	if left != 0 {
		t.Errorf("%d parts of the results are still marked out of date once every figure is the engine's", left)
	}
}

// rendererMemory returns the resident memory of the browser's renderer processes, in bytes,
// read from /proc.
func rendererMemory(t testing.TB, ctx context.Context) int64 {
	t.Helper()
	root := chromedp.FromContext(ctx).Browser.Process()
	if root == nil {
		return 0
	}
	parents := map[int]int{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces, so read after its closing parenthesis.
		fields := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
		if len(fields) > 1 {
			parents[pid], _ = strconv.Atoi(fields[1])
		}
	}
	descends := func(pid int) bool {
		for p := pid; p > 1; p = parents[p] {
			if p == root.Pid {
				return true
			}
		}
		return false
	}
	var total int64
	for pid := range parents {
		if !descends(pid) {
			continue
		}
		cmdline, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
		if !bytes.Contains(cmdline, []byte("--type=renderer")) {
			continue
		}
		status, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		for _, line := range strings.Split(string(status), "\n") {
			if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
				total += kb << 10
			}
		}
	}
	return total
}

// jsHeap returns the page's JavaScript heap in use after a full collection, in bytes.
func jsHeap(t testing.TB, ctx context.Context) float64 {
	t.Helper()
	var used float64
	if err := chromedp.Run(ctx, heapprofiler.CollectGarbage(), chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		used, _, _, _, err = runtime.GetHeapUsage().Do(ctx)
		return err
	})); err != nil {
		t.Fatal(err)
	}
	return used
}

// watchLongTasks records the duration of every task that holds the browser over 50 ms.
const watchLongTasks = `(() => {
	window.__longTasks = [];
	new PerformanceObserver(l => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); })
		.observe({type: "longtask"});
})()`

// longTasks returns the long tasks recorded since the last call, longest first.
func longTasks(t testing.TB, ctx context.Context) []float64 {
	t.Helper()
	var tasks []float64
	if err := chromedp.Run(ctx, chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(`window.__longTasks.splice(0)`, &tasks)); err != nil {
		t.Fatal(err)
	}
	slices.Sort(tasks)
	slices.Reverse(tasks)
	return tasks
}

// TestBrowserPageSpeedHeaviestSet prints how long the heaviest set holds the browser at a time
// (RESTAKE_BENCH=1; make bench): while one key is worked out, and while its CSV is written, and
// the renderer's memory before the CSV, just after it, and once the page rests. It asserts
// nothing: the target is no task over 200 ms and the memory back near where it was.
func TestBrowserPageSpeedHeaviestSet(t *testing.T) {
	if os.Getenv("RESTAKE_BENCH") == "" {
		t.Skip("prints timings under make bench (RESTAKE_BENCH unset)")
	}
	ctx := openHeavySet(t)
	if err := chromedp.Run(ctx, chromedp.Evaluate(watchLongTasks, nil)); err != nil {
		t.Fatal(err)
	}
	d := draftFromSet(heavySet())
	for _, amount := range []string{"7", "8"} {
		if err := typeInto(ctx, "amount", amount); err != nil {
			t.Fatal(err)
		}
		d.amount = amount
		start := time.Now()
		waitFigures(t, ctx, "heavy set typed into", expectFigures(t, d))
		tasks := longTasks(t, ctx)
		fmt.Printf("heaviest set, one key to every figure: %.0f ms; long tasks (ms, longest first): %.0f\n",
			float64(time.Since(start).Milliseconds()), tasks)
	}

	// The CSV in a browser of its own, within the time one browser has.
	ctx = openHeavySet(t)
	if err := chromedp.Run(ctx, chromedp.Evaluate(watchLongTasks, nil)); err != nil {
		t.Fatal(err)
	}
	mib := func(b float64) float64 { return b / (1 << 20) }
	beforeRSS, beforeJS := rendererMemory(t, ctx), jsHeap(t, ctx)
	start := time.Now()
	_, statuses := exportHeavyCSV(t, ctx, t.TempDir())
	took := time.Since(start)
	tasks := longTasks(t, ctx)
	afterRSS, afterJS := rendererMemory(t, ctx), jsHeap(t, ctx)
	if err := chromedp.Run(ctx, chromedp.Sleep(revokeDelay+2*time.Second)); err != nil {
		t.Fatal(err)
	}
	restRSS, restJS := rendererMemory(t, ctx), jsHeap(t, ctx)
	fmt.Printf("heaviest set, CSV of every day: %.1f s from the click to the file, %d statuses shown; long tasks (ms, longest first): %.0f\n",
		took.Seconds(), len(statuses), tasks)
	fmt.Printf("renderer memory (RSS / JS heap after a collection): before the CSV %.0f / %.0f MiB, just after %.0f / %.0f MiB, once its download URL is revoked %.0f / %.0f MiB\n",
		mib(float64(beforeRSS)), mib(beforeJS), mib(float64(afterRSS)), mib(afterJS), mib(float64(restRSS)), mib(restJS))
}
