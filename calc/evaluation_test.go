package calc

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvaluationStepsToTheGoldenResults evaluates every golden set one scenario at a time: the
// results are those an independent implementation computed.
func TestEvaluationStepsToTheGoldenResults(t *testing.T) {
	eachGoldenSet(t, func(t *testing.T, file string, set Set) {
		e, err := NewEvaluation(set, Options{})
		if err != nil {
			t.Fatalf("NewEvaluation(%s) = %v", file, err)
		}
		for i := 0; !e.Done(); i++ {
			if e.Next() != i {
				t.Fatalf("Next() = %d, want %d", e.Next(), i)
			}
			r, err := e.Step()
			if err != nil {
				t.Fatalf("Step() of scenario %d = %v", i, err)
			}
			if r.Name != set.Scenarios[i].Name {
				t.Errorf("Step() of scenario %d = %q, want %q", i, r.Name, set.Scenarios[i].Name)
			}
		}
		res, err := e.Results()
		if err != nil {
			t.Fatal(err)
		}
		compareGolden(t, file, res)
	})
}

// TestEvaluationBreakEvenOneScenarioAtATime: the hand-worked break-even days of TestBreakEvenDay,
// each scenario's given as soon as it is evaluated.
func TestEvaluationBreakEvenOneScenarioAtATime(t *testing.T) {
	set, err := Parse([]byte(breakEvenFile))
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEvaluation(set, Options{BreakEven: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []int{0, 3, 0, 1} {
		r, err := e.Step()
		if err != nil {
			t.Fatal(err)
		}
		if r.BreakEvenDay != want {
			t.Errorf("Step(%s).BreakEvenDay = %d, want %d", r.Name, r.BreakEvenDay, want)
		}
	}
	if !e.Done() {
		t.Errorf("Done() = false after every scenario")
	}
}

// TestEvaluationRefusesAnInvalidSet: no evaluation starts on a set with problems.
func TestEvaluationRefusesAnInvalidSet(t *testing.T) {
	set, err := Parse([]byte(`{"version":1,"amount":"1","days":5,"scenarios":[{"name":"a","layers":[{"name":"a","apr":"3"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	set.Days = 0
	if e, err := NewEvaluation(set, Options{}); err == nil || e != nil {
		t.Errorf("NewEvaluation(days 0) = %v, %v; want no evaluation and the field's error", e, err)
	}
}

// TestSeriesCSVWriterPieces writes the standard set's day series in pieces of several sizes:
// joined, they are the whole file, and Written counts the rows.
func TestSeriesCSVWriterPieces(t *testing.T) {
	s, err := Parse([]byte(strings.Replace(standardSetJSON, `"price":"3000"`, `"price":"3000","price_growth":"7.5"`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Evaluate(s, Options{Series: true})
	if err != nil {
		t.Fatal(err)
	}
	whole := SeriesCSV(s, r)
	for _, n := range []int{1, 7, 1000, s.Days, s.Days + 1} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			w := NewSeriesCSVWriter(s, r)
			if w.Rows() != s.Days {
				t.Fatalf("Rows() = %d, want %d", w.Rows(), s.Days)
			}
			var joined bytes.Buffer
			pieces := 0
			for piece := w.Next(n); piece != nil; piece = w.Next(n) {
				joined.Write(piece)
				pieces++
				if w.Written() != min(pieces*n, s.Days) {
					t.Fatalf("Written() = %d after %d pieces of %d, want %d", w.Written(), pieces, n, min(pieces*n, s.Days))
				}
			}
			if want := (s.Days + n - 1) / n; pieces != want {
				t.Errorf("%d pieces of %d rows, want %d", pieces, n, want)
			}
			if !bytes.Equal(joined.Bytes(), whole) {
				t.Errorf("the pieces of %d rows joined differ from SeriesCSV", n)
			}
		})
	}
}

// TestEvaluateSeriesCSV writes the hand-worked CSVs, the standard set with a growing price, the
// version 2 ledgers and every golden set with a writer that evaluates its own day values, in
// pieces: the hand-worked ones must be the hand-worked text, the others SeriesCSV's bytes.
func TestEvaluateSeriesCSV(t *testing.T) {
	type doc struct{ name, doc, want string }
	var docs []doc
	for _, tt := range csvTests {
		docs = append(docs, doc{tt.name, tt.doc, tt.want})
	}
	docs = append(docs,
		doc{"standard, growing price", strings.Replace(standardSetJSON, `"price":"3000"`, `"price":"3000","price_growth":"7.5"`, 1), ""},
		doc{"reward", v2doc("10", 4, "", `{"name":"a","apr":"0","reward":{"token":"X","per_year":"36.5","price":"0.5","claim_every":2,"claim_gas":"0.01","sell_cost":"2"}}`), ""},
		doc{"loop", v2doc("1", 4, `{"leverage":"2","borrow_apr":"36.5","liquidation_ltv":"50.05","liquidation_penalty":"5"}`, `{"name":"a","apr":"18.25"}`), ""})
	files, _ := filepath.Glob("testdata/golden/*.json")
	for _, file := range files {
		docs = append(docs, doc{filepath.Base(file), string(mustRead(t, file)), ""})
	}
	for _, d := range docs {
		s, err := Parse([]byte(d.doc))
		if err != nil {
			t.Fatalf("%s: Parse = %v", d.name, err)
		}
		w, err := EvaluateSeriesCSV(s)
		if err != nil {
			t.Fatalf("%s: EvaluateSeriesCSV = %v", d.name, err)
		}
		for !w.Evaluated() {
			if err := w.Step(); err != nil {
				t.Fatalf("%s: Step = %v", d.name, err)
			}
		}
		var joined bytes.Buffer
		for piece := w.Next(3); piece != nil; piece = w.Next(3) {
			joined.Write(piece)
		}
		got := joined.Bytes()
		if d.want != "" {
			text := strings.ReplaceAll(string(bytes.TrimPrefix(got, []byte("\uFEFF"))), "\r\n", "|")
			if text != d.want {
				t.Errorf("EvaluateSeriesCSV(%s) = %q, want %q", d.name, text, d.want)
			}
			continue
		}
		r, err := Evaluate(s, Options{Series: true})
		if err != nil {
			t.Fatalf("%s: Evaluate = %v", d.name, err)
		}
		if want := SeriesCSV(s, r); !bytes.Equal(got, want) {
			t.Errorf("EvaluateSeriesCSV(%s) differs from SeriesCSV:\n%.300s\nwant\n%.300s", d.name, got, want)
		}
	}
}
