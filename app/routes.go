package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// addRoutes maps every path to the calculator page, so that the site works under any prefix.
func addRoutes() {
	app.RouteWithRegexp("^/.*$", app.NewZeroComponentFactory(&calculatorPage{}))
}
