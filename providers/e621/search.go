package e621

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Bounds of a tag search (GET /posts.json), as e621 sets them.
const (
	// MaxSearchTags is how many tags one search may hold, the fav:<name>
	// tag included (Danbooru.config.tag_query_limit, 40, in e621ng's
	// config/danbooru_default_config.rb). The tags that config's
	// is_unlimited_tag? exempts (status:deleted, -status:deleted,
	// rating:s..., limit:...) do not count.
	MaxSearchTags = 40

	// MaxBeforeID is the largest id a b<id> page may name: e621 refuses a
	// larger one ("Page parameter is out of valid range.", in
	// app/logical/danbooru/paginator/base_extension.rb) since its tables
	// hold 32-bit IDs.
	MaxBeforeID = 1<<31 - 1
)

// TagSearchOptions select a tag search of one user's favourites. The zero
// value lists the client's own favourites, 320 a page, newest post first.
type TagSearchOptions struct {
	// Name is the user whose favourites are searched; "" means the
	// client's login (an anonymous client must give one). It is an e621
	// user name: 2 to 20 letters, digits, '_', '-', '~' or apostrophes, and not
	// "me", which e621 reads as the caller.
	Name string

	// Tags narrow the search, one tag a string, as in "rating:s",
	// "-animated" or "~cat"; none lists every favourite. A tag with white
	// space inside, an order:, randseed: or limit: tag, or more than
	// MaxSearchTags with the fav: tag, is refused before sending.
	Tags []string

	// Limit is the page size, 1 to MaxLimit; 0 means MaxLimit, or the
	// page size of Cursor.
	Limit int

	// Cursor resumes a search where an earlier Pager's Cursor said its
	// next page starts; "" starts at the newest post. It holds a digest of
	// Name and Tags, and a cursor of another search is refused. Its page
	// number (b<id>) does not depend on the page size, so any Limit may
	// resume it.
	Cursor string
}

type searchQuery struct {
	Tags  string `url:"tags"`
	Limit int    `url:"limit"`
	Page  string `url:"page,omitempty"`
}

// SearchFavorites lists a user's favourites that match tags, through
// e621's post search, GET /posts.json?tags=fav:<name> <tags>. Nothing is
// sent until the Pager is read; options out of range are refused with
// favorites.ErrInvalidArgument before that. Unlike Favorites, it has no
// page-750 wall and needs no credentials for a public user's favourites.
//
// The rules it relies on, from e621ng's source:
//   - fav:<name> matches the posts the user has favourited; the name is
//     looked up case-insensitively (User.find_by_name in
//     app/models/user.rb), and an unknown name matches nothing: an empty
//     list, not an error (app/logical/tag_query.rb, the "fav" metatag).
//   - A user who hides their favourites (privacy mode, or a restricted
//     account) answers 403 {"success":false,"reason":"This user's
//     favorites are hidden"} to anyone but themselves and staff
//     (Favorite::HiddenError in app/models/favorite.rb, raised from
//     tag_query.rb; User#hide_favorites? in app/models/user.rb; rendered
//     by ApplicationController#access_denied). It matches
//     ErrFavoritesHidden and favorites.ErrForbidden. (GET /favorites.json
//     answers the same user with an empty list instead.)
//   - Tags: at most MaxSearchTags (config/danbooru_default_config.rb
//     tag_query_limit, counted in TagQuery#parse_query; more is a 422).
//   - Order: post ID, newest first (ElasticPostQueryBuilder's ORDER_TABLE
//     default, {id: :desc}) — not the order of favouriting, as
//     /favorites.json lists. Deleted posts are left out unless a status:
//     tag asks for them (TagQuery#hide_deleted_posts?).
//   - Paging: page=b<id> is the posts below id, sorted by id descending
//     whatever order: the tags ask, limit posts at most, with no page cap
//     (Danbooru::Paginator::BaseExtension#parse_page and
//     DocumentStoreExtensions#paginate_sequential_before, in
//     app/logical/danbooru/paginator/). Numbered pages stop at 750
//     (max_numbered_pages). A page shorter than limit is the last.
//
// So the first page is read without a page number and each next page is
// b<the lowest id of the page before>. A page whose IDs do not fall
// strictly, or are not below the b<id> asked for, is refused with
// favorites.ErrMalformedReply (following it could skip posts), as are the
// pages Favorites refuses. The Pager's cursor, "e621.s1.l<limit>.b<id>.q<digest>",
// resumes exactly: a resumed search yields the matching favourites below
// id, however the list changed meanwhile; favourites added to newer posts
// since are not in it (start a new search for those).
func (c *Client) SearchFavorites(opts *TagSearchOptions) *favorites.Pager[*Post] {
	var o TagSearchOptions
	if opts != nil {
		o = *opts
	}
	s, err := c.newSearch(o)
	if err != nil {
		return driver.ErrorPager[*Post](err)
	}
	first := ""
	if s.before > 0 {
		first = s.cursor(s.before)
	}
	fetch := func(ctx context.Context, text string) (favorites.Page[*Post], error) {
		before, err := s.parse(text)
		if err != nil {
			return favorites.Page[*Post]{}, err
		}
		return c.searchPage(ctx, s, before)
	}
	return favorites.NewPager(fetch, first)
}

// search is one validated tag search.
type search struct {
	tags   string // as sent: "fav:<name> <tag> ..."
	limit  int
	digest string
	before int64 // where a resumed search starts; 0: the newest post
}

// newSearch checks o and gives the search it asks for.
func (c *Client) newSearch(o TagSearchOptions) (search, error) {
	name := o.Name
	if name == "" {
		if err := c.needAccount("a tag search without a Name"); err != nil {
			return search{}, err
		}
		name = c.login
	}
	if err := checkUserName(name); err != nil {
		return search{}, err
	}
	tags, err := searchTags(name, o.Tags)
	if err != nil {
		return search{}, err
	}
	limit, err := checkLimit(o.Limit)
	if err != nil {
		return search{}, err
	}
	s := search{tags: tags, limit: limit, digest: digest(tags)}
	if o.Cursor != "" {
		at, err := s.parseSaved(o.Cursor)
		if err != nil {
			return search{}, err
		}
		if o.Limit == 0 {
			s.limit = at.limit
		}
		s.before = at.before
	}
	return s, nil
}

// searchPage sends one GET /posts.json, below before (0: from the newest
// post), and checks the order that paging by b<id> relies on.
func (c *Client) searchPage(ctx context.Context, s search, before int64) (favorites.Page[*Post], error) {
	q := searchQuery{Tags: s.tags, Limit: s.limit}
	if before > 0 {
		q.Page = "b" + strconv.FormatInt(before, 10)
	}
	req, err := c.c.NewRequest(http.MethodGet, "/posts.json", q, nil)
	if err != nil {
		return favorites.Page[*Post]{}, err
	}
	var body driver.RawJSON // the envelope, read by decodePosts
	resp, err := c.c.Do(ctx, req, &body)
	if err != nil {
		return favorites.Page[*Post]{Response: resp}, err
	}
	posts, err := decodePosts(ctx, body, s.limit)
	if err == nil {
		err = checkDescending(posts, before)
	}
	if err != nil {
		return favorites.Page[*Post]{}, fmt.Errorf("%s: GET /posts.json page %q: %w", ProviderName, q.Page, err)
	}
	p := favorites.Page[*Post]{Items: posts, Response: resp}
	if len(posts) >= s.limit {
		p.Next = s.cursor(posts[len(posts)-1].ID)
	}
	return p, nil
}

// checkDescending holds a page to the order b<id> paging relies on: IDs
// strictly falling, all below before (when not 0).
func checkDescending(posts []*Post, before int64) error {
	for i, p := range posts {
		if before > 0 && p.ID >= before {
			return fmt.Errorf("%w: post %d (id %d) is not below the page's b%d, or after the post before it",
				favorites.ErrMalformedReply, i, p.ID, before)
		}
		before = p.ID
	}
	return nil
}
