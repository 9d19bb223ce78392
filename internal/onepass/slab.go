package onepass

// Slab hands out a decoding's values of one type, and its lists of them,
// cut from larger allocations: a page's dozens of *string, *time.Time or
// []string fields cost a few allocations, not one each. Each allocation
// is as large as what the decoding took so far (at least 4), so at most
// half of what it holds is left unused, and a list longer than half that
// is an allocation of its own. A Slab is emptied (Reset) when its decoding
// ends: what it handed out is the caller's, and a page's values never
// share an allocation with another page's.
type Slab[T any] struct {
	free []T
	used int
}

// New returns a new zero T.
func (s *Slab[T]) New() *T { return &s.Take(1)[0] }

// Take returns a list of n zero Ts whose capacity is n, so that an append
// to it never writes into another's.
func (s *Slab[T]) Take(n int) []T {
	if n > len(s.free) {
		size := max(s.used, 4)
		s.used += n
		if n > size/2 {
			return make([]T, n)
		}
		s.free = make([]T, size)
	} else {
		s.used += n
	}
	l := s.free[:n:n]
	s.free = s.free[n:]
	return l
}

// Reset forgets what s handed out.
func (s *Slab[T]) Reset() { *s = Slab[T]{} }
