package favorites

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
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
