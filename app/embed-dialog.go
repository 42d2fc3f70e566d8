package main

import (
	_ "embed"
	"fmt"
	"html"
	"strconv"
	"strings"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The widget's width in the embed dialog, CSS pixels: the widget works from 320 px.
const (
	minEmbedWidthPx     = 320
	maxEmbedWidthPx     = 1600
	defaultEmbedWidthPx = 600
	// embedStartHeightPx is the iframe's height before the widget has said how tall it is, and
	// for hosts that do not listen: the widget then scrolls inside it.
	embedStartHeightPx = 900
)

// heightListener is the script a host page pastes once to size every embedded widget to its
// height (README, the embed dialog and embed-demo.html show it). It trusts nothing in the
// message but a number, and only from one of the page's own iframes.
//
//go:embed height-listener.js
var heightListener string

// heightListenerJS is heightListener as a host pastes it, in its script element.
var heightListenerJS = "<script>\n" + heightListener + "</script>"

// embedSnippet is the iframe a host pastes to embed the widget at src, at most widthPx wide and
// as wide as the host's column otherwise, heightPx tall until the height listener fits it.
func embedSnippet(src string, widthPx, heightPx int) string {
	return fmt.Sprintf(`<iframe src="%s" title="Restaking calculator" `+
		`style="width:100%%;max-width:%dpx;height:%dpx;border:0" loading="lazy"></iframe>`,
		html.EscapeString(src), widthPx, heightPx)
}

// maxEmbedHeightPx is the tallest height the dialog takes from its preview: anything taller is
// no widget's.
const maxEmbedHeightPx = 20000

// The widget and the dialog write <dialog>, <iframe>, <textarea>, <details>, <fieldset> and their
// parts with app.Elem rather than app.Dialog and the like: each of go-app's element types brings
// its few hundred methods into the wasm, 160 KB for these, used nowhere else.

// embedDialog is the full page's "Embed this": a button that opens a dialog with the iframe
// snippet for the scenarios on screen, with the options a host may choose (read-only
// scenarios, colours, width), ready to copy; the script that sizes the iframe to the widget;
// and a live preview. The dialog is modal: the focus moves into it, Escape closes it, and the
// focus goes back to the button.
type embedDialog struct {
	app.Compo

	Iset     calc.Set // the scenarios on screen (the last valid ones)
	Iaddress string   // the page's URL without query and fragment

	open      bool
	link      string // the share link of Iset when the dialog opened
	options   embedOptions
	widthText string // as typed
	widthPx   int    // the last valid width
	copied    string // what became of the last copy
	copiedID  string // the textarea last copied, under whose button copied is said

	// previewHeightPx is the height the preview's widget reports (SPEC section 6), 0 before it
	// has: the snippet's height and the preview's, so that both fit what the widget shows.
	previewHeightPx int
	onMessage       app.Func // the window's message listener while the dialog is open
}

func newEmbedDialog() *embedDialog {
	return &embedDialog{}
}

func (d *embedDialog) Set(v calc.Set) *embedDialog {
	d.Iset = v
	return d
}

// Address sets the page's URL without query and fragment, which the widget's src starts with.
func (d *embedDialog) Address(v string) *embedDialog {
	d.Iaddress = v
	return d
}

func (d *embedDialog) OnInit() {
	d.widthPx = defaultEmbedWidthPx
	d.widthText = strconv.Itoa(defaultEmbedWidthPx)
}

// src is the widget's URL with the chosen options and the scenarios' link.
func (d *embedDialog) src() string {
	o := d.options
	o.address = d.Iaddress
	return o.widgetSrc(d.link)
}

func (d *embedDialog) Render() app.UI {
	return app.Div().Class("embed-this").Body(
		app.Button().Type("button").ID("embed-open").Class("embed-open").
			Aria("haspopup", "dialog").
			Text("Embed this").
			OnClick(d.onOpen),
		app.Elem("dialog").ID("embed-dialog").Class("embed-dialog").
			Aria("label", "Embed these scenarios").
			On("close", d.onClose).
			Body(
				// The content, and with it the preview's widget, exists only while open.
				app.If(d.open, d.content),
			),
	)
}

func (d *embedDialog) content() app.UI {
	src := d.src()
	snippet := embedSnippet(src, d.widthPx, d.heightPx())
	widthError := ""
	if _, err := parseEmbedWidth(d.widthText); err != nil {
		widthError = err.Error()
	}
	return app.Div().Class("embed-dialog-body").Body(
		app.Div().Class("embed-dialog-head").Body(
			app.H2().Class("embed-dialog-title").Text("Embed these scenarios"),
			app.Button().Type("button").ID("embed-close").Class("embed-close").Text("Close").OnClick(d.onCloseClick),
		),
		app.P().Class("embed-dialog-lede").Text(
			"Paste this into any web page to show the calculator with the scenarios on screen now. "+
				"The widget runs in the visitor's browser like this page: it reads nothing from your page "+
				"and sends it nothing but its height."),
		app.Elem("fieldset").Class("embed-options").Body(
			app.Elem("legend").Text("Options"),
			app.Div().Class("embed-option").Body(
				app.Input().Type("checkbox").ID("embed-lock").Checked(d.options.lock).OnChange(d.onLock),
				app.Label().For("embed-lock").Text("Read-only scenarios: visitors change only the amount and the horizon"),
			),
			app.Div().Class("field-row").Body(
				app.Div().Class("field embed-theme-field").Body(
					app.Label().For("embed-theme").Class("field-label").Text("Colours"),
					app.Select().ID("embed-theme").OnChange(d.onTheme).Body(
						app.Option().Value("").Selected(d.options.theme == "").Text("The visitor's system setting"),
						app.Option().Value("light").Selected(d.options.theme == "light").Text("Light"),
						app.Option().Value("dark").Selected(d.options.theme == "dark").Text("Dark"),
					),
				),
				newTextField().ID("embed-width").Label("Width at most").Unit("px").SpokenUnit("pixels").Whole().
					Value(d.widthText).Error(widthError).OnInput(d.onWidth),
			),
		),
		app.Label().For("embed-snippet").Class("field-label").Text("The iframe"),
		app.Elem("textarea").ID("embed-snippet").Class("embed-code").Attr("readonly", true).Attr("rows", 4).
			Spellcheck(false).Text(snippet),
		app.Button().Type("button").ID("embed-copy").Class("embed-copy").Text("Copy the iframe").
			OnClick(d.onCopySnippet),
		d.copyStatus("embed-copied", "embed-snippet"),
		app.Label().For("embed-listener").Class("field-label").Text(
			"Optional: this script, once per page, fits each widget's height to its content, without a scroll bar"),
		app.Elem("textarea").ID("embed-listener").Class("embed-code", "embed-code-lines").Attr("readonly", true).
			Attr("rows", 7).Spellcheck(false).Attr("wrap", "off").Text(heightListenerJS),
		app.Button().Type("button").ID("embed-copy-listener").Class("embed-copy").Text("Copy the script").
			OnClick(d.onCopyListener),
		d.copyStatus("embed-copied-listener", "embed-listener"),
		app.H3().Class("embed-preview-title").Text("Preview"),
		app.Div().Class("embed-preview").Body(
			app.Elem("iframe").ID("embed-preview-frame").Attr("src", src).
				Attr("title", "Preview of the embedded calculator").
				// Attributes, not a style: the site's policy refuses those.
				Attr("width", d.widthPx).Attr("height", d.heightPx()),
		),
		app.P().ID("embed-preview-size").Class("embed-preview-size").Text(
			fmt.Sprintf("%d × %d px, as it shows at this width", d.widthPx, d.heightPx())),
	)
}

// copyStatus says what became of the last copy under the button that copies the textarea
// source, and nothing under the other.
func (d *embedDialog) copyStatus(id, source string) app.UI {
	text := ""
	if d.copiedID == source {
		text = d.copied
	}
	return app.P().ID(id).Class("embed-copied").Role("status").Text(text)
}

// heightPx is the widget's height as its preview reports it, or embedStartHeightPx before it has.
func (d *embedDialog) heightPx() int {
	if d.previewHeightPx > 0 {
		return d.previewHeightPx
	}
	return embedStartHeightPx
}

// listen takes the heights the preview's widget reports, as a host's listener does: only a
// whole positive number, only from the preview's own frame.
func (d *embedDialog) listen(ctx app.Context) {
	if d.onMessage != nil || !app.IsClient {
		return
	}
	d.onMessage = app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		e := args[0]
		frame := app.Window().GetElementByID("embed-preview-frame")
		data := e.Get("data")
		if !frame.Truthy() || !e.Get("source").Equal(frame.Get("contentWindow")) ||
			data.Type() != app.TypeObject || data.Get("type").Type() != app.TypeString ||
			data.Get("type").String() != heightMessageType || data.Get("height").Type() != app.TypeNumber {
			return nil
		}
		h := data.Get("height").Float()
		if h < 1 || h > maxEmbedHeightPx || h != float64(int(h)) {
			return nil
		}
		ctx.Dispatch(func(ctx app.Context) { d.previewHeightPx = int(h) })
		return nil
	})
	app.Window().Call("addEventListener", "message", d.onMessage)
}

// unlisten removes the message listener.
func (d *embedDialog) unlisten() {
	if d.onMessage == nil {
		return
	}
	app.Window().Call("removeEventListener", "message", d.onMessage)
	d.onMessage.Release()
	d.onMessage = nil
}

func (d *embedDialog) OnDismount() { d.unlisten() }

// parseEmbedWidth reads the width as typed.
func parseEmbedWidth(text string) (int, error) {
	text = strings.TrimSpace(text)
	n, err := strconv.Atoi(text)
	if err != nil || !onlyDigits(text) || n < minEmbedWidthPx || n > maxEmbedWidthPx {
		return 0, fmt.Errorf("must be a whole number of pixels between %d and %d (you typed %q)",
			minEmbedWidthPx, maxEmbedWidthPx, text)
	}
	return n, nil
}

func (d *embedDialog) onOpen(ctx app.Context, e app.Event) {
	link, err := calc.EncodeLink(d.Iset)
	if err != nil {
		link = "" // the widget then opens the examples; cannot happen with a valid set
	}
	d.link, d.open, d.copied, d.previewHeightPx = link, true, "", 0
	d.listen(ctx)
	ctx.Defer(func(ctx app.Context) {
		if el := app.Window().GetElementByID("embed-dialog"); el.Truthy() && !el.Get("open").Bool() {
			el.Call("showModal")
		}
	})
}

func (d *embedDialog) onCloseClick(ctx app.Context, e app.Event) {
	if el := app.Window().GetElementByID("embed-dialog"); el.Truthy() {
		el.Call("close") // fires "close": see onClose
	}
}

// onClose runs however the dialog closed (Escape, the Close button) and gives the focus back to
// the button that opened it.
func (d *embedDialog) onClose(ctx app.Context, e app.Event) {
	d.open = false
	d.unlisten()
	ctx.Defer(func(ctx app.Context) {
		if el := app.Window().GetElementByID("embed-open"); el.Truthy() {
			el.Call("focus")
		}
	})
}

func (d *embedDialog) onLock(ctx app.Context, e app.Event) {
	d.options.lock = ctx.JSSrc().Get("checked").Bool()
	d.copied, d.previewHeightPx = "", 0
}

func (d *embedDialog) onTheme(ctx app.Context, e app.Event) {
	switch v := ctx.JSSrc().Get("value").String(); v {
	case "light", "dark":
		d.options.theme = v
	default:
		d.options.theme = ""
	}
	d.copied = ""
}

func (d *embedDialog) onWidth(ctx app.Context, text string) {
	d.widthText = text
	if n, err := parseEmbedWidth(text); err == nil {
		d.widthPx = n
	}
	d.copied = ""
}

// onCopySnippet copies the iframe as the options make it now. Handlers read the state when they
// run: go-app keeps an element's handler while its code is the same, so a closure would copy
// the snippet of the dialog's first render.
func (d *embedDialog) onCopySnippet(ctx app.Context, e app.Event) {
	d.copy(ctx, "embed-snippet", embedSnippet(d.src(), d.widthPx, d.heightPx()))
}

func (d *embedDialog) onCopyListener(ctx app.Context, e app.Event) {
	d.copy(ctx, "embed-listener", heightListenerJS)
}

// copy copies text to the clipboard; where the browser does not allow it (no clipboard API, an
// insecure origin, a refusal), it selects the text in the textarea with that id and says how to
// copy it by hand.
func (d *embedDialog) copy(ctx app.Context, id, text string) {
	d.copiedID = id
	byHand := func(ctx app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
			el.Call("select")
		}
		d.copied = "Copying is not allowed here: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it."
	}
	clipboard := app.Window().Get("navigator").Get("clipboard")
	if !clipboard.Truthy() || !clipboard.Get("writeText").Truthy() {
		byHand(ctx)
		return
	}
	whenSettled(clipboard.Call("writeText", text), func(app.Value) {
		ctx.Dispatch(func(ctx app.Context) { d.copied = "Copied." })
	}, func() {
		ctx.Dispatch(byHand)
	})
}
