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
	hasPrice := s.Price.Sign() > 0
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	b.WriteString("day")
	for _, sr := range r.Scenarios {
		name := sr.Name
		b.WriteByte(',')
		b.WriteString(csvField(name + " (" + s.Asset + ")"))
		b.WriteByte(',')
		b.WriteString(csvField(name + " expected (" + s.Asset + ")"))
		if hasPrice {
			b.WriteByte(',')
			b.WriteString(csvField(name + " (" + s.Currency + ")"))
			b.WriteByte(',')
			b.WriteString(csvField(name + " expected (" + s.Currency + ")"))
		}
	}
	b.WriteString("\r\n")
	days := 0
	for _, sr := range r.Scenarios {
		days = max(days, len(sr.Series), len(sr.SeriesExpected))
	}
	fiat := newFiatDays(s, r)
	for i := range days {
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
			if hasPrice {
				b.WriteByte(',')
				if nominalOK {
					b.WriteString(FormatFiat(fiat.value(nominal), true))
				}
				b.WriteByte(',')
				if expectedOK {
					b.WriteString(FormatFiat(fiat.value(expected), true))
				}
			}
		}
		b.WriteString("\r\n")
	}
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
