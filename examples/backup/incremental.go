package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/backup"
	"github.com/favkit/favorites/examples/internal/files"
)

// incremental appends to t's file a part of changes: the favourites added
// since the mark in its state, newest first as the provider gives them,
// and the removals where the provider reports them. It returns how many
// favourites it wrote. The new mark is saved only after the part is
// written and synced: a run cut short leaves the old state, and the next
// run cuts the file back to it and lists the same changes again, so
// nothing is written twice or skipped.
//
// A favourite removed and favourited again is in the part again: it takes
// its new place in the order, as the backup package reads it.
//
// The first part this version appends to a file an earlier version wrote
// (format 1) carries the removals that version wrote to <out>.removed, so
// the file says all there is to say; <out>.removed is then left as it is,
// and the restore program reads it no more.
func incremental(ctx context.Context, t target, progress io.Writer) (int, error) {
	st, cl, err := incrementalState(t.f, t.path)
	if err != nil {
		return 0, err
	}
	ch, err := cl.Changes(ctx, st.Mark)
	if errors.Is(err, favorites.ErrStaleMark) {
		return 0, fmt.Errorf("the mark in %s.state can no longer be used (%w); make a new full backup: move %s and %[1]s.state away and run backup without -incremental",
			t.path, err, t.path)
	}
	if err != nil {
		return 0, err
	}
	var removed []favorites.Ref
	if st.Format < backup.Version {
		if removed, err = files.ReadRemoved(t.path+".removed", st.RemovedOffset); err != nil {
			return 0, err
		}
	}
	carried := len(removed)
	if ch.RemovalsKnown {
		removed = append(removed, ch.Removed...)
	}
	st.Mark = ch.Mark
	if len(ch.Added)+len(removed) == 0 {
		err = saveState(t.path+".state", st) // nothing to write: the mark alone moves on
	} else {
		err = appendChanges(t, &st, ch.Added, removed)
	}
	if err != nil {
		return 0, err
	}
	reportChanges(progress, t.path, t.f.Provider(), carried, ch)
	return len(ch.Added), nil
}

// appendChanges writes a part of changes to t's file, cut back to st's
// offset, and saves st with the file's new length.
func appendChanges(t target, st *state, added []favorites.Favorite, removed []favorites.Ref) error {
	out, err := openAt(t.path, st.Offset)
	if err != nil {
		return err
	}
	defer out.Close()
	part := t.header(backup.Changes)
	if err := appendPart(out, &part, nil, added, removed...); err != nil {
		return err
	}
	st.Count += len(added)
	st.Format = backup.Version
	return saveAt(out, t.path, st)
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

// reportChanges prints what an incremental run did, removals included or
// why they are not.
func reportChanges(w io.Writer, path, provider string, carried int, ch *favorites.Changes) {
	fmt.Fprintf(w, "%d new favourites appended to %s\n", len(ch.Added), path)
	if carried > 0 {
		fmt.Fprintf(w, "removals: %d that an earlier version wrote to %s.removed are now in the file\n", carried, path)
	}
	switch {
	case !ch.RemovalsKnown:
		fmt.Fprintf(w, "removals: %s does not report them since a mark; compare two full backups (favorites.Diff) to find them\n", provider)
	case len(ch.Removed) == 0:
		fmt.Fprintln(w, "removals: none")
	default:
		fmt.Fprintf(w, "removals: %d, written in %s\n", len(ch.Removed), path)
	}
}
