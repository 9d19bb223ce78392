package main

import (
	"fmt"
	"io"

	"github.com/favkit/favorites"
)

// printReport prints what the run did: the counts, then each favourite not
// found and each failure, with its reason.
func printReport(w io.Writer, rep *favorites.RestoreReport, start int, j *job) {
	added := "added"
	if j.dryRun {
		added = "would be added (dry run)"
	}
	fmt.Fprintf(w, "restore of %s into %s: %d %s, %d already there, %d not found, %d failed",
		j.in, orDefault(j.targetURL, j.b.Provider()), len(rep.Added), added, len(rep.AlreadyThere), len(rep.NotFound), len(rep.Failed))
	if start > 0 {
		fmt.Fprintf(w, " (favourites %d to %d in this run; %d before it)", start+1, rep.Position, start)
	}
	fmt.Fprintln(w)
	for _, group := range []struct {
		name   string
		events []favorites.RestoreEvent
	}{{"not found", rep.NotFound}, {"failed", rep.Failed}} {
		if len(group.events) > 0 {
			fmt.Fprintf(w, "%s:\n", group.name)
		}
		for _, ev := range group.events {
			fmt.Fprintf(w, "  #%d %s %s: %v\n", ev.Position, ev.Favorite.Ref, ev.Favorite.URL, ev.Err)
		}
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
