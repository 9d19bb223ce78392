package mastodon

import (
	"context"
	"fmt"

	"github.com/favkit/favorites"
)

// Adapter is the portable [favorites.Favorites] view of a [Client]; it also
// implements [favorites.Checker]. A favourite's Ref is {ID: status ID}.
type Adapter struct {
	c *Client
}

var (
	_ favorites.Favorites = (*Adapter)(nil)
	_ favorites.Checker   = (*Adapter)(nil)
)

// NewAdapter returns the portable view of c.
func NewAdapter(c *Client) *Adapter { return &Adapter{c: c} }

// Provider returns [ProviderName].
func (a *Adapter) Provider() string { return ProviderName }

// List pages through the favourites, newest favourite first. PageSize 0
// means [MaxLimit]; over MaxLimit is refused with ErrInvalidArgument.
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	o, err := opts.Values()
	if err != nil {
		return favorites.ErrorPager[favorites.Favorite](fmt.Errorf("%s: %w", ProviderName, err))
	}
	lo := &ListOptions{Limit: o.PageSize, Cursor: o.Cursor}
	return favorites.MapPager(a.c.Favourites(lo), func(s *Status) (favorites.Favorite, error) {
		return ToFavorite(s), nil
	})
}

// Canonical returns ref when it is a status ID alone: Mastodon has one
// spelling of each status.
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) {
	if err := checkRef(ref); err != nil {
		return favorites.Ref{}, err
	}
	if err := favorites.CheckID("status id", ref.ID); err != nil {
		return favorites.Ref{}, fmt.Errorf("%s: %w", ProviderName, err)
	}
	return ref, nil
}

// Add favourites the status ref.ID; a favourite already is nil.
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error {
	if err := checkRef(ref); err != nil {
		return err
	}
	_, err := a.c.Favourite(ctx, ref.ID)
	return err
}

// Remove unfavourites the status ref.ID; a status that is not a favourite
// is nil. An unknown status is an error matching [favorites.ErrNotFound],
// so a mistyped ID does not pass silently.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error {
	if err := checkRef(ref); err != nil {
		return err
	}
	_, err := a.c.Unfavourite(ctx, ref.ID)
	return err
}

// IsFavorite looks the status up and reads its favourited field.
func (a *Adapter) IsFavorite(ctx context.Context, ref favorites.Ref) (bool, error) {
	if err := checkRef(ref); err != nil {
		return false, err
	}
	st, err := a.c.Status(ctx, ref.ID)
	if err != nil {
		return false, err
	}
	return st.Favourited, nil
}

// checkRef refuses a Source, which Mastodon refs never have.
func checkRef(ref favorites.Ref) error {
	if ref.Source != "" {
		return fmt.Errorf("%s: %w: ref %v has a source; Mastodon refs are a status ID alone",
			ProviderName, favorites.ErrInvalidArgument, ref)
	}
	return nil
}

// ToFavorite maps a status to the portable shape: Kind "status", Title from
// its text, URL, the first attachment's preview, CreatedAt, and the status's
// own JSON as Raw. Mastodon does not say when a status was favourited, so
// FavoritedAt is zero. [favorites.Favorite.As] gives back s.
func ToFavorite(s *Status) favorites.Favorite {
	f := favorites.Favorite{
		Provider:  ProviderName,
		Ref:       favorites.Ref{ID: s.ID},
		Kind:      "status",
		Title:     title(s),
		URL:       s.Link(),
		CreatedAt: s.CreatedAt,
		Raw:       s.Raw,
	}
	if len(s.MediaAttachments) > 0 {
		f.PreviewURL = s.MediaAttachments[0].PreviewURL
	}
	f.SetNative(s)
	return f
}
