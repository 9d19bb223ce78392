package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/favkit/favorites"
)

// removal is one line of <out>.removed: a favourite the provider says was
// removed since the last run, and when this run learnt it.
type removal struct {
	Provider string        `json:"provider"`
	Ref      favorites.Ref `json:"ref"`
	Noticed  time.Time     `json:"noticed"`
}

// incremental appends to path the favourites of f added since the mark in
// path's state, each once, oldest first, and returns how many it wrote.
// Removals, where f knows them, go to path+".removed". The new mark is
// saved only after both files are written and synced: a run cut short
// leaves the old state, and the next run cuts both files back to it and
// lists the same changes again, so nothing is written twice or skipped.
func incremental(ctx context.Context, f favorites.Favorites, path string, progress io.Writer) (int, error) {
	st, cl, err := incrementalState(f, path)
	if err != nil {
		return 0, err
	}
	ch, err := cl.Changes(ctx, st.Mark)
	if errors.Is(err, favorites.ErrStaleMark) {
		return 0, fmt.Errorf("the mark in %s.state can no longer be used (%w); make a new full backup: move %s and %[1]s.state away and run backup without -incremental",
			path, err, path)
	}
	if err != nil {
		return 0, err
	}
	if st.RemovedOffset, err = appendRemovals(path+".removed", st.RemovedOffset, f.Provider(), ch); err != nil {
		return 0, err
	}
	out, seen, err := openOutput(path, st.Offset)
	if err != nil {
		return 0, err
	}
	defer out.Close()
	var fresh []favorites.Favorite
	for _, fav := range slices.Backward(ch.Added) { // Added is newest first; the file grows oldest first
		if !seen[fav.Ref] { // also listed by the full backup, or re-favourited
			seen[fav.Ref] = true
			fresh = append(fresh, fav)
		}
	}
	if err := writePage(out, fresh); err != nil {
		return 0, err
	}
	if st.Offset, err = out.Seek(0, io.SeekCurrent); err != nil {
		return 0, err
	}
	st.Count += len(fresh)
	st.Mark = ch.Mark
	if err := saveState(path+".state", st); err != nil {
		return 0, err
	}
	reportChanges(progress, path, f.Provider(), len(ch.Added), len(fresh), ch)
	return len(fresh), nil
}

// incrementalState loads path's state and checks an incremental run can go
// on from it, with a message that says what to do when it cannot.
func incrementalState(f favorites.Favorites, path string) (state, favorites.ChangeLister, error) {
	st, err := loadState(path + ".state")
	if err != nil {
		return st, nil, err
	}
	cl, ok := f.(favorites.ChangeLister)
	full := "run backup without -incremental first"
	switch {
	case !ok:
		return st, nil, fmt.Errorf("-incremental: provider %s cannot list what changed since a mark", f.Provider())
	case st.Provider == "":
		return st, nil, fmt.Errorf("-incremental: %s has no backup to add to (no %[1]s.state); %s", path, full)
	case st.Provider != f.Provider():
		return st, nil, fmt.Errorf("-incremental: %s holds a backup of %s, not %s", path, st.Provider, f.Provider())
	case !st.Done:
		return st, nil, fmt.Errorf("-incremental: the full backup in %s is not finished; %s, which goes on where it stopped", path, full)
	case st.Mark == "":
		return st, nil, fmt.Errorf("-incremental: %s.state holds no mark to go on from (the backup was made before backup kept one); make a new full backup: move %[1]s and %[1]s.state away and %s",
			path, full)
	}
	return st, cl, nil
}

// appendRemovals writes ch's removals, when the provider knows them, to
// path cut back to offset, and returns its new length.
func appendRemovals(path string, offset int64, provider string, ch *favorites.Changes) (int64, error) {
	if !ch.RemovalsKnown || len(ch.Removed) == 0 {
		return offset, nil
	}
	out, err := openAt(path, offset)
	if err != nil {
		return 0, err
	}
	defer out.Close()
	now := time.Now().UTC()
	lines := make([]removal, len(ch.Removed))
	for i, ref := range ch.Removed {
		lines[i] = removal{Provider: provider, Ref: ref, Noticed: now}
	}
	if err := writePage(out, lines); err != nil {
		return 0, err
	}
	return out.Seek(0, io.SeekCurrent)
}

// reportChanges prints what an incremental run did, removals included or
// why they are not.
func reportChanges(w io.Writer, path, provider string, listed, written int, ch *favorites.Changes) {
	fmt.Fprintf(w, "%d new favourites appended to %s", written, path)
	if listed > written {
		fmt.Fprintf(w, " (%d more listed were in it already)", listed-written)
	}
	fmt.Fprintln(w)
	switch {
	case !ch.RemovalsKnown:
		fmt.Fprintf(w, "removals: %s does not report them since a mark; compare two full backups (favorites.Diff) to find them\n", provider)
	case len(ch.Removed) == 0:
		fmt.Fprintln(w, "removals: none")
	default:
		fmt.Fprintf(w, "removals: %d, listed in %s.removed\n", len(ch.Removed), path)
	}
}
