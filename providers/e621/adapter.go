package e621

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Adapter puts a Client behind the portable [favorites.Favorites] and
// [favorites.ChangeLister] interfaces. Its List reads GET /favorites.json,
// or a tag search when built by [NewTagSearchAdapter]; its refs, writes,
// listing and marks keep the rules of the package doc either way.
type Adapter struct {
	kit *driver.Adapter[*Post]
}

var (
	_ favorites.Favorites    = (*Adapter)(nil)
	_ favorites.Verifier     = (*Adapter)(nil)
	_ favorites.ChangeLister = (*Adapter)(nil)
)

// NewAdapter returns the portable view of c's favourites.
func NewAdapter(c *Client) *Adapter {
	spec := spec(c)
	spec.List = func(o favorites.ListOptions) *favorites.Pager[*Post] {
		list, err := c.ownOrUsers(0)
		if err != nil {
			return driver.ErrorPager[*Post](err)
		}
		return list.Pager(o.Cursor, o.PageSize)
	}
	spec.Changes = func(ctx context.Context, mark string) (driver.ChangeSet[*Post], error) {
		added, next, err := c.FavoritesSince(ctx, mark)
		return driver.ChangeSet[*Post]{Added: added, Mark: next}, err
	}
	return &Adapter{kit: driver.NewAdapter(spec)}
}

// NewTagSearchAdapter returns the portable view of name's favourites that
// match tags, listed by a tag search ([Client.SearchFavorites] with a
// TagSearchOptions of name and tags). name "" is the client's login. A bad
// name or tag is refused when List is read, with favorites.ErrInvalidArgument,
// before anything is sent. (A constructor of its own, not an option of
// NewAdapter, keeps NewAdapter's type for callers that pass it as a
// func(*Client) *Adapter.)
//
// Its List yields only the favourites that match tags, while Add and
// Remove change any favourite of the client's account: give name as that
// account (or "") for a view that Add and Remove keep, as the conformance
// suite checks. Its Changes is refused with favorites.ErrInvalidArgument
// before sending: a tag search lists by post, not by when a post was
// favourited, so it has no marks.
func NewTagSearchAdapter(c *Client, name string, tags ...string) *Adapter {
	search := TagSearchOptions{Name: name, Tags: slices.Clone(tags)}
	spec := spec(c)
	spec.List = func(o favorites.ListOptions) *favorites.Pager[*Post] {
		s := search
		s.Limit, s.Cursor = o.PageSize, o.Cursor
		return c.SearchFavorites(&s)
	}
	spec.Changes = func(context.Context, string) (driver.ChangeSet[*Post], error) {
		return driver.ChangeSet[*Post]{}, fmt.Errorf("%w: Changes reads /favorites.json; an adapter of NewTagSearchAdapter has no marks (use NewAdapter)",
			favorites.ErrInvalidArgument)
	}
	return &Adapter{kit: driver.NewAdapter(spec)}
}

// spec is what both views share: refs, writes and the portable shape.
func spec(c *Client) driver.Spec[*Post] {
	return driver.Spec[*Post]{
		Name:        ProviderName,
		Verify:      func(ctx context.Context, _ favorites.Access) error { return c.Verify(ctx) },
		Canonical:   canonical,
		MaxPageSize: MaxLimit,
		Favorite:    c.favorite,
		// Both are retried on e621's rate-limit answers: a repeat cannot
		// add or remove the post twice.
		Add: func(ctx context.Context, ref favorites.Ref) (*favorites.Response, error) {
			_, resp, err := c.addFavorite(ctx, mustID(ref), driver.RetryIdempotent)
			return resp, err
		},
		Remove: func(ctx context.Context, ref favorites.Ref) (*favorites.Response, error) {
			_, resp, err := c.removeFavorite(ctx, mustID(ref), driver.RetryIdempotent)
			return resp, err
		},
	}
}

// Provider is ProviderName.
func (a *Adapter) Provider() string { return ProviderName }

// List pages through the favourites as [Client.Favorites] does, or
// [Client.SearchFavorites] for [NewTagSearchAdapter]. PageSize 0 means
// [MaxLimit], or the page size of opts.Cursor.
func (a *Adapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	return a.kit.List(opts)
}

// Canonical returns the ref List gives for ref's post: its ID in decimal
// without leading zeros. It sends nothing.
func (a *Adapter) Canonical(ref favorites.Ref) (favorites.Ref, error) { return a.kit.Canonical(ref) }

// Add favourites ref's post; one that already is a favourite gives nil.
func (a *Adapter) Add(ctx context.Context, ref favorites.Ref) error { return a.kit.Add(ctx, ref) }

// Remove unfavourites ref's post; one that is not a favourite, or that
// e621 says it does not have ([IsUnknownPost]), gives nil.
func (a *Adapter) Remove(ctx context.Context, ref favorites.Ref) error { return a.kit.Remove(ctx, ref) }

// Changes is [Client.FavoritesSince] behind the portable interface: the
// favourites added since mark and the next mark ("Marks" in the package
// doc). RemovalsKnown is false.
func (a *Adapter) Changes(ctx context.Context, mark string) (*favorites.Changes, error) {
	return a.kit.Changes(ctx, mark)
}

// canonical is ref's post ID in decimal: digits alone, leading zeros
// allowed.
func canonical(ref favorites.Ref) (favorites.Ref, error) {
	if ref.Source != "" {
		hint := ""
		if id, err := digits(ref.ID); err == nil {
			hint = fmt.Sprintf(" (%v)", favorites.Ref{ID: strconv.FormatInt(id, 10)})
		}
		return favorites.Ref{}, fmt.Errorf("%w: ref %v has a source; e621 refs are the post ID alone%s",
			favorites.ErrInvalidArgument, ref, hint)
	}
	id, err := digits(ref.ID)
	if err != nil {
		return favorites.Ref{}, err
	}
	return favorites.Ref{ID: strconv.FormatInt(id, 10)}, nil
}

// digits parses a positive decimal post ID, leading zeros allowed.
func digits(s string) (int64, error) {
	if t := strings.TrimLeft(s, "0"); t != "" && len(s) <= driver.MaxIDLength {
		if id, err := driver.NumericID("post ID", t); err == nil {
			return id, nil
		}
	}
	_, err := driver.NumericID("post ID", s) // the refusal, naming s as given
	return 0, fmt.Errorf("%w (e621 refs are post IDs in decimal, such as \"4242\")", err)
}

// mustID is the post ID of a ref canonical has made.
func mustID(ref favorites.Ref) int64 {
	id, _ := strconv.ParseInt(ref.ID, 10, 64)
	return id
}

// favorite maps a post to the portable shape. Its ref, title and URL are
// cut from one string, made in a buffer on the stack: one allocation a
// post where building each (and the URL through net/url) took seven.
func (c *Client) favorite(p *Post) favorites.Favorite {
	var stack [256]byte
	b := appendTitle(stack[:0], p)
	title := len(b)
	b = append(b, c.posts...)
	b = strconv.AppendInt(b, p.ID, 10)
	s := string(b)
	id := s[title+len(c.posts):]
	return favorites.Favorite{
		Provider:   ProviderName,
		Ref:        favorites.Ref{ID: id},
		Kind:       p.Kind(),
		Title:      s[:title],
		URL:        s[title:],
		PreviewURL: p.Preview.URL,
		Width:      p.File.Width,
		Height:     p.File.Height,
		CreatedAt:  p.CreatedAt,
		Raw:        p.Raw,
	}
}

// appendTitle appends the readable title a post, which has none of its
// own, is given: "#123 by artist, artist".
func appendTitle(b []byte, p *Post) []byte {
	b = append(b, '#')
	b = strconv.AppendInt(b, p.ID, 10)
	for i, artist := range p.Tags.Artist {
		if i == 0 {
			b = append(b, " by "...)
		} else {
			b = append(b, ", "...)
		}
		b = append(b, artist...)
	}
	return b
}
