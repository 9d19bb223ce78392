package waifuimtest

import "time"

// The fake's own JSON shapes, so that what it sends is the service's wire
// format and not whatever the SDK's types would encode. Unknown artist
// links are null, as the service sends them.

type wireImages struct {
	Images []wireImage `json:"images"`
}

type wireImage struct {
	Signature     string      `json:"signature"`
	Extension     string      `json:"extension"`
	ImageID       int64       `json:"image_id"`
	Favorites     int         `json:"favorites"`
	DominantColor string      `json:"dominant_color"`
	Source        string      `json:"source"`
	Artist        *wireArtist `json:"artist"`
	UploadedAt    time.Time   `json:"uploaded_at"`
	LikedAt       time.Time   `json:"liked_at"`
	IsNSFW        bool        `json:"is_nsfw"`
	Width         int         `json:"width"`
	Height        int         `json:"height"`
	ByteSize      int64       `json:"byte_size"`
	URL           string      `json:"url"`
	PreviewURL    string      `json:"preview_url"`
	Tags          []wireTag   `json:"tags"`
}

type wireArtist struct {
	ArtistID   int64   `json:"artist_id"`
	Name       string  `json:"name"`
	Patreon    *string `json:"patreon"`
	Pixiv      *string `json:"pixiv"`
	Twitter    *string `json:"twitter"`
	DeviantArt *string `json:"deviant_art"`
}

type wireTag struct {
	TagID       int64  `json:"tag_id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	IsNSFW      bool   `json:"is_nsfw"`
}

type wireState struct {
	State string `json:"state"`
}

func toWire(images []liked) wireImages {
	out := wireImages{Images: make([]wireImage, len(images))}
	for i, im := range images {
		tags := make([]wireTag, len(im.Tags))
		for j, t := range im.Tags {
			tags[j] = wireTag(t)
		}
		out.Images[i] = wireImage{Signature: im.Signature, Extension: im.Extension, ImageID: im.ImageID,
			Favorites: im.Favorites, DominantColor: im.DominantColor, Source: im.Source,
			Artist: wireArtistOf(im.Artist), UploadedAt: im.UploadedAt, LikedAt: im.at, IsNSFW: im.IsNSFW,
			Width: im.Width, Height: im.Height, ByteSize: im.ByteSize, URL: im.URL, PreviewURL: im.PreviewURL,
			Tags: tags}
	}
	return out
}

func wireArtistOf(a *Artist) *wireArtist {
	if a == nil {
		return nil
	}
	link := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	return &wireArtist{ArtistID: a.ArtistID, Name: a.Name, Patreon: link(a.Patreon), Pixiv: link(a.Pixiv),
		Twitter: link(a.Twitter), DeviantArt: link(a.DeviantArt)}
}
