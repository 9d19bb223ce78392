package main

import (
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/favkit/favorites"
)

// tally is what became of the favourites of a run: a count an outcome,
// and each favourite not found or failed, with its reason, by position.
type tally struct {
	counts [favorites.Failed + 1]int
	missed map[int]favorites.RestoreEvent // not found or failed
}

func newTally() *tally { return &tally{missed: map[int]favorites.RestoreEvent{}} }

// record counts ev; again says ev is a favourite that failed earlier in
// the run and was tried again, whose outcome replaces the failure.
func (t *tally) record(ev favorites.RestoreEvent, again bool) {
	if again {
		t.counts[favorites.Failed]--
		delete(t.missed, ev.Position)
	}
	t.counts[ev.Outcome]++
	if ev.Outcome == favorites.NotFound || ev.Outcome == favorites.Failed {
		ev.Favorite.Raw = nil // the report needs the ref and URL only
		t.missed[ev.Position] = ev
	}
}

// print prints the report: the counts, then each favourite not found and
// each failure, with its reason, in the backup's order.
func (t *tally) print(w io.Writer, j *job, start, end int) {
	added := "added"
	if j.dryRun {
		added = "would be added (dry run)"
	}
	fmt.Fprintf(w, "restore of %s into %s: %d %s, %d already there, %d not found, %d failed",
		j.in, orDefault(j.targetURL, j.b.Provider()), t.counts[favorites.Added], added,
		t.counts[favorites.AlreadyThere], t.counts[favorites.NotFound], t.counts[favorites.Failed])
	if start > 0 {
		fmt.Fprintf(w, " (favourites %d to %d in this run; %d before it)", start+1, end, start)
	}
	fmt.Fprintln(w)
	for _, outcome := range []favorites.RestoreOutcome{favorites.NotFound, favorites.Failed} {
		if t.counts[outcome] > 0 {
			fmt.Fprintf(w, "%s:\n", outcome)
		}
		for _, pos := range slices.Sorted(maps.Keys(t.missed)) {
			if ev := t.missed[pos]; ev.Outcome == outcome {
				fmt.Fprintf(w, "  #%d %s %s: %v\n", pos, ev.Favorite.Ref, ev.Favorite.URL, ev.Err)
			}
		}
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
