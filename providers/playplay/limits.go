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
	MaxMediaBytes = 4 << 10

	// MinMediaBytes is the smallest listed media accepted. The document's
	// media carry nineteen keys, 277 bytes of JSON with every value empty
	// or null; 56, a fifth of that, still lists a server that drops most
	// of them. The bound keeps a page's memory within
	// drivertest.MaxHeldPerReplyByte times its bytes: a Media costs 320
	// bytes however short its JSON, 5.7 per byte of a 56-byte item, where
	// a page of {"id":1,"source":"u"} (22 bytes an item) would cost 14.
	MinMediaBytes = 56

	// DefaultMaxBodySize is the response size cap [New] sets unless an
	// option says otherwise: the largest honest page, MaxPageItems items
	// of MaxMediaBytes (400 KiB), times 2 for JSON escaping and
	// pretty-printing: 800 KiB, where the SDK's shared default is 32 MiB.
	DefaultMaxBodySize = 2 * MaxPageItems * MaxMediaBytes
)
