// Package playplay is a typed client of PlayPlay's media favourites API, and
// its adapter to the portable [favorites.Favorites] interface.
//
// PlayPlay has no public developer documentation beyond the favourites API
// document this package follows, so it follows that document to the letter,
// including its two spellings of the path: the list and the delete go to
// api/v2/users/me/favorites, the store to /api/v2/user/me/favorites (singular
// "user"). There is no public base URL: the caller passes it to [New].
//
// A favourite is a media item: an upload (source "upload") or a stock item
// (source "pexels" and the like, which also has the stock library's own
// ID), known by its raw media ID. A [favorites.Ref] for PlayPlay is
// "source:raw_media_id", such as "upload:30452" or "pexels:201": Source the
// source, ID the raw media ID. That is what the store requires
// (raw_media_id and source) and what the delete takes (raw_media_id), and
// it is the one spelling List gives. The stock ID is left out: the store
// takes it only as an option, and a ref written without it could not be
// given one without asking the server. The spelling earlier versions
// listed, "pexels:201~3608618", is still read, as "pexels:201". See
// [MediaRef].
//
// The adapter's Remove is nil when the media is not a favourite (the
// delete's 204) or when the service does not have it (its 404
// {"message":"Media not found."}, [ErrMediaNotFound]); a 404 of any other
// shape is an error, so a wrong base URL is never taken for success. Add of
// a media the service does not have is [favorites.ErrNotFound]. A 2xx
// answer to either means the change happened, whatever its body.
//
// The listing nests its items one level down, results[0].results, and names
// the next page number in next_page; [Client.Favorites] follows it with a
// [favorites.Pager]. A page is read strictly, since a short listing would
// be taken for a complete one: one result set, a media list, at most
// [MaxPageItems] media, each with an id, a source and a usable stock ID
// (any other field it leaves out is its zero value), and a next_page that
// is the next number or null; anything else is
// [favorites.ErrMalformedReply]. Replies are capped at [DefaultMaxBodySize],
// and decoding one allocates at most 8 bytes for each of its bytes plus
// [ItemCost] for each media. The cursor names the last media given, so
// a resumed listing goes on after it even when favourites were added or
// removed in between (see [Client.Favorites] for what can repeat).
//
// [Adapter.Changes] ([favorites.ChangeLister]) and its typed form
// [Client.FavoritesSince] give the favourites added since a saved mark,
// for at most ceil(k/page)+1 requests for k new ones: the document orders
// the listing by when each favourite was made, newest first, and a mark
// names the newest few media, so a call reads from the first page until it
// meets them. A mark of another provider, version or base URL is refused
// with [favorites.ErrStaleMark] before anything is sent; one whose media
// are all gone is stale too. Removals are not reported (RemovalsKnown is
// false): they need a full listing and [favorites.Diff].
//
// The fake server in package playplaytest serves the same API for tests.
package playplay
