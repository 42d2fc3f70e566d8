//go:build wasm

package main

import "io"

// runCommand is never reached in the browser: app.RunWhenOnBrowser does not return there.
func runCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int { return 0 }
