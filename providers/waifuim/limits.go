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

// The other figures of the kit's memory rule (see package driver) for a
// listing: with MaxFavorites and DefaultMaxBodySize, they bound what
// decoding one costs.
const (
	// MaxListItems is the most items a JSON list inside an image may hold.
	// An image's only list is its tags, each a tag of the service's
	// catalogue once (waifu-api's image-tag table is keyed by the image
	// and the tag), and the catalogue's GET /tags lists a couple of dozen;
	// 100 leaves room for it to grow fourfold. A longer list is an error
	// matching favorites.ErrMalformedReply, naming the image.
	MaxListItems = 100

	// ItemCost is what decoding an image of a listing may allocate beyond
	// 8 bytes for each byte of its JSON, however short that is: its Image
	// (248 bytes), its Artist (88) and the portable Favorite the Adapter
	// makes of it (200). An image of {"image_id":1}, with an empty artist
	// or without, costs about 310 more than its bytes allow.
	ItemCost = 768

	// ListItemCost is what each item of a list inside an image may cost
	// beyond 8 bytes for each byte of its JSON: a Tag (48 bytes), with
	// the room encoding/json leaves as it grows the list (about 160 a tag
	// of {} in a list of MaxListItems), or encoding/json's error for a
	// tag of the wrong type, made for each before the image is refused
	// (about 320).
	ListItemCost = 512
)
