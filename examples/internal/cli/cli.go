// Package cli is the set-up the example programs share: which provider to
// use, its credentials from flags or environment variables, and -demo, which
// runs against a built-in fake server instead of the network.
package cli

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/dch"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/playplay"
	"github.com/favkit/favorites/providers/waifuim"
)

// Providers lists the provider names the programs accept.
var Providers = []string{mastodon.ProviderName, e621.ProviderName, waifuim.ProviderName, playplay.ProviderName, dch.ProviderName}

// EnvHelp documents the environment variables, for a program's -h.
const EnvHelp = `Credentials come from flags or, when a flag is not given, the environment:
  mastodon  -base-url or MASTODON_BASE_URL, -token or MASTODON_TOKEN
  e621      -login or E621_LOGIN, -api-key or E621_API_KEY (-base-url for e926)
  waifuim   -token or WAIFUIM_TOKEN
  playplay  -base-url or PLAYPLAY_BASE_URL, -token or PLAYPLAY_TOKEN
  dch       -token or DCH_TOKEN
With -demo, no credentials are needed: a built-in fake server stands in.`

// Config is what the flags say.
type Config struct {
	Provider string
	Demo     bool
	BaseURL  string
	Token    string
	Login    string
	APIKey   string

	envPrefix string // before each environment variable's name: "TO_" for a second account
}

// env is flagValue, or when it is empty the environment variable name
// (with the config's prefix, for a second account).
func (c *Config) env(flagValue, name string) string {
	if flagValue != "" {
		return flagValue
	}
	return os.Getenv(c.envPrefix + name)
}

// Register adds the shared flags to fs.
func (c *Config) Register(fs *flag.FlagSet) {
	fs.StringVar(&c.Provider, "provider", "", "provider: "+strings.Join(Providers, ", "))
	fs.BoolVar(&c.Demo, "demo", false, "run against a built-in fake server, offline")
	fs.StringVar(&c.BaseURL, "base-url", "", "the service's base URL, where it has no fixed one")
	fs.StringVar(&c.Token, "token", "", "access token (default from the provider's _TOKEN variable)")
	fs.StringVar(&c.Login, "login", "", "e621 login (default $E621_LOGIN)")
	fs.StringVar(&c.APIKey, "api-key", "", "e621 API key (default $E621_API_KEY)")
}

// Session is an open provider: its portable adapter and, under -demo, the
// fake's catalogue of items that could be favourites.
type Session struct {
	Favorites favorites.Favorites
	Catalogue []favorites.Ref

	// Spare are the catalogue's items that were not favourites when the
	// demo fake started, for a demo that makes new ones; nil for a live
	// service.
	Spare []favorites.Ref

	// second opens another account on the demo fake; nil for a live
	// service.
	second func() (favorites.Favorites, error)

	// BaseURL is the service's base URL where it has no fixed one (the
	// demo fake's, or the configured one); "" for the provider's own.
	BaseURL string

	// Faults injects failures into the demo fake; nil for a live service.
	Faults *favoritestest.Faults

	close func()
}

// Close shuts down the demo fake, if any.
func (s *Session) Close() {
	if s.close != nil {
		s.close()
	}
}

// Open connects to the configured provider, or under -demo starts its fake.
func (c *Config) Open() (*Session, error) {
	if c.Demo {
		s, err := openDemo(c.Provider)
		if err == nil {
			s.Spare = s.Catalogue[demoFavourites:]
		}
		return s, err
	}
	f, err := c.openLive()
	if err != nil {
		return nil, err
	}
	return &Session{Favorites: f, BaseURL: c.ResolvedBaseURL()}, nil
}

func (c *Config) openLive() (favorites.Favorites, error) {
	env := c.env
	var opts []favorites.Option
	if c.BaseURL != "" {
		opts = append(opts, favorites.WithBaseURL(c.BaseURL))
	}
	switch c.Provider {
	case mastodon.ProviderName:
		cl, err := mastodon.New(env(c.BaseURL, "MASTODON_BASE_URL"), env(c.Token, "MASTODON_TOKEN"))
		return adapt(cl, err, mastodon.NewAdapter)
	case e621.ProviderName:
		cl, err := e621.New(env(c.Login, "E621_LOGIN"), env(c.APIKey, "E621_API_KEY"), opts...)
		return adapt(cl, err, e621.NewAdapter)
	case waifuim.ProviderName:
		cl, err := waifuim.New(env(c.Token, "WAIFUIM_TOKEN"), opts...)
		return adapt(cl, err, waifuim.NewAdapter)
	case playplay.ProviderName:
		cl, err := playplay.New(env(c.BaseURL, "PLAYPLAY_BASE_URL"), env(c.Token, "PLAYPLAY_TOKEN"))
		return adapt(cl, err, playplay.NewAdapter)
	case dch.ProviderName:
		cl, err := dch.New(env(c.Token, "DCH_TOKEN"), opts...)
		return adapt(cl, err, dch.NewAdapter)
	}
	return nil, unknownProvider(c.Provider)
}

// adapt wraps a typed client in its adapter, passing a constructor error on.
func adapt[C any, A favorites.Favorites](cl C, err error, newAdapter func(C) A) (favorites.Favorites, error) {
	if err != nil {
		return nil, err
	}
	return newAdapter(cl), nil
}

func unknownProvider(name string) error {
	return fmt.Errorf("%w: -provider %q: want one of %s", favorites.ErrInvalidArgument, name, strings.Join(Providers, ", "))
}
