package dch

// The limits of one list answer. The service answers every favourite in
// one body, so its size is that of the user's whole list; these numbers
// bound it by what the service can honestly hold.
//
// The Digital Concert Hall's catalogue (its archive of concerts since
// 2008, each split into its works and interviews, plus films and
// documentaries) is of the order of 10,000 items, and a user can favourite
// no more than the catalogue holds: [MaxFavourites] allows twice that. The
// document's entries are 430 to 520 bytes each; [MaxBodySize] allows
// MaxFavourites entries of about 630 bytes, so the largest honest list
// (10,000 entries of the document's size, about 5 MB) sits under it with a
// margin over two.
const (
	// MaxFavourites is the most entries a list answer may hold: twice the
	// catalogue. More is [favorites.ErrMalformedReply].
	MaxFavourites = 20_000

	// MaxBodySize is the default cap on a response body, 12 MiB, which
	// [New] sets before the caller's options: a caller's
	// [favorites.WithMaxBodySize] still replaces it.
	MaxBodySize = 12 << 20
)

// The memory rule of the kit (see package driver), in this provider's
// figures: a list answer holds at most MaxFavourites entries and its body
// at most MaxBodySize bytes, a list inside an entry at most MaxListItems
// items, and decoding it allocates at most 8 bytes for each byte of the
// answer plus ItemCost for each entry.
const (
	// MaxListItems is the most items a JSON list inside an entry may
	// hold. The document's entries hold none, and the listing decodes
	// none: the cap bounds, in the first pass, one the service may add (a
	// concert's performers, say: an orchestra and a chorus are a few
	// hundred). More is [favorites.ErrMalformedReply] naming the entry.
	MaxListItems = 1_000

	// ItemCost is what decoding an entry may allocate beyond 8 bytes a
	// byte of its JSON, however short that is: its Favourite (192 bytes)
	// and the few small values encoding/json makes (the times and
	// templates behind pointers), or for the Adapter the portable
	// Favorite (200) instead. An entry of {"id":"1"} costs about 330.
	ItemCost = 512
)
