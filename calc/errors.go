package calc

import (
	"errors"
	"fmt"
)

// FieldError is one problem with one field of a scenario file. Path names the field the way the
// file spells it, "scenarios[1].layers[0].apr"; it is empty for a problem with the document as a
// whole (not JSON, say). Got is the offending input as written, a JSON literal, or empty.
type FieldError struct {
	Path string
	Msg  string
	Got  string
}

// Error returns `path: message (got input)`, leaving out what is empty.
func (e *FieldError) Error() string {
	s := e.Msg
	if e.Path != "" {
		s = e.Path + ": " + s
	}
	if e.Got != "" {
		s += " (got " + e.Got + ")"
	}
	return s
}

// FieldErrors returns every *FieldError in err's tree, in order: the errors that [Parse],
// [Set.Validate] and [Evaluate] join. Errors of other types are left out.
func FieldErrors(err error) []*FieldError {
	var out []*FieldError
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		var fe *FieldError
		if e, ok := err.(*FieldError); ok {
			out = append(out, e)
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		if errors.As(err, &fe) {
			out = append(out, fe)
		}
	}
	walk(err)
	return out
}

// quoteGot returns a JSON literal shortened for an error message.
func quoteGot(raw string) string {
	const max = 40
	r := []rune(raw)
	if len(r) > max {
		return string(r[:max]) + "…"
	}
	return raw
}

func fieldErr(path, got, format string, args ...any) *FieldError {
	return &FieldError{Path: path, Msg: fmt.Sprintf(format, args...), Got: quoteGot(got)}
}
