package calc

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/holiman/uint256"
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
	hasPrice bool
	fiat     *fiatDays
	// The day values: a results' series, or every day of both paths as exact integers (two
	// paths × days × 32 bytes a scenario, nothing for a garbage collector to trace), evaluated
	// one scenario per Step.
	results *Results
	raw     [][2][]uint256.Int
	rows    int // day rows in all
	written int // day rows written
	started bool
}

// NewSeriesCSVWriter returns a writer of the day series of r, evaluated from s with
// Options{Series: true}.
func NewSeriesCSVWriter(s Set, r Results) *SeriesCSVWriter {
	rows := 0
	for _, sr := range r.Scenarios {
		rows = max(rows, len(sr.Series), len(sr.SeriesExpected))
	}
	return &SeriesCSVWriter{set: s, results: &r, hasPrice: s.Price.Sign() > 0, rows: rows}
}

// EvaluateSeriesCSV returns a writer of the day series of s that evaluates them itself, one
// scenario per call of Step, and keeps them as exact integers until they are written: what
// [Evaluate] with Options{Series: true} and [SeriesCSV] give, in a fraction of the memory. s must
// be valid (see [Set.Validate]); an invalid s gives its validation errors and no writer.
func EvaluateSeriesCSV(s Set) (*SeriesCSVWriter, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return &SeriesCSVWriter{set: s, raw: make([][2][]uint256.Int, 0, len(s.Scenarios)),
		hasPrice: s.Price.Sign() > 0, rows: s.Days}, nil
}

// Evaluated reports whether every scenario's day values are there to be written.
func (w *SeriesCSVWriter) Evaluated() bool {
	return w.results != nil || len(w.raw) == len(w.set.Scenarios)
}

// Scenarios returns how many scenarios' day values are there to be written.
func (w *SeriesCSVWriter) Scenarios() int {
	if w.results != nil {
		return len(w.results.Scenarios)
	}
	return len(w.raw)
}

// Step evaluates the next scenario's day values, or gives the *FieldError that names it when its
// entry costs use up the amount or its projection exceeds 10^30 asset units: then the file
// cannot be written. Step once Evaluated does nothing.
func (w *SeriesCSVWriter) Step() error {
	if w.Evaluated() {
		return nil
	}
	_, days, err := evaluateScenario(w.set, len(w.raw), runOptions{everyDay: true})
	if err != nil {
		return err
	}
	w.raw = append(w.raw, days)
	return nil
}

// Rows returns the number of day rows the file has, the header not counted.
func (w *SeriesCSVWriter) Rows() int { return w.rows }

// Written returns the number of day rows written so far.
func (w *SeriesCSVWriter) Written() int { return w.written }

// name returns scenario k's name.
func (w *SeriesCSVWriter) name(k int) string {
	if w.results != nil {
		return w.results.Scenarios[k].Name
	}
	return w.set.Scenarios[k].Name
}

// value returns scenario k's value on the nominal (path 0) or expected (path 1) path at row i.
func (w *SeriesCSVWriter) value(k, path, i int) (DayValue, bool) {
	if w.results != nil {
		sr := w.results.Scenarios[k]
		if path == 0 {
			return dayValue(sr.Series, i)
		}
		return dayValue(sr.SeriesExpected, i)
	}
	days := w.raw[k][path]
	if i >= len(days) {
		return DayValue{}, false
	}
	return DayValue{Day: i + 1, Value: fromWei(&days[i])}, true
}

// newFiat returns the fiat conversion of the writer's values: sized, as [newFiatDays] does, by
// the smallest and largest positive value and the last day with a positive value.
func (w *SeriesCSVWriter) newFiat() *fiatDays {
	if w.results != nil {
		return newFiatDays(w.set, *w.results)
	}
	var lowest, highest *uint256.Int
	last := 0 // the last day with a positive value
	for k := range w.raw {
		for _, days := range w.raw[k] {
			for i := range days {
				v := &days[i]
				if v.IsZero() {
					continue
				}
				last = max(last, i+1)
				if lowest == nil || v.Lt(lowest) {
					lowest = v
				}
				if highest == nil || v.Gt(highest) {
					highest = v
				}
			}
		}
	}
	var extremes []DayValue
	for _, v := range []*uint256.Int{lowest, highest} {
		if v != nil {
			extremes = append(extremes, DayValue{Day: last, Value: fromWei(v)})
		}
	}
	return newFiatDays(w.set, Results{Scenarios: []ScenarioResult{{Series: extremes}}})
}

// Next returns the next piece of the file: the byte order mark and the header with up to n day
// rows on the first call, up to n day rows after; nil once everything is written. Next before
// Evaluated panics.
func (w *SeriesCSVWriter) Next(n int) []byte {
	if !w.Evaluated() {
		panic("calc: SeriesCSVWriter.Next before every scenario is evaluated")
	}
	if w.started && w.written >= w.rows {
		return nil
	}
	s := w.set
	scenarios := w.Scenarios()
	var b bytes.Buffer
	if !w.started {
		w.started = true
		w.fiat = w.newFiat()
		b.WriteString("\uFEFF")
		b.WriteString("day")
		for k := range scenarios {
			name := w.name(k)
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
		if w.results != nil && scenarios > 0 && i < len(w.results.Scenarios[0].Series) {
			day = w.results.Scenarios[0].Series[i].Day
		}
		b.WriteString(strconv.Itoa(day))
		for k := range scenarios {
			nominal, nominalOK := w.value(k, 0, i)
			expected, expectedOK := w.value(k, 1, i)
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
