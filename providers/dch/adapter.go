package dch

import (
	"context"
	"fmt"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Preview size the adapter fills the overview template with: 16:9, the
// shape of the service's thumbnails, small enough for a list.
const (
	PreviewWidth  = 640
	PreviewHeight = 360
)

// Adapter is the portable view of a [Client]: it implements
// [favorites.Favorites], [favorites.Checker] and [favorites.ChangeLister]
// by the rules of the package doc.
type Adapter struct {
	kit *driver.Adapter[*Favourite]
}

var (
	_ favorites.Favorites    = (*Adapter)(nil)
	_ favorites.Verifier     = (*Adapter)(nil)
	_ favorites.Checker      = (*Adapter)(nil)
	_ favorites.ChangeLister = (*Adapter)(nil)
)

// NewAdapter wraps c.
func NewAdapter(c *Client) *Adapter {
	return &Adapter{kit: driver.NewAdapter(driver.Spec[*Favourite]{
		Name:      ProviderName,
		Verify:    func(ctx context.Context, _ favorites.Access) error { return c.Verify(ctx) },
		Canonical: canonical,
		OnePage:   true,
		List:      func(favorites.ListOptions) *favorites.Pager[*Favourite] { return c.Favourites() },
		Favorite:  func(f *Favourite) favorites.Favorite { return ToFavorite(*f) },
		Add: func(ctx context.Context, ref favorites.Ref) (*favorites.Response, error) {
			_, resp, err := c.update(ctx, actionAdd, ref.ID, driver.RetryIdempotent)
			return resp, err
		},
		Remove: func(ctx context.Context, ref favorites.Ref) (*favorites.Response, error) {
			_, resp, err := c.update(ctx, actionDelete, ref.ID, driver.RetryIdempotent)
			return resp, err
		},
		IsFavorite: func(ctx context.Context, ref favorites.Ref) (bool, error) {
			list, _, err := c.list(ctx)
			return err == nil && list.Contains(ref.ID), err
		},
		Changes: func(ctx context.Context, mark string) (driver.ChangeSet[*Favourite], error) {
			ch, _, err := c.Changes(ctx, mark)
			if err != nil {
				return driver.ChangeSet[*Favourite]{}, err
			}
			set := driver.ChangeSet[*Favourite]{Added: ch.Added, RemovalsKnown: true, Mark: ch.Mark}
			for _, id := range ch.Removed {
				set.Removed = append(set.Removed, favorites.Ref{ID: id})
			}
			return set, nil
		},
	})}
}

// Provider returns [ProviderName].
func (a *Adapter) Provider() string { return ProviderName }

// List returns every favourite in one page, with no cursor: see the
// package doc.
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	return a.kit.List(opts)
}

// Canonical returns ref when it is a DCH ID alone, the one spelling List
// gives; a ref with a Source, or an ID Add would refuse, is
// [favorites.ErrInvalidArgument]. It sends nothing.
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) { return a.kit.Canonical(ref) }

// Add makes ref a favourite; one already there is nil, and an item the
// service does not have matches [favorites.ErrNotFound].
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error { return a.kit.Add(ctx, ref) }

// Remove makes ref no longer a favourite; one that is not, or an item the
// service says it does not have, is nil.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error { return a.kit.Remove(ctx, ref) }

// IsFavorite reports whether ref is a favourite, from the list.
func (a *Adapter) IsFavorite(ctx context.Context, ref favorites.Ref) (bool, error) {
	return a.kit.IsFavorite(ctx, ref)
}

// Changes is the portable form of [Client.Changes]: the favourites made
// since mark, the refs of those removed (RemovalsKnown), and the next
// mark, in exactly one request.
func (a *Adapter) Changes(ctx context.Context, mark string) (*favorites.Changes, error) {
	return a.kit.Changes(ctx, mark)
}

// canonical checks a portable ref: DCH refs are a bare item ID.
func canonical(ref favorites.Ref) (favorites.Ref, error) {
	if err := driver.CheckID("item ID", ref.ID); err != nil {
		return favorites.Ref{}, err
	}
	if ref.Source != "" {
		return favorites.Ref{}, fmt.Errorf("%w: ref %v has a source; a DCH ref is the bare item ID: %v",
			favorites.ErrInvalidArgument, ref, favorites.Ref{ID: ref.ID})
	}
	return favorites.Ref{ID: ref.ID}, nil
}

// ToFavorite maps one entry to the portable shape: Kind from Type ("item"
// when the service sent none), URL from Href, PreviewURL from the overview
// template at [PreviewWidth]x[PreviewHeight], CreatedAt from the published
// date, FavoritedAt from Updated, and Raw, the entry's bytes, shared with
// f. [favorites.Favorite.As] gives back f.
func ToFavorite(f Favourite) favorites.Favorite {
	kind := string(f.Type)
	if kind == "" {
		kind = "item"
	}
	return favorites.Favorite{
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
}
