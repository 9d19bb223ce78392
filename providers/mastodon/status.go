package mastodon

import (
	"encoding/json"
	"time"
)

// Status is a Mastodon status (a post), with every field of Mastodon's
// Status entity documentation except tagged_collections. Fields the type
// does not name are still in Raw. A nullable field is a pointer, nil for
// null or absent; a field only some callers get (favourited, pinned...)
// is false when absent.
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

	// QuotesCount is how many accepted quotes the status has (Mastodon 4.5).
	QuotesCount int `json:"quotes_count"`
	// EditedAt is when the status was last edited; nil if never.
	EditedAt *time.Time `json:"edited_at"`
	// Text is the plain-text source, sent instead of Content when the
	// status is deleted (for a redraft); nil otherwise.
	Text *string `json:"text,omitempty"`
	// Quote is the status this one quotes; nil when it quotes none.
	Quote *Quote `json:"quote"`
	// QuoteApproval says who may quote the status (Mastodon 4.5); nil
	// from servers that do not send it.
	QuoteApproval *Approval `json:"quote_approval,omitempty"`
	// Application is the app that posted the status; nil when the author
	// hides it.
	Application *Application `json:"application,omitempty"`
	// Pinned says whether the caller pinned the status; only sent for the
	// caller's own pinnable statuses, false otherwise.
	Pinned bool `json:"pinned,omitempty"`
	// Filtered holds the caller's filters that match the status; only
	// sent to an authenticated caller.
	Filtered []FilterResult `json:"filtered,omitempty"`

	// Raw is the status's JSON exactly as the server sent it, unknown
	// fields included: the bytes of the reply itself, not a copy, and for
	// a boost's Reblog a part of its parent's Raw. The client's calls,
	// [DecodeStatus], [DecodeStatuses] and [Status.DecodeRaw] (so
	// [favorites.Favorite.As]) set it; json.Unmarshal into a
	// Status leaves it empty, since it could keep the bytes only by copying
	// them (a json.Decoder reuses its buffer).
	Raw json.RawMessage `json:"-"`
}

// FavoriteProvider names the provider whose favourites a Status is: it lets
// [favorites.Favorite.As] decode a favourite's Raw into one.
func (*Status) FavoriteProvider() string { return ProviderName }

// DecodeRaw makes s the status raw holds, as [DecodeStatus] decodes it: s's
// Raw is raw itself and a boost's Reblog.Raw a part of it, not copies, so
// raw must not change afterwards. [favorites.Favorite.As] calls it, so that
// a favourite's boost keeps its Raw; json.Unmarshal keeps no Raw.
func (s *Status) DecodeRaw(raw []byte) error {
	st, err := DecodeStatus(raw)
	if err != nil {
		return err
	}
	*s = *st
	return nil
}

// Link is the status's web page: URL when the server gives one, else URI.
func (s *Status) Link() string {
	if s.URL != nil && *s.URL != "" {
		return *s.URL
	}
	return s.URI
}
