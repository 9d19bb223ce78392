package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/watch"
)

// watchState is what -state holds: the watch's mark after the last
// favourite handled, and how many were copied in all.
type watchState struct {
	Provider string `json:"provider"`
	Mark     string `json:"mark"`
	Copied   int    `json:"copied"`
}

// copier copies each new favourite of one account to another as the watch
// yields it, saving its state after each.
type copier struct {
	from      favorites.ChangeLister
	to        favorites.Favorites
	provider  string
	path      string // the state file
	st        watchState
	stopAfter int // favourites copied in this run; 0: no end
	out       io.Writer
}

// startWatch loads the state at path, or on a first run takes a mark of
// from's list now and saves it at once, so that favourites made while the
// bot is stopped later are copied on its next start.
func startWatch(ctx context.Context, from favorites.Favorites, path string, out io.Writer) (watchState, error) {
	st, err := loadWatchState(path)
	if err == nil && st.Provider != "" && st.Provider != from.Provider() {
		err = fmt.Errorf("%s holds a watch of %s, not %s", path, st.Provider, from.Provider())
	}
	if err != nil || st.Mark != "" {
		return st, err
	}
	cl, ok := from.(favorites.ChangeLister)
	if !ok {
		return st, fmt.Errorf("-watch: provider %s cannot list what changed since a mark", from.Provider())
	}
	ch, err := cl.Changes(ctx, "")
	if err != nil {
		return st, fmt.Errorf("taking the mark to watch from: %w", err)
	}
	st = watchState{Provider: from.Provider(), Mark: ch.Mark}
	if err := saveWatchState(path, st); err != nil {
		return st, err
	}
	fmt.Fprintf(out, "%s: first run: watching from now; the place is kept in %s\n", st.Provider, path)
	return st, nil
}

// run copies until ctx ends, stopAfter favourites are copied, or a
// failure no later round can mend.
func (c *copier) run(ctx context.Context, opts *watch.Options) error {
	rounds := &roundLog{ChangeLister: c.from, c: c}
	copied := 0
	for ev, err := range watch.Added(ctx, rounds, c.st.Mark, opts) {
		switch {
		case errors.Is(err, favorites.ErrStaleMark):
			return fmt.Errorf("the mark in %s can no longer be used (%w); remove %[1]s to watch from now on (favourites made since the mark are then not copied)",
				c.path, err)
		case err != nil && favorites.IsTemporary(err):
			continue // the round's line said so; the watch waits longer
		case err != nil:
			return err
		}
		if err := c.copy(ctx, ev); err != nil {
			return err
		}
		if copied++; copied == c.stopAfter {
			return nil
		}
	}
	return nil // ctx ended
}

// copy adds ev's favourite to the second account and saves the mark after
// it. A failed add keeps the mark before it, so the next run tries again;
// an item the second account cannot find is reported and passed.
func (c *copier) copy(ctx context.Context, ev watch.Event) error {
	err := c.to.Add(ctx, ev.Favorite.Ref)
	switch {
	case err == nil:
		c.st.Copied++
		fmt.Fprintf(c.out, "  copied %s %q (%d in all)\n", ev.Favorite.Ref, ev.Favorite.Title, c.st.Copied)
	case ctx.Err() != nil:
		return nil // stopped: the state is still before this favourite
	case errors.Is(err, favorites.ErrNotFound):
		fmt.Fprintf(c.out, "  skipped %s: not found on the second account\n", ev.Favorite.Ref)
	default:
		return fmt.Errorf("copying %s: %w (%s keeps the place before it, so the next run tries it again)", ev.Favorite.Ref, err, c.path)
	}
	c.st.Mark = ev.Mark
	return saveWatchState(c.path, c.st)
}

// roundLog prints a progress line for each round of the watch (one call of
// Changes) when it has listed, before the round's favourites are copied: it
// says what the round found, and each copy's line the count so far.
type roundLog struct {
	favorites.ChangeLister
	c *copier
	n int
}

func (r *roundLog) Changes(ctx context.Context, mark string) (*favorites.Changes, error) {
	ch, err := r.ChangeLister.Changes(ctx, mark)
	r.n++
	switch {
	case ctx.Err() != nil:
	case err != nil && favorites.IsTemporary(err):
		fmt.Fprintf(r.c.out, "%s round %d: %v; trying again later\n", r.c.provider, r.n, err)
	case err == nil:
		fmt.Fprintf(r.c.out, "%s round %d: %d new since the mark\n", r.c.provider, r.n, len(ch.Added))
	}
	return ch, err
}

func loadWatchState(path string) (watchState, error) {
	var st watchState
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return st, nil
	}
	if err == nil {
		if err = json.Unmarshal(data, &st); err == nil && (st.Provider == "" || st.Mark == "") {
			err = errors.New("no provider or mark")
		}
	}
	if err != nil {
		return st, fmt.Errorf("%s is not a syncbot watch state: %w", path, err)
	}
	return st, nil
}

// saveWatchState replaces the state file atomically and durably: a crash
// leaves the old state or the new one.
func saveWatchState(path string, st watchState) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if err = errors.Join(err, f.Close()); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
