// Package assets holds the data the app embeds: the preset library (presets.json), read by
// calc.ParsePresets. The icons and CSS beside it are served as files, not embedded.
package assets

import _ "embed"

// PresetsJSON is presets.json: layers whose figures say where they come from, and historical
// stress cases. It is built into the program, so nothing is fetched at run time.
//
//go:embed presets.json
var PresetsJSON []byte
