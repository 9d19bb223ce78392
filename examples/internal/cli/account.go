package cli

import (
	"strings"

	"github.com/favkit/favorites/driver"
)

// AccountTag names the live account c's flags and variables configure, for
// a state file a program keeps beside its output: a digest of the
// provider, the base URL and the credentials (driver.AccountTag), which
// tells two accounts apart and holds no credential. It is "" under -demo,
// whose fakes live for one run, or when a credential is missing.
func (c *Config) AccountTag() string {
	if c.Demo {
		return ""
	}
	creds, err := c.resolve()
	if err != nil {
		return ""
	}
	var secret []string
	for _, n := range credentials[c.Provider] {
		secret = append(secret, creds[n.flag])
	}
	return driver.AccountTag(c.Provider, c.ResolvedBaseURL(), strings.Join(secret, "\x00"))
}
