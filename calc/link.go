package calc

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
)

// MaxLinkBytes bounds the scenario file a share link may carry, once decoded and decompressed:
// far above any real set (six scenarios of eight layers with notes is a few kilobytes), far below
// what would hurt a phone. A link that inflates beyond it (a "zip bomb") is refused.
const MaxLinkBytes = 1 << 20

// A share link carries the whole scenario file in the URL fragment (SPEC section 6), so that it
// never reaches a server:
const (
	LinkPlain      = "s=" // base64url (no padding) of the scenario file's JSON
	LinkCompressed = "z=" // base64url (no padding) of the JSON compressed with raw DEFLATE
)

// EncodeLink returns the fragment, without '#', that shares s: "z=" and the base64url (no
// padding) of s's canonical scenario file compressed with raw DEFLATE. [DecodeLink] gives s back.
func EncodeLink(s Set) (string, error) {
	data, err := s.MarshalJSON()
	if err != nil {
		return "", err
	}
	if len(data) > MaxLinkBytes {
		return "", fmt.Errorf("the scenario file is %d bytes, more than a link carries (%d)", len(data), MaxLinkBytes)
	}
	var b bytes.Buffer
	zw, err := flate.NewWriter(&b, flate.BestCompression)
	if err != nil {
		return "", err
	}
	if _, err := zw.Write(data); err != nil {
		return "", err
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	return LinkCompressed + base64.RawURLEncoding.EncodeToString(b.Bytes()), nil
}

// DecodeLink reads the scenario set a share link carries: fragment is the URL's fragment, with or
// without its '#', holding "s=" (plain) or "z=" (compressed) and base64url text; padding is
// tolerated. The error says why a link cannot be read, for the notice the page shows; when the
// scenario file itself is wrong, [FieldErrors] lists its problems as [Parse] reports them.
func DecodeLink(fragment string) (Set, error) {
	fragment = strings.TrimPrefix(fragment, "#")
	var compressed bool
	switch {
	case fragment == "":
		return Set{}, errors.New("the link is empty: it carries no scenarios")
	case strings.HasPrefix(fragment, LinkPlain):
	case strings.HasPrefix(fragment, LinkCompressed):
		compressed = true
	default:
		return Set{}, fmt.Errorf("the link is not a scenario link: it must start with %q or %q (got %q)",
			LinkCompressed, LinkPlain, abbreviateLink(fragment))
	}
	text := strings.TrimRight(fragment[len(LinkPlain):], "=")
	if base64.RawURLEncoding.DecodedLen(len(text)) > MaxLinkBytes {
		return Set{}, fmt.Errorf("the link is too long: it may carry at most %d bytes", MaxLinkBytes)
	}
	raw, err := base64.RawURLEncoding.DecodeString(text)
	if err != nil {
		return Set{}, fmt.Errorf("the link is not base64url: %w", err)
	}
	data := raw
	if compressed {
		zr := flate.NewReader(bytes.NewReader(raw))
		data, err = io.ReadAll(io.LimitReader(zr, MaxLinkBytes+1))
		if err != nil {
			return Set{}, fmt.Errorf("the link's data is not DEFLATE: %w", err)
		}
		if len(data) > MaxLinkBytes {
			return Set{}, fmt.Errorf("the link's data inflates to more than %d bytes: refused", MaxLinkBytes)
		}
	}
	s, err := Parse(data)
	if err != nil {
		return Set{}, &linkFileError{err: err}
	}
	return s, nil
}

// linkFileError is a link whose scenario file does not parse. It unwraps to the parser's errors
// themselves, so that [FieldErrors] lists every one of them.
type linkFileError struct{ err error }

func (e *linkFileError) Error() string { return "the link's scenario file: " + e.err.Error() }

func (e *linkFileError) Unwrap() []error {
	if j, ok := e.err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{e.err}
}

// abbreviateLink shortens a fragment quoted in an error.
func abbreviateLink(s string) string {
	const max = 20
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}
