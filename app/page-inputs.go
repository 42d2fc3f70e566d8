package main

import (
	"fmt"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page's inputs are described once, in the tables of this file, on top of calc's table of
// the scenario file's fields: one row per field the page keeps, in the order the editors show
// them, with the words, help and unit the page shows, where the input sits, and where the draft
// keeps its text. calc's row gives the rest: the field's path (the input's data-path hook), its
// kind, its default (the empty input's placeholder) and its range. The editors, the draft's
// scenario file, preset and stress-case filling, the problem list and the locked widget all go
// through these rows; none of them names a field on its own. Adding a field to the page is a
// row here and a field in the draft struct it belongs to.

// inputFold says where an input sits in its editor.
type inputFold int

const (
	alwaysShown inputFold = iota // on the editor as it opens
	foldedAway                   // behind the layer's "more" toggle
	withClaims                   // behind "more", and only while rewards are claimed by hand
	afterLayers                  // on a scenario's editor, below its layers
	withReward                   // in the layer's "Paid in another token" fold, while it has a reward token
	withLoop                     // in the scenario's "Leverage loop" fold, while it has a loop
	notShown                     // no input: kept in the draft and the file as it came (titles, notes, presets)
)

// pageInput is one row: the input of one field of a draft of type D (draftSet, draftScenario or
// draftLayer).
type pageInput[D any] struct {
	field       calc.Field
	id          string // after the editor's prefix: "fee" in "s0-l0-fee"; "price-growth"
	label       string // the page's words for the field; calc's label when ""
	help        string // the hint under the input
	placeholder string // what an empty input shows; the field's default when ""
	choices     []fieldOption
	fold        inputFold
	line        string                   // inputs on the same line sit side by side; also the line's class
	visitor     bool                     // a visitor may change it in a locked widget
	hintOf      func(text string) string // the hint for the text as typed, in place of help
	saved       savedFlag                // how saved work keeps a field of two values; as its text under its name when zero
	get         func(*D) string
	set         func(*D, string)
}

// newInput returns the row of the field named name in fields (calc's table for D), whose text
// the draft keeps at text. A name calc does not know is a programming error.
func newInput[D any](fields []calc.Field, name string, text func(*D) *string) pageInput[D] {
	in := newInputWith(fields, name, func(d *D) string { return *text(d) }, func(d *D, v string) { *text(d) = v })
	return in
}

// newInputWith is newInput for a field the draft keeps as something else than text: get and set
// turn it into text as the file writes it ("claim", "false") and back.
func newInputWith[D any](fields []calc.Field, name string, get func(*D) string, set func(*D, string)) pageInput[D] {
	for _, f := range fields {
		if f.Name() == name {
			return pageInput[D]{field: f, id: name, get: get, set: set}
		}
	}
	panic(fmt.Sprintf("the scenario file has no field %q", name))
}

func (in pageInput[D]) withID(v string) pageInput[D]          { in.id = v; return in }
func (in pageInput[D]) withLabel(v string) pageInput[D]       { in.label = v; return in }
func (in pageInput[D]) withHelp(v string) pageInput[D]        { in.help = v; return in }
func (in pageInput[D]) withPlaceholder(v string) pageInput[D] { in.placeholder = v; return in }
func (in pageInput[D]) in(f inputFold) pageInput[D]           { in.fold = f; return in }
func (in pageInput[D]) onLine(v string) pageInput[D]          { in.line = v; return in }
func (in pageInput[D]) forVisitors() pageInput[D]             { in.visitor = true; return in }
func (in pageInput[D]) withHintOf(v func(string) string) pageInput[D] {
	in.hintOf = v
	return in
}

// savedAsFlag has saved work keep the field as a JSON boolean under key, true for the text yes
// and false for no, as the first saved drafts kept it (saved-draft.go).
func (in pageInput[D]) savedAsFlag(key, yes, no string) pageInput[D] {
	in.saved = savedFlag{key: key, yes: yes, no: no}
	return in
}

func (in pageInput[D]) withChoices(v ...fieldOption) pageInput[D] {
	in.choices = v
	return in
}

// name returns the field's name in the file: "fee".
func (in pageInput[D]) name() string { return in.field.Name() }

// path returns the field's path in the file for scenario i and layer j, as errors name it and
// the input's data-path carries it.
func (in pageInput[D]) path(i, j int) string { return in.field.PathAt(i, j) }

// labelText returns the words the page uses for the field, on its input and in problems.
func (in pageInput[D]) labelText() string {
	if in.label != "" {
		return in.label
	}
	return in.field.Label()
}

// placeholderText returns what the empty input shows: the value the field takes when the file
// leaves it out.
func (in pageInput[D]) placeholderText() string {
	if in.placeholder != "" {
		return in.placeholder
	}
	switch in.field.Kind() {
	case calc.DecimalField, calc.IntField, calc.TextField:
		return in.field.Default()
	}
	return ""
}

// mode returns the keyboard phones should show for the input.
func (in pageInput[D]) mode() string {
	switch in.field.Kind() {
	case calc.DecimalField:
		return "decimal"
	case calc.IntField:
		return "numeric"
	}
	return ""
}

// units returns the unit shown after the input and the one read with its label, for a set
// whose amounts are in asset and whose fiat is currency.
func (in pageInput[D]) units(asset, currency string) (shown, spoken string) {
	switch u := in.field.Unit(); u {
	case "asset units":
		return asset, asset
	case "fiat per asset unit":
		return currency, currency + " per " + asset
	case "% per year":
		return "%/yr", u
	case "% of the rewards", "% of the balance", "% of the proceeds", "% of the debt", "% of the borrowed amount", "% debt ÷ position":
		return "%", u
	case "tokens per asset unit":
		return "per " + asset + "/yr", "tokens a year per " + asset
	case "asset units per token":
		return asset, asset + " per token"
	case "× own money":
		return "×", "times your own money"
	default:
		return u, u
	}
}

// isDefault reports whether text is what the file means when it leaves the field out.
func (in pageInput[D]) isDefault(text string) bool {
	return text == "" || text == in.field.Default()
}

// inputsOn returns the rows of fold, in the editor's order.
func inputsOn[D any](rows []pageInput[D], fold inputFold) []pageInput[D] {
	var out []pageInput[D]
	for _, in := range rows {
		if in.fold == fold {
			out = append(out, in)
		}
	}
	return out
}

// inputNamed returns the row of the field named name, and whether there is one.
func inputNamed[D any](rows []pageInput[D], name string) (pageInput[D], bool) {
	for _, in := range rows {
		if in.name() == name {
			return in, true
		}
	}
	return pageInput[D]{}, false
}

// setInputs are the set's own fields: the starting point all scenarios share.
var setInputs = []pageInput[draftSet]{
	newInput(calc.SetFields(), "amount", func(d *draftSet) *string { return &d.amount }).
		onLine("start").forVisitors(),
	newInput(calc.SetFields(), "asset", func(d *draftSet) *string { return &d.asset }).
		onLine("start"),
	newInput(calc.SetFields(), "days", func(d *draftSet) *string { return &d.days }).
		withLabel("Horizon").withHintOf(horizonHint).onLine("horizon").forVisitors(),
	newInput(calc.SetFields(), "price", func(d *draftSet) *string { return &d.price }).
		withLabel("Price today").withHelp("Leave empty or 0 for no fiat figures.").onLine("fiat"),
	newInput(calc.SetFields(), "currency", func(d *draftSet) *string { return &d.currency }).
		onLine("fiat"),
	newInput(calc.SetFields(), "price_growth", func(d *draftSet) *string { return &d.priceGrowthPct }).
		withID("price-growth").onLine("fiat"),
	newInput(calc.SetFields(), "title", func(d *draftSet) *string { return &d.title }).
		in(notShown),
}

// scenarioInputs are a scenario's own fields; its layers have theirs.
var scenarioInputs = []pageInput[draftScenario]{
	newInput(calc.ScenarioFields(), "name", func(s *draftScenario) *string { return &s.name }).
		withLabel("Scenario name").onLine("head"),
	newInput(calc.ScenarioFields(), "instant_exit_cost", func(s *draftScenario) *string { return &s.instantExitCostPct }).
		withHelp("What selling the whole stack on the market costs, instead of waiting for withdrawals.").
		in(afterLayers).onLine("exit"),
	newInput(calc.ScenarioFields(), "note", func(s *draftScenario) *string { return &s.note }).
		in(notShown),
}

// layerInputs are a layer's fields, the everyday ones first, then those behind "more".
var layerInputs = []pageInput[draftLayer]{
	newInput(calc.LayerFields(), "name", func(l *draftLayer) *string { return &l.name }).
		onLine("name"),
	newInput(calc.LayerFields(), "accepts", func(l *draftLayer) *string { return &l.accepts }).
		withPlaceholder("any").onLine("tokens"),
	newInput(calc.LayerFields(), "gives", func(l *draftLayer) *string { return &l.gives }).
		withPlaceholder("any").onLine("tokens"),
	newInput(calc.LayerFields(), "apr", func(l *draftLayer) *string { return &l.aprPct }).
		withHelp("Before the fee: the gross rate.").onLine("rates"),
	newInput(calc.LayerFields(), "fee", func(l *draftLayer) *string { return &l.feePct }).
		onLine("rates"),
	newInput(calc.LayerFields(), "entry_gas", func(l *draftLayer) *string { return &l.entryGas }).
		onLine("gas"),
	newInput(calc.LayerFields(), "exit_gas", func(l *draftLayer) *string { return &l.exitGas }).
		onLine("gas"),
	newInputWith(calc.LayerFields(), "payout",
		func(l *draftLayer) string {
			if l.claim {
				return string(calc.Claim)
			}
			return string(calc.Compound)
		},
		func(l *draftLayer, v string) { l.claim = v == string(calc.Claim) }).
		withChoices(
			fieldOption{string(calc.Compound), "compound daily (rebasing token)"},
			fieldOption{string(calc.Claim), "claimed by hand"},
		).
		savedAsFlag("claim", string(calc.Claim), string(calc.Compound)).
		in(foldedAway).onLine("payout"),
	newInput(calc.LayerFields(), "claim_every", func(l *draftLayer) *string { return &l.claimEveryDays }).
		in(withClaims).onLine("claims"),
	newInput(calc.LayerFields(), "claim_gas", func(l *draftLayer) *string { return &l.claimGas }).
		in(withClaims).onLine("claims"),
	newInputWith(calc.LayerFields(), "reinvest",
		func(l *draftLayer) string { return fmt.Sprint(l.reinvest) },
		func(l *draftLayer, v string) { l.reinvest = v != "false" }).
		withLabel("Reinvest claimed rewards into the stack").
		savedAsFlag("reinvest", "true", "false").
		in(withClaims).onLine("reinvest"),
	newInput(calc.LayerFields(), "entry_cost", func(l *draftLayer) *string { return &l.entryCostPct }).
		in(foldedAway).onLine("costs"),
	newInput(calc.LayerFields(), "exit_cost", func(l *draftLayer) *string { return &l.exitCostPct }).
		in(foldedAway).onLine("costs"),
	newInput(calc.LayerFields(), "lockup_days", func(l *draftLayer) *string { return &l.lockupDays }).
		withHelp("No exit before this day.").in(foldedAway).onLine("time"),
	newInput(calc.LayerFields(), "withdraw_days", func(l *draftLayer) *string { return &l.withdrawDays }).
		withHelp("From exit request to funds back.").in(foldedAway).onLine("time"),
	newInput(calc.LayerFields(), "risk_probability", func(l *draftLayer) *string { return &l.riskProbabilityPct }).
		in(foldedAway).onLine("risk"),
	newInput(calc.LayerFields(), "risk_loss", func(l *draftLayer) *string { return &l.riskLossPct }).
		in(foldedAway).onLine("risk"),
	newInput(calc.LayerFields(), "note", func(l *draftLayer) *string { return &l.note }).
		withHelp("Where the figures come from; not used in the maths.").in(foldedAway).onLine("note"),
	newInput(calc.LayerFields(), "preset", func(l *draftLayer) *string { return &l.preset }).
		in(notShown),
}

// rewardInputs are a layer's reward token's fields (version 2), written in the layer's "reward"
// object; their ids start with "reward-". Typing the tokens a year or the price drops an APR
// typed at today's price: the APR shown is then worked out from them.
var rewardInputs = []pageInput[draftLayer]{
	newInput(calc.RewardFields(), "token", func(l *draftLayer) *string { return &l.reward.token }).
		withID("reward-token").withLabel("Token").in(withReward).onLine("reward-token"),
	newInputWith(calc.RewardFields(), "per_year", func(l *draftLayer) string { return l.reward.perYear },
		func(l *draftLayer, v string) { l.reward.perYear, l.reward.aprPct = v, "" }).
		withID("reward-per-year").withLabel("Tokens a year").
		withHelp("Tokens earned in a year for each unit in the stack.").in(withReward).onLine("reward-amount"),
	newInputWith(calc.RewardFields(), "price", func(l *draftLayer) string { return l.reward.price },
		func(l *draftLayer, v string) { l.reward.price, l.reward.aprPct = v, "" }).
		withID("reward-price").withLabel("Token price today").in(withReward).onLine("reward-amount"),
	newInput(calc.RewardFields(), "price_growth", func(l *draftLayer) *string { return &l.reward.priceGrowthPct }).
		withID("reward-price-growth").withLabel("Token price change").
		withHelp("Against the asset; 0 assumes today's price holds.").in(withReward).onLine("reward-price"),
	newInput(calc.RewardFields(), "sell", func(l *draftLayer) *string { return &l.reward.sell }).
		withID("reward-sell").withLabel("Tokens are").
		withChoices(
			fieldOption{string(calc.SellOnClaim), "sold at each claim"},
			fieldOption{string(calc.Hold), "held to the horizon, then sold"},
		).in(withReward).onLine("reward-sell"),
	newInput(calc.RewardFields(), "claim_every", func(l *draftLayer) *string { return &l.reward.claimEveryDays }).
		withID("reward-claim-every").withLabel("Claim and sell every").in(withReward).onLine("reward-claims"),
	newInput(calc.RewardFields(), "claim_gas", func(l *draftLayer) *string { return &l.reward.claimGas }).
		withID("reward-claim-gas").withLabel("Gas per claim").in(withReward).onLine("reward-claims"),
	newInput(calc.RewardFields(), "sell_cost", func(l *draftLayer) *string { return &l.reward.sellCostPct }).
		withID("reward-sell-cost").withLabel("Swap cost").in(withReward).onLine("reward-claims"),
}

// loopInputs are a scenario's leverage loop's fields (version 2), written in the scenario's
// "loop" object; their ids start with "loop-".
var loopInputs = []pageInput[draftScenario]{
	newInput(calc.LoopFields(), "leverage", func(s *draftScenario) *string { return &s.loop.leverage }).
		withID("loop-leverage").withHelp("Position ÷ your own money; 3 borrows twice your money.").in(withLoop).onLine("loop-size"),
	newInput(calc.LoopFields(), "borrow_apr", func(s *draftScenario) *string { return &s.loop.borrowAPRPct }).
		withID("loop-borrow-apr").in(withLoop).onLine("loop-size"),
	newInput(calc.LoopFields(), "liquidation_ltv", func(s *draftScenario) *string { return &s.loop.liquidationLTVPct }).
		withID("loop-liquidation-ltv").withLabel("Liquidation threshold (LTV)").in(withLoop).onLine("loop-liquidation"),
	newInput(calc.LoopFields(), "liquidation_penalty", func(s *draftScenario) *string { return &s.loop.liquidationPenaltyPct }).
		withID("loop-liquidation-penalty").in(withLoop).onLine("loop-liquidation"),
	newInput(calc.LoopFields(), "entry_cost", func(s *draftScenario) *string { return &s.loop.entryCostPct }).
		withID("loop-entry-cost").withHelp("Lost to the swaps that build the loop.").in(withLoop).onLine("loop-cost"),
}

// inputPlace is where an editor shows its inputs: the ids' prefix, the scenario and layer
// indexes of their paths, the engine's messages by path, and the set's asset and currency for
// the units.
type inputPlace struct {
	idPrefix        string // "" for the set's, "s0-" for a scenario's, "s0-l1-" for a layer's
	scenario, layer int
	errors          map[string]string
	asset, currency string
}

// inputLines returns the inputs of rows on the lines they share, in order. current returns the
// draft the editor holds when an input reports, report takes it changed; after adds what an
// editor shows at the end of a line (the horizon's buttons, the gas price).
func inputLines[D any](rows []pageInput[D], current func() D, at inputPlace, report func(app.Context, D), after map[string]app.UI) []app.UI {
	var lines []app.UI
	for k := 0; k < len(rows); {
		line := rows[k].line
		var body []app.UI
		for ; k < len(rows) && rows[k].line == line; k++ {
			body = append(body, inputView(rows[k], current, at, report))
		}
		if extra, ok := after[line]; ok {
			body = append(body, extra)
		}
		lines = append(lines, app.Div().Class("field-row "+line).Body(body...))
	}
	return lines
}

// inputView returns the input of one row: a text field, a select of its choices or a checkbox,
// labelled, with its data-path hook, its value in the draft and the engine's message for it.
func inputView[D any](in pageInput[D], current func() D, at inputPlace, report func(app.Context, D)) app.UI {
	id := at.idPrefix + in.id
	path := in.path(at.scenario, at.layer)
	d := current()
	value := in.get(&d)
	onText := func(ctx app.Context, text string) {
		d := current()
		in.set(&d, text)
		report(ctx, d)
	}
	switch in.field.Kind() {
	case calc.EnumField:
		return app.Div().Class("field").Body(
			app.Label().For(id).Class("field-label").Text(in.labelText()),
			newFieldInput().ID(id).Path(path).Select(in.choices...).Value(value).
				DescribedBy(id+"-error").OnText(onText),
			newFieldError().ID(id+"-error").Message(at.errors[path]),
		)
	case calc.BoolField:
		return app.Div().Class("field check").Body(
			newFieldInput().ID(id).Path(path).Checkbox(value == "true").
				DescribedBy(id+"-error").
				OnCheck(func(ctx app.Context, checked bool) { onText(ctx, fmt.Sprint(checked)) }),
			app.Label().For(id).Text(in.labelText()),
			newFieldError().ID(id+"-error").Message(at.errors[path]),
		)
	}
	shown, spoken := in.units(at.asset, at.currency)
	f := newTextField().ID(id).Path(path).Label(in.labelText()).Unit(shown).SpokenUnit(spoken).
		Value(value).Placeholder(in.placeholderText()).Hint(in.help).Error(at.errors[path]).
		Mode(in.mode()).OnInput(onText)
	if in.hintOf != nil {
		f = f.Hint(in.hintOf(value))
	}
	return f
}
