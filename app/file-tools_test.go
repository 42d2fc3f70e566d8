//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"restakecalc/calc"

	"github.com/shopspring/decimal"
)

// The page's results download and `app eval` write the golden results files
// (calc/testdata/golden/*.want, from an independent implementation of SPEC.md) byte for byte.
// Where the golden README allows a tolerance (APYs, p_loss, fiat, the liquidation discount) a
// figure within it is logged rather than failed; every other byte must be the same.
func TestResultsDocumentIsWhatEvalPrints(t *testing.T) {
	files, err := filepath.Glob("../calc/testdata/golden/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden scenario files: %v", err)
	}
	for _, name := range files {
		want, err := os.ReadFile(strings.TrimSuffix(name, ".json") + ".want")
		if err != nil {
			t.Fatalf("golden scenario file %s has no results: %v", name, err)
		}
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		if code := runEval([]string{name}, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("runEval(%s) = %d: %s", name, code, stderr.String())
		}
		compareResults(t, "runEval("+name+")", stdout.Bytes(), want)

		set, err := calc.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		r, err := calc.Evaluate(set, calc.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := resultsDocument(r)
		if err != nil {
			t.Fatalf("resultsDocument(%s) = %v", name, err)
		}
		compareResults(t, "resultsDocument("+name+")", got, want)
	}
}

// resultsTolerance is how far a figure may be from the golden one (calc/testdata/golden/README.md).
var resultsTolerance = map[string]string{
	"apy": "0.000001", "apy_expected": "0.000001", "p_loss": "0.000001",
	"liquidation_discount": "0.000001", "fiat_final": "0.01",
}

// toleranceValue finds the values of the figures that have a tolerance, one a line.
var toleranceValue = regexp.MustCompile(`(?m)^(\s*"(?:apy|apy_expected|p_loss|liquidation_discount|fiat_final)": )"[^"]*"`)

// compareResults fails unless got is want byte for byte, or differs from it only in the values
// of figures within their tolerance.
func compareResults(t *testing.T, what string, got, want []byte) {
	t.Helper()
	if bytes.Equal(got, want) {
		return
	}
	mask := func(b []byte) []byte { return toleranceValue.ReplaceAll(b, []byte(`${1}"~"`)) }
	if !bytes.Equal(mask(got), mask(want)) {
		t.Errorf("%s differs from the golden results:\n%s\nwant:\n%s", what, got, want)
		return
	}
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Errorf("%s is not JSON: %v", what, err)
		return
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("golden results are not JSON: %v", err)
	}
	if diff := resultsDiff("", g, w); diff != "" {
		t.Errorf("%s differs from the golden results: %s", what, diff)
		return
	}
	t.Logf("%s: figures within the golden tolerance differ in their last digits", what)
}

// resultsDiff describes the first difference between two results documents, "" for none.
func resultsDiff(path string, got, want any) string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok || len(g) != len(w) {
			return fmt.Sprintf("%s = %v, want %v", path, got, want)
		}
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				return fmt.Sprintf("%s.%s is missing", path, k)
			}
			if tol, ok := resultsTolerance[k]; ok {
				if !withinTolerance(gv, wv, tol) {
					return fmt.Sprintf("%s.%s = %v, want %v within %s", path, k, gv, wv, tol)
				}
				continue
			}
			if d := resultsDiff(path+"."+k, gv, wv); d != "" {
				return d
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return fmt.Sprintf("%s = %v, want %v", path, got, want)
		}
		for i := range w {
			if d := resultsDiff(fmt.Sprintf("%s[%d]", path, i), g[i], w[i]); d != "" {
				return d
			}
		}
	default:
		if got != want {
			return fmt.Sprintf("%s = %v, want %v", path, got, want)
		}
	}
	return ""
}

func withinTolerance(got, want any, tol string) bool {
	g, errG := decimal.NewFromString(fmt.Sprint(got))
	w, errW := decimal.NewFromString(fmt.Sprint(want))
	return errG == nil && errW == nil && g.Sub(w).Abs().LessThanOrEqual(decimal.RequireFromString(tol))
}

// The downloaded scenario file reads back as the same set.
func TestScenarioDocumentRoundTrip(t *testing.T) {
	s := defaultSet()
	data, err := scenarioDocument(s)
	if err != nil {
		t.Fatal(err)
	}
	back, err := calc.Parse(data)
	if err != nil {
		t.Fatalf("Parse(scenarioDocument(s)) = %v", err)
	}
	a, _ := s.MarshalJSON()
	b, _ := back.MarshalJSON()
	if !bytes.Equal(a, b) {
		t.Errorf("Parse(scenarioDocument(s)) = %s, want %s", b, a)
	}
}

var fileErrorTests = []string{
	// Two problems: both listed, by path.
	`{"version":1,"amount":"-1","days":1,"scenarios":[{"name":"a","layers":[{"name":"L","apr":"x"}]}]}`,
	// Not JSON at all: one problem with the whole document.
	`not json`,
}

func TestDescribeFileErrorsListsEveryFieldError(t *testing.T) {
	for _, doc := range fileErrorTests {
		_, err := calc.Parse([]byte(doc))
		if err == nil {
			t.Fatalf("Parse(%s) = nil, want errors", doc)
		}
		fes := calc.FieldErrors(err)
		got := describeFileErrors(err)
		if len(fes) > 0 && len(got) != len(fes) {
			t.Errorf("describeFileErrors(%s) = %q, want one line per field error (%d)", doc, got, len(fes))
		}
		for i, fe := range fes {
			if i < len(got) && got[i] != fe.Error() {
				t.Errorf("describeFileErrors(%s)[%d] = %q, want %q", doc, i, got[i], fe.Error())
			}
		}
		if len(got) == 0 {
			t.Errorf("describeFileErrors(%s) is empty", doc)
		}
	}
}
