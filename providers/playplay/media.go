package playplay

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/favkit/favorites/driver"
)

// Media is one media item as the favourites API sends it.
//
// The document's example shows credit, credit_url, duration, original_url,
// watermarked and download_size only as null, so their types are inferred:
// each is decoded when it has the expected JSON type and left nil otherwise,
// so that a surprise in one of them never fails a whole page. Raw always
// holds the item's JSON as received, data object included.
type Media struct {
	ID           int64     `json:"id"` // the raw media ID
	Type         string    `json:"type"`
	Name         string    `json:"name"`
	Status       string    `json:"status"`
	BrowserURL   string    `json:"browser_url"`
	ThumbnailURL string    `json:"thumbnail_url"`
	Data         MediaData `json:"data"`
	Source       string    `json:"source"` // "upload", or a stock library such as "pexels"
	Timestamp    Timestamp `json:"timestamp"`
	StockID      StockID   `json:"stock_id"` // empty for uploads
	Credit       *string   `json:"credit"`
	CreditURL    *string   `json:"credit_url"`
	Duration     *float64  `json:"duration"` // seconds, for video and audio
	OriginalURL  *string   `json:"original_url"`
	Watermarked  *bool     `json:"watermarked"`
	Width        int       `json:"width"`
	Height       int       `json:"height"`
	DownloadSize *int64    `json:"download_size"`
	IsFavorite   bool      `json:"is_favorite"`

	// Raw is the item's JSON exactly as received. In a listing it is the
	// item's bytes within the reply, not a copy of them.
	Raw json.RawMessage `json:"-"`
}

// FavoriteProvider names the provider whose favourites a Media is: it lets
// [favorites.Favorite.As] decode a favourite's Raw into one.
func (*Media) FavoriteProvider() string { return ProviderName }

// MediaData is the media's "data" object. The document shows its type and
// subtype and elides the rest, which the Media's Raw holds.
type MediaData struct {
	Type    string `json:"type"`
	Subtype string `json:"subtype"`
}

// mediaFields is Media without its methods, so that decoding into it uses
// the struct tags.
type mediaFields Media

// mediaWire is how an item is decoded: Media's own fields, with the fields
// of inferred type (which shadow Media's, being shallower) read leniently.
// Decoding writes straight into the Media inside it, so an item costs one
// allocation and no second pass over its bytes.
type mediaWire struct {
	mediaFields
	Credit       lenientString `json:"credit"`
	CreditURL    lenientString `json:"credit_url"`
	Duration     lenientFloat  `json:"duration"`
	OriginalURL  lenientString `json:"original_url"`
	Watermarked  lenientBool   `json:"watermarked"`
	DownloadSize lenientInt    `json:"download_size"`
}

// media returns the Media inside w, its lenient fields filled in.
func (w *mediaWire) media() *Media {
	m := (*Media)(&w.mediaFields)
	m.Credit, m.CreditURL, m.OriginalURL = w.Credit.v, w.CreditURL.v, w.OriginalURL.v
	m.Duration, m.Watermarked, m.DownloadSize = w.Duration.v, w.Watermarked.v, w.DownloadSize.v
	return m
}

// UnmarshalJSON decodes one item on its own, such as a saved Favorite.Raw,
// reading the fields of inferred type leniently (see [Media]) and keeping a
// copy of data in Raw, since data is the caller's. Listings do not come
// through here: they decode each item once and keep its bytes in the reply.
func (m *Media) UnmarshalJSON(data []byte) error {
	var w mediaWire
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*m = *w.media()
	m.Raw = append(json.RawMessage(nil), data...)
	return nil
}

// Ref is the canonical reference of this media: see [MediaRef].
func (m *Media) Ref() MediaRef {
	return MediaRef{RawMediaID: m.ID, Source: m.Source}
}

// check refuses a media that no ref can name, or whose ref the adapter's
// own Add would refuse: no id, no usable source, a stock ID that could
// change a request.
func (m *Media) check() error {
	if m.ID < 1 {
		return fmt.Errorf("id %d is not a raw media ID", m.ID)
	}
	if err := driver.CheckID("source", m.Source); err != nil {
		return err
	}
	if m.StockID != "" {
		return driver.CheckID("stock_id", string(m.StockID))
	}
	return nil
}

// StockID is a stock library's ID for a media. The document's example sends
// it as a number while the store parameters declare it a string, so both
// are read; null reads as "".
type StockID string

// UnmarshalJSON reads a JSON string, number or null.
func (s *StockID) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if string(data) == "null" {
		*s = ""
		return nil
	}
	if str, ok := jsonString(data); ok {
		*s = StockID(str)
		return nil
	}
	if len(data) > 0 && (data[0] == '-' || data[0] >= '0' && data[0] <= '9') && json.Valid(data) {
		*s = StockID(data)
		return nil
	}
	return fmt.Errorf("stock_id %.40s is not a string or a number", data)
}

// Timestamp is a time the API sends as a string of Unix seconds, such as
// "1585159188". A number is read too; null or "" is the zero time.
type Timestamp struct{ time.Time }

// UnmarshalJSON reads Unix seconds given as a string or a number.
func (t *Timestamp) UnmarshalJSON(data []byte) error {
	text := bytes.Trim(bytes.TrimSpace(data), `"`)
	if string(text) == "null" || len(text) == 0 {
		t.Time = time.Time{}
		return nil
	}
	sec, err := strconv.ParseInt(string(text), 10, 64)
	if err != nil {
		return fmt.Errorf("timestamp %.40s is not Unix seconds", data)
	}
	t.Time = time.Unix(sec, 0).UTC()
	return nil
}

// MarshalJSON writes the API's form: Unix seconds as a string.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(strconv.FormatInt(t.Unix(), 10))
}

// errNullMedia refuses a null where a media was due.
var errNullMedia = errors.New("null where a media was due")
