package mastodon_test

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

func newOAuth(t *testing.T, srv *mastodontest.Server) *mastodon.OAuth {
	t.Helper()
	o, err := mastodon.NewOAuth(srv.URL, favoritestest.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// register registers an app with the default scopes and redirects.
func register(t *testing.T, o *mastodon.OAuth, redirects ...string) *mastodon.App {
	t.Helper()
	app, err := o.RegisterApp(t.Context(), mastodon.AppOptions{Name: "favkit test", Website: "https://favkit.example", RedirectURIs: redirects})
	if err != nil {
		t.Fatal(err)
	}
	return app
}

// approvedCode has DefaultUser approve auth on srv and gives the code the
// page shows.
func approvedCode(t *testing.T, srv *mastodontest.Server, auth *mastodon.Authorization) string {
	t.Helper()
	page, err := srv.Approve(auth.URL)
	if err != nil {
		t.Fatal(err)
	}
	code := page.Query().Get("code")
	if code == "" {
		t.Fatalf("the page %s shows no code", page)
	}
	return code
}

// The whole sign-in, offline: register, authorize, exchange, verify, list
// with the token, revoke, and the token refused after, on a server with
// PKCE (Mastodon 4.3 and later) and on one without (before 4.3: no
// metadata document).
func TestSignInEndToEnd(t *testing.T) {
	for _, tt := range []struct {
		name     string
		opts     []mastodontest.Option
		wantPKCE bool
	}{
		{"Mastodon 4.4: metadata and PKCE", nil, true},
		{"before 4.3: no metadata, no PKCE", []mastodontest.Option{mastodontest.WithLegacyOAuth()}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(t, tt.opts...)
			ids := srv.AddStatuses(2)
			if err := srv.Favorite(mastodontest.DefaultUser, ids[1]); err != nil {
				t.Fatal(err)
			}
			o := newOAuth(t, srv)
			app := register(t, o)
			if !slices.Equal(app.Scopes, mastodon.DefaultScopes()) || !slices.Equal(app.RedirectURIs, []string{mastodon.OutOfBand}) {
				t.Fatalf("app %v, redirects %v: want the default scopes and the out-of-band redirect", app, app.RedirectURIs)
			}
			meta, err := o.Metadata(t.Context())
			if err != nil || meta.Discovered != tt.wantPKCE || meta.TokenEndpoint != srv.URL+"/oauth/token" {
				t.Fatalf("metadata %+v, %v", meta, err)
			}
			auth, err := o.Authorize(t.Context(), app, nil)
			if err != nil {
				t.Fatal(err)
			}
			q := mustQuery(t, auth.URL)
			if auth.PKCE != tt.wantPKCE || (q.Get("code_challenge") != "") != tt.wantPKCE || q.Get("scope") != strings.Join(mastodon.DefaultScopes(), " ") {
				t.Fatalf("PKCE %t, URL %s: want PKCE %t and the default scopes", auth.PKCE, auth.URL, tt.wantPKCE)
			}
			tok, err := auth.Exchange(t.Context(), approvedCode(t, srv, auth)+"\n")
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(tok.Scopes, mastodon.DefaultScopes()) || tok.CreatedAt.IsZero() {
				t.Fatalf("token %v created %v: want the default scopes and a time", tok, tok.CreatedAt)
			}
			c := newClient(t, srv, tok.AccessToken)
			acct, _, err := c.VerifyCredentials(t.Context())
			if err != nil || acct.Acct != mastodontest.DefaultUser || acct.ID == "" || !strings.HasPrefix(acct.URL, srv.URL+"/@") {
				t.Fatalf("VerifyCredentials: %+v, %v", acct, err)
			}
			if err := mastodon.NewAdapter(c).Verify(t.Context(), favorites.ReadAccess|favorites.WriteAccess|favorites.SearchAccess); err != nil {
				t.Fatalf("Verify of a token with every scope: %v", err)
			}
			page, err := c.Favourites(nil).NextPage(t.Context())
			if err != nil || len(page.Items) != 1 || page.Items[0].ID != ids[1] {
				t.Fatalf("listing with the new token: %v, %v", page.Items, err)
			}
			for range 2 { // revoking is idempotent
				if err := o.Revoke(t.Context(), app, tok.AccessToken); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := c.Favourites(nil).NextPage(t.Context()); !errors.Is(err, favorites.ErrUnauthorized) {
				t.Fatalf("listing with the revoked token: %v, want ErrUnauthorized", err)
			}
			if err := c.Verify(t.Context()); !errors.Is(err, favorites.ErrUnauthorized) {
				t.Fatalf("Verify of the revoked token: %v, want ErrUnauthorized", err)
			}
		})
	}
}

func mustQuery(t *testing.T, raw string) url.Values {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query()
}

// A code is good once; the refusal of a second exchange names the
// server's error and shows neither the code nor the client secret.
func TestExchangeSpendsTheCode(t *testing.T) {
	srv := newFake(t)
	o := newOAuth(t, srv)
	app := register(t, o)
	auth, err := o.Authorize(t.Context(), app, nil)
	if err != nil {
		t.Fatal(err)
	}
	code := approvedCode(t, srv, auth)
	if _, err := auth.Exchange(t.Context(), code); err != nil {
		t.Fatal(err)
	}
	_, err = auth.Exchange(t.Context(), code)
	var apiErr *favorites.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != "invalid_grant" || !errors.Is(err, favorites.ErrBadRequest) {
		t.Fatalf("second exchange: %v, want a 400 invalid_grant", err)
	}
	for _, secret := range []string{code, app.ClientSecret, app.ClientID} {
		if strings.Contains(err.Error(), secret) || strings.Contains(string(apiErr.Body), secret) {
			t.Errorf("the error shows a secret: %v", err)
		}
	}
	if _, err := auth.Exchange(t.Context(), " "); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("an empty code: %v, want ErrInvalidArgument", err)
	}
}

// A loopback redirect: the browser comes back with the code and the
// state; a callback with another state is refused before the code is
// spent, one with the server's error is that error.
func TestExchangeRedirect(t *testing.T) {
	srv := newFake(t)
	o := newOAuth(t, srv)
	const loopback = "http://127.0.0.1:8321/callback"
	app := register(t, o, loopback)
	auth, err := o.Authorize(t.Context(), app, &mastodon.AuthorizeOptions{Scopes: []string{mastodon.ScopeReadFavourites}})
	if err != nil {
		t.Fatal(err)
	}
	back, err := srv.Approve(auth.URL)
	if err != nil || !strings.HasPrefix(back.String(), loopback+"?") {
		t.Fatalf("sent back to %v, %v: want the loopback redirect", back, err)
	}
	forged := *back
	q := forged.Query()
	q.Set("state", "not-this-one")
	forged.RawQuery = q.Encode()
	if _, err := auth.ExchangeRedirect(t.Context(), &forged); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Fatalf("a callback with another state: %v, want ErrInvalidArgument", err)
	}
	tok, err := auth.ExchangeRedirect(t.Context(), back) // the code was not spent by the refusal
	if err != nil || !slices.Equal(tok.Scopes, []string{mastodon.ScopeReadFavourites}) {
		t.Fatalf("ExchangeRedirect: %v, %v", tok, err)
	}
	denied := *back
	q = denied.Query()
	q.Del("code")
	q.Set("error", "access_denied")
	denied.RawQuery = q.Encode()
	if _, err := auth.ExchangeRedirect(t.Context(), &denied); !errors.Is(err, favorites.ErrForbidden) || !strings.Contains(err.Error(), "access_denied") {
		t.Fatalf("a refused sign-in: %v, want ErrForbidden naming access_denied", err)
	}
}

// Bad input is refused before anything is sent: the fake's rate budget
// shows no request.
func TestSignInRefusesBadInput(t *testing.T) {
	srv := newFake(t)
	o := newOAuth(t, srv)
	app := register(t, o) // the metadata is read here, once
	srv.SetRateLimit(1, 0, time.Hour)
	tests := []struct {
		name string
		call func() error
	}{
		{"app without a name", func() error {
			_, err := o.RegisterApp(t.Context(), mastodon.AppOptions{})
			return err
		}},
		{"relative redirect URI", func() error {
			_, err := o.RegisterApp(t.Context(), mastodon.AppOptions{Name: "x", RedirectURIs: []string{"/callback"}})
			return err
		}},
		{"scope with a space", func() error {
			_, err := o.RegisterApp(t.Context(), mastodon.AppOptions{Name: "x", Scopes: []string{"read write"}})
			return err
		}},
		{"redirect URI not the app's", func() error {
			_, err := o.Authorize(t.Context(), app, &mastodon.AuthorizeOptions{RedirectURI: "http://127.0.0.1:1/"})
			return err
		}},
		{"scope not the app's", func() error {
			_, err := o.Authorize(t.Context(), app, &mastodon.AuthorizeOptions{Scopes: []string{"write"}})
			return err
		}},
		{"app without a secret", func() error {
			_, err := o.Authorize(t.Context(), &mastodon.App{ClientID: "x"}, nil)
			return err
		}},
		{"revoke an empty token", func() error { return o.Revoke(t.Context(), app, "") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.call(); !errors.Is(err, favorites.ErrInvalidArgument) {
				t.Fatalf("got %v, want ErrInvalidArgument", err)
			}
			if n := srv.Throttled(); n != 0 {
				t.Fatalf("%d requests were sent", n)
			}
		})
	}
}
