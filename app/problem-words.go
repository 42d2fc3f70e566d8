package main

import (
	"fmt"
	"regexp"
	"strconv"

	"restakecalc/calc"
)

// The engine names fields and parts of the file the way the file spells them,
// "scenarios[2].layers[1].fee"; the page says the same in its own words: the scenario and the
// layer as their editors show them, the field by its label, what was typed only when it was.

// typedPaths is the set of field paths whose text the user typed, since the scenarios were last
// opened, filled or rearranged: only those problems say "you typed".
type typedPaths map[string]bool

// describeProblems turns the engine's errors into plain words: by field path for the editors,
// and located in a list for the summary. more counts the problems the engine left out of its
// list (calc.MaxListedErrors), which the summary gives a line of its own.
func describeProblems(err error, d draftSet, typed typedPaths) (byPath map[string]string, list []problem, more *calc.FieldError) {
	byPath = map[string]string{}
	fes := calc.FieldErrors(err)
	if len(fes) == 0 {
		fes = []*calc.FieldError{{Msg: err.Error()}}
	}
	for _, fe := range fes {
		if fe.More > 0 {
			more = fe
			continue
		}
		msg := problemMessage(fe, d, typed[fe.Path])
		if prev, ok := byPath[fe.Path]; ok {
			byPath[fe.Path] = prev + "; and " + msg
		} else {
			byPath[fe.Path] = msg
		}
		where, label, id := locate(fe.Path, d)
		list = append(list, problem{where: where, message: labelled(label, msg) + ".", fieldID: id})
	}
	return byPath, list, more
}

// commaDecimalRE matches a number written with a decimal comma, as the file quotes it: "3,2".
var commaDecimalRE = regexp.MustCompile(`^"(-?[0-9]*),([0-9]+)"$`)

// problemMessage returns the engine's message on one field in the page's words: the parts of
// the file it names as the page shows them, a hint for a decimal comma, and the offending text
// as "you typed" when the user typed it, "it is" when it came from elsewhere (a link, a file, a
// preset).
//
// A decimal comma is not read as a point: "1,000" is a thousand in English and one in German,
// and a calculator of money must not guess between them.
func problemMessage(fe *calc.FieldError, d draftSet, typed bool) string {
	msg := pageWords(fe.Msg, fe.Path, d)
	if m := commaDecimalRE.FindStringSubmatch(fe.Got); m != nil {
		msg += "; use a point for decimals: " + m[1] + "." + m[2]
	}
	switch {
	case fe.Got == "":
	case typed:
		msg += " (you typed " + fe.Got + ")"
	default:
		msg += " (it is " + fe.Got + ")"
	}
	return msg
}

// partRE matches the file's names of scenarios and layers inside a message: "scenarios[0]",
// "layers[1]".
var partRE = regexp.MustCompile(`\b(scenarios|layers)\[(\d+)\]`)

// pageWords rewrites the parts of the file that msg, the engine's message on the field at path,
// names: "scenarios[0]" becomes `scenario 1 “Staking”`, and "layers[1]", which the engine uses
// for another layer of the same stack, `layer 2 “Aave”`.
func pageWords(msg, path string, d draftSet) string {
	scenario := -1
	if m := scenarioPathRE.FindStringSubmatch(path); m != nil {
		scenario, _ = strconv.Atoi(m[1])
	}
	return partRE.ReplaceAllStringFunc(msg, func(part string) string {
		m := partRE.FindStringSubmatch(part)
		k, _ := strconv.Atoi(m[2])
		if m[1] == "scenarios" {
			if k < len(d.scenarios) {
				return fmt.Sprintf("scenario %d “%s”", k+1, d.scenarios[k].name)
			}
			return "scenario " + strconv.Itoa(k+1)
		}
		if scenario >= 0 && scenario < len(d.scenarios) && k < len(d.scenarios[scenario].layers) {
			return fmt.Sprintf("layer %d “%s”", k+1, d.scenarios[scenario].layers[k].name)
		}
		return "layer " + strconv.Itoa(k+1)
	})
}

// typedAfter returns which paths' text was typed after the change from old to d: an edit of
// one text field's text is typing, and adds its path; an edit of several fields at once (a
// preset, a stress case) takes theirs away, as their text is no longer typed; an edit that adds,
// removes or moves scenarios or layers starts afresh, as the paths name other fields.
func typedAfter(typed typedPaths, old, d draftSet) typedPaths {
	if len(old.scenarios) != len(d.scenarios) {
		return nil
	}
	var changed []string
	var text []bool
	note := func(path string, kind calc.FieldKind) {
		changed = append(changed, path)
		text = append(text, kind == calc.DecimalField || kind == calc.IntField || kind == calc.TextField)
	}
	for _, in := range setInputs {
		if in.get(&old) != in.get(&d) {
			note(in.path(-1, -1), in.field.Kind())
		}
	}
	for i := range d.scenarios {
		os, s := old.scenarios[i], d.scenarios[i]
		if len(os.layers) != len(s.layers) {
			return nil
		}
		for _, in := range scenarioInputs {
			if in.get(&os) != in.get(&s) {
				note(in.path(i, -1), in.field.Kind())
			}
		}
		for j := range s.layers {
			ol, l := os.layers[j], s.layers[j]
			for _, in := range layerInputs {
				if in.get(&ol) != in.get(&l) {
					note(in.path(i, j), in.field.Kind())
				}
			}
		}
	}
	out := typedPaths{}
	for p := range typed {
		out[p] = true
	}
	for k, p := range changed {
		out[p] = len(changed) == 1 && text[k]
	}
	return out
}

// problemCount says how many problems the input has: those listed and those the list left out.
func problemCount(listed int, more *calc.FieldError) string {
	if more != nil {
		listed += more.More
	}
	return plural(listed, "problem")
}
