package main

import (
	"strings"
	"testing"

	"restakecalc/calc"
)

// problemWordsTests are drafts with one problem each, and the line the problem summary must
// show for it, in the page's words: the scenario and layer as their editors name them, the
// field's label, never a path of the file.
var problemWordsTests = []struct {
	name  string
	edit  func(d *draftSet)
	typed string // the path typed, "" when the text came from elsewhere
	where string
	msg   string
}{
	{
		"a fee out of range, typed",
		func(d *draftSet) { d.scenarios[2].layers[1].feePct = "500" },
		"scenarios[2].layers[1].fee",
		"Scenario 3 “Multistaking”, layer 2 “Aave”:",
		`Fee must be between 0 and 100 (you typed "500").`,
	},
	{
		"a fee out of range from a link",
		func(d *draftSet) { d.scenarios[2].layers[1].feePct = "500" },
		"",
		"Scenario 3 “Multistaking”, layer 2 “Aave”:",
		`Fee must be between 0 and 100 (it is "500").`,
	},
	{
		"a decimal comma",
		func(d *draftSet) { d.scenarios[0].layers[0].aprPct = "3,2" },
		"scenarios[0].layers[0].apr",
		"Scenario 1 “Staking”, layer 1 “Lido”:",
		`APR must be a number between 0 and 1000; use a point for decimals: 3.2 (you typed "3,2").`,
	},
	{
		"a scenario named like another",
		func(d *draftSet) { d.scenarios[1].name = "staking" },
		"scenarios[1].name",
		"Scenario 2 “staking”:",
		`Scenario name is already the name of scenario 1 “Staking”; each scenario needs a name of its own (you typed "staking").`,
	},
	{
		"a layer named like another",
		func(d *draftSet) { d.scenarios[2].layers[1].name = "ether.fi" },
		"scenarios[2].layers[1].name",
		"Scenario 3 “Multistaking”, layer 2 “ether.fi”:",
		`Name is already used by layer 1 “ether.fi” of this scenario; a layer may appear once per stack (you typed "ether.fi").`,
	},
	{
		"a token that does not follow the layer below",
		func(d *draftSet) { d.scenarios[2].layers[1].accepts = "stETH" },
		"scenarios[2].layers[1].accepts",
		"Scenario 3 “Multistaking”, layer 2 “Aave”:",
		`Takes must be weETH, what layer 1 “ether.fi” gives, or empty (you typed "stETH").`,
	},
}

func TestProblemWords(t *testing.T) {
	for _, tt := range problemWordsTests {
		d := draftFromSet(defaultSet())
		tt.edit(&d)
		_, _, err := evaluateDraft(d)
		if err == nil {
			t.Errorf("%s: the draft has no problem", tt.name)
			continue
		}
		typed := typedPaths{tt.typed: tt.typed != ""}
		_, list, more := describeProblems(err, d, typed)
		if len(list) != 1 || more != nil {
			t.Errorf("%s: describeProblems = %+v, %v, want one problem", tt.name, list, more)
			continue
		}
		if list[0].where != tt.where || list[0].message != tt.msg {
			t.Errorf("%s:\n got %s %s\nwant %s %s", tt.name, list[0].where, list[0].message, tt.where, tt.msg)
		}
		if strings.Contains(list[0].message, "[") {
			t.Errorf("%s: %q names a path of the file", tt.name, list[0].message)
		}
	}
}

// TestProblemsCutShort gives the page 30 problems: the summary lists calc's first 20 and says
// how many more there are on a line of its own, and counts them all.
func TestProblemsCutShort(t *testing.T) {
	d := draftFromSet(defaultSet())
	for i := range d.scenarios {
		for j := range d.scenarios[i].layers {
			l := &d.scenarios[i].layers[j]
			l.aprPct, l.feePct, l.entryGas, l.exitGas, l.lockupDays = "x", "x", "x", "x", "x"
		}
	}
	_, _, err := evaluateDraft(d)
	_, list, more := describeProblems(err, d, nil)
	if len(list) != calc.MaxListedErrors || more == nil {
		t.Fatalf("describeProblems = %d problems, more %v; want %d and a last line", len(list), more, calc.MaxListedErrors)
	}
	for _, p := range list {
		if strings.Contains(p.message, "more problem") {
			t.Errorf("the line saying how many more is listed as a problem: %q", p.message)
		}
	}
	if got, want := problemCount(len(list), more), "30 problems"; got != want {
		t.Errorf("problemCount = %q, want %q", got, want)
	}
}

// TestTypedAfter says which edits are typing: one text field changed is; a preset filling
// several fields, or a rearranged stack, is not.
func TestTypedAfter(t *testing.T) {
	d := draftFromSet(defaultSet())
	typedFee := d
	typedFee.scenarios = append([]draftScenario(nil), d.scenarios...)
	l := d.scenarios[0].layers[0]
	l.feePct = "50"
	typedFee = typedFee.withScenario(0, typedFee.scenarios[0].withLayer(0, l))
	got := typedAfter(nil, d, typedFee)
	if !got["scenarios[0].layers[0].fee"] {
		t.Errorf("typing the fee: typed = %v, want the fee's path", got)
	}
	l.aprPct, l.exitGas = "9", "0.1"
	filled := typedFee.withScenario(0, typedFee.scenarios[0].withLayer(0, l))
	if got := typedAfter(got, typedFee, filled); got["scenarios[0].layers[0].apr"] {
		t.Errorf("filling two fields at once: typed = %v, want neither", got)
	}
	if got := typedAfter(got, filled, filled.removeScenario(1)); len(got) != 0 {
		t.Errorf("removing a scenario: typed = %v, want none", got)
	}
}
