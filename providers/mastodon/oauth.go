package mastodon

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// OutOfBand is the redirect URI with which the server shows the
// authorization code to the user, to paste into the program, instead of
// redirecting to it (Doorkeeper's native_redirect_uri, which Mastodon
// keeps: app/controllers/oauth/authorizations_controller.rb).
const OutOfBand = "urn:ietf:wg:oauth:2.0:oob"

// MaxOAuthBodySize is the response cap [NewOAuth] sets before the caller's
// options: an app, a token or the metadata document is a few KiB.
const MaxOAuthBodySize = 1 << 20

// OAuth signs a user in to one Mastodon instance from a program, by
// OAuth 2's authorization code grant: register an app
// ([OAuth.RegisterApp]), send the user to the authorization URL
// ([OAuth.Authorize]), exchange the code the user is given or redirected
// with for a token ([Authorization.Exchange]), and revoke the token when
// done ([OAuth.Revoke]). Mastodon 4.4 has no password grant: a program
// never sees the user's password.
//
// The registration, the metadata and the revocation are requests of an
// unauthenticated [driver.Client] on the instance, with the SDK's retries,
// caps and error decoding; the authorization URL and the exchange are
// golang.org/x/oauth2's, sent through the same client's transport with no
// retry (a code is good once) and no redirect (the request carries the
// client secret). Secrets never reach an error, a log line or a printed
// value: [App], [Authorization] and [Token] print without them, and every
// error is scrubbed of the secrets its request carried.
//
// An OAuth is safe for concurrent use.
type OAuth struct {
	c *driver.Client

	mu   sync.Mutex
	meta *ServerMetadata // the first one fetched
}

// NewOAuth returns the sign-in machinery for the instance at baseURL
// (such as "https://mastodon.social"). opts are the client options of
// [New] (an HTTP client, a logger, a limiter, ...); the defaults are New's
// limiter and a response cap of [MaxOAuthBodySize].
func NewOAuth(baseURL string, opts ...favorites.Option) (*OAuth, error) {
	c, err := driver.New(driver.Config{
		Provider:    ProviderName,
		DecodeError: decodeError,
		Defaults: []favorites.Option{
			favorites.WithBaseURL(baseURL),
			favorites.WithRateLimiter(defaultLimiter()),
			favorites.WithMaxBodySize(MaxOAuthBodySize),
		},
	}, opts...)
	if err != nil {
		return nil, err
	}
	return &OAuth{c: c}, nil
}

// String describes the instance.
func (o *OAuth) String() string { return fmt.Sprintf("mastodon.OAuth{%s}", o.c.BaseURL()) }

// ServerMetadata is what an instance says of its OAuth server: the RFC
// 8414 document Mastodon 4.3 and later serve at
// /.well-known/oauth-authorization-server
// (app/controllers/well_known/oauth_metadata_controller.rb,
// app/presenters/oauth_metadata_presenter.rb), or for an older server,
// which answers 404 there, Mastodon's fixed paths and no PKCE.
type ServerMetadata struct {
	// Discovered is false when the server has no metadata document (before
	// Mastodon 4.3): the endpoints are then Mastodon's fixed ones and the
	// lists are empty.
	Discovered bool

	Issuer                  string `json:"issuer"`
	AuthorizationEndpoint   string `json:"authorization_endpoint"`
	TokenEndpoint           string `json:"token_endpoint"`
	RevocationEndpoint      string `json:"revocation_endpoint"`
	AppRegistrationEndpoint string `json:"app_registration_endpoint"` // Mastodon's own key: POST /api/v1/apps
	UserinfoEndpoint        string `json:"userinfo_endpoint"`         // Mastodon 4.4

	ScopesSupported               []string `json:"scopes_supported"` // the server's scopes, not a token's
	ResponseTypesSupported        []string `json:"response_types_supported"`
	GrantTypesSupported           []string `json:"grant_types_supported"`
	CodeChallengeMethodsSupported []string `json:"code_challenge_methods_supported"`
}

// PKCE reports whether the server takes a PKCE challenge of the S256
// method, the only one Mastodon offers (4.3 and later).
func (m *ServerMetadata) PKCE() bool {
	for _, method := range m.CodeChallengeMethodsSupported {
		if method == "S256" {
			return true
		}
	}
	return false
}

// metadataPath is RFC 8414's well-known path.
const metadataPath = "/.well-known/oauth-authorization-server"

// Metadata fetches the instance's OAuth metadata, once: later calls give
// the first answer. A server without the document (404, as before Mastodon
// 4.3) gives Mastodon's fixed endpoints, /oauth/authorize, /oauth/token
// and /oauth/revoke, with Discovered false. An endpoint off the instance's
// scheme and host is refused with favorites.ErrCrossHostURL: the client
// secret and the codes go to the instance and nowhere else.
func (o *OAuth) Metadata(ctx context.Context) (*ServerMetadata, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.meta != nil {
		return o.meta, nil
	}
	m, err := o.fetchMetadata(ctx)
	if err != nil {
		return nil, err
	}
	o.meta = m
	return m, nil
}

func (o *OAuth) fetchMetadata(ctx context.Context) (*ServerMetadata, error) {
	req, err := o.c.NewRequest(http.MethodGet, metadataPath, nil, nil)
	if err != nil {
		return nil, err
	}
	m := &ServerMetadata{Discovered: true}
	_, err = o.c.Do(ctx, req, m)
	var apiErr *favorites.APIError
	switch {
	case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound:
		m = &ServerMetadata{}
	case err != nil:
		return nil, err
	}
	if err := o.fillEndpoints(m); err != nil {
		return nil, err
	}
	return m, nil
}

// fillEndpoints gives each endpoint the server left out Mastodon's fixed
// one, and refuses one off the instance's origin.
func (o *OAuth) fillEndpoints(m *ServerMetadata) error {
	base := o.c.BaseURL()
	for _, e := range []struct {
		value *string
		path  string
	}{
		{&m.AuthorizationEndpoint, "/oauth/authorize"},
		{&m.TokenEndpoint, "/oauth/token"},
		{&m.RevocationEndpoint, "/oauth/revoke"},
		{&m.AppRegistrationEndpoint, "/api/v1/apps"},
	} {
		if *e.value == "" {
			*e.value = base.JoinPath(e.path).String()
			continue
		}
		u, err := url.Parse(*e.value)
		if err != nil || u.Scheme != base.Scheme || u.Host != base.Host || u.User != nil || u.Fragment != "" {
			return fmt.Errorf("%s: %w: the metadata names the endpoint %q, off %s://%s",
				ProviderName, favorites.ErrCrossHostURL, redacted(*e.value), base.Scheme, base.Host)
		}
	}
	return nil
}

// redacted is raw without userinfo, for an error; raw itself when it does
// not parse.
func redacted(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return u.Redacted()
	}
	return raw
}

// invalid is an error matching favorites.ErrInvalidArgument: bad input,
// seen before anything was sent.
func invalid(format string, args ...any) error {
	return fmt.Errorf("%s: %w: %s", ProviderName, favorites.ErrInvalidArgument, fmt.Sprintf(format, args...))
}
