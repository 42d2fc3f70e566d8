package calc

import (
	"strings"
	"testing"
)

// twoLayers returns minimalDoc with two layers named a and b (JSON text, escapes allowed).
func twoLayers(a, b string) string {
	return with(`{"name":"a","apr":"3"}`, `{"name":"`+a+`","apr":"3"},{"name":"`+b+`","apr":"1"}`)
}

var namesTests = []struct {
	name string
	doc  string
	want []string // every error; none for a file that is read
}{
	// Issue 12: Lido, Li<zero-width space>do and LIDO<NUL> are not three layers.
	{"zero-width", twoLayers(`Lido`, `Li\u200Bdo`), []string{
		`scenarios[0].layers[1].name: is already used by layers[0] of this scenario; a layer may appear once per stack (got "Li\u200bdo")`}},
	{"soft hyphen and case", twoLayers(`Lido`, `\u00ADLI\u2060DO\uFEFF`), []string{
		`scenarios[0].layers[1].name: is already used by layers[0] of this scenario; a layer may appear once per stack (got "\u00adLI\u2060DO\ufeff")`}},
	{"nul", twoLayers(`Lido`, `LIDO\u0000`), []string{
		`scenarios[0].layers[1].name: must not contain control characters (U+0000 is character 5) (got "LIDO\x00")`}},
	{"right-to-left override", twoLayers(`Lido`, `Eigen\u202Eyaw`), []string{
		`scenarios[0].layers[1].name: must not contain characters that change the direction of the text (U+202E is character 6) (got "Eigen\u202eyaw")`}},
	{"isolate", twoLayers(`a\u2067b`, `c`), []string{
		`scenarios[0].layers[0].name: must not contain characters that change the direction of the text (U+2067 is character 2) (got "a\u2067b")`}},
	{"mark", twoLayers(`a`, `\u200Fc`), []string{
		`scenarios[0].layers[1].name: must not contain characters that change the direction of the text (U+200F is character 1) (got "\u200fc")`}},
	{"C1 and DEL", with(`"days":30`, `"days":30,"title":"a\u0085b","currency":"U\u007fSD"`), []string{
		`title: must not contain control characters (U+0085 is character 2) (got "a\u0085b")`,
		`currency: must not contain control characters (U+007F is character 2) (got "U\x7fSD")`}},
	{"asset", with(`"days":30`, `"days":30,"asset":"ETH\n"`), []string{
		`asset: must not contain control characters (U+000A is character 4) (got "ETH\n")`}},
	{"tokens", with(`"apr":"3"`, `"apr":"3","accepts":"\tETH","gives":"st\u202DETH","preset":"x\u0007"`), []string{
		`scenarios[0].layers[0].accepts: must not contain control characters (U+0009 is character 1) (got "\tETH")`,
		`scenarios[0].layers[0].gives: must not contain characters that change the direction of the text (U+202D is character 3) (got "st\u202dETH")`,
		`scenarios[0].layers[0].preset: must not contain control characters (U+0007 is character 2) (got "x\a")`}},
	{"reward token", strings.Replace(with(`"apr":"3"`, `"apr":"3","reward":{"token":"EI\u202EGEN","per_year":"1","price":"1","sell":"hold"}`), `"version":1`, `"version":2`, 1), []string{
		`scenarios[0].layers[0].reward.token: must not contain characters that change the direction of the text (U+202E is character 3) (got "EI\u202eGEN")`}},
	{"reward token is the asset, invisibly", strings.Replace(with(`"apr":"3"`, `"apr":"3","reward":{"token":"E\u200Dth","per_year":"1","price":"1","sell":"hold"}`), `"version":1`, `"version":2`, 1), []string{
		`scenarios[0].layers[0].reward.token: must not be ETH, the set's asset: rewards in the asset itself are the layer's apr (got "E\u200dth")`}},
	// A note keeps its lines and tabs, nothing else.
	{"note lines", with(`"apr":"3"`, `"apr":"3","note":"line one\r\n\tline two"`), nil},
	{"note override", with(`"apr":"3"`, `"apr":"3","note":"a\u202Eb"`), []string{
		`scenarios[0].layers[0].note: must not contain characters that change the direction of the text (U+202E is character 2) (got "a\u202eb")`}},
	{"note escape", with(`"name":"x",`, `"name":"x","note":"\u001b[31m",`), []string{
		`scenarios[0].note: must not contain control characters other than line breaks and tabs (U+001B is character 1) (got "\x1b[31m")`}},
	// Text in right-to-left scripts needs no marks: it is read.
	{"hebrew and arabic", twoLayers(`ליקוויד`, `ليدو`), nil},
	// The token chain compares as names do.
	{"chain", with(`{"name":"a","apr":"3"}`, `{"name":"a","gives":"stETH","apr":"3"},{"name":"b","accepts":"ST\u200BETH","apr":"1"}`), nil},
	// Two scenarios may not share a name.
	{"scenario names", with(`]}]}`, `]},{"name":"X\u200C","layers":[{"name":"a","apr":"3"}]}]}`), []string{
		`scenarios[1].name: is already the name of scenarios[0]; each scenario needs a name of its own (got "X\u200c")`}},
	// What was typed is shown as typed, on one line: "<", not "\u003c".
	{"typed", with(`"apr":"3"`, `"apr":"\u003c3","payout":"\u003cb\u003e"`), []string{
		`scenarios[0].layers[0].apr: must be a number between 0 and 1000 (got "<3")`,
		`scenarios[0].layers[0].payout: must be "compound" or "claim" (got "<b>")`}},
	{"typed long", with(`"name":"x"`, `"name":"\u003c`+strings.Repeat("é", 60)+`"`), []string{
		`scenarios[0].name: must be text of 1 to 60 characters (got "<` + strings.Repeat("é", 38) + `…)`}},
	// A field the format does not know is named so that it cannot hide.
	{"unknown name", with(`"days":30`, `"days":30,"\u202Eyad":1`), []string{
		`"\u202eyad": is not a field of this format (known: version, title, amount, asset, price, currency, price_growth, days, scenarios)`}},
}

func TestNames(t *testing.T) {
	for _, tt := range namesTests {
		_, err := Parse([]byte(tt.doc))
		var got []string
		for _, fe := range FieldErrors(err) {
			got = append(got, fe.Error())
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Parse(%s) =\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
		for _, line := range got {
			if strings.ContainsAny(line, "\n\r\u202e\u2067\u200b\x00") {
				t.Errorf("Parse(%s): error %q holds a character it should escape", tt.name, line)
			}
		}
	}
}

var sameNameTests = []struct {
	a, b string
	want bool
}{
	{"Lido", "lido", true},
	{"Lido", "Li\u200bdo", true},
	{"Lido", "L\u00adI\u200dD\u2060O\ufeff", true},
	{"Lido", "Lido ", false},
	{"Lido", "Lid0", false},
	{"Straße", "STRASSE", false}, // simple case folding only
	{"é", "e\u0301", false},      // no normal form: see names.go
	{"ΣΊΣΥΦΟΣ", "σίσυφος", true},
}

func TestSameName(t *testing.T) {
	for _, tt := range sameNameTests {
		if got := SameName(tt.a, tt.b); got != tt.want {
			t.Errorf("SameName(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// A name quoted in another field's error is escaped too (found by FuzzDecodeLink).
func TestNamesInOtherFieldsErrors(t *testing.T) {
	doc := with(`{"name":"a","apr":"3"}`, `{"name":"a","gives":"s\u007ft","apr":"3"},{"name":"b","accepts":"x","apr":"1"}`)
	_, err := Parse([]byte(doc))
	var got []string
	for _, fe := range FieldErrors(err) {
		got = append(got, fe.Error())
	}
	want := []string{
		`scenarios[0].layers[0].gives: must not contain control characters (U+007F is character 2) (got "s\x7ft")`,
		`scenarios[0].layers[1].accepts: must be "s\x7ft", what layers[0] gives, or empty (got "x")`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Parse(bad gives below) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
