//go:build !wasm

package main

import (
	"encoding/json"
	"math"
	"testing"
)

// heightChangesTests are heights measured one after the other, and what is reported of each.
var heightChangesTests = []struct {
	px         float64
	want       int
	wantReport bool
}{
	{812, 812, true},         // the first height
	{812, 812, false},        // unchanged: nothing to say
	{812.2, 813, true},       // a fraction rounds up: a frame a fraction short scrolls
	{812.9, 813, false},      // the same whole pixels
	{640, 640, true},         // smaller: the host's iframe must shrink too
	{0, 640, false},          // not laid out (display: none): no news
	{math.NaN(), 640, false}, // nothing measured
	{1900.01, 1901, true},    // taller
	{640, 640, true},         // and back
}

func TestHeightChanges(t *testing.T) {
	var c heightChanges
	for i, tt := range heightChangesTests {
		got, report := c.next(tt.px)
		if got != tt.want || report != tt.wantReport {
			t.Errorf("step %d: next(%v) = %d, %v, want %d, %v", i, tt.px, got, report, tt.want, tt.wantReport)
		}
	}
}

// The message is exactly what SPEC section 6 and the README's listener expect.
func TestHeightMessage(t *testing.T) {
	got, err := json.Marshal(heightMessage(913))
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"height":913,"type":"restake-calc:height"}`; string(got) != want {
		t.Errorf("heightMessage(913) = %s, want %s", got, want)
	}
}
