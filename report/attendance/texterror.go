package attendance

import "github.com/zwfw/zwfw/schema"

// textError is an error whose text is kept apart from its arguments, so
// that a problem quoting it is written in its reader's language: it
// implements [schema.Localizer].
type textError struct{ msg schema.Msg }

// msgError returns an error of the message format with args.
func msgError(format string, args ...any) error {
	return &textError{schema.M(format, args...)}
}

func (e *textError) Error() string                 { return e.msg.String() }
func (e *textError) Localize(l schema.Lang) string { return e.msg.Localize(l) }
