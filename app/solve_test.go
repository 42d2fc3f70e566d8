//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestSolveCommand: `app solve` prints the SPEC's JSON for a reachable target and exits 0.
// One day on 1 at apr A ends at 1 + trunc(A / 36500): it reaches 1.001 from A = 36.5 exactly.
func TestSolveCommand(t *testing.T) {
	doc := `{"version":1,"amount":"1","days":1,"scenarios":[{"name":"a","layers":[{"name":"L","apr":"3"}]}]}`
	var stdout, stderr bytes.Buffer
	code := runCommand([]string{"solve", "--scenario", "0", "--field", "layers[0].apr", "--amount", "1.001", "-"},
		strings.NewReader(doc), &stdout, &stderr)
	want := "{\n \"scenario\": 0,\n \"field\": \"layers[0].apr\",\n \"measure\": \"final\",\n \"target\": \"1.001\",\n \"value\": \"36.5\",\n \"reached\": \"1.001\"\n}\n"
	if code != 0 || stdout.String() != want {
		t.Errorf("solve = %d, stdout\n%s\nstderr %q; want 0 and\n%s", code, stdout.String(), stderr.String(), want)
	}
}

// TestSolveCommandGolden: the borrow rate at which the golden 3x loop falls back to holding
// weETH; the answer is the largest rate whose final still reaches the holding's final.
func TestSolveCommandGolden(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := runCommand([]string{"solve", "--scenario", "1", "--field", "loop.borrow_apr", "--match", "0", "--expected",
		"../calc/testdata/golden/loop.json"}, nil, &stdout, &stderr)
	var got struct {
		Scenario                               int
		Field, Measure, Target, Value, Reached string
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); code != 0 || err != nil {
		t.Fatalf("solve = %d, %v, stderr %q", code, err, stderr.String())
	}
	// The target is the first scenario's final_expected in loop.want.
	if got.Measure != "final_expected" || got.Target != "10.273667768541445117" || got.Value == "" || got.Reached < got.Target {
		t.Errorf("solve = %+v", got)
	}
}

// TestSolveCommandNoValue: a target out of reach exits 1 with the SPEC's message.
func TestSolveCommandNoValue(t *testing.T) {
	doc := `{"version":1,"amount":"1","days":1,"scenarios":[{"name":"a","layers":[{"name":"L","apr":"3"}]}]}`
	var stdout, stderr bytes.Buffer
	code := runCommand([]string{"solve", "--scenario", "0", "--field", "layers[0].apr", "--amount", "2", "-"},
		strings.NewReader(doc), &stdout, &stderr)
	want := "layers[0].apr: no value from 0 to 1000 reaches 2 (it goes from 1 to 1.027397260273972602)\n"
	if code != 1 || stdout.Len() != 0 || stderr.String() != want {
		t.Errorf("solve = %d, stdout %q, stderr %q; want 1 and %q", code, stdout.String(), stderr.String(), want)
	}
}

// TestSolveCommandUsage: a missing or doubled target is a usage error; a field that is none is
// an input error naming it.
func TestSolveCommandUsage(t *testing.T) {
	file := "../calc/testdata/golden/loop.json"
	for _, args := range [][]string{
		{"solve", "--scenario", "0", "--field", "layers[0].apr", file},
		{"solve", "--scenario", "0", "--field", "layers[0].apr", "--match", "1", "--amount", "3", file},
		{"solve", "--field", "layers[0].apr", "--match", "1", file},
		{"solve", "--scenario", "0", "--field", "layers[0].apr", "--amount", "x", file},
	} {
		var stdout, stderr bytes.Buffer
		if code := runCommand(args, nil, &stdout, &stderr); code != 2 || stderr.Len() == 0 {
			t.Errorf("%v = %d, stderr %q; want 2", args, code, stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	code := runCommand([]string{"solve", "--scenario", "0", "--field", "layers[0].lockup_days", "--amount", "3", file}, nil, &stdout, &stderr)
	if code != 1 || !strings.HasPrefix(stderr.String(), "layers[0].lockup_days: ") {
		t.Errorf("solve of an int field = %d, %q; want 1 naming the field", code, stderr.String())
	}
}
