package e621

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// FavoritesOptions select a favourites listing. The zero value lists the
// caller's own favourites, 320 a page, from page 1.
type FavoritesOptions struct {
	// UserID lists another user's favourites; 0 means the caller's own,
	// which an anonymous client refuses (ErrNoCredentials). Another user's
	// public favourites need no credentials.
	UserID int64

	// Limit is the page size, 1 to MaxLimit; 0 means MaxLimit. It is always
	// sent, since a page shorter than it is how the last page is known.
	Limit int

	// Page is the page to start at, 1 to MaxPage; 0 means 1. A walk that
	// starts at a page number has no anchors to check it against (see
	// Favorites); to resume a walk, start a new one from its Cursor.
	Page int

	// Cursor resumes a walk where an earlier Pager's Cursor said its next
	// page starts; "" starts at Page. It cannot be given with a Page, and a
	// Limit other than 0 or the cursor's own is refused, since the
	// cursor's page numbers count pages of its own size. A cursor names no
	// user: give the UserID of the walk that saved it.
	Cursor string
}

type favoritesQuery struct {
	UserID int64 `url:"user_id,omitempty"`
	Page   int   `url:"page"`
	Limit  int   `url:"limit"`
}

// Favorites lists favourites, newest first, page by page. Nothing is sent
// until the Pager is read. Paging ends on a page shorter than the limit.
// Options out of range, and any page past MaxPage, are refused with
// favorites.ErrInvalidArgument before a request is sent.
//
// A page is refused with favorites.ErrMalformedReply when its body is
// empty, null or lacks the "posts" list, when it holds more posts than the
// limit asked for (e621 applies the limit in SQL, so no margin: see
// ItemMargin), and when a post is null, has no positive id, or is shorter
// than MinPostBytes; the error names the post's position.
//
// The Pager's cursor (see the package doc for its text) is "" before the
// first page of a walk from page 1 and after the last page; otherwise it
// names the page size, the next page and the last posts yielded, and
// FavoritesOptions.Cursor (or the Adapter's ListOptions.Cursor) starts a
// new walk from it. Such a walk re-reads the page before the next one as
// well (two requests), skips what it holds up to the last of those posts,
// and goes on: favourites added or removed between the two walks never
// make it skip one that is still there. What can repeat: when none of the
// remembered posts is in those two pages (all unfavourited, or more than a
// page of favourites removed above them, or added), the walk starts again
// at page 1, and yields again what the first walk had. Within one walk,
// pages are read by number: a post that turns up again on the next page (a
// favourite added meanwhile pushed it down) is skipped, but a favourite
// removed from the pages already read while the walk runs moves the rest
// up by one, and the walk can miss one post there; a resumed walk cannot.
//
// A user who hides their favourites gives an error matching
// ErrFavoritesHidden (and favorites.ErrForbidden) where the server answers
// 403 as documented; the live server answers an empty list instead.
func (c *Client) Favorites(opts *FavoritesOptions) *favorites.Pager[*Post] {
	var o FavoritesOptions
	if opts != nil {
		o = *opts
	}
	start, err := o.start()
	if err != nil {
		return driver.ErrorPager[*Post](err)
	}
	return c.favoritesPager(o.UserID, start)
}

// start is where a walk with options o begins: its cursor, or its page.
func (o FavoritesOptions) start() (cursor, error) {
	if o.Page < 0 || o.Page > MaxPage {
		return cursor{}, fmt.Errorf("%s: %w: page %d is outside 1 to %d (e621 serves no page past %d)",
			ProviderName, favorites.ErrInvalidArgument, o.Page, MaxPage, MaxPage)
	}
	limit, err := checkLimit(o.Limit)
	if err != nil {
		return cursor{}, err
	}
	if o.Cursor == "" {
		return cursor{limit: limit, page: max(o.Page, 1)}, nil
	}
	if o.Page != 0 {
		return cursor{}, fmt.Errorf("%s: %w: both a cursor and page %d; a cursor names its own page",
			ProviderName, favorites.ErrInvalidArgument, o.Page)
	}
	return parseCursor(o.Cursor, o.Limit)
}

// checkLimit gives the page size a limit asks for: 0 is MaxLimit.
func checkLimit(limit int) (int, error) {
	switch {
	case limit == 0:
		return MaxLimit, nil
	case limit < 0 || limit > MaxLimit:
		return 0, fmt.Errorf("%s: %w: limit %d is outside 1 to %d",
			ProviderName, favorites.ErrInvalidArgument, limit, MaxLimit)
	}
	return limit, nil
}

// favoritesPager walks from start, shared with the adapter's List. The
// first page of a walk started from a cursor with anchors is read with the
// page before it; every other page is read alone.
func (c *Client) favoritesPager(userID int64, start cursor) *favorites.Pager[*Post] {
	if userID < 0 {
		return driver.ErrorPager[*Post](fmt.Errorf("%s: %w: user ID %d is negative",
			ProviderName, favorites.ErrInvalidArgument, userID))
	}
	if userID == 0 {
		// e621 reads a missing user_id as the caller, whom an anonymous
		// client does not have.
		if err := c.needAccount("listing your own favourites (UserID 0)"); err != nil {
			return driver.ErrorPager[*Post](err)
		}
	}
	if start.page > MaxPage {
		return driver.ErrorPager[*Post](fmt.Errorf("%s: %w: page %d: e621 serves no page past %d",
			ProviderName, favorites.ErrInvalidArgument, start.page, MaxPage))
	}
	first := start.String()
	fetch := func(ctx context.Context, text string) (favorites.Page[*Post], error) {
		at := start
		if text != first {
			var ok bool
			if at, ok = scanCursor(text); !ok { // every cursor but the first is one this walk wrote
				return favorites.Page[*Post]{}, fmt.Errorf("%s: %w: cursor %.80q", ProviderName, favorites.ErrInvalidArgument, text)
			}
		}
		if text == first && len(at.anchors) > 0 {
			return c.resumePage(ctx, userID, at)
		}
		return c.walkPage(ctx, userID, at)
	}
	return favorites.NewPager(fetch, first)
}

// walkPage reads the page at c and yields what it holds after c's anchors
// (normally all of it).
func (c *Client) walkPage(ctx context.Context, userID int64, at cursor) (favorites.Page[*Post], error) {
	posts, resp, err := c.favoritesPage(ctx, userID, at.limit, at.page)
	if err != nil {
		return favorites.Page[*Post]{}, err
	}
	items, _ := at.skipSeen(posts)
	return at.result(items, posts, resp), nil
}

// resumePage reads the page at c and the one before it, where c's anchors
// were when the cursor was saved, and yields what follows the last anchor
// found. With none found, the walk starts again at page 1.
func (c *Client) resumePage(ctx context.Context, userID int64, at cursor) (favorites.Page[*Post], error) {
	prev, _, err := c.favoritesPage(ctx, userID, at.limit, at.page-1)
	if err != nil {
		return favorites.Page[*Post]{}, err
	}
	posts, resp, err := c.favoritesPage(ctx, userID, at.limit, at.page)
	if err != nil {
		return favorites.Page[*Post]{}, err
	}
	window := append(slices.Clip(prev), posts...)
	items, found := at.skipSeen(window)
	switch {
	case !found && at.page == 2:
		items = window // pages 1 and 2: the start again, already read
	case !found:
		return c.walkPage(ctx, userID, cursor{limit: at.limit, page: 1})
	}
	return at.result(items, posts, resp), nil
}

// result is the Page a walk yields from a read at c: items, and the next
// cursor, which a full page of read posts asks for.
func (c cursor) result(items, read []*Post, resp *favorites.Response) favorites.Page[*Post] {
	p := favorites.Page[*Post]{Items: items, Response: resp}
	if len(read) >= c.limit {
		p.Next = c.after(read).String()
	}
	return p
}

// favoritesPage sends one GET /favorites.json and decodes its posts.
func (c *Client) favoritesPage(ctx context.Context, userID int64, limit, page int) ([]*Post, *favorites.Response, error) {
	if page > MaxPage {
		return nil, nil, fmt.Errorf("%s: %w: page %d: e621 serves no page past %d; "+
			"list with a larger limit, or narrow the listing", ProviderName, favorites.ErrInvalidArgument, page, MaxPage)
	}
	req, err := c.c.NewRequest(http.MethodGet, "/favorites.json", favoritesQuery{UserID: userID, Page: page, Limit: limit}, nil)
	if err != nil {
		return nil, nil, err
	}
	var body driver.RawJSON // the envelope, read by decodePosts
	resp, err := c.c.Do(ctx, req, &body)
	if err != nil {
		return nil, resp, err
	}
	posts, err := decodePosts(ctx, body, limit)
	if err != nil {
		return nil, resp, fmt.Errorf("%s: GET /favorites.json page %d: %w", ProviderName, page, err)
	}
	return posts, resp, nil
}

// FavoriteChange is what the server answered to an added or removed
// favourite. The live server answers {"post_id","favorite_count"}; the
// document's POST answer is the whole post and its DELETE answer is empty.
type FavoriteChange struct {
	PostID int64

	// FavoriteCount is the post's favourite count after the change; -1 when
	// the answer did not say (the documented 204 of DELETE).
	FavoriteCount int

	// Post is the post, when the answer held it (the documented 201).
	Post *Post
}

// changeBody reads both answers. Post keeps the post's bytes in the reply,
// without a copy, so that the decoded post's Raw is them.
type changeBody struct {
	Post          driver.RawJSON `json:"post"`
	PostID        *int64         `json:"post_id"`
	FavoriteCount *int           `json:"favorite_count"`
}

func (b changeBody) change(postID int64) (*FavoriteChange, error) {
	ch := &FavoriteChange{PostID: postID, FavoriteCount: -1}
	if b.Post != nil {
		ch.Post = &Post{Raw: json.RawMessage(b.Post)}
		if err := json.Unmarshal(b.Post, ch.Post); err != nil {
			return nil, fmt.Errorf("%s: %w: the post in the answer: %v", ProviderName, favorites.ErrMalformedReply, err)
		}
		ch.FavoriteCount = ch.Post.FavCount
	}
	if b.PostID != nil {
		ch.PostID = *b.PostID
	}
	if b.FavoriteCount != nil {
		ch.FavoriteCount = *b.FavoriteCount
	}
	return ch, nil
}

type addForm struct {
	PostID int64 `url:"post_id"`
}

// AddFavorite favourites post postID and returns what the server answered
// and the Response it came in. An anonymous client refuses it before
// sending (ErrNoCredentials). A post that already is a favourite gives an
// error matching favorites.ErrAlreadyFavorited; a full list gives one
// matching ErrFavoritesFull (and not ErrAlreadyFavorited); 423 matches
// ErrTransferring. The Response is returned with an error too, whenever
// one arrived, so that a caller can read its status and headers.
func (c *Client) AddFavorite(ctx context.Context, postID int64) (*FavoriteChange, *favorites.Response, error) {
	return c.addFavorite(ctx, postID, driver.RetryByMethod)
}

func (c *Client) addFavorite(ctx context.Context, postID int64, retry driver.RetryMode) (*FavoriteChange, *favorites.Response, error) {
	return c.change(ctx, postID, http.MethodPost, "/favorites.json", driver.FormBody(addForm{postID}), retry)
}

// RemoveFavorite unfavourites post postID and returns what the server
// answered and the Response it came in. An anonymous client refuses it
// before sending (ErrNoCredentials). Removing a post that is not a
// favourite succeeds; an unknown post is an error matching
// favorites.ErrNotFound (and IsUnknownPost). As with AddFavorite, the
// Response comes with an error too whenever one arrived.
func (c *Client) RemoveFavorite(ctx context.Context, postID int64) (*FavoriteChange, *favorites.Response, error) {
	return c.removeFavorite(ctx, postID, driver.RetryByMethod)
}

func (c *Client) removeFavorite(ctx context.Context, postID int64, retry driver.RetryMode) (*FavoriteChange, *favorites.Response, error) {
	path := "/favorites/" + strconv.FormatInt(postID, 10) + ".json"
	return c.change(ctx, postID, http.MethodDelete, path, nil, retry)
}

// change sends one add or remove of postID and reads either answer shape.
// The Response is returned with an error too, so that the portable calls
// can tell a body cut after a 2xx (the change happened) from a refusal.
func (c *Client) change(ctx context.Context, postID int64, method, path string, body driver.Body, retry driver.RetryMode) (*FavoriteChange, *favorites.Response, error) {
	if err := checkPostID(postID); err != nil {
		return nil, nil, err
	}
	if err := c.needAccount(method + " " + path); err != nil {
		return nil, nil, err
	}
	req, err := c.c.NewRequest(method, path, nil, body)
	if err != nil {
		return nil, nil, err
	}
	req.Retry = retry
	var answer changeBody
	resp, err := c.c.Do(ctx, req, &answer)
	if err != nil {
		return nil, resp, err
	}
	ch, err := answer.change(postID)
	return ch, resp, err
}

func checkPostID(id int64) error {
	if id < 1 {
		return fmt.Errorf("%s: %w: post ID %d is not positive", ProviderName, favorites.ErrInvalidArgument, id)
	}
	return nil
}
