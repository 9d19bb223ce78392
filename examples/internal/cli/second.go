package cli

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/mastodon"
)

// SecondHelp documents a second account's flags, for a program's -h.
const SecondHelp = `The second account (-to-*) takes its credentials from its flags or, when a flag
is not given, from the first account's variable with TO_ in front
(TO_MASTODON_TOKEN, TO_E621_LOGIN, ...); its base URL defaults to the first's.`

// Second is a second account of the same provider as a Config's, for a
// program that copies from one account to another.
type Second struct{ c Config }

// Register adds the second account's flags, -to-token, -to-user,
// -to-api-key and -to-base-url, to fs.
func (s *Second) Register(fs *flag.FlagSet) {
	fs.StringVar(&s.c.BaseURL, "to-base-url", "", "the second account's base URL (default the first's)")
	fs.StringVar(&s.c.Token, "to-token", "", "the second account's access token (default $TO_<PROVIDER>_TOKEN)")
	fs.StringVar(&s.c.Login, "to-user", "", "the second account's e621 login name (default $TO_E621_LOGIN)")
	fs.StringVar(&s.c.APIKey, "to-api-key", "", "the second account's e621 API key (default $TO_E621_API_KEY)")
}

// ResolvedBaseURL is the base URL a live client of c's provider is made with:
// the flag, else the provider's variable where it has one; "" is the
// provider's own.
func (c *Config) ResolvedBaseURL() string {
	for _, n := range credentials[c.Provider] {
		if n.flag == "base-url" {
			return c.value(n)
		}
	}
	return c.BaseURL
}

// config is the second account's Config: c's provider and mode, its own
// credentials, and c's base URL unless it names one.
func (s *Second) config(c *Config) Config {
	to := s.c
	to.Provider, to.Demo, to.flagPrefix, to.envPrefix = c.Provider, c.Demo, "to-", "TO_"
	if to.ResolvedBaseURL() == "" {
		to.BaseURL = c.ResolvedBaseURL()
	}
	return to
}

// Open opens the second account: under -demo another account of sess's
// fake, else the live service with the -to-* credentials.
//
// A Mastodon status ID is per instance, so on Mastodon the second account
// must be on the first's instance: another base URL is refused, under
// -demo too. A -demo run has its one fake, so there any -to-base-url but
// the fake's is refused.
func (s *Second) Open(c *Config, sess *Session) (favorites.Favorites, error) {
	if c.Demo {
		if s.c.BaseURL != "" && !SameInstance(sess.BaseURL, s.c.BaseURL) {
			if c.Provider == mastodon.ProviderName {
				return nil, perInstance(sess.BaseURL, s.c.BaseURL)
			}
			return nil, fmt.Errorf("%w: -demo runs offline on one fake server (%s), so the second account is there too, not at -to-base-url %s",
				favorites.ErrInvalidArgument, sess.BaseURL, s.c.BaseURL)
		}
		return sess.second()
	}
	to := s.config(c)
	if c.Provider == mastodon.ProviderName && !SameInstance(c.ResolvedBaseURL(), to.ResolvedBaseURL()) {
		return nil, perInstance(c.ResolvedBaseURL(), to.ResolvedBaseURL())
	}
	return to.openLive(context.Background())
}

// perInstance refuses a Mastodon second account at to, another instance
// than the first's, at from.
func perInstance(from, to string) error {
	return fmt.Errorf("%w: a Mastodon status ID is per instance, so the second account must be on the first's instance (%s), not %s",
		favorites.ErrInvalidArgument, from, to)
}

// SameInstance reports whether two base URLs name one server: scheme and
// host compared without case, a default port dropped, a final slash
// ignored.
func SameInstance(a, b string) bool {
	ua, errA := url.Parse(a)
	ub, errB := url.Parse(b)
	return errA == nil && errB == nil && a != "" && canonicalBase(ua) == canonicalBase(ub)
}

func canonicalBase(u *url.URL) string {
	scheme, host, port := strings.ToLower(u.Scheme), strings.ToLower(u.Hostname()), u.Port()
	if port != "" && !(scheme == "https" && port == "443") && !(scheme == "http" && port == "80") {
		host += ":" + port
	}
	return scheme + "://" + host + strings.TrimRight(u.EscapedPath(), "/")
}
