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

func ptr[T any](v T) *T { return &v }

// The document's example, from testdata/mastodon/favourites.json. The
// document's JSON has "// ..." comment lines where it left fields out: four
// (in the first account, after the second status's created_at, in the second
// account, and before the second status's end). They were dropped, with the
// trailing commas before them, which JSON needs; nothing else was changed.
func TestDocumentExampleDecodes(t *testing.T) {
	data, err := os.ReadFile("../../testdata/mastodon/favourites.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := mastodon.DecodeStatuses(t.Context(), data)
	if err != nil {
		t.Fatal(err)
	}
	haskal := mastodon.Account{ID: "297420", Username: "haskal", Acct: "haskal@cybre.space",
		DisplayName: "soft nb friend :blobcatsleep:"}
	want := []*mastodon.Status{{
		ID:               "103186075217296344",
		CreatedAt:        time.Date(2019, 11, 23, 7, 35, 52, 0, time.UTC),
		Sensitive:        false,
		SpoilerText:      "",
		Visibility:       "unlisted",
		Language:         ptr("enCy"),
		URI:              "https://cybre.space/users/haskal/statuses/103186075002013902",
		URL:              ptr("https://cybre.space/@haskal/103186075002013902"),
		RepliesCount:     0,
		ReblogsCount:     1,
		FavouritesCount:  1,
		Favourited:       true,
		Content:          "<p>the pirate gay</p>",
		Account:          haskal,
		MediaAttachments: []mastodon.MediaAttachment{},
		Mentions:         []mastodon.Mention{},
		Tags:             []mastodon.Tag{},
		Emojis:           []mastodon.CustomEmoji{},
	}, {
		ID:        "103186044372624124",
		CreatedAt: time.Date(2019, 11, 23, 7, 28, 3, 0, time.UTC),
		Content:   "<p>cute,,,</p>",
		Account:   haskal, // locked and bot are false, as the zero value
	}}
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("decoded %d statuses, want %d", len(got), len(want))
	}
	for i := range want {
		if !bytes.Equal(got[i].Raw, raws[i]) {
			t.Errorf("status %d: Raw is not the item's JSON:\n%s", i, got[i].Raw)
		}
		got[i].Raw = nil
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("status %d:\n got %+v\nwant %+v", i, *got[i], *want[i])
		}
	}
	fav := mastodon.ToFavorite(got[0])
	if fav.Title != "the pirate gay" || fav.URL != "https://cybre.space/@haskal/103186075002013902" ||
		fav.Kind != "status" || fav.Ref.ID != "103186075217296344" || !fav.CreatedAt.Equal(want[0].CreatedAt) {
		t.Errorf("ToFavorite = %+v", fav)
	}
}

// Fields the document does not show: a reblog nests a whole Status, media,
// card and poll decode, and unknown fields stay in Raw.
func TestStatusNestedAndUnknownFields(t *testing.T) {
	const body = `{"id":"2","uri":"https://a.example/s/2","url":null,"content":"","edited_at":"2024-01-01T00:00:00.000Z",
		"media_attachments":[{"id":"m1","type":"image","url":"https://a.example/m1.png","preview_url":"https://a.example/m1s.png","remote_url":null,"description":"a cat","blurhash":"UABC"}],
		"card":{"url":"https://x.example","title":"X","description":"d","type":"link","image":null},
		"poll":{"id":"p","expires_at":null,"expired":true,"multiple":false,"votes_count":3,"options":[{"title":"yes","votes_count":3},{"title":"no","votes_count":null}]},
		"reblog":{"id":"1","content":"<p>original &amp; <b>bold</b></p>","quote_approval":{"automatic":["public"]},
			"media_attachments":[],"account":{"id":"7","acct":"carol@b.example"}}}`
	got, err := mastodon.DecodeStatus([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	st := *got
	if st.Reblog == nil || st.Reblog.ID != "1" || st.Reblog.Account.Acct != "carol@b.example" ||
		!bytes.Contains(st.Reblog.Raw, []byte(`"quote_approval"`)) {
		t.Fatalf("reblog %+v", st.Reblog)
	}
	m := st.MediaAttachments[0]
	if m.ID != "m1" || m.Type != "image" || m.PreviewURL != "https://a.example/m1s.png" || m.RemoteURL != nil ||
		*m.Description != "a cat" || *m.Blurhash != "UABC" {
		t.Errorf("media %+v", m)
	}
	if st.Card == nil || st.Card.Title != "X" || st.Card.Type != "link" || st.Card.Image != nil {
		t.Errorf("card %+v", st.Card)
	}
	if p := st.Poll; p == nil || !p.Expired || p.VotesCount != 3 || len(p.Options) != 2 ||
		*p.Options[0].VotesCount != 3 || p.Options[1].VotesCount != nil {
		t.Errorf("poll %+v", st.Poll)
	}
	fav := mastodon.ToFavorite(&st)
	if fav.Title != "original & bold" || fav.URL != "https://a.example/s/2" || fav.PreviewURL != "https://a.example/m1s.png" ||
		!bytes.Contains(fav.Raw, []byte(`"edited_at"`)) {
		t.Errorf("ToFavorite = %+v", fav)
	}
	var back *mastodon.Status
	if !fav.As(&back) || back.ID != st.ID || back.Content != st.Content || string(back.Raw) != string(fav.Raw) {
		t.Error("Favorite.As does not give the status back")
	}
}

func TestPlainTextAndTitle(t *testing.T) {
	tests := []struct{ content, text, title string }{
		{"<p>the pirate gay</p>", "the pirate gay", "the pirate gay"},
		{"<p>one<br>two<br />three</p><p>four</p>", "one two three four", "one two three four"},
		{`<p>hi <span class="h-card"><a href="https://x.example/@a" class="u-url mention">@<span>a</span></a></span></p>`,
			"hi @a", "hi @a"},
		{"<p>Tom &amp; Jerry &lt;3 &#39;x&#39; &quot;y&quot;</p>", `Tom & Jerry <3 'x' "y"`, `Tom & Jerry <3 'x' "y"`},
		{"<p>  spaced \n out  </p>", "spaced out", "spaced out"},
		{"unclosed <b", "unclosed", "unclosed"},
		{"", "", ""},
		{"<p>" + strings.Repeat("word ", 30) + "</p>", strings.TrimSpace(strings.Repeat("word ", 30)), strings.Repeat("word ", 15) + "word…"},
	}
	for _, tt := range tests {
		if got := mastodon.PlainText(tt.content); got != tt.text {
			t.Errorf("PlainText(%q) = %q, want %q", tt.content, got, tt.text)
		}
		if got := mastodon.ToFavorite(&mastodon.Status{Content: tt.content}).Title; got != tt.title {
			t.Errorf("Title of %q = %q, want %q", tt.content, got, tt.title)
		}
	}
}
