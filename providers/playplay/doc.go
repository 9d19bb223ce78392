// Package playplay is a typed client of PlayPlay's media favourites API, and
// its adapter to the portable [favorites.Favorites] interface.
//
// PlayPlay has no public developer documentation beyond the favourites API
// document this package follows, so it follows that document to the letter,
// including its two spellings of the path: the list and the delete go to
// api/v2/users/me/favorites, the store to /api/v2/user/me/favorites (singular
// "user"). There is no public base URL: the caller passes it to [New].
//
// A favourite is a media item: an upload (source "upload", known by its raw
// media ID) or a stock item (source "pexels" and the like, which also has the
// stock library's own ID). A [favorites.Ref] for PlayPlay holds the source in
// Source and the raw media ID in ID, followed by "~" and the stock ID for
// stock media: "upload:30452", "pexels:30452~12345". That carries what both
// calls need: the store requires raw_media_id and source, and the delete
// takes raw_media_id, or stock_id with source. See [MediaRef].
//
// The listing nests its items one level down, results[0].results, and names
// the next page number in next_page; [Client.Favorites] follows it with a
// [favorites.Pager] whose cursor is that page number.
//
// The fake server in package playplaytest serves the same API for tests.
package playplay
