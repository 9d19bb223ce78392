package mastodon_test

import (
	"testing"

	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// Mastodon's sign-in holds secrets in an app (its client secret), an
// authorization (its state and PKCE verifier, behind a URL with neither)
// and a token; none prints under any fmt verb or through slog, and neither
// does the error of an exchange the server refused (oauth_hostile_test.go
// has a server that echoes every secret back). JSON is not asked of them:
// a Token's JSON is how a program saves it.
func TestSignInValuesNeverPrint(t *testing.T) {
	const secret = "SECRET-7f3a9c"
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
		drivertest.CheckFormatsNoSecret(t, what, v, secret)
	}
}
