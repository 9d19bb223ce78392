package e621

// Paging bounds of GET /favorites.json, as e621 sets them.
const (
	MaxLimit = 320 // the largest page, and the default here
	MaxPage  = 750 // e621 refuses any page past this one
)

// ItemMargin is how many posts beyond the limit asked for a page may hold
// before it is refused as malformed: none. e621 applies the limit in SQL
// (LIMIT on the favourites, one post each), so an honest page never holds
// more, and a page that does is not e621's answer.
const ItemMargin = 0

// MinPostBytes is the shortest JSON a listed post may have. e621 always
// sends every field of a post (about 25, with its file, preview, sample,
// score, nine tag lists, flags and relationships), which even at their
// smallest values come to more than 800 bytes; a listing of items shorter
// than this is not e621's, and refusing them keeps the memory a page costs
// in proportion to its size (each post decodes to about a kilobyte,
// whatever its JSON holds).
const MinPostBytes = 256

// MaxPostBytes is the longest JSON a listed post may have: one at every
// limit e621 sets, at its widest encoding, 2,000 tags (max_tags_per_post)
// of up to 100 characters and a 50,000-character description
// (post_descr_max_size) of characters escaped to six bytes, is about
// 500 KB. A longer item is refused before it is decoded, so that no
// single post makes the decoder's buffer outgrow the page.
const MaxPostBytes = 512 << 10

// Sizes behind MaxBodySize.
const (
	// HeavyPostBytes is a heavy post's JSON: about 1,000 tags and a few
	// kilobytes of description. A typical post is 2 to 4 KB; e621's own
	// limits (2,000 tags, a 50,000-character description) allow about
	// 100 KB, which no whole page comes near.
	HeavyPostBytes = 24 << 10

	// BodyMargin is how many times a page of heavy posts the body cap
	// allows.
	BodyMargin = 2
)

// MaxBodySize is the default cap on a reply's body: a full page of heavy
// posts with BodyMargin to spare, 320 × 24 KiB × 2 = 15 MiB, against 1 MB
// for a typical full page. New passes it before the caller's options, so
// favorites.WithMaxBodySize overrides it (a listing of posts that average
// over 48 KiB, near e621's own limits, needs a larger cap or a smaller
// page size). A larger reply is an error matching
// favorites.ErrResponseTooLarge, never a short page.
const MaxBodySize = MaxLimit * HeavyPostBytes * BodyMargin
