package mastodon_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// A favourite the adapter lists keeps the status's JSON in Raw, so one
// saved as JSON and read back (a backup) still gives the whole
// *mastodon.Status through As, as a freshly listed one does.
func TestAsAfterJSONRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		seed mastodontest.Status
	}{
		{"numeric ID", mastodontest.Status{Content: "<p>plain</p>"}},
		{"non-numeric ID", mastodontest.Status{ID: "01HZX7Q2W3ULID", Content: "<p>from another server</p>"}},
		{"remote author", mastodontest.Status{Content: "<p>far away</p>", Acct: "carol@social.example"}},
		{"with media", mastodontest.Status{Content: "<p>look</p>", MediaPreviewURLs: []string{"https://files.example/p.png"}}},
		{"escaped text", mastodontest.Status{Content: "<p>a &amp; b \u2603 \"q\"</p>"}},
	}
	srv := newFake(t)
	for i := range tests {
		tests[i].seed.ID = srv.AddStatus(tests[i].seed)
		if err := srv.Favorite(mastodontest.DefaultUser, tests[i].seed.ID); err != nil {
			t.Fatal(err)
		}
	}
	listed := map[string]favorites.Favorite{}
	for fav, err := range mastodon.NewAdapter(newClient(t, srv, mastodontest.Token)).List(nil).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		if len(fav.Raw) == 0 {
			t.Errorf("%v: listed with an empty Raw", fav.Ref)
		}
		listed[fav.Ref.ID] = fav
	}
	if len(listed) != len(tests) {
		t.Fatalf("listed %d favourites, want %d", len(listed), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fav, ok := listed[tt.seed.ID]
			if !ok {
				t.Fatalf("status %s not listed", tt.seed.ID)
			}
			saved, err := json.Marshal(fav)
			if err != nil {
				t.Fatal(err)
			}
			var back favorites.Favorite
			if err := json.Unmarshal(saved, &back); err != nil {
				t.Fatal(err)
			}
			var st *mastodon.Status
			if !back.As(&st) {
				t.Fatalf("As(*mastodon.Status) = false on %s", saved)
			}
			if st.ID != tt.seed.ID || st.Content != tt.seed.Content || st.Account.Acct != acct(tt.seed) {
				t.Errorf("As gave %q %q by %q, want %q %q by %q",
					st.ID, st.Content, st.Account.Acct, tt.seed.ID, tt.seed.Content, acct(tt.seed))
			}
			if len(st.MediaAttachments) != len(tt.seed.MediaPreviewURLs) {
				t.Errorf("%d attachments, want %d", len(st.MediaAttachments), len(tt.seed.MediaPreviewURLs))
			}
			// json.Marshal may escape HTML in Raw, so the read-back Raw is
			// compared with the listed one as JSON values, not bytes.
			if !bytes.Equal(st.Raw, back.Raw) || !sameJSON(t, back.Raw, fav.Raw) {
				t.Errorf("Raw after the round trip:\n%s\nwant the listed\n%s", st.Raw, fav.Raw)
			}
		})
	}
}

// sameJSON reports whether a and b hold the same JSON value.
func sameJSON(t *testing.T, a, b []byte) bool {
	t.Helper()
	var va, vb any
	if err := json.Unmarshal(a, &va); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &vb); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(va, vb)
}

// acct is the author the fake gives a seeded status.
func acct(s mastodontest.Status) string {
	if s.Acct == "" {
		return "bob"
	}
	return s.Acct
}
