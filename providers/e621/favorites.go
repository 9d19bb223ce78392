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
	// cursor's position may lie inside a page of another size. A cursor
	// names no user: give the UserID of the walk that saved it.
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
// ItemMargin), when a post is null or has no positive id, and when a list
// in a post holds more than MaxListItems items; the error names the post's
// position.
//
// Pages after the first are read so that nothing still a favourite is
// skipped while the list changes: each starts a few posts before the last
// one ended (so a page holds up to Limit posts, and at Limit 320 about 7%
// fewer new ones on average; none overlap under Limit 4) and yields what
// follows the last posts read before. A favourite added meanwhile, which
// pushes the rest down, makes nothing repeat; favourites removed above the
// read, which move the rest up, make nothing skip. When none of the last
// posts read is in the page (more than three removed above it between two
// requests, or all of them unfavourited), the walk reads the page before
// it as well, and when they are not there either, it starts again at page
// 1 and yields again what it had.
//
// The Pager's cursor (see the package doc for its text) is "" before the
// first page of a walk from page 1 and after the last page; otherwise it
// names the page size, how far the walk read and the last posts read, and
// FavoritesOptions.Cursor (or the Adapter's ListOptions.Cursor) starts a
// new walk from it, in the same way: favourites added or removed between
// the two walks never make it skip one that is still there, and it repeats
// only when it has to start again.
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
		return cursor{limit: limit, offset: (max(o.Page, 1) - 1) * limit}, nil
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

// favoritesPager walks from start, shared with the adapter's List.
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
	first := start.String()
	fetch := func(ctx context.Context, text string) (favorites.Page[*Post], error) {
		at := start
		if text != first {
			var ok bool
			if at, ok = scanCursor(text); !ok { // every cursor but the first is one this walk wrote
				return favorites.Page[*Post]{}, fmt.Errorf("%s: %w: cursor %.80q", ProviderName, favorites.ErrInvalidArgument, text)
			}
		}
		return c.walkPage(ctx, userID, at, text == first)
	}
	return favorites.NewPager(fetch, first)
}

// walkPage reads the window after at and yields what it holds after at's
// anchors: the window overlaps them (see window.go) unless the walk starts
// from a page number or pages are too small to overlap. A window that
// should hold an anchor and does not, or the first of a resumed walk
// without one, is read with the window before it (see lookBack).
func (c *Client) walkPage(ctx context.Context, userID int64, at cursor, resumed bool) (favorites.Page[*Post], error) {
	w, ok := readWindow{page: at.offset/at.limit + 1, limit: at.limit}, true
	if len(at.anchors) > 0 {
		w, ok = nextWindow(at.offset, at.limit)
	}
	if !ok || w.page > MaxPage {
		return favorites.Page[*Post]{}, fmt.Errorf("%s: %w: the walk is %d posts deep: e621 serves no page past %d "+
			"(list with a larger limit, or narrow the listing)", ProviderName, favorites.ErrInvalidArgument, at.offset, MaxPage)
	}
	posts, resp, err := c.favoritesPage(ctx, userID, w.limit, w.page)
	if err != nil {
		return favorites.Page[*Post]{}, err
	}
	items, found := at.skipSeen(posts)
	if !found && len(at.anchors) > 0 && (resumed || overlap(at.limit) > 0) {
		if items, found, err = c.lookBack(ctx, userID, at, w, posts); err != nil {
			return favorites.Page[*Post]{}, err
		}
		if !found { // moved past both windows, or all unfavourited: the top again
			return c.walkPage(ctx, userID, cursor{limit: at.limit}, false)
		}
	}
	return at.result(w, items, posts, resp), nil
}

// lookBack reads the window before w, where at's anchors were when at was
// written if more favourites above them were removed than w overlaps, and
// looks for them in it and posts, w's. At the top of the list nothing is
// before: what the two windows hold is the walk from the top again.
func (c *Client) lookBack(ctx context.Context, userID int64, at cursor, w readWindow, posts []*Post) ([]*Post, bool, error) {
	if w.start() == 0 {
		return posts, true, nil
	}
	b := windowBefore(w.start(), at.limit)
	prev, _, err := c.favoritesPage(ctx, userID, b.limit, b.page)
	if err != nil {
		return nil, false, err
	}
	both, in := slices.Clip(prev), make(map[int64]bool, len(prev))
	for _, p := range prev {
		in[p.ID] = true
	}
	for _, p := range posts {
		if !in[p.ID] { // the two windows overlap
			both = append(both, p)
		}
	}
	items, found := at.skipSeen(both)
	return items, found || b.start() == 0, nil
}

// result is the Page a walk yields from window w read at c: items, and the
// next cursor, which a full window of read posts asks for.
func (c cursor) result(w readWindow, items, read []*Post, resp *favorites.Response) favorites.Page[*Post] {
	p := favorites.Page[*Post]{Items: items, Response: resp}
	if len(read) >= w.limit {
		p.Next = c.after(w, read).String()
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
