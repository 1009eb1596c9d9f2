package matters

import "github.com/zwfw/zwfw/schema"

// textError is an error whose text is kept apart from its arguments, so
// that a problem quoting it is written in its reader's language: it
// implements [schema.Localizer]. It wraps a sentinel when there is one.
type textError struct {
	sentinel error
	msg      schema.Msg
}

// errorf returns an error of the message format with args, wrapping
// sentinel (which may be nil).
func errorf(sentinel error, format string, args ...any) error {
	return &textError{sentinel, schema.M(format, args...)}
}

func (e *textError) Error() string                 { return e.msg.String() }
func (e *textError) Unwrap() error                 { return e.sentinel }
func (e *textError) Localize(l schema.Lang) string { return e.msg.Localize(l) }
