package waifuim

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Adapter puts a [Client] behind favorites.Favorites, favorites.Toggler,
// favorites.Checker and favorites.ChangeLister, by the rules of the
// package doc.
type Adapter struct {
	kit *driver.Adapter[*Image]
}

var (
	_ favorites.Favorites    = (*Adapter)(nil)
	_ favorites.Verifier     = (*Adapter)(nil)
	_ favorites.Toggler      = (*Adapter)(nil)
	_ favorites.Checker      = (*Adapter)(nil)
	_ favorites.ChangeLister = (*Adapter)(nil)
)

// NewAdapter returns the portable view of c's user's favourites.
func NewAdapter(c *Client) *Adapter {
	return &Adapter{kit: driver.NewAdapter(driver.Spec[*Image]{
		Name:      ProviderName,
		Verify:    func(ctx context.Context, _ favorites.Access) error { return c.Verify(ctx) },
		Canonical: canonical,
		OnePage:   true,
		List:      func(favorites.ListOptions) *favorites.Pager[*Image] { return c.Favorites(nil) },
		Favorite:  ToFavorite,
		Add: func(ctx context.Context, ref favorites.Ref) (*favorites.Response, error) {
			_, resp, err := c.send(ctx, http.MethodPost, "/fav/insert", Edit{ImageID: mustID(ref)}, driver.RetryIdempotent)
			return resp, err
		},
		Remove: func(ctx context.Context, ref favorites.Ref) (*favorites.Response, error) {
			_, resp, err := c.delete(ctx, Edit{ImageID: mustID(ref)}, driver.RetryIdempotent)
			return resp, err
		},
		Toggle: func(ctx context.Context, ref favorites.Ref) (bool, error) {
			state, _, err := c.Toggle(ctx, Edit{ImageID: mustID(ref)})
			return state == StateInserted, err
		},
		IsFavorite: func(ctx context.Context, ref favorites.Ref) (bool, error) {
			images, _, err := c.favorites(ctx, &FavoritesQuery{IncludedFiles: []string{ref.ID}})
			for _, im := range images {
				if Ref(im) == ref {
					return true, nil
				}
			}
			return false, err
		},
		Changes: func(ctx context.Context, mark string) (driver.ChangeSet[*Image], error) {
			ch, _, err := c.Changes(ctx, mark)
			if err != nil {
				return driver.ChangeSet[*Image]{}, err
			}
			set := driver.ChangeSet[*Image]{Added: ch.Added, RemovalsKnown: true, Mark: ch.Mark}
			for _, id := range ch.Removed {
				set.Removed = append(set.Removed, refOf(id))
			}
			return set, nil
		},
	})}
}

// Provider is [ProviderName].
func (a *Adapter) Provider() string { return ProviderName }

// List serves every favourite as one page, most recently liked first, with
// no cursor ("Listing" in the package doc).
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	return a.kit.List(opts)
}

// Canonical returns ref in its canonical form, the image ID in decimal
// without leading zeros; any other spelling is refused with an error
// matching favorites.ErrInvalidArgument that names the canonical form. It
// sends nothing.
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) { return a.kit.Canonical(ref) }

// Add inserts ref's image; one already a favourite is nil, and one the
// service does not have matches favorites.ErrNotFound.
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error { return a.kit.Add(ctx, ref) }

// Remove deletes ref's image; one that is not a favourite, or that the
// service does not have, is nil.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error { return a.kit.Remove(ctx, ref) }

// Toggle flips ref's image and reports whether it is now a favourite, by
// [Client.Toggle], which says when it is retried.
func (a *Adapter) Toggle(ctx context.Context, ref favorites.Ref) (bool, error) {
	return a.kit.Toggle(ctx, ref)
}

// IsFavorite asks for ref's image alone, through the included_files filter.
func (a *Adapter) IsFavorite(ctx context.Context, ref favorites.Ref) (bool, error) {
	return a.kit.IsFavorite(ctx, ref)
}

// Changes is the portable form of [Client.Changes]: the favourites liked
// since mark, most recently liked first, the refs of those removed since
// it (RemovalsKnown), and the next mark, in exactly one request.
func (a *Adapter) Changes(ctx context.Context, mark string) (*favorites.Changes, error) {
	return a.kit.Changes(ctx, mark)
}

// Ref is the portable reference to im, in canonical form.
func Ref(im *Image) favorites.Ref { return refOf(im.ImageID) }

func refOf(id int64) favorites.Ref { return favorites.Ref{ID: strconv.FormatInt(id, 10)} }

// canonical reads ref's image ID: decimal digits, leading zeros allowed,
// no Source. The error names the canonical form where there is one.
func canonical(ref favorites.Ref) (favorites.Ref, error) {
	if err := driver.CheckID("image ID", ref.ID); err != nil {
		return favorites.Ref{}, err
	}
	id, err := driver.NumericID("image ID", strings.TrimLeft(ref.ID, "0"))
	if err != nil {
		return favorites.Ref{}, fmt.Errorf("%w: ref %v is not an image ID; waifu.im refs are positive decimal image IDs with no source, such as \"7622\"",
			favorites.ErrInvalidArgument, ref)
	}
	if ref.Source != "" {
		return favorites.Ref{}, fmt.Errorf("%w: ref %v has a source; waifu.im refs are image IDs alone: %q",
			favorites.ErrInvalidArgument, ref, refOf(id).String())
	}
	return refOf(id), nil
}

// mustID is the image ID of a ref canonical has made.
func mustID(ref favorites.Ref) int64 {
	id, _ := strconv.ParseInt(ref.ID, 10, 64)
	return id
}

// ToFavorite maps an image to the portable Favorite; Favorite.As gives the
// *Image back.
func ToFavorite(im *Image) favorites.Favorite {
	kind := "image"
	if im.IsGIF() {
		kind = "gif"
	}
	return favorites.Favorite{
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
}
