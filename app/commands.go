//go:build !wasm

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"restakecalc/app/site"
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

// siteBuild returns what the site is told of the build: its version, which also reaches the page
// (the update notice), and its day, from which the page flags old presets. The page reads both
// with app.Getenv, the only way the build's facts reach the wasm.
func siteBuild(version, date string) site.Build {
	return site.Build{
		Version: version,
		Env:     map[string]string{buildVersionEnv: version, buildDateEnv: date},
	}
}

// runDist writes the static site: `app dist --out dist --version V [--web web] [--date YYYY-MM-DD]`.
func runDist(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("dist", flag.ContinueOnError)
	flags.SetOutput(stderr)
	out := flags.String("out", "dist", "directory to write the site to (replaced)")
	web := flags.String("web", "web", "the static web root: the committed files and the built app.wasm")
	version := flags.String("version", "", "the build's version, e.g. git describe plus a hash of web/ (required)")
	date := flags.String("date", time.Now().UTC().Format(time.DateOnly), "the day of the build, YYYY-MM-DD")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "dist: unexpected argument %q\n", flags.Arg(0))
		return 2
	}
	if *version == "" {
		fmt.Fprintln(stderr, "dist: --version is required: it names the service worker's cache, so each build must have its own")
		return 2
	}
	if _, err := time.Parse(time.DateOnly, *date); err != nil {
		fmt.Fprintf(stderr, "dist: --date must be a day as YYYY-MM-DD (got %q)\n", *date)
		return 2
	}
	demo, err := embedDemo()
	if err != nil {
		fmt.Fprintf(stderr, "dist: %v\n", err)
		return 1
	}
	sum, err := site.WriteDist(*out, *web, siteBuild(*version, *date), demo)
	if err != nil {
		fmt.Fprintf(stderr, "dist: %v\n", err)
		return 1
	}
	brotli := "no brotli copy (the brotli command is missing)"
	if sum.WasmBrotli > 0 {
		brotli = fmt.Sprintf("%d brotli", sum.WasmBrotli)
	}
	fmt.Fprintf(stdout, "wrote %s: %d files, version %s of %s\n", *out, sum.Files, *version, *date)
	fmt.Fprintf(stdout, "app.wasm: %d bytes raw, %d gzip, %s\n", sum.WasmRaw, sum.WasmGzip, brotli)
	return 0
}

// runServe serves the static site that `app dist` wrote: `app serve [--addr A] [--dir dist]
// [--prefix /path/]`, until interrupted.
func runServe(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", "127.0.0.1:8080", "address to listen on")
	dir := flags.String("dir", "dist", "the static site to serve, as written by app dist")
	prefix := flags.String("prefix", "/", "URL path under which to serve the site")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "serve: unexpected argument %q\n", flags.Arg(0))
		return 2
	}
	if _, err := site.ReadPolicy(*dir); err != nil {
		fmt.Fprintf(stderr, "serve: %s holds no site (run make dist first): %v\n", *dir, err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return 1
	}
	p := site.CleanPrefix(*prefix)
	fmt.Fprintf(stdout, "serving %s at http://%s%s (Ctrl-C stops)\n", *dir, ln.Addr(), p)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := site.Serve(ctx, ln, *dir, p); err != nil {
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return 1
	}
	return 0
}
