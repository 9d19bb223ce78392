package mastodontest

import "time"

// authorStat is what an account's JSON says of its statuses: how many,
// and the newest one's time, for statuses_count and last_status_at.
type authorStat struct {
	count int
	last  time.Time
}

// noteAuthored counts st for its author. Callers hold s.mu.
func (s *Server) noteAuthored(st *status) {
	a := s.authors[st.Acct]
	if a == nil {
		a = &authorStat{}
		s.authors[st.Acct] = a
	}
	a.count++
	if st.CreatedAt.After(a.last) {
		a.last = st.CreatedAt
	}
}

// forgetAuthored uncounts st, which has left s.statuses. Only when it was
// the author's newest is the rest walked, to find the new newest. Callers
// hold s.mu.
func (s *Server) forgetAuthored(st *status) {
	a := s.authors[st.Acct]
	if a == nil {
		return
	}
	a.count--
	if a.count <= 0 {
		delete(s.authors, st.Acct)
		return
	}
	if st.CreatedAt.Before(a.last) {
		return
	}
	a.last = time.Time{}
	for _, o := range s.statuses {
		if o.Acct == st.Acct && o.CreatedAt.After(a.last) {
			a.last = o.CreatedAt
		}
	}
}

// authored is how many statuses acct has and when the newest was posted.
// Callers hold s.mu.
func (s *Server) authored(acct string) (int, time.Time) {
	if a := s.authors[acct]; a != nil {
		return a.count, a.last
	}
	return 0, time.Time{}
}
