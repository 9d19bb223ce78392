// Package e621 is the favourites client for e621 (https://e621.net) and its
// safe-for-work mirror e926, which serve the same API.
//
// [New] builds a typed [Client] that authenticates with HTTP Basic
// (login:api_key), always sends a descriptive User-Agent (e621 blocks generic
// ones with a 403 HTML page), and keeps under e621's hard limit of two
// requests a second with a client-side limiter. Its calls keep e621's own
// meaning: [Client.Favorites] pages by page number, [Client.AddFavorite]
// returns the 422 "already favorited" as an error matching
// favorites.ErrAlreadyFavorited.
//
// [Client.SearchFavorites] lists a user's favourites through e621's post
// search (GET /posts.json?tags=fav:<name> ...), filtered by tags, newest
// post first, paged by b<id> with no page-750 wall; [NewTagSearchAdapter]
// puts it behind the portable interface. New("", "") builds an anonymous
// client, which reads public favourites (by user ID or by name) and
// refuses every write before sending (ErrNoCredentials).
//
// [NewAdapter] puts a Client behind the portable favorites.Favorites
// interface, whose Add and Remove are idempotent. A favourite's ref is the
// post ID in decimal, the one spelling List gives; Add, Remove and
// Canonical also take it with leading zeros and make it canonical. Remove
// of a post e621 does not have is nil only on e621's own 404 body
// ([IsUnknownPost]); a 2xx is success even when the body after it is cut.
//
// A listing is never silently short: a body without the "posts" list, a
// page with more posts than asked for, or a post without a positive id is
// favorites.ErrMalformedReply (see [Client.Favorites]). e621 pages by
// number only, and the walk goes on after the last posts read, so a
// favourite added while it runs makes it repeat nothing. At page sizes of
// 64 and more each page also starts a few posts before the last one ended,
// so one removed while it runs makes it skip nothing (when the posts it
// remembers are gone, it starts again at page 1: repeats, never skips);
// under 64, pages lie side by side, and a favourite removed above the read
// between two pages makes that walk skip the post at their boundary.
// Its cursor is versioned text, "e621.v2.l<limit>.o<offset>.a<ids>": the
// page size, how far the walk read and the last posts read; a listing
// resumed from it goes on in the same way, and one from the "e621.v1."
// cursors of earlier versions too. A cursor is refused with another page
// size than its own.
//
// [Adapter.Changes] (favorites.ChangeLister) and its typed form
// [Client.FavoritesSince] give the favourites added since a saved mark, in
// at most ceil(k/320)+1 requests for k new ones up to 4,000 (ceil(k/290)+1
// beyond: its pages overlap, so that a favourite removed above the read
// skips nothing), and the next mark. e621
// lists favourites newest favourite first but has no min_id, so a mark,
// "e621.m1.<account>.a<ids>", keeps the newest eight favourites and a
// run reads from the top until it finds them again. A mark of another
// account or site, or one whose favourites were all unfavourited, matches
// favorites.ErrStaleMark. Removals are never reported (RemovalsKnown is
// false): they need a full List and favorites.Diff, and a favourite added
// and removed again between two runs is not seen.
//
// Memory: each post's Raw is its bytes in the reply, never a copy. A page
// is bounded by the kit's one rule: its posts are capped (the limit asked
// for) and so is every list in a post ([MaxListItems]), the default body
// cap is [MaxBodySize], and decoding allocates at most 8 bytes for each
// byte of the reply plus [ItemCost] a post and [ListItemCost] an item of a
// list in one. No post is refused for its size: a post of {"id":1} lists,
// its other fields zero.
//
// The live service differs from its document in several answers (the
// shape of a POST's success, 204 versus 200 on DELETE, hidden favourites
// as 403 versus an empty 200); this package accepts both forms. The
// e621test package is a stateful fake of the service for tests.
package e621
