package main

import "testing"

// grossAPRTests are worked by hand: apr = net / (1 − fee/100), to 18 places, half to even.
var grossAPRTests = []struct {
	net, fee string
	gross    string // "" when there is none
}{
	{"2.7", "10", "3"},                  // Lido's published 2.7 % after its 10 % fee: 3 % before
	{"3", "10", "3.333333333333333333"}, // 3.333…, the 19th 3 dropped
	{"2", "25", "2.666666666666666667"}, // 2.666…, the 19th 6 rounds up
	{"3", "", "3"},                      // no fee given: the default, 0
	{"0", "99.5", "0"},                  // nothing after the fee, nothing before
	{"1", "99.999", "100000"},           // 1 / 0.00001
	{"3", "100", ""},                    // nothing is left after a 100 % fee: no way back
	{"abc", "10", ""},                   // not a number
	{"3", "101", ""},                    // not a fee
	{"-1", "10", ""},                    // below 0
	{"0.000000000000000001", "50", "0.000000000000000002"},
}

func TestGrossAPR(t *testing.T) {
	for _, tt := range grossAPRTests {
		got, ok := grossAPR(tt.net, tt.fee)
		if tt.gross == "" {
			if ok {
				t.Errorf("grossAPR(%q, %q) = %v, want none", tt.net, tt.fee, got)
			}
			continue
		}
		if !ok || got.String() != tt.gross {
			t.Errorf("grossAPR(%q, %q) = %v, %v, want %s", tt.net, tt.fee, got, ok, tt.gross)
		}
	}
}

// TestWithAfterFee follows a layer's APR through the edits of its three inputs: the rate after
// the fee writes the APR; the fee changed while it holds works the APR out again; the APR typed
// ends it. The file holds only the APR.
func TestWithAfterFee(t *testing.T) {
	l := draftLayer{aprPct: "3", feePct: "10"}
	typed := l
	typed.aprAfterFee = "2.7"
	l = withAfterFee(l, typed)
	if l.aprPct != "3" || l.aprAfterFee != "2.7" {
		t.Fatalf("after typing 2.7 after a 10 %% fee: apr %q, after fee %q; want 3 and 2.7", l.aprPct, l.aprAfterFee)
	}
	fee := l
	fee.feePct = "25"
	l = withAfterFee(l, fee)
	if l.aprPct != "3.6" {
		t.Errorf("fee 25 %% under 2.7 after the fee: apr %q, want 3.6", l.aprPct)
	}
	bad := l
	bad.aprAfterFee = "2,7"
	if got := withAfterFee(l, bad); got.aprPct != "" {
		t.Errorf("after fee %q: apr %q, want it empty so that nothing is computed from an old rate", bad.aprAfterFee, got.aprPct)
	}
	apr := l
	apr.aprPct = "4"
	l = withAfterFee(l, apr)
	if l.aprAfterFee != "" || l.aprPct != "4" {
		t.Errorf("APR typed: apr %q, after fee %q; want 4 and none", l.aprPct, l.aprAfterFee)
	}
}
