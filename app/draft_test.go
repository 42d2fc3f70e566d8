//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"restakecalc/calc"
)

// scenarioFileTests edit the default draft as a user would and say what the scenario file must
// hold and which fields the engine must then name; wantPaths nil means the file is valid.
var scenarioFileTests = []struct {
	name      string
	edit      func(d *draftSet)
	wantJSON  []string // pieces the file must contain
	wantPaths []string // the engine's error paths, sorted
}{
	// Valid input.
	{"defaults", func(d *draftSet) {}, []string{`"days":3650`, `"amount":"32"`}, nil},
	{"digits become a JSON number", func(d *draftSet) { d.days = "365" }, []string{`"days":365`}, nil},
	{"leading zeros are dropped, JSON forbids them", func(d *draftSet) { d.days = "0365" }, []string{`"days":365`}, nil},
	{"spaces around a number are dropped", func(d *draftSet) { d.days = " 30 "; d.amount = " 1.5\t" },
		[]string{`"days":30`, `"amount":"1.5"`}, nil},
	{"decimals travel as typed text", func(d *draftSet) { d.amount = "0.000000000000000001" },
		[]string{`"amount":"0.000000000000000001"`}, nil},
	{"an empty optional field is left out", func(d *draftSet) { d.scenarios[0].layers[0].feePct = "" },
		[]string{`"name":"Lido","accepts":"ETH","gives":"stETH","apr":"3.2","entry_gas"`}, nil},
	{"an empty asset takes the default", func(d *draftSet) { d.asset = ""; d.scenarios[0].layers[0].accepts = "" },
		nil, nil},
	{"a negative price change", func(d *draftSet) { d.priceGrowthPct = "-5" }, []string{`"price_growth":"-5"`}, nil},
	{"quotes and markup in a name are escaped, not interpreted", func(d *draftSet) { d.scenarios[0].name = `He said "hi" <b>&` },
		[]string{`"name":"He said \"hi\" <b>&"`}, nil},
	{"claim settings stay out while rewards compound", func(d *draftSet) {
		l := &d.scenarios[1].layers[1]
		l.claim, l.claimEveryDays = false, "not a number"
	}, nil, nil},
	{"reinvest false travels with claims", func(d *draftSet) {}, []string{`"payout":"claim","claim_every":90,"claim_gas":"0.002","reinvest":false`}, nil},

	// Invalid input: the engine names the field.
	{"a comma in a whole number", func(d *draftSet) { d.days = "3,650" }, []string{`"days":"3,650"`}, []string{"days"}},
	{"an exponent in a whole number", func(d *draftSet) { d.days = "1e3" }, []string{`"days":"1e3"`}, []string{"days"}},
	{"a negative whole number", func(d *draftSet) { d.scenarios[0].layers[0].withdrawDays = "-5" }, nil,
		[]string{"scenarios[0].layers[0].withdraw_days"}},
	{"a huge whole number", func(d *draftSet) { d.days = "99999999999999999999999" }, nil, []string{"days"}},
	{"letters in a rate", func(d *draftSet) { d.scenarios[1].layers[0].aprPct = "abc" }, []string{`"apr":"abc"`},
		[]string{"scenarios[1].layers[0].apr"}},
	{"an empty required amount", func(d *draftSet) { d.amount = "" }, nil, []string{"amount"}},
	{"an empty horizon", func(d *draftSet) { d.days = "  " }, nil, []string{"days"}},
	{"an empty layer name", func(d *draftSet) { d.scenarios[2].layers[1].name = "" }, nil,
		[]string{"scenarios[2].layers[1].name"}},
	{"claims need their interval", func(d *draftSet) { d.scenarios[1].layers[1].claimEveryDays = "" }, nil,
		[]string{"scenarios[1].layers[1].claim_every"}},
	{"every problem is reported", func(d *draftSet) {
		d.amount = "-1"
		d.scenarios[0].layers[0].feePct = "101"
		d.scenarios[2].layers[0].riskLossPct = "x"
	}, nil, []string{"amount", "scenarios[0].layers[0].fee", "scenarios[2].layers[0].risk_loss"}},
	{"a token that does not follow the layer below", func(d *draftSet) { d.scenarios[1].layers[1].accepts = "weETH" }, nil,
		[]string{"scenarios[1].layers[1].accepts"}},
}

func TestScenarioFile(t *testing.T) {
	for _, tt := range scenarioFileTests {
		d := draftFromSet(defaultSet())
		tt.edit(&d)
		file := d.scenarioFile()
		for _, want := range tt.wantJSON {
			if !bytes.Contains(file, []byte(want)) {
				t.Errorf("%s: scenarioFile() = %s, want it to contain %s", tt.name, file, want)
			}
		}
		_, err := calc.Parse(file)
		var paths []string
		for _, fe := range calc.FieldErrors(err) {
			paths = append(paths, fe.Path)
		}
		if err != nil && len(paths) == 0 {
			t.Errorf("%s: Parse(%s) = %v, want field errors only", tt.name, file, err)
		}
		slices.Sort(paths)
		if !slices.Equal(paths, tt.wantPaths) {
			t.Errorf("%s: Parse(scenarioFile()) error paths = %q, want %q (error: %v)", tt.name, paths, tt.wantPaths, err)
		}
	}
}

// TestDraftRoundTrip checks that a set survives draftFromSet and scenarioFile unchanged: the
// defaults and every golden scenario file the engine is tested with.
func TestDraftRoundTrip(t *testing.T) {
	sets := map[string]calc.Set{"defaultSet": defaultSet()}
	files, _ := filepath.Glob("../calc/testdata/golden/*.json")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s, err := calc.Parse(data)
		if err != nil {
			t.Fatalf("Parse(%s) = %v", f, err)
		}
		sets[filepath.Base(f)] = s
	}
	for name, s := range sets {
		want, err := s.MarshalJSON()
		if err != nil {
			t.Fatalf("%s: MarshalJSON() = %v", name, err)
		}
		file := draftFromSet(s).scenarioFile()
		back, err := calc.Parse(file)
		if err != nil {
			t.Errorf("%s: Parse(draftFromSet(s).scenarioFile()) = %v\nfile: %s", name, err, file)
			continue
		}
		got, _ := back.MarshalJSON()
		if !bytes.Equal(got, want) {
			t.Errorf("%s: round trip = %s, want %s", name, got, want)
		}
	}
	if len(sets) < 2 {
		t.Log("no golden files found in ../calc/testdata/golden: only the defaults were checked")
	}
}

// TestDefaultSetIsValid keeps the page's opening figures honest: they must pass the engine's
// checks and tell the story the page promises (staking, restaking, multistaking).
func TestDefaultSetIsValid(t *testing.T) {
	s := defaultSet()
	if err := s.Validate(); err != nil {
		t.Fatalf("defaultSet().Validate() = %v", err)
	}
	var kinds []calc.Kind
	for _, sc := range s.Scenarios {
		kinds = append(kinds, calc.KindOf(len(sc.Layers)))
	}
	want := []calc.Kind{calc.Staking, calc.Restaking, calc.Multistaking}
	if !slices.Equal(kinds, want) {
		t.Errorf("defaultSet() kinds = %v, want %v", kinds, want)
	}
}

func scenarioNamesOf(d draftSet) string {
	return strings.Join(scenarioNames(d.scenarios), ",")
}

func layerNamesOf(s draftScenario) string {
	var names []string
	for _, l := range s.layers {
		names = append(names, l.name)
	}
	return strings.Join(names, ",")
}

var scenarioEditTests = []struct {
	name string
	edit func(d draftSet) draftSet
	want string // scenario names after the edit
}{
	{"add", func(d draftSet) draftSet { return d.addScenario() }, "Staking,Restaking,Multistaking,Scenario 4"},
	{"duplicate the first", func(d draftSet) draftSet { return d.duplicateScenario(0) }, "Staking,Staking (copy),Restaking,Multistaking"},
	{"duplicate twice", func(d draftSet) draftSet { return d.duplicateScenario(0).duplicateScenario(0) },
		"Staking,Staking (copy) 2,Staking (copy),Restaking,Multistaking"},
	{"remove the middle", func(d draftSet) draftSet { return d.removeScenario(1) }, "Staking,Multistaking"},
	{"the last scenario stays", func(d draftSet) draftSet { return d.removeScenario(0).removeScenario(0).removeScenario(0) }, "Multistaking"},
	{"move right", func(d draftSet) draftSet { return d.moveScenario(0, 1) }, "Restaking,Staking,Multistaking"},
	{"move first to last", func(d draftSet) draftSet { return d.moveScenario(0, 2) }, "Restaking,Multistaking,Staking"},
	{"move last to first", func(d draftSet) draftSet { return d.moveScenario(2, 0) }, "Multistaking,Staking,Restaking"},
	{"move past the end does nothing", func(d draftSet) draftSet { return d.moveScenario(2, 3) }, "Staking,Restaking,Multistaking"},
	{"no more than six", func(d draftSet) draftSet {
		for range 10 {
			d = d.addScenario()
		}
		return d
	}, "Staking,Restaking,Multistaking,Scenario 4,Scenario 5,Scenario 6"},
}

func TestScenarioEdits(t *testing.T) {
	for _, tt := range scenarioEditTests {
		d := draftFromSet(defaultSet())
		before := scenarioNamesOf(d)
		got := tt.edit(d)
		if names := scenarioNamesOf(got); names != tt.want {
			t.Errorf("%s: scenarios = %s, want %s", tt.name, names, tt.want)
		}
		if after := scenarioNamesOf(d); after != before {
			t.Errorf("%s: the edit changed the original draft to %s", tt.name, after)
		}
		if _, err := calc.Parse(got.scenarioFile()); err != nil {
			t.Errorf("%s: the edited draft is not valid: %v", tt.name, err)
		}
	}
}

var layerEditTests = []struct {
	name string
	edit func(s draftScenario) draftScenario
	want string // layer names after the edit, bottom first
}{
	{"add on top", func(s draftScenario) draftScenario { return s.addLayer() }, "ether.fi,Aave,Points,Layer 4"},
	{"remove the bottom", func(s draftScenario) draftScenario { return s.removeLayer(0) }, "Aave,Points"},
	{"the last layer stays", func(s draftScenario) draftScenario { return s.removeLayer(0).removeLayer(0).removeLayer(0) }, "Points"},
	{"move up", func(s draftScenario) draftScenario { return s.moveLayer(1, 0) }, "Aave,ether.fi,Points"},
	{"move down", func(s draftScenario) draftScenario { return s.moveLayer(1, 2) }, "ether.fi,Points,Aave"},
	{"move below the bottom does nothing", func(s draftScenario) draftScenario { return s.moveLayer(0, -1) }, "ether.fi,Aave,Points"},
	{"no more than eight", func(s draftScenario) draftScenario {
		for range 10 {
			s = s.addLayer()
		}
		return s
	}, "ether.fi,Aave,Points,Layer 4,Layer 5,Layer 6,Layer 7,Layer 8"},
}

func TestLayerEdits(t *testing.T) {
	for _, tt := range layerEditTests {
		d := draftFromSet(defaultSet())
		s := d.scenarios[2]
		before := layerNamesOf(s)
		got := tt.edit(s)
		if names := layerNamesOf(got); names != tt.want {
			t.Errorf("%s: layers = %s, want %s", tt.name, names, tt.want)
		}
		if after := layerNamesOf(s); after != before {
			t.Errorf("%s: the edit changed the original scenario to %s", tt.name, after)
		}
	}
}

// TestAddedLayerTakesWhatTheLayerBelowGives keeps a new layer valid under the usage uniqueness
// control: it accepts the token the layer below gives.
func TestAddedLayerTakesWhatTheLayerBelowGives(t *testing.T) {
	s := draftFromSet(defaultSet()).scenarios[1].addLayer()
	if got := s.layers[2].accepts; got != "EL-stETH" {
		t.Errorf("addLayer().accepts = %q, want %q", got, "EL-stETH")
	}
}

// rewardPerYearTests convert an APR at today's price into tokens a year, SPEC section 8.1:
// per_year = apr / 100 / price, rounded half to even to 18 places, worked out by hand.
var rewardPerYearTests = []struct {
	apr, price string
	want       string // "" for an error
}{
	{"5", "0.0003", "166.666666666666666667"},            // 0.05 / 0.0003 = 166.6…, rounded up
	{"12", "0.0004", "300"},                              // exact
	{"1", "3", "0.003333333333333333"},                   // 0.01 / 3 = 0.00333…, rounded down
	{"0.000000000000000005", "1", "0"},                   // 5e-20: below half a step
	{"0.00000000000000015", "1", "0.000000000000000002"}, // 1.5e-18: a tie, to the even 2e-18
	{"0.00000000000000025", "1", "0.000000000000000002"}, // 2.5e-18: a tie, to the even 2e-18
	{"0", "0.5", "0"},
	{"5", "0", ""},   // no price: an APR cannot be turned into tokens
	{"5", "", ""},    // likewise
	{"-1", "1", ""},  // a negative rate
	{"abc", "1", ""}, // not a number
}

func TestRewardPerYear(t *testing.T) {
	for _, tt := range rewardPerYearTests {
		got, err := rewardPerYear(tt.apr, tt.price)
		if tt.want == "" {
			if err == nil {
				t.Errorf("rewardPerYear(%q, %q) = %q, want an error", tt.apr, tt.price, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("rewardPerYear(%q, %q) = %q, %v, want %q", tt.apr, tt.price, got, err, tt.want)
		}
	}
	// Shown both ways: the APR worked out from the tokens a year and the price.
	if got := rewardAPR("40", "0.0003"); got != "1.2" {
		t.Errorf("rewardAPR(40, 0.0003) = %q, want 1.2", got)
	}
}
