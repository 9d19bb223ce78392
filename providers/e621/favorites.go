package e621

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/favkit/favorites"
)

// Paging bounds of GET /favorites.json.
const (
	MaxLimit = 320 // the largest page, and the default here
	MaxPage  = 750 // e621 refuses any page past this one
)

// FavoritesOptions select a favourites listing. The zero value lists the
// caller's own favourites, 320 a page, from page 1.
type FavoritesOptions struct {
	// UserID lists another user's favourites; 0 means the caller's own.
	UserID int64

	// Limit is the page size, 1 to MaxLimit; 0 means MaxLimit. It is always
	// sent, since a page shorter than it is how the last page is known.
	Limit int

	// Page is the page to start at, 1 to MaxPage; 0 means 1.
	Page int
}

type favoritesQuery struct {
	UserID int64 `url:"user_id,omitempty"`
	Page   int   `url:"page"`
	Limit  int   `url:"limit"`
}

type postsBody struct {
	Posts []*Post `json:"posts"`
}

// Favorites lists favourites, newest first, page by page. Nothing is sent
// until the Pager is read. Paging ends on a page shorter than the limit.
// Options out of range, and any page past MaxPage, are refused with
// favorites.ErrInvalidArgument before a request is sent.
//
// A user who hides their favourites gives an error matching
// ErrFavoritesHidden (and favorites.ErrForbidden) where the server answers
// 403 as documented; the live server answers an empty list instead.
func (c *Client) Favorites(opts *FavoritesOptions) *favorites.Pager[*Post] {
	var o FavoritesOptions
	if opts != nil {
		o = *opts
	}
	if o.Page < 0 || o.Page > MaxPage {
		return favorites.ErrorPager[*Post](fmt.Errorf("%s: %w: page %d is outside 1 to %d (e621 serves no page past %d)",
			ProviderName, favorites.ErrInvalidArgument, o.Page, MaxPage, MaxPage))
	}
	cursor := ""
	if o.Page > 0 {
		cursor = strconv.Itoa(o.Page)
	}
	return c.favoritesPager(o.UserID, o.Limit, cursor)
}

// favoritesPager is Favorites starting at a page-number cursor, shared with
// the adapter's List.
func (c *Client) favoritesPager(userID int64, limit int, cursor string) *favorites.Pager[*Post] {
	switch {
	case limit == 0:
		limit = MaxLimit
	case limit < 0 || limit > MaxLimit:
		return favorites.ErrorPager[*Post](fmt.Errorf("%s: %w: limit %d is outside 1 to %d",
			ProviderName, favorites.ErrInvalidArgument, limit, MaxLimit))
	}
	if userID < 0 {
		return favorites.ErrorPager[*Post](fmt.Errorf("%s: %w: user ID %d is negative",
			ProviderName, favorites.ErrInvalidArgument, userID))
	}
	return favorites.PageNumberPager(cursor, 1, limit, func(ctx context.Context, page int) ([]*Post, *favorites.Response, error) {
		if page > MaxPage {
			return nil, nil, fmt.Errorf("%s: %w: page %d: e621 serves no page past %d; "+
				"list with a larger limit, or narrow the listing", ProviderName, favorites.ErrInvalidArgument, page, MaxPage)
		}
		req, err := c.c.NewRequest(http.MethodGet, "/favorites.json", favoritesQuery{UserID: userID, Page: page, Limit: limit}, nil)
		if err != nil {
			return nil, nil, err
		}
		var body postsBody
		resp, err := c.c.Do(ctx, req, &body)
		if err == nil && slices.Contains(body.Posts, nil) {
			// A null post has no ID; dropping it would make a full page
			// look short and end the listing early.
			err = fmt.Errorf("%s: %w: a null post in the list", ProviderName, favorites.ErrMalformedReply)
		}
		return body.Posts, resp, err
	})
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

type changeBody struct {
	Post          *Post  `json:"post"`
	PostID        *int64 `json:"post_id"`
	FavoriteCount *int   `json:"favorite_count"`
}

func (b changeBody) change(postID int64) *FavoriteChange {
	ch := &FavoriteChange{PostID: postID, FavoriteCount: -1, Post: b.Post}
	if b.Post != nil {
		ch.FavoriteCount = b.Post.FavCount
	}
	if b.PostID != nil {
		ch.PostID = *b.PostID
	}
	if b.FavoriteCount != nil {
		ch.FavoriteCount = *b.FavoriteCount
	}
	return ch
}

type addForm struct {
	PostID int64 `url:"post_id"`
}

// AddFavorite favourites post postID. A post that already is a favourite
// gives an error matching favorites.ErrAlreadyFavorited; a full list gives
// one matching ErrFavoritesFull (and not ErrAlreadyFavorited); 423 matches
// ErrTransferring.
func (c *Client) AddFavorite(ctx context.Context, postID int64) (*FavoriteChange, error) {
	return c.addFavorite(ctx, postID, favorites.RetryByMethod)
}

func (c *Client) addFavorite(ctx context.Context, postID int64, retry favorites.RetryMode) (*FavoriteChange, error) {
	return c.change(ctx, postID, http.MethodPost, "/favorites.json", favorites.FormBody(addForm{postID}), retry)
}

// RemoveFavorite unfavourites post postID. Removing a post that is not a
// favourite succeeds; an unknown post is an error matching
// favorites.ErrNotFound.
func (c *Client) RemoveFavorite(ctx context.Context, postID int64) (*FavoriteChange, error) {
	return c.removeFavorite(ctx, postID, favorites.RetryByMethod)
}

func (c *Client) removeFavorite(ctx context.Context, postID int64, retry favorites.RetryMode) (*FavoriteChange, error) {
	path := "/favorites/" + strconv.FormatInt(postID, 10) + ".json"
	return c.change(ctx, postID, http.MethodDelete, path, nil, retry)
}

// change sends one add or remove of postID and reads either answer shape.
func (c *Client) change(ctx context.Context, postID int64, method, path string, body favorites.Body, retry favorites.RetryMode) (*FavoriteChange, error) {
	if err := checkPostID(postID); err != nil {
		return nil, err
	}
	req, err := c.c.NewRequest(method, path, nil, body)
	if err != nil {
		return nil, err
	}
	req.Retry = retry
	var answer changeBody
	if _, err := c.c.Do(ctx, req, &answer); err != nil {
		return nil, err
	}
	return answer.change(postID), nil
}

func checkPostID(id int64) error {
	if id < 1 {
		return fmt.Errorf("%s: %w: post ID %d is not positive", ProviderName, favorites.ErrInvalidArgument, id)
	}
	return nil
}
