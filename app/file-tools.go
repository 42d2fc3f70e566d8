package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"time"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// resultsDocument returns the results document of r exactly as `app eval` prints it: calc's
// JSON indented by one space, and a newline. The page's download and the command share it, so
// that both write the same bytes.
func resultsDocument(r calc.Results) ([]byte, error) {
	compact, err := r.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact, "", " "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// scenarioDocument returns s as a scenario file (SPEC section 2), indented like the results.
func scenarioDocument(s calc.Set) ([]byte, error) {
	compact, err := s.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact, "", " "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// maxImportBytes bounds the scenario file the page opens, as eval does: one is a few kilobytes.
const maxImportBytes = 1 << 20

// The names of the downloads.
const (
	scenarioFileName = "restaking-scenarios.json"
	resultsFileName  = "restaking-results.json"
	seriesFileName   = "restaking-days.csv"
)

// fileTools downloads the scenarios on screen (the scenario file), their results document and
// their day series as CSV, and opens a scenario file from disk. Everything happens in the
// browser: a download is a Blob, nothing is sent anywhere. A file that the engine refuses is
// listed with every problem it has and changes nothing; one that works replaces the draft, and
// the draft it replaced can be brought back once.
type fileTools struct {
	app.Compo

	Iset    calc.Set // the last valid scenarios: what the figures on screen are for
	Istale  bool     // the input has problems: the exports hold the last input that worked
	Idraft  draftSet // the draft an opened file replaces, kept for "Undo import"
	IonOpen func(ctx app.Context, d draftSet)

	problems []string  // what is wrong with the file last opened, path first
	opened   string    // the name of the file last opened, for the messages
	undo     *draftSet // the draft before the last import, until it is brought back or replaced
	status   string    // what became of the last action
	writing  bool      // a download is being written: its buttons wait
}

func newFileTools() *fileTools {
	return &fileTools{}
}

func (f *fileTools) Set(v calc.Set) *fileTools {
	f.Iset = v
	return f
}

func (f *fileTools) Stale(v bool) *fileTools {
	f.Istale = v
	return f
}

// Draft sets the user's draft as it is now: the one an import replaces.
func (f *fileTools) Draft(v draftSet) *fileTools {
	f.Idraft = v
	return f
}

// OnOpen sets what takes the draft of an opened file, or the draft an undo brings back.
func (f *fileTools) OnOpen(v func(ctx app.Context, d draftSet)) *fileTools {
	f.IonOpen = v
	return f
}

func (f *fileTools) Render() app.UI {
	none := len(f.Iset.Scenarios) == 0 || f.writing
	return app.Div().Class("file-tools").Body(
		app.Div().Class("file-exports").Body(
			app.Button().Type("button").ID("export-scenarios").Disabled(none).
				Text("Download the scenario file").OnClick(f.onExportScenarios),
			app.Button().Type("button").ID("export-results").Disabled(none).
				Text("Download the results").OnClick(f.onExportResults),
			app.Button().Type("button").ID("export-csv").Disabled(none).
				Text("Download the days as CSV").OnClick(f.onExportCSV),
		),
		app.If(f.Istale && !none, func() app.UI {
			return app.P().Class("file-note").Text(
				"The input has problems: the downloads hold the last input that worked.")
		}),
		app.Div().Class("file-import").Body(
			app.Label().For("import-file").Text("Open a scenario file (.json)"),
			app.Input().Type("file").ID("import-file").Accept(".json,application/json").
				Aria("describedby", "import-status").
				OnChange(f.onOpenFile),
			app.If(f.undo != nil, func() app.UI {
				return app.Button().Type("button").ID("undo-import").
					Text("Undo import").OnClick(f.onUndo)
			}),
		),
		app.P().ID("import-status").Class("file-status").Role("status").Text(f.status),
		app.If(len(f.problems) > 0, func() app.UI {
			return app.Ul().ID("import-problems").Class("import-problems").Body(
				app.Range(f.problems).Slice(func(i int) app.UI {
					return app.Li().Text(f.problems[i])
				}),
			)
		}),
	)
}

func (f *fileTools) onExportScenarios(ctx app.Context, e app.Event) {
	data, err := scenarioDocument(f.Iset)
	f.finishExport(ctx, scenarioFileName, "application/json", data, err)
}

// onExportResults evaluates the scenarios one per turn of the browser's event loop, as the
// heaviest take half a second, and downloads their results document.
func (f *fileTools) onExportResults(ctx app.Context, e app.Event) {
	f.writing, f.status = true, "Writing the results…"
	evaluateInTurns(ctx, f.Iset, calc.Options{}, func(done, all int) {}, func(r calc.Results, err error) {
		f.writing = false
		var data []byte
		if err == nil {
			data, err = resultsDocument(r)
		}
		f.finishExport(ctx, resultsFileName, "application/json", data, err)
	})
}

// onExportCSV writes every day of both paths: a century of six scenarios of eight layers is
// 36,500 rows and some 40 MB, several seconds of work in a browser. It is done in pieces, one
// per turn of the browser's event loop, so that the page keeps drawing and taking input and
// says how far it got: first the scenarios' day values are evaluated, one scenario per turn and
// kept as exact integers (which the collector need not trace), then the rows are written for
// about csvSlice at a time, each piece handed to the browser at once. The collector runs at its
// default pace meanwhile, so that the program's memory, which a WebAssembly module never hands
// back, grows no more than the export needs.
func (f *fileTools) onExportCSV(ctx app.Context, e app.Event) {
	set := f.Iset
	f.writing, f.status = true, csvProgress(0)
	gcPercent := debug.SetGCPercent(100)
	end := func() {
		debug.SetGCPercent(gcPercent)
		f.writing = false
	}
	w, err := calc.EvaluateSeriesCSV(set)
	if err != nil {
		end()
		f.finishExport(ctx, seriesFileName, "", nil, err)
		return
	}
	parts := app.Window().Get("Array").New()
	var step func(ctx app.Context)
	step = func(ctx app.Context) {
		var piece bytes.Buffer
		done := false
		err := recoverEngine(func() error {
			if !w.Evaluated() {
				return w.Step()
			}
			start := time.Now()
			for time.Since(start) < csvSlice {
				rows := w.Next(csvRows)
				if rows == nil {
					done = true
					break
				}
				piece.Write(rows)
			}
			return nil
		})
		if err != nil {
			end()
			f.finishExport(ctx, seriesFileName, "", nil, err)
			return
		}
		if piece.Len() > 0 {
			parts.Call("push", jsBytes(piece.Bytes()))
		}
		if done {
			blob := app.Window().Get("Blob").New(parts, map[string]any{"type": "text/csv;charset=utf-8"})
			parts = app.Null()
			end()
			saveBlob(ctx, seriesFileName, blob)
			f.status = "Downloaded " + seriesFileName + "."
			return
		}
		percent := 50 * w.Scenarios() / max(len(set.Scenarios), 1)
		if w.Evaluated() {
			percent = 50 + 50*w.Written()/max(w.Rows(), 1)
		}
		f.status = csvProgress(percent)
		afterBrowserTurn(ctx, step)
	}
	afterBrowserTurn(ctx, step)
}

// recoverEngine runs f: nothing the user can type may crash the page, a panic in the engine
// comes back as an error like any other.
func recoverEngine(f func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &calc.FieldError{Msg: fmt.Sprintf("the calculation stopped unexpectedly (%v); please report this input", v)}
		}
	}()
	return f()
}

const (
	// csvSlice is about how long writing the CSV holds the browser at a time.
	csvSlice = 40 * time.Millisecond
	// csvRows is how many days of the CSV are written between looks at the clock.
	csvRows = 20
)

// csvProgress says how far the CSV got.
func csvProgress(percent int) string {
	return fmt.Sprintf("Writing the CSV… %d %%", percent)
}

func (f *fileTools) finishExport(ctx app.Context, name, mime string, data []byte, err error) {
	if err != nil {
		f.status = "The download could not be made: " + err.Error() + "."
		return
	}
	download(ctx, name, mime, data)
	f.status = "Downloaded " + name + "."
}

// onOpenFile reads the chosen file in the browser and opens it once read.
func (f *fileTools) onOpenFile(ctx app.Context, e app.Event) {
	input := e.Get("target")
	files := input.Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	file := files.Index(0)
	// Choosing the same file again must read it again.
	input.Set("value", "")
	name := file.Get("name").String()
	if size := file.Get("size").Int(); size > maxImportBytes {
		f.refuse(name, []string{fmt.Sprintf("the file is %d bytes; a scenario file is at most %d bytes", size, maxImportBytes)}, 0)
		return
	}
	whenSettled(file.Call("arrayBuffer"), func(buffer app.Value) {
		array := app.Window().Get("Uint8Array").New(buffer)
		data := make([]byte, array.Length())
		app.CopyBytesToGo(data, array)
		ctx.Dispatch(func(ctx app.Context) { f.open(ctx, name, data) })
	}, func() {
		ctx.Dispatch(func(ctx app.Context) {
			f.refuse(name, []string{"the browser could not read the file"}, 0)
		})
	})
}

// open takes a scenario file's bytes: the engine must read and run it, or nothing changes and
// every problem is listed.
// The engine runs the file one scenario per turn of the browser's event loop: the heaviest
// take half a second.
func (f *fileTools) open(ctx app.Context, name string, data []byte) {
	set, err := calc.Parse(data)
	if err != nil {
		more := 0
		for _, fe := range calc.FieldErrors(err) {
			more += fe.More
		}
		f.refuse(name, describeFileErrors(err), more)
		return
	}
	f.status = "Opening " + name + "…"
	evaluateInTurns(ctx, set, calc.Options{}, func(done, all int) {}, func(_ calc.Results, err error) {
		if err != nil {
			f.refuse(name, describeFileErrors(err), 0)
			return
		}
		f.accept(ctx, name, set)
	})
}

// accept opens a file the engine read and ran: its scenarios replace the draft, which can be
// brought back once.
func (f *fileTools) accept(ctx app.Context, name string, set calc.Set) {
	previous := f.Idraft
	f.undo = &previous
	f.problems, f.opened = nil, name
	f.status = "Opened " + name + "."
	if f.IonOpen != nil {
		f.IonOpen(ctx, draftFromSet(set))
	}
}

// refuse lists why the file was not opened; more counts the problems the engine's list left out,
// whose line ends the list.
func (f *fileTools) refuse(name string, problems []string, more int) {
	f.problems, f.opened = problems, name
	f.status = fmt.Sprintf("%s was not opened: %s. Your scenarios are unchanged.", name, plural(len(problems)-min(more, 1)+more, "problem"))
}

// describeFileErrors lists the engine's objections to a file, each with the field's path.
func describeFileErrors(err error) []string {
	fes := calc.FieldErrors(err)
	if len(fes) == 0 {
		return []string{err.Error()}
	}
	out := make([]string, len(fes))
	for i, fe := range fes {
		out[i] = fe.Error()
	}
	return out
}

func (f *fileTools) onUndo(ctx app.Context, e app.Event) {
	if f.undo == nil {
		return
	}
	d := *f.undo
	f.undo, f.problems = nil, nil
	f.status = "The scenarios from before " + f.opened + " are back."
	if f.IonOpen != nil {
		f.IonOpen(ctx, d)
	}
}

// download hands data to the browser as a file called name: a Blob behind an object URL, and a
// link with the download attribute, clicked. Nothing leaves the device.
func download(ctx app.Context, name, mime string, data []byte) {
	blob := app.Window().Get("Blob").New([]any{jsBytes(data)}, map[string]any{"type": mime})
	saveBlob(ctx, name, blob)
}

// jsBytes copies data into a new JavaScript Uint8Array.
func jsBytes(data []byte) app.Value {
	array := app.Window().Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(array, data)
	return array
}

// saveBlob hands a Blob to the browser as a file called name, through an object URL that is
// revoked a few seconds later, so that the browser can let the file's bytes go.
func saveBlob(ctx app.Context, name string, blob app.Value) {
	win := app.Window()
	url := win.Get("URL").Call("createObjectURL", blob)
	a := win.Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Set("hidden", true)
	body := win.Get("document").Get("body")
	body.Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	// The browser has the file once the click is handled; the URL can go a while later.
	ctx.After(revokeDelay, func(ctx app.Context) {
		app.Window().Get("URL").Call("revokeObjectURL", url)
	})
}

// revokeDelay is how long a download's object URL outlives its click.
const revokeDelay = 10 * time.Second

// onOpenDraft takes the draft of an opened file, or the one an undo brings back.
func (p *calculatorPage) onOpenDraft(ctx app.Context, d draftSet) {
	p.openDraft(d)
}
