//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalGolden: `app eval FILE` prints, for each golden scenario file, the results document the
// independent implementation computed, byte for byte.
func TestEvalGolden(t *testing.T) {
	files, _ := filepath.Glob("../calc/testdata/golden/*.json")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		var stdout, stderr bytes.Buffer
		code := runCommand([]string{"eval", file}, nil, &stdout, &stderr)
		want, err := os.ReadFile(strings.TrimSuffix(file, ".json") + ".want")
		if err != nil {
			t.Fatal(err)
		}
		if code != 0 || stderr.Len() > 0 || !bytes.Equal(bytes.TrimSpace(stdout.Bytes()), bytes.TrimSpace(want)) {
			t.Errorf("eval %s = %d, stderr %q, stdout\n%s\nwant\n%s", file, code, stderr.String(), stdout.String(), want)
		}
	}
}

// TestEvalInvalid: bad input exits 1 and prints every error, one a line, each naming its field.
func TestEvalInvalid(t *testing.T) {
	doc := `{"version":1,"amount":"0","days":30,"horizon":3,"scenarios":[{"name":"x","layers":[{"name":"a","apr":"abc"}]}]}`
	var stdout, stderr bytes.Buffer
	code := runCommand([]string{"eval", "-"}, strings.NewReader(doc), &stdout, &stderr)
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	want := []string{"horizon: ", "scenarios[0].layers[0].apr: ", "amount: "}
	if code != 1 || stdout.Len() != 0 || len(lines) != len(want) {
		t.Fatalf("eval - = %d, stdout %q, stderr\n%s\nwant exit 1 and %d lines", code, stdout.String(), stderr.String(), len(want))
	}
	for i, prefix := range want {
		if !strings.HasPrefix(lines[i], prefix) {
			t.Errorf("line %d = %q, want it to start %q", i, lines[i], prefix)
		}
	}
	for _, file := range []string{"bad-apr.json", "double-use.json", "token-chain.json", "unknown-field.json"} {
		stderr.Reset()
		if code := runCommand([]string{"eval", "../calc/testdata/invalid/" + file}, nil, &stdout, &stderr); code != 1 || stderr.Len() == 0 {
			t.Errorf("eval %s = %d, stderr %q; want 1 and the errors", file, code, stderr.String())
		}
	}
}

// TestEvalSeries: --series adds both day series, one value a day.
func TestEvalSeries(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := runCommand([]string{"eval", "--series", "../calc/testdata/golden/lido-year.json"}, nil, &stdout, &stderr)
	var doc struct {
		Scenarios []struct {
			Final          string   `json:"final"`
			Series         []string `json:"series"`
			SeriesExpected []string `json:"series_expected"`
		} `json:"scenarios"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); code != 0 || err != nil {
		t.Fatalf("eval --series = %d, %v, stderr %q", code, err, stderr.String())
	}
	s := doc.Scenarios[0]
	if len(s.Series) != 365 || len(s.SeriesExpected) != 365 || s.Series[364] != s.Final {
		t.Errorf("series of %d and %d days ending %q, want 365 days ending at final %q",
			len(s.Series), len(s.SeriesExpected), s.Series[len(s.Series)-1], s.Final)
	}
}

// TestEvalUsage: a missing file name is a usage error, not a crash.
func TestEvalUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runCommand([]string{"eval"}, nil, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "usage") {
		t.Errorf("eval without a file = %d, %q; want 2 and the usage", code, stderr.String())
	}
	if code := runCommand([]string{"eval", "/nonexistent.json"}, nil, &stdout, &stderr); code != 1 {
		t.Errorf("eval of a missing file = %d, want 1", code)
	}
}
