package calc

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
)

// linkFile is a scenario file with every kind of field a link must carry: a title, a price,
// several scenarios, claim layers, costs, lock-ups and notes with characters beyond ASCII.
const linkFile = `{"version":1,"title":"Three ways — 32 ETH","amount":"32.000000000000000001","asset":"ETH",
 "price":"3000","currency":"EUR","price_growth":"-5","days":365,
 "scenarios":[
  {"name":"Staking","note":"Lido's figures, 2025","layers":[{"name":"Lido","accepts":"ETH","gives":"stETH","apr":"3.2","fee":"10","entry_gas":"0.002","exit_gas":"0.002","withdraw_days":5,"risk_probability":"0.5","risk_loss":"5","preset":"lido"}]},
  {"name":"Restaking","instant_exit_cost":"0.5","layers":[{"name":"Lido","accepts":"ETH","gives":"stETH","apr":"3.2","fee":"10"},
    {"name":"EigenLayer","accepts":"stETH","apr":"1.5","payout":"claim","claim_every":30,"claim_gas":"0.003","reinvest":false,"lockup_days":7,"withdraw_days":14,"note":"points ✓"}]}
 ]}`

func mustParse(t testing.TB, doc string) Set {
	t.Helper()
	s, err := Parse([]byte(doc))
	if err != nil {
		t.Fatalf("Parse(%s) = %v", doc, err)
	}
	return s
}

func canonical(t testing.TB, s Set) string {
	t.Helper()
	data, err := s.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON() = %v", err)
	}
	return string(data)
}

func b64(data []byte) string { return base64.RawURLEncoding.EncodeToString(data) }

func deflate(data []byte) []byte {
	var b bytes.Buffer
	zw, _ := flate.NewWriter(&b, flate.BestCompression)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

func TestEncodeLinkRoundTrip(t *testing.T) {
	want := mustParse(t, linkFile)
	link, err := EncodeLink(want)
	if err != nil {
		t.Fatalf("EncodeLink() = %v", err)
	}
	if !strings.HasPrefix(link, "z=") {
		t.Errorf("EncodeLink() = %q, want a z= link", link)
	}
	if strings.ContainsAny(link[2:], "+/=#&?% ") {
		t.Errorf("EncodeLink() = %q: not unpadded base64url", link)
	}
	for _, fragment := range []string{link, "#" + link} {
		got, err := DecodeLink(fragment)
		if err != nil {
			t.Fatalf("DecodeLink(%q) = %v", fragment, err)
		}
		if g, w := canonical(t, got), canonical(t, want); g != w {
			t.Errorf("DecodeLink(EncodeLink(s)) = %s, want %s", g, w)
		}
	}
}

// A compressed link is what makes a six-scenario set fit in a chat message.
func TestEncodeLinkCompresses(t *testing.T) {
	s := mustParse(t, linkFile)
	link, err := EncodeLink(s)
	if err != nil {
		t.Fatalf("EncodeLink() = %v", err)
	}
	plain := "s=" + b64([]byte(canonical(t, s)))
	if len(link) >= len(plain) {
		t.Errorf("EncodeLink() is %d characters, the plain link %d: want shorter", len(link), len(plain))
	}
}

// bomb is 2 MiB of JSON whitespace in front of a valid file: a few kilobytes once compressed.
var bomb = deflate(append(bytes.Repeat([]byte(" "), 2<<20), linkFile...))

var decodeLinkTests = []struct {
	fragment string
	want     string // canonical JSON of the set, or "" for an error
	err      string // part of the error, when one is wanted
}{
	// Both forms of SPEC section 6, with and without the '#'.
	{"s=" + b64([]byte(linkFile)), linkFile, ""},
	{"#s=" + b64([]byte(linkFile)), linkFile, ""},
	{"z=" + b64(deflate([]byte(linkFile))), linkFile, ""},
	{"#z=" + b64(deflate([]byte(linkFile))), linkFile, ""},
	// Padding, which some tools add, is tolerated.
	{"s=" + base64.URLEncoding.EncodeToString([]byte(linkFile)), linkFile, ""},
	// Not a scenario link at all.
	{"", "", "the link is empty"},
	{"#", "", "the link is empty"},
	{"#top", "", `must start with "z=" or "s="`},
	{"x=" + b64([]byte(linkFile)), "", `must start with "z=" or "s="`},
	// Damaged in transit.
	{"s=" + base64.StdEncoding.EncodeToString([]byte{0xfb, 0xff, 0xfe}), "", "the link is not base64url"}, // "+//+"
	{"z=ab!cd", "", "the link is not base64url"},
	{"z=" + b64([]byte(linkFile)), "", "the link's data is not DEFLATE"},
	{"z=" + b64(deflate([]byte(linkFile))[:40]), "", "the link's data is not DEFLATE"},
	// A zip bomb is refused before it fills the memory.
	{"z=" + b64(bomb), "", "inflates to more than 1048576 bytes"},
	{"s=" + strings.Repeat("A", 2<<20), "", "the link is too long"},
	// A readable link whose file is wrong says what is wrong in it.
	{"s=" + b64([]byte(`{"version":1}`)), "", "the link's scenario file: "},
	{"s=" + b64([]byte(`not json`)), "", "the link's scenario file: "},
}

func TestDecodeLink(t *testing.T) {
	for _, tt := range decodeLinkTests {
		got, err := DecodeLink(tt.fragment)
		name := tt.fragment
		if len(name) > 60 {
			name = name[:60] + "…"
		}
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("DecodeLink(%s) = %v, want an error with %q", name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("DecodeLink(%s) = %v, want no error", name, err)
			continue
		}
		if g, w := canonical(t, got), canonical(t, mustParse(t, tt.want)); g != w {
			t.Errorf("DecodeLink(%s) = %s, want %s", name, g, w)
		}
	}
}

// The page lists every problem of a link's file by field, as it does for a file it imports.
func TestDecodeLinkFieldErrors(t *testing.T) {
	_, err := DecodeLink("s=" + b64([]byte(`{"version":1,"amount":"-1","days":0,"scenarios":[]}`)))
	fes := FieldErrors(err)
	paths := make(map[string]bool)
	for _, fe := range fes {
		paths[fe.Path] = true
	}
	for _, want := range []string{"amount", "days", "scenarios"} {
		if !paths[want] {
			t.Errorf("FieldErrors(DecodeLink(bad file)) = %v, want one for %q", fes, want)
		}
	}
}

func ExampleEncodeLink() {
	s, err := Parse([]byte(`{"version":1,"amount":"32","days":365,"scenarios":[
		{"name":"Staking","layers":[{"name":"Lido","apr":"3.2","fee":"10"}]}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	link, err := EncodeLink(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	back, err := DecodeLink("#" + link)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(link[:2], back.Amount, back.Days, back.Scenarios[0].Layers[0].Name, back.Scenarios[0].Layers[0].APR)
	// Output: z= 32 365 Lido 3.2
}

func FuzzDecodeLink(f *testing.F) {
	for _, tt := range decodeLinkTests {
		if len(tt.fragment) < 4096 {
			f.Add(tt.fragment)
		}
	}
	if link, err := EncodeLink(mustParse(f, linkFile)); err == nil {
		f.Add(link)
	}
	for _, doc := range []string{goalSeekDoc, repeatedKeys(2000), "\xef\xbb\xbf" + minimalDoc} {
		f.Add("z=" + b64(deflate([]byte(doc))))
		f.Add("s=" + b64([]byte(doc)))
	}
	f.Fuzz(func(t *testing.T, fragment string) {
		s, err := DecodeLink(fragment)
		if err != nil {
			if n := len(err.Error()); n > 8192 {
				t.Fatalf("DecodeLink(%q) error is %d bytes", fragment, n)
			}
			if fes := FieldErrors(err); len(fes) > 0 {
				checkErrorList(t, fragment, fes)
			}
			return
		}
		link, err := EncodeLink(s)
		if err != nil {
			t.Fatalf("EncodeLink(DecodeLink(%q)) = %v", fragment, err)
		}
		back, err := DecodeLink(link)
		if err != nil {
			t.Fatalf("DecodeLink(EncodeLink(DecodeLink(%q))) = %v", fragment, err)
		}
		if g, w := canonical(t, back), canonical(t, s); g != w {
			t.Errorf("DecodeLink(EncodeLink(s)) = %s, want %s", g, w)
		}
	})
}
