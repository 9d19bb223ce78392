package mastodontest

import "net/http"

// wireCredentialAccount is REST::CredentialAccountSerializer's output: the
// account, with the source of its profile and its role.
type wireCredentialAccount struct {
	wireAccount
	Source wireSource `json:"source"`
	Role   wireRole   `json:"role"`
}

type wireSource struct {
	Privacy             string      `json:"privacy"`
	Sensitive           bool        `json:"sensitive"`
	Language            string      `json:"language"`
	Note                string      `json:"note"`
	Fields              []wireField `json:"fields"`
	FollowRequestsCount int         `json:"follow_requests_count"`
	HideCollections     bool        `json:"hide_collections"`
	Discoverable        bool        `json:"discoverable"`
	Indexable           bool        `json:"indexable"`
	AttributionDomains  []string    `json:"attribution_domains"`
}

// verifyCredentials is GET /api/v1/accounts/verify_credentials, for a
// token with profile, read or read:accounts
// (app/controllers/api/v1/accounts/credentials_controller.rb).
func (s *Server) verifyCredentials(w http.ResponseWriter, r *http.Request) {
	user, ok := s.authorize(w, r, "profile", "read:accounts")
	if !ok {
		return
	}
	s.mu.Lock()
	a := s.renderAccount(user, user)
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, wireCredentialAccount{
		wireAccount: a,
		Source: wireSource{Privacy: "public", Language: "en", Note: "Favourites, mostly.",
			Fields: a.Fields, Discoverable: true, Indexable: true, AttributionDomains: []string{}},
		Role: wireRole{ID: "-99", Name: "", Color: ""},
	})
}
