package mastodon

import (
	"context"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Adapter is the portable [favorites.Favorites] view of a [Client]; it also
// implements [favorites.Checker] and [favorites.ChangeLister].
//
// A favourite's Ref is {ID: status ID}, with no Source: the ID exactly as
// the server lists it. It is the one spelling: Mastodon IDs are strings
// (numeric on Mastodon, not on every server), so no other form can be made
// canonical without knowing the server. A ref with a Source, and an
// all-digit ID with a leading zero or sign (Mastodon reads "0123" as the
// status 123, so the two would be one item under two refs), are refused
// with favorites.ErrInvalidArgument naming the canonical form.
type Adapter struct {
	kit *driver.Adapter[*Status]
	c   *Client
}

var (
	_ favorites.Favorites    = (*Adapter)(nil)
	_ favorites.Checker      = (*Adapter)(nil)
	_ favorites.ChangeLister = (*Adapter)(nil)
)

// NewAdapter returns the portable view of c.
func NewAdapter(c *Client) *Adapter {
	return &Adapter{c: c, kit: driver.NewAdapter(driver.Spec[*Status]{
		Name:        ProviderName,
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

// List pages through the favourites, newest favourite first, by the rules
// of [Client.Favourites]. PageSize 0 means [MaxLimit] (with a Cursor: the
// cursor's own page size); over MaxLimit is refused with
// ErrInvalidArgument. The cursor is the server's next link and resumes
// exactly, at any page size.
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	return a.kit.List(opts)
}

// Canonical returns ref when it is a usable status ID alone, the form List
// gives; any other form is refused with ErrInvalidArgument naming the
// canonical one. It sends nothing.
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) { return a.kit.Canonical(ref) }

// Add favourites the status ref.ID; a favourite already is nil. An unknown
// status, or one the caller may not see, is an error matching
// [favorites.ErrNotFound]. A 2xx answer is done, whatever its body.
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error { return a.kit.Add(ctx, ref) }

// Remove unfavourites the status ref.ID. A status that is not a favourite
// is nil (Mastodon answers it with the status), and so is one the server
// says it does not have (a deleted status takes its favourites with it);
// any other 404 is an error: see the package doc.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error { return a.kit.Remove(ctx, ref) }

// IsFavorite looks the status up and reads its favourited field.
func (a *Adapter) IsFavorite(ctx context.Context, ref favorites.Ref) (bool, error) {
	return a.kit.IsFavorite(ctx, ref)
}

// Changes gives the favourites added since mark, newest first, each once,
// and the mark to save for the next call, by [Client.FavouritesSince]: the
// empty mark is "from now" (no items, one request), and k new favourites
// cost floor(k/40)+1 requests. Mastodon keeps no record of removals, so
// RemovalsKnown is false: removals need a full listing and
// [favorites.Diff]. The package doc gives the mark's form.
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
