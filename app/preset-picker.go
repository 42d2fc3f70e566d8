package main

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"restakecalc/assets"
	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// buildDateEnv is the name under which the page reads the day the build was made (YYYY-MM-DD)
// with app.Getenv; presets more than a year older than that day are flagged.
const buildDateEnv = "BUILD_DATE"

// shippedLibrary is the preset library built into the program, read once.
var shippedLibrary = sync.OnceValues(func() (calc.Library, error) {
	return calc.ParsePresets(assets.PresetsJSON)
})

// parseBuildDate reads the build's date as the build writes it, YYYY-MM-DD.
func parseBuildDate(text string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(text))
	return t, err == nil
}

// presetGroupLabels name the picker's groups.
var presetGroupLabels = map[string]string{
	"staking":    "Staking",
	"restaking":  "Restaking",
	"LRT":        "Liquid restaking tokens",
	"lending-LP": "Lending and liquidity pools",
	"points":     "Points programmes (speculative)",
}

// presetPicker lets the user fill a layer from the preset library. Choosing a preset in the list
// only shows it: its summary, sources with their dates, which figures are examples, a warning
// when its figures may be out of date, and what its gas costs at the user's gas price. The
// "Fill" button then reports it through OnPick, so that browsing with the keyboard never
// overwrites the layer.
type presetPicker struct {
	app.Compo

	Iid        string // the element's id; the list and its parts derive theirs from it
	Ilibrary   calc.Library
	Iselected  string    // the preset id the layer carries now, shown until another is chosen
	IgasGwei   string    // the gas price as the user typed it, in gwei
	Iasset     string    // what gas is paid in
	IbuildDate time.Time // the build's day; zero when unknown
	IonPick    func(ctx app.Context, p calc.Preset)

	chosen  string // the preset chosen in the list ("" for none), once touched
	touched bool   // the user has chosen in the list; until then Iselected is shown
}

func newPresetPicker() *presetPicker {
	return &presetPicker{}
}

// ID sets the picker's id, e.g. "s0-l1-preset".
func (p *presetPicker) ID(v string) *presetPicker {
	p.Iid = v
	return p
}

func (p *presetPicker) Library(v calc.Library) *presetPicker {
	p.Ilibrary = v
	return p
}

// Selected sets the id of the preset the layer was filled from (its preset field).
func (p *presetPicker) Selected(v string) *presetPicker {
	p.Iselected = v
	return p
}

// GasGwei sets the gas price, in gwei, as typed: gas units are converted at this price.
func (p *presetPicker) GasGwei(v string) *presetPicker {
	p.IgasGwei = v
	return p
}

func (p *presetPicker) Asset(v string) *presetPicker {
	p.Iasset = v
	return p
}

// BuildDate sets the day the build was made; the stale warning compares preset dates with it.
func (p *presetPicker) BuildDate(v time.Time) *presetPicker {
	p.IbuildDate = v
	return p
}

// OnPick sets what happens when the user fills the layer with the chosen preset.
func (p *presetPicker) OnPick(h func(ctx app.Context, p calc.Preset)) *presetPicker {
	p.IonPick = h
	return p
}

// shown returns the preset whose details are on screen.
func (p *presetPicker) shown() (calc.Preset, bool) {
	id := p.Iselected
	if p.touched {
		id = p.chosen
	}
	if id == "" {
		return calc.Preset{}, false
	}
	return p.Ilibrary.Preset(id)
}

func (p *presetPicker) Render() app.UI {
	selectID := p.Iid + "-select"
	detailsID := p.Iid + "-details"
	preset, ok := p.shown()
	current := ""
	if ok {
		current = preset.ID
	}

	options := []app.UI{app.Option().Value("").Selected(current == "").Text("Choose a preset…")}
	for _, g := range calc.PresetGroups() {
		var items []app.UI
		for _, pr := range p.Ilibrary.Presets {
			if pr.Group != g {
				continue
			}
			items = append(items, app.Option().Value(pr.ID).Selected(pr.ID == current).Text(pr.Label))
		}
		if len(items) > 0 {
			options = append(options, app.Elem("optgroup").Attr("label", presetGroupLabels[g]).Body(items...))
		}
	}

	return app.Div().ID(p.Iid).Class("preset-picker").Body(
		app.Div().Class("field").Body(
			app.Label().For(selectID).Class("field-label").Text("Fill from a preset"),
			app.Select().ID(selectID).
				Aria("describedby", detailsID).
				OnChange(p.onChoose).
				Body(options...),
		),
		app.Div().ID(detailsID).Class("preset-details").Aria("live", "polite").Body(
			app.If(ok, func() app.UI { return p.details(preset) }),
		),
	)
}

// details shows where the chosen preset's figures come from and what its gas costs.
func (p *presetPicker) details(pr calc.Preset) app.UI {
	stale := p.Ilibrary.StaleReason(pr, p.IbuildDate)
	if p.IbuildDate.IsZero() {
		stale = ""
	}
	return app.Div().Body(
		app.P().Class("preset-summary").Text(pr.Base.Note),
		app.If(pr.Example, func() app.UI {
			return app.P().ID(p.Iid+"-example").Class("preset-example").Body(
				app.Span().Class("badge").Text("example"),
				app.Text(" Not checked against a source: "+figureNames(pr.Unconfirmed)+". Put in your own figures."),
			)
		}),
		app.If(stale != "", func() app.UI {
			return app.P().ID(p.Iid+"-stale").Class("status stale").Role("status").Body(
				app.Span().Class("field-error-mark").Aria("hidden", "true").Text("!"),
				app.Text(stale),
			)
		}),
		sourceList(p.Iid+"-sources", pr.Sources, pr.Date),
		p.gasLines(pr),
		app.P().Class("field-hint").Text(pr.Notes),
		app.Button().Type("button").ID(p.Iid+"-fill").Class("add").
			Text("Fill this layer with "+pr.Label).
			OnClick(p.onFill),
	)
}

// gasLines shows each transaction's gas converted at the user's gas price:
// "Entry: 86,000 gas × 2 gwei = 0.000172 ETH".
func (p *presetPicker) gasLines(pr calc.Preset) app.UI {
	asset := assetLabel(p.Iasset)
	gwei, err := calc.ParseDecimal(strings.TrimSpace(p.IgasGwei))
	priced := err == nil && gwei.Sign() >= 0
	var lines []app.UI
	for _, g := range []struct {
		what  string
		units int64
	}{{"Entry", pr.Gas.Entry}, {"Exit", pr.Gas.Exit}, {"Each claim", pr.Gas.Claim}} {
		if g.units == 0 {
			continue
		}
		text := g.what + ": " + groupDigits(g.units) + " gas"
		if priced {
			text += " × " + gwei.String() + " gwei = " + calc.FormatAmount(calc.GasCost(g.units, gwei)) + " " + asset
		}
		lines = append(lines, app.Li().Text(text))
	}
	if len(lines) == 0 {
		return app.P().ID(p.Iid + "-gas").Class("preset-gas").Text("No gas: this layer needs no transaction of its own.")
	}
	hint := "Typical gas units, not checked against a source; 1 gwei = 0.000000001 " + asset + "."
	if !priced {
		hint = "Set a gas price in gwei to see these in " + asset + "."
	}
	return app.Div().ID(p.Iid+"-gas").Class("preset-gas").Body(
		app.Ul().Body(lines...),
		app.P().Class("field-hint").Text(hint),
	)
}

// sourceList links a preset's or stress case's sources, each with its date.
func sourceList(id string, sources []calc.Source, asOf time.Time) app.UI {
	items := make([]app.UI, 0, len(sources))
	for _, s := range sources {
		when := "published " + s.Date
		if s.Dated == "checked" {
			when = "read " + s.Date
		}
		items = append(items, app.Li().Body(
			app.A().Href(s.URL).Target("_blank").Rel("noopener noreferrer").Text(s.Title),
			app.Text(" ("+when+")"),
		))
	}
	head := "Sources"
	if !asOf.IsZero() {
		head += ", figures as of " + asOf.Format(time.DateOnly)
	}
	return app.Div().ID(id).Class("sources").Body(
		app.P().Class("sources-head").Text(head+":"),
		app.Ul().Body(items...),
	)
}

// figureNames lists a layer's field names as the page labels them: "APR, Withdrawal time".
func figureNames(fields []string) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		if in, ok := inputNamed(layerInputs, f); ok {
			names[i] = in.labelText()
		} else {
			names[i] = strings.ReplaceAll(f, "_", " ")
		}
	}
	return strings.Join(names, ", ")
}

// groupDigits writes n with a comma every three digits: 86000 is "86,000".
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func (p *presetPicker) onChoose(ctx app.Context, e app.Event) {
	p.chosen = ctx.JSSrc().Get("value").String()
	p.touched = true
}

func (p *presetPicker) onFill(ctx app.Context, e app.Event) {
	pr, ok := p.shown()
	if ok && p.IonPick != nil {
		p.IonPick(ctx, pr)
	}
}

// presetDraftLayer returns l filled from the preset's layer, gas converted at gasGwei, as the
// text a user would type. What the preset leaves at its default is cleared, so no figure of the
// layer's earlier protocol stays behind; the fold of the editor stays as it was.
func presetDraftLayer(l draftLayer, pr calc.Preset, gasGwei decimal.Decimal) draftLayer {
	filled := draftLayerOf(pr.Layer(gasGwei))
	filled.more, filled.rewardOpen = l.more, l.rewardOpen
	return filled
}
