package playplay

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// SourceUpload is the source of media the user uploaded, as opposed to stock
// media whose source names the stock library (such as "pexels").
const SourceUpload = "upload"

// stockSep joins the raw media ID and a stock ID in the long spelling of a
// Ref's ID, "201~3608618", which earlier versions listed and which is still
// read. Raw media IDs are digits, so the first "~" always ends one.
const stockSep = "~"

// MediaRef is what a [favorites.Ref] holds for PlayPlay: the raw media ID
// and the source, everything the store needs (raw_media_id and source
// required) and everything the delete needs (raw_media_id). Its canonical
// text, "source:raw_media_id", and why the stock ID is not part of it, are
// the package doc's ("Refs").
type MediaRef struct {
	RawMediaID int64
	Source     string
}

// Ref gives the canonical portable form: ID the raw media ID, Source the
// media's source. Its String is "upload:30452" or "pexels:201".
func (m MediaRef) Ref() favorites.Ref {
	return favorites.Ref{ID: strconv.FormatInt(m.RawMediaID, 10), Source: m.Source}
}

// SplitRef reads a Ref in the canonical form "source:raw_media_id", or in
// the long form "source:raw_media_id~stock_id", whose stock ID is checked
// with [driver.CheckID] and then dropped. The raw media ID must be a
// positive integer and the source is required: without it the store cannot
// be called and the ref is not the one List gives. Errors match
// [favorites.ErrInvalidArgument] and name the canonical form.
func SplitRef(ref favorites.Ref) (MediaRef, error) {
	raw, stock, hasStock := strings.Cut(ref.ID, stockSep)
	id, err := driver.NumericID("raw media ID", raw)
	if err != nil {
		return MediaRef{}, refError(ref, err)
	}
	if hasStock {
		if err := driver.CheckID("stock ID", stock); err != nil {
			return MediaRef{}, refError(ref, err)
		}
	}
	if ref.Source == "" {
		return MediaRef{}, refError(ref, fmt.Errorf("%w: no source", favorites.ErrInvalidArgument))
	}
	if err := driver.CheckID("source", ref.Source); err != nil {
		return MediaRef{}, refError(ref, err)
	}
	return MediaRef{RawMediaID: id, Source: ref.Source}, nil
}

// refError names the ref and the canonical form it should have.
func refError(ref favorites.Ref, err error) error {
	return fmt.Errorf("%s: ref %q: %w (the canonical form is source:raw_media_id, such as \"upload:30452\")",
		ProviderName, ref.String(), err)
}
