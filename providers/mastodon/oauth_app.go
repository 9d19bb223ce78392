package mastodon

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// AppOptions describe an app to register.
type AppOptions struct {
	// Name is the app's name, shown to the user who authorizes it
	// (client_name). Required.
	Name string
	// Website is the app's home page; optional.
	Website string
	// RedirectURIs are where the server may send the user back with a
	// code: [OutOfBand] (the default) to show the code instead, or a
	// loopback URL such as "http://127.0.0.1:8321/callback" that the
	// program listens on.
	RedirectURIs []string
	// Scopes the app may ask for; nil: [DefaultScopes].
	Scopes []string
}

// App is an app registered on an instance: what a program keeps to sign
// users in and to revoke their tokens. ClientSecret is a secret, and
// Mastodon's documentation asks that ClientID be kept as one too: neither
// shows when an App is printed or logged. It encodes to JSON with both,
// for a program to store (in a file only its user can read).
type App struct {
	ID           string   `json:"id,omitempty"`
	Name         string   `json:"name"`
	Website      string   `json:"website,omitempty"`
	ClientID     string   `json:"client_id"`
	ClientSecret string   `json:"client_secret"`
	RedirectURIs []string `json:"redirect_uris"`
	Scopes       []string `json:"scopes"`
}

// String names the app, without its client ID and secret.
func (a *App) String() string {
	if a == nil {
		return "<nil>"
	}
	return fmt.Sprintf("mastodon.App{id: %s, name: %q, scopes: %s}", a.ID, a.Name, strings.Join(a.Scopes, " "))
}

// GoString is String.
func (a *App) GoString() string { return a.String() }

// Format prints String under every verb.
func (a *App) Format(s fmt.State, verb rune) { driver.FormatText(s, verb, a.String()) }

// LogValue gives slog the String.
func (a *App) LogValue() slog.Value { return slog.StringValue(a.String()) }

// checkApp refuses an app that cannot be used to sign in.
func checkApp(app *App) error {
	if app == nil || app.ClientID == "" || app.ClientSecret == "" {
		return invalid("an app with a client ID and secret is needed (OAuth.RegisterApp makes one)")
	}
	return nil
}

// RegisterApp registers an app on the instance, POST /api/v1/apps
// (app/controllers/api/v1/apps_controller.rb), and returns it with its
// client ID and secret. Register once and keep the App: each call makes a
// new app on the server. Bad options (no name, a redirect URI that is not
// OutOfBand or an absolute URL, a scope with white space) are refused
// with favorites.ErrInvalidArgument before sending.
//
// The request is retried only where it cannot have been acted on (a
// failure before it left, a 429): a repeat would register a second app.
func (o *OAuth) RegisterApp(ctx context.Context, opts AppOptions) (*App, error) {
	form, err := appForm(&opts)
	if err != nil {
		return nil, err
	}
	meta, err := o.Metadata(ctx)
	if err != nil {
		return nil, err
	}
	req, err := o.c.NewRequest(http.MethodPost, meta.AppRegistrationEndpoint, nil, driver.FormBody(form))
	if err != nil {
		return nil, err
	}
	var reply wireApp
	if _, err := o.c.Do(ctx, req, &reply); err != nil {
		return nil, err
	}
	return reply.app(&opts)
}

// appForm checks opts, fills in its defaults and gives the form Mastodon
// takes: redirect_uris and scopes each joined by the separator the server
// splits them on (a line break, a space), which every version reads.
func appForm(opts *AppOptions) (url.Values, error) {
	if strings.TrimSpace(opts.Name) == "" {
		return nil, invalid("an app needs a name")
	}
	if len(opts.RedirectURIs) == 0 {
		opts.RedirectURIs = []string{OutOfBand}
	}
	for _, r := range opts.RedirectURIs {
		if err := checkRedirectURI(r); err != nil {
			return nil, err
		}
	}
	if len(opts.Scopes) == 0 {
		opts.Scopes = DefaultScopes()
	}
	if err := checkScopes(opts.Scopes); err != nil {
		return nil, err
	}
	form := url.Values{
		"client_name":   {opts.Name},
		"redirect_uris": {strings.Join(opts.RedirectURIs, "\n")},
		"scopes":        {strings.Join(opts.Scopes, " ")},
	}
	if opts.Website != "" {
		form.Set("website", opts.Website)
	}
	return form, nil
}

// checkRedirectURI refuses a redirect URI Mastodon would refuse: one that
// is neither OutOfBand nor an absolute URL without a fragment.
func checkRedirectURI(r string) error {
	if r == OutOfBand {
		return nil
	}
	u, err := url.Parse(r)
	if err != nil || !u.IsAbs() || u.Host == "" || u.Fragment != "" || strings.ContainsAny(r, "\n\r") {
		return invalid("redirect URI %q: want %s or an absolute URL without a fragment", redacted(r), OutOfBand)
	}
	return nil
}

// wireApp is Mastodon's CredentialApplication (4.3 and later) or
// Application with its credentials (before 4.3, which sends no scopes and
// one redirect_uri).
type wireApp struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Website      *string  `json:"website"`
	ClientID     string   `json:"client_id"`
	ClientSecret string   `json:"client_secret"`
	RedirectURIs []string `json:"redirect_uris"`
	RedirectURI  string   `json:"redirect_uri"` // the URIs joined by line breaks
	Scopes       []string `json:"scopes"`
}

// app is the App the reply describes; what an older server leaves out
// is what was asked for.
func (w *wireApp) app(asked *AppOptions) (*App, error) {
	if w.ClientID == "" || w.ClientSecret == "" {
		return nil, fmt.Errorf("%s: registering an app: %w: the reply has no client_id or client_secret", ProviderName, favorites.ErrMalformedReply)
	}
	a := &App{ID: w.ID, Name: w.Name, ClientID: w.ClientID, ClientSecret: w.ClientSecret,
		RedirectURIs: w.RedirectURIs, Scopes: w.Scopes}
	if w.Website != nil {
		a.Website = *w.Website
	}
	if a.Name == "" {
		a.Name = asked.Name
	}
	if len(a.RedirectURIs) == 0 && w.RedirectURI != "" {
		a.RedirectURIs = strings.Split(w.RedirectURI, "\n")
	}
	if len(a.RedirectURIs) == 0 {
		a.RedirectURIs = slices.Clone(asked.RedirectURIs)
	}
	if len(a.Scopes) == 0 {
		a.Scopes = slices.Clone(asked.Scopes)
	}
	return a, nil
}
