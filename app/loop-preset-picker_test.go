package main

import (
	"testing"

	"restakecalc/calc"
)

// A loop preset fills the scenario's loop inputs with the text that, written into the scenario
// file and read by the engine, is the preset's loop; a layer preset paid in tokens fills the
// reward's inputs the same way.
func TestPresetsFillALoopAndAReward(t *testing.T) {
	lib, err := shippedLibrary()
	if err != nil {
		t.Fatal(err)
	}
	for _, lp := range lib.Loops {
		d := draftFromSet(defaultSet())
		s := d.scenarios[0]
		s.loop = presetDraftLoop(lp)
		d = d.withScenario(0, s)
		set, err := calc.Parse(d.scenarioFile())
		if err != nil {
			t.Errorf("loop %s: Parse = %v", lp.ID, err)
			continue
		}
		got := set.Scenarios[0].Loop
		if got == nil || !got.Leverage.Equal(lp.Loop.Leverage) || !got.BorrowAPR.Equal(lp.Loop.BorrowAPR) ||
			!got.LiquidationLTV.Equal(lp.Loop.LiquidationLTV) || !got.LiquidationPenalty.Equal(lp.Loop.LiquidationPenalty) ||
			!got.EntryCost.Equal(lp.Loop.EntryCost) {
			t.Errorf("loop %s: the file holds %+v, want %+v", lp.ID, got, lp.Loop)
		}
	}
	for _, pr := range lib.Presets {
		if pr.Base.Reward == nil {
			continue
		}
		d := draftFromSet(defaultSet())
		s := d.scenarios[1]
		l := presetDraftLayer(s.layers[1], pr, mustDecimal("2"))
		l.accepts = ""
		d = d.withScenario(1, s.withLayer(1, l))
		set, err := calc.Parse(d.scenarioFile())
		if err != nil {
			t.Errorf("preset %s: Parse = %v", pr.ID, err)
			continue
		}
		got, want := set.Scenarios[1].Layers[1].Reward, pr.Base.Reward
		if got == nil || got.Token != want.Token || !got.PerYear.Equal(want.PerYear) || !got.Price.Equal(want.Price) ||
			got.Sell != want.Sell || got.ClaimEvery != want.ClaimEvery {
			t.Errorf("preset %s: the file's reward is %+v, want %+v", pr.ID, got, want)
		}
	}
}
