package calc

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// csvTests are worked by hand: the series come from the ledger of SPEC section 3, the fiat from
// value × price × (1 + growth/100)^(day/365), rounded half-even to cents.
var csvTests = []struct {
	name string
	doc  string
	want string // without the byte order mark; "|" stands for CRLF
}{
	{
		// 1 ETH at 36.5% APR earns 0.001 a day; no price: no fiat columns.
		name: "no price",
		doc: `{"version":1,"amount":"1","days":2,"scenarios":[
			{"name":"Lido","layers":[{"name":"L","apr":"36.5"}]}]}`,
		want: "day,Lido (ETH),Lido expected (ETH)|" +
			"1,1.001,1.001|" +
			"2,1.002001,1.002001|",
	},
	{
		// Price 2000, no growth: 1.001 × 2000 = 2002, 1.002001 × 2000 = 2004.002 → 2004.00.
		name: "price, no growth",
		doc: `{"version":1,"amount":"1","price":"2000","currency":"EUR","days":2,"scenarios":[
			{"name":"Lido","layers":[{"name":"L","apr":"36.5"}]}]}`,
		want: "day,Lido (ETH),Lido expected (ETH),Lido (EUR),Lido expected (EUR)|" +
			"1,1.001,1.001,2002.00,2002.00|" +
			"2,1.002001,1.002001,2004.00,2004.00|",
	},
	{
		// Names with a comma and a quote are quoted, quotes doubled; two scenarios side by side.
		// APR 0: the value stays 2. Expected path: 2 × 100% × 36.5% / 3650000 × ... a loss of
		// trunc(2 × 36.5 × 100 / 3650000) = 0.002 a day.
		name: "quoting and risk",
		doc: `{"version":1,"amount":"2","asset":"stETH","days":1,"scenarios":[
			{"name":"A, \"the\" one","layers":[{"name":"L","apr":"0"}]},
			{"name":"B","layers":[{"name":"L","apr":"0","risk_probability":"36.5","risk_loss":"100"}]}]}`,
		want: `day,"A, ""the"" one (stETH)","A, ""the"" one expected (stETH)",B (stETH),B expected (stETH)|` +
			"1,2,2,2,1.998|",
	},
	{
		// A year of 100% price growth doubles the fiat on day 365: 1 × 10 × 2 = 20.
		name: "growth over a year",
		doc: `{"version":1,"amount":"1","price":"10","price_growth":"100","days":365,"scenarios":[
			{"name":"Hold","layers":[{"name":"L","apr":"0"}]}]}`,
		want: "", // checked by its last row below
	},
}

func TestSeriesCSV(t *testing.T) {
	for _, tt := range csvTests {
		s, err := Parse([]byte(tt.doc))
		if err != nil {
			t.Fatalf("%s: Parse = %v", tt.name, err)
		}
		r, err := Evaluate(s, Options{Series: true})
		if err != nil {
			t.Fatalf("%s: Evaluate = %v", tt.name, err)
		}
		got := SeriesCSV(s, r)
		if !bytes.HasPrefix(got, []byte("\uFEFF")) {
			t.Errorf("SeriesCSV(%s) does not start with a UTF-8 byte order mark", tt.name)
		}
		text := strings.ReplaceAll(string(bytes.TrimPrefix(got, []byte("\uFEFF"))), "\r\n", "|")
		if strings.Contains(text, "\n") {
			t.Errorf("SeriesCSV(%s) has a line end that is not CRLF", tt.name)
		}
		if tt.want != "" && text != tt.want {
			t.Errorf("SeriesCSV(%s) = %q, want %q", tt.name, text, tt.want)
		}
		if tt.name == "growth over a year" {
			lines := strings.Split(strings.TrimSuffix(text, "|"), "|")
			if last := lines[len(lines)-1]; last != "365,1,1,20.00,20.00" {
				t.Errorf("SeriesCSV(%s) last row = %q, want %q", tt.name, last, "365,1,1,20.00,20.00")
			}
		}
	}
}

// TestSeriesCSVMatchesTheFigures checks a standard set day by day against the engine: the asset
// columns are the series, the fiat ones FiatValue of them, and the last nominal row is the final
// when nothing is lost on exit.
func TestSeriesCSVMatchesTheFigures(t *testing.T) {
	s, err := Parse([]byte(strings.Replace(standardSetJSON, `"price":"3000"`, `"price":"3000","price_growth":"7.5"`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Evaluate(s, Options{Series: true})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(SeriesCSV(s, r), []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv cannot read SeriesCSV: %v", err)
	}
	if len(rows) != s.Days+1 {
		t.Fatalf("SeriesCSV has %d rows, want %d days and a header", len(rows), s.Days)
	}
	for i, sr := range r.Scenarios {
		for d := 0; d < s.Days; d += 7 {
			row := rows[d+1]
			for k, v := range []string{
				FormatAmount(sr.Series[d].Value),
				FormatAmount(sr.SeriesExpected[d].Value),
				FormatFiat(FiatValue(sr.Series[d].Value, s.Price, s.PriceGrowth, d+1), true),
				FormatFiat(FiatValue(sr.SeriesExpected[d].Value, s.Price, s.PriceGrowth, d+1), true),
			} {
				if got := row[1+4*i+k]; got != v {
					t.Errorf("day %d scenario %d column %d = %q, want %q", d+1, i, k, got, v)
				}
			}
		}
		if got, want := rows[len(rows)-1][1+4*i], FormatAmount(sr.Series[len(sr.Series)-1].Value); got != want {
			t.Errorf("last row, scenario %d = %q, want the series' last value %q", i, got, want)
		}
	}
	// The first scenario has no exit costs: its last nominal value is its final.
	if got, want := rows[len(rows)-1][1], FormatAmount(r.Scenarios[0].Final); got != want {
		t.Errorf("last row, scenario 0 = %q, want its final %q", got, want)
	}
}

// csvFieldTests are text cells a scenario's name can put in the CSV's header. OWASP's guidance
// on CSV injection: a cell that begins with '=', '+', '-', '@', a tab or a carriage return is
// read by spreadsheets as a formula; it gets a single quote in front and is quoted.
var csvFieldTests = []struct {
	in, want string
}{
	{`=HYPERLINK("http://evil.example/","click") (ETH)`, `"'=HYPERLINK(""http://evil.example/"",""click"") (ETH)"`},
	{"=1+1 (ETH)", `"'=1+1 (ETH)"`},
	{"+1+1 (ETH)", `"'+1+1 (ETH)"`},
	{"-2+3 (ETH)", `"'-2+3 (ETH)"`},
	{"-1", `"'-1"`}, // text that looks like a number is still text here
	{"@SUM(1,2) (ETH)", `"'@SUM(1,2) (ETH)"`},
	{"+cmd|' /C calc'!A0", `"'+cmd|' /C calc'!A0"`},
	{"\t=1+1", "\"'\t=1+1\""},
	{"\r=1+1", "\"'\r=1+1\""},
	{"=", `"'="`},
	// Harmless text is left as it was, quoted only where RFC 4180 asks.
	{"Lido (ETH)", "Lido (ETH)"},
	{"a=b (ETH)", "a=b (ETH)"}, // only the first character counts
	{"1+1", "1+1"},
	{`A, "the" one`, `"A, ""the"" one"`},
	{" =1", `" =1"`}, // begins with a space: quoted, read as text
	{"line\nbreak", "\"line\nbreak\""},
	{"", ""},
}

func TestCSVField(t *testing.T) {
	for _, tt := range csvFieldTests {
		if got := csvField(tt.in); got != tt.want {
			t.Errorf("csvField(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestSeriesCSVHostileNames writes scenarios named like formulas: each header cell reads back
// (through encoding/csv) as the name behind a single quote, and no cell begins with a character
// that starts a formula; the day values stay plain numbers, negative ones included.
func TestSeriesCSVHostileNames(t *testing.T) {
	names := []string{`=HYPERLINK("http://evil.example/","click")`, "+1+1", "-2+3", "@SUM(1,2)", "	=1", "Lido"}
	s := Set{Asset: "ETH", Currency: "USD", Price: decimal.RequireFromString("2000")}
	var r Results
	for _, name := range names {
		r.Scenarios = append(r.Scenarios, ScenarioResult{Name: name,
			Series:         []DayValue{{1, decimal.RequireFromString("-1.5")}, {2, decimal.RequireFromString("2.25")}},
			SeriesExpected: []DayValue{{1, decimal.RequireFromString("-0.000000000000000001")}, {2, decimal.RequireFromString("3")}},
		})
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(SeriesCSV(s, r), []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv cannot read SeriesCSV: %v", err)
	}
	for i, name := range names {
		want := name + " (ETH)"
		if name != "Lido" {
			want = "'" + want
		}
		if got := rows[0][1+4*i]; got != want {
			t.Errorf("header of %q = %q, want %q", name, got, want)
		}
	}
	for k, cell := range rows[0] {
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			t.Errorf("header cell %d = %q begins a formula", k, cell)
		}
	}
	for _, row := range rows[1:] {
		for k, cell := range row[1:] {
			if k%4 < 2 && strings.HasPrefix(cell, "'") {
				t.Errorf("day %s, column %d = %q, want a plain number", row[0], k+1, cell)
			}
		}
	}
	if got, want := strings.Join(rows[1][1:3], ","), "-1.5,-0.000000000000000001"; got != want {
		t.Errorf("day 1 of %q = %s, want %s", names[0], got, want)
	}
}

func FuzzSeriesCSV(f *testing.F) {
	f.Add("Lido", "ETH", "USD", "3000")
	f.Add(`a,"b"`, "st,ETH", "€\"", "0")
	f.Add("ünïcödé\r\nname", " x ", "", "1")
	f.Add(`=HYPERLINK("http://evil.example/","click")`, "ETH", "USD", "1")
	f.Add("\r=1", "-", "@", "1")
	f.Fuzz(func(t *testing.T, name, asset, currency, price string) {
		doc := `{"version":1,"amount":"1","days":3,"scenarios":[{"name":` + jsonString(name) +
			`,"layers":[{"name":"L","apr":"5"}]},{"name":"other","layers":[{"name":"L","apr":"1"}]}]` +
			`,"asset":` + jsonString(asset) + `,"currency":` + jsonString(currency) + `,"price":` + jsonString(price) + `}`
		s, err := Parse([]byte(doc))
		if err != nil {
			return
		}
		r, err := Evaluate(s, Options{Series: true})
		if err != nil {
			return
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(SeriesCSV(s, r), []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatalf("encoding/csv cannot read SeriesCSV: %v", err)
		}
		// encoding/csv reads a quoted CRLF as LF. A header that would begin a formula has a
		// single quote in front.
		want := s.Scenarios[0].Name + " (" + s.Asset + ")"
		if strings.ContainsRune("=+-@\t\r", rune(want[0])) {
			want = "'" + want
		}
		want = strings.ReplaceAll(want, "\r\n", "\n")
		if rows[0][1] != want {
			t.Errorf("header = %q, want %q", rows[0][1], want)
		}
		for _, row := range rows {
			for k, cell := range row {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("cell %d = %q begins a formula", k, cell)
				}
			}
		}
		if len(rows) != 4 {
			t.Errorf("%d rows, want 4", len(rows))
		}
	})
}

func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&15])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// BenchmarkSeriesCSVWorst writes the largest CSV the format allows: 6 scenarios, both paths, a
// century of days, with a growing price, so every fiat figure needs a fractional power.
func BenchmarkSeriesCSVWorst(b *testing.B) {
	doc := strings.Replace(worstSetJSON(), `"amount":"1000"`, `"amount":"1000","price":"3000","price_growth":"7.5"`, 1)
	s, err := Parse([]byte(doc))
	if err != nil {
		b.Fatal(err)
	}
	r, err := Evaluate(s, Options{Series: true})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		SeriesCSV(s, r)
	}
}

// TestSeriesCSVV2: the CSV's day values count waiting tokens at the day's price and subtract the
// debt, as worked out by hand in TestSeriesV2.
func TestSeriesCSVV2(t *testing.T) {
	for _, c := range []struct{ doc, want string }{
		{v2doc("10", 4, "", `{"name":"a","apr":"0","reward":{"token":"X","per_year":"36.5","price":"0.5","claim_every":2,"claim_gas":"0.01","sell_cost":"2"}}`),
			"1,10.5,10.5|2,10.97,10.97|3,11.5185,11.5185|4,12.03506,12.03506"},
		{v2doc("1", 4, `{"leverage":"2","borrow_apr":"36.5","liquidation_ltv":"50.05","liquidation_penalty":"5"}`, `{"name":"a","apr":"18.25"}`),
			"1,1,1|2,0.9999995,0.9999995|3,0.9498483492,0.9498483492|4,0.9503232733746,0.9503232733746"},
	} {
		s := parseV2(t, c.doc)
		r, err := Evaluate(s, Options{Series: true})
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(SeriesCSV(s, r), []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, row := range rows[1:] {
			got = append(got, strings.Join(row, ","))
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("SeriesCSV rows = %s, want %s", strings.Join(got, "|"), c.want)
		}
	}
}
