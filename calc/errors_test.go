package calc

import (
	"fmt"
	"strings"
	"testing"
)

// problemsDoc returns a scenario file with extra problems beyond 20 that each name a field of
// their own: 8 layers with a bad apr and fee (16), a bad amount, days, price and price growth (4),
// then extra more of the currency and the title kind.
func problemsDoc(extra int) string {
	var layers []string
	for i := 0; i < 8; i++ {
		layers = append(layers, fmt.Sprintf(`{"name":"l%d","apr":"x","fee":"101"}`, i))
	}
	set := `"amount":"-1","days":0,"price":"-1","price_growth":"-101"`
	switch extra {
	case 1:
		set += `,"currency":""`
	case 2:
		set += `,"currency":"","title":"` + strings.Repeat("t", 81) + `"`
	}
	return `{"version":1,` + set + `,"scenarios":[{"name":"x","layers":[` + strings.Join(layers, ",") + `]}]}`
}

// repeatedKeys is a document repeating one key n times.
func repeatedKeys(n int) string {
	return `{` + strings.Repeat(`"a":1,`, n) + `"a":1}`
}

// unknownKeys is a document of n fields the format does not know.
func unknownKeys(n int) string {
	var b strings.Builder
	b.WriteString(`{"version":1`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `,"k%d":%d`, i, i)
	}
	b.WriteString(`}`)
	return b.String()
}

// manyLayers is a 1 MB file: six scenarios of empty layers.
func manyLayers() string {
	layers := strings.TrimSuffix(strings.Repeat(`{},`, 1<<20/3/6), ",")
	var scenarios []string
	for i := 0; i < 6; i++ {
		scenarios = append(scenarios, fmt.Sprintf(`{"name":"s%d","layers":[%s]}`, i, layers))
	}
	return `{"version":1,"amount":"1","days":1,"scenarios":[` + strings.Join(scenarios, ",") + `]}`
}

var screenfulTests = []struct {
	name   string
	doc    string
	listed int    // field errors listed before the last one
	last   string // the last error's text
}{
	// A screenful is listed whole.
	{"20 problems", problemsDoc(0), 20, `scenarios[0].layers[7].fee: must be between 0 and 100 (got "101")`},
	// Beyond it, the last line says how many more.
	{"21 problems", problemsDoc(1), 20, "and 1 more problem"},
	{"22 problems", problemsDoc(2), 20, "and 2 more problems"},
	// Documents that are not scenario files stop being read.
	{"repeated key", repeatedKeys(150000), 20,
		"and at least 180 more problems: reading stopped there, as this does not look like a scenario file"},
	{"unknown keys", unknownKeys(5000), 20,
		"and at least 180 more problems: reading stopped there, as this does not look like a scenario file"},
	// Lists past their limit are not read past it: 6 × (the count + 8 layers × 2 missing fields).
	{"1 MB of layers", manyLayers(), 20, "and 82 more problems"},
}

// TestParseListsAScreenful: Parse lists at most 20 problems and then says how many more there
// are, and stops reading a document once it clearly is not a scenario file; the error stays a
// few kilobytes whatever the document.
func TestParseListsAScreenful(t *testing.T) {
	for _, tt := range screenfulTests {
		_, err := Parse([]byte(tt.doc))
		fes := FieldErrors(err)
		if len(fes) == 0 {
			t.Errorf("Parse(%s) = %v, want field errors", tt.name, err)
			continue
		}
		last := fes[len(fes)-1]
		want := tt.listed
		if last.More > 0 {
			want++
		}
		if len(fes) != want || last.Error() != tt.last {
			t.Errorf("Parse(%s) = %d errors ending %q, want %d ending %q", tt.name, len(fes), last.Error(), want, tt.last)
		}
		if last.More > 0 && (last.Path != "" || last.Got != "" || !strings.Contains(last.Msg, fmt.Sprint(last.More))) {
			t.Errorf("Parse(%s): last error %+v, want no path nor input, and its count", tt.name, last)
		}
		if n := len(err.Error()); n > 4096 {
			t.Errorf("Parse(%s) error is %d bytes, want at most 4096", tt.name, n)
		}
	}
}

// The link of issue 12: 1,874 characters that inflate to one key repeated 150,000 times.
func TestDecodeLinkListsAScreenful(t *testing.T) {
	link := "z=" + b64(deflate([]byte(repeatedKeys(150000))))
	if len(link) > 4000 {
		t.Fatalf("the test link is %d characters, want a short one", len(link))
	}
	_, err := DecodeLink(link)
	fes := FieldErrors(err)
	if len(fes) != MaxListedErrors+1 || fes[MaxListedErrors].More == 0 {
		t.Errorf("DecodeLink(repeated key) = %d field errors, want %d ending with how many more", len(fes), MaxListedErrors+1)
	}
	if n := len(err.Error()); n > 4096 {
		t.Errorf("DecodeLink(repeated key) error is %d bytes, want at most 4096", n)
	}
	if fes[0].Error() != "a: appears twice; a field may be given once" {
		t.Errorf("DecodeLink(repeated key) first error = %q", fes[0].Error())
	}
}

// BenchmarkParseHostile times what the page spends on documents that are not scenario files.
func BenchmarkParseHostile(b *testing.B) {
	for _, doc := range []struct{ name, doc string }{
		{"repeated-key", repeatedKeys(150000)}, {"unknown-keys", unknownKeys(5000)}, {"1MB-layers", manyLayers()},
	} {
		b.Run(doc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Parse([]byte(doc.doc))
			}
		})
	}
}

var splitListTests = []struct {
	list string
	keep int
	want []string
	n    int
}{
	{`[]`, 8, nil, 0},
	{` [ ] `, 8, nil, 0},
	{`[1]`, 8, []string{"1"}, 1},
	{`[ {"a":[1,2]} , "x,]\"", [] ]`, 8, []string{`{"a":[1,2]}`, `"x,]\""`, `[]`}, 3},
	{`[1,2,3,4]`, 2, []string{"1", "2"}, 4},
	{`["\\",{"b":"}"}]`, 8, []string{`"\\"`, `{"b":"}"}`}, 2},
}

func TestSplitList(t *testing.T) {
	for _, tt := range splitListTests {
		items, n := splitList([]byte(tt.list), tt.keep)
		var got []string
		for _, it := range items {
			got = append(got, string(it))
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) || n != tt.n {
			t.Errorf("splitList(%s, %d) = %q, %d, want %q, %d", tt.list, tt.keep, got, n, tt.want, tt.n)
		}
	}
}
