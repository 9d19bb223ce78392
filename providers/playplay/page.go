package playplay

import (
	"context"
	"fmt"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

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
// the last page). A body with no result set is an empty last page; the
// client never returns one (see [Client.FavoritesPage]).
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

// listWire is the listing's body as Client.Do decodes it: the media list is
// kept as bytes of the reply, for decodeMedia.
type listWire struct {
	Results   []setWire `json:"results"`
	NbResults int       `json:"nb_results"`
}

type setWire struct {
	Results   driver.RawJSON `json:"results"`
	NextPage  *int           `json:"next_page"`
	NbResults int            `json:"nb_results"`
}

// storeWire is the store's answer as Client.Do decodes it.
type storeWire struct {
	Results   driver.RawJSON `json:"results"`
	NbResults int            `json:"nb_results"`
}

// decodeList reads page number page (1 for the first) of the listing. The
// document's body holds exactly one result set; anything else, a media
// list that is absent, null or not a list, an unusable item, more than
// [MaxPageItems] items, a list inside an item of more than [MaxListItems],
// or a next_page that is not page+1 (page numbers
// count pages of one size, so any other number skips or repeats pages, and
// an empty page cannot be followed by another), is an error matching
// [favorites.ErrMalformedReply].
func decodeList(ctx context.Context, w *listWire, page int) (*ListResponse, error) {
	if len(w.Results) != 1 {
		return nil, malformed("results holds %d result sets where the document has 1", len(w.Results))
	}
	set := w.Results[0]
	items, err := decodeMedia(ctx, set.Results, MaxPageItems)
	if err != nil {
		return nil, fmt.Errorf("%s: page %d: %w", ProviderName, page, err)
	}
	if n := set.NextPage; n != nil && *n != page+1 {
		return nil, malformed("next_page %d after page %d: pages are numbered one after the other", *n, page)
	}
	if set.NextPage != nil && len(items) == 0 {
		return nil, malformed("next_page %d after an empty page %d: no page can follow one", *set.NextPage, page)
	}
	return &ListResponse{NbResults: w.NbResults,
		Results: []ResultSet{{Results: items, NextPage: set.NextPage, NbResults: set.NbResults}}}, nil
}

// decodeMedia decodes a list of media, each once, refusing what
// [Media.check] refuses (a field a media leaves out is its zero value);
// each Media's Raw is its bytes within list.
func decodeMedia(ctx context.Context, list []byte, max int) ([]*Media, error) {
	ws, err := driver.DecodeItems(ctx, list, driver.ItemRules[*mediaWire]{Max: max, MaxNested: MaxListItems,
		Item: func(_ int, w **mediaWire, raw []byte) error {
			if *w == nil {
				return errNullMedia
			}
			m := (*w).media()
			m.Raw = raw
			return m.check()
		}})
	if err != nil {
		return nil, err
	}
	out := make([]*Media, len(ws))
	for i, w := range ws {
		out[i] = (*Media)(&w.mediaFields)
	}
	return out, nil
}

func malformed(format string, args ...any) error {
	return fmt.Errorf("%s: %w: %s", ProviderName, favorites.ErrMalformedReply, fmt.Sprintf(format, args...))
}
