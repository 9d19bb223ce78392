package mastodontest

import (
	"encoding/json"
	"hash/fnv"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// wireStatus is a status as Mastodon sends it. EditedAt and Filtered are
// fields the SDK's Status type does not name, so tests can see that unknown
// fields survive in Favorite.Raw.
type wireStatus struct {
	ID                 string      `json:"id"`
	CreatedAt          string      `json:"created_at"`
	InReplyToID        *string     `json:"in_reply_to_id"`
	InReplyToAccountID *string     `json:"in_reply_to_account_id"`
	Sensitive          bool        `json:"sensitive"`
	SpoilerText        string      `json:"spoiler_text"`
	Visibility         string      `json:"visibility"`
	Language           string      `json:"language"`
	URI                string      `json:"uri"`
	URL                string      `json:"url"`
	RepliesCount       int         `json:"replies_count"`
	ReblogsCount       int         `json:"reblogs_count"`
	FavouritesCount    int         `json:"favourites_count"`
	EditedAt           *string     `json:"edited_at"`
	Favourited         *bool       `json:"favourited,omitempty"` // only for a caller with a token
	Reblogged          *bool       `json:"reblogged,omitempty"`
	Muted              *bool       `json:"muted,omitempty"`
	Bookmarked         *bool       `json:"bookmarked,omitempty"`
	Content            string      `json:"content"`
	Filtered           []any       `json:"filtered,omitempty"`
	Reblog             *wireStatus `json:"reblog"`
	Account            wireAccount `json:"account"`
	MediaAttachments   []wireMedia `json:"media_attachments"`
	Mentions           []any       `json:"mentions"`
	Tags               []any       `json:"tags"`
	Emojis             []any       `json:"emojis"`
	Card               *struct{}   `json:"card"`
	Poll               *struct{}   `json:"poll"`
}

type wireAccount struct {
	ID          string `json:"id"`
	Username    string `json:"username"`
	Acct        string `json:"acct"`
	DisplayName string `json:"display_name"`
	Locked      bool   `json:"locked"`
	Bot         bool   `json:"bot"`
	URL         string `json:"url"`
	Avatar      string `json:"avatar"`
}

type wireMedia struct {
	ID          string  `json:"id"`
	Type        string  `json:"type"`
	URL         string  `json:"url"`
	PreviewURL  string  `json:"preview_url"`
	RemoteURL   *string `json:"remote_url"`
	Description *string `json:"description"`
	Blurhash    *string `json:"blurhash"`
}

// render builds st's JSON as viewer sees it; viewer "" is a caller without
// a token. Callers hold s.mu.
func (s *Server) render(st *status, viewer string) wireStatus {
	user, domain, _ := strings.Cut(st.Acct, "@")
	if domain == "" {
		domain = s.host()
	}
	profile := "https://" + domain + "/@" + user
	out := wireStatus{
		ID:               st.ID,
		CreatedAt:        st.CreatedAt.UTC().Format("2006-01-02T15:04:05.000Z"),
		Visibility:       "public",
		Language:         "en",
		URI:              "https://" + domain + "/users/" + user + "/statuses/" + url.PathEscape(st.ID),
		URL:              profile + "/" + url.PathEscape(st.ID),
		FavouritesCount:  s.favCount(st.ID),
		Content:          st.Content,
		Account:          wireAccount{ID: accountID(st.Acct), Username: user, Acct: st.Acct, DisplayName: user, URL: profile, Avatar: profile + "/avatar.png"},
		MediaAttachments: []wireMedia{},
		Mentions:         []any{},
		Tags:             []any{},
		Emojis:           []any{},
	}
	for i, p := range st.MediaPreviewURLs {
		out.MediaAttachments = append(out.MediaAttachments, wireMedia{
			ID: st.ID + "-" + strconv.Itoa(i), Type: "image", URL: p, PreviewURL: p})
	}
	if viewer != "" {
		fav, no := s.findFav(viewer, st.ID) != nil, false
		out.Favourited, out.Reblogged, out.Muted, out.Bookmarked = &fav, &no, &no, &no
		out.Filtered = []any{}
	}
	return out
}

// host is the fake's host name, for the URLs of local accounts.
func (s *Server) host() string {
	u, err := url.Parse(s.URL)
	if err != nil {
		return "mastodon.example"
	}
	return u.Host
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError answers with Mastodon's error body, {"error": msg}.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

// accountID gives each acct a stable numeric ID.
func accountID(acct string) string {
	h := fnv.New32a()
	_, _ = h.Write([]byte(acct))
	return strconv.FormatUint(uint64(h.Sum32()), 10)
}
