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

// RawJSON is a JSON value exactly as the reply holds it: a whole reply
// (e621's, whose "posts" [DecodeItems] finds by its Path), the container
// field of a reply's envelope (DCH's "favourites", PlayPlay's "results"),
// which DecodeItems then decodes item by item, or an object a provider
// decodes on its own (a boosted status) whose bytes become a Raw.
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

// ItemRules say where a reply's items are and what [DecodeItems] accepts
// of them: the caps of the memory rule (see the package doc), and the
// checks a provider makes of each item.
type ItemRules[T any] struct {
	// Path is where the list sits in the reply: the names of the members
	// that lead to it, from the reply's object down (e621's {"posts":[...]}
	// is "posts"; a list two members down, {"_links":{"favourites":[...]}},
	// is "_links", "favourites"). None: the reply is the list. A name is
	// matched as encoding/json matches a struct field's: in any case, the
	// last of a repeated name counts, a null object on the way leaves what
	// an earlier one held; every other member must be JSON, and a reply
	// that is not an object is malformed.
	Path []string

	// Max is the most items a page may hold: the page size asked for, with
	// the provider's documented margin. More is a malformed reply naming
	// the cap; 0 means no cap.
	Max int

	// MaxNested is the most items any JSON array inside an item may hold,
	// at any depth: the service's own limit on its longest list, with the
	// provider's documented margin. More is a malformed reply naming the
	// item and the cap, before anything is decoded; 0 means no cap.
	MaxNested int

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
	// it to refuse an item without a usable ID. Where T is a pointer
	// (*Post), item is a **Post, and an item that is JSON null arrives as
	// a nil *Post, which Item must refuse before it reads a field:
	//
	//	Item: func(_ int, p **Post, raw []byte) error {
	//		if *p == nil || (*p).ID < 1 {
	//			return errors.New("a post without a positive id")
	//		}
	//		(*p).Raw = raw
	//		return nil
	//	},
	Item func(i int, item *T, raw []byte) error

	// List, when set, decodes the whole list in place of the item-by-item
	// decoding above, once [DecodeItems] has found it is a JSON array: a
	// provider that reads each item in the same pass that finds its bounds
	// (cutting its raw bytes from list as it goes) sets it. Its errors are
	// returned as they are, so it wraps [favorites.ErrMalformedReply]
	// itself. With Path, MaxNested or Count set, the first pass runs
	// before List, as before Decode, and keeps the caps; without them, List
	// is the one pass, and keeps Max, the caps of the lists inside an item
	// and ctx itself.
	List func(ctx context.Context, list []byte) ([]T, error)
}

// DecodeItems decodes the list at rules.Path in reply, which must be one
// JSON array, into a slice of T. A reply that is empty or null, holds no
// list there, nests deeper than [MaxJSONDepth], breaks a cap of rules
// (Max, MaxNested), or has an item that does not decode or that
// rules.Item refuses, is an error matching [favorites.ErrMalformedReply]
// that names the item and the cap. It checks ctx between items, so a
// deadline ends a long page within one item.
//
// A first pass over the bytes finds the list and its items' bounds, and
// checks the caps and the depth, allocating nothing, so a list of the
// wrong shape or size is refused before any value is built and the slice
// is made once, at its size. Items are then decoded one by one
// (internal/rawjson: a pooled decoder for small ones, in place for large
// ones): memory held is the reply's bytes, the decoded values and at most
// one small item's copy.
func DecodeItems[T any](ctx context.Context, reply []byte, rules ItemRules[T]) ([]T, error) {
	if rules.List != nil && len(rules.Path) == 0 && rules.MaxNested == 0 && rules.Count == nil {
		list := onepass.TrimSpace(reply)
		if len(list) == 0 || list[0] != '[' {
			return nil, fmt.Errorf("%w: %s where a list was due", favorites.ErrMalformedReply, describeJSON(list))
		}
		// A reader that keeps the caps as it reads counts nothing first;
		// the depth is still checked before anything is built.
		if err := CheckDepth(list); err != nil {
			return nil, err
		}
		return rules.List(ctx, list)
	}
	list, n, err := firstPass(reply, rules.Path, rules.Max, rules.MaxNested)
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
	return decodeEach(ctx, list, n, listDepth(rules.Path), rules)
}

// decodeEach decodes the n items of list, whose bounds the first pass has
// checked, one by one.
func decodeEach[T any](ctx context.Context, list []byte, n, depth int, rules ItemRules[T]) ([]T, error) {
	decode := rules.Decode
	if decode == nil {
		decode = func(raw []byte, item *T) error { return rawjson.Unmarshal(raw, item) }
	}
	items := make([]T, n)
	s := scan{data: list, base: depth}
	pos := 1
	for i := range items {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		start, end, _ := s.nextItem(pos, i == 0) // checked by the first pass
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

// firstPass finds the list at path in reply and counts its items, refusing
// what breaks a cap or nests too deep (see countItems). A reply shaped as
// services send theirs, the list the only member at each step of the path
// ({"posts":[...]}), is taken at its word: only when its list is not one
// is the envelope walked (listAt), which reads the list once more.
func firstPass(reply []byte, path []string, max, maxNested int) (list []byte, n int, err error) {
	reply = onepass.TrimSpace(reply)
	depth := listDepth(path)
	if len(path) > 0 {
		if list = plainList(reply, path); list != nil {
			if n, err = countItems(list, depth, max, maxNested); err == nil {
				return list, n, nil
			}
		}
		if list, err = listAt(reply, path); err != nil {
			return nil, 0, err
		}
	} else {
		list = reply
	}
	if len(list) == 0 || list[0] != '[' {
		return nil, 0, fmt.Errorf("%w: %s where a list was due", favorites.ErrMalformedReply, describeJSON(list))
	}
	n, err = countItems(list, depth, max, maxNested)
	return list, n, err
}

// listDepth is how deep the list at path sits: the containers around it and
// itself.
func listDepth(path []string) int { return len(path) + 1 }

// countItems walks list's items without decoding them and returns how
// many there are, refusing a list that is cut short, has more than max
// items, an item holding a list of more than maxNested items (each cap
// when not 0), JSON nesting deeper than MaxJSONDepth (the list sitting at
// depth), or JSON after it.
func countItems(list []byte, depth, max, maxNested int) (int, error) {
	s := scan{data: list, base: depth, nested: onepass.ListCap{What: "a list in it", Max: maxNested}}
	page := onepass.ListCap{What: "the page", Max: max}
	pos := 1
	for i := 0; ; i++ {
		start, end, err := s.nextItem(pos, i == 0)
		switch {
		case err != nil:
			return 0, fmt.Errorf("%w: item %d: %v", favorites.ErrMalformedReply, i, err)
		case start < 0 && end < len(list):
			return 0, fmt.Errorf("%w: more JSON after the list", favorites.ErrMalformedReply)
		case start < 0:
			return i, nil
		}
		if err := page.Check(i + 1); err != nil {
			return 0, fmt.Errorf("%w: %v", favorites.ErrMalformedReply, err)
		}
		pos = end
	}
}

// scan is the first pass's walk over a list: it finds each item's bounds,
// the depth of the JSON inside it, and how many items each list inside it
// holds, in arrays on the stack: it allocates nothing.
type scan struct {
	data   []byte
	base   int             // the depth of the list: the containers around it, and itself
	nested onepass.ListCap // the cap on a list inside an item
	// commas holds, for each depth inside an item, the commas so far of
	// the list open there, or -1 for an object.
	commas [MaxJSONDepth + 1]int
}

// nextItem finds the next item of the array from pos, past white space
// and, unless first, a comma. It returns the item's bounds, or start -1
// and end just past the closing bracket. It finds bounds only: the
// decoding checks each item's syntax.
func (s *scan) nextItem(pos int, first bool) (start, end int, err error) {
	data := s.data
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
	end, err = s.valueEnd(pos)
	return pos, end, err
}

// valueEnd returns where the JSON value at data[start] ends, refusing one
// that nests deeper than MaxJSONDepth counting the containers around it,
// or that holds a list of more items than the nested cap. A string's
// bytes are skipped at the speed of bytes.IndexByte (onepass.StringEnd):
// walked byte by byte, they made this pass a tenth of an e621 listing's
// CPU.
func (s *scan) valueEnd(start int) (int, error) {
	data, base := s.data, s.base
	depth := base
	for i := start; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			if i = onepass.StringEnd(data, i) - 1; i < 0 {
				return 0, fmt.Errorf("the list is cut short")
			}
			if depth == base {
				return i + 1, nil // a string item
			}
		case c == '[' || c == '{':
			if depth++; depth > MaxJSONDepth {
				return 0, fmt.Errorf("JSON nests deeper than %d levels", MaxJSONDepth)
			}
			s.commas[depth] = -1
			if c == '[' {
				s.commas[depth] = 0
			}
		case c == ']' || c == '}':
			if depth == base {
				return i, nil // a scalar item ends where the list does
			}
			if depth--; depth == base {
				return i + 1, nil
			}
		case c == ',':
			if depth == base {
				return i, nil
			}
			if n := s.commas[depth]; n >= 0 {
				// n+1 commas: at least n+2 items
				if err := s.nested.Check(n + 2); err != nil {
					return 0, err
				}
				s.commas[depth] = n + 1
			}
		case depth == base && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			return i, nil
		}
	}
	if depth == base {
		return len(data), nil
	}
	return 0, fmt.Errorf("the list is cut short")
}

// CheckDepth refuses JSON that nests deeper than [MaxJSONDepth], as an
// error matching favorites.ErrMalformedReply. It reads the bytes once,
// with no allocation, before any value is built; a string's bytes are
// skipped at the speed of bytes.IndexByte (onepass.StringEnd), and they
// are most of a reply. [Client.Do] applies it to a reply it decodes, and
// [DecodeItems]' first pass to a list; a provider that takes a reply as
// [RawJSON] and decodes it whole by other means calls it first.
func CheckDepth(data []byte) error {
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
