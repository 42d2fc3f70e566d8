package calc

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestGolden checks the results of the scenario files in testdata/golden against the results an
// independent implementation of the SPEC computed: amounts equal to the wei, percentages within
// 0.000001, fiat within 0.01, kind and liquid_day exactly (testdata/golden/README.md).
func TestGolden(t *testing.T) {
	eachGoldenSet(t, func(t *testing.T, file string, set Set) {
		res, err := Evaluate(set, Options{})
		if err != nil {
			t.Fatalf("Evaluate(%s) = %v", file, err)
		}
		compareGolden(t, file, res)
	})
}

// eachGoldenSet runs f, in a subtest named after the file, on every scenario file of
// testdata/golden, parsed.
func eachGoldenSet(t *testing.T, f func(t *testing.T, file string, set Set)) {
	files, _ := filepath.Glob("testdata/golden/*.json")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			set, err := Parse(mustRead(t, file))
			if err != nil {
				t.Fatalf("Parse(%s) = %v", file, err)
			}
			f(t, file, set)
		})
	}
}

// compareGolden compares res with the results the independent implementation computed for file.
func compareGolden(t *testing.T, file string, res Results) {
	t.Helper()
	got, _ := res.MarshalJSON()
	compareResults(t, got, mustRead(t, strings.TrimSuffix(file, ".json")+".want"))
}

// compareResults compares two results documents field by field with the golden tolerances.
func compareResults(t *testing.T, gotJSON, wantJSON []byte) {
	t.Helper()
	var got, want struct {
		Scenarios []map[string]any `json:"scenarios"`
	}
	if err := json.Unmarshal(gotJSON, &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(wantJSON, &want); err != nil {
		t.Fatal(err)
	}
	if len(got.Scenarios) != len(want.Scenarios) {
		t.Fatalf("%d scenarios, want %d", len(got.Scenarios), len(want.Scenarios))
	}
	tolerance := map[string]string{"apy": "0.000001", "apy_expected": "0.000001", "p_loss": "0.000001", "fiat_final": "0.01"}
	for i, w := range want.Scenarios {
		g := got.Scenarios[i]
		for field, wv := range w {
			gv, ok := g[field]
			if !ok {
				t.Errorf("scenarios[%d].%s missing", i, field)
				continue
			}
			switch wv := wv.(type) {
			case string:
				if wd, err := decimal.NewFromString(wv); err == nil && field != "name" {
					gd, err := decimal.NewFromString(gv.(string))
					tol := decimal.RequireFromString(defaultString(tolerance[field], "0"))
					if err != nil || gd.Sub(wd).Abs().GreaterThan(tol) {
						t.Errorf("scenarios[%d].%s = %v, want %v", i, field, gv, wv)
					}
				} else if gv != wv {
					t.Errorf("scenarios[%d].%s = %v, want %v", i, field, gv, wv)
				}
			case []any: // layers
				gl, _ := gv.([]any)
				if len(gl) != len(wv) {
					t.Errorf("scenarios[%d].%s has %d entries, want %d", i, field, len(gl), len(wv))
					continue
				}
				for j := range wv {
					for k, x := range wv[j].(map[string]any) {
						y := gl[j].(map[string]any)[k]
						if xd, err := decimal.NewFromString(x.(string)); err == nil {
							ys, _ := y.(string) // a missing field is reported, not a panic
							yd, err := decimal.NewFromString(ys)
							if err != nil || !yd.Equal(xd) {
								t.Errorf("scenarios[%d].layers[%d].%s = %v, want %v", i, j, k, y, x)
							}
						} else if x != y {
							t.Errorf("scenarios[%d].layers[%d].%s = %v, want %v", i, j, k, y, x)
						}
					}
				}
			default:
				if gv != wv {
					t.Errorf("scenarios[%d].%s = %v, want %v", i, field, gv, wv)
				}
			}
		}
	}
}

func defaultString(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// TestGoldenInvalid checks that the refused documents of testdata/invalid are refused with an
// error naming the field the reference names (expect.tsv: file, field path).
func TestGoldenInvalid(t *testing.T) {
	f, err := os.Open("testdata/invalid/expect.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for sc := bufio.NewScanner(f); sc.Scan(); {
		file, path, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		n++
		_, err := Parse(mustRead(t, filepath.Join("testdata/invalid", file)))
		if err == nil {
			t.Errorf("Parse(%s) = nil error, want one naming %s", file, path)
			continue
		}
		found := false
		for _, fe := range FieldErrors(err) {
			found = found || fe.Path == path
		}
		if !found {
			t.Errorf("Parse(%s) = %v, want an error naming %s", file, err, path)
		}
	}
	if n == 0 {
		t.Fatal("expect.tsv lists no case")
	}
}

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSpace(b)
}
