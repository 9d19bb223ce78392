package playplay

import (
	"context"
	"encoding/json"
)

// CursorRoundTrips reports whether text is read as a cursor that writes
// back as text: the only cursors a listing takes.
func CursorRoundTrips(text string) bool {
	c, err := parseCursor(text)
	return err == nil && c.String() == text
}

// DecodeListBody decodes a listing reply of page 1 as Client.FavoritesPage
// does once Client.Do has read it: json.Unmarshal of the envelope into the
// reply's own buffer, which keeps the media list as a sub-slice of data,
// then decodeList.
func DecodeListBody(ctx context.Context, data []byte) (*ListResponse, error) {
	var w listWire
	if err := json.Unmarshal(data, &w); err != nil {
		return nil, err
	}
	return decodeList(ctx, &w, 1)
}

// ParseMark reads text as a mark of c and writes it back.
func ParseMark(text string, c *Client) (string, error) {
	m, err := parseMark(text, c.markHost())
	if err != nil {
		return "", err
	}
	return m.String(), nil
}

// MaxMarkLen is the longest mark read.
const MaxMarkLen = maxMarkLen

// MarkHost is the base URL hash in c's marks.
func MarkHost(c *Client) string { return c.markHost() }
