package mastodon_test

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites/providers/mastodon"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

// loadEveryField decodes testdata/status_every_field.json, a status
// written from Mastodon's entity documentation with every field set.
func loadEveryField(t *testing.T) ([]byte, *mastodon.Status) {
	t.Helper()
	data, err := os.ReadFile("testdata/status_every_field.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := mastodon.DecodeStatus(data)
	if err != nil {
		t.Fatal(err)
	}
	return data, s
}

// Every documented field of a status and of the entities it holds decodes
// into its typed field, with its type: times, a bare date, nullable values.
func TestDecodeStatusEveryField(t *testing.T) {
	_, s := loadEveryField(t)
	a := s.Account
	m0, m1 := s.MediaAttachments[0], s.MediaAttachments[1]
	q := s.Quote.QuotedStatus
	tests := []struct {
		name      string
		got, want any
	}{
		{"id", s.ID, "113456789012345678"},
		{"created_at", s.CreatedAt, at("2024-11-05T14:03:27.123Z")},
		{"in_reply_to_id", s.InReplyToID, ptr("113456700000000001")},
		{"in_reply_to_account_id", s.InReplyToAccountID, ptr("109000000000000002")},
		{"sensitive, spoiler, visibility", []any{s.Sensitive, s.SpoilerText, s.Visibility}, []any{true, "Birds", "unlisted"}},
		{"language", s.Language, ptr("en")},
		{"uri and url", []any{s.URI, *s.URL}, []any{"https://mastodon.example/users/alice/statuses/113456789012345678", "https://mastodon.example/@alice/113456789012345678"}},
		{"counts", []int{s.RepliesCount, s.ReblogsCount, s.FavouritesCount, s.QuotesCount}, []int{3, 5, 42, 2}},
		{"edited_at", s.EditedAt, ptr(at("2024-11-05T15:10:00Z"))},
		{"caller's flags", []bool{s.Favourited, s.Reblogged, s.Muted, s.Bookmarked, s.Pinned}, []bool{true, false, false, true, true}},
		{"text", s.Text, ptr("A heron at dawn #birds :blobcat: cc @bob@other.example")},
		{"content", strings.HasPrefix(s.Content, "<p>A heron at dawn"), true},
		{"application", s.Application, &mastodon.Application{Name: "Ivory for iOS", Website: ptr("https://tapbots.com/ivory/")}},
		{"filtered", s.Filtered, []mastodon.FilterResult{{
			Filter: mastodon.Filter{ID: "3", Title: "Spoilers", Context: []string{"home", "public"},
				ExpiresAt: ptr(at("2025-01-01T00:00:00Z")), FilterAction: "warn",
				Keywords: []mastodon.FilterKeyword{{ID: "31", Keyword: "heron", WholeWord: true}},
				Statuses: []mastodon.FilterStatus{{ID: "32", StatusID: "113456700000000009"}}},
			KeywordMatches: []string{"heron"},
		}}},
		{"reblog", s.Reblog, (*mastodon.Status)(nil)},
		{"account names", []string{a.ID, a.Username, a.Acct, a.DisplayName, a.URL, a.URI, a.Note},
			[]string{"109000000000000001", "alice", "alice", "Alice :blobcat:", "https://mastodon.example/@alice", "https://mastodon.example/users/alice", "<p>Birdwatcher.</p>"}},
		{"account images", []string{a.Avatar, a.AvatarStatic, a.AvatarDescription, a.Header, a.HeaderStatic, a.HeaderDescription}, []string{
			"https://files.mastodon.example/accounts/avatars/109/000/000/000/000/001/original/a1.gif",
			"https://files.mastodon.example/accounts/avatars/109/000/000/000/000/001/static/a1.png", "A heron, drawn",
			"https://files.mastodon.example/accounts/headers/109/000/000/000/000/001/original/h1.jpg",
			"https://files.mastodon.example/accounts/headers/109/000/000/000/000/001/original/h1.jpg", ""}},
		{"account flags", []bool{a.Locked, a.Bot, a.Group, *a.Discoverable, a.Indexable, *a.NoIndex, *a.HideCollections, a.ShowMedia, a.ShowMediaReplies, a.ShowFeatured, a.Memorial, a.Suspended, a.Limited},
			[]bool{false, false, false, true, true, false, false, true, false, true, true, true, true}},
		{"account created_at", a.CreatedAt, at("2022-11-03T00:00:00Z")},
		{"account last_status_at", a.LastStatusAt, &mastodon.Date{Year: 2024, Month: time.November, Day: 5}},
		{"account counts", []int{a.FollowersCount, a.FollowingCount, a.StatusesCount}, []int{1520, 310, 4821}},
		{"account emojis", a.Emojis, []mastodon.CustomEmoji{{Shortcode: "blobcat",
			URL:       "https://files.mastodon.example/custom_emojis/images/000/000/001/original/blobcat.png",
			StaticURL: "https://files.mastodon.example/custom_emojis/images/000/000/001/static/blobcat.png", VisibleInPicker: true, Category: ptr("Blobs")}}},
		{"account fields", a.Fields, []mastodon.Field{
			{Name: "Website", Value: `<a href="https://alice.example" rel="me nofollow noopener" target="_blank">alice.example</a>`, VerifiedAt: ptr(at("2023-02-01T10:00:00+00:00"))},
			{Name: "Pronouns", Value: "she/her"}}},
		{"account roles", a.Roles, []mastodon.AccountRole{{ID: "3", Name: "Moderator", Color: "#ff3838"}}},
		{"account feature_approval", a.FeatureApproval, &mastodon.Approval{Automatic: []string{"followers"}, Manual: []string{"public"}, CurrentUser: "manual"}},
		{"moved account", []any{a.Moved.Acct, a.Moved.Discoverable, a.Moved.FollowersCount, a.Moved.LastStatusAt, a.Moved.Roles, a.Moved.Moved},
			[]any{"alice@new.example", (*bool)(nil), -1, (*mastodon.Date)(nil), []mastodon.AccountRole(nil), (*mastodon.Account)(nil)}},
		{"image attachment", m0, mastodon.MediaAttachment{ID: "22345792", Type: "image",
			URL:        "https://files.mastodon.example/media_attachments/files/022/345/792/original/57859aede991da25.jpeg",
			PreviewURL: "https://files.mastodon.example/media_attachments/files/022/345/792/small/57859aede991da25.jpeg",
			RemoteURL:  ptr("https://other.example/media/heron.jpeg"), PreviewRemoteURL: ptr("https://other.example/media/heron-small.jpeg"),
			Meta: &mastodon.MediaMeta{
				Original: &mastodon.MediaSize{Width: 640, Height: 480, Size: "640x480", Aspect: 1.3333333333333333},
				Small:    &mastodon.MediaSize{Width: 461, Height: 346, Size: "461x346", Aspect: 1.3323699421965318},
				Focus:    &mastodon.MediaFocus{X: -0.27, Y: 0.51}},
			Description: ptr("A grey heron standing in reeds"), Blurhash: ptr("UFBWY:8_0Jxv4mx]t8t64.%M-:IUWGWAt6M}")}},
		{"video meta", *m1.Meta, mastodon.MediaMeta{Length: "0:01:28.65", Duration: 88.65, FPS: 24, Size: "1280x720", Width: 1280, Height: 720,
			Aspect: 1.7777777777777777, AudioEncode: "aac (LC) (mp4a / 0x6134706D)", AudioBitrate: "44100 Hz", AudioChannels: "stereo",
			Original: &mastodon.MediaSize{Width: 1280, Height: 720, FrameRate: "6159375/249269", Duration: 88.654, Bitrate: 862056},
			Small:    &mastodon.MediaSize{Width: 400, Height: 225, Size: "400x225", Aspect: 1.7777777777777777}}},
		{"video nulls", []any{m1.RemoteURL, m1.PreviewRemoteURL, m1.Description, m1.Blurhash}, []any{(*string)(nil), (*string)(nil), (*string)(nil), (*string)(nil)}},
		{"mentions", s.Mentions, []mastodon.Mention{{ID: "109000000000000002", Username: "bob", URL: "https://other.example/@bob", Acct: "bob@other.example"}}},
		{"tags", s.Tags, []mastodon.Tag{{Name: "birds", URL: "https://mastodon.example/tags/birds"}}},
		{"emoji category null", s.Emojis[0].Category, (*string)(nil)},
		{"card texts", []string{s.Card.URL, s.Card.Title, s.Card.Type, s.Card.AuthorName, s.Card.AuthorURL, s.Card.ProviderName, s.Card.ProviderURL, s.Card.EmbedURL},
			[]string{"https://news.example/2024/11/herons", "Herons are back", "video", "Carol Writer", "https://news.example/authors/carol", "News Example", "https://news.example/", "https://video.example/embed/herons"}},
		{"card html", s.Card.HTML, `<iframe width="480" height="270" src="https://video.example/embed/herons"></iframe>`},
		{"card size", []int{s.Card.Width, s.Card.Height}, []int{480, 270}},
		{"card nullables", []any{*s.Card.Image, *s.Card.Blurhash, *s.Card.Language, *s.Card.MissingAttribution},
			[]any{"https://files.mastodon.example/preview_cards/images/014/179/145/original/9cf4b7cf5567b569.jpeg", "UvK0HNkV,:s9xBR%njog0fo2W=WBS5ozofV@", "en", false}},
		{"card published_at", s.Card.PublishedAt, ptr(at("2024-11-04T08:00:00Z"))},
		{"card author", []any{s.Card.Authors[0].Name, s.Card.Authors[0].URL, s.Card.Authors[0].Account.Acct, *s.Card.Authors[0].Account.LastStatusAt},
			[]any{"Carol Writer", "https://news.example/authors/carol", "carol@news.example", mastodon.Date{Year: 2024, Month: time.October, Day: 30}}},
		{"poll", []any{s.Poll.ID, *s.Poll.ExpiresAt, s.Poll.Expired, s.Poll.Multiple, s.Poll.VotesCount, *s.Poll.VotersCount, s.Poll.Voted, s.Poll.OwnVotes},
			[]any{"34830", at("2024-11-06T14:03:27Z"), false, true, 10, 6, true, []int{0, 2}}},
		{"poll options", s.Poll.Options, []mastodon.PollOption{{Title: "Heron", VotesCount: ptr(6)}, {Title: "Egret", VotesCount: ptr(1)}, {Title: "Stork :blobcat:", VotesCount: ptr(3)}}},
		{"poll emojis", []any{len(s.Poll.Emojis), s.Poll.Emojis[0].Shortcode}, []any{1, "blobcat"}},
		{"quote", []any{s.Quote.State, s.Quote.QuotedStatusID}, []any{"accepted", (*string)(nil)}},
		{"quoted status", []any{q.ID, q.Account.Acct, q.QuotesCount, q.EditedAt, q.Content}, []any{"113400000000000007", "bob@other.example", 1, (*time.Time)(nil), "<p>First heron of the season.</p>"}},
		{"quoted status's shallow quote", *q.Quote, mastodon.Quote{State: "accepted", QuotedStatusID: ptr("113300000000000005")}},
		{"quoted status's quote_approval", q.QuoteApproval, &mastodon.Approval{Automatic: []string{"public"}, Manual: []string{}, CurrentUser: "automatic"}},
		{"quote_approval", s.QuoteApproval, &mastodon.Approval{Automatic: []string{"followers", "following"}, Manual: []string{"public"}, CurrentUser: "denied"}},
	}
	for _, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s: got %#v, want %#v", tt.name, tt.got, tt.want)
		}
	}
}

// What the types do not name stays in Raw, which is still the reply's own
// bytes; the quoted status's Raw is its part of them.
func TestDecodeStatusEveryFieldKeepsRaw(t *testing.T) {
	data, s := loadEveryField(t)
	if &s.Raw[0] != &data[0] || len(s.Raw) != len(bytes.TrimSpace(data)) {
		t.Fatalf("Raw is not the input itself (less its final newline)")
	}
	var rest struct {
		LocalOnly         *bool             `json:"local_only"`
		TaggedCollections []json.RawMessage `json:"tagged_collections"`
		Media             []struct {
			TextURL *string `json:"text_url"`
		} `json:"media_attachments"`
	}
	if err := json.Unmarshal(s.Raw, &rest); err != nil {
		t.Fatal(err)
	}
	if rest.LocalOnly == nil || *rest.LocalOnly || rest.TaggedCollections == nil || len(rest.Media) != 2 || rest.Media[1].TextURL == nil {
		t.Errorf("Raw lacks the fields the types do not name: %+v", rest)
	}
	qs := s.Quote.QuotedStatus
	if !bytes.HasPrefix(qs.Raw, []byte(`{`)) || !bytes.Contains(qs.Raw, []byte(`<p>First heron of the season.</p>`)) ||
		&qs.Raw[0] != &data[bytes.Index(data, qs.Raw)] || bytes.Contains(qs.Raw, []byte(`"Birds"`)) {
		t.Errorf("quoted status's Raw is not its part of the input: %.80s", qs.Raw)
	}
}

// json.Marshal writes the documented names, and what it writes decodes to
// the same value (a Date as its bare day included).
func TestStatusMarshalRoundTrips(t *testing.T) {
	_, s := loadEveryField(t)
	out, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"last_status_at":"2024-11-05"`, `"quotes_count":2`, `"preview_remote_url":"https://other.example/media/heron-small.jpeg"`,
		`"quoted_status_id":"113300000000000005"`, `"own_votes":[0,2]`, `"published_at":"2024-11-04T08:00:00Z"`, `"focus":{"x":-0.27,"y":0.51}`} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("json.Marshal lacks %s", want)
		}
	}
	var back mastodon.Status
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	again, err := json.Marshal(&back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, again) {
		t.Errorf("a marshalled status does not decode to the same value:\n%s\n%s", out, again)
	}
}
