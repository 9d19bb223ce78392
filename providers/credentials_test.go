// Package providers_test checks, for all five providers at once, that a
// credential never shows in what the SDK prints: debug logs and error
// strings. How each adapter and client print is the conformance suite's
// check (drivertest.Run), which holds any provider to it.
package providers_test

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/driver/drivertest"
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
			_, adapter, err := f.open(f.url, favorites.WithLogger(logger), favorites.WithRateLimiter(nil),
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

// printVerbs are the fmt verbs a credential must not show under; %d, %t,
// %x and %X are the ones fmt answers by walking fields when a value has no
// Format of its own.
var printVerbs = []string{"%v", "%+v", "%#v", "%s", "%q", "%d", "%t", "%x", "%X", "%T", "%10.3v"}

// TestCoreValuesNeverPrint prints the kit's client, for each kind of
// credential, every way drivertest knows, and a request it made under
// every verb, alone and inside a struct, through slog's handlers, and as
// JSON (its exported Header holds the credential, so a Request inside a
// logged or saved value must not write it).
func TestCoreValuesNeverPrint(t *testing.T) {
	bearer, err := driver.BearerToken(secret)
	if err != nil {
		t.Fatal(err)
	}
	basic, err := driver.BasicAuth(e621test.Login, secret)
	if err != nil {
		t.Fatal(err)
	}
	for name, cred := range map[string]driver.Credential{"bearer": bearer, "basic": basic} {
		t.Run(name, func(t *testing.T) {
			core, err := driver.New(driver.Config{Provider: "p", Credential: cred}, favorites.WithBaseURL("https://api.example"))
			if err != nil {
				t.Fatal(err)
			}
			drivertest.CheckPrintsNoSecret(t, "the core client", core, secret)
			req, err := core.NewRequest("GET", "x", nil, nil)
			if err != nil || req.Header.Get("Authorization") == "" {
				t.Fatalf("a request with the credential: %v, %v", req, err)
			}
			neverPrints(t, "a request", req)
			neverMarshals(t, "a request", req)
		})
	}
}

// neverPrints prints v under every verb, alone and inside a struct, and
// through slog's text and JSON handlers, and fails where a form of secret
// shows.
func neverPrints(t *testing.T, what string, v any) {
	t.Helper()
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

// neverMarshals writes v as JSON, alone and as a struct's field, by
// encoding/json and through slog's JSON handler, and fails where a form of
// secret shows or where the JSON is not the redacted view: a method and a
// URL, and the headers with the credential REDACTED.
func neverMarshals(t *testing.T, what string, v any) {
	t.Helper()
	var shown []string
	for _, x := range []any{v, struct{ V any }{v}} {
		b, err := json.Marshal(x)
		if err != nil {
			t.Fatalf("%s as JSON: %v", what, err)
		}
		shown = append(shown, string(b))
	}
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("m", "v", struct{ V any }{v})
	shown = append(shown, logs.String())
	for i, s := range shown {
		for _, form := range credentialForms() {
			if strings.Contains(s, form) {
				t.Errorf("%s, JSON %d, shows the credential: %s", what, i, s)
			}
		}
		if !strings.Contains(s, `"method":"GET"`) || !strings.Contains(s, `"Authorization":["REDACTED"]`) {
			t.Errorf("%s, JSON %d, is not the redacted view: %s", what, i, s)
		}
	}
}

// Mastodon's sign-in holds secrets in an app (its client secret), an
// authorization (its state and PKCE verifier, behind a URL with neither)
// and a token; none prints under any verb, and neither does the error of
// an exchange the server refused (mastodon's oauth_hostile_test.go has a
// server that echoes every secret back).
func TestSignInValuesNeverPrint(t *testing.T) {
	srv := mastodontest.NewServer()
	defer srv.Close()
	o, err := mastodon.NewOAuth(srv.URL, favoritestest.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	app := &mastodon.App{Name: "x", ClientID: secret + "-id", ClientSecret: secret,
		RedirectURIs: []string{mastodon.OutOfBand}, Scopes: mastodon.DefaultScopes()}
	auth, err := o.Authorize(t.Context(), app, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, exchangeErr := auth.Exchange(t.Context(), secret)
	if exchangeErr == nil {
		t.Fatal("the exchange of an unknown app was not refused")
	}
	for what, v := range map[string]any{"app": app, "authorization": auth, "oauth": o,
		"token":          &mastodon.Token{AccessToken: secret, Scopes: []string{"read"}},
		"exchange error": exchangeErr} {
		neverPrints(t, what, v)
	}
}

// refs are a valid ref per provider, so Add and Remove reach the server.
var refs = map[string]favorites.Ref{
	"mastodon": {ID: "1"}, "e621": {ID: "5"}, "waifuim": {ID: "1"},
	"playplay": {ID: "30452", Source: "upload"}, "dch": {ID: "301"},
}

// echoCredential is a hostile server: every request gets a 401 whose
// headers and body, in each error shape the five services use, repeat the
// request's Authorization value and its credential part, plain and
// JSON-escaped.
func echoCredential(w http.ResponseWriter, r *http.Request) {
	auth := r.Header.Get("Authorization")
	_, cred := cutAuth(auth)
	msg := "invalid credential " + auth + " (" + cred + ")"
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	w.Header().Set("X-Request-Id", cred)
	w.Header().Set("WWW-Authenticate", auth)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusUnauthorized)
	fmt.Fprintf(w, `{"error":%s,"error_description":%s,"message":%s,"reason":%s,"detail":%s,"code":%s,"success":false,"echo":"%s"}`,
		q(msg), q(cred), q(msg), q(auth), q(msg), q(cred), strings.ReplaceAll(auth, "/", `\/`))
}

func cutAuth(auth string) (scheme, cred string) {
	scheme, cred, _ = strings.Cut(auth, " ")
	return scheme, cred
}

// TestCredentialsNeverComeBackInErrors lists, adds and removes against
// echoCredential with debug logging on: no form of the credential may show
// in the error's text, in any field of its APIError, or in the log.
func TestCredentialsNeverComeBackInErrors(t *testing.T) {
	for name, start := range fakes() {
		t.Run(name, func(t *testing.T) {
			f := start()
			defer f.close()
			var echoed atomic.Int64
			hostile := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Header.Get("Authorization") != "" {
					echoed.Add(1)
				}
				echoCredential(w, r)
			}))
			defer hostile.Close()
			var logs bytes.Buffer
			logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			_, adapter, err := f.open(hostile.URL, favorites.WithLogger(logger), favorites.WithRateLimiter(nil),
				favorites.WithRetryPolicy(favorites.RetryPolicy{}))
			if err != nil {
				t.Fatal(err)
			}
			ops := map[string]func() error{
				"list":   func() error { _, err := firstPage(t, adapter); return err },
				"add":    func() error { return adapter.Add(t.Context(), refs[name]) },
				"remove": func() error { return adapter.Remove(t.Context(), refs[name]) },
			}
			for op, run := range ops {
				err := run()
				var apiErr *favorites.APIError
				if !errors.As(err, &apiErr) || !errors.Is(err, favorites.ErrUnauthorized) {
					t.Fatalf("%s = %v, want the 401", op, err)
				}
				shown := map[string]string{"Error": err.Error(), "%+v": fmt.Sprintf("%+v", err),
					"Message": apiErr.Message, "Body": string(apiErr.Body), "URL": apiErr.URL,
					"Code": apiErr.Code, "RequestID": apiErr.RequestID}
				for where, s := range shown {
					for _, form := range credentialForms() {
						if strings.Contains(s, form) {
							t.Errorf("%s: %s holds the credential: %s", op, where, s)
						}
					}
				}
			}
			if echoed.Load() == 0 {
				t.Fatal("no request carried the credential: the test proves nothing")
			}
			for _, form := range credentialForms() {
				if strings.Contains(logs.String(), form) {
					t.Errorf("the debug log holds the credential:\n%s", logs.String())
				}
			}
		})
	}
}
