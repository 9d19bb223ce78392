package mastodon

import (
	"fmt"

	"github.com/favkit/favorites"
)

// ListOptions tune [Client.Favourites]. A nil *ListOptions means the
// defaults.
type ListOptions struct {
	// Limit is the page size, 1 to MaxLimit; 0 means MaxLimit. A server may
	// cap it lower; paging still follows its links to the end.
	Limit int

	// Cursor resumes a listing from a saved [favorites.Pager.Cursor]: the
	// server's next link, which must be on the client's instance.
	Cursor string
}

type listQuery struct {
	Limit int `url:"limit"`
}

// Favourites lists the caller's favourited statuses, newest favourite first,
// following the server's Link header from page to page. The page cursors are
// the server's own links: Mastodon pages by internal favourite IDs that no
// status carries, so a cursor is never built from the statuses. Nothing is
// sent until the Pager is read.
func (c *Client) Favourites(opts *ListOptions) *favorites.Pager[*Status] {
	if opts == nil {
		opts = &ListOptions{}
	}
	limit := opts.Limit
	switch {
	case limit == 0:
		limit = MaxLimit
	case limit < 0 || limit > MaxLimit:
		return favorites.ErrorPager[*Status](fmt.Errorf("%s: %w: limit %d is not between 1 and %d",
			ProviderName, favorites.ErrInvalidArgument, opts.Limit, MaxLimit))
	}
	pages := favorites.LinkPager(c.c, "/api/v1/favourites", listQuery{Limit: limit}, opts.Cursor, favorites.ItemRules[*Status]{})
	return favorites.MapPager(pages, checkListed)
}

// checkListed refuses a null status or one without an ID: it could be
// neither told apart nor unfavourited, and dropping it would hide that the
// page was not what the server meant.
func checkListed(s *Status) (*Status, error) {
	if s == nil || s.ID == "" {
		return nil, fmt.Errorf("%s: %w: a null status or one without an id in the list", ProviderName, favorites.ErrMalformedReply)
	}
	return s, nil
}
