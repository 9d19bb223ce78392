package mastodon

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// MaxSearchStatuses is the most statuses [Client.ResolveStatus] reads from
// a search answer: it asks for one, and Mastodon resolves a URL to one
// status at most; a few more are allowed, as from a server that ignores
// limit, and a longer list is refused as malformed before it is decoded.
const MaxSearchStatuses = 5

// searchQuery is GET /api/v2/search's query for one status by URL.
type searchQuery struct {
	Q       string `url:"q"`
	Type    string `url:"type"`
	Resolve bool   `url:"resolve"`
	Limit   int    `url:"limit"`
}

// searchReply is the part of a search answer ResolveStatus reads: the
// statuses, in the reply's own bytes, which decodePage reads in place.
// Accounts and hashtags are skipped unread.
type searchReply struct {
	Statuses driver.RawJSON `json:"statuses"`
}

// ResolveStatus finds on the client's instance the status uri names, a
// status's ActivityPub URI or its web URL on any instance, and returns it
// with its ID on this instance, with the server's Response. It asks GET
// /api/v2/search?q=uri&type=statuses&resolve=true&limit=1, which needs a
// user token with the read:search scope (or read): the server fetches a
// status of another instance it has not seen and makes it a local copy,
// which can take it seconds.
//
// A search that finds nothing is an error matching [favorites.ErrNotFound]:
// Mastodon answers an empty list, not an error, when the status was
// deleted, is private or otherwise not visible to this account, or its
// server could not be reached (app/services/resolve_url_service.rb); so is
// its 403 "This action is not allowed" for a status fetched from another
// instance that this account may not see (its author blocks it). A token
// without a user (or none) is 401, one without the scope 403; uri
// that is not an absolute http(s) URL is refused with
// [favorites.ErrInvalidArgument] and nothing is sent, since Mastodon would
// run a full-text search for it instead.
//
// The answer's statuses are decoded as a listing's are (see
// [Client.Favourites]); more than [MaxSearchStatuses] of them is
// [favorites.ErrMalformedReply]. The first is the status found.
func (c *Client) ResolveStatus(ctx context.Context, uri string) (*Status, *favorites.Response, error) {
	if err := checkStatusURL(uri); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", ProviderName, err)
	}
	req, err := c.c.NewRequest(http.MethodGet, "/api/v2/search", searchQuery{Q: uri, Type: "statuses", Resolve: true, Limit: 1}, nil)
	if err != nil {
		return nil, nil, err
	}
	var reply searchReply
	resp, err := c.c.Do(ctx, req, &reply)
	if err != nil {
		return nil, resp, notAllowed(err, uri)
	}
	if reply.Statuses == nil {
		return nil, resp, fmt.Errorf("%s: %w: a search answer without its statuses list", ProviderName, favorites.ErrMalformedReply)
	}
	found, err := driver.DecodeItems(ctx, reply.Statuses, statusRules(MaxSearchStatuses))
	if err != nil {
		return nil, resp, fmt.Errorf("%s: search: %w", ProviderName, err)
	}
	if len(found) == 0 {
		return nil, resp, fmt.Errorf("%s: %s has no status %s (%w: deleted, private or not visible to this account, or its server could not be reached)",
			ProviderName, c.c.BaseURL().Host, uri, favorites.ErrNotFound)
	}
	return found[0], resp, nil
}

// notAllowedMessage is Mastodon's 403 when a policy refuses the caller
// (Api::BaseController's answer to Mastodon::NotPermittedError), unlike
// "This action is outside the authorized scopes", a token's missing scope.
const notAllowedMessage = "This action is not allowed"

// notAllowed makes err, when it is Mastodon's 403 for a status the caller
// may not see, also match favorites.ErrNotFound: ResolveURLService
// fetches a status of another instance and then checks the caller may see
// it (authorize_with ... :show?), which raises that 403, as when its author
// blocks the caller. Such a status cannot be favourited, as one not found.
func notAllowed(err error, uri string) error {
	var apiErr *favorites.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusForbidden || apiErr.Message != notAllowedMessage {
		return err
	}
	return fmt.Errorf("%s: status %s is not visible to this account, as when its author blocks it (%w): %w",
		ProviderName, uri, favorites.ErrNotFound, err)
}

// checkStatusURL refuses what Mastodon's search would not resolve as a
// URL: anything but an absolute http or https URL with a host.
func checkStatusURL(uri string) error {
	u, err := url.Parse(uri)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%w: status URI %.200q is not an absolute http(s) URL", favorites.ErrInvalidArgument, uri)
	}
	return nil
}
