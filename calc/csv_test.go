package calc

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
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

func FuzzSeriesCSV(f *testing.F) {
	f.Add("Lido", "ETH", "USD", "3000")
	f.Add(`a,"b"`, "st,ETH", "€\"", "0")
	f.Add("ünïcödé\r\nname", " x ", "", "1")
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
		// encoding/csv reads a quoted CRLF as LF.
		want := strings.ReplaceAll(s.Scenarios[0].Name+" ("+s.Asset+")", "\r\n", "\n")
		if rows[0][1] != want {
			t.Errorf("header = %q, want %q", rows[0][1], want)
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
