package playplay

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/favkit/favorites/internal/rawjson"
	"strconv"
	"time"
)

// Media is one media item as the favourites API sends it.
//
// The document's example shows credit, credit_url, duration, original_url,
// watermarked and download_size only as null, so their types are inferred:
// each is decoded when it has the expected JSON type and left nil otherwise,
// so that a surprise in one of them never fails a whole page. Raw always
// holds the item's JSON as received.
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

	// Raw is the item's JSON exactly as received.
	Raw json.RawMessage `json:"-"`
}

// MediaData is the media's "data" object. The document shows its type and
// subtype and elides the rest; Raw holds all of it.
type MediaData struct {
	Type    string          `json:"type"`
	Subtype string          `json:"subtype"`
	Raw     json.RawMessage `json:"-"`
}

// UnmarshalJSON keeps the object's JSON in Raw.
func (d *MediaData) UnmarshalJSON(data []byte) error {
	type plain MediaData // no methods, so no recursion
	*d = MediaData{}     // as a fresh value: fields data lacks are zero
	if err := rawjson.Unmarshal(data, (*plain)(d)); err != nil {
		return err
	}
	d.Raw = append(json.RawMessage(nil), data...)
	return nil
}

// mediaWire is Media with the fields of inferred type held raw.
type mediaWire struct {
	ID           int64           `json:"id"`
	Type         string          `json:"type"`
	Name         string          `json:"name"`
	Status       string          `json:"status"`
	BrowserURL   string          `json:"browser_url"`
	ThumbnailURL string          `json:"thumbnail_url"`
	Data         MediaData       `json:"data"`
	Source       string          `json:"source"`
	Timestamp    Timestamp       `json:"timestamp"`
	StockID      StockID         `json:"stock_id"`
	Credit       json.RawMessage `json:"credit"`
	CreditURL    json.RawMessage `json:"credit_url"`
	Duration     json.RawMessage `json:"duration"`
	OriginalURL  json.RawMessage `json:"original_url"`
	Watermarked  json.RawMessage `json:"watermarked"`
	Width        int             `json:"width"`
	Height       int             `json:"height"`
	DownloadSize json.RawMessage `json:"download_size"`
	IsFavorite   bool            `json:"is_favorite"`
}

// UnmarshalJSON decodes the item, keeps its JSON in Raw, and reads the fields
// of inferred type leniently (see [Media]).
func (m *Media) UnmarshalJSON(data []byte) error {
	var w mediaWire
	if err := rawjson.Unmarshal(data, &w); err != nil {
		return err
	}
	*m = Media{
		ID: w.ID, Type: w.Type, Name: w.Name, Status: w.Status,
		BrowserURL: w.BrowserURL, ThumbnailURL: w.ThumbnailURL, Data: w.Data,
		Source: w.Source, Timestamp: w.Timestamp, StockID: w.StockID,
		Credit: lenient[string](w.Credit), CreditURL: lenient[string](w.CreditURL),
		Duration: lenient[float64](w.Duration), OriginalURL: lenient[string](w.OriginalURL),
		Watermarked: lenient[bool](w.Watermarked), DownloadSize: lenient[int64](w.DownloadSize),
		Width: w.Width, Height: w.Height, IsFavorite: w.IsFavorite,
		Raw: append(json.RawMessage(nil), data...),
	}
	return nil
}

// lenient decodes raw as a T, or gives nil for null, absent or another type.
func lenient[T any](raw json.RawMessage) *T {
	var v *T
	if json.Unmarshal(raw, &v) != nil {
		return nil
	}
	return v
}

// Ref is the portable reference of this media: see [MediaRef].
func (m *Media) Ref() MediaRef {
	return MediaRef{RawMediaID: m.ID, Source: m.Source, StockID: string(m.StockID)}
}

// StockID is a stock library's ID for a media. The document's example sends
// it as a number while the store parameters declare it a string, so both
// are read; null reads as "".
type StockID string

// UnmarshalJSON reads a JSON string, number or null.
func (s *StockID) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	switch {
	case string(data) == "null":
		*s = ""
	case len(data) > 0 && data[0] == '"':
		var str string
		if err := json.Unmarshal(data, &str); err != nil {
			return err
		}
		*s = StockID(str)
	default:
		var n json.Number
		if err := json.Unmarshal(data, &n); err != nil {
			return fmt.Errorf("stock_id %s is not a string or a number", data)
		}
		*s = StockID(n.String())
	}
	return nil
}

// Timestamp is a time the API sends as a string of Unix seconds, such as
// "1585159188". A number is read too; null or "" is the zero time.
type Timestamp struct{ time.Time }

// UnmarshalJSON reads Unix seconds given as a string or a number.
func (t *Timestamp) UnmarshalJSON(data []byte) error {
	text := string(bytes.Trim(bytes.TrimSpace(data), `"`))
	if text == "null" || text == "" {
		t.Time = time.Time{}
		return nil
	}
	sec, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		return fmt.Errorf("timestamp %s is not Unix seconds", data)
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

// ListResponse is the body of the favourites listing. The items sit one
// level down: Results[0].Results.
type ListResponse struct {
	Results   []ResultSet `json:"results"`
	NbResults int         `json:"nb_results"` // how many result sets: 1 in the document
}

// ResultSet is one page of media with the number of the next page.
type ResultSet struct {
	Results []*Media `json:"results"`

	// NextPage is the page number to ask for next; nil on the last page.
	NextPage *int `json:"next_page"`

	// NbResults is the server's count as it sends it (10 in the document's
	// example of a page).
	NbResults int `json:"nb_results"`
}

// Page returns the listing's page of media and the next page number (0 on
// the last page). A body with no result set is an empty last page.
func (l *ListResponse) Page() (items []*Media, next int) {
	if len(l.Results) == 0 {
		return nil, 0
	}
	rs := l.Results[0]
	if rs.NextPage != nil {
		next = *rs.NextPage
	}
	return rs.Results, next
}

// StoreResponse is the body of a 201 answer to the store: the stored media.
type StoreResponse struct {
	Results   []*Media `json:"results"`
	NbResults int      `json:"nb_results"`
}
