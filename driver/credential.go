package driver

import (
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/favkit/favorites"
)

// Credential is how a provider's client authenticates: the Authorization
// value every request to the base URL carries, and nowhere else. It is
// built by [BearerToken] or [BasicAuth], which check it, and only a
// provider's [Config] holds one: no caller's option can replace it. It
// keeps the secret behind a pointer, so that no fmt verb prints it.
type Credential struct{ c *credential }

// BearerToken authenticates with "Authorization: Bearer <token>".
func BearerToken(token string) (Credential, error) {
	if err := checkCredential("bearer token", token); err != nil {
		return Credential{}, err
	}
	return newCredential("Bearer " + token), nil
}

// BasicAuth authenticates with HTTP Basic auth.
func BasicAuth(user, password string) (Credential, error) {
	if err := checkCredential("basic auth user", user); err != nil {
		return Credential{}, err
	}
	if strings.Contains(user, ":") {
		return Credential{}, fmt.Errorf("%w: basic auth user contains ':'", favorites.ErrInvalidArgument)
	}
	if err := checkCredential("basic auth password", password); err != nil {
		return Credential{}, err
	}
	return newCredential("Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+password))), nil
}

// String never shows the credential: a Credential in a printed Config or
// log line reads as whether one is set.
func (c Credential) String() string {
	if c.c == nil {
		return "none"
	}
	return "set"
}

func checkCredential(what, v string) error {
	if v == "" {
		return fmt.Errorf("%w: empty %s", favorites.ErrInvalidArgument, what)
	}
	if strings.ContainsFunc(v, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return fmt.Errorf("%w: %s contains a control character", favorites.ErrInvalidArgument, what)
	}
	return nil
}

// newCredential keeps header and the scrubber of its forms.
func newCredential(header string) Credential {
	return Credential{c: &credential{header: header, scrub: newScrubber(header)}}
}
