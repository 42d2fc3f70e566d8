package calc

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Names that look alike. A name, a token symbol, the asset, the currency and the title are one
// line of text a person reads; a note is free text. Neither may hold characters that would make
// the page show something other than what the file says:
//
//   - control characters (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F), except that a note
//     keeps its line breaks and tabs (U+000A, U+000D, U+0009);
//   - characters that turn the direction of the text around them: the embeddings and overrides
//     U+202A–U+202E, the isolates U+2066–U+2069, and the marks U+200E, U+200F and U+061C. A
//     right-to-left override in a layer's name would reverse the page's own words after it.
//
// Invisible characters (zero-width U+200B–U+200D, the word joiner U+2060, U+FEFF and the soft
// hyphen U+00AD) are allowed, but two names that differ only by them, or by case, are the same
// name: see [SameName].
//
// Names are not brought to Unicode normal form C before they are compared (the package uses the
// standard library only, which has no normalisation tables): "é" typed as one character and as
// "e" followed by U+0301 count as two names, though they look alike. Both show an accent, so the
// once-per-stack rule can be sidestepped this way only on purpose.

// controlCharacter reports whether r is a C0 or C1 control character or DEL.
func controlCharacter(r rune) bool { return r < 0x20 || (r >= 0x7f && r <= 0x9f) }

// directionCharacter reports whether r changes the direction of the text around it.
func directionCharacter(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// invisibleCharacter reports whether r shows nothing: zero-width spaces and joiners, the word
// joiner, the zero-width no-break space (byte-order mark) and the soft hyphen.
func invisibleCharacter(r rune) bool {
	return (r >= 0x200b && r <= 0x200d) || r == 0x2060 || r == 0xfeff || r == 0x00ad
}

// checkCharacters refuses the control and direction characters of s that its class does not
// allow, naming the first one and where it is (counting characters from 1).
func checkCharacters(path, s string, class textClass) *FieldError {
	n := 0
	for _, r := range s {
		n++
		switch {
		case class == freeText && (r == '\n' || r == '\r' || r == '\t'):
		case controlCharacter(r):
			what := "control characters"
			if class == freeText {
				what = "control characters other than line breaks and tabs"
			}
			return fieldErr(path, quoteText(s), "must not contain %s (U+%04X is character %d)", what, r, n)
		case directionCharacter(r):
			return fieldErr(path, quoteText(s),
				"must not contain characters that change the direction of the text (U+%04X is character %d)", r, n)
		}
	}
	return nil
}

// SameName reports whether two names count as one: equal once invisible characters are removed
// and case is folded ("Lido", "LIDO" and "Li\u200Bdo" are one name). Layer names within a stack,
// scenario names within a set, and a reward token against the set's asset are compared this way.
func SameName(a, b string) bool { return strings.EqualFold(visible(a), visible(b)) }

// visible returns s without its invisible characters.
func visible(s string) string {
	if !strings.ContainsFunc(s, invisibleCharacter) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if invisibleCharacter(r) {
			return -1
		}
		return r
	}, s)
}

// quoteText returns s quoted for an error message: as typed where it can be read (`"<b>"`, not
// `"\u003cb\u003e"`), with Go escapes for what cannot be seen or would break the line (control,
// direction, invisible and non-printing characters), so that the message is one line and shows
// what is really there.
func quoteText(s string) string { return strconv.Quote(s) }

// shown returns a name for a message about another field: as written when every character
// prints, and otherwise quoted with escapes (the name's own field has its error already).
func shown(name string) string {
	for _, r := range name {
		if !strconv.IsPrint(r) {
			return quoteGot(quoteText(name))
		}
	}
	return name
}

// readableName returns a field name as a path shows it: as written when every character prints,
// and otherwise quoted with escapes, so that an unknown field's name cannot hide in a message.
func readableName(name string) string {
	plain := utf8.ValidString(name) && name != ""
	for _, r := range name {
		plain = plain && strconv.IsPrint(r) && r != '"'
	}
	if plain && utf8.RuneCountInString(name) <= 40 {
		return name
	}
	return quoteGot(fmt.Sprintf("%q", name))
}
