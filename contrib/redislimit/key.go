package redislimit

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// keys names a budget in Redis by provider, host and a digest of the
// account, never the account itself, which may be a credential.
type keys struct {
	name  string // provider, host and digest: what logs and String show
	rate  string // redis_rate's GCRA state (it adds its own "rate:" prefix)
	block string // present while the server said to wait: its TTL is the wait
}

func newKeys(provider, site, account string) (keys, error) {
	if provider == "" || strings.ContainsAny(provider, ": \t\r\n") {
		return keys{}, fmt.Errorf("%w: redislimit: provider %q is not a provider's name", favorites.ErrInvalidArgument, provider)
	}
	host, err := hostOf(site)
	if err != nil {
		return keys{}, err
	}
	tag := driver.AccountTag(provider, host, account)
	name := provider + ":" + host + ":" + tag
	return keys{name: name, rate: "favkit:" + name, block: "favkit:" + name + ":blocked"}, nil
}

// hostOf is the host (with any port) of a base URL such as
// "https://mastodon.social", or of a bare host, in lower case.
func hostOf(site string) (string, error) {
	host := site
	if strings.Contains(site, "://") {
		u, err := url.Parse(site)
		if err != nil {
			return "", fmt.Errorf("%w: redislimit: site: %v", favorites.ErrInvalidArgument, err)
		}
		if u.User != nil {
			return "", fmt.Errorf("%w: redislimit: site %q carries credentials", favorites.ErrInvalidArgument, u.Redacted())
		}
		host = u.Host
	}
	if host == "" || strings.ContainsAny(host, "/?#@ \t\r\n") {
		return "", fmt.Errorf("%w: redislimit: site %q: give the service's base URL or host, such as \"mastodon.social\"",
			favorites.ErrInvalidArgument, site)
	}
	return strings.ToLower(host), nil
}
