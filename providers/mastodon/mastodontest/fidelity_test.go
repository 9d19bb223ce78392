package mastodontest_test

import (
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// Keys of REST::StatusSerializer that every status carries, null or not.
var statusKeys = []string{"id", "created_at", "in_reply_to_id", "in_reply_to_account_id", "sensitive",
	"spoiler_text", "visibility", "language", "uri", "url", "replies_count", "reblogs_count",
	"favourites_count", "quotes_count", "edited_at", "content", "reblog", "account", "media_attachments",
	"mentions", "tags", "emojis", "card", "poll", "quote", "quote_approval"}

// Keys of REST::AccountSerializer that every account carries.
var accountKeys = []string{"id", "username", "acct", "display_name", "locked", "bot", "discoverable",
	"indexable", "group", "created_at", "note", "url", "uri", "avatar", "avatar_static", "avatar_description",
	"header", "header_static", "header_description", "followers_count", "following_count", "statuses_count",
	"last_status_at", "hide_collections", "show_media", "show_media_replies", "show_featured", "emojis",
	"fields", "feature_approval"}

// A status has every key Mastodon always sends, the conditional ones only
// under Mastodon's conditions, and nulls where Mastodon sends null.
func TestStatusKeysAndNulls(t *testing.T) {
	srv, ids := newSeeded(t, 1)
	own := srv.AddStatus(mastodontest.Status{Content: "<p>mine</p>", Acct: mastodontest.DefaultUser})
	far := srv.AddStatus(mastodontest.Status{Content: "<p>far</p>", Acct: "carol@far.example"})
	tests := []struct {
		name, id, token string
		present, absent []string
		current         string // quote_approval.current_user
	}{
		{"anonymous", ids[0], "", []string{"application"},
			[]string{"favourited", "reblogged", "muted", "bookmarked", "filtered", "pinned"}, "denied"},
		{"with a token", ids[0], mastodontest.Token,
			[]string{"favourited", "reblogged", "muted", "bookmarked", "filtered", "application"}, []string{"pinned"}, "automatic"},
		{"the author's own", own, mastodontest.Token, []string{"pinned", "application"}, nil, "automatic"},
		{"remote author", far, mastodontest.Token, []string{"favourited", "filtered"}, []string{"application", "pinned"}, "denied"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var st map[string]any
			get(t, srv, "GET", "/api/v1/statuses/"+tt.id, tt.token, &st)
			for _, k := range append(slices.Clone(statusKeys), tt.present...) {
				if _, ok := st[k]; !ok {
					t.Errorf("no %q in %v", k, st)
				}
			}
			for _, k := range tt.absent {
				if _, ok := st[k]; ok {
					t.Errorf("%q sent: %v", k, st[k])
				}
			}
			for _, k := range []string{"in_reply_to_id", "in_reply_to_account_id", "edited_at", "reblog", "card", "poll", "quote"} {
				if st[k] != nil {
					t.Errorf("%s = %v, want null", k, st[k])
				}
			}
			if qa, _ := st["quote_approval"].(map[string]any); qa["current_user"] != tt.current {
				t.Errorf("quote_approval %v, current_user want %q", qa, tt.current)
			}
			if _, err := time.Parse(time.RFC3339, st["created_at"].(string)); err != nil {
				t.Errorf("created_at: %v", err)
			}
		})
	}
}

var (
	dateRE     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	midnightRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$`)
)

// An account has every key Mastodon always sends; noindex and roles only
// for a local account, nulls where a remote server never said; a bare date
// for last_status_at; emojis and fields that are not empty.
func TestAccountKeysAndNulls(t *testing.T) {
	srv := mastodontest.NewServer()
	t.Cleanup(srv.Close)
	local := srv.AddStatus(mastodontest.Status{Acct: "bob", CreatedAt: time.Date(2025, 3, 1, 23, 59, 0, 0, time.UTC)})
	srv.AddStatus(mastodontest.Status{Acct: "bob", CreatedAt: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
	remote := srv.AddStatus(mastodontest.Status{Acct: "carol@far.example", CreatedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)})
	tests := []struct {
		name, id     string
		local        bool
		statuses     float64
		lastStatusAt string
	}{
		{"local", local, true, 2, "2025-03-01"},
		{"remote", remote, false, 1, "2025-01-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var st struct{ Account map[string]any }
			get(t, srv, "GET", "/api/v1/statuses/"+tt.id, mastodontest.Token, &st)
			a := st.Account
			for _, k := range accountKeys {
				if _, ok := a[k]; !ok {
					t.Errorf("no %q in %v", k, a)
				}
			}
			for _, k := range []string{"noindex", "roles"} {
				if _, ok := a[k]; ok != tt.local {
					t.Errorf("%q sent: %v, want it for local accounts only", k, ok)
				}
			}
			if tt.local != (a["discoverable"] != nil) || tt.local != (a["hide_collections"] != nil) {
				t.Errorf("discoverable %v, hide_collections %v: want null only for a remote account", a["discoverable"], a["hide_collections"])
			}
			if a["statuses_count"] != tt.statuses || a["last_status_at"] != tt.lastStatusAt || !dateRE.MatchString(tt.lastStatusAt) {
				t.Errorf("statuses_count %v, last_status_at %v; want %v, %q", a["statuses_count"], a["last_status_at"], tt.statuses, tt.lastStatusAt)
			}
			if s, _ := a["created_at"].(string); !midnightRE.MatchString(s) {
				t.Errorf("created_at %q is not a midnight", s)
			}
			checkEmojisAndFields(t, a)
		})
	}
}

func checkEmojisAndFields(t *testing.T, a map[string]any) {
	t.Helper()
	emojis, _ := a["emojis"].([]any)
	if len(emojis) == 0 || emojis[0].(map[string]any)["shortcode"] != "favkit" {
		t.Errorf("emojis %v", a["emojis"])
	}
	fields, _ := a["fields"].([]any)
	var verified, unverified int
	for _, f := range fields {
		v, ok := f.(map[string]any)["verified_at"]
		switch {
		case !ok:
			t.Errorf("field %v without verified_at", f)
		case v == nil:
			unverified++
		default:
			if _, err := time.Parse(time.RFC3339, v.(string)); err != nil {
				t.Errorf("verified_at: %v", err)
			}
			verified++
		}
	}
	if verified == 0 || unverified == 0 {
		t.Errorf("fields %v: want one verified and one not", fields)
	}
}

// statuses_count and last_status_at follow deletions and replacements.
func TestAuthorCountsFollowChanges(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 1, d, 12, 0, 0, 0, time.UTC) }
	tests := []struct {
		name     string
		change   func(srv *mastodontest.Server, ids []string) error
		count    float64
		lastDate string
	}{
		{"as seeded", func(*mastodontest.Server, []string) error { return nil }, 3, "2025-01-03"},
		{"newest deleted", func(srv *mastodontest.Server, ids []string) error { return srv.DeleteStatus(ids[2]) }, 2, "2025-01-02"},
		{"oldest deleted", func(srv *mastodontest.Server, ids []string) error { return srv.DeleteStatus(ids[0]) }, 2, "2025-01-03"},
		{"newest given to another author", func(srv *mastodontest.Server, ids []string) error {
			srv.AddStatus(mastodontest.Status{ID: ids[2], Acct: "dave", CreatedAt: day(3)})
			return nil
		}, 2, "2025-01-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := mastodontest.NewServer()
			t.Cleanup(srv.Close)
			var ids []string
			for d := 1; d <= 3; d++ {
				ids = append(ids, srv.AddStatus(mastodontest.Status{Acct: "bob", CreatedAt: day(d)}))
			}
			if err := tt.change(srv, ids); err != nil {
				t.Fatal(err)
			}
			var st struct{ Account map[string]any }
			get(t, srv, "GET", "/api/v1/statuses/"+ids[1], "", &st)
			if st.Account["statuses_count"] != tt.count || st.Account["last_status_at"] != tt.lastDate {
				t.Errorf("statuses_count %v, last_status_at %v; want %v, %q",
					st.Account["statuses_count"], st.Account["last_status_at"], tt.count, tt.lastDate)
			}
		})
	}
}

// Links carry the request's own limit parameter, verbatim, or none when the
// request had none, whatever page size the server used.
func TestLinksEchoTheRequestsLimit(t *testing.T) {
	tests := []struct {
		query     string
		opts      []mastodontest.Option
		size      int
		wantLimit []string // the limit values of a link's query; nil: no limit key
	}{
		{"", nil, 20, nil},
		{"?limit=80", nil, 40, []string{"80"}},
		{"?limit=40", []mastodontest.Option{mastodontest.WithMaxLimit(10)}, 10, []string{"40"}},
		{"?limit=-3", nil, 3, []string{"-3"}},
		{"?limit=12abc", nil, 12, []string{"12abc"}},
		{"?limit=9&limit=5", nil, 5, []string{"5"}}, // the last one, as Rails keeps it
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			srv, _ := newSeeded(t, 45, tt.opts...)
			var page []map[string]any
			resp := get(t, srv, "GET", "/api/v1/favourites"+tt.query, mastodontest.Token, &page)
			ls := links(resp)
			if len(page) != tt.size || len(ls) != 2 {
				t.Fatalf("%d statuses, links %v; want %d and next and prev", len(page), ls, tt.size)
			}
			for rel, l := range ls {
				u, err := url.Parse(l)
				if err != nil {
					t.Fatal(err)
				}
				if got := u.Query()["limit"]; !slices.Equal(got, tt.wantLimit) {
					t.Errorf("%s link %s: limit %q, want %q", rel, l, got, tt.wantLimit)
				}
			}
		})
	}
}

// favIDs learns each status's favourite ID from the links of one-item
// pages: the prev link's min_id is the item's own favourite ID.
func favIDs(t *testing.T, srv *mastodontest.Server, n int) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	next := "/api/v1/favourites?limit=1"
	for range n {
		var page []struct{ ID string }
		ls := links(get(t, srv, "GET", next, mastodontest.Token, &page))
		prev, err := url.Parse(ls["prev"])
		if err != nil || len(page) != 1 {
			t.Fatalf("page %v, links %v", page, ls)
		}
		id, err := strconv.ParseInt(prev.Query().Get("min_id"), 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		out[page[0].ID] = id
		next = ls["next"][len(srv.URL):]
	}
	return out
}

// max_id, since_id and min_id compare favourite IDs, in the favourites'
// own order, not the statuses': max_id and since_id bound a newest-first
// page, min_id gives the page just above it (bounded by max_id, since_id
// then ignored), as Mastodon's Paginable does.
func TestPagingParamsCompareFavouriteIDs(t *testing.T) {
	srv := mastodontest.NewServer()
	t.Cleanup(srv.Close)
	ids := srv.AddStatuses(5)
	order := []int{3, 0, 4, 1, 2} // favourited in this order: the statuses' IDs do not follow it
	for _, i := range order {
		if err := srv.Favorite(mastodontest.DefaultUser, ids[i]); err != nil {
			t.Fatal(err)
		}
	}
	byStatus := favIDs(t, srv, len(ids))
	f := func(k int) string { return strconv.FormatInt(byStatus[ids[order[k]]], 10) } // the k-th favourite's ID
	tests := []struct {
		name, query string
		want        []int // indexes into ids, as listed
	}{
		{"max_id", "max_id=" + f(3), []int{4, 0, 3}},
		{"since_id", "since_id=" + f(1), []int{2, 1, 4}},
		{"since_id gives the newest", "limit=2&since_id=" + f(0), []int{2, 1}},
		{"min_id gives the page just above", "limit=2&min_id=" + f(0), []int{4, 0}},
		{"min_id bounded by max_id", "min_id=" + f(0) + "&max_id=" + f(3), []int{4, 0}},
		{"min_id ignores since_id", "limit=2&min_id=" + f(0) + "&since_id=" + f(2), []int{4, 0}},
		{"max_id and since_id", "max_id=" + f(4) + "&since_id=" + f(0), []int{1, 4, 0}},
		{"min_id of the newest", "min_id=" + f(4), nil},
		{"a status ID is no favourite ID", "max_id=" + ids[0], []int{2, 1, 4, 0, 3}},
		{"an empty max_id is none", "max_id=", []int{2, 1, 4, 0, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var page []struct{ ID string }
			get(t, srv, "GET", "/api/v1/favourites?"+tt.query, mastodontest.Token, &page)
			var got, want []string
			for _, st := range page {
				got = append(got, st.ID)
			}
			for _, i := range tt.want {
				want = append(want, ids[i])
			}
			if !slices.Equal(got, want) {
				t.Errorf("listed %v, want %v", got, want)
			}
		})
	}
}
