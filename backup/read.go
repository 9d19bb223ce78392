package backup

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"slices"
	"time"

	"github.com/favkit/favorites"
)

// MaxLineSize is the longest line [Read] takes: far above any favourite
// with its Raw.
const MaxLineSize = 16 << 20

// File is a backup read by [Read]: where each favourite's line is, in the
// order the favourites were made. It keeps offsets, not favourites, so a
// large backup costs a few words a favourite until each is read back.
type File struct {
	r        io.ReaderAt
	closer   io.Closer
	provider string
	baseURL  string
	legacy   bool
	parts    []Header
	made     []line // the favourites there at the end, oldest first
}

// line is where one favourite stands in the file.
type line struct {
	off int64
	n   int
	ref favorites.Ref
	at  time.Time // favorited_at, for files of version 1
}

// Open reads the backup at path; Close the File when done.
func Open(path string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil {
		var b *File
		if b, err = Read(f, info.Size()); err == nil {
			b.closer = f
			return b, nil
		}
	}
	f.Close()
	return nil, fmt.Errorf("%s: %w", path, err)
}

// Close closes the file Open opened.
func (f *File) Close() error {
	if f.closer == nil {
		return nil
	}
	return f.closer.Close()
}

// Provider is the provider the favourites are of.
func (f *File) Provider() string { return f.provider }

// BaseURL is the service the favourites are of, as the first part says;
// "" in a file of version 1.
func (f *File) BaseURL() string { return f.baseURL }

// Legacy reports a file of version 1, whose order is known only as the
// package doc says.
func (f *File) Legacy() bool { return f.legacy }

// Parts are the headers of the file's parts of version 2, in the file's
// order: none in a file of version 1. A file that [File.Legacy] reports
// with parts began as version 1 and was added to by a later version.
func (f *File) Parts() []Header { return slices.Clone(f.parts) }

// Len is how many favourites Favorites yields.
func (f *File) Len() int { return len(f.made) }

// Favorites yields the favourites the backup holds at its end, each once,
// in the order they were made, oldest first: the order for
// [favorites.Restore].
func (f *File) Favorites() iter.Seq2[favorites.Favorite, error] {
	return func(yield func(favorites.Favorite, error) bool) {
		var buf []byte
		for _, l := range f.made {
			buf = slices.Grow(buf[:0], l.n)[:l.n]
			var fav favorites.Favorite
			_, err := f.r.ReadAt(buf, l.off)
			if err == nil {
				err = json.Unmarshal(buf, &fav)
			}
			if err != nil {
				yield(favorites.Favorite{}, fmt.Errorf("backup: the favourite at byte %d: %w", l.off, err))
				return
			}
			if !yield(fav, nil) {
				return
			}
		}
	}
}

// Read reads the backup of size bytes in r: its parts, and where each
// favourite is. A line that is no header, favourite or removal, a part of
// another provider, or a version newer than [Version] is an error naming
// the line.
func Read(r io.ReaderAt, size int64) (*File, error) {
	rd := reader{f: &File{r: r}, pos: map[favorites.Ref]int{}}
	br := bufio.NewReader(io.NewSectionReader(r, 0, size))
	var off int64
	for n := 1; ; n++ {
		text, err := readLine(br)
		if errors.Is(err, io.EOF) && len(text) == 0 {
			break
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("backup: line %d: %w", n, err)
		}
		if err := rd.take(off, text, n); err != nil {
			return nil, fmt.Errorf("backup: line %d: %w", n, err)
		}
		off += int64(len(text))
	}
	rd.endPart()
	if rd.f.provider == "" {
		return nil, fmt.Errorf("backup: %w: the file holds no favourite and no header", favorites.ErrInvalidArgument)
	}
	rd.f.made = rd.alive()
	return rd.f, nil
}

// readLine reads one line with its newline, refusing one over MaxLineSize.
func readLine(br *bufio.Reader) ([]byte, error) {
	var text []byte
	for {
		chunk, err := br.ReadSlice('\n')
		text = append(text, chunk...)
		if len(text) > MaxLineSize {
			return nil, fmt.Errorf("longer than %d bytes", MaxLineSize)
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return text, err
		}
	}
}

// probe is what Read needs of a line: which of the three it is, and the
// few fields that order and check it.
type probe struct {
	Version     *int           `json:"favkit_backup"`
	Removed     *favorites.Ref `json:"removed"`
	Ref         *favorites.Ref `json:"ref"`
	Kind        Kind           `json:"kind"`
	Provider    string         `json:"provider"`
	BaseURL     string         `json:"base_url"`
	Order       string         `json:"order"`
	FavoritedAt time.Time      `json:"favorited_at"`
	WrittenAt   time.Time      `json:"written_at"`
}

// reader is a Read in progress: the favourites in the order made so far
// (made, with pos giving each ref's index and -1 for one removed), and the
// part being read.
type reader struct {
	f       *File
	made    []line
	pos     map[favorites.Ref]int
	started bool   // a line was read
	kind    Kind   // of the part being read
	order   string // of the part being read
	part    []line
	removed []favorites.Ref
}

func (rd *reader) take(off int64, text []byte, n int) error {
	if len(bytes.TrimSpace(text)) == 0 {
		return nil
	}
	var p probe
	if err := json.Unmarshal(text, &p); err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	first := !rd.started
	rd.started = true
	switch {
	case p.Version != nil:
		return rd.header(p)
	case first:
		// A file of version 1: favourites with no header, newest first.
		rd.f.legacy, rd.kind, rd.order = true, Full, NewestFirst
	}
	switch {
	case p.Removed != nil:
		if rd.kind != Changes {
			return fmt.Errorf("a removal outside a part of changes")
		}
		rd.removed = append(rd.removed, *p.Removed)
	case p.Ref != nil:
		if err := rd.sameProvider(p.Provider); err != nil {
			return err
		}
		rd.part = append(rd.part, line{off: off, n: len(text), ref: *p.Ref, at: p.FavoritedAt})
	default:
		return fmt.Errorf("neither a header, a favourite nor a removal")
	}
	return nil
}

// header ends the part before and opens the one h begins.
func (rd *reader) header(p probe) error {
	switch {
	case *p.Version > Version:
		return fmt.Errorf("written in version %d of the format; this version of the SDK reads up to %d: upgrade it",
			*p.Version, Version)
	case *p.Version < 2 || p.Kind != Full && p.Kind != Changes || p.Order != NewestFirst && p.Order != OldestFirst:
		return fmt.Errorf("a header of version %d, kind %q, order %q: not one this package writes", *p.Version, p.Kind, p.Order)
	}
	if err := rd.sameProvider(p.Provider); err != nil {
		return err
	}
	rd.endPart()
	if rd.f.baseURL == "" {
		rd.f.baseURL = p.BaseURL
	}
	rd.kind, rd.order = p.Kind, p.Order
	rd.f.parts = append(rd.f.parts, Header{Version: *p.Version, Kind: p.Kind, Provider: p.Provider,
		BaseURL: p.BaseURL, Order: p.Order, WrittenAt: p.WrittenAt})
	return nil
}

func (rd *reader) sameProvider(provider string) error {
	switch {
	case provider == "":
		return fmt.Errorf("names no provider")
	case rd.f.provider == "":
		rd.f.provider = provider
	case provider != rd.f.provider:
		return fmt.Errorf("a line of %q in a backup of %q", provider, rd.f.provider)
	}
	return nil
}

// endPart applies the part read: a full one replaces the list; one of
// changes drops its removals, then adds its favourites from the oldest on,
// a favourite there already taking its new place.
func (rd *reader) endPart() {
	for _, ref := range rd.removed {
		if i, ok := rd.pos[ref]; ok && i >= 0 {
			rd.pos[ref] = -1
		}
	}
	if rd.kind == Full && rd.started {
		rd.made, rd.pos = nil, map[favorites.Ref]int{} // a whole listing: what it lacks was removed
	}
	part := rd.part
	if rd.f.legacy && len(rd.made) == 0 && everyTimed(part) {
		// Version 1 with a favorited_at on every line: that time is the order.
		slices.SortStableFunc(part, func(a, b line) int { return b.at.Compare(a.at) })
	}
	if rd.order != OldestFirst {
		slices.Reverse(part)
	}
	for _, l := range part {
		rd.pos[l.ref] = len(rd.made)
		rd.made = append(rd.made, l)
	}
	rd.part, rd.removed = nil, nil
}

// alive is made without the favourites removed or listed again later.
func (rd *reader) alive() []line {
	out := make([]line, 0, len(rd.pos))
	for i, l := range rd.made {
		if rd.pos[l.ref] == i {
			out = append(out, l)
		}
	}
	return out
}

func everyTimed(part []line) bool {
	for _, l := range part {
		if l.at.IsZero() {
			return false
		}
	}
	return len(part) > 0
}
