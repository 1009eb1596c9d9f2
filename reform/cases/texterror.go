package cases

import (
	"strings"

	"github.com/zwfw/zwfw/schema"
)

// textError is an error whose text is kept apart from its arguments, so
// that a problem quoting it is written in its reader's language: it
// implements [schema.Localizer]. Its Error has the package's prefix
// ("cases: ") when prefix is set; its Localize never does.
type textError struct {
	prefix string
	msg    schema.Msg
}

// errorf returns an error of the message format with args; its Error
// starts with prefix.
func errorf(prefix, format string, args ...any) error {
	return &textError{prefix, schema.M(format, args...)}
}

func (e *textError) Error() string                 { return e.prefix + e.msg.String() }
func (e *textError) Localize(l schema.Lang) string { return e.msg.Localize(l) }

// unprefixed returns err as a message argument without the package's
// prefix: the message itself when err is a textError, so that it is
// written in the reader's language.
func unprefixed(err error) any {
	if e, ok := err.(*textError); ok {
		return e.msg
	}
	return strings.TrimPrefix(err.Error(), "cases: ")
}

// terms is a list of Chinese terms, separated by commas in English text
// and by 、 in Chinese.
type terms []string

func (t terms) String() string { return strings.Join(t, ", ") }

func (t terms) Localize(l schema.Lang) string {
	if l == schema.Chinese {
		return strings.Join(t, "、")
	}
	return t.String()
}
