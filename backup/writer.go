package backup

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/favkit/favorites"
)

// Version is the version of the format this package writes.
const Version = 2

// Kind is what a part of a backup holds.
type Kind string

// The kinds of part.
const (
	Full    Kind = "full"    // a whole listing
	Changes Kind = "changes" // what was added and removed since the part before
)

// The orders a part may list its favourites in.
const (
	NewestFirst = "newest_first"
	OldestFirst = "oldest_first"
)

// Header opens a part of a backup.
type Header struct {
	Version   int       `json:"favkit_backup"` // the format's version; Begin sets it
	Kind      Kind      `json:"kind"`
	Provider  string    `json:"provider"`           // such as "mastodon"
	BaseURL   string    `json:"base_url,omitempty"` // the service the favourites are of, without credentials
	Order     string    `json:"order"`              // NewestFirst or OldestFirst; "" is NewestFirst
	WrittenAt time.Time `json:"written_at,omitzero"`
}

// removal is the line of a favourite removed since the part before.
type removal struct {
	Removed favorites.Ref `json:"removed"`
}

// Writer writes the lines of a backup to w: [Writer.Begin] opens a part,
// then [Writer.Favorite] and [Writer.Removed] write its lines. It buffers
// nothing, so a caller that syncs w after a page knows what is on disk.
type Writer struct {
	enc      *json.Encoder
	provider string // of the part begun; "" before Begin
	kind     Kind
}

// NewWriter returns a Writer appending to w.
func NewWriter(w io.Writer) *Writer { return &Writer{enc: json.NewEncoder(w)} }

// Begin writes h, opening a part; its favourites follow.
func (w *Writer) Begin(h Header) error {
	h, err := checkHeader(h)
	if err != nil {
		return err
	}
	if err := w.enc.Encode(h); err != nil {
		return err
	}
	w.provider, w.kind = h.Provider, h.Kind
	return nil
}

// Continue goes on with the part h began earlier in the file, such as by a
// run that was cut short before the part was whole: the lines that follow
// belong to it. It writes nothing.
func (w *Writer) Continue(h Header) error {
	h, err := checkHeader(h)
	if err != nil {
		return err
	}
	w.provider, w.kind = h.Provider, h.Kind
	return nil
}

// checkHeader is h with its version and default order set, or an error
// naming what is wrong with it.
func checkHeader(h Header) (Header, error) {
	h.Version = Version
	if h.Order == "" {
		h.Order = NewestFirst
	}
	switch {
	case h.Kind != Full && h.Kind != Changes:
		return h, fmt.Errorf("backup: %w: part kind %q is not %q or %q", favorites.ErrInvalidArgument, h.Kind, Full, Changes)
	case h.Order != NewestFirst && h.Order != OldestFirst:
		return h, fmt.Errorf("backup: %w: order %q is not %q or %q", favorites.ErrInvalidArgument, h.Order, NewestFirst, OldestFirst)
	case h.Provider == "":
		return h, fmt.Errorf("backup: %w: a part names no provider", favorites.ErrInvalidArgument)
	}
	return h, nil
}

// Favorite writes one favourite of the part begun.
func (w *Writer) Favorite(f favorites.Favorite) error {
	if err := w.check("a favourite", f.Provider); err != nil {
		return err
	}
	return w.enc.Encode(f)
}

// Removed writes that ref was removed since the part before: only a part
// of changes holds removals.
func (w *Writer) Removed(ref favorites.Ref) error {
	if err := w.check("a removal", w.provider); err != nil {
		return err
	}
	if w.kind != Changes {
		return fmt.Errorf("backup: %w: a removal in a part of kind %q", favorites.ErrInvalidArgument, w.kind)
	}
	return w.enc.Encode(removal{Removed: ref})
}

func (w *Writer) check(what, provider string) error {
	switch {
	case w.provider == "":
		return fmt.Errorf("backup: %w: %s before Begin", favorites.ErrInvalidArgument, what)
	case provider != w.provider:
		return fmt.Errorf("backup: %w: %s of %q in a part of %q", favorites.ErrInvalidArgument, what, provider, w.provider)
	}
	return nil
}
