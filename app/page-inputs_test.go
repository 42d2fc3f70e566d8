package main

import (
	"testing"

	"restakecalc/calc"
)

// TestPageInputsCoverTheFile checks the page's input tables against calc's field tables: every
// field of a version 1 file that holds a value has a row, so that a field added to calc without
// one fails here rather than being dropped by the draft; and no two inputs of an editor share an
// id.
func TestPageInputsCoverTheFile(t *testing.T) {
	check := func(level string, fields []calc.Field, names []string, ids []string) {
		t.Helper()
		have := map[string]bool{}
		for _, n := range names {
			if have[n] {
				t.Errorf("%s: field %q has two rows", level, n)
			}
			have[n] = true
		}
		for _, f := range fields {
			switch {
			case f.Kind() == calc.ObjectField:
				continue // rewards and loops have tables of their own
			case f.Kind() == calc.ListField || f.Name() == "version":
				continue // the scenarios and layers are the editors themselves
			}
			if !have[f.Name()] {
				t.Errorf("%s: field %q has no row in the page's inputs", level, f.Name())
			}
		}
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				t.Errorf("%s: two inputs have the id %q", level, id)
			}
			seen[id] = true
		}
	}
	names, ids := rowNames(setInputs)
	check("set", calc.SetFields(), names, ids)
	names, ids = rowNames(scenarioInputs)
	check("scenario", calc.ScenarioFields(), names, ids)
	names, ids = rowNames(layerInputs)
	check("layer", calc.LayerFields(), names, ids)
	rnames, rids := rowNames(rewardInputs)
	check("reward", calc.RewardFields(), rnames, append(ids, rids...))
	names, ids = rowNames(scenarioInputs)
	lnames, lids := rowNames(loopInputs)
	check("loop", calc.LoopFields(), lnames, append(ids, lids...))
}

func rowNames[D any](rows []pageInput[D]) (names, ids []string) {
	for _, in := range rows {
		names = append(names, in.name())
		if in.fold != notShown {
			ids = append(ids, in.id)
		}
	}
	return names, ids
}

// TestPageInputsEncodeAsTheFileWrites checks each kind's text against what the file holds.
func TestPageInputsEncodeAsTheFileWrites(t *testing.T) {
	field := func(path string) calc.Field {
		f, ok := calc.FieldByPath(path)
		if !ok {
			t.Fatalf("no field %s", path)
		}
		return f
	}
	tests := []struct {
		path, text, want string // want "" for a field the file leaves out
	}{
		{"amount", " 3.5 ", `"3.5"`},
		{"amount", "", ""},
		{"days", "0365", `365`},
		{"days", "3,650", `"3,650"`},
		{"asset", "stETH", `"stETH"`},
		{"asset", "", ""},
		{"title", `<b>"x"</b>`, `"<b>\"x\"</b>"`},
		{"scenarios[0].layers[0].payout", "compound", ""},
		{"scenarios[0].layers[0].payout", "claim", `"claim"`},
		{"scenarios[0].layers[0].reinvest", "true", ""},
		{"scenarios[0].layers[0].reinvest", "false", `false`},
	}
	for _, tt := range tests {
		if got := string(encodeInput(field(tt.path), tt.text)); got != tt.want {
			t.Errorf("encodeInput(%s, %q) = %s, want %s", tt.path, tt.text, got, tt.want)
		}
	}
}
