// Package assets holds the data the program embeds: the preset library (presets.json), read by
// calc.ParsePresets. The files the site serves as they are (style sheet, icons) are in web/.
package assets

import _ "embed"

// PresetsJSON is presets.json: layers whose figures say where they come from, and historical
// stress cases. It is built into the program, so nothing is fetched at run time.
//
//go:embed presets.json
var PresetsJSON []byte
