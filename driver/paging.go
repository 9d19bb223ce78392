package driver

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/text"
)

// LinkPager lists by the Link header, as Mastodon does: the first request is
// GET path with query q, and each next page is the response's rel="next"
// link, followed as given (never rebuilt from the items). The cursor is that
// link. A next link from the server and a saved cursor from the caller pass
// the same check: same scheme, host and port as the base URL and the
// listing's own path. Anything else is [favorites.ErrCrossHostURL], since
// the request would carry the credential: a server must not steer it to
// another app under the same host (out of a base path) or to another
// endpoint such as /oauth/revoke. A saved cursor is checked before the first
// request ([favorites.ErrInvalidArgument]); a next link when its page
// arrives, so that the page fails ([favorites.ErrMalformedReply]) and the
// Pager's Cursor stays at that page: a Pager never hands out a cursor it
// would refuse. A page with no next link is the last, even when empty; a
// next link back to the first page is [favorites.ErrPaginationLoop].
//
// Each page's body must be a JSON array, decoded by [DecodeItems] with rules.
func LinkPager[T any](c *Client, path string, q any, cursor string, rules ItemRules[T]) *favorites.Pager[T] {
	// Built once: it is the first page's request every time, and its URL
	// is what a next link back to the first page, which the Pager cannot
	// see (the first page has no cursor), is caught by.
	first, err := c.NewRequest(http.MethodGet, path, q, nil)
	if err != nil {
		return ErrorPager[T](err)
	}
	if err := c.checkLinkCursor(first.URL, cursor); err != nil {
		return ErrorPager[T](fmt.Errorf("%s: %w: cursor: %w", c.provider, favorites.ErrInvalidArgument, err))
	}
	firstURL := first.URL.String()
	fetch := func(ctx context.Context, cursor string) (favorites.Page[T], error) {
		req := first // Do never writes to a Request, so it can be sent again
		if cursor != "" {
			// The saved cursor checked above, or a next link checked when
			// its page came.
			if req, err = c.NewRequest(http.MethodGet, cursor, nil, nil); err != nil {
				return favorites.Page[T]{}, err
			}
		}
		var list RawJSON
		resp, err := c.Do(ctx, req, &list)
		if err != nil {
			return favorites.Page[T]{}, err
		}
		items, err := DecodeItems(ctx, list, rules)
		if err != nil {
			return favorites.Page[T]{}, fmt.Errorf("%s: %s %s: %w", c.provider, req.Method, redactURL(req.URL), err)
		}
		// Checked now, not when followed: it becomes the Cursor, which
		// callers save, print and resume from.
		if err := c.checkLinkCursor(first.URL, resp.NextURL); err != nil {
			return favorites.Page[T]{}, fmt.Errorf("%s: %w: next link: %w", c.provider, favorites.ErrMalformedReply, err)
		}
		if resp.NextURL == firstURL {
			return favorites.Page[T]{}, fmt.Errorf("%s: %w: the next link leads back to the first page", c.provider, favorites.ErrPaginationLoop)
		}
		return favorites.Page[T]{Items: items, Next: resp.NextURL, Response: resp}, nil
	}
	return favorites.NewPager(fetch, cursor)
}

// checkLinkCursor is the one rule for where a link cursor may lead: the
// listing's own path (that of first) on the base URL's scheme, host and
// port. It holds for a saved cursor, which the caller may have read from a
// file, and for the server's next links alike, because the request either
// makes carries the credential. A link elsewhere matches
// [favorites.ErrCrossHostURL]; the caller says whose fault it is.
func (c *Client) checkLinkCursor(first *url.URL, cursor string) error {
	if cursor == "" {
		return nil
	}
	u, err := c.resolve(cursor)
	if err != nil {
		return err
	}
	if u.EscapedPath() != first.EscapedPath() {
		return fmt.Errorf("%w: %s is not a link to %s", favorites.ErrCrossHostURL,
			text.QuoteShort(c.cred.scrub.String(u.Redacted())), first.EscapedPath())
	}
	if c.cred.scrub.holds(cursor) || c.cred.scrub.holds(u.String()) {
		// Credentials go in headers only; a link that carries ours would
		// also put it in the cursor, which callers save and print (the
		// cursor as given: a fragment is gone from u).
		return fmt.Errorf("%w: a link carries the client's credential", favorites.ErrCrossHostURL)
	}
	return nil
}

// SinglePage lists a service that returns everything in one response, as
// waifu.im and DCH do. It takes no cursor: a non-empty one is refused, since
// there is nowhere to resume from.
func SinglePage[T any](cursor string, fetch func(ctx context.Context) ([]T, *favorites.Response, error)) *favorites.Pager[T] {
	if cursor != "" {
		return ErrorPager[T](fmt.Errorf("%w: cursor %q given to a listing that has one page", favorites.ErrInvalidArgument, cursor))
	}
	return favorites.NewPager(func(ctx context.Context, _ string) (favorites.Page[T], error) {
		items, resp, err := fetch(ctx)
		return favorites.Page[T]{Items: items, Response: resp}, err
	}, "")
}
