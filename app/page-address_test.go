package main

import (
	"net/url"
	"strings"
	"testing"
)

var readableAddressTests = []struct {
	href, want string
}{
	// Readable addresses stay as they are, escapes included.
	{"http://h/#z=abc", "http://h/#z=abc"},
	{"http://h/?embed=1#s=a%41", "http://h/?embed=1#s=a%41"},
	{"http://h/#", "http://h/#"},
	// A "%" that starts no escape is escaped itself.
	{"http://h/#%", "http://h/#%25"},
	{"http://h/#z=%%%%", "http://h/#z=%25%25%25%25"},
	{"http://h/?embed=1#z=%", "http://h/?embed=1#z=%25"},
	{"http://h/#s=%4", "http://h/#s=%254"},
	{"http://h/#s=%4g", "http://h/#s=%254g"},
	{"http://h/%zz/#z=a", "http://h/%25zz/#z=a"},
}

func TestReadableAddress(t *testing.T) {
	for _, tt := range readableAddressTests {
		got := readableAddress(tt.href)
		if got != tt.want {
			t.Errorf("readableAddress(%q) = %q, want %q", tt.href, got, tt.want)
		}
		if _, err := url.Parse(got); err != nil {
			t.Errorf("readableAddress(%q) = %q, which url.Parse refuses: %v", tt.href, got, err)
		}
	}
}

func FuzzReadableAddress(f *testing.F) {
	for _, tt := range readableAddressTests {
		f.Add(strings.TrimPrefix(tt.href, "http://h/"))
	}
	// A browser's address always starts with its scheme and host: the rest is anyone's.
	f.Fuzz(func(t *testing.T, rest string) {
		href := "http://h/" + rest
		// Whatever stops url.Parse only because of its percent signs is made readable; what
		// escaping cannot mend (a bad host, a control character) a browser never holds.
		if _, err := url.Parse(strings.ReplaceAll(href, "%", "")); err != nil {
			return
		}
		got := readableAddress(href)
		if _, err := url.Parse(got); err != nil {
			t.Fatalf("readableAddress(%q) = %q, which url.Parse refuses: %v", href, got, err)
		}
		if _, err := url.Parse(href); err == nil && got != href {
			t.Fatalf("readableAddress(%q) = %q, want a readable address unchanged", href, got)
		}
	})
}
