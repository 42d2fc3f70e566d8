package calc

import "testing"

var riskOfTests = []struct {
	name   string
	layers string
	want   RiskEntry
	chance bool
}{
	// Absent and 0 read the same: nobody entered a risk.
	{"absent", `{"name":"a","apr":"3"},{"name":"b","apr":"1"}`, RiskNotEntered, false},
	{"written as 0", `{"name":"a","apr":"3","risk_probability":"0","risk_loss":"0"}`, RiskNotEntered, false},
	// One of the two on a layer: the expected path still loses nothing.
	{"a chance without a loss", `{"name":"a","apr":"3","risk_probability":"2"}`, RiskIncomplete, true},
	{"a loss without a chance", `{"name":"a","apr":"3","risk_loss":"50"}`, RiskIncomplete, false},
	// On two layers, one each: still no layer with both.
	{"split over two layers", `{"name":"a","apr":"3","risk_probability":"2"},{"name":"b","apr":"1","risk_loss":"50"}`, RiskIncomplete, true},
	{"both on one layer", `{"name":"a","apr":"3"},{"name":"b","apr":"1","risk_probability":"0.02","risk_loss":"0.2"}`, RiskEntered, true},
}

func TestRiskOf(t *testing.T) {
	for _, tt := range riskOfTests {
		set, err := Parse([]byte(`{"version":1,"amount":"1","days":10,"scenarios":[{"name":"s","layers":[` + tt.layers + `]}]}`))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		sc := set.Scenarios[0]
		if got := RiskOf(sc); got != tt.want {
			t.Errorf("RiskOf(%s) = %v, want %v", tt.name, got, tt.want)
		}
		if got := ChanceEntered(sc); got != tt.chance {
			t.Errorf("ChanceEntered(%s) = %v, want %v", tt.name, got, tt.chance)
		}
	}
}

func TestDiscountEntered(t *testing.T) {
	for _, tt := range []struct {
		scenario string
		want     bool
	}{
		{`"name":"s"`, false},
		{`"name":"s","instant_exit_cost":"0"`, false},
		{`"name":"s","instant_exit_cost":"0.5"`, true},
	} {
		set, err := Parse([]byte(`{"version":1,"amount":"1","days":10,"scenarios":[{` + tt.scenario + `,"layers":[{"name":"a","apr":"1"}]}]}`))
		if err != nil {
			t.Fatal(err)
		}
		if got := DiscountEntered(set.Scenarios[0]); got != tt.want {
			t.Errorf("DiscountEntered({%s}) = %v, want %v", tt.scenario, got, tt.want)
		}
	}
}
