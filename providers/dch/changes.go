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
// mark, in exactly one GET /user/favourites; "" means from now. The
// package doc's "Marks" gives the rule it stands on, what it sees and the
// mark's text.
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
