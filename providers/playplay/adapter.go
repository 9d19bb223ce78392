package playplay

import (
	"context"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Adapter is PlayPlay behind the portable [favorites.Favorites] and
// [favorites.ChangeLister] interfaces. Its refs, listing, marks and writes
// keep the rules of the package doc.
type Adapter struct {
	kit *driver.Adapter[*Media]
}

var (
	_ favorites.Favorites    = (*Adapter)(nil)
	_ favorites.Verifier     = (*Adapter)(nil)
	_ favorites.ChangeLister = (*Adapter)(nil)
)

// NewAdapter wraps a Client.
func NewAdapter(c *Client) *Adapter {
	return &Adapter{kit: driver.NewAdapter(driver.Spec[*Media]{
		Name:      ProviderName,
		Verify:    func(ctx context.Context, _ favorites.Access) error { return c.Verify(ctx) },
		Canonical: canonical,
		List: func(o favorites.ListOptions) *favorites.Pager[*Media] {
			return c.Favorites(&ListOptions{Cursor: o.Cursor})
		},
		Favorite: ToFavorite,
		// A store of a favourite already there is the service's "already",
		// so the request is safe to retry.
		Add: func(ctx context.Context, ref favorites.Ref) (*favorites.Response, error) {
			m, _ := SplitRef(ref)
			req, err := c.storeRequest(AddParamsFor(m), driver.RetryIdempotent)
			if err != nil {
				return nil, err
			}
			return c.c.Do(ctx, req, nil) // the stored media is not needed
		},
		Remove: func(ctx context.Context, ref favorites.Ref) (*favorites.Response, error) {
			m, _ := SplitRef(ref)
			return c.RemoveFavorite(ctx, RemoveParamsFor(m))
		},
		Changes: func(ctx context.Context, mark string) (driver.ChangeSet[*Media], error) {
			added, next, err := c.FavoritesSince(ctx, mark)
			return driver.ChangeSet[*Media]{Added: added, Mark: next}, err
		},
	})}
}

// Provider returns [ProviderName].
func (a *Adapter) Provider() string { return ProviderName }

// List pages through the favourites as [Client.Favorites] does; the server
// picks the page size, so opts.PageSize is ignored (a negative one is
// refused).
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	return a.kit.List(opts)
}

// Canonical returns ref as List gives it: "source:raw_media_id", the stock
// ID of the long spelling dropped. It sends nothing.
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) { return a.kit.Canonical(ref) }

// Add stores ref as a favourite with its raw media ID and source; one that
// already is a favourite gives nil.
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error { return a.kit.Add(ctx, ref) }

// Remove deletes ref's favourite by its raw media ID; one that is not a
// favourite, or that the service does not have ([ErrMediaNotFound]), gives
// nil.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error { return a.kit.Remove(ctx, ref) }

// Changes is [Client.FavoritesSince] behind the portable interface: the
// favourites added since mark and the next mark ("Marks" in the package
// doc). RemovalsKnown is false.
func (a *Adapter) Changes(ctx context.Context, mark string) (*favorites.Changes, error) {
	return a.kit.Changes(ctx, mark)
}

// canonical is ref as List gives it (see [SplitRef]).
func canonical(ref favorites.Ref) (favorites.Ref, error) {
	m, err := SplitRef(ref)
	if err != nil {
		return favorites.Ref{}, err
	}
	return m.Ref(), nil
}

// ToFavorite maps a media to a portable Favorite: Kind from type, Title from
// name, URL browser_url, PreviewURL thumbnail_url, the size, and CreatedAt
// from timestamp. The server says nothing of when the favourite was made, so
// FavoritedAt stays zero. Favorite.As gives the *Media back.
func ToFavorite(m *Media) favorites.Favorite {
	return favorites.Favorite{
		Provider:   ProviderName,
		Ref:        m.Ref().Ref(),
		Kind:       kind(m),
		Title:      m.Name,
		URL:        m.BrowserURL,
		PreviewURL: m.ThumbnailURL,
		Width:      m.Width,
		Height:     m.Height,
		CreatedAt:  m.Timestamp.Time,
		Raw:        m.Raw,
	}
}

// kind is the media's type, or its data's type when the item has none.
func kind(m *Media) string {
	switch {
	case m.Type != "":
		return m.Type
	case m.Data.Type != "":
		return m.Data.Type
	}
	return "media"
}
