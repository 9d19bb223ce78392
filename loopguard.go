package favorites

import "hash/maphash"

// maxExactCursors is how many cursors a loopGuard remembers one by one: a
// walk of up to that many pages catches a repeat at once. It bounds the
// guard at some 16 KiB, less than one page of most listings, so streaming
// any number of favourites holds a page's worth of memory, not a walk's.
const maxExactCursors = 1024

// loopGuard tells whether a listing's next cursor came before in the walk,
// so a server that links back never makes it endless. It holds a hash of
// each cursor passed, up to maxExactCursors. Past that it keeps a single
// mark in the manner of Brent's cycle detection: the mark moves to the
// cursor just passed after 1, 2, 4, 8, ... pages, so any longer cycle is
// caught within about two of its laps, in constant memory.
type loopGuard struct {
	seed       maphash.Seed
	exact      map[uint64]struct{}
	mark       uint64 // hash of the marked cursor, once exact is full
	marked     bool
	lap, steps int // pages until the mark moves on, and pages since it did
}

// repeated reports whether cursor has been passed before.
func (g *loopGuard) repeated(cursor string) bool {
	if g.exact == nil {
		return false
	}
	h := maphash.String(g.seed, cursor)
	_, seen := g.exact[h]
	return seen || g.marked && h == g.mark
}

// pass records that the walk has moved on from cursor.
func (g *loopGuard) pass(cursor string) {
	if g.exact == nil {
		g.seed, g.exact = maphash.MakeSeed(), make(map[uint64]struct{})
	}
	h := maphash.String(g.seed, cursor)
	if len(g.exact) < maxExactCursors {
		g.exact[h] = struct{}{}
		return
	}
	if g.steps++; g.steps >= g.lap {
		g.mark, g.marked, g.lap, g.steps = h, true, max(2*g.lap, 1), 0
	}
}
