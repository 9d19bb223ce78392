// Package waifuim is the favorites SDK's client for waifu.im
// (https://api.waifu.im): a typed [Client] for the /fav endpoints and an
// [Adapter] that puts it behind the portable [favorites.Favorites]
// interface, with [favorites.Toggler], [favorites.Checker] and
// [favorites.ChangeLister]. Both keep the rules below; the methods' docs
// add only what is theirs alone.
//
// The package follows waifu.im's API document, docs/api/waifuim.md in this
// repository, and the service's source (Waifu-im/waifu-api) where the live
// service differs from it; docs/api/README.md lists where.
//
//	c, err := waifuim.New(token) // Accept-Version: v5, 5 requests a second
//	images := c.Favorites(&waifuim.FavoritesQuery{ // sends when read
//		IncludedTags: []string{"maid"}, NSFW: waifuim.NSFWFalse, GIF: waifuim.Bool(false),
//		OrderBy: waifuim.OrderUploadedAt, Width: waifuim.AtLeast(2000),
//	})
//	for im, err := range images.All(ctx) { ... } // *Image
//	state, resp, err := c.Insert(ctx, waifuim.Edit{ImageID: 8108})
//	favs := waifuim.NewAdapter(c)
//
// # Listing
//
// waifu.im answers every matching favourite in one response, so there is
// no paging: [Client.Favorites] and the adapter's List give a Pager of one
// page, with nothing to resume. Its Cursor is empty once read, a non-empty
// cursor is refused, and a listing cut short is simply run again: nothing
// to skip or repeat. As everywhere in this SDK, a listing sends nothing
// until its Pager is read, and typed calls return their value, then the
// [*favorites.Response], then the error. Every documented filter is a
// typed field of [FavoritesQuery]; a bad value is refused before sending
// (the Pager's first page is favorites.ErrInvalidArgument).
//
// The service answers an empty result with 404 "No image found matching
// the criteria given."; that answer, and only that one, is an empty list.
// Any other 404 (an HTML page, an empty one, the {"detail":"Not Found"} of
// a wrong path) is an error. A 200 that is not a whole list of images is
// favorites.ErrMalformedReply, naming the image's position and the cap: an
// empty or null body, one without "images" or with "images" not an array,
// an empty array (the service says "nothing" with its 404 only), an image
// without a positive image_id, more than [MaxFavorites] images, or more
// than [MaxListItems] tags in one. A field an image leaves out is its zero
// value: an image of {"image_id":1} lists.
//
// # Refs and writes
//
// A ref is the image ID in decimal with no leading zero and no source, such
// as "7622"; leading zeros are accepted and made canonical, anything else
// is refused with [favorites.ErrInvalidArgument] naming the canonical form.
// Insert, delete and toggle take the image ID ([Edit]). The portable Add
// and Remove are idempotent: Insert's 409 (already a favourite) is nil for
// Add, and the service's own 404 for an image that is not a favourite or
// does not exist ("do not exist or it is not in the user favorites", "does
// not exist") is nil for Remove; Add of an unknown image is
// [favorites.ErrNotFound]. A 2xx to either means the change was made,
// whatever its body.
//
// The live server takes POST /fav/delete where the document says DELETE;
// [Client.Delete] says how it sends both. [Client.Toggle] flips a
// favourite, so a repeat would undo it: its doc says when it is retried.
//
// # Marks
//
// [Client.Changes] and the adapter's Changes say what was liked and what
// removed since a saved mark, in exactly one GET /fav?order_by=LIKED_AT
// whatever the list's size. They stand on two rules of the service: GET
// /fav answers a user's whole list in one response, with no paging and no
// limit (Waifu-im/waifu-api database/queries.go, FetchImages, adds no LIMIT
// when a user's favourites are asked; docs/api/waifuim.md), and
// order_by=LIKED_AT lists them most recently liked first
// (database/formating.go, FormatOrderBy: "ORDER BY liked_at DESC"; the /fav
// route's default in api/controllers/image/image_controller.go). The first
// makes the answer the whole set, so what is added and what is removed are
// both known (RemovalsKnown); the second orders Added, most recently liked
// first. The empty mark means "from now": no changes, just a first mark.
//
// Since the new mark is the set the answer held, a favourite liked while
// the call runs is in this answer or in the next call's, never in neither.
// A favourite liked and removed again between two calls is in neither; one
// removed and liked again between them is in neither Added nor Removed,
// since the set is the same. A favourite whose image the service hides or
// puts under review drops out of /fav and shows as removed.
//
// A mark, "waifuim.mark.v1.<account>.<set>" (driver.SetMark), is opaque
// text, safe to store: the list's image IDs, packed (a few KiB for 1,000),
// so bounded by [MaxFavorites], and a digest of base URL and token, never
// the token. Text that is not a waifu.im mark is [favorites.ErrStaleMark]
// and [favorites.ErrInvalidArgument]; a mark of another provider, token or
// base URL is ErrStaleMark; neither sends anything. A mark made with
// another token of the same user is refused too, since the client cannot
// tell whose a token is without asking: after a change of token, start
// again from "" (and list in full if nothing may be missed).
//
// # Replies and memory
//
// Each image's Raw is its bytes in the reply, not a copy. A body over
// [DefaultMaxBodySize] (20 MiB; favorites.WithMaxBodySize replaces it) is
// refused, and decoding a reply allocates at most 8 bytes for each of its
// bytes plus [ItemCost] an image and [ListItemCost] a tag, whatever its
// shape.
//
// # Rate limits and errors
//
// [New] paces requests to the service's rate ([DefaultRateLimiter]), and a
// 429's Retry-After is waited out. Errors are [*favorites.APIError] values
// with the service's "detail" text: a 409 on insert matches
// favorites.ErrConflict and favorites.ErrAlreadyFavorited, and the others
// the sentinels of their status.
//
// # Testing
//
// Package waifuimtest is a stateful fake of the service for tests, in its
// live or its documented answers; its doc shows how to seed it and get its
// clients.
package waifuim
