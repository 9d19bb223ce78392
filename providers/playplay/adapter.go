package playplay

import (
	"context"
	"errors"
	"fmt"

	"github.com/favkit/favorites"
)

// Adapter is PlayPlay behind the portable [favorites.Favorites] interface.
// Its refs are those of [MediaRef]: "upload:30452", "pexels:30452~12345".
type Adapter struct {
	c *Client
}

var _ favorites.Favorites = (*Adapter)(nil)

// NewAdapter wraps a Client.
func NewAdapter(c *Client) *Adapter { return &Adapter{c: c} }

// Provider returns [ProviderName].
func (a *Adapter) Provider() string { return ProviderName }

// List pages through the favourites in the server's order. The server picks
// the page size, so opts.PageSize is ignored (a negative one is refused);
// opts.Cursor is a page number from an earlier Pager.
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	o, err := opts.Values()
	if err != nil {
		return favorites.ErrorPager[favorites.Favorite](fmt.Errorf("%s: %w", ProviderName, err))
	}
	return favorites.MapPager(a.c.Favorites(&ListOptions{Cursor: o.Cursor}), func(m *Media) (favorites.Favorite, error) {
		return ToFavorite(m), nil
	})
}

// Canonical returns ref in the form List gives it.
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) {
	m, err := SplitRef(ref)
	if err != nil {
		return favorites.Ref{}, err
	}
	return m.Ref(), nil
}

// Add stores ref as a favourite with its raw media ID, source and, for stock
// media, stock ID. A ref that is already a favourite gives nil, so the
// request is safe to retry. A ref without a source is refused: the store
// requires one.
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error {
	m, err := SplitRef(ref)
	if err != nil {
		return err
	}
	_, _, err = a.c.store(ctx, AddParamsFor(m), favorites.RetryIdempotent)
	if errors.Is(err, favorites.ErrAlreadyFavorited) {
		return nil
	}
	return err
}

// Remove deletes ref's favourite: stock media by stock ID and source, uploads
// by raw media ID. Deleting a media that is not a favourite gives nil. The
// document does not say what the server answers then, so a 404 is taken as
// "already absent" too.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error {
	m, err := SplitRef(ref)
	if err != nil {
		return err
	}
	_, err = a.c.RemoveFavorite(ctx, RemoveParamsFor(m))
	if errors.Is(err, favorites.ErrNotFound) {
		return nil
	}
	return err
}

// ToFavorite maps a media to a portable Favorite: Kind from type, Title from
// name, URL browser_url, PreviewURL thumbnail_url, the size, and CreatedAt
// from timestamp. The server says nothing of when the favourite was made, so
// FavoritedAt stays zero. Favorite.As gives the *Media back.
func ToFavorite(m *Media) favorites.Favorite {
	f := favorites.Favorite{
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
	f.SetNative(m)
	return f
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
