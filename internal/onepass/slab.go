package onepass

// Slab hands out a decoding's values of one type, and its lists of them,
// cut from larger allocations: a page's dozens of *string, *time.Time or
// []string fields cost a few allocations, not one each. Each allocation
// is as large as what the decoding took so far (at least minChunk), so at
// most about half of what it holds is left unused, and a list longer than
// half that is an allocation of its own. A Slab is emptied (Reset) when
// its decoding ends: what it handed out is the caller's, and a page's
// values never share an allocation with another page's.
//
// A list whose length is not known yet is decoded into Room, item after
// item, and Commit takes what it used: no count, and no item moved.
type Slab[T any] struct {
	free []T
	used int
	busy bool // Room was handed out and not committed yet
}

// A slab allocates at least minChunk values, and Room offers at least
// minRoom: lists of Mastodon's entities are short (a field or two, an
// emoji, a handful of tags), and a longer one costs a count and a move.
const (
	minChunk = 8
	minRoom  = 4
)

// New returns a new zero T.
func (s *Slab[T]) New() *T { return &s.Take(1)[0] }

// Take returns a list of n zero Ts whose capacity is n, so that an append
// to it never writes into another's.
func (s *Slab[T]) Take(n int) []T {
	s.used += n
	if s.busy { // the free part is Room's until Commit
		return make([]T, n)
	}
	if n > len(s.free) {
		size := max(s.used, minChunk)
		if n > size/2 {
			return make([]T, n)
		}
		s.free = make([]T, size)
	}
	l := s.free[:n:n]
	s.free = s.free[n:]
	return l
}

// Room returns zero Ts to decode a list of unknown length into, at least
// minRoom: the slab's free part until Commit, which takes the ones used.
// Meanwhile New and Take allocate elsewhere, and so does a Room asked for
// again before Commit (for a list inside an item of the first).
func (s *Slab[T]) Room() []T {
	if s.busy {
		return make([]T, minRoom)
	}
	if len(s.free) < minRoom {
		s.free = make([]T, max(s.used, minChunk))
	}
	s.busy = true
	return s.free
}

// Commit returns the first n Ts of room, a slice Room returned, with
// capacity n; the slab's free part goes on after them.
func (s *Slab[T]) Commit(room []T, n int) []T {
	if s.busy && len(room) > 0 && len(s.free) > 0 && &room[0] == &s.free[0] {
		s.free, s.busy = s.free[n:], false
	}
	s.used += n
	return room[:n:n]
}

// Reset forgets what s handed out.
func (s *Slab[T]) Reset() { *s = Slab[T]{} }
