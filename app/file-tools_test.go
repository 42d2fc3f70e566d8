//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"restakecalc/calc"
)

// The page's results download and `app eval` write the same bytes for the same file.
func TestResultsDocumentIsWhatEvalPrints(t *testing.T) {
	files, err := filepath.Glob("../calc/testdata/golden/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden scenario files: %v", err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		if code := runEval([]string{name}, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("runEval(%s) = %d: %s", name, code, stderr.String())
		}
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
		if !bytes.Equal(got, stdout.Bytes()) {
			t.Errorf("resultsDocument(%s) = %s, want eval's %s", name, got, stdout.Bytes())
		}
	}
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
