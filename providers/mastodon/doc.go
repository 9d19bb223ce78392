// Package mastodon is the favourites client for Mastodon and servers that
// speak its API (one instance at a time: every instance has its own base URL).
//
// [New] makes a typed [Client]: [Client.Favourites] lists the caller's
// favourited statuses by following the server's Link header,
// [Client.Favourite] and [Client.Unfavourite] change one, and
// [Client.Status] looks one up. [NewAdapter] wraps the Client in the
// portable [favorites.Favorites] interface (plus [favorites.Checker],
// [favorites.ChangeLister] and [favorites.Verifier]).
//
// Signing in: [NewOAuth] gets a user's token from a program, by OAuth 2's
// authorization code grant on golang.org/x/oauth2: [OAuth.RegisterApp],
// [OAuth.Authorize] (PKCE S256 where the server's RFC 8414 metadata offers
// it, from Mastodon 4.3), [Authorization.Exchange] and [OAuth.Revoke]; see
// [OAuth]. Before a long job, [Client.VerifyCredentials] gives the account
// a token acts for, and [Adapter.Verify] ([favorites.Verifier]) reads the
// token's scopes from GET /oauth/token/info, so a job without one it needs
// fails at its start with a [*favorites.ScopeError] naming it.
//
// Incremental listing: [Client.FavouritesSince] and [Adapter.Changes] give
// the favourites added since a saved mark, newest first, in floor(k/40)+1
// requests for k new ones, whatever the list's length; the empty mark
// starts from now in one request. They stand on Mastodon's favourites being
// ordered by the favourite's own ID, which grows with each new favourite,
// and on min_id giving the favourites just above it
// (app/controllers/api/v1/favourites_controller.rb,
// app/models/concerns/paginable.rb): the mark is the newest favourite ID
// the server's rel="prev" link named, tied to the instance. A favourite
// made during a run is in that run or the next; one made and removed
// between runs is missed; removals are never reported (RemovalsKnown is
// false): they need a full listing and [favorites.Diff]. A mark is text of
// at most 90 bytes, holding no credential:
//
//	mastodon.v1.i<account>.m<favourite ID>   such as mastodon.v1.iq2Xo0b1Ui5E.m104233
//	mastodon.v1.i<account>.e                 the list was empty when marked
//
// where <account> is a digest of the base URL and the token
// (driver.AccountTag). Text that is not such a mark is
// [favorites.ErrStaleMark] and [favorites.ErrInvalidArgument]; a mark of
// another instance or account is ErrStaleMark; neither sends anything.
//
// Paging follows Mastodon's rule: max_id and min_id are internal favourite
// IDs, not status IDs, so the client only ever follows the rel="next" link
// the server sent, and only to the same host (the token never leaves the
// instance). The server sends a next link whenever a page is full, so the
// last page may be empty; that ends the listing cleanly. The saved cursor
// is that link, page size included, and resumes exactly at any page size:
// favourites removed between runs are absent, none still there is skipped,
// and favourites made after the walk began show in a fresh listing (see
// [Client.Favourites] for what can repeat).
//
// Refs: a favourite's [favorites.Ref] is {ID: status ID}, the one spelling
// (see [Adapter]). The portable Remove is nil for a status that is not a
// favourite or that the server no longer has (404 "Record not found"), and
// an error for any other answer it cannot read; Add of an unknown status is
// favorites.ErrNotFound; a 2xx is success whatever its body.
//
// Replies are checked and bounded: a page that is not a JSON array, holds
// a status without a usable ID, a boost of a boost, a list over its cap
// ([MaxShortList], [MaxLongList]) or more than the limit plus [PageMargin]
// statuses is favorites.ErrMalformedReply, naming the item and the cap; a
// field a status leaves out is its zero value. A body over
// [DefaultMaxBodySize] is refused, and decoding allocates at most 8 bytes
// for each reply byte plus [ItemCost] a status and [ListItemCost] an item
// of a list in one: [Status.Raw] is the reply's own bytes, never a copy.
//
// Rate limits: each [favorites.Response] carries the X-RateLimit-* figures
// in its Rate field. When X-RateLimit-Remaining reaches 0 the next request
// waits until X-RateLimit-Reset instead of earning a 429, and a 429 (which
// Mastodon sends without Retry-After) is retried after that reset, within the
// retry policy's MaxWait.
//
// Errors are [*favorites.APIError] values with the server's "error" and
// "error_description" text, matching favorites.ErrUnauthorized (401, a bad
// token), ErrForbidden (403, a missing scope), ErrNotFound (404),
// ErrUnprocessable (422, an app token with no user), ErrRateLimited (429) and
// ErrServer (5xx).
//
// The package mastodontest holds a stateful fake server for tests.
package mastodon
