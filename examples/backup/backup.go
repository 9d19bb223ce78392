package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/backup"
	"github.com/favkit/favorites/examples/internal/files"
)

// state is where a backup stands, saved beside the output after each page.
// Offset is the output's length when the state was saved: a rerun cuts the
// file back to it, so lines written after the last save (a page cut short by
// a crash) are written once, not twice. PageSize is the page size the
// cursor was made with: a cursor counts in pages of its own size, so a
// rerun lists with the same one.
//
// Mark is where the next -incremental run lists changes from: taken by a
// new full backup before its first page, so that a favourite added while
// the listing runs is in the backup or in the next incremental run (never
// in neither), then moved on by each incremental run.
//
// Format is the backup format of the file's last part: backup.Version once
// this version wrote a part, 0 for a file an earlier version wrote (format
// 1, its removals beside it in <out>.removed, RemovedOffset bytes of which
// were written when its state was saved).
type state struct {
	Provider      string `json:"provider"`
	Cursor        string `json:"cursor"`
	PageSize      int    `json:"page_size"`
	Offset        int64  `json:"offset"`
	Count         int    `json:"count"`
	Done          bool   `json:"done"`
	Mark          string `json:"mark,omitempty"`
	Format        int    `json:"format,omitempty"`
	RemovedOffset int64  `json:"removed_offset,omitempty"`
}

// target is what a run backs up: the favourites, the file, and the base
// URL the file's headers name (without credentials; "" for the provider's
// own).
type target struct {
	f       favorites.Favorites
	path    string
	baseURL string
}

// header is the header of a part of kind of t's backup, written now.
func (t target) header(kind backup.Kind) backup.Header {
	return backup.Header{Kind: kind, Provider: t.f.Provider(), BaseURL: t.baseURL, Order: backup.NewestFirst,
		WrittenAt: time.Now().UTC().Truncate(time.Second)}
}

// full writes t's favourites to its file, a full part of format 2,
// resuming from the file's saved state, and returns how many the file
// holds.
func full(ctx context.Context, t target, pageSize, stopAfter int, progress io.Writer) (int, error) {
	st, err := loadState(t.path + ".state")
	if err != nil {
		return 0, err
	}
	if st.Done {
		return st.Count, nil
	}
	if st.Provider != "" && st.Provider != t.f.Provider() {
		return 0, fmt.Errorf("%s holds a backup of %s, not %s", t.path, st.Provider, t.f.Provider())
	}
	st.Provider = t.f.Provider()
	if st.Cursor != "" && pageSize != 0 && pageSize != st.PageSize {
		return 0, fmt.Errorf("%s was begun with page size %d; continue it with that page size (or none), not %d",
			t.path, st.PageSize, pageSize)
	}
	if st.Cursor != "" {
		pageSize = st.PageSize
	}
	st.PageSize = pageSize
	if err := startMark(ctx, t.f, t.path, &st); err != nil {
		return 0, err
	}
	// A resumed listing may yield again what the file holds (a provider's
	// cursor may start again after the list changed, as e621's documents):
	// each favourite is written once.
	out, seen, err := openOutput(t.path, st.Offset)
	if err != nil {
		return 0, err
	}
	defer out.Close()
	part := t.header(backup.Full)
	if st.Offset == 0 { // a new file: its part opens with a header
		if err := appendPart(out, &part, nil, nil); err != nil {
			return 0, err
		}
		st.Format = backup.Version
		if err := saveAt(out, t.path, &st); err != nil {
			return 0, err
		}
	}
	pager := t.f.List(&favorites.ListOptions{PageSize: pageSize, Cursor: st.Cursor})
	start, startCount := time.Now(), st.Count
	pages := 0
	for page, err := range pager.Pages(ctx) {
		if err != nil {
			return st.Count, err
		}
		fresh := page.Items[:0:0]
		for _, fav := range page.Items {
			if !seen[fav.Ref] {
				seen[fav.Ref] = true
				fresh = append(fresh, fav)
			}
		}
		// The part goes on: begun by this run or one before it, whose
		// header a file of format 1 does not have.
		if err := appendPart(out, nil, &part, fresh); err != nil {
			return st.Count, err
		}
		st.Count += len(fresh)
		st.Cursor, st.Done = pager.Cursor(), pager.Done()
		if err := saveAt(out, t.path, &st); err != nil {
			return st.Count, err
		}
		rate := float64(st.Count-startCount) / max(time.Since(start).Seconds(), 1e-3)
		fmt.Fprintf(progress, "\r%d favourites, %.0f/s", st.Count, rate)
		if pages++; pages == stopAfter {
			break
		}
	}
	return st.Count, nil
}

// saveAt saves st with the output's length, where out stands, as its
// Offset.
func saveAt(out *os.File, path string, st *state) error {
	off, err := out.Seek(0, io.SeekCurrent)
	if err != nil {
		return err
	}
	st.Offset = off
	return saveState(path+".state", *st)
}

// startMark takes the mark later -incremental runs go on from, when the
// backup is new (a resumed one has its mark, or none) and f can list
// changes, and saves it before the listing begins: a mark taken at the end
// would miss the favourites added while the listing ran.
func startMark(ctx context.Context, f favorites.Favorites, path string, st *state) error {
	cl, ok := f.(favorites.ChangeLister)
	if !ok || st.Mark != "" || st.Cursor != "" || st.Count != 0 || st.Offset != 0 {
		return nil
	}
	ch, err := cl.Changes(ctx, "")
	if err != nil {
		return fmt.Errorf("taking the mark that -incremental runs go on from: %w", err)
	}
	st.Mark = ch.Mark
	return saveState(path+".state", *st)
}

// openOutput opens the backup file at path, cut back to offset (what a
// crash wrote after the last saved state goes), with the refs it holds,
// ready to append.
func openOutput(path string, offset int64) (*os.File, map[favorites.Ref]bool, error) {
	out, err := openAt(path, offset)
	if err != nil {
		return nil, nil, err
	}
	seen, err := readRefs(out)
	if err == nil {
		_, err = out.Seek(offset, io.SeekStart)
	}
	if err != nil {
		out.Close()
		return nil, nil, err
	}
	return out, seen, nil
}

// openAt opens path for writing, created if missing, cut back to offset and
// positioned there.
func openAt(path string, offset int64) (*os.File, error) {
	out, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := out.Truncate(offset); err != nil {
		out.Close()
		return nil, err
	}
	if _, err := out.Seek(offset, io.SeekStart); err != nil {
		out.Close()
		return nil, err
	}
	return out, nil
}

// appendPart writes to out, through a backup.Writer, a part's lines: its
// header when begin is set, else those of the part cont began; then the
// favourites and the removals. It syncs out, so that an offset saved
// afterwards never points past what is on disk.
func appendPart(out *os.File, begin, cont *backup.Header, favs []favorites.Favorite, removed ...favorites.Ref) error {
	buf := bufio.NewWriter(out)
	w := backup.NewWriter(buf)
	var err error
	if begin != nil {
		err = w.Begin(*begin)
	} else {
		err = w.Continue(*cont)
	}
	for _, f := range favs {
		if err != nil {
			break
		}
		err = w.Favorite(f)
	}
	for _, ref := range removed {
		if err != nil {
			break
		}
		err = w.Removed(ref)
	}
	if err != nil {
		return err
	}
	if err := buf.Flush(); err != nil {
		return err
	}
	return out.Sync()
}

// readRefs reads the refs of the favourites a backup file holds: each
// line's ref, a header's and a removal's none.
func readRefs(f *os.File) (map[favorites.Ref]bool, error) {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	seen := map[favorites.Ref]bool{}
	dec := json.NewDecoder(bufio.NewReader(f))
	for {
		var line struct {
			Ref *favorites.Ref `json:"ref"`
		}
		err := dec.Decode(&line)
		if errors.Is(err, io.EOF) {
			return seen, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name(), err)
		}
		if line.Ref != nil {
			seen[*line.Ref] = true
		}
	}
}

func loadState(path string) (state, error) {
	var st state
	err := files.Load(path, &st)
	return st, err
}

// saveState replaces the state file atomically: a crash leaves the old
// state or the new one, never half of each.
func saveState(path string, st state) error { return files.Save(path, st) }
