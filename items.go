package favorites

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// MaxJSONDepth is how deeply a reply's JSON may nest. No reply of the five
// services comes near it (a Mastodon boost, its status, account and fields
// is under ten); a hostile one that nests thousands deep would otherwise
// cost a decoded value, and its memory, for every level.
const MaxJSONDepth = 64

// RawList is a listing's JSON array exactly as the reply holds it, for the
// container field of a reply's envelope (e621's "posts", waifu.im's
// "images"). [DecodeItems] then decodes it item by item.
//
// It keeps the bytes it is given without copying them, which is right only
// when they are the reply's own buffer, as [Client.Do] hands them to
// json.Unmarshal: a json.Decoder would reuse that memory.
type RawList []byte

// UnmarshalJSON keeps data; a JSON null leaves the list nil, as if the
// field were absent.
func (l *RawList) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*l = nil
		return nil
	}
	*l = data
	return nil
}

// ItemRules say what [DecodeItems] accepts in a listing.
type ItemRules[T any] struct {
	// Max is the most items a page may hold: the page size asked for, with
	// the provider's documented margin. More is a malformed reply; 0 means
	// no limit.
	Max int

	// Item, when set, is called with each item as soon as it is decoded:
	// its position from 0, the value, and its exact bytes in the reply (a
	// sub-slice, so keeping it, as Favorite.Raw, copies nothing). An error
	// ends the decoding as a malformed reply naming the position; Item uses
	// it to refuse an item without a usable ID.
	Item func(i int, item *T, raw []byte) error
}

// DecodeItems decodes list, which must be one JSON array, into a slice of
// T. A body that is empty, null or not an array, nests deeper than
// [MaxJSONDepth], holds more than rules.Max items, or has an item that
// does not decode or that rules.Item refuses, is an error matching
// [ErrMalformedReply]. It checks ctx between items, so a deadline ends a
// long page within one item.
//
// Memory held is the list's bytes, a decoder buffer no larger than them,
// and the decoded values: each item's bytes are read, not copied per item.
func DecodeItems[T any](ctx context.Context, list []byte, rules ItemRules[T]) ([]T, error) {
	list = bytes.TrimSpace(list)
	if len(list) == 0 || list[0] != '[' {
		return nil, fmt.Errorf("%w: %s where a list was due", ErrMalformedReply, describeJSON(list))
	}
	if err := checkDepth(list); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(list))
	if _, err := dec.Token(); err != nil { // the '[' seen above
		return nil, fmt.Errorf("%w: %v", ErrMalformedReply, err)
	}
	var items []T
	for i := 0; dec.More(); i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if rules.Max > 0 && i >= rules.Max {
			return nil, fmt.Errorf("%w: more than %d items in a page", ErrMalformedReply, rules.Max)
		}
		start := dec.InputOffset()
		items = append(items, *new(T))
		if err := dec.Decode(&items[i]); err != nil {
			return nil, fmt.Errorf("%w: item %d: %v", ErrMalformedReply, i, err)
		}
		if rules.Item != nil {
			raw := bytes.TrimLeft(list[start:dec.InputOffset()], ", \t\r\n")
			if err := rules.Item(i, &items[i], raw[:len(raw):len(raw)]); err != nil {
				return nil, fmt.Errorf("%w: item %d: %w", ErrMalformedReply, i, err)
			}
		}
	}
	if _, err := dec.Token(); err != nil { // the closing ']'
		return nil, fmt.Errorf("%w: %v", ErrMalformedReply, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%w: more JSON after the list", ErrMalformedReply)
	}
	if items == nil {
		items = []T{}
	}
	return items, nil
}

// checkDepth refuses JSON that nests deeper than MaxJSONDepth. It reads
// the bytes once, with no allocation, before any value is built.
func checkDepth(data []byte) error {
	depth, inString, escaped := 0, false, false
	for _, c := range data {
		switch {
		case escaped:
			escaped = false
		case inString:
			escaped = c == '\\'
			inString = c != '"'
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			if depth++; depth > MaxJSONDepth {
				return fmt.Errorf("%w: JSON nests deeper than %d levels", ErrMalformedReply, MaxJSONDepth)
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return nil
}

// describeJSON names what a body holds instead of a list, for an error.
func describeJSON(b []byte) string {
	switch {
	case len(b) == 0:
		return "nothing"
	case bytes.Equal(b, []byte("null")):
		return "null"
	case b[0] == '{':
		return "an object"
	default:
		return quoteShort(string(b))
	}
}
