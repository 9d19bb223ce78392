package e621

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
)

// Adapter puts a Client behind the portable favorites.Favorites interface.
// A favourite's Ref is {ID: the post ID in decimal}.
type Adapter struct {
	c *Client
}

var _ favorites.Favorites = (*Adapter)(nil)

// NewAdapter returns the portable view of c's favourites.
func NewAdapter(c *Client) *Adapter { return &Adapter{c: c} }

// Provider is ProviderName.
func (a *Adapter) Provider() string { return ProviderName }

// List pages through the caller's favourites, newest first. PageSize 0
// means MaxLimit; the cursor is a page number.
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	o, err := opts.Values()
	if err != nil {
		return favorites.ErrorPager[favorites.Favorite](fmt.Errorf("%s: %w", ProviderName, err))
	}
	return favorites.MapPager(a.c.favoritesPager(0, o.PageSize, o.Cursor), a.favorite)
}

// Canonical returns ref when it is a post ID alone, in decimal.
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) {
	if _, err := postID(ref); err != nil {
		return favorites.Ref{}, err
	}
	return ref, nil
}

// Add favourites ref's post. A post that already is a favourite gives nil;
// a full list does not. It is retried on e621's rate-limit answers, since a
// repeat cannot add the post twice.
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error {
	id, err := postID(ref)
	if err != nil {
		return err
	}
	_, err = a.c.addFavorite(ctx, id, favorites.RetryIdempotent)
	if errors.Is(err, favorites.ErrAlreadyFavorited) {
		return nil
	}
	return err
}

// Remove unfavourites ref's post; a post that is not a favourite gives nil.
// An unknown post is an error matching favorites.ErrNotFound.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error {
	id, err := postID(ref)
	if err != nil {
		return err
	}
	_, err = a.c.removeFavorite(ctx, id, favorites.RetryIdempotent)
	return err
}

func postID(ref favorites.Ref) (int64, error) {
	if ref.Source != "" {
		return 0, fmt.Errorf("%s: %w: ref %v has a source; e621 refs are post IDs alone",
			ProviderName, favorites.ErrInvalidArgument, ref)
	}
	id, err := favorites.NumericID("post ID", ref.ID)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", ProviderName, err)
	}
	return id, nil
}

// favorite maps a post to the portable shape.
func (a *Adapter) favorite(p *Post) (favorites.Favorite, error) {
	f := favorites.Favorite{
		Provider:   ProviderName,
		Ref:        favorites.Ref{ID: strconv.FormatInt(p.ID, 10)},
		Kind:       p.Kind(),
		Title:      title(p),
		URL:        a.c.PostURL(p.ID),
		PreviewURL: p.Preview.URL,
		Width:      p.File.Width,
		Height:     p.File.Height,
		CreatedAt:  p.CreatedAt,
		Raw:        p.Raw,
	}
	f.SetNative(p)
	return f, nil
}

// title gives a post, which has no title of its own, a readable one:
// "#123 by artist, artist".
func title(p *Post) string {
	t := "#" + strconv.FormatInt(p.ID, 10)
	if len(p.Tags.Artist) > 0 {
		t += " by " + strings.Join(p.Tags.Artist, ", ")
	}
	return t
}
