package mastodon_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
	"github.com/favkit/favorites/watch"
)

// Verify reads the token's scopes from the server: a parent scope grants
// its children, a missing one is named, an application token or a
// refused one is ErrUnauthorized.
func TestVerifyChecksScopes(t *testing.T) {
	srv := newFake(t)
	srv.AddToken("read-only", mastodontest.DefaultUser, "read")
	srv.AddToken("favourites-only", mastodontest.DefaultUser, "read:favourites", "write:favourites")
	tests := []struct {
		name, token string
		need        favorites.Access
		missing     []string // nil: no ScopeError
		wantErr     error
	}{
		{"read and write grant all", mastodontest.Token, favorites.ReadAccess | favorites.WriteAccess | favorites.SearchAccess, nil, nil},
		{"read grants read:favourites", "read-only", favorites.ReadAccess, nil, nil},
		{"read grants no write", "read-only", favorites.ReadAccess | favorites.WriteAccess, []string{mastodon.ScopeWriteFavourites}, nil},
		{"no read:search for a move", "favourites-only", favorites.ReadAccess | favorites.WriteAccess | favorites.SearchAccess, []string{mastodon.ScopeReadSearch}, nil},
		{"narrow token, two missing", mastodontest.ReadOnlyToken, favorites.WriteAccess | favorites.SearchAccess,
			[]string{mastodon.ScopeWriteFavourites, mastodon.ScopeReadSearch}, nil},
		{"application token", mastodontest.AppToken, favorites.ReadAccess, nil, favorites.ErrUnauthorized},
		{"unknown token", "no-such-token", favorites.ReadAccess, nil, favorites.ErrUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := mastodon.NewAdapter(newClient(t, srv, tt.token)).Verify(t.Context(), tt.need)
			var se *favorites.ScopeError
			switch {
			case tt.wantErr != nil:
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("got %v, want %v", err, tt.wantErr)
				}
			case tt.missing == nil:
				if err != nil {
					t.Fatalf("got %v, want nil", err)
				}
			case !errors.As(err, &se) || !slices.Equal(se.Missing, tt.missing) || !errors.Is(err, favorites.ErrMissingScope) || !errors.Is(err, favorites.ErrForbidden):
				t.Fatalf("got %v, want a ScopeError missing %v", err, tt.missing)
			case !strings.Contains(err.Error(), strings.Join(tt.missing, " ")):
				t.Fatalf("%q does not name %v", err, tt.missing)
			}
		})
	}
}

// A job whose token lacks a scope fails at its start, naming it, and
// changes nothing: Sync, Restore and watch.Added.
func TestJobsFailAtStartWithoutAScope(t *testing.T) {
	srv := newFake(t)
	ids := srv.AddStatuses(3)
	if err := srv.Favorite(mastodontest.DefaultUser, ids[0]); err != nil {
		t.Fatal(err)
	}
	readOnly := mastodon.NewAdapter(newClient(t, srv, mastodontest.ReadOnlyToken))
	want := []favorites.Ref{{ID: ids[1]}, {ID: ids[2]}}
	source := func(yield func(favorites.Favorite, error) bool) {
		for _, r := range want {
			if !yield(favorites.Favorite{Provider: mastodon.ProviderName, Ref: r}, nil) {
				return
			}
		}
	}
	jobs := map[string]func() error{
		"sync": func() error {
			_, err := favorites.Sync(t.Context(), readOnly, want, nil)
			return err
		},
		"restore": func() error {
			_, err := favorites.Restore(t.Context(), readOnly, source, nil)
			return err
		},
		"watch": func() error {
			srv.AddToken("no-read", mastodontest.DefaultUser, "write:favourites")
			for _, err := range watch.Added(t.Context(), mastodon.NewAdapter(newClient(t, srv, "no-read")), "", nil) {
				return err
			}
			return nil
		},
	}
	for name, job := range jobs {
		t.Run(name, func(t *testing.T) {
			err := job()
			if !errors.Is(err, favorites.ErrMissingScope) || !strings.Contains(err.Error(), "favourites") {
				t.Fatalf("got %v, want ErrMissingScope naming the scope", err)
			}
			if got := srv.Favorites(mastodontest.DefaultUser); !slices.Equal(got, []string{ids[0]}) {
				t.Fatalf("favourites %v after a refused job, want %v", got, ids[:1])
			}
		})
	}
	// A dry run needs no write.
	if _, err := favorites.Sync(t.Context(), readOnly, want, &favorites.SyncOptions{DryRun: true}); err != nil {
		t.Fatalf("dry run with a read-only token: %v", err)
	}
}

// A server without Doorkeeper's token info (404) does not tell a
// token's scopes: Verify checks the token by the first favourite instead.
func TestVerifyWithoutTokenInfo(t *testing.T) {
	for _, tt := range []struct {
		name    string
		status  int
		wantErr error
	}{
		{"token accepted", http.StatusOK, nil},
		{"token refused", http.StatusUnauthorized, favorites.ErrUnauthorized},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var listed int
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				switch r.URL.Path {
				case "/api/v1/favourites":
					listed++
					if r.URL.Query().Get("limit") != "1" {
						t.Errorf("listing %s, want limit=1", r.URL)
					}
					w.WriteHeader(tt.status)
					w.Write([]byte(`[]`))
				default:
					w.WriteHeader(http.StatusNotFound)
					w.Write([]byte(`{"error":"Not Found"}`))
				}
			}))
			defer srv.Close()
			c, err := mastodon.New(srv.URL, "token", fastOpts()...)
			if err != nil {
				t.Fatal(err)
			}
			err = mastodon.NewAdapter(c).Verify(t.Context(), favorites.ReadAccess|favorites.WriteAccess)
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) || listed != 1 {
				t.Fatalf("got %v after %d listings, want %v after one", err, listed, tt.wantErr)
			}
		})
	}
}

// TokenInfo reads Doorkeeper's answer in its forms: scope a list or a
// string, resource_owner_id a number, a string or null.
func TestTokenInfoForms(t *testing.T) {
	tests := []struct {
		name, body string
		scopes     []string
		owner      string
		wantErr    error
	}{
		{"Doorkeeper's", `{"resource_owner_id":42,"scope":["read","write:favourites"],"expires_in":null,"application":{"uid":"cid"},"created_at":1700000000}`,
			[]string{"read", "write:favourites"}, "42", nil},
		{"scope as a string", `{"resource_owner_id":"7","scope":"read write"}`, []string{"read", "write"}, "7", nil},
		{"application token", `{"resource_owner_id":null,"scope":["read"]}`, []string{"read"}, "", nil},
		{"scope a number", `{"resource_owner_id":1,"scope":5}`, nil, "", favorites.ErrMalformedReply},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(tt.body))
			}))
			defer srv.Close()
			c, err := mastodon.New(srv.URL, "token", fastOpts()...)
			if err != nil {
				t.Fatal(err)
			}
			info, _, err := c.TokenInfo(t.Context())
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("got %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || !slices.Equal(info.Scopes, tt.scopes) || info.ResourceOwnerID != tt.owner {
				t.Fatalf("got %+v, %v; want scopes %v, owner %q", info, err, tt.scopes, tt.owner)
			}
		})
	}
}
