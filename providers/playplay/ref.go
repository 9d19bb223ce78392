package playplay

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
)

// SourceUpload is the source of media the user uploaded, as opposed to stock
// media whose source names the stock library (such as "pexels").
const SourceUpload = "upload"

// stockSep joins the raw media ID and the stock ID in a Ref's ID. Raw media
// IDs are digits, so the first "~" always ends one; "~" is unreserved in
// URLs and needs no escaping in [favorites.Ref.String].
const stockSep = "~"

// MediaRef is what a [favorites.Ref] holds for PlayPlay: everything the store
// and the delete need to name one media.
//
// The store requires raw_media_id and source (stock_id is optional), and the
// delete takes raw_media_id, or stock_id with source. So a Ref always holds
// the raw media ID and the source, and for stock media the stock ID too, so
// that the store can pass it along and the delete can name the stock item
// the way the document offers for it.
type MediaRef struct {
	RawMediaID int64
	Source     string
	StockID    string // empty for uploads
}

// Ref gives the portable form: ID "30452" or "30452~12345", Source the
// media's source. Its String is "upload:30452" or "pexels:30452~12345".
func (m MediaRef) Ref() favorites.Ref {
	id := strconv.FormatInt(m.RawMediaID, 10)
	if m.StockID != "" {
		id += stockSep + m.StockID
	}
	return favorites.Ref{ID: id, Source: m.Source}
}

// SplitRef reads a Ref made by [MediaRef.Ref] (or by hand in that form). The
// raw media ID must be a positive integer; the stock ID and source, when
// given, are checked with [favorites.CheckID]. Errors match
// [favorites.ErrInvalidArgument]. Source may be empty here; the store
// refuses a ref without one.
func SplitRef(ref favorites.Ref) (MediaRef, error) {
	raw, stock, hasStock := strings.Cut(ref.ID, stockSep)
	id, err := favorites.NumericID("raw media ID", raw)
	if err != nil {
		return MediaRef{}, fmt.Errorf("%s: ref %q: %w", ProviderName, ref.String(), err)
	}
	m := MediaRef{RawMediaID: id, Source: ref.Source, StockID: stock}
	if hasStock {
		if err := favorites.CheckID("stock ID", stock); err != nil {
			return MediaRef{}, fmt.Errorf("%s: ref %q: %w", ProviderName, ref.String(), err)
		}
	}
	if ref.Source != "" {
		if err := favorites.CheckID("source", ref.Source); err != nil {
			return MediaRef{}, fmt.Errorf("%s: ref %q: %w", ProviderName, ref.String(), err)
		}
	}
	return m, nil
}
