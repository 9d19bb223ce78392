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
// [NewAdapter] puts a Client behind the portable favorites.Favorites
// interface, whose Add and Remove are idempotent.
//
// The live service differs from its document in several answers (the
// shape of a POST's success, 204 versus 200 on DELETE, hidden favourites
// as 403 versus an empty 200); this package accepts both forms. The
// e621test package is a stateful fake of the service for tests.
package e621
