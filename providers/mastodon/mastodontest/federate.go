package mastodontest

import (
	"net/url"
	"slices"
	"strings"
)

// Federate makes s and each peer know of each other, as two Mastodon
// instances that federate: a search with resolve=true on either finds a
// status of the other by its URI or its URL and gives it a local copy (see
// GET /api/v2/search in the package doc). The peers stay independent
// otherwise: a status deleted on one is not deleted from the copies the
// other made, and a closed peer cannot be reached. Federating a server with
// itself does nothing.
func (s *Server) Federate(peers ...*Server) {
	for _, p := range peers {
		if p == nil || p == s {
			continue
		}
		s.mu.Lock()
		s.peers[p.origin] = p
		s.mu.Unlock()
		p.mu.Lock()
		p.peers[s.origin] = s
		p.mu.Unlock()
	}
}

// fetched is what an instance answers when another fetches a status from
// it, as FetchResourceService sees the answer.
type fetched int

const (
	fetchedOK   fetched = iota // 200 with the status
	notServed                  // 404: deleted, unknown, or not public (the fetch is by the instance, not the caller)
	unreachable                // no answer: the server is closed or unknown
)

// remote is a status as its origin serves it to another instance: what
// the copy there is made of.
type remote struct {
	Status        // the origin's seed, its ID the origin's own
	uri, link     string
	author, where string // the author's username and the origin's host
}

// peerAt is the fake s federates with at origin, or nil. It takes s.mu.
func (s *Server) peerAt(origin string) *Server {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.peers[origin]
}

// serve answers another instance's fetch of q, a status's URI or URL: one
// of its own statuses that anyone may see. It takes s.mu, so the caller
// must hold no fake's lock.
func (s *Server) serve(q string) (remote, fetched) {
	if s.closed.Load() {
		return remote{}, unreachable
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.statusNamed(q)
	if st == nil || !s.mayView(st, "") {
		return remote{}, notServed
	}
	user, domain, isRemote := s.split(st.Acct)
	if isRemote || domain != s.host {
		return remote{}, notServed // Mastodon serves its own statuses only
	}
	uri, link := s.links(st)
	return remote{Status: st.Status, uri: uri, link: link, author: user, where: s.host}, fetchedOK
}

// statusNamed is the status whose uri or url is q, or nil; a status
// named by both (a uri one, a url another) is the one named by its uri,
// as Mastodon tries the uri first. Callers hold s.mu.
func (s *Server) statusNamed(q string) *status {
	var byURL *status
	for _, st := range s.statuses {
		uri, link := s.links(st)
		if uri == q {
			return st
		}
		if link == q {
			byURL = st
		}
	}
	return byURL
}

// copyOf is the local copy of r, made now with a fresh ID of this fake's
// unless one has its uri already: the origin's uri and url, the author's
// acct with the origin's domain, and the origin's content, time, media and
// visibility. Callers hold s.mu.
func (s *Server) copyOf(r remote) *status {
	for _, st := range s.statuses {
		if uri, _ := s.links(st); uri == r.uri {
			return st
		}
	}
	seed := Status{
		Content:          r.Content,
		Acct:             r.author + "@" + r.where,
		URI:              r.uri,
		URL:              r.link,
		CreatedAt:        r.CreatedAt,
		MediaPreviewURLs: slices.Clone(r.MediaPreviewURLs),
		Visibility:       r.Visibility,
	}
	return s.statuses[s.addStatus(seed)]
}

// originOfURL is the scheme and host of q, lowercased, or "" when q is not
// an absolute http(s) URL.
func originOfURL(q string) string {
	u, err := url.Parse(q)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return strings.ToLower(u.Scheme + "://" + u.Host)
}
