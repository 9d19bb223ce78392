package mastodon

import (
	"encoding/json"
	"time"
)

// Status is a Mastodon status (a post), with the fields of the API
// document's example. Fields the type does not name are still in Raw.
type Status struct {
	ID                 string            `json:"id"`
	CreatedAt          time.Time         `json:"created_at"`
	InReplyToID        *string           `json:"in_reply_to_id"`
	InReplyToAccountID *string           `json:"in_reply_to_account_id"`
	URI                string            `json:"uri"`
	URL                *string           `json:"url"` // null for some remote statuses
	Content            string            `json:"content"`
	Visibility         string            `json:"visibility"`
	Sensitive          bool              `json:"sensitive"`
	SpoilerText        string            `json:"spoiler_text"`
	Language           *string           `json:"language"`
	RepliesCount       int               `json:"replies_count"`
	ReblogsCount       int               `json:"reblogs_count"`
	FavouritesCount    int               `json:"favourites_count"`
	Favourited         bool              `json:"favourited"` // only sent to an authenticated caller
	Reblogged          bool              `json:"reblogged"`
	Bookmarked         bool              `json:"bookmarked"`
	Muted              bool              `json:"muted"`
	Account            Account           `json:"account"`
	MediaAttachments   []MediaAttachment `json:"media_attachments"`
	Mentions           []Mention         `json:"mentions"`
	Tags               []Tag             `json:"tags"`
	Emojis             []CustomEmoji     `json:"emojis"`
	Card               *PreviewCard      `json:"card"`
	Poll               *Poll             `json:"poll"`
	Reblog             *Status           `json:"reblog"` // the boosted status, when this one is a boost

	// Raw is the status's JSON exactly as the server sent it, unknown
	// fields included: the bytes of the reply itself, not a copy, and for
	// a boost's Reblog a part of its parent's Raw. The client's calls,
	// [DecodeStatus] and [DecodeStatuses] set it; json.Unmarshal into a
	// Status leaves it empty, since it could keep the bytes only by copying
	// them (a json.Decoder reuses its buffer).
	Raw json.RawMessage `json:"-"`

	// reblogAt is where the boosted status's JSON sits in this one's, for
	// Raw: set by UnmarshalJSON, used by keepRaw.
	reblogAt span
}

// FavoriteProvider names the provider whose favourites a Status is: it lets
// [favorites.Favorite.As] decode a favourite's Raw into one.
func (*Status) FavoriteProvider() string { return ProviderName }

// Link is the status's web page: URL when the server gives one, else URI.
func (s *Status) Link() string {
	if s.URL != nil && *s.URL != "" {
		return *s.URL
	}
	return s.URI
}

// Account is the author of a status.
type Account struct {
	ID          string `json:"id"`
	Username    string `json:"username"`
	Acct        string `json:"acct"`
	DisplayName string `json:"display_name"`
	Locked      bool   `json:"locked"`
	Bot         bool   `json:"bot"`
	URL         string `json:"url"`
	Avatar      string `json:"avatar"`
}

// MediaAttachment is an image, video or audio file attached to a status.
type MediaAttachment struct {
	ID          string  `json:"id"`
	Type        string  `json:"type"` // image, gifv, video, audio, unknown
	URL         string  `json:"url"`
	PreviewURL  string  `json:"preview_url"`
	RemoteURL   *string `json:"remote_url"`
	Description *string `json:"description"`
	Blurhash    *string `json:"blurhash"`
}

// Mention is an account mentioned in a status.
type Mention struct {
	ID       string `json:"id"`
	Username string `json:"username"`
	Acct     string `json:"acct"`
	URL      string `json:"url"`
}

// Tag is a hashtag used in a status.
type Tag struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// CustomEmoji is an instance's custom emoji used in a status.
type CustomEmoji struct {
	Shortcode       string `json:"shortcode"`
	URL             string `json:"url"`
	StaticURL       string `json:"static_url"`
	VisibleInPicker bool   `json:"visible_in_picker"`
}

// PreviewCard is the link preview of a status.
type PreviewCard struct {
	URL         string  `json:"url"`
	Title       string  `json:"title"`
	Description string  `json:"description"`
	Type        string  `json:"type"` // link, photo, video, rich
	Image       *string `json:"image"`
}

// Poll is a poll attached to a status.
type Poll struct {
	ID         string       `json:"id"`
	ExpiresAt  *time.Time   `json:"expires_at"`
	Expired    bool         `json:"expired"`
	Multiple   bool         `json:"multiple"`
	VotesCount int          `json:"votes_count"`
	Options    []PollOption `json:"options"`
}

// PollOption is one choice of a poll.
type PollOption struct {
	Title      string `json:"title"`
	VotesCount *int   `json:"votes_count"` // null while results are hidden
}
