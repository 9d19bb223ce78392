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

// MaxListItems is the most items a JSON list inside a post may hold: its
// tags of a category, its locked tags, sources, pools and children. e621
// refuses a post of more than 2,000 tags (max_tags_per_post, checked by
// Post#tag_count_not_insane) and keeps at most 10 sources (Post's
// normalize_sources takes the first 10); pools and children have no cap
// in e621's code, and no post comes near thousands of them. Twice the tag
// limit leaves room for that; a longer list is refused, naming the post,
// before any post is decoded.
const MaxListItems = 2 * 2000

// The other figures of the kit's memory rule (see package driver): with
// the caps above and MaxBodySize, decoding a page allocates at most 8
// bytes for each byte of the reply plus these for each post and each item
// of a list in one.
const (
	// ItemCost is what a post may cost beyond 8 bytes a byte of its JSON,
	// however short that is: its Post (672 bytes), the page's pointer to
	// it, the values behind its pointer fields, and the portable Favorite
	// the Adapter makes of it (200). Through the Adapter, a page of posts
	// of {"id":1} costs about 890 a post.
	ItemCost = 1536

	// ListItemCost is what an item of a list inside a post may cost
	// beyond 8 bytes a byte of its JSON: a string or an ID (16 or 8
	// bytes), in a list made at its exact length.
	ListItemCost = 16
)

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
