package driver

import (
	"errors"
	"fmt"
	"strings"

	"github.com/favkit/favorites"
)

// ScrubSecrets returns err with every form of each secret removed, as a
// Client removes its own credential from what [Client.Do] returns. It is
// for secrets a request carries in its body rather than in the client's
// credential, such as an OAuth client secret, code or token: a server may
// echo them in an error, and they must not reach a log from there.
//
// An [*favorites.APIError] within err is scrubbed field by field, in
// place, its Body too, including the start of a secret that the body's
// cut at [MaxErrorBody] left at its end. When err's own text still holds
// a secret, the result is an error whose text is scrubbed and which
// unwraps to err, so errors.Is and errors.As keep working (the text of an
// error taken out with errors.As is its own; only the returned error's
// text is safe to log, as with [Client.Do]). Empty secrets are ignored.
func ScrubSecrets(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	s := scrubberOf(secrets)
	var apiErr *favorites.APIError
	if errors.As(err, &apiErr) {
		scrubFields(s, apiErr)
	}
	return s.Error(err)
}

// scrubFields removes s's secrets from every text field of e.
func scrubFields(s scrubber, e *favorites.APIError) {
	e.Message = s.String(e.Message)
	e.URL = s.String(e.URL)
	e.Code = s.String(e.Code)
	e.RequestID = s.String(e.RequestID)
	e.Body = s.cutTail(s.Bytes(e.Body))
}

// cutTail replaces a start of a secret's form at the end of b, which a
// cut body may leave there: the form's first minScrubbed bytes or more.
func (s scrubber) cutTail(b []byte) []byte {
	text := string(b)
	for _, f := range s.forms {
		for n := len(f) - 1; n >= minScrubbed; n-- {
			if strings.HasSuffix(text, f[:n]) {
				return append(b[:len(b)-n:len(b)-n], scrubbedText...)
			}
		}
	}
	return b
}

// FormatText prints text under any fmt verb: %q quotes it and every other
// verb writes it as it is. A type that holds a secret calls it from its
// Format method with a description that leaves the secret out, so that no
// verb (%d, %x, %+v, ...) makes fmt walk its fields, as [Client] does.
func FormatText(s fmt.State, verb rune, text string) { formatText(s, verb, text) }
