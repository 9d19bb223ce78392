package mastodon

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/oauth2"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// AuthorizeOptions tune [OAuth.Authorize]; nil means the defaults.
type AuthorizeOptions struct {
	// RedirectURI is one of the app's; "" is its first.
	RedirectURI string
	// Scopes to ask for, among the app's; nil: all of the app's.
	Scopes []string
	// ForceLogin makes the server ask the user to sign in even when a
	// session is open, to authorize another account (force_login).
	ForceLogin bool
}

// Authorization is one sign-in under way: the URL to send the user to,
// and what the exchange of the code needs (the state, and with PKCE the
// verifier). Its secrets never show when it is printed or logged; the
// URL carries none (the PKCE challenge is a hash, and the client ID is in
// the link the user opens anyway).
type Authorization struct {
	// URL is the authorization page: open it in the user's browser, or
	// print it for the user to open.
	URL string
	// RedirectURI is where the server sends the user back: OutOfBand
	// shows the code on the page instead.
	RedirectURI string
	// PKCE says whether the URL carries a PKCE challenge (S256), which
	// the server offers from Mastodon 4.3 on.
	PKCE bool

	cfg      oauth2.Config
	state    string
	verifier string
	hc       *http.Client
}

// Authorize starts a sign-in for app: it reads the server's metadata and
// makes the authorization URL, with a fresh state and, where the server
// offers S256, a PKCE challenge. Send the user to its URL; then pass the
// code the page shows (OutOfBand) to [Authorization.Exchange], or the URL
// the browser was sent back to (a loopback redirect) to
// [Authorization.ExchangeRedirect].
//
// A redirect URI or scope the app was not registered with is refused
// with favorites.ErrInvalidArgument before anything is sent, as the
// server would refuse it.
func (o *OAuth) Authorize(ctx context.Context, app *App, opts *AuthorizeOptions) (*Authorization, error) {
	var op AuthorizeOptions
	if opts != nil {
		op = *opts
	}
	if err := checkApp(app); err != nil {
		return nil, err
	}
	redirect, scopes, err := authorizeChoice(app, &op)
	if err != nil {
		return nil, err
	}
	meta, err := o.Metadata(ctx)
	if err != nil {
		return nil, err
	}
	a := &Authorization{
		RedirectURI: redirect,
		PKCE:        meta.PKCE(),
		cfg: oauth2.Config{
			ClientID:     app.ClientID,
			ClientSecret: app.ClientSecret,
			RedirectURL:  redirect,
			Scopes:       scopes,
			Endpoint: oauth2.Endpoint{
				AuthURL:  meta.AuthorizationEndpoint,
				TokenURL: meta.TokenEndpoint,
				// Mastodon takes both; one style says it once, where
				// oauth2's default would try the header, then the form.
				AuthStyle: oauth2.AuthStyleInParams,
			},
		},
		state: rand.Text(),
		hc:    o.exchangeClient(),
	}
	var params []oauth2.AuthCodeOption
	if a.PKCE {
		a.verifier = oauth2.GenerateVerifier()
		params = append(params, oauth2.S256ChallengeOption(a.verifier))
	}
	if op.ForceLogin {
		params = append(params, oauth2.SetAuthURLParam("force_login", "true"))
	}
	a.URL = a.cfg.AuthCodeURL(a.state, params...)
	return a, nil
}

// authorizeChoice is the redirect URI and scopes an authorization asks
// for, checked against the app's.
func authorizeChoice(app *App, op *AuthorizeOptions) (redirect string, scopes []string, err error) {
	redirect = op.RedirectURI
	if redirect == "" && len(app.RedirectURIs) > 0 {
		redirect = app.RedirectURIs[0]
	}
	if !slices.Contains(app.RedirectURIs, redirect) {
		return "", nil, invalid("redirect URI %q is not one the app was registered with", redacted(redirect))
	}
	scopes = op.Scopes
	if len(scopes) == 0 {
		scopes = app.Scopes
	}
	if err := checkScopes(scopes); err != nil {
		return "", nil, err
	}
	if len(app.Scopes) > 0 {
		if extra := missingScopes(app.Scopes, scopes); len(extra) > 0 {
			return "", nil, invalid("scopes %s are not among the app's (%s)", strings.Join(extra, " "), strings.Join(app.Scopes, " "))
		}
	}
	return redirect, slices.Clone(scopes), nil
}

// exchangeClient is the HTTP client of the code exchange: the OAuth
// client's transport, limiter and cap, no retry (a code is good once), and
// no redirect, which could carry the client secret and the code elsewhere.
func (o *OAuth) exchangeClient() *http.Client {
	hc := o.c.HTTPClient()
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return hc
}

// Exchange trades the code the user was given for a token (POST
// /oauth/token, grant authorization_code, with the PKCE verifier when the
// URL had a challenge). Surrounding white space, as a paste brings, is
// trimmed. A code is good once: the exchange is never retried. A refusal
// is an [*favorites.APIError] with the server's error ("invalid_grant":
// a wrong, used or expired code; "invalid_client": a wrong app), scrubbed
// of the secret, the code and the verifier.
func (a *Authorization) Exchange(ctx context.Context, code string) (*Token, error) {
	code = strings.TrimSpace(code)
	if code == "" {
		return nil, invalid("an empty authorization code")
	}
	var params []oauth2.AuthCodeOption
	if a.verifier != "" {
		params = append(params, oauth2.VerifierOption(a.verifier))
	}
	tok, err := a.cfg.Exchange(context.WithValue(ctx, oauth2.HTTPClient, a.hc), code, params...)
	if err != nil {
		return nil, driver.ScrubSecrets(a.exchangeError(err), a.cfg.ClientID, a.cfg.ClientSecret, code, a.verifier)
	}
	return newToken(tok), nil
}

// exchangeError makes oauth2's error one of the SDK's: a refusal, whose
// oauth2.RetrieveError holds the whole reply, an [*favorites.APIError]
// with the start of it.
func (a *Authorization) exchangeError(err error) error {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) || re.Response == nil {
		return fmt.Errorf("%s: exchanging the code: %w", ProviderName, err)
	}
	if re.Response.StatusCode < 400 {
		return fmt.Errorf("%s: exchanging the code: %w: a %d answer with the error %q",
			ProviderName, favorites.ErrMalformedReply, re.Response.StatusCode, re.ErrorCode)
	}
	msg := re.ErrorCode
	if re.ErrorDescription != "" {
		msg = strings.TrimPrefix(msg+": "+re.ErrorDescription, ": ")
	}
	if msg == "" {
		msg = http.StatusText(re.Response.StatusCode)
	}
	return &favorites.APIError{
		Provider:   ProviderName,
		Method:     http.MethodPost,
		URL:        a.cfg.Endpoint.TokenURL,
		StatusCode: re.Response.StatusCode,
		Message:    msg,
		Code:       re.ErrorCode,
		RequestID:  re.Response.Header.Get("X-Request-Id"),
		Body:       bytes.Clone(re.Body[:min(len(re.Body), driver.MaxErrorBody)]),
	}
}

// ExchangeRedirect finishes a sign-in with a loopback redirect: callback
// is the URL the browser was sent back to, as the program's server got
// it. Its state must be this authorization's, or it is refused with
// favorites.ErrInvalidArgument and nothing is sent (another page's
// answer, or a forged one); an error the server sent back instead of a
// code ("access_denied" when the user declined) is returned, matching
// favorites.ErrForbidden; a code is exchanged by [Authorization.Exchange].
func (a *Authorization) ExchangeRedirect(ctx context.Context, callback *url.URL) (*Token, error) {
	if callback == nil {
		return nil, invalid("a nil callback URL")
	}
	q := callback.Query()
	if subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(a.state)) != 1 {
		return nil, invalid("the callback's state is not this authorization's: not the answer to it")
	}
	if e := q.Get("error"); e != "" {
		return nil, fmt.Errorf("%s: %w: the sign-in was refused: %s", ProviderName, favorites.ErrForbidden,
			strings.TrimSuffix(e+": "+q.Get("error_description"), ": "))
	}
	return a.Exchange(ctx, q.Get("code"))
}

// String describes the authorization without its state and verifier.
func (a *Authorization) String() string {
	if a == nil {
		return "<nil>"
	}
	return fmt.Sprintf("mastodon.Authorization{redirect: %s, scopes: %s, pkce: %t}",
		a.RedirectURI, strings.Join(a.cfg.Scopes, " "), a.PKCE)
}

// GoString is String.
func (a *Authorization) GoString() string { return a.String() }

// Format prints String under every verb.
func (a *Authorization) Format(s fmt.State, verb rune) { driver.FormatText(s, verb, a.String()) }

// LogValue gives slog the String.
func (a *Authorization) LogValue() slog.Value { return slog.StringValue(a.String()) }
