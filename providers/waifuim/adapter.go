package waifuim

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/favkit/favorites"
)

// Adapter puts a [Client] behind favorites.Favorites, favorites.Toggler and
// favorites.Checker. A Ref's ID is the image ID in decimal, such as "7622".
type Adapter struct {
	c *Client
}

var (
	_ favorites.Favorites = (*Adapter)(nil)
	_ favorites.Toggler   = (*Adapter)(nil)
	_ favorites.Checker   = (*Adapter)(nil)
)

// NewAdapter returns the portable view of c's user's favourites.
func NewAdapter(c *Client) *Adapter { return &Adapter{c: c} }

// Provider is [ProviderName].
func (a *Adapter) Provider() string { return ProviderName }

// List serves every favourite as one page, most recently liked first.
// PageSize is ignored (the service does not page) but must not be negative;
// a Cursor is refused, since there is no second page to resume at.
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	o, err := opts.Values()
	if err != nil {
		return favorites.ErrorPager[favorites.Favorite](fmt.Errorf("%s: %w", ProviderName, err))
	}
	return favorites.SinglePage(o.Cursor, func(ctx context.Context) ([]favorites.Favorite, *favorites.Response, error) {
		images, resp, err := a.c.Favorites(ctx, nil)
		if err != nil {
			return nil, resp, err
		}
		favs := make([]favorites.Favorite, len(images))
		for i := range images {
			favs[i] = ToFavorite(&images[i])
		}
		return favs, resp, nil
	})
}

// Canonical returns ref when it is an image ID alone, in decimal.
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) {
	if _, err := imageID(ref); err != nil {
		return favorites.Ref{}, err
	}
	return ref, nil
}

// Add inserts ref's image; one that already is a favourite gives nil.
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error {
	id, err := imageID(ref)
	if err != nil {
		return err
	}
	_, _, err = a.c.send(ctx, http.MethodPost, "/fav/insert", Edit{ImageID: id}, favorites.RetryIdempotent)
	if errors.Is(err, favorites.ErrAlreadyFavorited) {
		return nil
	}
	return err
}

// Remove deletes ref's image; one that is not a favourite gives nil.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error {
	id, err := imageID(ref)
	if err != nil {
		return err
	}
	_, _, err = a.c.delete(ctx, Edit{ImageID: id}, favorites.RetryIdempotent)
	if errors.Is(err, favorites.ErrNotFound) {
		return nil
	}
	return err
}

// Toggle flips ref's image and reports whether it is now a favourite. It is
// never retried once the request may have reached the server; see
// [Client.Toggle].
func (a *Adapter) Toggle(ctx context.Context, ref favorites.Ref) (bool, error) {
	id, err := imageID(ref)
	if err != nil {
		return false, err
	}
	state, _, err := a.c.Toggle(ctx, Edit{ImageID: id})
	return state == StateInserted, err
}

// IsFavorite asks for ref's image alone, through the included_files filter.
func (a *Adapter) IsFavorite(ctx context.Context, ref favorites.Ref) (bool, error) {
	id, err := imageID(ref)
	if err != nil {
		return false, err
	}
	images, _, err := a.c.Favorites(ctx, &FavoritesQuery{IncludedFiles: []string{ref.ID}})
	if err != nil {
		return false, err
	}
	for _, im := range images {
		if im.ImageID == id {
			return true, nil
		}
	}
	return false, nil
}

// Ref is the portable reference to im.
func Ref(im *Image) favorites.Ref {
	return favorites.Ref{ID: strconv.FormatInt(im.ImageID, 10)}
}

func imageID(ref favorites.Ref) (int64, error) {
	if ref.Source != "" {
		return 0, fmt.Errorf("%s: %w: ref %v has a source; waifu.im refs are image IDs alone",
			ProviderName, favorites.ErrInvalidArgument, ref)
	}
	id, err := favorites.NumericID("image ID", ref.ID)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", ProviderName, err)
	}
	return id, nil
}

// ToFavorite maps an image to the portable Favorite; Favorite.As gives the
// *Image back.
func ToFavorite(im *Image) favorites.Favorite {
	kind := "image"
	if im.IsGIF() {
		kind = "gif"
	}
	f := favorites.Favorite{
		Provider:    ProviderName,
		Ref:         Ref(im),
		Kind:        kind,
		Title:       im.Signature + im.Extension,
		URL:         im.URL,
		PreviewURL:  im.PreviewURL,
		Width:       im.Width,
		Height:      im.Height,
		CreatedAt:   im.UploadedAt,
		FavoritedAt: im.LikedAt,
		Raw:         im.Raw,
	}
	f.SetNative(im)
	return f
}
