package dch

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// ProviderName is the name this provider goes by in errors, logs and
// [favorites.Favorite.Provider].
const ProviderName = "dch"

// DefaultBaseURL is the Digital Concert Hall API. Its path part is kept:
// requests go to /v2/user/favourites.
const DefaultBaseURL = "https://api.digitalconcerthall.com/v2"

// favouritesPath is the one endpoint of the favourites API, below the base.
const favouritesPath = "/user/favourites"

// Client is a typed client of the Digital Concert Hall favourites API. It is
// safe for concurrent use.
type Client struct {
	c     *driver.Client
	marks *driver.SetMark // this account's marks: see Client.Changes
}

// New returns a Client that authenticates with token as a Bearer token.
// opts are applied after the provider's defaults (base URL, auth, a
// response cap of [MaxBodySize], no client-side rate limit; every request
// of the core Client already sends Accept: application/json), so the
// caller's options win; for example favorites.WithBaseURL points the client
// at a fake server, favorites.WithMaxBodySize replaces the cap, and
// favorites.WithRateLimiter adds a limit.
func New(token string, opts ...favorites.Option) (*Client, error) {
	cred, err := driver.BearerToken(token)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ProviderName, err)
	}
	c, err := driver.New(driver.Config{
		Provider:    ProviderName,
		Credential:  cred,
		DecodeError: decodeError,
		Defaults: []favorites.Option{
			favorites.WithBaseURL(DefaultBaseURL),
			favorites.WithRateLimiter(defaultLimiter()),
			favorites.WithMaxBodySize(MaxBodySize),
		},
	}, opts...)
	if err != nil {
		return nil, err
	}
	return &Client{c: c, marks: driver.NewSetMark(ProviderName, c.BaseURL().String(), token, MaxFavourites, nil)}, nil
}

// defaultLimiter is the limiter [New] installs: none. The service's
// document states no rate limit, and a favourites list is one request, so
// a client-side pace would only guess; 429 answers are still waited out
// and retried.
func defaultLimiter() favorites.Limiter { return nil }

// HTTP gives the shared client underneath, for requests this package does
// not wrap.
func (c *Client) HTTP() *driver.Client { return c.c }

// Favourites lists every favourite: GET /user/favourites, in one page
// whose Response is the answer's; nothing is sent until the Pager is read.
// The package doc's "Listing" says which answers are refused.
//
// The list's own updated time is not on the page: [Client.FavouritesUpdated]
// gives it, and so do AddFavourite and RemoveFavourite in their
// [FavouriteList].
func (c *Client) Favourites() *favorites.Pager[*Favourite] {
	return driver.SinglePage("", c.favourites)
}

// favourites fetches and decodes the one page of the listing.
func (c *Client) favourites(ctx context.Context) ([]*Favourite, *favorites.Response, error) {
	list, resp, err := c.list(ctx)
	if err != nil {
		return nil, resp, err
	}
	return list.pointers(), resp, nil
}

// list fetches the whole list answer, envelope and entries.
func (c *Client) list(ctx context.Context) (*FavouriteList, *favorites.Response, error) {
	w, resp, err := c.fetch(ctx)
	if err != nil {
		return nil, resp, err
	}
	list, err := decodeList(ctx, w)
	if err != nil {
		return nil, resp, c.malformed(http.MethodGet, err)
	}
	return list, resp, nil
}

// FavouritesUpdated returns when the favourites list last changed, as the
// list answer's updated field says (GET /user/favourites); the zero time
// when the service does not say. It is for a caller that watches for
// changes, removals included, which no entry's own Updated shows. It reads
// the same answer as [Client.Favourites] and refuses it by the same rules,
// so a malformed list never passes for an unchanged one.
func (c *Client) FavouritesUpdated(ctx context.Context) (time.Time, *favorites.Response, error) {
	list, resp, err := c.list(ctx)
	if err != nil {
		return time.Time{}, resp, err
	}
	return list.Updated, resp, nil
}

// fetch sends GET /user/favourites and returns the answer's envelope, its
// favourites still the reply's bytes.
func (c *Client) fetch(ctx context.Context) (*wireList, *favorites.Response, error) {
	req, err := c.c.NewRequest(http.MethodGet, favouritesPath, nil, nil)
	if err != nil {
		return nil, nil, err
	}
	var w wireList
	resp, err := c.c.Do(ctx, req, &w)
	if err != nil {
		return nil, resp, err
	}
	return &w, resp, nil
}

// malformed names the request whose answer err refuses.
func (c *Client) malformed(method string, err error) error {
	return fmt.Errorf("%s: %s %s: %w", ProviderName, method, favouritesPath, err)
}

// AddFavourite makes the item with this ID a favourite and returns the
// updated list: POST /user/favourites with the form action=add&id=ID.
// Like every POST, it is not retried after a server error once it may have
// arrived. When the service answers with success but its list does not
// hold the item, the list comes back with an error matching
// [ErrNotApplied]. An item the service does not have is its 404, an
// error matching [favorites.ErrNotFound].
func (c *Client) AddFavourite(ctx context.Context, id string) (*FavouriteList, *favorites.Response, error) {
	return c.update(ctx, actionAdd, id, driver.RetryByMethod)
}

// RemoveFavourite removes the item with this ID from the favourites and
// returns the updated list: POST /user/favourites with the form
// action=delete&id=ID. When the service answers with success but its list
// still holds the item, the list comes back with an error matching
// [ErrNotApplied]; an item that is not a favourite is a success. An item
// the service does not have is its 404, an error matching
// [favorites.ErrNotFound].
func (c *Client) RemoveFavourite(ctx context.Context, id string) (*FavouriteList, *favorites.Response, error) {
	return c.update(ctx, actionDelete, id, driver.RetryByMethod)
}

// The values of the form's action field.
const (
	actionAdd    = "add"
	actionDelete = "delete"
)

// updateForm is the document's form body; the field order is the one
// go-querystring encodes, sorted by name.
type updateForm struct {
	Action string `url:"action"`
	ID     string `url:"id"`
}

// update sends one change. mode lets the portable adapter, whose Add and
// Remove mean "make it so", mark the request safe to repeat. The error of
// an answer that does not show the change matches ErrNotApplied and comes
// with the list.
func (c *Client) update(ctx context.Context, action, id string, mode driver.RetryMode) (*FavouriteList, *favorites.Response, error) {
	if err := driver.CheckID("item ID", id); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", ProviderName, err)
	}
	req, err := c.c.NewRequest(http.MethodPost, favouritesPath, nil, driver.FormBody(updateForm{Action: action, ID: id}))
	if err != nil {
		return nil, nil, err
	}
	req.Retry = mode
	var w wireList
	resp, err := c.c.Do(ctx, req, &w)
	if err != nil {
		return nil, resp, err
	}
	list, err := decodeList(ctx, &w)
	if err != nil {
		return nil, resp, c.malformed(http.MethodPost, err)
	}
	if list.Contains(id) != (action == actionAdd) {
		return list, resp, fmt.Errorf("%w: %s %q", ErrNotApplied, action, id)
	}
	return list, resp, nil
}
