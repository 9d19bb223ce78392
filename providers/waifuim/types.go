package waifuim

import (
	"encoding/json"
	"time"

	"github.com/favkit/favorites/driver"
)

// Image is one image as waifu.im describes it.
type Image struct {
	Signature     string    `json:"signature"`      // the file's signature, such as "85d7aa55941c7087"
	Extension     string    `json:"extension"`      // with its dot: ".jpg", ".png", ".gif"
	ImageID       int64     `json:"image_id"`       // what insert, delete and toggle take
	Favorites     int       `json:"favorites"`      // how many users have it as a favourite
	DominantColor string    `json:"dominant_color"` // "#rrggbb"
	Source        string    `json:"source"`         // where the artwork was published
	Artist        *Artist   `json:"artist"`         // nil when unknown
	UploadedAt    time.Time `json:"uploaded_at"`
	LikedAt       time.Time `json:"liked_at"` // when the user made it a favourite
	IsNSFW        bool      `json:"is_nsfw"`
	Width         int       `json:"width"`
	Height        int       `json:"height"`
	ByteSize      int64     `json:"byte_size"`
	URL           string    `json:"url"`
	PreviewURL    string    `json:"preview_url"`
	Tags          []Tag     `json:"tags"`

	// Raw is the image's JSON exactly as the listing held it: a sub-slice
	// of the reply, set by [Client.Favorites], never a copy. Decoding an
	// Image yourself with encoding/json leaves it empty.
	Raw json.RawMessage `json:"-"`
}

// FavoriteProvider names the provider whose favourites a Image is: it lets
// [favorites.Favorite.As] decode a favourite's Raw into one.
func (*Image) FavoriteProvider() string { return ProviderName }

// IsGIF reports whether the image is an animated GIF.
func (im *Image) IsGIF() bool { return im.Extension == ".gif" }

// Artist is an image's artist. Links the service does not know are empty.
type Artist struct {
	ArtistID   int64  `json:"artist_id"`
	Name       string `json:"name"`
	Patreon    string `json:"patreon"`
	Pixiv      string `json:"pixiv"`
	Twitter    string `json:"twitter"`
	DeviantArt string `json:"deviant_art"`
}

// Tag is one of an image's tags.
type Tag struct {
	TagID       int64  `json:"tag_id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	IsNSFW      bool   `json:"is_nsfw"`
}

// ImagesResponse is the body of GET /fav. Images is the reply's JSON array
// as it came, not yet decoded. [Client.Favorites] finds the array in the
// reply's own bytes and decodes it image by image, refusing a body without
// it (see [MaxFavorites]).
type ImagesResponse struct {
	Images driver.RawJSON `json:"images"`
}

// State is what insert, delete and toggle report.
type State string

// The states the service answers with.
const (
	StateInserted State = "INSERTED"
	StateDeleted  State = "DELETED"
)

// StateResponse is the body of insert, delete and toggle.
type StateResponse struct {
	State State `json:"state"`
}
