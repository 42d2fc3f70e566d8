package main

import (
	"fmt"
	"strconv"
	"strings"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// goalQuestion is one goal-seek question (SPEC section 9) as the page asks it: the value of one
// field of a scenario at which its final, or its expected final, reaches a target.
type goalQuestion struct {
	scenario int
	field    string // the field's path inside the scenario: "layers[1].apr", "loop.borrow_apr"
	expected bool   // final_expected instead of final
	match    int    // the scenario whose measure is the target; -1 for amount
	amount   string // the target in asset units, as typed, when match is -1
	unlooped bool   // the target is the scenario's own measure with its loop removed
	words    string // the question in words, for the common ones; "" for the form's
}

// goal returns the question for calc.Solve, or why the amount cannot be read.
func (q goalQuestion) goal() (calc.Goal, error) {
	g := calc.Goal{Scenario: q.scenario, Field: q.field, Expected: q.expected, Match: q.match}
	if q.match < 0 {
		a, err := decimal.NewFromString(strings.TrimSpace(q.amount))
		if err != nil || a.Sign() < 0 {
			return g, fmt.Errorf("the target amount must be a number of at least 0 (you typed %q)", q.amount)
		}
		g.Amount = a
	}
	return g, nil
}

// goalAnswer is the page's answer to a goal-seek question.
type goalAnswer struct {
	question   goalQuestion
	key        string // the scenario file it was worked out for
	appliedKey string // the same with the value found put in: the answer still holds for it
	working    bool
	found      bool
	value      decimal.Decimal // the field's value found
	target     string          // the target, asset units, as eval writes amounts
	reached    string          // the measure with the field at value
	problem    string          // why there is no value, in the page's words
	noInput    bool            // the field has no input on the page: the value cannot be applied
}

// goalSeekPanel asks goal-seek questions: a scenario, one of its fields, a measure and a target,
// or one of the common questions the scenarios on screen invite; it shows the answer with a
// button that puts the value into the field. The page works the answer out (calc.Solve) when
// asked and passes it back down; a change of the scenarios marks it out of date.
type goalSeekPanel struct {
	app.Compo

	Iset     calc.Set
	Ifigures calc.Results
	Idraft   draftSet
	Ianswer  goalAnswer
	Istale   bool // the answer is of an earlier scenario file
	IonAsk   func(ctx app.Context, q goalQuestion)
	IonApply func(ctx app.Context, a goalAnswer)

	// The form's choices.
	scenario int
	field    string
	expected bool
	target   string // "s1" for scenario 1's measure, "amount" for an amount
	amount   string
}

func newGoalSeekPanel() *goalSeekPanel { return &goalSeekPanel{} }

func (g *goalSeekPanel) Set(v calc.Set) *goalSeekPanel         { g.Iset = v; return g }
func (g *goalSeekPanel) Figures(v calc.Results) *goalSeekPanel { g.Ifigures = v; return g }
func (g *goalSeekPanel) Draft(v draftSet) *goalSeekPanel       { g.Idraft = v; return g }
func (g *goalSeekPanel) Answer(v goalAnswer, stale bool) *goalSeekPanel {
	g.Ianswer, g.Istale = v, stale
	return g
}
func (g *goalSeekPanel) OnAsk(h func(app.Context, goalQuestion)) *goalSeekPanel {
	g.IonAsk = h
	return g
}
func (g *goalSeekPanel) OnApply(h func(app.Context, goalAnswer)) *goalSeekPanel {
	g.IonApply = h
	return g
}

// goalField is a field goal seek can vary, with the page's words for it.
type goalField struct {
	path  string // inside the scenario
	label string // "Layer 1 “Lido”: APR"
}

// goalFields returns the decimal fields of scenario i that goal seek can vary, as the page labels
// them: the layers' from the bottom, then the scenario's loop and its own.
func goalFields(set calc.Set, d draftSet, i int) []goalField {
	if i < 0 || i >= len(set.Scenarios) {
		return nil
	}
	sc := set.Scenarios[i]
	var out []goalField
	for j, l := range sc.Layers {
		where := fmt.Sprintf("Layer %d “%s”: ", j+1, l.Name)
		for _, f := range calc.LayerFields() {
			if seekable(f) && (f.Name() != "claim_gas" || l.Payout == calc.Claim) {
				out = append(out, goalField{fmt.Sprintf("layers[%d].%s", j, f.Name()), where + goalLabel(f)})
			}
		}
		if l.Reward != nil {
			for _, f := range calc.RewardFields() {
				if seekable(f) && (f.Name() != "claim_gas" || l.Reward.Sell == calc.SellOnClaim) {
					out = append(out, goalField{fmt.Sprintf("layers[%d].reward.%s", j, f.Name()),
						where + l.Reward.Token + ": " + goalLabel(f)})
				}
			}
		}
	}
	if sc.Loop != nil {
		for _, f := range calc.LoopFields() {
			if seekable(f) {
				out = append(out, goalField{"loop." + f.Name(), "Loop: " + goalLabel(f)})
			}
		}
	}
	for _, f := range calc.ScenarioFields() {
		if seekable(f) {
			out = append(out, goalField{f.Name(), goalLabel(f)})
		}
	}
	return out
}

// seekable reports whether goal seek varies field f (SPEC section 9): a decimal that is not a
// lockup, withdrawal or claim interval.
func seekable(f calc.Field) bool { return f.Kind() == calc.DecimalField }

// goalLabel returns the words the page's inputs use for f, or calc's.
func goalLabel(f calc.Field) string {
	if in, ok := goalInputRow(f); ok {
		return in
	}
	return f.Label()
}

// goalInputRow returns the label of the page's input of field f, found by its path pattern in
// the input tables, and whether the page has one.
func goalInputRow(f calc.Field) (string, bool) {
	if in, ok := inputByPath(layerInputs, rewardInputs, f); ok {
		return in.labelText(), true
	}
	if in, ok := inputByPath(scenarioInputs, loopInputs, f); ok {
		return in.labelText(), true
	}
	return "", false
}

// inputByPath returns the shown row of field f in the tables of one draft type, by the field's
// path pattern ("scenarios[I].layers[J].reward.price"): names repeat across a layer's own fields
// and its reward's.
func inputByPath[D any](own, nested []pageInput[D], f calc.Field) (pageInput[D], bool) {
	for _, rows := range [][]pageInput[D]{own, nested} {
		for _, in := range rows {
			if in.field.Path() == f.Path() && in.fold != notShown {
				return in, true
			}
		}
	}
	return pageInput[D]{}, false
}

// goalQuestionWhere says where a question's field is: "Scenario 2 “EigenLayer”, layer 1 “Lido”: APR".
func goalQuestionWhere(set calc.Set, d draftSet, q goalQuestion) string {
	if q.scenario < 0 || q.scenario >= len(set.Scenarios) {
		return q.field
	}
	label := q.field
	for _, f := range goalFields(set, d, q.scenario) {
		if f.path == q.field {
			label = f.label
		}
	}
	return fmt.Sprintf("Scenario %d “%s”, %s", q.scenario+1, set.Scenarios[q.scenario].Name,
		strings.ToLower(label[:1])+label[1:])
}

// commonGoalQuestions returns the questions the scenarios on screen invite: for a layer that
// pays in another token, the price at which its scenario matches the first; for a loop, the
// borrow rate at which it stops paying, that is at which the looped stack ends no better than
// the same stack without the loop (worked out as an amount: unlooped is that scenario's final
// with its loop removed); for a scenario behind the best, the APR its top layer would need to
// match the best.
func commonGoalQuestions(set calc.Set, figures calc.Results) []goalQuestion {
	if len(figures.Scenarios) != len(set.Scenarios) || len(set.Scenarios) == 0 {
		return nil
	}
	best := 0
	for i, r := range figures.Scenarios {
		if r.Final.GreaterThan(figures.Scenarios[best].Final) {
			best = i
		}
	}
	var out []goalQuestion
	for i, sc := range set.Scenarios {
		if i > 0 {
			for j, l := range sc.Layers {
				if l.Reward != nil {
					out = append(out, goalQuestion{scenario: i, field: fmt.Sprintf("layers[%d].reward.price", j), match: 0,
						words: fmt.Sprintf("The %s price at which “%s” matches “%s”", l.Reward.Token, sc.Name, set.Scenarios[0].Name)})
					break
				}
			}
		}
		if sc.Loop != nil {
			out = append(out, goalQuestion{scenario: i, field: "loop.borrow_apr", match: -1, unlooped: true,
				words: fmt.Sprintf("The borrow rate at which the loop of “%s” stops paying, ending with what the same stack earns unlooped", sc.Name)})
		}
		if i != best && len(sc.Layers) > 0 {
			top := len(sc.Layers) - 1
			out = append(out, goalQuestion{scenario: i, field: fmt.Sprintf("layers[%d].apr", top), match: best,
				words: fmt.Sprintf("The APR “%s” in “%s” would need to match “%s”", sc.Layers[top].Name, sc.Name, set.Scenarios[best].Name)})
		}
	}
	return out
}

// withoutLoop returns the measure of scenario i with its loop removed, as eval writes it: the
// target of "the borrow rate at which the loop stops paying", worked out when asked.
func withoutLoop(set calc.Set, i int, expected bool) (string, error) {
	plain := set
	plain.Scenarios = []calc.Scenario{set.Scenarios[i]}
	plain.Scenarios[0].Loop = nil
	r, err := calc.Evaluate(plain, calc.Options{})
	if err != nil {
		return "", err
	}
	if expected {
		return calc.FormatAmount(r.Scenarios[0].FinalExpected), nil
	}
	return calc.FormatAmount(r.Scenarios[0].Final), nil
}

func (g *goalSeekPanel) Render() app.UI {
	set := g.Iset
	if len(set.Scenarios) == 0 {
		return app.P().Class("goal-seek-empty").Text("Goal seek opens with the first results.")
	}
	scenario, fields, field, target := g.choices()
	common := commonGoalQuestions(set, g.Ifigures)
	a := g.Ianswer
	return app.Div().Class("goal-seek").Body(
		app.If(len(common) > 0, func() app.UI {
			return app.Div().Class("goal-common").Body(
				app.P().Class("goal-common-title").Text("The questions these scenarios invite:"),
				app.Ul().Class("goal-common-list").Body(
					app.Range(common).Slice(func(k int) app.UI {
						q := common[k]
						return app.Li().Body(
							app.Button().Type("button").Class("link").ID(fmt.Sprintf("goal-common-%d", k)).
								DataSet("question", k).Disabled(a.working).Text(q.words + "?").OnClick(g.onAskCommon),
						)
					}),
				),
			)
		}),
		app.Div().Class("goal-form").Body(
			app.Div().Class("field").Body(
				app.Label().For("goal-scenario").Class("field-label").Text("Scenario"),
				newFieldInput().ID("goal-scenario").Select(scenarioOptions(set)...).
					Value(strconv.Itoa(scenario)).OnText(g.onScenario),
			),
			app.Div().Class("field").Body(
				app.Label().For("goal-field").Class("field-label").Text("Field to find"),
				newFieldInput().ID("goal-field").Select(fieldOptions(fields)...).
					Value(field).OnText(func(ctx app.Context, v string) { g.field = v }),
			),
			app.Div().Class("field").Body(
				app.Label().For("goal-measure").Class("field-label").Text("So that its"),
				newFieldInput().ID("goal-measure").Select(
					fieldOption{"final", "final amount"},
					fieldOption{"final_expected", "risk-adjusted final amount"},
				).Value(measureValue(g.expected)).
					OnText(func(ctx app.Context, v string) { g.expected = v == "final_expected" }),
			),
			app.Div().Class("field").Body(
				app.Label().For("goal-target").Class("field-label").Text("Reaches"),
				newFieldInput().ID("goal-target").Select(targetOptions(set, scenario, g.expected)...).
					Value(target).OnText(func(ctx app.Context, v string) { g.target = v }),
			),
			app.If(target == "amount", func() app.UI {
				return newTextField().ID("goal-amount").Label("Target amount").Unit(set.Asset).SpokenUnit(set.Asset).
					Value(g.amount).Mode("decimal").OnInput(func(ctx app.Context, v string) { g.amount = v })
			}),
			app.Button().Type("button").ID("goal-ask").Disabled(a.working || len(fields) == 0).
				Text("Find the value").OnClick(g.onAskForm),
		),
		g.renderAnswer(),
	)
}

// renderAnswer shows the answer: working, the value with its button, or why there is none. The
// result element carries data-field="goal_seek" and data-value, the exact value found.
func (g *goalSeekPanel) renderAnswer() app.UI {
	a := g.Ianswer
	switch {
	case a.working:
		return app.P().Class("working").Role("status").Text("Working out…")
	case a.key == "":
		return app.P().Class("goal-answer-empty").Role("status").Text("")
	}
	where := goalQuestionWhere(g.Iset, g.Idraft, a.question)
	class := "goal-answer"
	if g.Istale {
		class += " stale"
	}
	return app.Div().Class(class).Role("status").Body(
		app.If(g.Istale, func() app.UI {
			return app.P().Class("out-of-date").Text("Out of date: the scenarios changed since this was worked out. Ask again for the scenarios on screen.")
		}),
		app.If(a.question.words != "", func() app.UI {
			return app.P().Class("goal-question").Text(a.question.words + "?")
		}),
		app.If(a.found, func() app.UI {
			measure := "final"
			if a.question.expected {
				measure = "risk-adjusted final"
			}
			return app.Div().Body(
				app.P().Class("goal-value").Body(
					app.Span().Text(where+": "),
					app.Strong().DataSet("field", "goal_seek").DataSet("scenario", a.question.scenario).
						DataSet("path", a.question.field).DataSet("value", calc.FormatAmount(a.value)).
						Text(calc.FormatAmount(a.value)),
				),
				app.P().Class("goal-reached").Text(fmt.Sprintf("With it, the %s is %s %s (the target is %s %s).",
					measure, a.reached, g.Iset.Asset, a.target, g.Iset.Asset)),
				app.If(a.noInput, func() app.UI {
					return app.P().Class("goal-note").Text("This field has no input on this page, so the value cannot be put in for you.")
				}).Else(func() app.UI {
					return app.Button().Type("button").ID("goal-apply").Disabled(g.Istale).
						Text("Use this value").OnClick(g.onApply)
				}),
			)
		}).Else(func() app.UI {
			return app.P().Class("goal-none").DataSet("field", "goal_seek").DataSet("scenario", a.question.scenario).
				DataSet("path", a.question.field).DataSet("value", "").Text(where + ": " + a.problem)
		}),
	)
}

// choices returns the form's choices as shown: the scenario, its fields, the field and the
// target, each the first there is where the one chosen is no longer offered.
func (g *goalSeekPanel) choices() (scenario int, fields []goalField, field, target string) {
	scenario = max(0, min(g.scenario, len(g.Iset.Scenarios)-1))
	fields = goalFields(g.Iset, g.Idraft, scenario)
	field = g.field
	if !hasGoalField(fields, field) && len(fields) > 0 {
		field = fields[0].path
	}
	return scenario, fields, field, g.targetChoice(scenario)
}

func hasGoalField(fields []goalField, path string) bool {
	for _, f := range fields {
		if f.path == path {
			return true
		}
	}
	return false
}

// targetChoice returns the target chosen, or the first scenario other than scenario.
func (g *goalSeekPanel) targetChoice(scenario int) string {
	if g.target == "amount" {
		return g.target
	}
	if k, err := strconv.Atoi(strings.TrimPrefix(g.target, "s")); err == nil && k != scenario && k < len(g.Iset.Scenarios) {
		return g.target
	}
	for k := range g.Iset.Scenarios {
		if k != scenario {
			return "s" + strconv.Itoa(k)
		}
	}
	return "amount"
}

func scenarioOptions(set calc.Set) []fieldOption {
	out := make([]fieldOption, len(set.Scenarios))
	for i, sc := range set.Scenarios {
		out[i] = fieldOption{strconv.Itoa(i), fmt.Sprintf("%d “%s”", i+1, sc.Name)}
	}
	return out
}

func fieldOptions(fields []goalField) []fieldOption {
	out := make([]fieldOption, len(fields))
	for i, f := range fields {
		out[i] = fieldOption{f.path, f.label}
	}
	return out
}

func targetOptions(set calc.Set, scenario int, expected bool) []fieldOption {
	measure := "final"
	if expected {
		measure = "risk-adjusted final"
	}
	var out []fieldOption
	for k, sc := range set.Scenarios {
		if k != scenario {
			out = append(out, fieldOption{"s" + strconv.Itoa(k), fmt.Sprintf("the %s of scenario %d “%s”", measure, k+1, sc.Name)})
		}
	}
	return append(out, fieldOption{"amount", "an amount"})
}

func measureValue(expected bool) string {
	if expected {
		return "final_expected"
	}
	return "final"
}

func (g *goalSeekPanel) onScenario(ctx app.Context, v string) {
	if i, err := strconv.Atoi(v); err == nil {
		g.scenario = i
	}
}

// onAskCommon asks the common question whose index the button carries, as the scenarios on
// screen now put it. Handlers read what they need when they run: go-app keeps the first
// function a closure literal gave an element, whatever later renders give it.
func (g *goalSeekPanel) onAskCommon(ctx app.Context, e app.Event) {
	common := commonGoalQuestions(g.Iset, g.Ifigures)
	k, err := strconv.Atoi(ctx.JSSrc().Get("dataset").Get("question").String())
	if err != nil || k < 0 || k >= len(common) {
		return
	}
	q := common[k]
	g.scenario, g.field, g.expected = q.scenario, q.field, q.expected
	if q.match >= 0 {
		g.target = "s" + strconv.Itoa(q.match)
	}
	if g.IonAsk != nil {
		g.IonAsk(ctx, q)
	}
}

// onAskForm asks the form's question, with the choices as shown.
func (g *goalSeekPanel) onAskForm(ctx app.Context, e app.Event) {
	scenario, fields, field, target := g.choices()
	if len(fields) == 0 {
		return
	}
	q := goalQuestion{scenario: scenario, field: field, expected: g.expected, match: -1, amount: g.amount}
	if k, err := strconv.Atoi(strings.TrimPrefix(target, "s")); err == nil && target != "amount" {
		q.match = k
	}
	if g.IonAsk != nil {
		g.IonAsk(ctx, q)
	}
}

func (g *goalSeekPanel) onApply(ctx app.Context, e app.Event) {
	if g.IonApply != nil && !g.Istale {
		g.IonApply(ctx, g.Ianswer)
	}
}
