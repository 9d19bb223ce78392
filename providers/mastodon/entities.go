package mastodon

import "time"

// The entities a status holds, each with every field of its page in
// Mastodon's entity documentation (content/en/entities/*.md of
// github.com/mastodon/documentation), checked against the serializers that
// send them (app/serializers/rest/*.rb of github.com/mastodon/mastodon).
// A nullable field is a pointer, nil for null or absent, unless its
// comment names the zero value that stands for null; a field that
// Mastodon only sends in some cases is its zero value when absent.

// Account is the author of a status, a mentioned or moved account.
type Account struct {
	ID          string `json:"id"`
	Username    string `json:"username"`
	Acct        string `json:"acct"` // username, or username@domain for a remote account
	DisplayName string `json:"display_name"`
	Locked      bool   `json:"locked"`
	Bot         bool   `json:"bot"`
	URL         string `json:"url"` // the profile page; "" when the server sends null
	Avatar      string `json:"avatar"`

	URI               string `json:"uri"`  // the ActivityPub actor
	Note              string `json:"note"` // the bio, in HTML
	AvatarStatic      string `json:"avatar_static"`
	AvatarDescription string `json:"avatar_description,omitempty"`
	Header            string `json:"header"`
	HeaderStatic      string `json:"header_static"`
	HeaderDescription string `json:"header_description,omitempty"`
	Group             bool   `json:"group"`
	// Discoverable is nil when the account has not chosen.
	Discoverable *bool `json:"discoverable"`
	Indexable    bool  `json:"indexable"`
	// NoIndex is only sent for a local account: nil for a remote one.
	NoIndex *bool `json:"noindex,omitempty"`
	// HideCollections is nil when the account has not chosen.
	HideCollections  *bool `json:"hide_collections,omitempty"`
	ShowMedia        bool  `json:"show_media,omitempty"`
	ShowMediaReplies bool  `json:"show_media_replies,omitempty"`
	ShowFeatured     bool  `json:"show_featured,omitempty"`
	// Memorial, Suspended and Limited are only sent when true.
	Memorial  bool `json:"memorial,omitempty"`
	Suspended bool `json:"suspended,omitempty"`
	Limited   bool `json:"limited,omitempty"`

	CreatedAt time.Time `json:"created_at"` // Mastodon rounds it to midnight UTC
	// LastStatusAt is the day of the latest status; nil if there is none.
	LastStatusAt *Date `json:"last_status_at"`
	// The counts. FollowersCount is -1 when the account or the server
	// hides it (account_serializer.rb).
	StatusesCount  int `json:"statuses_count"`
	FollowersCount int `json:"followers_count"`
	FollowingCount int `json:"following_count"`

	Fields []Field       `json:"fields"`
	Emojis []CustomEmoji `json:"emojis"`
	Roles  []AccountRole `json:"roles"` // nil for a remote account
	Moved  *Account      `json:"moved,omitempty"`
	// FeatureApproval says who may feature the account in a collection;
	// nil from servers that do not send it.
	FeatureApproval *Approval `json:"feature_approval,omitempty"`
}

// Field is one name and value pair of an account's profile.
type Field struct {
	Name  string `json:"name"`
	Value string `json:"value"` // HTML
	// VerifiedAt is when the server verified Value's rel="me" link; nil
	// when it did not.
	VerifiedAt *time.Time `json:"verified_at"`
}

// AccountRole is a role an account shows on its profile.
type AccountRole struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Color string `json:"color"` // a hex code, "" when the role has none
}

// MediaAttachment is an image, video or audio file attached to a status.
type MediaAttachment struct {
	ID   string `json:"id"`
	Type string `json:"type"` // image, gifv, video, audio, unknown
	// URL is "" when the server sends null (the file is still processed).
	URL string `json:"url"`
	// PreviewURL is "" when the server sends null.
	PreviewURL       string     `json:"preview_url"`
	RemoteURL        *string    `json:"remote_url"`
	PreviewRemoteURL *string    `json:"preview_remote_url"`
	Meta             *MediaMeta `json:"meta"`
	Description      *string    `json:"description"`
	Blurhash         *string    `json:"blurhash"`
}

// MediaMeta is what the server measured of an attachment's file. Which
// fields it fills depends on the type (see the examples of Mastodon's
// MediaAttachment page): sizes for images, also length, duration, fps and
// audio for video, and audio for audio. Absent ones are zero.
type MediaMeta struct {
	Original *MediaSize  `json:"original,omitempty"`
	Small    *MediaSize  `json:"small,omitempty"`
	Focus    *MediaFocus `json:"focus,omitempty"`

	Length        string  `json:"length,omitempty"`   // "0:01:28.65"
	Duration      float64 `json:"duration,omitempty"` // seconds
	FPS           float64 `json:"fps,omitempty"`
	Size          string  `json:"size,omitempty"` // "1280x720"
	Width         int     `json:"width,omitempty"`
	Height        int     `json:"height,omitempty"`
	Aspect        float64 `json:"aspect,omitempty"`
	AudioEncode   string  `json:"audio_encode,omitempty"`
	AudioBitrate  string  `json:"audio_bitrate,omitempty"` // "44100 Hz"
	AudioChannels string  `json:"audio_channels,omitempty"`
}

// MediaSize describes one version of an attachment's file: the original
// or the small preview.
type MediaSize struct {
	Width     int     `json:"width,omitempty"`
	Height    int     `json:"height,omitempty"`
	Size      string  `json:"size,omitempty"`
	Aspect    float64 `json:"aspect,omitempty"`
	FrameRate string  `json:"frame_rate,omitempty"` // a fraction: "6159375/249269"
	Duration  float64 `json:"duration,omitempty"`   // seconds
	Bitrate   int     `json:"bitrate,omitempty"`
}

// MediaFocus is the focal point to crop an image around, each coordinate
// from -1 to 1 (see Mastodon's API guidelines, "focal points").
type MediaFocus struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// Mention is an account mentioned in a status.
type Mention struct {
	ID       string `json:"id"`
	Username string `json:"username"`
	Acct     string `json:"acct"`
	URL      string `json:"url"`
}

// Tag is a hashtag used in a status: a status carries Mastodon's
// Status::Tag, its name and URL only (TagSerializer in
// status_serializer.rb), not the full Tag entity.
type Tag struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

// CustomEmoji is an instance's custom emoji used in a status.
type CustomEmoji struct {
	Shortcode       string  `json:"shortcode"`
	URL             string  `json:"url"`
	StaticURL       string  `json:"static_url"`
	VisibleInPicker bool    `json:"visible_in_picker"`
	Category        *string `json:"category,omitempty"`
}

// PreviewCard is the link preview of a status.
type PreviewCard struct {
	URL          string              `json:"url"`
	Title        string              `json:"title"`
	Description  string              `json:"description"`
	Type         string              `json:"type"` // link, photo, video, rich
	Image        *string             `json:"image"`
	Authors      []PreviewCardAuthor `json:"authors"`
	AuthorName   string              `json:"author_name"`
	AuthorURL    string              `json:"author_url"`
	ProviderName string              `json:"provider_name"`
	ProviderURL  string              `json:"provider_url"`
	HTML         string              `json:"html"` // the embed for video and rich cards
	Width        int                 `json:"width"`
	Height       int                 `json:"height"`
	EmbedURL     string              `json:"embed_url"`
	Blurhash     *string             `json:"blurhash"`
	// Language is sent by preview_card_serializer.rb, not documented.
	Language *string `json:"language,omitempty"`
	// MissingAttribution is nil unless the card claims the caller as its
	// author (Mastodon 4.6).
	MissingAttribution *bool `json:"missing_attribution,omitempty"`
	// PublishedAt is when the linked page was published; nil if unknown.
	// Servers send an RFC 3339 time, the document a string of Unix
	// seconds: both are read.
	PublishedAt *time.Time `json:"published_at"`
}

// PreviewCardAuthor is an author of a card's linked page.
type PreviewCardAuthor struct {
	Name string `json:"name"`
	URL  string `json:"url"`
	// Account is the author's fediverse account; nil when unknown.
	Account *Account `json:"account"`
}

// Poll is a poll attached to a status.
type Poll struct {
	ID         string       `json:"id"`
	ExpiresAt  *time.Time   `json:"expires_at"`
	Expired    bool         `json:"expired"`
	Multiple   bool         `json:"multiple"`
	VotesCount int          `json:"votes_count"`
	Options    []PollOption `json:"options"`

	// VotersCount is nil for a single-choice poll.
	VotersCount *int          `json:"voters_count"`
	Emojis      []CustomEmoji `json:"emojis"`
	// Voted and OwnVotes (indexes into Options) are only sent to an
	// authenticated caller.
	Voted    bool  `json:"voted,omitempty"`
	OwnVotes []int `json:"own_votes,omitempty"`
}

// PollOption is one choice of a poll.
type PollOption struct {
	Title      string `json:"title"`
	VotesCount *int   `json:"votes_count"` // null while results are hidden
}

// Application is the app a status was posted with: the name and website
// that a status carries (ApplicationSerializer in status_serializer.rb),
// not the full Application entity.
type Application struct {
	Name    string  `json:"name"`
	Website *string `json:"website"`
}

// Quote is what a status quotes: Mastodon's Quote, with the quoted
// status, or its ShallowQuote, with the status's ID only (what a quoted
// status's own quote is, shallow_status_serializer.rb).
type Quote struct {
	// State is pending, accepted, rejected, revoked, deleted, unauthorized
	// or a blocked_*/muted_account/... state of the quoted post.
	State string `json:"state"`
	// QuotedStatus is nil unless the quote is accepted and the status
	// visible; a quoted status's own quote never carries one (it stays in
	// Raw if a server sends it).
	QuotedStatus *Status `json:"quoted_status,omitempty"`
	// QuotedStatusID is a ShallowQuote's; nil otherwise.
	QuotedStatusID *string `json:"quoted_status_id,omitempty"`
}

// Approval is who may use a status or an account: Mastodon's QuoteApproval
// (may they quote the status) and FeatureApproval (may they feature the
// account) share this shape.
type Approval struct {
	// Automatic and Manual list who is accepted at once and who after the
	// author's review: public, followers, following, unsupported_policy.
	Automatic []string `json:"automatic"`
	Manual    []string `json:"manual"`
	// CurrentUser is automatic, manual, denied or unknown for the caller.
	CurrentUser string `json:"current_user"`
}

// FilterResult is one of the caller's filters that matches a status.
type FilterResult struct {
	Filter Filter `json:"filter"`
	// KeywordMatches and StatusMatches say what matched; nil when none.
	KeywordMatches []string `json:"keyword_matches"`
	StatusMatches  []string `json:"status_matches"`
}

// Filter is a filter of the caller's.
type Filter struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Context []string `json:"context"` // home, notifications, public, thread, account
	// ExpiresAt is nil for a filter that does not expire.
	ExpiresAt    *time.Time      `json:"expires_at"`
	FilterAction string          `json:"filter_action"` // warn, hide, blur
	Keywords     []FilterKeyword `json:"keywords,omitempty"`
	Statuses     []FilterStatus  `json:"statuses,omitempty"`
}

// FilterKeyword is a word a filter matches.
type FilterKeyword struct {
	ID        string `json:"id"`
	Keyword   string `json:"keyword"`
	WholeWord bool   `json:"whole_word"`
}

// FilterStatus is a status a filter matches.
type FilterStatus struct {
	ID       string `json:"id"`
	StatusID string `json:"status_id"`
}
