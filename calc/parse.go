package calc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// byteOrderMark is UTF-8's byte-order mark, which some editors write at the start of a file.
const byteOrderMark = "\uFEFF"

// maxLiteralLen bounds the text of one number, so that "1e999999999" or a megabyte of digits is
// refused before any arithmetic is spent on it.
const (
	maxLiteralLen  = 100
	maxExponentAbs = 60
)

// Parse reads a scenario file (JSON, version 1 or 2, UTF-8 with or without a byte-order mark) and
// checks it. Decimal fields take a JSON string ("3.2") or a JSON number (3.2), read from their
// text, never through float64; unknown and repeated fields are refused, and so is text that is
// not UTF-8. The error joins one *FieldError per problem found, each quoting the input: at most
// [MaxListedErrors] of them, then one whose More says how many were left out.
func Parse(data []byte) (Set, error) {
	data = bytes.TrimPrefix(data, []byte(byteOrderMark))
	var p parser
	set := p.set(data)
	if p.failed || p.stopped {
		return Set{}, listed(p.errs, p.stopped)
	}
	err := set.Validate()
	for _, fe := range FieldErrors(err) {
		if p.seen(fe.Path) {
			continue // the field's own reading already said what is wrong with it
		}
		if raw, ok := p.raw[fe.Path]; ok {
			fe.Got = quoteGot(raw)
		}
		p.errs = append(p.errs, fe)
	}
	if len(p.errs) > 0 {
		return Set{}, listed(p.errs, false)
	}
	return set, nil
}

// parser collects the errors of one document and the raw text of every field it read.
type parser struct {
	errs    []error
	bad     map[string]bool   // paths with an error of their own
	raw     map[string]string // path -> JSON text as written
	failed  bool              // the document's shape is broken beyond field errors
	stopped bool              // maxProblems were found: the rest is not read
}

func (p *parser) fail(path, got, format string, args ...any) {
	p.errs = append(p.errs, fieldErr(path, got, format, args...))
	p.stopped = p.stopped || len(p.errs) >= maxProblems
	if p.bad == nil {
		p.bad = map[string]bool{}
	}
	p.bad[path] = true
}

func (p *parser) seen(path string) bool { return p.bad[path] }

// keep notes a field's input for the errors the checks find later: text as [quoteText] shows
// it, a number as written.
func (p *parser) keep(path string, raw json.RawMessage) {
	if p.raw == nil {
		p.raw = map[string]string{}
	}
	p.raw[path] = abbreviate(raw)
}

func (p *parser) set(data []byte) Set {
	if err := checkSyntax(data); err != nil {
		p.errs = append(p.errs, err)
		p.failed = true
		return Set{}
	}
	var s Set
	setDefaults(setRows, &s)
	if !readObject(p, "", data, setRows, &s) {
		p.failed = true
	}
	return s
}

// readObject reads a JSON object's members into x through the rows of its table, and reports
// whether data was an object at all. Missing required fields, unknown fields and each field's
// own problems are collected in p.
func readObject[P any](p *parser, path string, data []byte, rows []row[P], x P) bool {
	fields, ok := p.object(path, data)
	if !ok || p.stopped {
		return ok
	}
	p.required(path, fields, requiredNames(rows)...)
	for _, f := range fields {
		if p.stopped {
			return true
		}
		fpath := join(path, readableName(f.name))
		r := rowNamed(rows, f.name)
		if r == nil {
			p.unknown(fpath, fieldNames(rows))
			continue
		}
		r.readValue(p, fpath, f.value, x)
	}
	return true
}

// readValue reads one field's JSON value into x.
func (r *row[P]) readValue(p *parser, path string, raw json.RawMessage, x P) {
	switch r.kind {
	case DecimalField:
		*r.decimalOf(x) = p.decimal(path, raw, r.dec)
	case IntField:
		*r.intOf(x) = p.integer(path, raw, r.ints)
	case TextField:
		*r.textOf(x) = p.text(path, raw, r.text)
	case EnumField:
		// A value that is not a choice is kept, so that the checks that depend on it (a claim
		// interval required for "claim") do not speak of a default the file did not give.
		v := p.text(path, raw, textRule{0, -1})
		*r.textOf(x) = v
		if !contains(r.choices, v) && !p.seen(path) {
			p.fail(path, abbreviate(raw), "must be %s", choicesText(r.choices))
		}
	case BoolField:
		*r.boolOf(x) = p.boolean(path, raw, r.def == "true")
	default:
		r.read(p, path, raw, x)
	}
}

func readScenarios(p *parser, path string, raw []byte, s *Set) {
	for i, item := range p.list(path, raw, "scenarios", 1, MaxScenarios) {
		if p.stopped {
			return
		}
		var sc Scenario
		setDefaults(scenarioRows, &sc)
		readObject(p, fmt.Sprintf("%s[%d]", path, i), item, scenarioRows, &sc)
		s.Scenarios = append(s.Scenarios, sc)
	}
}

func readLayers(p *parser, path string, raw []byte, sc *Scenario) {
	for i, item := range p.list(path, raw, "layers", 1, MaxLayers) {
		if p.stopped {
			return
		}
		var l Layer
		setDefaults(layerRows, &l)
		readObject(p, fmt.Sprintf("%s[%d]", path, i), item, layerRows, &l)
		sc.Layers = append(sc.Layers, l)
	}
}

func readReward(p *parser, path string, raw []byte, l *Layer) {
	var r Reward
	setDefaults(rewardRows, &r)
	if readObject(p, path, raw, rewardRows, &r) {
		l.Reward = &r
	}
}

func readLoop(p *parser, path string, raw []byte, sc *Scenario) {
	var lp Loop
	setDefaults(loopRows, &lp)
	if readObject(p, path, raw, loopRows, &lp) {
		sc.Loop = &lp
	}
}

// member is one "name": value pair of a JSON object, in document order.
type member struct {
	name  string
	value json.RawMessage
}

// object reads a JSON object's members in order, refusing repeated names. data is valid JSON.
func (p *parser) object(path string, data json.RawMessage) ([]member, bool) {
	if kindOf(data) != '{' {
		what := "the document"
		if path != "" {
			what = "it"
		}
		p.fail(path, abbreviate(data), "%s must be a JSON object", what)
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		p.fail(path, "", "%v", err)
		return nil, false
	}
	var out []member
	names := map[string]bool{}
	for dec.More() && !p.stopped {
		tok, err := dec.Token()
		if err != nil {
			p.fail(path, "", "%v", err)
			return nil, false
		}
		name, _ := tok.(string)
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			p.fail(path, "", "%v", err)
			return nil, false
		}
		if names[name] {
			p.fail(join(path, readableName(name)), "", "appears twice; a field may be given once")
			continue
		}
		names[name] = true
		if kindOf(value) == 'n' { // null: the field is not given
			continue
		}
		out = append(out, member{name, value})
	}
	return out, true
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func (p *parser) required(path string, fields []member, names ...string) {
	for _, n := range names {
		found := false
		for _, f := range fields {
			found = found || f.name == n
		}
		if !found && !p.seen(join(path, n)) {
			p.fail(join(path, n), "", "is required")
		}
	}
}

func (p *parser) unknown(path, known string) {
	p.fail(path, "", "is not a field of this format (known: %s)", known)
}

// list reads a JSON array, checking its length against [min, max], and returns at most max
// items.
func (p *parser) list(path string, data json.RawMessage, what string, min, max int) []json.RawMessage {
	if kindOf(data) != '[' {
		p.fail(path, abbreviate(data), "must be a list of %d to %d %s", min, max, what)
		return nil
	}
	items, n := splitList(data, max) // what lies past max is counted, not read
	if n < min || n > max {
		p.fail(path, strconv.Itoa(n), "must have %d to %d %s", min, max, what)
	}
	return items
}

func (p *parser) text(path string, data json.RawMessage, r textRule) string {
	p.keep(path, data)
	var s string
	if kindOf(data) != '"' || json.Unmarshal(data, &s) != nil {
		p.fail(path, abbreviate(data), "must be %s", r.allowed())
		return ""
	}
	if !p.utf8(path, data) {
		return ""
	}
	return s
}

// utf8 refuses a JSON string that is not valid UTF-8 (JSON readers quietly turn such bytes into
// U+FFFD, so that the file would say one thing and the page show another): raw bytes that are
// not UTF-8, or an escaped half of a surrogate pair without its other half.
func (p *parser) utf8(path string, data json.RawMessage) bool {
	if at := invalidUTF8(bytes.TrimSpace(data)); at >= 0 {
		p.fail(path, "", "must be valid UTF-8 text (the text is broken at byte %d of the field)", at)
		return false
	}
	return true
}

// invalidUTF8 returns where a JSON string literal stops being UTF-8, counting bytes from 1 after
// the opening quote, or -1 when it is UTF-8 throughout.
func invalidUTF8(lit []byte) int {
	body := lit[1 : len(lit)-1]
	if !utf8.Valid(body) {
		for i := 0; i < len(body); {
			r, n := utf8.DecodeRune(body[i:])
			if r == utf8.RuneError && n <= 1 {
				return i + 1
			}
			i += n
		}
	}
	hex := func(i int) (rune, bool) { // the \uXXXX escape at body[i]
		if i+6 > len(body) || body[i] != '\\' || body[i+1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(string(body[i+2:i+6]), 16, 32)
		return rune(v), err == nil
	}
	for i := 0; i < len(body); i++ {
		if body[i] != '\\' {
			continue
		}
		r, ok := hex(i)
		switch {
		case !ok:
			i++ // a one-character escape
		case utf16.IsSurrogate(r) && r < 0xdc00:
			low, ok := hex(i + 6)
			if !ok || low < 0xdc00 || low > 0xdfff {
				return i + 1
			}
			i += 11
		case utf16.IsSurrogate(r):
			return i + 1
		default:
			i += 5
		}
	}
	return -1
}

func (p *parser) boolean(path string, data json.RawMessage, def bool) bool {
	p.keep(path, data)
	switch string(data) {
	case "true":
		return true
	case "false":
		return false
	}
	p.fail(path, abbreviate(data), "must be true or false")
	return def
}

func (p *parser) integer(path string, data json.RawMessage, r intRule) int {
	p.keep(path, data)
	text := string(data)
	if kindOf(data) != '0' || !isInteger(text) {
		p.fail(path, abbreviate(data), "must be %s", r.allowed())
		return 0
	}
	n, err := strconv.Atoi(text)
	if err != nil {
		p.fail(path, text, "must be %s", r.allowed())
		return 0
	}
	return n // the range is Validate's
}

func (p *parser) decimal(path string, data json.RawMessage, r decimalRule) decimal.Decimal {
	p.keep(path, data)
	text := string(data)
	switch kindOf(data) {
	case '"':
		if err := json.Unmarshal(data, &text); err != nil {
			text = ""
		}
		if !p.utf8(path, data) {
			return decimal.Zero
		}
	case '0':
	default:
		p.fail(path, abbreviate(data), "must be %s", r.allowed())
		return decimal.Zero
	}
	d, err := ParseDecimal(text)
	if err != nil {
		p.fail(path, abbreviate(data), "must be %s", r.allowed())
		return decimal.Zero
	}
	return d
}

// ParseDecimal reads a decimal number written as JSON writes numbers: an optional minus sign,
// digits, an optional fraction and an optional exponent ("3.2", "-0.5", "1e15"). A leading zero
// may be repeated and a leading "+" is refused. The text is read exactly, never through float64.
func ParseDecimal(text string) (decimal.Decimal, error) {
	if len(text) == 0 || len(text) > maxLiteralLen {
		return decimal.Zero, fmt.Errorf("%q is not a number", text)
	}
	i := 0
	if text[0] == '-' {
		i++
	}
	start := i
	for i < len(text) && isDigit(text[i]) {
		i++
	}
	if i == start {
		return decimal.Zero, fmt.Errorf("%q is not a number", text)
	}
	if i < len(text) && text[i] == '.' {
		i++
		frac := i
		for i < len(text) && isDigit(text[i]) {
			i++
		}
		if i == frac {
			return decimal.Zero, fmt.Errorf("%q is not a number", text)
		}
	}
	if i < len(text) && (text[i] == 'e' || text[i] == 'E') {
		i++
		if i < len(text) && (text[i] == '+' || text[i] == '-') {
			i++
		}
		exp := i
		for i < len(text) && isDigit(text[i]) {
			i++
		}
		if i == exp {
			return decimal.Zero, fmt.Errorf("%q is not a number", text)
		}
		if n, err := strconv.Atoi(text[exp:i]); err != nil || n > maxExponentAbs {
			return decimal.Zero, fmt.Errorf("%q is out of range", text)
		}
	}
	if i != len(text) {
		return decimal.Zero, fmt.Errorf("%q is not a number", text)
	}
	return decimal.NewFromString(text)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isInteger(s string) bool {
	if strings.HasPrefix(s, "-") {
		s = s[1:]
	}
	if s == "" || len(s) > 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// kindOf tells a JSON value by its first byte: '{', '[', '"', 't' or 'f', 'n', or '0' for a number.
func kindOf(data []byte) byte {
	data = bytes.TrimLeft(data, " \t\r\n")
	if len(data) == 0 {
		return 0
	}
	switch c := data[0]; c {
	case '{', '[', '"', 't', 'f', 'n':
		return c
	}
	return '0'
}

// abbreviate returns a JSON value's text for an error message: text as [quoteText] shows it,
// numbers and literals as written; objects and lists are named only.
func abbreviate(data []byte) string {
	switch kindOf(data) {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		var s string
		if json.Unmarshal(data, &s) == nil {
			return quoteText(s)
		}
	}
	return string(bytes.TrimSpace(data))
}

// checkSyntax reports a document that is not one JSON value, with its line and column.
func checkSyntax(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return &FieldError{Msg: "the scenario file is empty"}
	}
	if json.Valid(data) {
		return nil
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	err := dec.Decode(&v)
	if err == nil {
		_, err = dec.Token()
		if err == nil || err == io.EOF {
			return &FieldError{Msg: "not valid JSON: more than one value"}
		}
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := position(data, se.Offset)
		return &FieldError{Msg: fmt.Sprintf("not valid JSON at line %d, column %d: %v", line, col, se)}
	}
	return &FieldError{Msg: fmt.Sprintf("not valid JSON: %v", err)}
}

func position(data []byte, offset int64) (line, col int) {
	line, col = 1, 1
	for i := int64(0); i < offset-1 && i < int64(len(data)); i++ {
		if data[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// splitList returns the first keep items of a JSON list and the number of items it holds. data
// is one valid JSON list; the items are scanned, not decoded, so that counting a megabyte of
// them costs no memory.
func splitList(data []byte, keep int) (items []json.RawMessage, n int) {
	data = bytes.TrimSpace(data)
	depth, start, inString := 0, -1, false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		}
		switch {
		case depth == 1 && c == '[' && i == 0:
			start = 1
		case (depth == 1 && c == ',') || (depth == 0 && i == len(data)-1):
			if item := bytes.TrimSpace(data[start:i]); len(item) > 0 {
				if n < keep {
					items = append(items, json.RawMessage(item))
				}
				n++
			}
			start = i + 1
		}
	}
	return items, n
}
