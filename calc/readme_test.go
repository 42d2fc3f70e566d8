package calc

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestREADMEFieldTables: the README's tables of the scenario file are the field tables of this
// package, field for field, with the same ranges, units and defaults. When a row changes, the
// failure prints the table the README must hold.
func TestREADMEFieldTables(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []struct {
		name   string
		fields []Field
	}{
		{"set", SetFields()}, {"scenario", ScenarioFields()}, {"layer", LayerFields()},
		{"reward", RewardFields()}, {"loop", LoopFields()},
	} {
		table := markdownTable(part.name, part.fields)
		if !strings.Contains(string(readme), table) {
			t.Errorf("README.md does not hold the %s fields as calc has them; want the table\n%s", part.name, table)
		}
	}
}

// markdownTable writes fields as the README's table of one part of the file.
func markdownTable(part string, fields []Field) string {
	var b strings.Builder
	fmt.Fprintf(&b, "| %s field | on the page | kind | range | unit | default | version |\n", part)
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, f := range fields {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s | %d |\n",
			f.Name(), f.Label(), f.Kind(), rangeText(f), f.Unit(), defaultText(f), f.Version())
	}
	return b.String()
}

func rangeText(f Field) string {
	var s string
	switch f.Kind() {
	case DecimalField:
		min, max, open, hasMax := f.DecimalRange()
		switch {
		case !hasMax:
			s = "at least " + power(min)
		case open:
			s = "more than " + power(min) + ", at most " + power(max)
		default:
			s = power(min) + " – " + power(max)
		}
	case IntField:
		min, max := f.IntRange()
		s = fmt.Sprintf("%d – %d", min, max)
	case ListField:
		min, max := f.IntRange()
		s = fmt.Sprintf("%d – %d items", min, max)
	case TextField:
		switch min, max := f.TextLength(); {
		case max < 0:
			s = "text"
		case min == 0:
			s = fmt.Sprintf("up to %d characters", max)
		default:
			s = fmt.Sprintf("%d – %d characters", min, max)
		}
	case EnumField:
		c := f.Choices()
		s = "`" + strings.Join(c, "` or `") + "`"
	case BoolField:
		s = "true or false"
	case ObjectField:
		s = "an object: see its table"
	}
	if f.rule != "" {
		s += "; " + f.rule
	}
	return s
}

// power writes 10^n for the large round bounds, as the README does.
func power(d decimal.Decimal) string {
	if d.GreaterThanOrEqual(decimal.New(1, 6)) && d.Equal(decimal.New(1, int32(len(d.String())-1))) {
		return fmt.Sprintf("10^%d", len(d.String())-1)
	}
	return d.String()
}

func defaultText(f Field) string {
	switch {
	case f.Required():
		return "required"
	case f.RequiredWhen() != "":
		return "required when " + strings.ReplaceAll(f.RequiredWhen(), `"`, "`")
	case f.Kind() == ObjectField:
		return "none"
	case f.Kind() == TextField:
		return fmt.Sprintf("%q", f.Default())
	case f.Kind() == EnumField:
		return "`" + f.Default() + "`"
	}
	return f.Default()
}
