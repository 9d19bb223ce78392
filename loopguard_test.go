package favorites

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"testing"
)

// cyclingFetch serves pages "c0", "c1", ... where the page after
// c(start+length-1) links back to c(start): a loop of length pages entered
// after start pages. Each page holds its number. Past 100,000 fetches it
// fails, so a guard that misses the loop fails the test rather than hang it.
func cyclingFetch(start, length int) fetchFunc {
	fetches := 0
	return func(_ context.Context, cursor string) (Page[int], error) {
		if fetches++; fetches > 100_000 {
			return Page[int]{}, errors.New("the loop was never caught")
		}
		i := 0
		if cursor != "" {
			i, _ = strconv.Atoi(cursor[1:])
		}
		next := i + 1
		if next == start+length {
			next = start
		}
		return Page[int]{Items: []int{i}, Next: "c" + strconv.Itoa(next)}, nil
	}
}

// A loop is caught whatever its length and wherever it starts: at its
// first repeat (the page linking back is not yielded) while the walk is within the cursors the guard remembers
// one by one, and within a few laps past them, where it keeps one mark.
func TestPagerCatchesLoopsOfAnyLength(t *testing.T) {
	tests := []struct {
		start, length int
		exact         bool // caught at the first repeat
	}{
		{1, 1, true},
		{5, 3, true},
		{maxExactCursors - 3, 2, true},
		{maxExactCursors - 2, 5, false}, // straddles the remembered cursors
		{3000, 1, false},
		{3000, 7, false},
		{5000, 1500, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("start %d length %d", tt.start, tt.length), func(t *testing.T) {
			got, err := collect(t, NewPager(cyclingFetch(tt.start, tt.length), ""))
			if !errors.Is(err, ErrPaginationLoop) {
				t.Fatalf("err = %v after %d pages, want ErrPaginationLoop", err, len(got))
			}
			walked, unique := len(got), tt.start+tt.length-1 // pages before the one linking back
			if tt.exact && walked != unique || walked < unique || walked > 3*unique {
				t.Errorf("caught after %d pages; the loop closes after %d (exact: %v)", walked, unique, tt.exact)
			}
		})
	}
}

// A long walk without a loop is never mistaken for one, and the guard's
// memory stops growing at maxExactCursors.
func TestLoopGuardLongWalkStaysBounded(t *testing.T) {
	var g loopGuard
	for i := range 20 * maxExactCursors {
		next := "https://example.test/api/v1/favourites?max_id=" + strconv.Itoa(i+1)
		if g.repeated(next) {
			t.Fatalf("cursor %d taken for a repeat", i+1)
		}
		g.pass("https://example.test/api/v1/favourites?max_id=" + strconv.Itoa(i))
	}
	if len(g.exact) != maxExactCursors {
		t.Errorf("the guard remembers %d cursors, want at most %d", len(g.exact), maxExactCursors)
	}
}
