package mastodontest

// mayView reports whether viewer ("" for a caller without a token) may
// see st, as Mastodon's StatusPolicy#show? decides it for the fake's
// world, which has no follows or mentions: a public or unlisted status
// anyone, a private or direct one its author alone. Callers hold s.mu.
func (s *Server) mayView(st *status, viewer string) bool {
	switch st.Visibility {
	case "private", "direct":
		return viewer != "" && st.Acct == viewer // a local author's acct is the username
	}
	return true
}
