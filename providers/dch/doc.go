// Package dch is a client for the favourites of a Digital Concert Hall
// (Berliner Philharmoniker) account.
//
// [New] builds a typed [Client] for https://api.digitalconcerthall.com/v2
// with a Bearer token. The service has one endpoint for favourites:
// [Client.Favourites] reads every favourite at once (GET /user/favourites),
// and [Client.AddFavourite] and [Client.RemoveFavourite] change one (a
// form-encoded POST with action=add or action=delete and the item's id), each
// answering with the updated list.
//
// The service answers in HAL style; this package hands out plain values:
// protocol-relative links become https URLs, Unix seconds become
// [time.Time] (the zero time when null or absent), a null short title or
// image stays nil, the item type stays open for values beyond work,
// interview and film, and image URL templates are [ImageTemplate] values
// filled with [ImageTemplate.URL].
//
// [NewAdapter] gives the portable [favorites.Favorites] view (plus
// [favorites.Checker]): one page for List, and idempotent Add and Remove
// that check the list the service answers with.
//
// Errors are [*favorites.APIError] values; both error shapes of the service,
// {"message": ...} and {"error": {"message": ...}}, fill its Message, and the
// status decides the sentinel: 401 is [favorites.ErrUnauthorized], 405
// [favorites.ErrMethodNotAllowed], and so on.
//
// Package dchtest holds a stateful fake of the service for tests.
package dch
