package calc

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

const minimalDoc = `{"version":1,"amount":"1","days":30,"scenarios":[{"name":"x","layers":[{"name":"a","apr":"3"}]}]}`

// with returns minimalDoc with old replaced by new, once.
func with(old, new string) string { return strings.Replace(minimalDoc, old, new, 1) }

var parseValidTests = []struct {
	name  string
	doc   string
	check func(Set) bool
}{
	// Defaults.
	{"defaults", minimalDoc, func(s Set) bool {
		l := s.Scenarios[0].Layers[0]
		return s.Asset == "ETH" && s.Currency == "USD" && s.Price.IsZero() && l.Payout == Compound && l.Reinvest
	}},
	// Decimals as numbers are read from their text, not through float64.
	{"number exact", with(`"amount":"1"`, `"amount":0.300000000000000001`),
		func(s Set) bool { return s.Amount.String() == "0.300000000000000001" }},
	{"exponent", with(`"amount":"1"`, `"amount":"1e15"`),
		func(s Set) bool { return s.Amount.Equal(decimal.New(1, 15)) }},
	{"trailing zeros beyond 18 places", with(`"amount":"1"`, `"amount":"1.50000000000000000000"`),
		func(s Set) bool { return s.Amount.String() == "1.5" }},
	// null means not given.
	{"null optional", with(`"days":30`, `"days":30,"title":null`), func(s Set) bool { return s.Title == "" }},
	// Token chain: empty sides are not checked; case does not matter.
	{"token chain", with(`{"name":"a","apr":"3"}`, `{"name":"a","accepts":"eth","gives":"stETH","apr":"3"},{"name":"b","apr":"1"},{"name":"c","accepts":"X","apr":"1"}`),
		func(s Set) bool { return len(s.Scenarios[0].Layers) == 3 }},
	{"claim", with(`"apr":"3"`, `"apr":"3","payout":"claim","claim_every":7,"reinvest":false`),
		func(s Set) bool {
			l := s.Scenarios[0].Layers[0]
			return l.Payout == Claim && l.ClaimEvery == 7 && !l.Reinvest
		}},
	{"unicode names count characters", with(`"name":"x"`, `"name":"`+strings.Repeat("é", 60)+`"`),
		func(s Set) bool { return len([]rune(s.Scenarios[0].Name)) == 60 }},
}

func TestParseValid(t *testing.T) {
	for _, tt := range parseValidTests {
		s, err := Parse([]byte(tt.doc))
		if err != nil || !tt.check(s) {
			t.Errorf("Parse(%s) = %+v, %v", tt.name, s, err)
		}
	}
}

var parseInvalidTests = []struct {
	name string
	doc  string
	want []string // every error, as Error() writes it
}{
	// Not a scenario file at all.
	{"empty", ``, []string{"the scenario file is empty"}},
	{"syntax", "{\"version\":1,\n\"amount\":}", []string{`not valid JSON at line 2, column 10: invalid character '}' looking for beginning of value`}},
	{"not an object", `[1]`, []string{`the document must be a JSON object (got a list)`}},
	// Types, quoting the input.
	{"apr text", with(`"apr":"3"`, `"apr":"abc"`), []string{`scenarios[0].layers[0].apr: must be a number between 0 and 1000 (got "abc")`}},
	{"days as text", with(`"days":30`, `"days":"30"`), []string{`days: must be a whole number between 1 and 36500 (got "30")`}},
	{"days fraction", with(`"days":30`, `"days":30.5`), []string{`days: must be a whole number between 1 and 36500 (got 30.5)`}},
	{"reinvest", with(`"apr":"3"`, `"apr":"3","reinvest":"yes"`), []string{`scenarios[0].layers[0].reinvest: must be true or false (got "yes")`}},
	{"huge exponent", with(`"amount":"1"`, `"amount":1e999999999`), []string{`amount: must be a number greater than 0 and at most 1000000000000000 (got 1e999999999)`}},
	{"plus sign", with(`"amount":"1"`, `"amount":"+1"`), []string{`amount: must be a number greater than 0 and at most 1000000000000000 (got "+1")`}},
	// Ranges.
	{"apr too high", with(`"apr":"3"`, `"apr":"1000.5"`), []string{`scenarios[0].layers[0].apr: must be between 0 and 1000 (got "1000.5")`}},
	{"zero amount", with(`"amount":"1"`, `"amount":0`), []string{`amount: must be greater than 0 and at most 1000000000000000 (got 0)`}},
	{"19 places", with(`"amount":"1"`, `"amount":0.1000000000000000055`), []string{`amount: must have at most 18 decimal places (got 0.1000000000000000055)`}},
	{"negative gas", with(`"apr":"3"`, `"apr":"3","exit_gas":"-1"`), []string{`scenarios[0].layers[0].exit_gas: must be at least 0 (got "-1")`}},
	{"version", with(`"version":1`, `"version":3`), []string{`version: must be a whole number between 1 and 2 (got 3)`}},
	{"claim without interval", with(`"apr":"3"`, `"apr":"3","payout":"claim"`),
		[]string{`scenarios[0].layers[0].claim_every: is required when payout is "claim": a whole number between 1 and 36500`}},
	{"payout", with(`"apr":"3"`, `"apr":"3","payout":"daily"`), []string{`scenarios[0].layers[0].payout: must be "compound" or "claim" (got "daily")`}},
	{"long title", with(`"days":30`, `"days":30,"title":"`+strings.Repeat("x", 81)+`"`), []string{`title: must be text of at most 80 characters (got "` + strings.Repeat("x", 39) + `…)`}},
	{"no scenarios", with(`"scenarios":[{"name":"x","layers":[{"name":"a","apr":"3"}]}]`, `"scenarios":[]`), []string{`scenarios: must have 1 to 6 scenarios (got 0)`}},
	// Shape.
	{"unknown field", with(`"days":30`, `"days":30,"horizon":3`), []string{`horizon: is not a field of this format (known: version, title, amount, asset, price, currency, price_growth, days, scenarios)`}},
	{"repeated field", with(`"days":30`, `"days":30,"days":31`), []string{`days: appears twice; a field may be given once`}},
	{"missing", `{"version":1,"scenarios":[{"layers":[{}]}]}`, []string{
		`amount: is required`, `days: is required`, `scenarios[0].name: is required`,
		`scenarios[0].layers[0].name: is required`, `scenarios[0].layers[0].apr: is required`}},
	// Usage uniqueness control.
	{"bottom accepts", with(`"apr":"3"`, `"apr":"3","accepts":"stETH"`), []string{`scenarios[0].layers[0].accepts: must be ETH, the asset the set starts with, or empty (got "stETH")`}},
	{"double use", with(`{"name":"a","apr":"3"}`, `{"name":"Lido","apr":"3"},{"name":"lido","apr":"1"}`),
		[]string{`scenarios[0].layers[1].name: is already used by layers[0] of this scenario; a layer may appear once per stack (got "lido")`}},
	// Every problem at once, each with its own path.
	{"all at once", `{"version":1,"amount":"-1","days":0,"scenarios":[{"name":"x","layers":[{"name":"a","apr":"abc","fee":"101"},{"name":"A","apr":"1"}]}]}`,
		[]string{`scenarios[0].layers[0].apr: must be a number between 0 and 1000 (got "abc")`,
			`amount: must be greater than 0 and at most 1000000000000000 (got "-1")`,
			`days: must be a whole number between 1 and 36500 (got 0)`,
			`scenarios[0].layers[0].fee: must be between 0 and 100 (got "101")`,
			`scenarios[0].layers[1].name: is already used by layers[0] of this scenario; a layer may appear once per stack (got "A")`}},
}

func TestParseInvalid(t *testing.T) {
	for _, tt := range parseInvalidTests {
		_, err := Parse([]byte(tt.doc))
		var got []string
		for _, fe := range FieldErrors(err) {
			got = append(got, fe.Error())
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("Parse(%s) =\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// TestMarshalRoundTrip: writing a set and reading it back gives the same set, for every file
// the tests know.
func TestMarshalRoundTrip(t *testing.T) {
	docs := []string{minimalDoc, standardSetJSON, worstSetJSON()}
	for _, tt := range ledgerTests {
		docs = append(docs, tt.doc)
	}
	for _, tt := range parseValidTests {
		docs = append(docs, tt.doc)
	}
	for _, d := range docs {
		s, err := Parse([]byte(d))
		if err != nil {
			continue
		}
		roundTrip(t, s)
	}
}

func roundTrip(t *testing.T, s Set) {
	t.Helper()
	b, err := s.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON = %v", err)
	}
	s2, err := Parse(b)
	if err != nil {
		t.Fatalf("Parse(MarshalJSON(%+v)) = %v\n%s", s, err, b)
	}
	b2, _ := s2.MarshalJSON()
	if string(b) != string(b2) {
		t.Fatalf("MarshalJSON(Parse(%s)) = %s", b, b2)
	}
}

// FuzzParse: no document makes Parse panic; a document that parses, written back and parsed
// again, gives the same set and the same results.
func FuzzParse(f *testing.F) {
	f.Add(minimalDoc)
	f.Add(standardSetJSON)
	for _, tt := range ledgerTests {
		f.Add(tt.doc)
	}
	for _, tt := range parseInvalidTests {
		f.Add(tt.doc)
	}
	for _, doc := range fuzzSeeds() {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		s, err := Parse([]byte(doc))
		if err != nil {
			fes := FieldErrors(err)
			if len(fes) == 0 {
				t.Fatalf("Parse(%q) error %v has no FieldError", doc, err)
			}
			checkErrorList(t, doc, fes)
			return
		}
		b, _ := s.MarshalJSON()
		s2, err := Parse(b)
		if err != nil {
			t.Fatalf("Parse(MarshalJSON) = %v\n%s", err, b)
		}
		if s.Days > 2000 { // keep each fuzz run short
			return
		}
		r1, err1 := Evaluate(s, Options{})
		r2, err2 := Evaluate(s2, Options{})
		j1, _ := r1.MarshalJSON()
		j2, _ := r2.MarshalJSON()
		if string(j1) != string(j2) || (err1 == nil) != (err2 == nil) {
			t.Fatalf("results differ after a round trip:\n%s %v\n%s %v", j1, err1, j2, err2)
		}
	})
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"0", "-0", "3.2", "1e15", "1E-18", "00.5", ".5", "5.", "+1", "1e61", "--1", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDecimal(s)
		if err != nil {
			return
		}
		d2, err := ParseDecimal(d.String())
		if err != nil || !d2.Equal(d) {
			t.Fatalf("ParseDecimal(%q) = %s, which reads back as %s, %v", s, d, d2, err)
		}
	})
}

// fuzzSeeds are the documents of the version 2, names, encoding and screenful tests, and
// hostile ones: the fuzzers start from every kind of field and every kind of trouble.
func fuzzSeeds() []string {
	var docs []string
	for _, tt := range parseV2ValidTests {
		docs = append(docs, tt.doc)
	}
	for _, tt := range parseV2InvalidTests {
		docs = append(docs, tt.doc)
	}
	for _, tt := range namesTests {
		docs = append(docs, tt.doc)
	}
	for _, tt := range fileEncodingTests {
		docs = append(docs, tt.doc)
	}
	docs = append(docs, goalSeekDoc, problemsDoc(2), repeatedKeys(300), unknownKeys(300),
		`{"version":2,"amount":"1","days":1,"scenarios":[{"name":"x","loop":{"leverage":"1","borrow_apr":"0","liquidation_ltv":"100"},"layers":[{"name":"a","apr":"0","reward":{"token":"T","per_year":"0","price":"0","sell":"hold"}}]}]}`,
		`{"version":1,"amount":"1","days":1,"scenarios":[`+strings.Repeat(`{"name":"x","layers":[{}]},`, 10)+`{}]}`,
		strings.Repeat("[", 2000)+strings.Repeat("]", 2000))
	return docs
}

// checkErrorList checks what every error list must be: a screenful, ending with how many more
// there are when it is cut short, each error one line without the characters that could turn the
// page's text around.
func checkErrorList(t *testing.T, doc string, fes []*FieldError) {
	t.Helper()
	if len(fes) > MaxListedErrors+1 || (len(fes) == MaxListedErrors+1 && fes[MaxListedErrors].More == 0) {
		t.Fatalf("Parse(%q) listed %d errors", doc, len(fes))
	}
	for _, fe := range fes {
		if e := fe.Error(); len(e) > 1000 || strings.ContainsFunc(e, func(r rune) bool {
			return controlCharacter(r) || directionCharacter(r)
		}) {
			t.Fatalf("Parse(%q): error %q is long or holds a control or direction character", doc, e)
		}
	}
}
