package waifuim

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Adapter puts a [Client] behind favorites.Favorites, favorites.Toggler,
// favorites.Checker and favorites.ChangeLister.
//
// A Ref's canonical form, the one List gives, is the image ID in decimal
// with no leading zero and no Source, such as {ID: "7622"}: it is what
// insert, delete and toggle take, and the only identity waifu.im gives an
// image. The same number with leading zeros ("007622") is accepted and made
// canonical; anything else (a Source, a sign, a file name such as
// "7622.jpg", white space) is refused with favorites.ErrInvalidArgument.
type Adapter struct {
	c *Client
}

var (
	_ favorites.Favorites    = (*Adapter)(nil)
	_ favorites.Toggler      = (*Adapter)(nil)
	_ favorites.Checker      = (*Adapter)(nil)
	_ favorites.ChangeLister = (*Adapter)(nil)
)

// NewAdapter returns the portable view of c's user's favourites.
func NewAdapter(c *Client) *Adapter { return &Adapter{c: c} }

// Provider is [ProviderName].
func (a *Adapter) Provider() string { return ProviderName }

// List serves every favourite as one page, most recently liked first: the
// service does not page. PageSize is ignored but must not be negative.
//
// There is nothing to resume: the Pager is done after its one page and its
// Cursor is then empty, so a listing cut short is simply started again,
// and reads the list as it is by then (nothing skipped, nothing repeated).
// A non-empty Cursor is refused with favorites.ErrInvalidArgument.
//
// A reply that is not a whole list is an error, never a short listing; see
// [Client.Favorites].
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	o, err := driver.ListValues(opts)
	if err != nil {
		return driver.ErrorPager[favorites.Favorite](fmt.Errorf("%s: %w", ProviderName, err))
	}
	return driver.SinglePage(o.Cursor, func(ctx context.Context) ([]favorites.Favorite, *favorites.Response, error) {
		images, resp, err := a.c.favorites(ctx, nil)
		if err != nil {
			return nil, resp, err
		}
		favs := make([]favorites.Favorite, len(images))
		for i, im := range images {
			favs[i] = ToFavorite(im)
		}
		return favs, resp, nil
	})
}

// Canonical returns ref in its canonical form (see [Adapter]): leading
// zeros dropped. Any other spelling is refused with an error matching
// favorites.ErrInvalidArgument that names the canonical form. It sends
// nothing.
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) {
	id, err := imageID(ref)
	if err != nil {
		return favorites.Ref{}, err
	}
	return refOf(id), nil
}

// Add inserts ref's image. One that already is a favourite (the service's
// 409) gives nil; one the service does not have is its 404, an error
// matching favorites.ErrNotFound. Once the service answered 2xx the image
// is a favourite, so a body cut short or garbled after it gives nil.
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error {
	id, err := imageID(ref)
	if err != nil {
		return err
	}
	_, resp, err := a.c.send(ctx, http.MethodPost, "/fav/insert", Edit{ImageID: id}, driver.RetryIdempotent)
	if errors.Is(err, favorites.ErrAlreadyFavorited) {
		return nil
	}
	return driver.WriteDone(resp, err)
}

// Remove deletes ref's image. The service's 404 for an image that is not a
// favourite, or that it does not have, gives nil; any other answer that is
// not 2xx is an error, a 404 of another shape (an HTML page, an empty body,
// a wrong base URL or path) included, so that Remove never reports as done
// what no waifu.im server said. A 2xx with a body cut short or garbled
// gives nil: the image was removed.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error {
	id, err := imageID(ref)
	if err != nil {
		return err
	}
	_, resp, err := a.c.delete(ctx, Edit{ImageID: id}, driver.RetryIdempotent)
	var apiErr *favorites.APIError
	if errors.As(err, &apiErr) && isNotFavorite(apiErr) {
		return nil
	}
	return driver.WriteDone(resp, err)
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
	images, _, err := a.c.favorites(ctx, &FavoritesQuery{IncludedFiles: []string{strconv.FormatInt(id, 10)}})
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

// Ref is the portable reference to im, in canonical form.
func Ref(im *Image) favorites.Ref { return refOf(im.ImageID) }

func refOf(id int64) favorites.Ref { return favorites.Ref{ID: strconv.FormatInt(id, 10)} }

// imageID reads ref's image ID: decimal digits, leading zeros allowed, no
// Source. The error names the canonical form where there is one.
func imageID(ref favorites.Ref) (int64, error) {
	if err := driver.CheckID("image ID", ref.ID); err != nil {
		return 0, fmt.Errorf("%s: %w", ProviderName, err)
	}
	digits := strings.TrimLeft(ref.ID, "0")
	id, err := driver.NumericID("image ID", digits)
	if err != nil {
		return 0, fmt.Errorf("%s: %w: ref %v is not an image ID; waifu.im refs are positive decimal image IDs with no source, such as \"7622\"",
			ProviderName, favorites.ErrInvalidArgument, ref)
	}
	if ref.Source != "" {
		return 0, fmt.Errorf("%s: %w: ref %v has a source; waifu.im refs are image IDs alone: %q",
			ProviderName, favorites.ErrInvalidArgument, ref, refOf(id).String())
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
	return f
}

// Changes is the portable form of [Client.Changes]: the favourites liked
// since mark, most recently liked first, the refs of those removed since
// it (RemovalsKnown: one answer is the whole list), and the next mark, in
// exactly one request. The empty mark gives no changes, just a first mark.
// A mark of another provider, account or server is an error matching
// favorites.ErrStaleMark (and favorites.ErrInvalidArgument when it is no
// waifu.im mark at all), and sends nothing.
func (a *Adapter) Changes(ctx context.Context, mark string) (*favorites.Changes, error) {
	ch, _, err := a.c.Changes(ctx, mark)
	if err != nil {
		return nil, err
	}
	out := &favorites.Changes{
		Added:         make([]favorites.Favorite, len(ch.Added)),
		Removed:       make([]favorites.Ref, len(ch.Removed)),
		RemovalsKnown: true,
		Mark:          ch.Mark,
	}
	for i, im := range ch.Added {
		out.Added[i] = ToFavorite(im)
	}
	for i, id := range ch.Removed {
		out.Removed[i] = refOf(id)
	}
	return out, nil
}
