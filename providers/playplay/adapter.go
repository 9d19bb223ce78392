package playplay

import (
	"context"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Adapter is PlayPlay behind the portable [favorites.Favorites] and
// [favorites.ChangeLister] interfaces.
//
// Its canonical ref is "source:raw_media_id", such as "upload:30452" or
// "pexels:201" (see [MediaRef]): that is how List gives every media. Add,
// Remove and Canonical also take the long spelling of earlier versions,
// "pexels:201~3608618" (with the stock ID), and read it as "pexels:201". A
// ref without a source, or with an ID that is not a raw media ID, is
// refused with [favorites.ErrInvalidArgument] naming the canonical form.
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

// List pages through the favourites in the server's order. The server picks
// the page size, so opts.PageSize is ignored (a negative one is refused);
// opts.Cursor is a cursor from an earlier Pager, which resumes as
// [Client.Favorites] says: never skipping a favourite still there.
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	return a.kit.List(opts)
}

// Canonical returns ref as List gives it: "source:raw_media_id", the stock
// ID of the long spelling dropped. It sends nothing.
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) { return a.kit.Canonical(ref) }

// Add stores ref as a favourite with its raw media ID and source. A ref
// that is already a favourite gives nil; a media the service does not have
// is an error matching [favorites.ErrNotFound]. A 2xx answer is done,
// whatever its body.
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error { return a.kit.Add(ctx, ref) }

// Remove deletes ref's favourite by its raw media ID. The service answers
// 204 whether or not the media was a favourite, and its own 404 (see
// [ErrMediaNotFound]) for a media it does not have (any more): both give
// nil. Any other answer, a 404 of another shape included, is an error.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error { return a.kit.Remove(ctx, ref) }

// Changes gives the favourites added since mark, newest first, and the
// next mark, as [Client.FavoritesSince] does (its doc says which rule of
// the service this stands on, what it costs, and which marks are stale).
// An empty mark means "from now": no favourites, one request.
//
// The mark is text to save as it is: "playplay.mark.v2.", a tag of the
// base URL and token, ".a", and the canonical refs of up to five of the
// newest favourites joined by "-", such as
// "playplay.mark.v2.AsHkemDBH1o.aupload:3-pexels:201". It holds no
// credential and is at most a few KiB. Marks of the earlier form
// "playplay.mark.v1...." are read.
//
// RemovalsKnown is always false: the listing is paged, so removals show
// only in a full listing ([favorites.Diff] of two of them). A favourite
// added and removed again between two calls is not given.
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
