package calc

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// MarshalJSON writes s as a scenario file: decimals as strings, in the file's field order, leaving
// out optional fields that hold their default, so that [Parse] gives s back. The version written
// is s.Version, raised to 2 when s uses a field of version 2 (a reward or a loop), and at least 1.
func (s Set) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	writeObject(&b, setRows, &s)
	return b.Bytes(), nil
}

// writeObject writes x as a JSON object through the rows of its table: required fields always,
// optional ones when they differ from their default.
func writeObject[P any](b *bytes.Buffer, rows []row[P], x P) {
	w := objectWriter{b: b}
	w.open()
	for i := range rows {
		rows[i].writeValue(&w, x)
	}
	b.WriteByte('}')
}

// writeValue writes one field of x, unless it is optional and holds its default.
func (r *row[P]) writeValue(w *objectWriter, x P) {
	always := r.need == required || r.alwaysWritten
	switch {
	case r.write != nil:
		if r.present == nil || r.present(x) {
			r.write(w, x)
		}
	case r.decimalOf != nil:
		if d := *r.decimalOf(x); always || !d.IsZero() {
			w.raw(r.name, quote(d.String()))
		}
	case r.intOf != nil:
		if n := *r.intOf(x); always || n != 0 {
			w.raw(r.name, strconv.Itoa(n))
		}
	case r.textOf != nil:
		if v := *r.textOf(x); always || v != r.def {
			w.raw(r.name, quote(v))
		}
	case r.boolOf != nil:
		if v := *r.boolOf(x); always || v != (r.def == "true") {
			w.raw(r.name, strconv.FormatBool(v))
		}
	}
}

// writeList writes a list of n objects of one table under name; item returns the i-th.
func writeList[P any](w *objectWriter, name string, rows []row[P], n int, item func(i int) P) {
	w.key(name)
	w.b.WriteByte('[')
	for i := range n {
		if i > 0 {
			w.b.WriteByte(',')
		}
		writeObject(w.b, rows, item(i))
	}
	w.b.WriteByte(']')
}

func writeScenarios(w *objectWriter, s *Set) {
	writeList(w, "scenarios", scenarioRows, len(s.Scenarios), func(i int) *Scenario { return &s.Scenarios[i] })
}

func writeLayers(w *objectWriter, sc *Scenario) {
	writeList(w, "layers", layerRows, len(sc.Layers), func(i int) *Layer { return &sc.Layers[i] })
}

func writeReward(w *objectWriter, l *Layer) {
	w.key("reward")
	writeObject(w.b, rewardRows, l.Reward)
}

func writeLoop(w *objectWriter, sc *Scenario) {
	w.key("loop")
	writeObject(w.b, loopRows, sc.Loop)
}

// objectWriter writes the members of one JSON object, commas included.
type objectWriter struct {
	b *bytes.Buffer
	n int
}

func (w *objectWriter) open() { w.b.WriteByte('{') }

func (w *objectWriter) key(k string) {
	if w.n > 0 {
		w.b.WriteByte(',')
	}
	w.n++
	w.b.WriteString(quote(k))
	w.b.WriteByte(':')
}

func (w *objectWriter) raw(k, v string) {
	w.key(k)
	w.b.WriteString(v)
}

func (w *objectWriter) integer(k string, v, def int) {
	if v != def {
		w.raw(k, strconv.Itoa(v))
	}
}

func quote(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}
