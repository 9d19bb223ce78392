// Package playplay is a typed client of PlayPlay's media favourites API, and
// its adapter to the portable [favorites.Favorites] and
// [favorites.ChangeLister] interfaces. Both keep the rules below; the
// methods' docs add only what is theirs alone.
//
// PlayPlay has no public developer documentation beyond the favourites API
// document this package follows, docs/api/playplay.md in this repository
// (docs/api/README.md adds what it leaves unsaid), so the package follows
// that document to the letter, including its two spellings of the path:
// the list and the delete go to api/v2/users/me/favorites, the store to
// /api/v2/user/me/favorites (singular "user"). There is no public base URL:
// the caller passes it to [New].
//
//	c, err := playplay.New("https://api.playplay.example", token)
//	for m, err := range c.Favorites(nil).All(ctx) { ... } // *Media
//	m, resp, err := c.AddFavorite(ctx, playplay.AddParams{RawMediaID: 30452, Source: "pexels", StockID: "12345"})
//	resp, err = c.RemoveFavorite(ctx, playplay.RemoveByRawMediaID(30452))
//	resp, err = c.RemoveFavorite(ctx, playplay.RemoveByStockID("pexels", "12345"))
//	favs := playplay.NewAdapter(c)
//
// # Refs
//
// A favourite is a media item: an upload (source "upload") or a stock item
// (source "pexels" and the like, which also has the stock library's own
// ID), known by its raw media ID. A [favorites.Ref] for PlayPlay is
// "source:raw_media_id", such as "upload:30452" or "pexels:201" ([MediaRef]):
// Source the source, ID the raw media ID. That is what the store requires
// (raw_media_id and source) and what the delete takes (raw_media_id), and
// it is the one spelling List gives. The stock ID is left out: the store
// takes it only as an option, the delete does not need it, and a ref
// written without it ("pexels:201", as a user or a wanted list would write
// it) could not be given one without asking the server, which Canonical
// must not do. So the long spelling earlier versions listed,
// "pexels:201~3608618", is still read, as "pexels:201", and both name one
// item. A ref without a source, or with an ID that is not a raw media ID,
// is refused with [favorites.ErrInvalidArgument] naming the canonical form.
//
// # Listing and cursors
//
// The listing nests its items one level down, results[0].results, and names
// the next page number in next_page, which is sent back as the query
// parameter page; a null or absent next_page ends it. [Client.Favorites]
// follows it with a [favorites.Pager]. The server picks the page size (the
// document's page holds 10) and names no page-size parameter, so the
// adapter's ListOptions.PageSize is ignored (a negative one is refused).
// The document orders the list by favourite creation and last use.
//
// A page is read strictly, since a short listing would be taken for a
// complete one: one result set, a media list, at most [MaxPageItems] media,
// each with an id, a source and a usable stock ID, and a next_page that is
// the next number or null; anything else is [favorites.ErrMalformedReply],
// naming the item. Any other field a media leaves out is its zero value: a
// media of {"id":1,"source":"upload"} lists.
//
// The Pager's cursor, "playplay.v2.l<page size>.o<read>.a<last refs>" such
// as "playplay.v2.l10.o20.aupload:12-pexels:201", holds the server's page
// size, how far the listing read and the refs of the last media given. A
// listing resumed from it reads the page that held the last media given,
// or the page before (favourites removed above it), or up to 16 pages on
// (favourites added above it), and goes on after it, so no favourite still
// there is skipped. What can repeat: when the last media given have all
// been removed, or moved further, the resumed listing starts again from the
// first page and gives everything again; favourites added before the saved
// point are not given (they belong to the part already listed). A cursor of
// the earlier form "next.size.ref" (such as "3.10.pexels:201") resumes the
// same way; a bare page number, from before that, is refused with
// favorites.ErrInvalidArgument.
//
// Within one walk, a favourite added above the read pushes the rest down,
// and what moves onto the next page is not given twice. A favourite removed
// above the read moves the rest up one, and the media at that page boundary
// is not given by that walk: the pages have no size to ask for (which would
// let them overlap, as e621's do) and no total, so nothing in a reply shows
// it. A listing that must be whole while the user edits the list is read
// again, or compared with [favorites.Diff].
//
// # Marks
//
// [Adapter.Changes] and its typed form [Client.FavoritesSince] give the
// favourites added since a saved mark, newest first and each once, and the
// next mark; "" means "from now": no media, and a mark, for one request.
// They stand on the order of the listing: the document's INDEX section
// ("ordered by favorite created_at AND last_used at") orders it by when
// each favourite was made; it names no direction, and this package
// and playplaytest take it newest first (were it oldest first, no
// call would find anything new), so favourites added since a call sit
// above where that call began. A mark names the first media of the first
// page (up to five), and a call reads page after page from the first until
// it finds them together (driver.AnchorMark): what is above them is new.
// For k new favourites that is at most ceil(k/page)+1 requests while two of
// the mark's media, next to each other, are still favourites; with one left
// it reads to the end of the list.
//
// Nothing added is lost: a favourite added while a call runs lands above
// the first page it read, so the next call gives it. A media of the mark
// removed and stored again is a new favourite, and given again. What is not
// given: a favourite added and removed again between two calls; rarely, the
// new favourites above two of the mark's media stored again in their old
// order; and a new media at a page boundary when a favourite above the page
// being read is removed while a call runs, which moves the later pages up
// one (by this call and the next). Nothing in a reply shows that move: the
// list has page numbers but no page size to ask for and no total, so only
// reading each boundary twice would, doubling the requests. A bot that must
// not miss one lists in full now and then and takes [favorites.Diff].
// Removals are not reported (RemovalsKnown is false): only a full listing
// shows them.
//
// A mark is text to save as it is: "playplay.mark.v2.", a tag of the base
// URL and token, ".a", and the canonical refs of up to five of the newest
// favourites joined by "-", such as
// "playplay.mark.v2.AsHkemDBH1o.aupload:3-pexels:201". It holds no
// credential and is at most a few KiB; marks of the earlier form
// "playplay.mark.v1...." are read. A mark of another provider, version,
// base URL or token, or malformed, is [favorites.ErrStaleMark] and
// [favorites.ErrInvalidArgument], and nothing is sent. A mark none of whose
// media is still a favourite, or whose media are not within
// [MaxChangesPages] pages, is ErrStaleMark: list in full (and
// favorites.Diff) instead.
//
// # Writes
//
// The portable Add stores a ref with its raw media ID and source, and
// Remove deletes it by its raw media ID. Both are idempotent: already a
// favourite is nil for Add; for Remove, a media that is not a favourite
// (the delete's 204) and one the service does not have (its 404
// {"message":"Media not found."}, [ErrMediaNotFound]) are nil. A 404 of
// any other shape is an error, so a wrong base URL is never taken for
// success. Add of a media the service does not have is
// [favorites.ErrNotFound]. A 2xx answer to either means the change
// happened, whatever its body. The typed [Client.AddFavorite] and
// [Client.RemoveFavorite] keep the service's meaning, and their docs say
// what they return.
//
// # Replies and memory
//
// Replies are capped at [DefaultMaxBodySize] (800 KiB;
// favorites.WithMaxBodySize changes it), and decoding one allocates at most
// 8 bytes for each of its bytes plus [ItemCost] for each media.
//
// # Testing
//
// Package playplaytest is a stateful fake of the API for tests; its doc
// shows how to seed it and get its clients.
package playplay
