package playplay

import (
	"context"
	"errors"
	"fmt"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Adapter is PlayPlay behind the portable [favorites.Favorites] interface.
//
// Its canonical ref is "source:raw_media_id", such as "upload:30452" or
// "pexels:201" (see [MediaRef]): that is how List gives every media. Add,
// Remove and Canonical also take the long spelling of earlier versions,
// "pexels:201~3608618" (with the stock ID), and read it as "pexels:201". A
// ref without a source, or with an ID that is not a raw media ID, is
// refused with [favorites.ErrInvalidArgument] naming the canonical form.
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
// opts.Cursor is a cursor from an earlier Pager, which resumes as
// [Client.Favorites] says: never skipping a favourite still there.
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	o, err := driver.ListValues(opts)
	if err != nil {
		return driver.ErrorPager[favorites.Favorite](fmt.Errorf("%s: %w", ProviderName, err))
	}
	return favorites.MapPager(a.c.Favorites(&ListOptions{Cursor: o.Cursor}), func(m *Media) (favorites.Favorite, error) {
		return ToFavorite(m), nil
	})
}

// Canonical returns ref as List gives it: "source:raw_media_id", the stock
// ID of the long spelling dropped. It sends nothing.
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) {
	m, err := SplitRef(ref)
	if err != nil {
		return favorites.Ref{}, err
	}
	return m.Ref(), nil
}

// Add stores ref as a favourite with its raw media ID and source. A ref
// that is already a favourite gives nil, so the request is safe to retry; a
// media the service does not have is an error matching
// [favorites.ErrNotFound]. Once the server answered 2xx the favourite is
// stored, so a body cut short or garbled after it is not an error.
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error {
	m, err := SplitRef(ref)
	if err != nil {
		return err
	}
	req, err := a.c.storeRequest(AddParamsFor(m), driver.RetryIdempotent)
	if err != nil {
		return err
	}
	resp, err := a.c.c.Do(ctx, req, nil) // the stored media is not needed
	if errors.Is(err, favorites.ErrAlreadyFavorited) {
		return nil
	}
	return driver.WriteDone(resp, err)
}

// Remove deletes ref's favourite by its raw media ID. The service answers
// 204 whether or not the media was a favourite, and its own 404 (see
// [ErrMediaNotFound]) for a media it does not have (any more): both give
// nil. Any other answer, a 404 of another shape included, is an error.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error {
	m, err := SplitRef(ref)
	if err != nil {
		return err
	}
	resp, err := a.c.RemoveFavorite(ctx, RemoveParamsFor(m))
	if errors.Is(err, ErrMediaNotFound) {
		return nil
	}
	return driver.WriteDone(resp, err)
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
