package mastodontest

import (
	"encoding/json"
	"hash/fnv"
	"net/http"
	"strconv"
)

// The fake's own wire types: the keys and nulls of Mastodon's REST
// serializers (app/serializers/rest/status_serializer.rb,
// account_serializer.rb, media_attachment_serializer.rb,
// custom_emoji_serializer.rb). A key Mastodon sends only under a condition
// is a pointer or slice with omitempty; a key it always sends, null
// included, has no omitempty.

// wireStatus is REST::StatusSerializer's output. Several of its keys are
// ones the SDK's Status type does not name (edited_at, filtered,
// quotes_count, quote, quote_approval, application), so tests can see that
// unknown fields survive in Favorite.Raw.
type wireStatus struct {
	ID                 string           `json:"id"`
	CreatedAt          string           `json:"created_at"`
	InReplyToID        *string          `json:"in_reply_to_id"`
	InReplyToAccountID *string          `json:"in_reply_to_account_id"`
	Sensitive          bool             `json:"sensitive"`
	SpoilerText        string           `json:"spoiler_text"`
	Visibility         string           `json:"visibility"`
	Language           *string          `json:"language"`
	URI                string           `json:"uri"`
	URL                *string          `json:"url"`
	RepliesCount       int              `json:"replies_count"`
	ReblogsCount       int              `json:"reblogs_count"`
	FavouritesCount    int              `json:"favourites_count"`
	QuotesCount        int              `json:"quotes_count"`
	EditedAt           *string          `json:"edited_at"`
	Favourited         *bool            `json:"favourited,omitempty"` // the four only for a caller with a token
	Reblogged          *bool            `json:"reblogged,omitempty"`
	Muted              *bool            `json:"muted,omitempty"`
	Bookmarked         *bool            `json:"bookmarked,omitempty"`
	Pinned             *bool            `json:"pinned,omitempty"`   // only when the caller could pin it: its author
	Filtered           *[]any           `json:"filtered,omitempty"` // only for a caller with a token
	Content            string           `json:"content"`
	Reblog             *wireStatus      `json:"reblog"`
	Application        *wireApplication `json:"application,omitempty"` // only where the author shows it
	Account            wireAccount      `json:"account"`
	MediaAttachments   []wireMedia      `json:"media_attachments"`
	Mentions           []wireMention    `json:"mentions"`
	Tags               []wireTag        `json:"tags"`
	Emojis             []wireEmoji      `json:"emojis"`
	Quote              *struct{}        `json:"quote"`
	Card               *struct{}        `json:"card"`
	Poll               *struct{}        `json:"poll"`
	QuoteApproval      wirePolicy       `json:"quote_approval"`
}

// wireAccount is REST::AccountSerializer's output.
type wireAccount struct {
	ID                string      `json:"id"`
	Username          string      `json:"username"`
	Acct              string      `json:"acct"`
	DisplayName       string      `json:"display_name"`
	Locked            bool        `json:"locked"`
	Bot               bool        `json:"bot"`
	Discoverable      *bool       `json:"discoverable"` // null: a remote account that never said
	Indexable         bool        `json:"indexable"`
	Group             bool        `json:"group"`
	CreatedAt         string      `json:"created_at"` // the day's midnight
	Note              string      `json:"note"`
	URL               string      `json:"url"`
	URI               string      `json:"uri"`
	Avatar            string      `json:"avatar"`
	AvatarStatic      string      `json:"avatar_static"`
	AvatarDescription string      `json:"avatar_description"`
	Header            string      `json:"header"`
	HeaderStatic      string      `json:"header_static"`
	HeaderDescription string      `json:"header_description"`
	FollowersCount    int         `json:"followers_count"`
	FollowingCount    int         `json:"following_count"`
	StatusesCount     int         `json:"statuses_count"`
	LastStatusAt      *string     `json:"last_status_at"`   // a bare date, "2025-03-01", or null
	HideCollections   *bool       `json:"hide_collections"` // null: a remote account that never said
	ShowMedia         bool        `json:"show_media"`
	ShowMediaReplies  bool        `json:"show_media_replies"`
	ShowFeatured      bool        `json:"show_featured"`
	Noindex           *bool       `json:"noindex,omitempty"` // local accounts only
	Emojis            []wireEmoji `json:"emojis"`
	Roles             *[]wireRole `json:"roles,omitempty"` // local accounts only, [] for a plain user
	FeatureApproval   wirePolicy  `json:"feature_approval"`
	Fields            []wireField `json:"fields"`
}

// wireField is one profile field; VerifiedAt is null unless the link was
// verified.
type wireField struct {
	Name       string  `json:"name"`
	Value      string  `json:"value"`
	VerifiedAt *string `json:"verified_at"`
}

type wireEmoji struct {
	Shortcode       string `json:"shortcode"`
	URL             string `json:"url"`
	StaticURL       string `json:"static_url"`
	VisibleInPicker bool   `json:"visible_in_picker"`
}

type wireRole struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Color string `json:"color"`
}

// wirePolicy is an interaction policy: a status's quote_approval or an
// account's feature_approval.
type wirePolicy struct {
	Automatic   []string `json:"automatic"`
	Manual      []string `json:"manual"`
	CurrentUser string   `json:"current_user"`
}

type wireApplication struct {
	Name    string  `json:"name"`
	Website *string `json:"website"`
}

type wireMention struct {
	ID       string `json:"id"`
	Username string `json:"username"`
	URL      string `json:"url"`
	Acct     string `json:"acct"`
}

type wireTag struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

type wireMedia struct {
	ID               string         `json:"id"`
	Type             string         `json:"type"`
	URL              string         `json:"url"`
	PreviewURL       string         `json:"preview_url"`
	RemoteURL        *string        `json:"remote_url"`
	PreviewRemoteURL *string        `json:"preview_remote_url"`
	TextURL          *string        `json:"text_url"` // local media only
	Meta             *wireMediaMeta `json:"meta"`
	Description      *string        `json:"description"`
	Blurhash         *string        `json:"blurhash"`
}

type wireMediaMeta struct {
	Original wireSize `json:"original"`
	Small    wireSize `json:"small"`
}

type wireSize struct {
	Width  int     `json:"width"`
	Height int     `json:"height"`
	Size   string  `json:"size"`
	Aspect float64 `json:"aspect"`
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

// accountID gives each acct a numeric ID, stable on this fake and its own.
func (s *Server) accountID(acct string) string {
	return strconv.FormatInt(s.accountBase+int64(hash32(acct)), 10)
}

func hash32(s string) uint32 {
	h := fnv.New32a()
	_, _ = h.Write([]byte(s))
	return h.Sum32()
}
