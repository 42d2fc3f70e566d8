package calc

import (
	"errors"
	"fmt"
)

// FieldError is one problem with one field of a scenario file. Path names the field the way the
// file spells it, "scenarios[1].layers[0].apr"; it is empty for a problem with the document as a
// whole (not JSON, say). Got is the offending input as written, a JSON literal, or empty.
//
// A list of errors cut short ends with a FieldError whose More counts the problems left out
// (see [Parse]): its Path and Got are empty and its Msg says "and N more problems".
type FieldError struct {
	Path string
	Msg  string
	Got  string
	More int // on the error that ends a list cut short: how many problems it leaves out
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

// Limits of an error list.
const (
	// MaxListedErrors is how many problems [Parse] and [DecodeLink] list before one last error
	// says how many more there are: a screenful.
	MaxListedErrors = 20
	// maxProblems is how many problems the parser finds before it stops reading: a document
	// with that many is not a scenario file with a few mistakes, and reading on would only cost
	// time and memory (a link can repeat one key 150,000 times in 1,874 characters).
	maxProblems = 200
)

// listed joins the first MaxListedErrors of errs and, when there are more, one *FieldError
// saying how many more; stopped says the reading stopped early, so that there may be others.
func listed(errs []error, stopped bool) error {
	if len(errs) <= MaxListedErrors && !stopped {
		return errors.Join(errs...)
	}
	n := max(len(errs), MaxListedErrors)
	out := append([]error(nil), errs[:min(len(errs), MaxListedErrors)]...)
	more := n - MaxListedErrors
	var msg string
	switch {
	case stopped:
		msg = fmt.Sprintf("and at least %d more %s: reading stopped there, as this does not look like a scenario file", more, problems(more))
	default:
		msg = fmt.Sprintf("and %d more %s", more, problems(more))
	}
	return errors.Join(append(out, &FieldError{Msg: msg, More: more})...)
}

func problems(n int) string {
	if n == 1 {
		return "problem"
	}
	return "problems"
}
