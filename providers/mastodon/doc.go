// Package mastodon is the favourites client for Mastodon and servers that
// speak its API (one instance at a time: every instance has its own base URL).
//
// [New] makes a typed [Client]: [Client.Favourites] lists the caller's
// favourited statuses by following the server's Link header,
// [Client.Favourite] and [Client.Unfavourite] change one, and
// [Client.Status] looks one up. [NewAdapter] wraps the Client in the
// portable [favorites.Favorites] interface (plus [favorites.Checker] and
// [favorites.ChangeLister]).
//
// Moving favourites: a status ID is the instance's own, so
// [Client.ResolveStatus] finds a status of any instance on the client's by
// its URI (Mastodon's search with resolve=true), and [Resolver] makes it a
// [favorites.RestoreOptions] Resolve, so that [favorites.Restore] moves a
// backup's favourites to another instance.
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
// a status without a usable ID, a boost of a boost, or more than the limit
// plus [PageMargin] statuses is favorites.ErrMalformedReply; a body over
// [DefaultMaxBodySize] is refused; decoding holds under 8 bytes per reply
// byte, since [Status.Raw] is the reply's own bytes, never a copy.
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
