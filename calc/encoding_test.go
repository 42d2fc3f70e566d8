package calc

import (
	"strings"
	"testing"
)

// Files as editors save them: a byte-order mark is read past; bytes that are not UTF-8 are
// refused at the field that holds them, never turned into U+FFFD.
var fileEncodingTests = []struct {
	name string
	doc  string
	want string // the errors, one a line; "" when the file is read
}{
	{"byte-order mark", "\xef\xbb\xbf" + minimalDoc, ""},
	{"byte-order mark and space", "\xef\xbb\xbf \n" + minimalDoc, ""},
	{"two byte-order marks", "\xef\xbb\xbf\xef\xbb\xbf" + minimalDoc, "not valid JSON at line 1, column 1: invalid character 'ï' looking for beginning of value"},
	{"latin-1 name", with(`"name":"a"`, "\"name\":\"caf\xe9\""),
		"scenarios[0].layers[0].name: must be valid UTF-8 text (the text is broken at byte 4 of the field)"},
	{"cut sequence", with(`"days":30`, "\"days\":30,\"title\":\"ok \xe2\x82\""),
		"title: must be valid UTF-8 text (the text is broken at byte 4 of the field)"},
	{"in a decimal", with(`"apr":"3"`, "\"apr\":\"3\xff\""),
		"scenarios[0].layers[0].apr: must be valid UTF-8 text (the text is broken at byte 2 of the field)"},
	{"lone surrogate", with(`"name":"a"`, `"name":"a\ud800b"`),
		"scenarios[0].layers[0].name: must be valid UTF-8 text (the text is broken at byte 2 of the field)"},
	{"low surrogate first", with(`"name":"a"`, `"name":"\udc00\ud800"`),
		"scenarios[0].layers[0].name: must be valid UTF-8 text (the text is broken at byte 1 of the field)"},
	{"surrogate pair", with(`"name":"a"`, `"name":"\ud83d\ude00 \\u"`), ""},
	{"in a note", with(`"apr":"3"`, "\"apr\":\"3\",\"note\":\"\xc0\xaf\""),
		"scenarios[0].layers[0].note: must be valid UTF-8 text (the text is broken at byte 1 of the field)"},
}

func TestFileEncoding(t *testing.T) {
	for _, tt := range fileEncodingTests {
		_, err := Parse([]byte(tt.doc))
		var got []string
		for _, fe := range FieldErrors(err) {
			got = append(got, fe.Error())
		}
		if g := strings.Join(got, "\n"); g != tt.want {
			t.Errorf("Parse(%s) = %q, want %q", tt.name, g, tt.want)
		}
	}
}
