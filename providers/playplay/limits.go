package playplay

// The bounds of one reply. The document shows a page of 10 favourites
// (nb_results 10) and names no page-size parameter: the server picks the
// size, so the client cannot ask for one and bounds pages itself.
const (
	// DocumentPageSize is the page size of the document's example.
	DocumentPageSize = 10

	// MaxPageItems is the most media one listing page may hold: ten times
	// the document's page, so a server configured for larger pages still
	// lists, while a page of millions of tiny items is refused as
	// [favorites.ErrMalformedReply] after the 100th instead of being held.
	MaxPageItems = 10 * DocumentPageSize

	// MaxMediaBytes is the largest honest media item: the document's
	// example is about 900 bytes with its data object elided ("…"), so
	// 4 KiB leaves room for the elided metadata and long names and URLs.
	// It sizes DefaultMaxBodySize; no item is refused for its size.
	MaxMediaBytes = 4 << 10

	// MaxListItems is the most items a JSON list inside a media may hold.
	// The document's media hold none in the fields it shows, and the
	// listing decodes none (its data object is elided: a video's
	// renditions might be one); the first pass refuses a longer one as
	// [favorites.ErrMalformedReply] naming the media.
	MaxListItems = 1_000

	// DefaultMaxBodySize is the response size cap [New] sets unless an
	// option says otherwise: the largest honest page, MaxPageItems items
	// of MaxMediaBytes (400 KiB), times 2 for JSON escaping and
	// pretty-printing: 800 KiB, where the SDK's shared default is 32 MiB.
	DefaultMaxBodySize = 2 * MaxPageItems * MaxMediaBytes
)

// ItemCost is what decoding a media of a listing may allocate beyond 8
// bytes for each byte of its JSON, however short that is: its Media inside
// the wire type that reads it (320 bytes), the page's slices of pointers,
// the values behind its pointer fields and, through the Adapter, the
// portable Favorite (200) and its page. A media of {"id":1,"source":"u"}
// costs about 300, and 620 through the Adapter. With the caps above and
// the body cap, that is the kit's memory rule (see package driver) in this
// provider's figures.
const ItemCost = 1024
