// Package dch is a client for the favourites of a Digital Concert Hall
// (Berliner Philharmoniker) account.
//
// [New] builds a typed [Client] for https://api.digitalconcerthall.com/v2
// with a Bearer token. The service has one endpoint for favourites:
// [Client.Favourites] lists every favourite (GET /user/favourites, one
// page: the service answers the whole list at once),
// [Client.FavouritesUpdated] says when that list last changed, and
// [Client.AddFavourite] and [Client.RemoveFavourite] change one (a
// form-encoded POST with action=add or action=delete and the item's id), each
// answering with the updated list. Every call that talks to the service
// returns its value, then the [*favorites.Response], then the error; the
// listing returns a [favorites.Pager], whose page carries the Response.
//
// The service answers in HAL style; this package hands out plain values:
// protocol-relative links become https URLs, Unix seconds become
// [time.Time] (the zero time when null or absent), a null short title or
// image stays nil, the item type stays open for values beyond work,
// interview and film, and image URL templates are [ImageTemplate] values
// filled with [ImageTemplate.URL]. Each of these values marshals to JSON in
// the service's own form (Unix seconds, the document's keys, null for what
// is absent) and reads back from it to the same value, so a saved list or
// favourite can be stored and loaded with encoding/json.
//
// [NewAdapter] gives the portable [favorites.Favorites] view (plus
// [favorites.Checker] and [favorites.ChangeLister]):
//
//   - A ref is the item's ID alone, as listed (Ref{ID: "23427-1"}); a ref
//     with a Source is refused with [favorites.ErrInvalidArgument] naming
//     the bare ID.
//   - List is one page, with no cursor to save or resume from (a non-empty
//     one is refused): a listing read after changes is the whole list
//     again, so nothing is skipped or repeated.
//   - A list answer without _links.favourites (an empty body, null, {}),
//     with a list that is not an array, an entry without a usable id, more
//     than [MaxFavourites] entries, or a list in an entry over
//     [MaxListItems] is [favorites.ErrMalformedReply]; the empty array is
//     an empty list, and a field an entry leaves out is its zero value (an
//     entry of {"id":"1"} lists). The client's Favourites and
//     FavouritesUpdated keep the same rules.
//   - Add and Remove are idempotent. The document does not say how the
//     service answers an ID it does not have; this package reads a 404 in
//     the service's {"message": ...} shape as that answer: Remove is nil and
//     Add an error matching [favorites.ErrNotFound]. Any other 404 (the
//     route error, an HTML page, an empty body) is an error. A 2xx answer
//     means the write happened: a cut or malformed body, or a list that
//     does not show the change, does not fail the portable calls; the
//     typed calls return such a list with [ErrNotApplied].
//
// [Client.Changes] and the adapter's Changes ([favorites.ChangeLister])
// say what was made a favourite and what removed since a saved mark, in
// one GET /user/favourites whatever the list's size: the answer is the
// whole list, so the mark holds the set of item IDs it had (packed,
// bounded by [MaxFavourites]) and a digest telling accounts apart, never
// the token. A mark of another provider, account or server is
// [favorites.ErrStaleMark], refused before sending.
//
// Decoding a list answer keeps each entry's Raw as its bytes in the reply
// (no copy) and allocates at most 8 bytes for each of its bytes plus
// [ItemCost] an entry; [New] caps a response body at [MaxBodySize] unless
// the caller's favorites.WithMaxBodySize says otherwise.
//
// Errors are [*favorites.APIError] values; both error shapes of the service,
// {"message": ...} and {"error": {"message": ...}}, fill its Message, and the
// status decides the sentinel: 401 is [favorites.ErrUnauthorized], 405
// [favorites.ErrMethodNotAllowed], and so on.
//
// Package dchtest holds a stateful fake of the service for tests.
package dch
