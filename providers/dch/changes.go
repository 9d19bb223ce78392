package dch

import (
	"context"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Changes is what became of the favourites since a mark: [Client.Changes].
type Changes struct {
	// Added is the favourites made since the mark, in the list's order
	// (the most recent first).
	Added []*Favourite
	// Removed is the IDs of the items that were favourites at the mark
	// and are no longer, ascending.
	Removed []string
	// Updated is when the list last changed, as its answer says; zero
	// when the service did not say.
	Updated time.Time
	// Mark is where the next call goes on from; save it.
	Mark string
}

// Changes reports the favourites made and removed since mark, and a new
// mark, in exactly one GET /user/favourites. The empty mark means "from
// now": no changes, just a first mark. A mark is opaque text, safe to
// store (see driver.SetMark for its form): it holds the set of item IDs the
// list held, so it is bounded by the list's size, and no token.
//
// It stands on the service's one-page list: GET /user/favourites answers
// every favourite at once in _links.favourites, with no paging
// (docs/api/dch.md, "Retrieving the favourites"; docs/api/README.md), so
// the answer is the whole set and what is added and what is removed are
// both known. Added keeps the list's own order, which the document's
// example gives most recently changed first (updated descending).
//
// Since the new mark is the set the answer held, a favourite made while
// the call runs is in this answer or in the next call's, never in
// neither. A favourite made and removed again between two calls is in
// neither; one removed and made again between them is in neither Added
// nor Removed, since the set is the same.
//
// A mark that is not a DCH mark is an error matching both
// favorites.ErrStaleMark and favorites.ErrInvalidArgument; one made by a
// client of another token or base URL matches favorites.ErrStaleMark.
// Neither sends anything. The service names no account, so a mark made
// with another token of the same account is refused too: after a change
// of token, start again from "" (and list in full if nothing may be
// missed).
func (c *Client) Changes(ctx context.Context, mark string) (*Changes, *favorites.Response, error) {
	var before []string
	if mark != "" {
		var err error
		if before, err = c.marks.Parse(mark); err != nil {
			return nil, nil, err
		}
	}
	list, resp, err := c.list(ctx)
	if err != nil {
		return nil, resp, err
	}
	listed := make([]string, len(list.Favourites))
	for i, f := range list.Favourites {
		listed[i] = f.ID
	}
	now, added, removed := driver.SetChanges(before, listed)
	ch := &Changes{Added: []*Favourite{}, Removed: []string{}, Updated: list.Updated, Mark: c.marks.Format(now)}
	if mark == "" {
		return ch, resp, nil
	}
	for _, i := range added {
		ch.Added = append(ch.Added, &list.Favourites[i])
	}
	ch.Removed = append(ch.Removed, removed...)
	return ch, resp, nil
}
