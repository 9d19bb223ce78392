package waifuimtest

import "time"

// Image is an image of the fake's catalogue, as a test seeds it with
// [Server.AddImage]. Its fields are what the service sends of an image;
// when it is listed, liked_at is the listing user's own.
type Image struct {
	ImageID       int64
	Signature     string // such as "85d7aa55941c7087"
	Extension     string // with its dot: ".jpg", ".png", ".gif"
	Favorites     int    // how many users have it as a favourite; the fake keeps it
	DominantColor string // "#rrggbb"
	Source        string
	Artist        *Artist // nil: sent as null
	UploadedAt    time.Time
	IsNSFW        bool
	Width, Height int
	ByteSize      int64
	URL           string
	PreviewURL    string
	Tags          []Tag
}

// Artist is an image's artist. An empty link is sent as null, as the
// service sends one it does not know.
type Artist struct {
	ArtistID                            int64
	Name                                string
	Patreon, Pixiv, Twitter, DeviantArt string
}

// Tag is one of an image's tags.
type Tag struct {
	TagID       int64
	Name        string
	Description string
	IsNSFW      bool
}

func (im *Image) isGIF() bool { return im.Extension == ".gif" }
