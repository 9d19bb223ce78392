// Package e621 is the favourites client for e621 (https://e621.net) and its
// safe-for-work mirror e926, which serve the same API.
//
// [New] builds a typed [Client] that authenticates with HTTP Basic
// (login:api_key) and keeps e621's own meaning: [Client.Favorites] lists
// by page number, [Client.AddFavorite] and [Client.RemoveFavorite] change
// one, [Client.SearchFavorites] lists through the post search,
// [Client.FavoritesSince] gives what was added since a mark. [NewAdapter]
// puts the Client behind the portable [favorites.Favorites] and
// [favorites.ChangeLister] interfaces; [NewTagSearchAdapter] lists a tag
// search instead. Both keep the rules below; the methods' docs add only
// what is theirs alone.
//
// The package follows e621's API document, docs/api/e621.md in this
// repository, and e621's server code (e621ng) where the live service
// differs from it (docs/api/README.md lists where): the shape of a POST's
// success, 200 versus the documented 204 on DELETE, hidden favourites as
// an empty 200 versus the documented 403. Both forms are accepted.
//
//	c, err := e621.New(login, apiKey)                          // https://e621.net
//	c, err = e621.New(login, apiKey, favorites.WithBaseURL(e621.E926BaseURL),
//		favorites.WithUserAgent(e621.UserAgent("mybot", "1.0", login)))
//	for p, err := range c.Favorites(nil).All(ctx) { ... }      // *Post, newest favourite first
//	ch, resp, err := c.AddFavorite(ctx, 4242)                  // *FavoriteChange
//	posts, mark, err := c.FavoritesSince(ctx, mark)            // added since a saved mark
//
// e621 blocks a missing or generic User-Agent with a 403 HTML page; the
// default one, from [UserAgent], names the SDK and the login. New("", "")
// builds an anonymous client, for public favourites (see [New]).
//
// # Listing and cursors
//
// [Client.Favorites] reads GET /favorites.json, newest favourite first,
// [MaxLimit] (320) posts a page unless asked fewer; the last page is the
// first short one. A limit outside 1 to 320, or a page past [MaxPage]
// (750), is refused before sending. e621 pages by number only, so a page
// number moves with the list, and the walk goes on after the last posts it
// read: a favourite added while it runs, which pushes the rest down, makes
// nothing repeat. A favourite removed above the read moves the rest up:
//
//   - From 64 posts a page up, each page after the first starts a few posts
//     before the last one ended (up to Limit posts a page, about 7% more
//     requests at 320), so removals make nothing skip. When none of the
//     last posts read is in the page (more than three removed above it
//     between two requests, or all of them unfavourited), the walk reads
//     the page before as well, and when they are not there either, it
//     starts again at page 1 and yields again what it had: it repeats,
//     never skips.
//   - Under 64 posts a page, pages lie side by side, since overlapping would
//     cost up to half the requests more: a favourite removed above the read
//     between two pages moves the post at their boundary up onto the page
//     already read, and that walk skips it. A later full listing, or
//     [favorites.Diff] of two, has it; a walk resumed from the cursor skips
//     nothing.
//
// The Pager's cursor is versioned text, "e621.v2.l<limit>.o<offset>.a<ids>":
// the page size, how far the walk read and the last four posts read; it is
// "" before the first page of a walk from page 1 and after the last page.
// A walk resumed from it ([FavoritesOptions].Cursor, or the Adapter's
// ListOptions.Cursor) reads the page that holds those posts, or the page
// before (favourites removed above them), or up to 16 pages on (favourites
// added above them), and goes on after them: favourites added or removed
// between the runs never make it skip one still there. When none of the
// posts is found, it starts again at page 1 and repeats what was listed.
// Cursors of earlier versions ("e621.v1.l<limit>.p<page>...") still
// resume; a bare page number, older still, is refused. A page size other
// than the cursor's is refused (0 takes the cursor's), since the cursor's
// place may lie inside a page of another size.
//
// [Client.SearchFavorites] (and [NewTagSearchAdapter]) lists through e621's
// post search instead, filtered by tags and with no page-750 wall; its doc
// gives its rules and its cursor.
//
// # Marks
//
// [Client.FavoritesSince] and [Adapter.Changes] give the favourites added
// since a saved mark, newest favourite first, each once, and the next
// mark; "" means "from now": no posts, a first mark, one request. They
// stand on e621's order: GET /favorites.json lists favourites by the
// favourite's own creation time, newest first (e621ng
// app/controllers/favorites_controller.rb#index and
// app/logical/post_sets/favorites.rb: Favorite.for_user(...).order(created_at:
// :desc)), and a favourite made again is a new row that goes first. e621
// has no min_id, so a mark keeps the newest eight favourites (its anchors)
// and a call reads the list from page 1, 320 a page, until it finds them
// again: what is above them is new, and the new mark is the first posts of
// page 1.
//
// Each page after the first starts a few posts before the last one ended
// and must show a post read before, so a favourite removed above the read
// makes nothing slip past unread (driver.AnchorMark reads it). k new
// favourites cost at most ceil(k/320)+1 requests up to k = 4,000 (one for
// k up to 312), and ceil(k/290)+1 beyond, while two of the anchors next to
// each other are still favourites; with one left, the call reads on to the
// end of the list. Favourites above the read removed faster than the
// overlap (more than three between two requests) make the call read again
// from page 1, and after three such reads fail with an error matching
// [favorites.ErrListChanged]: temporary, call again later with the same
// mark.
//
// A favourite added while a call runs is in that call or the next, never
// in neither; one removed while a call runs may be given or not. An anchor
// unfavourited and favourited again counts as added again; only anchors
// favourited again in their old order, next to each other, can hide the
// favourites added before them. Removals are never reported (RemovalsKnown
// is false): they need a full List and [favorites.Diff], and a favourite
// added and removed again between two calls is not seen.
//
// A mark is opaque text of at most 256 bytes, "e621.m1.<account>.a<ids>":
// a digest of the site and login, never a credential, and the anchors. A
// mark of another account, site or version, or text that is no mark, is
// refused before sending with an error matching [favorites.ErrStaleMark]
// and [favorites.ErrInvalidArgument]. A mark whose anchors were all
// unfavourited matches ErrStaleMark once the call has read the whole list,
// never a silent full listing: list everything again and start from "".
//
// # Refs and writes
//
// A favourite's [favorites.Ref] is {ID: the post ID in decimal}, with no
// Source: the one spelling List gives. Add, Remove and Canonical also take
// the ID with leading zeros ("0042"), which e621 reads as the same post,
// and make it canonical ("42"); any other ref (a Source, a sign, anything
// not a positive decimal) is refused with [favorites.ErrInvalidArgument],
// naming the canonical form where there is one.
//
// The typed AddFavorite and RemoveFavorite return the server's answer, in
// its documented or its live form, as a [FavoriteChange], and their docs
// say which errors they return. The portable Add and Remove are
// idempotent: Add of a favourite already there, and Remove of a post that
// is not a favourite or that e621 says it does not have (its 404
// {"success":false,"reason":"not found"}, [IsUnknownPost]), are nil. Add
// of such a post is [favorites.ErrNotFound], and Add to a full list an
// error, never "already favourited". A 404 of any other body (an HTML
// page, an empty one) is an error. A 2xx answer is success for the
// portable calls even when the body after it is cut short.
//
// # Replies and memory
//
// A 200 that is empty, null or has no "posts" list, a page with more posts
// than the limit asked for ([ItemMargin] is 0: e621 applies the limit in
// SQL), a post that is null or has no positive id, and a list in a post
// over [MaxListItems] are favorites.ErrMalformedReply, naming the post's
// position and the cap; {"posts":[]} is an empty list, and a field a post
// leaves out is its zero value: a post of {"id":1} lists.
//
// Each post's Raw is its bytes in the reply, never a copy. The default body
// cap is [MaxBodySize] (15 MiB, a full page of heavy posts twice over;
// favorites.WithMaxBodySize replaces it), and decoding a page allocates at
// most 8 bytes for each byte of the reply plus [ItemCost] a post and
// [ListItemCost] an item of a list in one.
//
// # Rate limits and errors
//
// [New]'s limiter keeps to e621's rate ([RequestsPerSecond], [Burst]). The
// 503 its front end answers past the hard limit and the 429 "Throttled"
// both match [favorites.ErrRateLimited] and are retried with backoff
// (reads, and the portable Add and Remove).
//
// Errors are [*favorites.APIError] values with the server's reason or
// message; beyond the favorites sentinels they match [ErrFavoritesFull] (a
// full list), [ErrFavoritesHidden] (the documented 403 of hidden
// favourites; the live site answers an empty list) and [ErrTransferring]
// (423, retry later). A 403 HTML page (a blocked User-Agent) gives a
// one-line message; the 410 answers to paging out of range keep the
// server's text.
//
// # Testing
//
// Package e621test is a stateful fake of the service for tests, in its
// live or its documented answers; its doc shows how to seed it and get its
// clients.
package e621
