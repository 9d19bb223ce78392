package driver

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// sensitiveParams are query parameters that carry credentials on some
// services (e621 accepts login and api_key in the query). The SDK never puts
// them there, but a URL from elsewhere, such as a server's next link, might.
var sensitiveParams = []string{"api_key", "access_token", "token", "password", "login", "key", "secret", "client_secret"}

// redactURL renders u without userinfo and with sensitive query values
// replaced, for errors and logs.
func redactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.User = nil
	if c.RawQuery != "" {
		q := c.Query()
		changed := false
		for k := range q {
			for _, s := range sensitiveParams {
				if strings.EqualFold(k, s) {
					q[k] = []string{"REDACTED"}
					changed = true
				}
			}
		}
		if changed {
			c.RawQuery = q.Encode()
		}
	}
	return c.String()
}

// formatText prints text for any fmt verb: %q quotes it and every other verb
// writes it as it is, so a value printed this way shows text and nothing
// else, whatever the verb.
func formatText(s fmt.State, verb rune, text string) {
	if verb == 'q' {
		fmt.Fprintf(s, fmt.FormatString(s, verb), text)
		return
	}
	io.WriteString(s, text)
}

// credentialHeaders hold a credential in a request or response.
var credentialHeaders = []string{"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie"}

// redactHeader returns a copy of h with the value of each credential header
// replaced, whatever the spelling of its key.
func redactHeader(h http.Header) http.Header {
	out := h.Clone()
	for k := range out {
		for _, c := range credentialHeaders {
			if strings.EqualFold(k, c) {
				out[k] = []string{"REDACTED"}
			}
		}
	}
	return out
}

// minScrubbed is the shortest bare password scrubbed on its own: a shorter
// one would blot out ordinary words of every message, and it still goes
// whenever it shows as part of a longer form (user:pass, the base64).
const minScrubbed = 4

// scrubber removes a client's own credential from text a server or a
// transport sent back (a message echoing the Authorization header, a body,
// a URL, a network error), so it never reaches an error or a log line.
type scrubber struct {
	forms []string // every spelling to remove, longest first
}

// newScrubber knows the forms of authorization, the Authorization value: the
// whole value and, for Bearer, the token; for Basic, the base64 (padded or
// not), user:pass and the password. Each also as a URL query or path escapes
// it and as JSON may write it ("/" as "\/").
func newScrubber(authorization string) scrubber {
	scheme, cred, _ := strings.Cut(authorization, " ")
	bare := []string{authorization, cred}
	if strings.EqualFold(scheme, "Basic") {
		bare = append(bare, strings.TrimRight(cred, "="))
		if pair, err := base64.StdEncoding.DecodeString(cred); err == nil {
			bare = append(bare, string(pair))
			if _, pass, ok := strings.Cut(string(pair), ":"); ok && len(pass) >= minScrubbed {
				bare = append(bare, pass)
			}
		}
	}
	return scrubberOf(bare)
}

// scrubberOf knows every bare secret as it is, as a URL query or path
// escapes it and as JSON may write it ("/" as "\/").
func scrubberOf(bare []string) scrubber {
	var forms []string
	for _, b := range bare {
		if b == "" {
			continue
		}
		forms = append(forms, b, url.QueryEscape(b), url.PathEscape(b), strings.ReplaceAll(b, "/", `\/`))
	}
	// Longest first, so a form inside a longer one never leaves the rest of
	// the longer behind; then in order, so Compact drops duplicates.
	slices.SortFunc(forms, func(a, b string) int {
		if d := len(b) - len(a); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return scrubber{forms: slices.Compact(forms)}
}

// scrubbedText replaces a form of the credential in text.
const scrubbedText = "REDACTED"

// String returns text with every form of the credential replaced.
func (s scrubber) String(text string) string {
	for _, f := range s.forms {
		if strings.Contains(text, f) {
			text = strings.ReplaceAll(text, f, scrubbedText)
		}
	}
	return text
}

// holds reports whether text carries a form of the credential.
func (s scrubber) holds(text string) bool {
	return slices.ContainsFunc(s.forms, func(f string) bool { return strings.Contains(text, f) })
}

// Bytes is String for a body; it returns b itself when there is nothing to
// replace.
func (s scrubber) Bytes(b []byte) []byte {
	for _, f := range s.forms {
		if bytes.Contains(b, []byte(f)) {
			b = bytes.ReplaceAll(b, []byte(f), []byte(scrubbedText))
		}
	}
	return b
}

// Error returns err with its text scrubbed, or err itself when its text
// holds no credential.
//
// The scrubbed error unwraps to err, so errors.Is and errors.As still find
// what lies below (a net.Error, a *url.Error, context.DeadlineExceeded):
// code that tells failures apart keeps working. The price is that the text
// of an error taken out with errors.As is the transport's own, unscrubbed;
// only what Error() of the returned error says is safe to log.
func (s scrubber) Error(err error) error {
	if err == nil {
		return nil
	}
	text := err.Error()
	if clean := s.String(text); clean != text {
		return &scrubbedError{text: clean, err: err}
	}
	return err
}

// scrubbedError is an error whose text has the credential removed.
type scrubbedError struct {
	text string
	err  error
}

func (e *scrubbedError) Error() string { return e.text }
func (e *scrubbedError) Unwrap() error { return e.err }
