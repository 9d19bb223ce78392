package mastodon

import (
	"context"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Adapter is the portable [favorites.Favorites] view of a [Client]; it also
// implements [favorites.Checker], [favorites.ChangeLister] and
// [favorites.Verifier]. Its refs, writes, listing and marks keep the rules
// of the package doc.
type Adapter struct {
	kit *driver.Adapter[*Status]
	c   *Client
}

var (
	_ favorites.Favorites    = (*Adapter)(nil)
	_ favorites.Checker      = (*Adapter)(nil)
	_ favorites.ChangeLister = (*Adapter)(nil)
	_ favorites.Verifier     = (*Adapter)(nil)
)

// NewAdapter returns the portable view of c.
func NewAdapter(c *Client) *Adapter {
	return &Adapter{c: c, kit: driver.NewAdapter(driver.Spec[*Status]{
		Name:        ProviderName,
		Verify:      func(ctx context.Context, need favorites.Access) error { return c.Verify(ctx, ScopesFor(need)...) },
		Canonical:   canonical,
		MaxPageSize: MaxLimit,
		List: func(o favorites.ListOptions) *favorites.Pager[*Status] {
			return c.Favourites(&ListOptions{Limit: o.PageSize, Cursor: o.Cursor})
		},
		Favorite: ToFavorite,
		Add: func(ctx context.Context, ref favorites.Ref) (*favorites.Response, error) {
			_, resp, err := c.Favourite(ctx, ref.ID)
			return resp, err
		},
		Remove: func(ctx context.Context, ref favorites.Ref) (*favorites.Response, error) {
			_, resp, err := c.Unfavourite(ctx, ref.ID)
			return resp, err
		},
		IsFavorite: func(ctx context.Context, ref favorites.Ref) (bool, error) {
			st, _, err := c.Status(ctx, ref.ID)
			return err == nil && st.Favourited, err
		},
		Changes: func(ctx context.Context, mark string) (driver.ChangeSet[*Status], error) {
			added, next, err := c.FavouritesSince(ctx, mark)
			return driver.ChangeSet[*Status]{Added: added, Mark: next}, err
		},
	})}
}

// Client is the typed client a is a view of, for the calls the portable
// interface has not, such as [Client.ResolveStatus] for a [Resolver].
func (a *Adapter) Client() *Client { return a.c }

// Provider returns [ProviderName].
func (a *Adapter) Provider() string { return ProviderName }

// List pages through the favourites as [Client.Favourites] does;
// PageSize 0 means [MaxLimit], or with a Cursor the cursor's own.
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	return a.kit.List(opts)
}

// Canonical returns ref when it is a status ID alone, the form List gives,
// and refuses any other (see "Refs and writes" in the package doc). It
// sends nothing.
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) { return a.kit.Canonical(ref) }

// Add favourites the status ref.ID; a favourite already is nil.
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error { return a.kit.Add(ctx, ref) }

// Remove unfavourites the status ref.ID; one that is not a favourite, or
// that the server no longer has, is nil.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error { return a.kit.Remove(ctx, ref) }

// IsFavorite looks the status up and reads its favourited field.
func (a *Adapter) IsFavorite(ctx context.Context, ref favorites.Ref) (bool, error) {
	return a.kit.IsFavorite(ctx, ref)
}

// Changes is [Client.FavouritesSince] behind the portable interface: the
// favourites added since mark and the next mark ("Marks" in the package
// doc). RemovalsKnown is false.
func (a *Adapter) Changes(ctx context.Context, mark string) (*favorites.Changes, error) {
	return a.kit.Changes(ctx, mark)
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
	return f
}
