package mastodontest

import (
	"fmt"
	"slices"
	"strconv"
	"time"
)

// Status is what a test seeds: the fake fills in the rest of the status's
// JSON (URI, URL, account, counts, ...).
type Status struct {
	// ID is the status ID; empty gives a fresh numeric one, from this
	// fake's own sequence. IDs are strings, and need not be numeric, as on
	// some non-Mastodon servers.
	ID string
	// Content is the status's HTML, such as "<p>hello</p>".
	Content string
	// Acct is the author, "user" or "user@remote.example"; empty is "bob".
	// A user without a domain, on a status whose URI names another host,
	// is that host's.
	Acct string
	// URI is the status's ActivityPub ID, which names it on every server.
	// Empty gives one on the author's server: this fake's scheme and host
	// for a local author ("http://127.0.0.1:1234/users/bob/statuses/ID"),
	// https and the acct's domain for a remote one. Set it for a status that
	// stands for one on another server, such as another fake's: the status
	// then has a local ID of this fake's and the origin's URI, as a
	// federated copy on Mastodon has.
	URI string
	// URL is the status's web page; empty gives one beside the URI's
	// default, "<origin>/@user/ID".
	URL string
	// CreatedAt is when it was posted; zero is now.
	CreatedAt time.Time
	// MediaPreviewURLs gives one image attachment per preview URL.
	MediaPreviewURLs []string
	// Visibility is "public" (empty), "unlisted", "private" or "direct".
	// The fake has no follows, so a private or direct status is seen by
	// its author alone: to anyone else it answers 404 and a search finds
	// nothing, as Mastodon answers a caller who may not see it.
	Visibility string
}

type status struct {
	Status
}

// fav is one favourite, with its internal ID: what max_id and min_id page by.
type fav struct {
	id        int64
	user      string
	statusID  string
	removedAt time.Time // zero while the favourite holds
}

// favKey names a favourite by who holds it and of what.
type favKey struct{ user, statusID string }

// AddStatus stores st and returns its ID. A status that already exists is
// replaced.
func (s *Server) AddStatus(st Status) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addStatus(st)
}

// addStatus is AddStatus; callers hold s.mu.
func (s *Server) addStatus(st Status) string {
	seq := s.nextStatus
	s.nextStatus++
	if st.ID == "" {
		st.ID = strconv.FormatInt(s.statusBase+seq*statusStep, 10)
	}
	if st.Acct == "" {
		st.Acct = "bob"
	}
	s.placeAuthor(&st)
	if st.CreatedAt.IsZero() {
		st.CreatedAt = time.Now().UTC().Truncate(time.Millisecond)
	}
	if old, ok := s.statuses[st.ID]; ok {
		delete(s.statuses, st.ID)
		s.forgetAuthored(old)
	}
	s.statuses[st.ID] = &status{Status: st}
	s.noteAuthored(s.statuses[st.ID])
	return st.ID
}

// AddStatuses stores n statuses with the contents "<p>Status 1</p>", ...
// and returns their IDs in order.
func (s *Server) AddStatuses(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = s.AddStatus(Status{Content: fmt.Sprintf("<p>Status %d</p>", i+1)})
	}
	return ids
}

// Favorite makes the statuses favourites of user, in order, as if user had
// favourited each now: the last is the newest favourite, so [Server.Favorites]
// and listings give them in reverse. A status that is a favourite already
// stays where it is, as on Mastodon. An unknown user (one no token acts
// as; see [Server.AddToken]) or status is an error, and then nothing
// changes.
func (s *Server) Favorite(user string, ids ...string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkSeed(user, ids); err != nil {
		return err
	}
	for _, id := range ids {
		s.addFav(user, id)
	}
	return nil
}

// Unfavorite removes the statuses from user's favourites; a status that
// is not one is left alone, as on Mastodon. Unlike an unfavourite request
// it takes effect in listings at once, whatever [WithUnfavouriteDelay]
// says: it sets the state a test starts from, not a change in flight. An
// unknown user or status is an error, and then nothing changes.
func (s *Server) Unfavorite(user string, ids ...string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkSeed(user, ids); err != nil {
		return err
	}
	for _, id := range ids {
		s.dropFav(user, id)
	}
	return nil
}

// checkSeed refuses a seeding call for a user no token acts as, or with a
// status the server does not have, before anything changes. Callers hold
// s.mu.
func (s *Server) checkSeed(user string, ids []string) error {
	if !s.knownUser(user) {
		return fmt.Errorf("mastodontest: no user %q: no token acts as it (see AddAccount or AddToken)", user)
	}
	for _, id := range ids {
		if _, ok := s.statuses[id]; !ok {
			return fmt.Errorf("mastodontest: no status %q", id)
		}
	}
	return nil
}

// knownUser reports whether some token acts as user: the fake has no other
// list of accounts. Callers hold s.mu.
func (s *Server) knownUser(user string) bool {
	for _, t := range s.tokens {
		if user != "" && t.user == user {
			return true
		}
	}
	return false
}

// DeleteStatus deletes a status and every favourite of it, as Mastodon
// does (a status's favourites go with it): afterwards the status's calls
// answer 404 {"error":"Record not found"}. It fails for an unknown status.
func (s *Server) DeleteStatus(statusID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.statuses[statusID]
	if !ok {
		return fmt.Errorf("mastodontest: no status %q", statusID)
	}
	delete(s.statuses, statusID)
	s.forgetAuthored(st)
	delete(s.counts, statusID)
	for k := range s.standing {
		if k.statusID == statusID {
			delete(s.standing, k)
		}
	}
	s.favs = slices.DeleteFunc(s.favs, func(f *fav) bool { return f.statusID == statusID })
	return nil
}

// Favorites returns the status IDs user has favourited, newest favourite
// first as the listing gives them, as they stand now (an unfavourite still
// pending under [WithUnfavouriteDelay] already counts as done).
func (s *Server) Favorites(user string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var ids []string
	for _, f := range slices.Backward(s.favs) {
		if f.user == user && f.removedAt.IsZero() {
			ids = append(ids, f.statusID)
		}
	}
	return ids
}

// AddToken lets token act as user with the given scopes, such as "read",
// "write", "read:favourites" or "write:favourites". An empty user makes an
// application token with no user. [Server.AddAccount] is the usual way to a
// second account; AddToken gives it the name, token and scopes you choose.
func (s *Server) AddToken(token, user string, scopes ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens[token] = tokenInfo{user: user, scopes: slices.Clone(scopes)}
}

// addFav favourites statusID for user unless it is one already. Callers
// hold s.mu.
func (s *Server) addFav(user, statusID string) {
	if s.findFav(user, statusID) != nil {
		return
	}
	if s.unfavDelay > 0 {
		// A re-favourite replaces a removal still pending in the background.
		s.favs = slices.DeleteFunc(s.favs, func(f *fav) bool { return f.user == user && f.statusID == statusID })
	}
	f := &fav{id: s.nextFav, user: user, statusID: statusID}
	s.favs = append(s.favs, f)
	s.standing[favKey{user, statusID}] = f
	s.counts[statusID]++
	s.nextFav++
}

// removeFav unfavourites statusID for user; listings see it after the
// unfavourite delay. Callers hold s.mu.
func (s *Server) removeFav(user, statusID string) {
	f := s.findFav(user, statusID)
	if f != nil {
		delete(s.standing, favKey{user, statusID})
		s.counts[statusID]--
	}
	switch {
	case f == nil:
	case s.unfavDelay <= 0:
		s.favs = slices.DeleteFunc(s.favs, func(g *fav) bool { return g == f })
	default:
		f.removedAt = time.Now()
	}
}

// dropFav removes user's favourite of statusID at once, in listings too.
// Callers hold s.mu.
func (s *Server) dropFav(user, statusID string) {
	if s.findFav(user, statusID) != nil {
		delete(s.standing, favKey{user, statusID})
		s.counts[statusID]--
	}
	// A removal still pending from an unfavourite request goes too.
	s.favs = slices.DeleteFunc(s.favs, func(f *fav) bool { return f.user == user && f.statusID == statusID })
}

// findFav is user's standing favourite of statusID, or nil.
func (s *Server) findFav(user, statusID string) *fav {
	return s.standing[favKey{user, statusID}]
}

// listed reports whether f still shows in listings.
func (s *Server) listed(f *fav, now time.Time) bool {
	return f.removedAt.IsZero() || now.Before(f.removedAt.Add(s.unfavDelay))
}

// favCount is how many users hold statusID as a favourite.
func (s *Server) favCount(statusID string) int {
	return s.counts[statusID]
}
