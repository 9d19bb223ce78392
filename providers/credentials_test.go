// Package providers_test checks, for all five providers at once, that a
// credential never shows in what the SDK prints: debug logs, error strings
// and formatted clients.
package providers_test

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/dch"
	"github.com/favkit/favorites/providers/dch/dchtest"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
	"github.com/favkit/favorites/providers/playplay"
	"github.com/favkit/favorites/providers/playplay/playplaytest"
	"github.com/favkit/favorites/providers/waifuim"
	"github.com/favkit/favorites/providers/waifuim/waifuimtest"
)

const secret = "SECRET-7f3a9c"

// fake is a provider's fake server and a client for it built with secret.
type fake struct {
	url    string
	faults *favoritestest.Faults
	close  func()
	open   func(url string, opts ...favorites.Option) (client any, f favorites.Favorites, err error)
}

func fakes() map[string]func() fake {
	return map[string]func() fake{
		"mastodon": func() fake {
			s := mastodontest.NewServer()
			return fake{s.URL, s.Faults, s.Close, func(url string, opts ...favorites.Option) (any, favorites.Favorites, error) {
				c, err := mastodon.New(url, secret, opts...)
				return c, mastodon.NewAdapter(c), err
			}}
		},
		"e621": func() fake {
			s := e621test.NewServer()
			return fake{s.URL, s.Faults, s.Close, func(url string, opts ...favorites.Option) (any, favorites.Favorites, error) {
				c, err := e621.New(e621test.Login, secret, append(opts, favorites.WithBaseURL(url))...)
				return c, e621.NewAdapter(c), err
			}}
		},
		"waifuim": func() fake {
			s := waifuimtest.NewServer()
			return fake{s.URL, s.Faults, s.Close, func(url string, opts ...favorites.Option) (any, favorites.Favorites, error) {
				c, err := waifuim.New(secret, append(opts, favorites.WithBaseURL(url))...)
				return c, waifuim.NewAdapter(c), err
			}}
		},
		"playplay": func() fake {
			s := playplaytest.NewServer()
			return fake{s.URL, s.Faults, s.Close, func(url string, opts ...favorites.Option) (any, favorites.Favorites, error) {
				c, err := playplay.New(url, secret, opts...)
				return c, playplay.NewAdapter(c), err
			}}
		},
		"dch": func() fake {
			s := dchtest.NewServer()
			return fake{s.URL, s.Faults, s.Close, func(url string, opts ...favorites.Option) (any, favorites.Favorites, error) {
				c, err := dch.New(secret, append(opts, favorites.WithBaseURL(url))...)
				return c, dch.NewAdapter(c), err
			}}
		},
	}
}

// TestCredentialsNeverShown makes each provider fail twice, once refused
// (the fake does not know secret) and once after retrying 503s, with debug
// logging on, and looks for the credential, raw or base64-encoded as basic
// auth sends it, in everything the SDK printed.
func TestCredentialsNeverShown(t *testing.T) {
	forms := []string{secret, base64.StdEncoding.EncodeToString([]byte(e621test.Login + ":" + secret))}
	for name, start := range fakes() {
		t.Run(name, func(t *testing.T) {
			f := start()
			defer f.close()
			var logs bytes.Buffer
			logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			client, adapter, err := f.open(f.url, favorites.WithLogger(logger), favorites.WithRateLimiter(nil),
				favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: time.Millisecond}))
			if err != nil {
				t.Fatal(err)
			}
			_, refused := firstPage(t, adapter)
			f.faults.FailNext(3, 503)
			_, retried := firstPage(t, adapter)
			if refused == nil || retried == nil {
				t.Fatalf("want two errors, got %v and %v", refused, retried)
			}
			if !strings.Contains(logs.String(), "attempt=3") {
				t.Fatalf("the debug log does not show the retries:\n%s", logs.String())
			}
			shown := map[string]string{
				"log": logs.String(), "refused": refused.Error(), "retried": retried.Error(),
				"%+v refused": fmt.Sprintf("%+v", refused), "%#v refused": fmt.Sprintf("%#v", refused),
			}
			for _, verb := range []string{"%v", "%+v", "%#v"} {
				shown[verb+" client"] = fmt.Sprintf(verb, client)
				shown[verb+" adapter"] = fmt.Sprintf(verb, adapter)
			}
			for where, s := range shown {
				for _, form := range forms {
					if strings.Contains(s, form) {
						t.Errorf("%s shows the credential: %s", where, s)
					}
				}
			}
		})
	}
}

func firstPage(t *testing.T, f favorites.Favorites) (favorites.Page[favorites.Favorite], error) {
	t.Helper()
	return f.List(nil).NextPage(t.Context())
}

// printVerbs are the fmt verbs a credential must not show under; %d, %t,
// %x and %X are the ones fmt answers by walking fields when a value has no
// Format of its own.
var printVerbs = []string{"%v", "%+v", "%#v", "%s", "%q", "%d", "%t", "%x", "%X", "%T", "%10.3v"}

// credentialForms are the ways secret could show: as it is, as basic auth
// sends it, and hex-encoded as %x would print it.
func credentialForms() []string {
	basic := base64.StdEncoding.EncodeToString([]byte(e621test.Login + ":" + secret))
	forms := []string{secret, basic, e621test.Login + ":" + secret}
	for _, f := range []string{secret, basic} {
		forms = append(forms, hex.EncodeToString([]byte(f)), strings.ToUpper(hex.EncodeToString([]byte(f))))
	}
	return forms
}

// TestCredentialsNeverPrint prints every value that holds a credential,
// for every provider, under every verb, alone and inside a struct, and
// through slog's text and JSON handlers.
func TestCredentialsNeverPrint(t *testing.T) {
	for name, start := range fakes() {
		t.Run(name, func(t *testing.T) {
			f := start()
			defer f.close()
			client, adapter, err := f.open(f.url)
			if err != nil {
				t.Fatal(err)
			}
			auth := favorites.WithBearerToken(secret)
			if name == "e621" {
				auth = favorites.WithBasicAuth(e621test.Login, secret)
			}
			core, err := favorites.New(name, favorites.WithBaseURL(f.url), auth)
			if err != nil {
				t.Fatal(err)
			}
			req, err := core.NewRequest("GET", "x", nil, nil)
			if err != nil || req.Header.Get("Authorization") == "" {
				t.Fatalf("a request with the credential: %v, %v", req, err)
			}
			values := map[string]any{"client": client, "adapter": adapter, "core": core, "request": req}
			for what, v := range values {
				var shown []string
				for _, verb := range printVerbs {
					shown = append(shown, fmt.Sprintf(verb, v), fmt.Sprintf(verb, struct{ V any }{v}))
				}
				var logs bytes.Buffer
				slog.New(slog.NewTextHandler(&logs, nil)).Info("m", "v", v)
				slog.New(slog.NewJSONHandler(&logs, nil)).Info("m", "v", v)
				shown = append(shown, logs.String())
				for i, s := range shown {
					for _, form := range credentialForms() {
						if strings.Contains(s, form) {
							t.Errorf("%s, printing %d, shows the credential: %s", what, i, s)
						}
					}
				}
			}
		})
	}
}
