//go:build !wasm

package main

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page learns the build's version from the handler's Env: the wasm never sees the build's
// environment.
func TestUpdateNoticeReadsTheBuildsVersion(t *testing.T) {
	h := siteBuild("abc123-4567", "2026-11-25")
	if got := h.Env[buildVersionEnv]; got != "abc123-4567" {
		t.Errorf("the site's Env[%s] = %q, want the build's version", buildVersionEnv, got)
	}
}

func TestUpdateNoticeIsQuietUntilAnUpdateArrives(t *testing.T) {
	n := newUpdateNotice()
	e := app.NewTestEngine()
	if err := e.Load(n); err != nil {
		t.Fatal(err)
	}
	if err := app.Match(app.Div().Class("update-notice").DataSet("version", app.Getenv(buildVersionEnv)), n, 0); err != nil {
		t.Errorf("Match(root) = %v", err)
	}
	if err := app.Match(app.P(), n, 0, 0); err == nil {
		t.Errorf("the notice shows without an update")
	}
}
