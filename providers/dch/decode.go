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
// bytes in raw, not a copy. An entry without a usable id, more than
// [MaxFavourites] entries, a list inside an entry of more than
// [MaxListItems] items, or anything else [driver.DecodeItems] refuses is
// [favorites.ErrMalformedReply] naming the entry's position. A field an
// entry leaves out is its zero value, as encoding/json leaves it.
//
// The entries are decoded here rather than by DecodeItems into a slice of
// its own, so that memory is one Favourite an entry in the caller's slice,
// sized once, and no second slice.
func decodeEntries(ctx context.Context, raw []byte, size func(n int), emit func(Favourite)) error {
	var w wireFavourite
	_, err := driver.DecodeItems(ctx, raw, driver.ItemRules[struct{}]{
		Max:       MaxFavourites,
		MaxNested: MaxListItems,
		Count:     func(n int) error { size(n); return nil },
		Decode: func(item []byte, _ *struct{}) error {
			w = wireFavourite{}
			return json.Unmarshal(item, &w)
		},
		Item: func(_ int, _ *struct{}, item []byte) error {
			if err := w.check(); err != nil {
				return err
			}
			emit(w.favourite(item))
			return nil
		},
	})
	return err
}

// errEntry is the reason an entry is refused, wrapped with what it lacks.
var errEntry = errors.New("not a favourite entry")

// check refuses an entry that Add and Remove could not take back: a
// listing that kept it would hand out a favourite no call accepts.
func (w *wireFavourite) check() error {
	if w.ID == "" {
		return fmt.Errorf("%w: no id", errEntry)
	}
	if err := driver.CheckID("id", w.ID); err != nil {
		return fmt.Errorf("%w: %w", errEntry, err)
	}
	return nil
}
