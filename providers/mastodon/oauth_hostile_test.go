package mastodon_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/mastodon"
)

// echoServer refuses every OAuth request with an error that repeats the
// request's form, as a hostile or careless server might, and serves
// metadata whose endpoints are on itself, or on elsewhere when given.
func echoServer(t *testing.T, elsewhere string) *httptest.Server {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/.well-known/oauth-authorization-server" {
			host := srv.URL
			if elsewhere != "" {
				host = elsewhere
			}
			fmt.Fprintf(w, `{"issuer":%q,"authorization_endpoint":"%[1]s/oauth/authorize","token_endpoint":"%[1]s/oauth/token",
				"revocation_endpoint":"%[1]s/oauth/revoke","code_challenge_methods_supported":["S256"]}`, host)
			return
		}
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"error":"invalid_grant","error_description":"you sent %s and %s"}`, body, strings.Join(form["code_verifier"], ""))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// Secrets a request carries in its body never come back in an error, a
// log line or a printed value, whatever the server echoes.
func TestOAuthSecretsNeverShown(t *testing.T) {
	srv := echoServer(t, "")
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	o, err := mastodon.NewOAuth(srv.URL, append(favoritestest.Options(), favorites.WithLogger(logger))...)
	if err != nil {
		t.Fatal(err)
	}
	app := &mastodon.App{Name: "x", ClientID: "client-id-5c1e", ClientSecret: "client-secret-9d2b",
		RedirectURIs: []string{mastodon.OutOfBand}, Scopes: mastodon.DefaultScopes()}
	auth, err := o.Authorize(t.Context(), app, nil)
	if err != nil {
		t.Fatal(err)
	}
	const code, token = "the-code-41af", "the-token-77e0"
	_, exchangeErr := auth.Exchange(t.Context(), code)
	revokeErr := o.Revoke(t.Context(), app, token)
	if exchangeErr == nil || revokeErr == nil {
		t.Fatalf("want two refusals, got %v and %v", exchangeErr, revokeErr)
	}
	shown := []string{logs.String()}
	for _, v := range []any{exchangeErr, revokeErr, app, auth, &mastodon.Token{AccessToken: token}} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
			shown = append(shown, fmt.Sprintf(verb, v), fmt.Sprintf(verb, struct{ V any }{v}))
		}
	}
	for _, e := range []error{exchangeErr, revokeErr} {
		var apiErr *favorites.APIError
		if !errors.As(e, &apiErr) {
			t.Fatalf("%v is not an APIError", e)
		}
		shown = append(shown, string(apiErr.Body), apiErr.Message)
	}
	for _, s := range shown {
		for _, secret := range []string{app.ClientSecret, app.ClientID, code, token} {
			if strings.Contains(s, secret) {
				t.Errorf("%q shows a secret", s)
			}
		}
	}
	// The test cannot know the PKCE verifier, but the echo of the form
	// shows where it was.
	if !strings.Contains(exchangeErr.Error(), "code_verifier=REDACTED&") {
		t.Errorf("the verifier was not scrubbed: %v", exchangeErr)
	}
}

// Metadata naming an endpoint off the instance is refused: the client
// secret and the code would go there.
func TestMetadataOffTheInstanceRefused(t *testing.T) {
	srv := echoServer(t, "https://elsewhere.example")
	o, err := mastodon.NewOAuth(srv.URL, favoritestest.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	_, err = o.Metadata(t.Context())
	if !errors.Is(err, favorites.ErrCrossHostURL) || !strings.Contains(err.Error(), "elsewhere.example") {
		t.Fatalf("got %v, want ErrCrossHostURL naming the endpoint", err)
	}
	app := &mastodon.App{ClientID: "id", ClientSecret: "secret", RedirectURIs: []string{mastodon.OutOfBand}}
	if _, err := o.Authorize(t.Context(), app, nil); !errors.Is(err, favorites.ErrCrossHostURL) {
		t.Fatalf("Authorize: %v, want ErrCrossHostURL", err)
	}
}
