// Package mastodon is the favourites client for Mastodon and servers that
// speak its API, one instance at a time: every instance has its own base
// URL, and its own status IDs.
//
// [New] makes a typed [Client]: [Client.Favourites] lists the caller's
// favourited statuses, [Client.Favourite] and [Client.Unfavourite] change
// one, [Client.Status] looks one up, and [Client.FavouritesSince] gives
// what was favourited since a mark. [NewAdapter] puts the Client behind
// the portable [favorites.Favorites] interface, with [favorites.Checker],
// [favorites.ChangeLister] and [favorites.Verifier]. Both keep the rules
// below; the methods' docs add only what is theirs alone.
//
// The package follows Mastodon's favourites API as docs/api/mastodon.md
// in this repository records it, and Mastodon's source where the two
// differ or the document says nothing (docs/api/README.md lists where).
//
//	c, err := mastodon.New("https://mastodon.social", token) // read:favourites, write:favourites
//	for st, err := range c.Favourites(nil).All(ctx) { ... }   // *Status, newest favourite first
//	st, resp, err := c.Favourite(ctx, "103186075217296344")  // resp.Rate holds X-RateLimit-*
//	sts, mark, err := c.FavouritesSince(ctx, mark)            // added since a saved mark
//	f := mastodon.NewAdapter(c)                               // favorites.Favorites and its extras
//
// # Signing in
//
// A program gets a user's token by OAuth 2's authorization code grant, on
// golang.org/x/oauth2: [NewOAuth], then [OAuth.RegisterApp] once (keep the
// [App]: it revokes the tokens), [OAuth.Authorize] (PKCE S256 where the
// server's RFC 8414 metadata offers it, from Mastodon 4.3),
// [Authorization.Exchange] of the code the user pastes (or
// [Authorization.ExchangeRedirect] for a loopback redirect) and
// [OAuth.Revoke]; [OAuth] gives the rules, and its example the whole
// flow. The app asks for [DefaultScopes]: read:favourites,
// write:favourites, read:search (to move favourites to another instance)
// and read:accounts.
//
// Before a long job, [Client.VerifyCredentials] gives the account a token
// acts for, and [Adapter.Verify] reads the token's scopes from GET
// /oauth/token/info ([Client.Verify]), so a job without one it needs fails
// at its start with a [*favorites.ScopeError] naming it.
// favorites.Restore, favorites.Sync and watch.Added call it first.
//
// # Listing and cursors
//
// Mastodon pages its favourites by internal favourite IDs that no status
// carries (max_id, min_id), so the client follows the rel="next" link the
// server sent and never builds one from the statuses. The page size is
// [MaxLimit], 40, Mastodon's cap, unless asked smaller; more is refused
// before sending. The server sends a next link whenever a page is full,
// so the last page may be empty, which ends the listing cleanly. A next
// link to another host, or another path, fails its page with
// favorites.ErrCrossHostURL and sends nothing there: the token stays on
// the instance.
//
// The Pager's cursor is that next link, page size included, and resumes
// exactly at any page size (PageSize 0 keeps the cursor's): the next page
// is the favourites older than the last one listed, so a favourite removed
// between runs is simply absent and none still there is skipped.
// Favourites made after the listing began (a re-favourite too) are newer
// than the cursor and show in a fresh listing, not in the resumed one.
// Nothing repeats, except the rest of a page that a loop over
// [favorites.Pager.All] left in the middle, and a status unfavourited a
// moment ago (Mastodon applies that in the background).
//
// # Marks
//
// [Client.FavouritesSince] and [Adapter.Changes] give the favourites added
// since a saved mark, newest favourite first, each once, and the next
// mark. They stand on three rules of Mastodon's source:
//
//   - A user's favourites are ordered by the favourite's own ID, which a
//     sequence gives each new favourite (a re-favourite too), so it grows
//     with time (app/controllers/api/v1/favourites_controller.rb pages
//     account_favourites by id; db/schema.rb gives favourites a bigint
//     serial id, indexed with account_id).
//   - min_id gives the favourites just above it, strictly: the limit oldest
//     ones with a greater ID, sent newest first
//     (app/models/concerns/paginable.rb, paginate_by_min_id, reversed by
//     to_a_paginated_by_id).
//   - Every non-empty page has a rel="prev" link whose min_id is the page's
//     newest favourite ID, and a full page a rel="next" link
//     (favourites_controller.rb, prev_path and records_continue?).
//
// So the mark is the newest favourite ID the server's rel="prev" link
// named, and a run asks for min_id=<mark>, then for the min_id of each
// page's prev link, until a page is not full: k new favourites cost
// floor(k/40)+1 requests whatever the list's length (1,000 favourites and
// 3 new: one request). The empty mark means "from now": no statuses, and a
// mark of the newest favourite, in one request. A mark made on an empty
// list starts the next run at the bottom: it walks the whole list by the
// next links, ceil(k/40) requests plus one when the last page is full.
//
// A favourite made while a run goes on is above every page already read:
// that run's later pages, or the next run, list it. One made and removed
// between two runs is never seen, and removals are not reported at all
// (RemovalsKnown is false): find them with a full listing and
// [favorites.Diff]. A run that fails returns no mark: call again with the
// old one, and nothing is lost or repeated. A non-empty page without a
// usable prev link is favorites.ErrMalformedReply, and a prev link that
// does not move up favorites.ErrPaginationLoop.
//
// A mark is text of at most 90 bytes, holding no credential:
//
//	mastodon.v1.i<account>.m<favourite ID>   such as mastodon.v1.iq2Xo0b1Ui5E.m104233
//	mastodon.v1.i<account>.e                 the list was empty when marked
//
// where <account> is a digest of the base URL and the token
// (driver.AccountTag). Text that is not such a mark is
// [favorites.ErrStaleMark] and [favorites.ErrInvalidArgument]; a mark of
// another instance, account or token is ErrStaleMark; neither sends
// anything.
//
// # Refs and writes
//
// A favourite's [favorites.Ref] is {ID: status ID}, with no Source: the ID
// exactly as the server lists it, the one spelling. Mastodon IDs are
// strings (numeric on Mastodon, not on every server), so no other form can
// be made canonical without asking the server. A ref with a Source, and an
// all-digit ID with a leading zero or a sign (Mastodon reads "0123" as the
// status 123, so the two would be one item under two refs), are refused
// with [favorites.ErrInvalidArgument] naming the canonical ref.
//
// The portable Add of an unknown status, or one the
// caller may not see, is [favorites.ErrNotFound]. The portable Remove of a
// status that is not a favourite is nil (Mastodon answers it with the
// status), and so is one the server no longer has: a deleted status takes
// its favourites with it, and its 404 {"error":"Record not found"} is
// [favorites.ErrNoSuchItem]. Any other 404 is an error,
// {"error":"Not Found"} included, which Mastodon also sends for a path it
// has no route for. A 2xx answer means the change happened, even with a
// cut or garbled body: the portable calls take it as done, and
// [Client.Favourite] says what the typed calls return.
//
// # Moving favourites to another instance
//
// A status ID is the instance's own, so a backup's refs mean nothing on
// another instance. [Client.ResolveStatus] finds a status of any instance
// on the client's by its URI (GET /api/v2/search with q=<uri>,
// type=statuses, resolve=true and limit=1; scope read or read:search), and
// [Resolver] makes it the Resolve of [favorites.RestoreOptions], so that
// [favorites.Restore] moves a backup's favourites: a favourite of the
// target's own instance keeps its ref and costs no search. Mastodon
// answers an empty result for a status deleted since, private, unknown or
// whose server cannot be reached (app/services/search_service.rb,
// app/services/resolve_url_service.rb), and 403 "This action is not
// allowed" for one it fetched but the caller may not see: each is
// [favorites.ErrNotFound], reported by Restore as not found, never as
// moved. Resolving needs a signed-in user: no token or an app token is a
// 401. More than [MaxSearchStatuses] statuses in an answer is
// [favorites.ErrMalformedReply].
//
// # Replies and memory
//
// A page that is not a JSON array, holds a null status, a status without a
// usable ID, a boost of a boost (Mastodon always boosts the original), a
// list over its cap ([MaxShortList], [MaxLongList]) or more than the limit
// plus [PageMargin] statuses is favorites.ErrMalformedReply, naming the
// item and the cap. [] is an empty page, and a field a status leaves out is
// its zero value: a status of {"id":"1"} lists.
//
// A body over [DefaultMaxBodySize] (10 MiB; favorites.WithMaxBodySize
// replaces it) is refused unread, and decoding a page allocates at most 8
// bytes for each reply byte plus [ItemCost] a status and [ListItemCost] an
// item of a list in one, whatever its shape. [Status.Raw] is the status's
// bytes in the reply, never a copy, and a boost's Reblog.Raw a part of
// them; json.Unmarshal into a Status leaves Raw empty, [DecodeStatus] and
// [DecodeStatuses] set it.
//
// A [favorites.Favorite] made of a status ([ToFavorite]) has the status
// text with its HTML stripped ([PlainText]) as its Title, up to
// [MaxTitleLength] characters; [favorites.Favorite.As] gives back the
// *Status.
//
// # Rate limits
//
// Each [favorites.Response] carries the X-RateLimit-* figures in its Rate
// field. When X-RateLimit-Remaining reaches 0 the next request waits until
// X-RateLimit-Reset instead of earning a 429, and a 429 (which Mastodon
// sends without Retry-After) is retried after that reset, within the retry
// policy's MaxWait. [New] also paces requests with a client-side limiter.
//
// # Errors
//
// Errors are [*favorites.APIError] values with the server's "error" and
// "error_description" text, matching favorites.ErrUnauthorized (401, a bad
// token), ErrForbidden (403, a missing scope), ErrNotFound (404),
// ErrUnprocessable (422, an app token with no user), ErrRateLimited (429)
// and ErrServer (5xx).
//
// # Testing
//
// Package mastodontest is a stateful fake instance, for tests: it serves
// the favourites, the statuses, the sign-in and the rate-limit headers as
// Mastodon does, and its doc shows how to seed it and get its clients.
package mastodon
