package playplay

import (
	"context"
	"encoding/json"
)

// OldCursorPage reads text as a cursor of the earlier form, "next.size.ref",
// and gives the page a listing resumed from it reads first: the one that
// held the last media given.
func OldCursorPage(text string) (int, bool) {
	at, ok := readOldCursor(text)
	return (at.Offset-1)/max(at.Size, 1) + 1, ok
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
	m := c.marks()
	anchors, err := m.Parse(text)
	if err != nil {
		return "", err
	}
	return m.Format(anchors), nil
}

// MaxMarkLen is the longest mark read.
var MaxMarkLen = (&Client{}).marks().MaxLen()

// MarkHost is the account tag in c's marks.
func MarkHost(c *Client) string { return c.account }
