package calc

import (
	"bytes"
	"strconv"
	"strings"
)

// SeriesCSV returns the day series of r, evaluated from s with Options{Series: true} (every day),
// as a CSV file a spreadsheet opens: a UTF-8 byte order mark, then the header
//
//	day,<name> (ETH),<name> expected (ETH),<name> (USD),<name> expected (USD),...
//
// with the set's asset and currency, and one row per day. For each scenario come its nominal and
// expected value in asset units and, only when the set has a price, the same in fiat at the
// price grown to that day ([FiatValue]). Amounts are plain decimals with '.'; lines end in CRLF
// and names are quoted as RFC 4180 asks.
func SeriesCSV(s Set, r Results) []byte {
	w := NewSeriesCSVWriter(s, r)
	var b bytes.Buffer
	for piece := w.Next(w.Rows()); piece != nil; piece = w.Next(w.Rows()) {
		b.Write(piece)
	}
	return b.Bytes()
}

// A SeriesCSVWriter writes [SeriesCSV] in pieces of a few days each, for a caller that must hand
// control back while a century of days is written (a page in a browser). The pieces joined are
// SeriesCSV's bytes.
type SeriesCSVWriter struct {
	set      Set
	results  Results
	hasPrice bool
	fiat     *fiatDays
	rows     int // day rows in all
	written  int // day rows written
	started  bool
}

// NewSeriesCSVWriter returns a writer of the day series of r, evaluated from s with
// Options{Series: true}.
func NewSeriesCSVWriter(s Set, r Results) *SeriesCSVWriter {
	rows := 0
	for _, sr := range r.Scenarios {
		rows = max(rows, len(sr.Series), len(sr.SeriesExpected))
	}
	return &SeriesCSVWriter{set: s, results: r, hasPrice: s.Price.Sign() > 0, rows: rows}
}

// Rows returns the number of day rows the file has, the header not counted.
func (w *SeriesCSVWriter) Rows() int { return w.rows }

// Written returns the number of day rows written so far.
func (w *SeriesCSVWriter) Written() int { return w.written }

// Next returns the next piece of the file: the byte order mark and the header with up to n day
// rows on the first call, up to n day rows after; nil once everything is written.
func (w *SeriesCSVWriter) Next(n int) []byte {
	if w.started && w.written >= w.rows {
		return nil
	}
	s, r := w.set, w.results
	var b bytes.Buffer
	if !w.started {
		w.started = true
		w.fiat = newFiatDays(s, r)
		b.WriteString("\uFEFF")
		b.WriteString("day")
		for _, sr := range r.Scenarios {
			name := sr.Name
			b.WriteByte(',')
			b.WriteString(csvField(name + " (" + s.Asset + ")"))
			b.WriteByte(',')
			b.WriteString(csvField(name + " expected (" + s.Asset + ")"))
			if w.hasPrice {
				b.WriteByte(',')
				b.WriteString(csvField(name + " (" + s.Currency + ")"))
				b.WriteByte(',')
				b.WriteString(csvField(name + " expected (" + s.Currency + ")"))
			}
		}
		b.WriteString("\r\n")
	}
	end := min(w.rows, w.written+max(n, 0))
	for i := w.written; i < end; i++ {
		day := i + 1
		if len(r.Scenarios) > 0 && i < len(r.Scenarios[0].Series) {
			day = r.Scenarios[0].Series[i].Day
		}
		b.WriteString(strconv.Itoa(day))
		for _, sr := range r.Scenarios {
			nominal, nominalOK := dayValue(sr.Series, i)
			expected, expectedOK := dayValue(sr.SeriesExpected, i)
			b.WriteByte(',')
			if nominalOK {
				b.WriteString(FormatAmount(nominal.Value))
			}
			b.WriteByte(',')
			if expectedOK {
				b.WriteString(FormatAmount(expected.Value))
			}
			if w.hasPrice {
				b.WriteByte(',')
				if nominalOK {
					b.WriteString(FormatFiat(w.fiat.value(nominal), true))
				}
				b.WriteByte(',')
				if expectedOK {
					b.WriteString(FormatFiat(w.fiat.value(expected), true))
				}
			}
		}
		b.WriteString("\r\n")
	}
	w.written = end
	return b.Bytes()
}

func dayValue(series []DayValue, i int) (DayValue, bool) {
	if i < len(series) {
		return series[i], true
	}
	return DayValue{}, false
}

// csvField writes a text cell (a name, a header) so that a spreadsheet reads it as the same
// text and never as a formula. A cell that begins with '=', '+', '-', '@', a tab or a carriage
// return gets a single quote in front and is quoted, as OWASP's guidance on CSV injection asks:
// a scenario named =HYPERLINK("http://…") stays text. Other cells are quoted as RFC 4180 asks
// when they hold a comma, a quote, a line break or spaces at either end, quotes doubled.
// Numbers never pass through here: a negative amount stays a number.
func csvField(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return `"'` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	if s == "" || !strings.ContainsAny(s, ",\"\r\n") && strings.TrimSpace(s) == s {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
