//go:build !wasm

package main

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The gas price fills layers from presets; a reader must not believe that changing it re-prices
// the layers already filled, which keep the gas they were filled with.
func TestSetEditorSaysTheGasPriceDoesNotRepriceFilledLayers(t *testing.T) {
	ed := newSetEditor().Set(draftFromSet(defaultSet()))
	if err := app.NewTestEngine().Load(ed); err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(ed)
	for _, want := range []string{
		`id="gas-price"`,
		"when a layer is filled from it",
		"Layers already filled keep their gas: fill them again to price it anew.",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the starting point does not say %q", want)
		}
	}
}
