//go:build !wasm

package main

import (
	"fmt"
	"io"
)

const usage = `usage:
  app eval [--series] FILE|-           evaluate a scenario file, print the results as JSON
  app solve --scenario I --field PATH (--match K | --amount X) [--expected] FILE|-
                                       find the field's value at which scenario I reaches the target
  app dist --out DIR --version V ...   write the static site (make dist)
  app serve [--addr A] [--dir DIR]     serve the static site locally (make run)
`

// runCommand runs the native program's sub-command and returns the exit status.
func runCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "eval":
		return runEval(args[1:], stdin, stdout, stderr)
	case "solve":
		return runSolve(args[1:], stdin, stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "dist":
		return runDist(args[1:], stdout, stderr)
	default:
		fmt.Fprintf(stderr, "unknown command %q\n%s", args[0], usage)
		return 2
	}
}
