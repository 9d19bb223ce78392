package mastodontest

import (
	"net/url"
	"strings"
)

// placeAuthor settles st's author against its URI. A status whose URI names
// another host is that server's: an author without a domain gets the
// host's, and the host's scheme is kept for the URIs of its accounts. An
// author with this fake's own domain is local. Callers hold s.mu.
func (s *Server) placeAuthor(st *Status) {
	user, domain, remote := strings.Cut(st.Acct, "@")
	if remote && domain == s.host {
		st.Acct, remote = user, false
	}
	if st.URI == "" {
		return
	}
	u, err := url.Parse(st.URI)
	if err != nil || u.Host == "" || u.Host == s.host {
		return
	}
	if !remote {
		domain, st.Acct = u.Host, user+"@"+u.Host
	}
	if domain == u.Host {
		s.origins[domain] = u.Scheme + "://" + u.Host
	}
}

// originOf is the scheme and host of domain's server: this fake's for its
// own domain, the one a status's URI named for another, else https.
// Callers hold s.mu.
func (s *Server) originOf(domain string) string {
	if domain == s.host {
		return s.origin
	}
	if o, ok := s.origins[domain]; ok {
		return o
	}
	return "https://" + domain
}
