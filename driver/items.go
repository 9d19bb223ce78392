package driver

import (
	"bytes"
	"context"
	"fmt"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/onepass"
	"github.com/favkit/favorites/internal/rawjson"
	"github.com/favkit/favorites/internal/text"
)

// MaxJSONDepth is how deeply a reply's JSON may nest. No reply of the five
// services comes near it (a Mastodon boost, its status, account and fields
// is under ten); a hostile one that nests thousands deep would otherwise
// cost a decoded value, and its memory, for every level.
const MaxJSONDepth = 64

// RawJSON is a JSON value exactly as the reply holds it: the container
// field of a reply's envelope (e621's "posts", waifu.im's "images"), which
// [DecodeItems] then decodes item by item, or an object a provider decodes
// on its own (a boosted status) whose bytes become a Raw.
//
// It keeps the bytes it is given without copying them, which is right only
// when they are the reply's own buffer, as [Client.Do] hands them to
// json.Unmarshal: a json.Decoder would reuse that memory.
type RawJSON []byte

// UnmarshalJSON keeps data; a JSON null leaves the value nil, as if the
// field were absent.
func (r *RawJSON) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*r = nil
		return nil
	}
	*r = data
	return nil
}

// ItemRules say what [DecodeItems] accepts in a listing.
type ItemRules[T any] struct {
	// Max is the most items a page may hold: the page size asked for, with
	// the provider's documented margin. More is a malformed reply; 0 means
	// no limit.
	Max int

	// MinBytes and MaxBytes, when not 0, bound each item's JSON: the
	// smallest and largest the service sends, with the provider's margin.
	// The first pass, which allocates nothing, refuses an item outside them
	// before anything is decoded, so a reply of many tiny values never costs
	// a decoded value for each.
	MinBytes, MaxBytes int

	// Count, when set, is told how many items the list holds once the first
	// pass has found them all, before any is decoded: a caller that builds
	// values of its own in Item sizes their slice here, and may refuse the
	// list by returning an error (a malformed reply).
	Count func(n int) error

	// Decode, when set, decodes one item's exact bytes into item, in place
	// of encoding/json's reading of them: a provider whose type reads
	// itself through a wire type of its own calls that here, so that the
	// item is scanned once rather than again by its UnmarshalJSON.
	Decode func(raw []byte, item *T) error

	// Item, when set, is called with each item as soon as it is decoded:
	// its position from 0, the value, and its exact bytes in the reply (a
	// sub-slice, so keeping it, as Favorite.Raw, copies nothing). An error
	// ends the decoding as a malformed reply naming the position; Item uses
	// it to refuse an item without a usable ID.
	Item func(i int, item *T, raw []byte) error

	// List, when set, decodes the whole list in place of the item-by-item
	// decoding above, once [DecodeItems] has found it is a JSON array: a
	// provider that reads each item in the same pass that finds its bounds
	// (cutting its raw bytes from list as it goes) sets it, and keeps Max,
	// its item checks and ctx itself. Its errors are returned as they are,
	// so it wraps [favorites.ErrMalformedReply] itself. With MinBytes or
	// MaxBytes set, the first pass (and Count) runs before List, as
	// before Decode: a list of the wrong size or of items too small or
	// too large is refused before List builds anything; that pass
	// allocates nothing and costs little beside a decoding.
	List func(ctx context.Context, list []byte) ([]T, error)
}

// DecodeItems decodes list, which must be one JSON array, into a slice of
// T. A body that is empty, null or not an array, nests deeper than
// [MaxJSONDepth], holds more than rules.Max items, or has an item that
// does not decode or that rules.Item refuses, is an error matching
// [favorites.ErrMalformedReply]. It checks ctx between items, so a deadline ends a
// long page within one item.
//
// A first pass over the bytes finds the items' bounds, allocating nothing,
// so a list of the wrong shape or size is refused before any value is
// built and the slice is made once, at its size. Items are then decoded
// one by one (internal/rawjson: a pooled decoder for small ones, in place
// for large ones): memory held is the list's bytes, the decoded values and
// at most one small item's copy.
func DecodeItems[T any](ctx context.Context, list []byte, rules ItemRules[T]) ([]T, error) {
	list = onepass.TrimSpace(list)
	if len(list) == 0 || list[0] != '[' {
		return nil, fmt.Errorf("%w: %s where a list was due", favorites.ErrMalformedReply, describeJSON(list))
	}
	if rules.List != nil && rules.MinBytes == 0 && rules.MaxBytes == 0 {
		return rules.List(ctx, list)
	}
	n, err := countItems(list, rules.Max, rules.MinBytes, rules.MaxBytes)
	if err != nil {
		return nil, err
	}
	if rules.Count != nil {
		if err := rules.Count(n); err != nil {
			return nil, fmt.Errorf("%w: %w", favorites.ErrMalformedReply, err)
		}
	}
	if rules.List != nil {
		return rules.List(ctx, list)
	}
	decode := rules.Decode
	if decode == nil {
		decode = func(raw []byte, item *T) error { return rawjson.Unmarshal(raw, item) }
	}
	items := make([]T, n)
	pos := 1
	for i := range items {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		start, end, _ := nextItem(list, pos, i == 0) // checked by countItems
		raw := list[start:end:end]
		if err := decode(raw, &items[i]); err != nil {
			return nil, fmt.Errorf("%w: item %d: %v", favorites.ErrMalformedReply, i, err)
		}
		if rules.Item != nil {
			if err := rules.Item(i, &items[i], raw); err != nil {
				return nil, fmt.Errorf("%w: item %d: %w", favorites.ErrMalformedReply, i, err)
			}
		}
		pos = end
	}
	return items, nil
}

// countItems walks list's items without decoding them and returns how
// many there are, refusing a list that is cut short, has more than max
// items or an item outside minBytes to maxBytes (each when not 0), nests
// too deep or has JSON after it.
func countItems(list []byte, max, minBytes, maxBytes int) (int, error) {
	pos := 1
	for i := 0; ; i++ {
		start, end, err := nextItem(list, pos, i == 0)
		switch {
		case err != nil:
			return 0, fmt.Errorf("%w: item %d: %v", favorites.ErrMalformedReply, i, err)
		case start < 0 && end < len(list):
			return 0, fmt.Errorf("%w: more JSON after the list", favorites.ErrMalformedReply)
		case start < 0:
			return i, nil
		case max > 0 && i >= max:
			return 0, fmt.Errorf("%w: more than %d items in a page", favorites.ErrMalformedReply, max)
		case minBytes > 0 && end-start < minBytes, maxBytes > 0 && end-start > maxBytes:
			return 0, fmt.Errorf("%w: item %d is %d bytes of JSON; the service's are %s",
				favorites.ErrMalformedReply, i, end-start, sizeRange(minBytes, maxBytes))
		}
		pos = end
	}
}

// sizeRange says what sizes an item may have, for an error.
func sizeRange(minBytes, maxBytes int) string {
	switch {
	case maxBytes == 0:
		return fmt.Sprintf("at least %d", minBytes)
	case minBytes == 0:
		return fmt.Sprintf("at most %d", maxBytes)
	}
	return fmt.Sprintf("%d to %d", minBytes, maxBytes)
}

// nextItem finds the next item of the array in data from pos, past white
// space and, unless first, a comma. It returns the item's bounds, or
// start -1 and end just past the closing bracket. It finds bounds only:
// json.Unmarshal checks each item's syntax.
func nextItem(data []byte, pos int, first bool) (start, end int, err error) {
	pos = onepass.SkipSpace(data, pos)
	switch {
	case pos == len(data):
		return 0, 0, fmt.Errorf("the list is cut short")
	case data[pos] == ']':
		return -1, pos + 1, nil
	case !first && data[pos] != ',':
		return 0, 0, fmt.Errorf("%q where a comma was due", data[pos])
	case !first:
		pos = onepass.SkipSpace(data, pos+1)
	}
	end, err = valueEnd(data, pos)
	return pos, end, err
}

// valueEnd returns where the JSON value at data[start] ends, refusing one
// that nests deeper than MaxJSONDepth counting the list around it. A
// string's bytes are skipped at the speed of bytes.IndexByte
// (onepass.StringEnd): walked byte by byte, they made this pass a tenth of
// an e621 listing's CPU.
func valueEnd(data []byte, start int) (int, error) {
	depth := 1
	for i := start; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			if i = onepass.StringEnd(data, i) - 1; i < 0 {
				return 0, fmt.Errorf("the list is cut short")
			}
			if depth == 1 {
				return i + 1, nil // a string item
			}
		case c == '[' || c == '{':
			if depth++; depth > MaxJSONDepth {
				return 0, fmt.Errorf("JSON nests deeper than %d levels", MaxJSONDepth)
			}
		case c == ']' || c == '}':
			if depth == 1 {
				return i, nil // a scalar item ends where the list does
			}
			if depth--; depth == 1 {
				return i + 1, nil
			}
		case depth == 1 && (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			return i, nil
		}
	}
	if depth == 1 {
		return len(data), nil
	}
	return 0, fmt.Errorf("the list is cut short")
}

// checkDepth refuses JSON that nests deeper than MaxJSONDepth. It reads
// the bytes once, with no allocation, before any value is built; a
// string's bytes are skipped at the speed of bytes.IndexByte
// (onepass.StringEnd), and they are most of a reply.
func checkDepth(data []byte) error {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			if i = onepass.StringEnd(data, i) - 1; i < 0 {
				return nil // cut short: the decoder says so
			}
		case '[', '{':
			if depth++; depth > MaxJSONDepth {
				return fmt.Errorf("%w: JSON nests deeper than %d levels", favorites.ErrMalformedReply, MaxJSONDepth)
			}
		case ']', '}':
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
		return text.QuoteShort(string(b))
	}
}
