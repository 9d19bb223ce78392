package dch

import (
	"context"
	"errors"
	"fmt"

	"github.com/favkit/favorites"
)

// Preview size the adapter fills the overview template with: 16:9, the
// shape of the service's thumbnails, small enough for a list.
const (
	PreviewWidth  = 640
	PreviewHeight = 360
)

// ErrNotApplied is returned by the adapter's Add and Remove when the service
// answered with success but the updated list it returned does not show the
// change (for example an ID the service ignored).
var ErrNotApplied = errors.New("dch: the list returned does not show the change")

// Adapter is the portable view of a [Client]: it implements
// [favorites.Favorites] and [favorites.Checker].
type Adapter struct {
	c *Client
}

var (
	_ favorites.Favorites = (*Adapter)(nil)
	_ favorites.Checker   = (*Adapter)(nil)
)

// NewAdapter wraps c.
func NewAdapter(c *Client) *Adapter { return &Adapter{c: c} }

// Provider returns [ProviderName].
func (a *Adapter) Provider() string { return ProviderName }

// List returns every favourite in one page: the service has no paging, so
// opts.PageSize is ignored (a negative one is refused) and a non-empty
// opts.Cursor is refused.
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	o, err := opts.Values()
	if err != nil {
		return favorites.ErrorPager[favorites.Favorite](fmt.Errorf("%s: %w", ProviderName, err))
	}
	return favorites.SinglePage(o.Cursor, func(ctx context.Context) ([]favorites.Favorite, *favorites.Response, error) {
		list, resp, err := a.c.Favourites(ctx)
		if err != nil {
			return nil, resp, err
		}
		return toFavorites(list), resp, nil
	})
}

// Canonical returns ref when it is a DCH ID alone.
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) {
	if _, err := refID(ref); err != nil {
		return favorites.Ref{}, err
	}
	return ref, nil
}

// Add makes ref a favourite. The service's add leaves a present favourite as
// it is, so Add is safe to repeat and is retried like a GET; it succeeds
// when the list the service answers with holds ref.
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error {
	return a.apply(ctx, ref, actionAdd, true)
}

// Remove makes ref no longer a favourite; removing one that is not there
// succeeds (an ID the service does not know at all is its error). It is retried like Add and succeeds when the list the service
// answers with no longer holds ref.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error {
	return a.apply(ctx, ref, actionDelete, false)
}

func (a *Adapter) apply(ctx context.Context, ref favorites.Ref, action string, want bool) error {
	id, err := refID(ref)
	if err != nil {
		return err
	}
	list, _, err := a.c.update(ctx, action, id, favorites.RetryIdempotent)
	if err != nil {
		return err
	}
	if list.Contains(id) != want {
		return fmt.Errorf("%w: %s %q", ErrNotApplied, action, id)
	}
	return nil
}

// IsFavorite reports whether ref is a favourite, from the list.
func (a *Adapter) IsFavorite(ctx context.Context, ref favorites.Ref) (bool, error) {
	id, err := refID(ref)
	if err != nil {
		return false, err
	}
	list, _, err := a.c.Favourites(ctx)
	if err != nil {
		return false, err
	}
	return list.Contains(id), nil
}

// refID checks a portable ref: DCH refs are a bare item ID.
func refID(ref favorites.Ref) (string, error) {
	if ref.Source != "" {
		return "", fmt.Errorf("%s: %w: ref %v has a source; DCH refs are a bare item ID",
			ProviderName, favorites.ErrInvalidArgument, ref)
	}
	if err := favorites.CheckID("item ID", ref.ID); err != nil {
		return "", fmt.Errorf("%s: %w", ProviderName, err)
	}
	return ref.ID, nil
}

func toFavorites(list *FavouriteList) []favorites.Favorite {
	out := make([]favorites.Favorite, 0, len(list.Favourites))
	for _, f := range list.Favourites {
		out = append(out, ToFavorite(f))
	}
	return out
}

// ToFavorite maps one entry to the portable shape: Kind from Type ("item"
// when the service sent none), URL from Href, PreviewURL from the overview
// template at [PreviewWidth]x[PreviewHeight], CreatedAt from the published
// date and FavoritedAt from Updated. [favorites.Favorite.As] gives back f.
func ToFavorite(f Favourite) favorites.Favorite {
	kind := string(f.Type)
	if kind == "" {
		kind = "item"
	}
	fav := favorites.Favorite{
		Provider:    ProviderName,
		Ref:         favorites.Ref{ID: f.ID},
		Kind:        kind,
		Title:       f.Title,
		URL:         f.Href,
		PreviewURL:  f.Image.Overview.URL(PreviewWidth, PreviewHeight),
		CreatedAt:   f.Date.Published,
		FavoritedAt: f.Updated,
		Raw:         f.Raw,
	}
	fav.SetNative(f)
	return fav
}
