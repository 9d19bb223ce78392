package e621

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
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
// until the Pager is read; options out of range, and any page past
// [MaxPage], are refused with favorites.ErrInvalidArgument before that.
// The package doc gives its rules: how the walk keeps its place while the
// list changes, its cursor ("Listing and cursors") and the checks of each
// page ("Replies and memory").
//
// A user who hides their favourites gives an error matching
// [ErrFavoritesHidden] (and favorites.ErrForbidden) where the server
// answers 403 as documented; the live server answers an empty list
// instead.
func (c *Client) Favorites(opts *FavoritesOptions) *favorites.Pager[*Post] {
	var o FavoritesOptions
	if opts != nil {
		o = *opts
	}
	if err := o.check(); err != nil {
		return driver.ErrorPager[*Post](err)
	}
	list, err := c.ownOrUsers(o.UserID)
	switch {
	case err != nil:
		return driver.ErrorPager[*Post](err)
	case o.Cursor != "":
		return list.Pager(o.Cursor, o.Limit)
	}
	limit, _ := checkLimit(o.Limit)
	return list.PagerFrom(driver.AnchoredCursor[int64]{Size: limit, Offset: (max(o.Page, 1) - 1) * limit})
}

// check refuses options out of range, and a cursor with a page.
func (o FavoritesOptions) check() error {
	if o.Page < 0 || o.Page > MaxPage {
		return fmt.Errorf("%s: %w: page %d is outside 1 to %d (e621 serves no page past %d)",
			ProviderName, favorites.ErrInvalidArgument, o.Page, MaxPage, MaxPage)
	}
	if _, err := checkLimit(o.Limit); err != nil {
		return err
	}
	if o.Cursor != "" && o.Page != 0 {
		return fmt.Errorf("%s: %w: both a cursor and page %d; a cursor names its own page",
			ProviderName, favorites.ErrInvalidArgument, o.Page)
	}
	return nil
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

// ownOrUsers is the favourites list of userID, or of the caller for 0,
// which an anonymous client does not have.
func (c *Client) ownOrUsers(userID int64) (*driver.AnchoredList[*Post, int64], error) {
	if userID < 0 {
		return nil, fmt.Errorf("%s: %w: user ID %d is negative", ProviderName, favorites.ErrInvalidArgument, userID)
	}
	if userID == 0 {
		// e621 reads a missing user_id as the caller.
		if err := c.needAccount("listing your own favourites (UserID 0)"); err != nil {
			return nil, err
		}
	}
	return c.favoritesList(userID), nil
}

// favoritesPage sends one GET /favorites.json and decodes its posts.
func (c *Client) favoritesPage(ctx context.Context, userID int64, limit, page int) ([]*Post, *favorites.Response, error) {
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
		ch.Post = new(Post)
		if err := json.Unmarshal(b.Post, ch.Post); err != nil {
			return nil, fmt.Errorf("%s: %w: the post in the answer: %v", ProviderName, favorites.ErrMalformedReply, err)
		}
		ch.Post.Raw = json.RawMessage(b.Post) // after: Post.UnmarshalJSON starts from a zero Post
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
