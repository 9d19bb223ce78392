package playplaytest

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// Media is one item of the fake's media library.
type Media struct {
	ID      int64  // the raw media ID
	Type    string // "image", "video", ...
	Subtype string // "jpeg", "mp4", ...
	Name    string
	Source  string // "upload", or a stock library such as "pexels"
	StockID string // the stock library's ID; empty for uploads
	Width   int
	Height  int
	Created time.Time // sent as timestamp, Unix seconds in a string
}

// sampleTime is the document's example timestamp, 1585159188.
var sampleTime = time.Unix(1585159188, 0).UTC()

// Upload returns an uploaded JPEG image with raw media ID id.
func Upload(id int64) Media {
	return Media{ID: id, Type: "image", Subtype: "jpeg", Name: fmt.Sprintf("upload-%d.jpeg", id),
		Source: "upload", Width: 867, Height: 1300, Created: sampleTime}
}

// Stock returns a stock JPEG image with raw media ID id from library source
// (such as "pexels") where its ID is stockID.
func Stock(id int64, source, stockID string) Media {
	return Media{ID: id, Type: "image", Subtype: "jpeg", Name: fmt.Sprintf("%s-photo-%s.jpeg", source, stockID),
		Source: source, StockID: stockID, Width: 867, Height: 1300, Created: sampleTime}
}

// wireMedia is a media as the document shows it, field for field.
type wireMedia struct {
	ID           int64           `json:"id"`
	Type         string          `json:"type"`
	Name         string          `json:"name"`
	Status       string          `json:"status"`
	BrowserURL   string          `json:"browser_url"`
	ThumbnailURL string          `json:"thumbnail_url"`
	Data         wireData        `json:"data"`
	Source       string          `json:"source"`
	Timestamp    string          `json:"timestamp"`
	StockID      json.RawMessage `json:"stock_id"`
	Credit       *string         `json:"credit"`
	CreditURL    *string         `json:"credit_url"`
	Duration     *float64        `json:"duration"`
	OriginalURL  *string         `json:"original_url"`
	Watermarked  *bool           `json:"watermarked"`
	Width        int             `json:"width"`
	Height       int             `json:"height"`
	DownloadSize *int64          `json:"download_size"`
	IsFavorite   bool            `json:"is_favorite"`
}

type wireData struct {
	Type    string `json:"type"`
	Subtype string `json:"subtype"`
}

// wire renders m as the API sends it. A numeric stock ID goes out as a
// number, as in the document's example; any other as a string.
func (m Media) wire(favorite bool) wireMedia {
	stock := json.RawMessage("null")
	if m.StockID != "" {
		if _, err := strconv.ParseInt(m.StockID, 10, 64); err == nil {
			stock = json.RawMessage(m.StockID)
		} else {
			stock, _ = json.Marshal(m.StockID)
		}
	}
	base := fmt.Sprintf("https://release.storage.playplay.com/uploads/%d/", m.ID)
	return wireMedia{
		ID: m.ID, Type: m.Type, Name: m.Name, Status: "processed",
		BrowserURL: base + "browser.jpg", ThumbnailURL: base + "thumbnail.jpg",
		Data:   wireData{Type: m.Type, Subtype: m.Subtype},
		Source: m.Source, Timestamp: strconv.FormatInt(m.Created.Unix(), 10), StockID: stock,
		Width: m.Width, Height: m.Height, IsFavorite: favorite,
	}
}
