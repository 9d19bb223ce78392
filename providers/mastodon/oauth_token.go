package mastodon

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/favkit/favorites/driver"
)

// Token is a user's access token, as the exchange gave it. AccessToken is
// a secret: it does not show when a Token is printed or logged. It encodes
// to JSON with it, for a program to store (in a file only its user can
// read); [New] takes AccessToken.
type Token struct {
	AccessToken string    `json:"access_token"`
	Scopes      []string  `json:"scopes"`              // as the server granted them
	CreatedAt   time.Time `json:"created_at,omitzero"` // zero when the server did not say
}

// newToken reads oauth2's token: Mastodon's reply adds scope (one string,
// space-separated) and created_at (Unix seconds) to the access token.
func newToken(t *oauth2.Token) *Token {
	tok := &Token{AccessToken: t.AccessToken}
	if s, ok := t.Extra("scope").(string); ok {
		tok.Scopes = strings.Fields(s)
	}
	if sec, ok := t.Extra("created_at").(float64); ok && sec > 0 {
		tok.CreatedAt = time.Unix(int64(sec), 0).UTC()
	}
	return tok
}

// String describes the token by its scopes, never its value.
func (t *Token) String() string {
	if t == nil {
		return "<nil>"
	}
	return fmt.Sprintf("mastodon.Token{scopes: %s}", strings.Join(t.Scopes, " "))
}

// GoString is String.
func (t *Token) GoString() string { return t.String() }

// Format prints String under every verb.
func (t *Token) Format(s fmt.State, verb rune) { driver.FormatText(s, verb, t.String()) }

// LogValue gives slog the String.
func (t *Token) LogValue() slog.Value { return slog.StringValue(t.String()) }

// Revoke revokes token, which app's sign-in gave, so that the server
// refuses it from then on (POST /oauth/revoke, RFC 7009, by Doorkeeper's
// TokensController#revoke, which Mastodon's
// app/controllers/oauth/tokens_controller.rb extends). Revoking a token
// twice, or one the server does not know, is not an error; a token of
// another app is refused with 403 "unauthorized_client". The request is
// retried like a read, since a repeat changes nothing. The error is
// scrubbed of the client secret and the token.
func (o *OAuth) Revoke(ctx context.Context, app *App, token string) error {
	if err := checkApp(app); err != nil {
		return err
	}
	if token == "" {
		return invalid("an empty token to revoke")
	}
	meta, err := o.Metadata(ctx)
	if err != nil {
		return err
	}
	form := url.Values{"client_id": {app.ClientID}, "client_secret": {app.ClientSecret}, "token": {token}}
	req, err := o.c.NewRequest(http.MethodPost, meta.RevocationEndpoint, nil, driver.FormBody(form))
	if err != nil {
		return err
	}
	req.Retry = driver.RetryIdempotent
	_, err = o.c.Do(ctx, req, nil)
	return driver.ScrubSecrets(err, app.ClientID, app.ClientSecret, token)
}
