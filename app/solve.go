//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"restakecalc/calc"

	"github.com/shopspring/decimal"
)

// runSolve implements `app solve --scenario I --field PATH (--match K | --amount X) [--expected]
// FILE|-` (SPEC section 9): it prints the value of the field at which scenario I's final (or
// expected final) reaches the target as JSON and returns 0; where no value in the field's range
// reaches it, it says so on stderr and returns 1, as it does for bad input.
func runSolve(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("solve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	scenario := flags.Int("scenario", -1, "the scenario whose field is sought (0-based)")
	field := flags.String("field", "", `the field's path inside the scenario: "layers[1].apr", "loop.borrow_apr"`)
	match := flags.Int("match", -1, "the scenario whose final is the target (0-based)")
	amount := flags.String("amount", "", "the target amount, in asset units")
	expected := flags.Bool("expected", false, "reach for final_expected instead of final")
	const usageLine = "usage: app solve --scenario I --field PATH (--match K | --amount X) [--expected] FILE|-\n"
	flags.Usage = func() { fmt.Fprint(stderr, usageLine) }
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() != 1 || *scenario < 0 || *field == "" || (*match < 0) == (*amount == "") {
		flags.Usage()
		return 2
	}
	goal := calc.Goal{Scenario: *scenario, Field: *field, Match: *match, Expected: *expected}
	if *amount != "" {
		x, err := decimal.NewFromString(*amount)
		if err != nil {
			fmt.Fprintf(stderr, "--amount: must be a number (got %q)\n", *amount)
			return 2
		}
		goal.Amount = x
	}
	data, code := readScenarioFile(flags.Arg(0), stdin, stderr)
	if code != 0 {
		return code
	}
	set, err := calc.Parse(data)
	if err != nil {
		for _, fe := range calc.FieldErrors(err) {
			fmt.Fprintln(stderr, fe)
		}
		return 1
	}
	sol, err := calc.Solve(set, goal)
	if err != nil {
		if fes := calc.FieldErrors(err); len(fes) > 0 && !errors.As(err, new(*calc.NoValueError)) {
			for _, fe := range fes {
				fmt.Fprintln(stderr, fe)
			}
		} else {
			fmt.Fprintln(stderr, err)
		}
		return 1
	}
	out, err := json.Marshal(struct {
		Scenario int    `json:"scenario"`
		Field    string `json:"field"`
		Measure  string `json:"measure"`
		Target   string `json:"target"`
		Value    string `json:"value"`
		Reached  string `json:"reached"`
	}{sol.Scenario, sol.Field, sol.Measure(), calc.FormatAmount(sol.Target), calc.FormatAmount(sol.Value), sol.Reached.String()})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	var indented bytes.Buffer
	json.Indent(&indented, out, "", " ")
	indented.WriteByte('\n')
	if _, err := stdout.Write(indented.Bytes()); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// readScenarioFile reads a scenario file by name, or standard input for "-", up to
// maxScenarioFile bytes; a non-zero status says it could not, and stderr why.
func readScenarioFile(name string, stdin io.Reader, stderr io.Writer) ([]byte, int) {
	in := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return nil, 1
		}
		defer f.Close()
		in = f
	}
	data, err := io.ReadAll(io.LimitReader(in, maxScenarioFile+1))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return nil, 1
	}
	if len(data) > maxScenarioFile {
		fmt.Fprintf(stderr, "%s: a scenario file is at most %d bytes\n", name, maxScenarioFile)
		return nil, 1
	}
	return data, 0
}
