// Package dch is a client for the favourites of a Digital Concert Hall
// (Berliner Philharmoniker) account.
//
// [New] builds a typed [Client] for https://api.digitalconcerthall.com/v2
// with a Bearer token. The service has one endpoint for favourites:
// [Client.Favourites] lists every favourite (GET /user/favourites),
// [Client.FavouritesUpdated] says when that list last changed,
// [Client.AddFavourite] and [Client.RemoveFavourite] change one (a
// form-encoded POST with action=add or action=delete and the item's id),
// each answering with the updated list, and [Client.Changes] says what
// changed since a mark. [NewAdapter] gives the portable
// [favorites.Favorites] view, with [favorites.Checker] and
// [favorites.ChangeLister]. Both keep the rules below; the methods' docs
// add only what is theirs alone.
//
// The package follows the service's API document, docs/api/dch.md in this
// repository; docs/api/README.md adds what the document leaves unsaid.
//
//	c, err := dch.New(token)
//	for f, err := range c.Favourites().All(ctx) { // one page: every favourite at once
//		fmt.Println(f.ID, f.Type, f.Title, f.Href, f.Image.Overview.URL(640, 360))
//	}
//	updated, _, err := c.FavouritesUpdated(ctx)      // when the list last changed
//	list, _, err := c.AddFavourite(ctx, "23427-1")   // form action=add&id=23427-1
//	list, _, err = c.RemoveFavourite(ctx, "23427-1") // form action=delete&id=23427-1
//
// The service answers in HAL style; this package hands out plain values:
// [Favourite], [Date], [Image], [ImageTemplate] and [Type] say how each
// field is read (protocol-relative links made https, Unix seconds made
// [time.Time], null kept as nil or zero, the item type open). Each marshals
// to JSON in the service's own form and reads back from it to the same
// value, so a saved list or favourite can be stored and loaded with
// encoding/json.
//
// # Listing
//
// The service answers the whole list at once, so a listing is one page,
// with no cursor to save or resume from (a non-empty one is refused): a
// listing read after changes is the whole list again, so nothing is
// skipped or repeated. A list answer without _links.favourites (an empty
// body, null, {}), with a list that is not an array, an entry without a
// usable id, more than [MaxFavourites] entries, or a list in an entry over
// [MaxListItems] is [favorites.ErrMalformedReply]; the empty array is an
// empty list, and a field an entry leaves out is its zero value (an entry
// of {"id":"1"} lists). [Client.Favourites], [Client.FavouritesUpdated] and
// [FavouriteList.UnmarshalJSON] keep the same rules.
//
// # Refs and writes
//
// A ref is the item's ID alone, as listed (Ref{ID: "23427-1"}); a ref with
// a Source ("work:23427-1") is refused with [favorites.ErrInvalidArgument]
// naming the bare ID.
//
// The portable Add and Remove are idempotent. The document does not say
// how the service answers an ID it does not have; this package reads a 404
// in the service's {"message": ...} shape as that answer: Remove is nil and
// Add an error matching [favorites.ErrNotFound]. Any other 404 (the route
// error {"error":{"message":"No route found ..."}}, an HTML page, an empty
// body) is an error. A 2xx answer means the write happened: a cut or
// malformed body, or a list that does not show the change, does not fail
// the portable calls; the typed calls return such a list with
// [ErrNotApplied].
//
// # Marks
//
// [Client.Changes] and the adapter's Changes say what was made a favourite
// and what removed since a saved mark, in exactly one GET /user/favourites
// whatever the list's size. They stand on the service's one-page list:
// GET /user/favourites answers every favourite at once in
// _links.favourites, with no paging (docs/api/dch.md, "Retrieving the
// favourites"; docs/api/README.md), so the answer is the whole set and
// what is added and what is removed are both known (RemovalsKnown). Added
// keeps the list's own order, which the document's example gives most
// recently changed first (updated descending). The empty mark means "from
// now": no changes, just a first mark.
//
// Since the new mark is the set the answer held, a favourite made while
// the call runs is in this answer or in the next call's, never in neither.
// A favourite made and removed again between two calls is in neither; one
// removed and made again between them is in neither Added nor Removed,
// since the set is the same.
//
// A mark, "dch.mark.v1.<account>.<set>" (driver.SetMark), is opaque text,
// safe to store: the list's item IDs, prefix-packed, so bounded by
// [MaxFavourites], and a digest of base URL and token, never the token.
// Text that is not a DCH mark is [favorites.ErrStaleMark] and
// [favorites.ErrInvalidArgument]; a mark of another provider, token or base
// URL is ErrStaleMark; neither sends anything. The service names no
// account, so a mark made with another token of the same account is
// refused too: after a change of token, start again from "" (and list in
// full if nothing may be missed).
//
// # Replies and memory
//
// Decoding a list answer keeps each entry's Raw as its bytes in the reply
// (no copy) and allocates at most 8 bytes for each of its bytes plus
// [ItemCost] an entry; [New] caps a response body at [MaxBodySize] (12
// MiB) unless the caller's favorites.WithMaxBodySize says otherwise.
//
// # Errors
//
// Errors are [*favorites.APIError] values; both error shapes of the
// service, {"message": ...} and {"error": {"message": ...}}, fill its
// Message, and the status decides the sentinel: 401 is
// [favorites.ErrUnauthorized], 405 [favorites.ErrMethodNotAllowed], and so
// on. The document states no rate limit.
//
// # Testing
//
// Package dchtest is a stateful fake of the service for tests; its doc
// shows how to seed it and get its clients.
package dch
