//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"restakecalc/calc"
)

// maxScenarioFile bounds what eval reads: a scenario file is a few kilobytes.
const maxScenarioFile = 1 << 20

// runEval implements `app eval [--series] FILE|-`: it prints the results document of a scenario
// file on stdout and returns 0, or prints every error, one a line, on stderr and returns 1.
func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("eval", flag.ContinueOnError)
	flags.SetOutput(stderr)
	series := flags.Bool("series", false, "add the day series of both paths")
	flags.Usage = func() { fmt.Fprint(stderr, "usage: app eval [--series] FILE|-\n") }
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() != 1 {
		flags.Usage()
		return 2
	}
	name := flags.Arg(0)
	in := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		defer f.Close()
		in = f
	}
	data, err := io.ReadAll(io.LimitReader(in, maxScenarioFile+1))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if len(data) > maxScenarioFile {
		fmt.Fprintf(stderr, "%s: a scenario file is at most %d bytes\n", name, maxScenarioFile)
		return 1
	}
	set, err := calc.Parse(data)
	if err == nil {
		var res calc.Results
		res, err = calc.Evaluate(set, calc.Options{Series: *series})
		if err == nil {
			return writeResults(stdout, stderr, res)
		}
	}
	for _, fe := range calc.FieldErrors(err) {
		fmt.Fprintln(stderr, fe)
	}
	return 1
}

func writeResults(stdout, stderr io.Writer, res calc.Results) int {
	out, err := resultsDocument(res)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if _, err := stdout.Write(out); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
