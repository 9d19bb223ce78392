package mastodon

import (
	"fmt"
	"net/url"
	"strconv"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// PageMargin is how many statuses a page may hold beyond the limit asked
// for before it is refused as malformed. Mastodon never sends more than the
// limit (it reads the page with SQL LIMIT); the margin is Mastodon's
// default page, 20, which a server that ignores the limit sends instead. A
// page over limit+PageMargin is [favorites.ErrMalformedReply]: decoding it
// would cost the client memory for statuses it never asked for.
const PageMargin = 20

// ListOptions tune [Client.Favourites]. A nil *ListOptions means the
// defaults.
type ListOptions struct {
	// Limit is the page size, 1 to MaxLimit; 0 means MaxLimit, or, with a
	// Cursor, the page size the cursor was saved with. A server may cap it
	// lower; paging still follows its links to the end.
	Limit int

	// Cursor resumes a listing from a saved [favorites.Pager.Cursor]: the
	// server's next link, which must be a link to the favourites listing on
	// the client's instance. It carries the page size as its limit
	// parameter; a Limit given with it replaces that, which is exact, since
	// the link's position (max_id) does not depend on the page size.
	Cursor string
}

type listQuery struct {
	Limit int `url:"limit"`
}

// Favourites lists the caller's favourited statuses, newest favourite first,
// following the server's Link header from page to page. Nothing is sent
// until the Pager is read. Its paging, cursor and the checks of each page
// are the package doc's ("Listing and cursors", "Replies and memory").
func (c *Client) Favourites(opts *ListOptions) *favorites.Pager[*Status] {
	if opts == nil {
		opts = &ListOptions{}
	}
	if opts.Limit < 0 || opts.Limit > MaxLimit {
		return driver.ErrorPager[*Status](fmt.Errorf("%s: %w: limit %d is not between 1 and %d",
			ProviderName, favorites.ErrInvalidArgument, opts.Limit, MaxLimit))
	}
	cursor, limit, err := resumeAt(opts.Cursor, opts.Limit)
	if err != nil {
		return driver.ErrorPager[*Status](fmt.Errorf("%s: %w", ProviderName, err))
	}
	return driver.LinkPager(c.c, "/api/v1/favourites", listQuery{Limit: limit}, cursor, statusRules(limit+PageMargin))
}

// resumeAt returns the cursor to start from and the page size, limit when
// it is set: the saved link with its limit parameter made that page size.
// Without a limit it is the cursor's own, or MaxLimit when the link has
// none (a server that does not echo it); a limit in the link that is not
// one this client sends is refused, since the link was not ours.
func resumeAt(cursor string, limit int) (string, int, error) {
	if cursor == "" {
		if limit == 0 {
			limit = MaxLimit
		}
		return "", limit, nil
	}
	u, err := url.Parse(cursor)
	if err != nil {
		return "", 0, fmt.Errorf("%w: cursor is not a link: %v", favorites.ErrInvalidArgument, err)
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return "", 0, fmt.Errorf("%w: cursor's query: %v", favorites.ErrInvalidArgument, err)
	}
	if limit == 0 {
		limit = MaxLimit
		if v, ok := q["limit"]; ok {
			n, err := strconv.Atoi(v[len(v)-1])
			if err != nil || n < 1 || n > MaxLimit {
				return "", 0, fmt.Errorf("%w: cursor's limit %q is not between 1 and %d", favorites.ErrInvalidArgument, v[len(v)-1], MaxLimit)
			}
			limit = n
		}
	}
	q.Set("limit", strconv.Itoa(limit))
	u.RawQuery = q.Encode()
	return u.String(), limit, nil
}
