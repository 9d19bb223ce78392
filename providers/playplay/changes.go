package playplay

import "context"

// MaxChangesPages is the most pages [Client.FavoritesSince] reads looking
// for where its mark stopped. Past it the mark is stale: more favourites
// were added since than that many pages hold (640 at the document's page
// of 10), or all of its media were removed, and a full listing is cheaper
// than reading on.
const MaxChangesPages = 64

// FavoritesSince gives the favourite media added since mark, newest first
// and each once, and the mark to pass next time; "" means from now. The
// package doc's "Marks" gives the rule it stands on, its cost, what it
// cannot see and the mark's text.
func (c *Client) FavoritesSince(ctx context.Context, mark string) (added []*Media, next string, err error) {
	return c.marks().Since(ctx, mark)
}
