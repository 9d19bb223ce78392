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
			saved, back := roundTrip(t, fav)
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

// roundTrip is fav saved as JSON, as a backup saves it, and read back.
func roundTrip(t *testing.T, fav favorites.Favorite) ([]byte, favorites.Favorite) {
	t.Helper()
	saved, err := json.Marshal(fav)
	if err != nil {
		t.Fatal(err)
	}
	var back favorites.Favorite
	if err := json.Unmarshal(saved, &back); err != nil {
		t.Fatal(err)
	}
	return saved, back
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

// As of a favourite that is a boost keeps the boosted status's Raw, a part
// of the favourite's Raw as Status documents, before and after the
// Favorite's JSON round trip.
func TestAsKeepsTheBoostsRaw(t *testing.T) {
	const reblog = `{"id":"1","uri":"https://b.example/s/1","content":"<p>original</p>","account":{"id":"3"}}`
	listed := favorites.Favorite{Provider: mastodon.ProviderName, Ref: favorites.Ref{ID: "2"},
		Raw: json.RawMessage(`{"id":"2","uri":"https://a.example/s/2","account":{"id":"4"},"reblog":` + reblog + `}`)}
	_, back := roundTrip(t, listed)
	for name, fav := range map[string]favorites.Favorite{"listed": listed, "read back": back} {
		var st *mastodon.Status
		if !fav.As(&st) {
			t.Fatalf("%s: As(*mastodon.Status) = false", name)
		}
		if st.Reblog == nil || st.Reblog.ID != "1" || st.Reblog.Content != "<p>original</p>" {
			t.Fatalf("%s: Reblog %+v, want status 1", name, st.Reblog)
		}
		if len(st.Reblog.Raw) == 0 || !sameJSON(t, st.Reblog.Raw, []byte(reblog)) {
			t.Errorf("%s: Reblog.Raw = %q, want the boosted status's JSON", name, st.Reblog.Raw)
		}
		// A part of the favourite's Raw, not a copy.
		start := bytes.Index(fav.Raw, []byte(`"reblog":`)) + len(`"reblog":`)
		if len(st.Reblog.Raw) == 0 || &st.Reblog.Raw[0] != &fav.Raw[start] || &st.Raw[0] != &fav.Raw[0] {
			t.Errorf("%s: Raw and Reblog.Raw are not parts of the favourite's Raw", name)
		}
	}
}
