// Package driver is the kit for writing a favorites provider: the HTTP client
// every provider shares, the pagers for each paging scheme, the decoding of
// listings within a memory bound, and the checks of IDs. Programs that only
// use the providers never need it; package favorites is theirs.
//
// A provider package builds one [Client] with [New], from a [Config] of what
// is the provider's alone (its name, its [Credential], its [ErrorDecoder])
// and the caller's favorites.Option values on top of its own defaults. Every
// request goes through [Client.NewRequest] and [Client.Do], which apply the
// credential (only ever to the base URL), the User-Agent, the rate limiter,
// the retry policy and the body cap, and turn an error status into a
// *favorites.APIError with the credential scrubbed from it.
//
// A typed listing returns a *favorites.Pager built by the helper for the
// service's paging: [LinkPager] (a Link header's rel="next"),
// [AnchoredList] (numbered pages, newest first), [SinglePage] (one answer), or
// favorites.NewPager for any other scheme; favorites.MapPager turns it into
// the adapter's Pager of favorites.Favorite. [DecodeItems] decodes a page's
// items from the reply's own bytes, refusing pages the service would never
// send before it builds a value for them.
//
// A service that pages its list by number, newest first (page and limit,
// or pages of its own size), is walked by an [AnchoredList]: the provider
// gives its page fetch, an item's ID and its cursor's prefix, and gets a
// Pager that keeps its place by the last items read while the list moves
// and resumes from its cursor; an [AnchorMark] on the same list gives its
// Changes.
//
// # Memory
//
// What a reply costs is bounded by one rule, the same for every provider:
//
//   - counts are capped: the items of a page ([ItemRules].Max: the page
//     size asked for, with the provider's margin) and the items of every
//     JSON array inside an item (ItemRules.MaxNested: the service's own
//     limit on its longest list, with a margin), each cap documented by
//     the provider with where its number comes from;
//   - the body is capped (favorites.WithMaxBodySize, over the provider's
//     default);
//   - decoding allocates at most 8 bytes for each byte of the reply, plus
//     a constant for each item (of the page, or of a list inside one),
//     which each provider documents (its ItemCost, and ListItemCost where
//     it decodes the lists in an item); drivertest.DecodeRule checks it,
//     and each provider's DecodeCost tests hold its hostile shapes to it.
//
// An item is refused only when it is not the JSON type the service sends
// or has no usable ID: a field it leaves out is its zero value, as
// encoding/json leaves it, and no item is refused for its size, nor by a
// Go type's size, so a test's small hand-written body lists as a real one
// does. [DecodeItems]'s first pass finds the list (ItemRules.Path), counts
// it and the lists in its items against the caps and checks the nesting
// ([MaxJSONDepth]) before any value is built, allocating nothing; a
// provider whose one-pass reader finds the bounds as it reads keeps the
// same caps inline, refusing a list at the item past its cap.
//
// An adapter that can list what changed since a mark implements
// favorites.ChangeLister; a service that answers its whole list in one
// request gets its marks and its added and removed items from [SetMark] and
// [SetChanges].
//
// # The portable adapter
//
// The portable contract of favorites.Favorites is kept once, by [Adapter]:
// a provider describes itself in a [Spec] (its name, the canonical form of
// a ref, its typed listing and the mapping of an item to a
// favorites.Favorite, its typed add and remove, and, where the service
// has them, Changes, IsFavorite, Toggle and Verify), and [NewAdapter]
// does the rest: canonical refs before every write, "already a
// favourite" and the service's own "no such item"
// (favorites.ErrNoSuchItem, which the provider's [ErrorDecoder] marks) as
// done, a 2xx as done, the page-size cap, no cursor where a listing has
// none, another provider's mark refused before sending, and the
// provider's name on every error. The provider's exported Adapter type
// holds the kit's and hands each method of the interfaces it implements
// on to it, with a doc comment of its own.
//
// # Writing a provider
//
// A provider is a package under providers/ with these files (DCH's are the
// smallest, e621's and PlayPlay's show a paged service, and the NewAdapter
// example is a whole provider of a paged service in one file):
//
//   - doc.go: the package doc, which holds the service's rules: what it
//     answers, refs and their canonical form, paging, cursors and marks,
//     errors, caps;
//   - client.go: the typed Client, made by New over [New] with a [Config]
//     (name, [BearerToken] or [BasicAuth], the error decoder, defaults);
//   - errors.go: the [ErrorDecoder], marking the service's own answers
//     (favorites.ErrAlreadyFavorited, favorites.ErrNoSuchItem);
//   - the typed types and their decoding, within the memory rule above
//     ([DecodeItems] with [ItemRules]), and limits.go with the caps and
//     the per-item cost, each with where its number comes from;
//   - the typed listing on the pager of the service's paging, and its
//     marks ([SetMark], or an [AnchorMark] on an [AnchoredList]);
//   - adapter.go: the [Spec], [NewAdapter], and the Adapter type's
//     methods;
//   - <name>test/: a fake of the service for tests, with wire types of
//     its own, Client and AddAccount as the other fakes have, and
//     favoritestest.Faults for the conformance suite;
//   - conformance_test.go: drivertest.Run with a harness for the fake;
//     the suite makes its malformed and hostile pages from the harness's
//     item shape, so the harness lists none.
package driver
