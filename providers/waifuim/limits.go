package waifuim

// The bounds of one listing. waifu.im does not page: GET /fav answers with
// every favourite of the user at once, so the largest honest reply is a
// user who liked the whole catalogue. The catalogue is small: the images
// of the API document are numbered 7622 and 8008, and ten thousand images
// is a fair ceiling for it. An image's JSON is about 700 bytes with one
// tag (the document's, compact) and about 100 bytes more for each further
// tag, so about 1 KiB for an image with the usual few tags.
//
// The honest ceiling is thus 10,000 images and 10 MiB; the bounds below
// double both, so growth of the catalogue or a wordy image does not trip
// them, while a broken or hostile server cannot make a listing hold
// millions of items or read 32 MiB of JSON.
const (
	// MaxFavorites is the most images a listing may hold: 10,000, the
	// ceiling of the catalogue, times a margin of 2. More is an error
	// matching favorites.ErrMalformedReply.
	MaxFavorites = 20_000

	// DefaultMaxBodySize is the response size cap [New] sets before the
	// caller's options (favorites.WithMaxBodySize overrides it): 10,000
	// images of 1 KiB, times a margin of 2. A larger body is an error
	// matching favorites.ErrResponseTooLarge.
	DefaultMaxBodySize = 20 << 20
)
