package dch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// wireList is the HAL envelope of a list answer. The favourites stay the
// reply's own bytes ([driver.RawJSON]: no copy) until decodeEntries
// reads them one entry at a time.
type wireList struct {
	Updated *int64 `json:"updated"`
	Links   *struct {
		Favourites driver.RawJSON `json:"favourites"`
	} `json:"_links"`
}

// entries returns the favourites array of the answer. The document's list
// always has _links.favourites, an empty array when there are none, so a
// body without it (empty, null, {}, or a null there) holds no list at all
// and must not read as an empty one.
func (w *wireList) entries() ([]byte, error) {
	switch {
	case w.Links == nil:
		return nil, fmt.Errorf("%w: the answer has no _links", favorites.ErrMalformedReply)
	case w.Links.Favourites == nil:
		return nil, fmt.Errorf("%w: the answer has no _links.favourites list", favorites.ErrMalformedReply)
	}
	return w.Links.Favourites, nil
}

// decodeEntries decodes the favourites array raw, a sub-slice of a reply
// the caller owns: size is told how many entries there are before any is
// decoded, then emit gets each entry in order. Each entry's Raw is its
// bytes in raw, not a copy. An entry [checkEntry] refuses, an entry shorter
// than the smallest the listing accepts, more than [MaxFavourites] entries,
// or anything [driver.DecodeItems] refuses is
// [favorites.ErrMalformedReply] naming the entry's position.
//
// The entries are decoded here rather than by DecodeItems into a slice of
// its own, so that memory is one Favourite an entry in the caller's slice,
// sized once, and no second slice.
func decodeEntries(ctx context.Context, raw []byte, size func(n int), emit func(Favourite)) error {
	var w wireFavourite
	_, err := driver.DecodeItems(ctx, raw, driver.ItemRules[struct{}]{
		Max:      MaxFavourites,
		MinBytes: minEntryBytes,
		Count:    func(n int) error { size(n); return nil },
		Item: func(_ int, _ *struct{}, item []byte) error {
			w = wireFavourite{}
			if err := json.Unmarshal(item, &w); err != nil {
				return err
			}
			if err := w.check(); err != nil {
				return err
			}
			if k := missingKey(item); k != "" {
				return fmt.Errorf("%w: no %q", errEntry, k)
			}
			emit(w.favourite(item))
			return nil
		},
	})
	return err
}

// errEntry is the reason an entry is refused, wrapped with what it lacks.
var errEntry = errors.New("not a favourite entry")

// check refuses an entry that Add and Remove could not take back, or that
// lacks a field the document shows on every entry: a listing that kept it
// would hand out a favourite no call accepts.
func (w *wireFavourite) check() error {
	if w.ID == "" {
		return fmt.Errorf("%w: no id", errEntry)
	}
	if err := driver.CheckID("id", w.ID); err != nil {
		return fmt.Errorf("%w: %w", errEntry, err)
	}
	return nil
}

// entryKeys are the keys the document shows on every entry. Of the rest,
// it says short_title may be null or absent, as may date.begin and the
// image templates.
var entryKeys = []string{"href", "updated", "id", "title", "is_free", "date", "image", "type"}

// missingKey returns the first of entryKeys that the JSON object item,
// already known to be valid JSON, lacks at its top level, or "". It reads
// item once and allocates nothing.
//
// Requiring them keeps the entries a listing holds real ones, and so keeps
// decoding bounded by the reply: an entry costs a few hundred bytes of
// memory whatever its size (its Favourite, and for List its portable
// Favorite and the typed value behind it), so a reply of thousands of
// {"id":"1"} would cost thirty times its size or more, while an entry with
// these keys is at least 90 bytes long.
func missingKey(item []byte) string {
	var seen uint
	depth, expectKey := 0, false
	for i := 0; i < len(item); i++ {
		switch c := item[i]; c {
		case '"':
			j := i + 1
			for j < len(item) && item[j] != '"' {
				if item[j] == '\\' {
					j++
				}
				j++
			}
			if depth == 1 && expectKey {
				key := item[i+1 : min(j, len(item))]
				for n, k := range entryKeys {
					if string(key) == k {
						seen |= 1 << n
					}
				}
				expectKey = false
			}
			i = j
		case '{', '[':
			depth++
			expectKey = c == '{' && depth == 1
		case '}', ']':
			depth--
		case ',':
			expectKey = depth == 1
		}
	}
	for n, k := range entryKeys {
		if seen&(1<<n) == 0 {
			return k
		}
	}
	return ""
}

// minEntryBytes is the length of the smallest entry [missingKey] lets
// through:
// {"href":"","updated":0,"id":"1","title":"","is_free":false,"date":{},"image":{},"type":""}.
// The listing refuses a shorter entry before any is decoded, so a reply of
// many tiny values does not first cost a Favourite for each.
const minEntryBytes = 90
