package favorites

import (
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
