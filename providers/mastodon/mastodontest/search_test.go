package mastodontest_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// searchResult is the part of a search answer the tests read.
type searchResult struct {
	Accounts []any            `json:"accounts"`
	Statuses []map[string]any `json:"statuses"`
	Hashtags []any            `json:"hashtags"`
	Error    string           `json:"error"`
}

// searchFor sends GET /api/v2/search?q=q&type=statuses&resolve=true&limit=1
// with extra parameters replacing those, and returns the status code and
// answer.
func searchFor(t *testing.T, srv *mastodontest.Server, token, q string, extra ...string) (int, searchResult) {
	t.Helper()
	v := url.Values{"q": {q}, "type": {"statuses"}, "resolve": {"true"}, "limit": {"1"}}
	for i := 0; i+1 < len(extra); i += 2 {
		if extra[i+1] == "" {
			v.Del(extra[i])
		} else {
			v.Set(extra[i], extra[i+1])
		}
	}
	var out searchResult
	resp := get(t, srv, "GET", "/api/v2/search?"+v.Encode(), token, &out)
	return resp.StatusCode, out
}

// federated starts two fakes that federate: origin with a status by carol,
// and target, which has never seen it.
func federated(t *testing.T) (origin, target *mastodontest.Server, id, uri, link string) {
	origin, target = mastodontest.NewServer(), mastodontest.NewServer()
	t.Cleanup(origin.Close)
	t.Cleanup(target.Close)
	target.Federate(origin)
	id = origin.AddStatus(mastodontest.Status{Acct: "carol", Content: "<p>moved</p>", MediaPreviewURLs: []string{origin.URL + "/p.png"}})
	return origin, target, id, origin.URL + "/users/carol/statuses/" + id, origin.URL + "/@carol/" + id
}

// A search with resolve=true fetches a status of another fake by its URI
// or its URL and gives it a local ID, once: the copy keeps the origin's
// uri and url, and its author the origin's domain.
func TestSearchResolvesAStatusOfAPeer(t *testing.T) {
	origin, target, id, uri, link := federated(t)
	originHost := strings.TrimPrefix(origin.URL, "http://")
	var local string
	for _, q := range []string{uri, link, uri} {
		code, res := searchFor(t, target, mastodontest.Token, q)
		if code != 200 || len(res.Statuses) != 1 || res.Accounts == nil || res.Hashtags == nil {
			t.Fatalf("search %s: %d %+v, want one status and empty lists", q, code, res)
		}
		st := res.Statuses[0]
		acct := st["account"].(map[string]any)["acct"]
		if st["uri"] != uri || st["url"] != link || acct != "carol@"+originHost || st["content"] != "<p>moved</p>" {
			t.Errorf("search %s: uri %v, url %v, acct %v, content %v", q, st["uri"], st["url"], acct, st["content"])
		}
		if st["id"] == id {
			t.Errorf("search %s: the copy has the origin's ID %s, want one of the target's", q, id)
		}
		if local == "" {
			local = st["id"].(string)
		} else if st["id"] != local {
			t.Errorf("search %s gave copy %v, an earlier one %s: a status copied twice", q, st["id"], local)
		}
	}
	var st map[string]any
	if get(t, target, "GET", "/api/v1/statuses/"+local, "", &st); st["uri"] != uri {
		t.Errorf("the copy %s served as %v", local, st)
	}
	// The other way round: the origin finds the target's own statuses.
	own := target.AddStatus(mastodontest.Status{Content: "<p>here</p>"})
	if _, res := searchFor(t, origin, mastodontest.Token, target.URL+"/@bob/"+own); len(res.Statuses) != 1 {
		t.Errorf("Federate is one-way: the origin did not find the target's status: %+v", res)
	}
}

// What Mastodon's search answers finds nothing for: each case an empty
// list of statuses with 200.
func TestSearchFindsNothing(t *testing.T) {
	tests := []struct {
		name  string
		setup func(origin, target *mastodontest.Server, id, uri string) (q string, extra []string)
	}{
		{"deleted on its server", func(o, _ *mastodontest.Server, id, uri string) (string, []string) {
			o.DeleteStatus(id)
			return uri, nil
		}},
		{"unknown on its server", func(o, _ *mastodontest.Server, id, uri string) (string, []string) {
			return o.URL + "/users/carol/statuses/1", nil
		}},
		{"private on its server", func(o, _ *mastodontest.Server, id, uri string) (string, []string) {
			p := o.AddStatus(mastodontest.Status{Acct: "carol", Visibility: "private"})
			return o.URL + "/users/carol/statuses/" + p, nil
		}},
		{"its server closed", func(o, _ *mastodontest.Server, id, uri string) (string, []string) {
			o.Close()
			return uri, nil
		}},
		{"a server not federated", func(_, _ *mastodontest.Server, id, uri string) (string, []string) {
			return "https://far.example/users/dave/statuses/1", nil
		}},
		{"a local status the caller may not see", func(_, t *mastodontest.Server, _, _ string) (string, []string) {
			p := t.AddStatus(mastodontest.Status{Acct: "bob", Visibility: "direct"})
			return t.URL + "/users/bob/statuses/" + p, nil
		}},
		{"without resolve", func(_, _ *mastodontest.Server, _, uri string) (string, []string) {
			return uri, []string{"resolve", "false"}
		}},
		{"type accounts", func(_, _ *mastodontest.Server, _, uri string) (string, []string) {
			return uri, []string{"type", "accounts"}
		}},
		{"limit 0", func(_, _ *mastodontest.Server, _, uri string) (string, []string) {
			return uri, []string{"limit", "0"}
		}},
		{"an offset with a type", func(_, _ *mastodontest.Server, _, uri string) (string, []string) {
			return uri, []string{"offset", "1"}
		}},
		{"not a URL", func(_, _ *mastodontest.Server, _, _ string) (string, []string) {
			return "carol", nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			origin, target, id, uri, _ := federated(t)
			q, extra := tt.setup(origin, target, id, uri)
			code, res := searchFor(t, target, mastodontest.Token, q, extra...)
			if code != 200 || res.Statuses == nil || len(res.Statuses) != 0 {
				t.Errorf("%d %+v, want 200 with no statuses", code, res)
			}
		})
	}
}

// A copy made before its origin deleted the status, or went private, is
// still found, as Mastodon looks in its database after a 404; one whose
// origin cannot be reached is not, as Mastodon does not look then.
func TestSearchKeepsACopyAfterA404(t *testing.T) {
	origin, target, id, uri, _ := federated(t)
	if _, res := searchFor(t, target, mastodontest.Token, uri); len(res.Statuses) != 1 {
		t.Fatalf("first search: %+v", res)
	}
	if err := origin.DeleteStatus(id); err != nil {
		t.Fatal(err)
	}
	if _, res := searchFor(t, target, mastodontest.Token, uri); len(res.Statuses) != 1 || res.Statuses[0]["uri"] != uri {
		t.Errorf("after the origin deleted it: %+v, want the copy", res)
	}
	origin.Close()
	if _, res := searchFor(t, target, mastodontest.Token, uri); len(res.Statuses) != 0 {
		t.Errorf("with the origin closed: %+v, want nothing", res)
	}
}

// A private status is found by its author alone.
func TestSearchShowsOnlyWhatTheCallerMaySee(t *testing.T) {
	srv := mastodontest.NewServer()
	t.Cleanup(srv.Close)
	id := srv.AddStatus(mastodontest.Status{Acct: mastodontest.DefaultUser, Visibility: "private"})
	uri := srv.URL + "/users/" + mastodontest.DefaultUser + "/statuses/" + id
	if _, res := searchFor(t, srv, mastodontest.Token, uri); len(res.Statuses) != 1 || res.Statuses[0]["visibility"] != "private" {
		t.Errorf("its author: %+v, want the private status", res)
	}
	other := srv.AddAccount()
	if _, res := searchFor(t, srv, other.Token, uri); len(res.Statuses) != 0 {
		t.Errorf("another account: %+v, want nothing", res)
	}
	var e searchResult
	if resp := get(t, srv, "GET", "/api/v1/statuses/"+id, other.Token, &e); resp.StatusCode != 404 || e.Error != "Not Found" {
		t.Errorf("GET of a status the caller may not see: %d %q, want 404 Not Found", resp.StatusCode, e.Error)
	}
}

// The answers before any search: the scope, a signed-in user for resolve
// and offset, and q.
func TestSearchAuth(t *testing.T) {
	_, target, _, uri, _ := federated(t)
	target.AddToken("search-only", mastodontest.DefaultUser, "read:search")
	tests := []struct {
		name, token string
		extra       []string
		code        int
		error       string
	}{
		{"read:search", "search-only", nil, 200, ""},
		{"read and write", mastodontest.Token, nil, 200, ""},
		{"without read:search", mastodontest.ReadOnlyToken, nil, 403, "This action is outside the authorized scopes"},
		{"no token", "", nil, 401, "Search queries that resolve remote resources are not supported without authentication"},
		{"an unknown token", "nobody", nil, 401, "Search queries that resolve remote resources are not supported without authentication"},
		{"an app token", mastodontest.AppToken, nil, 401, "Search queries that resolve remote resources are not supported without authentication"},
		{"no token, an offset", "", []string{"resolve", "", "offset", "2"}, 401, "Search queries pagination is not supported without authentication"},
		{"no token, no resolve", "", []string{"resolve", ""}, 200, ""},
		{"no q", mastodontest.Token, []string{"q", ""}, 400, "param is missing or the value is empty: q"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := uri
			code, res := searchFor(t, target, tt.token, q, tt.extra...)
			if code != tt.code || res.Error != tt.error {
				t.Errorf("%d %q, want %d %q", code, res.Error, tt.code, tt.error)
			}
		})
	}
}
