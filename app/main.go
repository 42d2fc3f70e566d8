// Command app is the restaking calculator. Compiled to WebAssembly it is the page that runs in the
// browser; compiled natively it evaluates scenario files (eval), serves the page (serve) and writes
// the static site (dist).
package main

import (
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	addRoutes()
	keepAddressReadable()
	yieldToBrowser()
	app.RunWhenOnBrowser() // never returns in the browser
	os.Exit(runCommand(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
