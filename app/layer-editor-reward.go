package main

import (
	"errors"
	"strings"

	"restakecalc/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// The layer editor's "Paid in another token" fold: a layer's reward token or points (SPEC
// section 8.1), its inputs from rewardInputs, and "APR at today's price", which is not a field
// of the file but another way to type per_year.

// pointsToken is the symbol a layer's points start with; the user renames it.
const pointsToken = "PTS"

// rewardFold returns the fold: a toggle, and inside it either the buttons that add a reward
// token or points, or the reward's inputs.
func (e *layerEditor) rewardFold(l draftLayer, asset string) app.UI {
	open := l.rewardOpen || l.reward.on && e.rewardProblem()
	id := e.id("reward")
	label := "Paid in another token"
	if l.reward.on {
		label += " (" + strings.TrimSpace(l.reward.token) + ")"
	}
	return app.Div().Class("layer-reward").Body(
		app.Button().Type("button").ID(e.id("reward-toggle")).Class("more-toggle").
			Aria("expanded", open).Aria("controls", id).
			Body(
				app.Span().Class("more-sign").Aria("hidden", "true").Text(map[bool]string{true: "−", false: "+"}[open]),
				app.Text(label),
			).
			OnClick(e.onToggleReward),
		app.Div().ID(id).Class("layer-more").Hidden(!open).Body(
			app.If(open && !l.reward.on, func() app.UI {
				return app.Div().Class("field-row reward-add").Body(
					app.Button().Type("button").ID(e.id("reward-add")).Text("Add a reward token").OnClick(e.onAddReward(false)),
					app.Button().Type("button").ID(e.id("reward-add-points")).Text("Add points (worth your guess)").OnClick(e.onAddReward(true)),
				)
			}).ElseIf(open, func() app.UI {
				rows := inputLines(rewardInputs, e.current, e.place(), e.report, map[string]app.UI{
					"reward-amount": e.rewardAPRInput(l, asset),
				})
				rows = append(rows,
					app.P().ID(e.id("reward-worth")).Class("field-hint").Text(rewardWorthWords(l.reward, asset)),
					app.Button().Type("button").ID(e.id("reward-remove")).Class("link").
						Text("Remove the "+rewardKind(l.reward)).OnClick(e.onRemoveReward),
				)
				return app.Div().Body(rows...)
			}),
		),
	)
}

// rewardKind says what the reward is in the page's words: points while they are worth nothing
// or named as such.
func rewardKind(r draftReward) string {
	if strings.EqualFold(strings.TrimSpace(r.token), pointsToken) {
		return "points"
	}
	return "reward token"
}

// rewardWorthWords states the price the figures count the token at, as a guess where it is
// one: "PTS valued at 0 ETH each (your guess)".
func rewardWorthWords(r draftReward, asset string) string {
	token := strings.TrimSpace(r.token)
	if token == "" {
		token = "The token"
	}
	price := strings.TrimSpace(r.price)
	if price == "" {
		return token + " has no price yet: enter one (0 if it is worth nothing)."
	}
	words := token + " valued at " + price + " " + asset + " each"
	if rewardKind(r) == "points" {
		words += " (your guess)"
	}
	if g := strings.TrimSpace(r.priceGrowthPct); g != "" && g != "0" {
		words += ", changing " + g + " % a year against " + asset
	} else {
		words += ", the same price to the horizon"
	}
	return words + "."
}

// rewardAPRInput is "APR at today's price": what it shows is per_year × price × 100 unless the
// user is typing in it; what is typed becomes per_year (rewardPerYear).
func (e *layerEditor) rewardAPRInput(l draftLayer, asset string) app.UI {
	id := e.id("reward-apr")
	value := l.reward.aprPct
	hint := "Sets the tokens a year: APR ÷ 100 ÷ price."
	if value == "" {
		value = rewardAPR(l.reward.perYear, l.reward.price)
	} else if _, err := rewardPerYear(value, l.reward.price); err != nil {
		hint = err.Error()
	}
	return newTextField().ID(id).Label("APR at today's price").Unit("%/yr").SpokenUnit("% per year").
		Value(value).Hint(hint).Mode("decimal").OnInput(e.onRewardAPR)
}

// rewardAPR returns per_year × price × 100 as typed text, the APR the tokens pay at today's
// price, or "" when either is not a number.
func rewardAPR(perYear, price string) string {
	p, err1 := calc.ParseDecimal(strings.TrimSpace(perYear))
	q, err2 := calc.ParseDecimal(strings.TrimSpace(price))
	if err1 != nil || err2 != nil {
		return ""
	}
	return p.Mul(q).Mul(decimal.NewFromInt(100)).String()
}

// rewardPerYear returns per_year for an APR at today's price, SPEC section 8.1:
// per_year = apr / 100 / price, rounded half to even to 18 decimal places (the most a file's
// decimal holds).
func rewardPerYear(apr, price string) (string, error) {
	a, err := calc.ParseDecimal(strings.TrimSpace(apr))
	if err != nil || a.Sign() < 0 {
		return "", errors.New("Type a rate of 0 or more, in % a year.")
	}
	q, err := calc.ParseDecimal(strings.TrimSpace(price))
	if err != nil || q.Sign() <= 0 {
		return "", errors.New("Enter a token price above 0 first: at a price of 0 an APR means nothing. Type the tokens a year instead.")
	}
	a = a.Shift(-2)             // ÷ 100, exactly (Div would round to 16 places)
	quo, rem := a.QuoRem(q, 18) // a = q × quo + rem, 0 ≤ rem < q × 10^-18
	step := decimal.New(1, -18)
	switch twice, half := rem.Mul(decimal.NewFromInt(2)), q.Mul(step); twice.Cmp(half) {
	case 1:
		quo = quo.Add(step)
	case 0:
		if quo.Shift(18).BigInt().Bit(0) == 1 {
			quo = quo.Add(step)
		}
	}
	return quo.String(), nil
}

// rewardProblem reports whether a reward field has a problem, so that the fold is not closed
// over it.
func (e *layerEditor) rewardProblem() bool {
	for _, in := range rewardInputs {
		if e.Ierrors[in.path(e.Iscenario, e.Iindex)] != "" {
			return true
		}
	}
	return e.Ierrors[layerPath(e.Iscenario, e.Iindex)+".reward"] != ""
}

func (e *layerEditor) onToggleReward(ctx app.Context, ev app.Event) {
	l := e.Ilayer
	l.rewardOpen = !(l.rewardOpen || l.reward.on && e.rewardProblem())
	e.report(ctx, l)
}

// onAddReward gives the layer a reward token, or points: priced at 0, held to the horizon, so
// that they count for nothing until the user guesses what they are worth.
func (e *layerEditor) onAddReward(points bool) app.EventHandler {
	return func(ctx app.Context, ev app.Event) {
		l := e.Ilayer
		l.reward = draftReward{on: true, sell: string(calc.SellOnClaim)}
		if points {
			l.reward = draftReward{on: true, token: pointsToken, price: "0", sell: string(calc.Hold)}
		}
		l.rewardOpen = true
		e.report(ctx, l)
	}
}

func (e *layerEditor) onRemoveReward(ctx app.Context, ev app.Event) {
	l := e.Ilayer
	l.reward = draftReward{}
	e.report(ctx, l)
}

// onRewardAPR keeps the APR as typed and, when it converts, sets per_year from it.
func (e *layerEditor) onRewardAPR(ctx app.Context, text string) {
	l := e.Ilayer
	l.reward.aprPct = text
	if text == "" {
		l.reward.perYear = ""
	} else if perYear, err := rewardPerYear(text, l.reward.price); err == nil {
		l.reward.perYear = perYear
	}
	e.report(ctx, l)
}
