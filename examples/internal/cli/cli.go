// Package cli is the set-up the example programs share: which provider to
// use, its credentials from flags or environment variables, and -demo, which
// runs against a built-in fake server instead of the network.
package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
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

// credential is one setting a provider needs to run live: the flag it comes
// from and the environment variable it falls back to.
type credential struct{ flag, env string }

// credentials are what each provider needs to run live, in the order -h
// lists them.
var credentials = map[string][]credential{
	mastodon.ProviderName: {{"base-url", "MASTODON_BASE_URL"}, {"token", "MASTODON_TOKEN"}},
	e621.ProviderName:     {{"user", "E621_LOGIN"}, {"api-key", "E621_API_KEY"}},
	waifuim.ProviderName:  {{"token", "WAIFUIM_TOKEN"}},
	playplay.ProviderName: {{"base-url", "PLAYPLAY_BASE_URL"}, {"token", "PLAYPLAY_TOKEN"}},
	dch.ProviderName:      {{"token", "DCH_TOKEN"}},
}

// envHelp documents the flags and variables each provider needs, for a
// program's -h.
func envHelp() string {
	var b strings.Builder
	b.WriteString("Credentials come from flags or, when a flag is not given, the environment:\n")
	for _, p := range Providers {
		var each []string
		for _, c := range credentials[p] {
			each = append(each, "-"+c.flag+" or "+c.env)
		}
		fmt.Fprintf(&b, "  %-9s %s\n", p, strings.Join(each, ", "))
	}
	b.WriteString("e621, waifuim and dch take -base-url too (e621: for e926).\n")
	b.WriteString("On Mastodon, -login signs in instead: it prints a page to open, reads the code you\n")
	b.WriteString("paste, and saves the token in a file only you can read, which later runs use.\n")
	b.WriteString("With -demo, no credentials are needed: a built-in fake server stands in.")
	return b.String()
}

// Config is what the flags say.
type Config struct {
	Provider string
	Demo     bool
	BaseURL  string
	Token    string
	Login    string
	APIKey   string

	// SignIn is -login alone: sign in to Mastodon and save the token in
	// TokenFile (see login.go).
	SignIn    bool
	TokenFile string
	// Stdin is where a sign-in reads the pasted code (nil: os.Stdin) and
	// Prompt where it asks for it (nil: os.Stderr; FlagSet sets it to the
	// program's stderr).
	Stdin  io.Reader
	Prompt io.Writer

	// Before each flag's and each environment variable's name: "to-" and
	// "TO_" for a second account.
	flagPrefix, envPrefix string
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
	fs.BoolVar(&c.SignIn, "login", false, "sign in to Mastodon and save the token (see -token-file)")
	fs.StringVar(&c.Login, "user", "", "e621 login name (default $E621_LOGIN)")
	fs.StringVar(&c.TokenFile, "token-file", "", "where -login saves the Mastodon token, and later runs read it (default mastodon-<host>.json in favkit's config folder)")
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

// Open is OpenContext with a context that never ends.
func (c *Config) Open() (*Session, error) { return c.OpenContext(context.Background()) }

// OpenContext connects to the configured provider, or under -demo starts
// its fake. On Mastodon with -login it signs in first, and without a
// token it takes the one an earlier -login saved.
func (c *Config) OpenContext(ctx context.Context) (*Session, error) {
	if c.Demo && c.SignIn {
		return nil, fmt.Errorf("%w: -login signs in to a live instance; -demo needs no sign-in", favorites.ErrInvalidArgument)
	}
	if c.Demo {
		s, err := openDemo(c.Provider)
		if err == nil {
			s.Spare = s.Catalogue[demoFavourites:]
		}
		return s, err
	}
	f, err := c.openLive(ctx)
	if err != nil {
		return nil, err
	}
	return &Session{Favorites: f, BaseURL: c.ResolvedBaseURL()}, nil
}

func (c *Config) openLive(ctx context.Context) (favorites.Favorites, error) {
	if err := c.mastodonToken(ctx); err != nil {
		return nil, err
	}
	v, err := c.resolve()
	if err != nil {
		return nil, err
	}
	var opts []favorites.Option
	if c.BaseURL != "" {
		opts = append(opts, favorites.WithBaseURL(c.BaseURL))
	}
	switch c.Provider {
	case mastodon.ProviderName:
		cl, err := mastodon.New(v["base-url"], v["token"])
		return adapt(cl, err, mastodon.NewAdapter)
	case e621.ProviderName:
		cl, err := e621.New(v["user"], v["api-key"], opts...)
		return adapt(cl, err, e621.NewAdapter)
	case waifuim.ProviderName:
		cl, err := waifuim.New(v["token"], opts...)
		return adapt(cl, err, waifuim.NewAdapter)
	case playplay.ProviderName:
		cl, err := playplay.New(v["base-url"], v["token"])
		return adapt(cl, err, playplay.NewAdapter)
	case dch.ProviderName:
		cl, err := dch.New(v["token"], opts...)
		return adapt(cl, err, dch.NewAdapter)
	}
	return nil, unknownProvider(c.Provider)
}

// resolve returns the provider's credentials by flag name, each from its
// flag or else its variable, or an error naming every one missing by both,
// before anything is sent.
func (c *Config) resolve() (map[string]string, error) {
	needs, ok := credentials[c.Provider]
	if !ok {
		return nil, unknownProvider(c.Provider)
	}
	got := map[string]string{}
	var missing []string
	for _, n := range needs {
		if got[n.flag] = c.value(n); got[n.flag] == "" {
			missing = append(missing, "-"+c.flagPrefix+n.flag+" or "+c.envPrefix+n.env)
		}
	}
	if len(missing) > 0 {
		who := c.Provider
		if c.flagPrefix != "" {
			who = "the second account (" + c.Provider + ")"
		}
		hint := "run with -demo, offline"
		if c.Provider == mastodon.ProviderName && c.flagPrefix == "" {
			hint = "-login to sign in, or " + hint
		}
		return nil, fmt.Errorf("%w: %s needs %s (or %s)",
			favorites.ErrInvalidArgument, who, strings.Join(missing, " and "), hint)
	}
	return got, nil
}

// value is the credential's flag, or when it is empty its variable.
func (c *Config) value(n credential) string {
	flags := map[string]string{"base-url": c.BaseURL, "token": c.Token, "user": c.Login, "api-key": c.APIKey}
	return c.env(flags[n.flag], n.env)
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
