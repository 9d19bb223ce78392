package mastodon_test

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

var markForm = regexp.MustCompile(`^mastodon\.v1\.i[0-9A-Za-z_-]{11}\.(e|m[0-9A-Za-z_-]{1,64})$`)

// favoriteNew adds n statuses, favourites them in order and returns their
// IDs, newest favourite first.
func favoriteNew(t *testing.T, srv *mastodontest.Server, n int) []string {
	t.Helper()
	ids := srv.AddStatuses(n)
	if err := srv.Favorite(mastodontest.DefaultUser, ids...); err != nil {
		t.Fatal(err)
	}
	slices.Reverse(ids)
	return ids
}

func refIDs(fs []favorites.Favorite) []string {
	ids := make([]string, len(fs))
	for i, f := range fs {
		ids[i] = f.Ref.ID
	}
	return ids
}

// With 1,000 favourites and k new ones, a run costs floor(k/40)+1
// requests with the default options (page 40), within the ceil(k/40)+1
// that issue 19 allows, and "from now" costs one.
func TestChangesRequestsGrowWithNewOnly(t *testing.T) {
	const n, page = 1000, mastodon.MaxLimit
	tests := []struct{ k, want int }{
		{0, 1}, {1, 1}, {page - 1, 1}, {page, 2}, {page + 1, 2},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("k=%d", tt.k), func(t *testing.T) {
			srv := newFake(t)
			favoriteNew(t, srv, n)
			c, err := mastodon.New(srv.URL, mastodontest.Token) // the default options
			if err != nil {
				t.Fatal(err)
			}
			a := mastodon.NewAdapter(c)
			start, err := a.Changes(t.Context(), "")
			if err != nil {
				t.Fatal(err)
			}
			if got := srv.Faults.Requests(); got != 1 || len(start.Added) != 0 {
				t.Fatalf(`Changes("") made %d requests and gave %d items, want 1 and none`, got, len(start.Added))
			}
			want := favoriteNew(t, srv, tt.k)
			ch, err := a.Changes(t.Context(), start.Mark)
			if err != nil {
				t.Fatal(err)
			}
			got := srv.Faults.Requests() - 1
			if limit := (tt.k+page-1)/page + 1; got != tt.want || got > limit {
				t.Errorf("%d requests for %d new of %d, want %d (at most %d)", got, tt.k, n+tt.k, tt.want, limit)
			}
			if ids := refIDs(ch.Added); !slices.Equal(ids, want) {
				t.Errorf("added %v,\nwant newest first %v", ids, want)
			}
			if ch.RemovalsKnown || ch.Removed != nil {
				t.Errorf("RemovalsKnown %v, Removed %v: Mastodon shows no removals", ch.RemovalsKnown, ch.Removed)
			}
			for _, m := range []string{start.Mark, ch.Mark} {
				if !markForm.MatchString(m) || strings.Contains(m, mastodontest.Token) {
					t.Errorf("mark %q is not of the form %s", m, markForm)
				}
			}
		})
	}
}

// seeder is a RoundTripper that, once the server has answered the
// request numbered at, runs its hook: favourites made while a run goes on.
type seeder struct {
	next http.RoundTripper
	mu   sync.Mutex
	n    int
	at   int
	hook func()
}

func (s *seeder) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := s.next.RoundTrip(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	if s.n == s.at && s.hook != nil {
		s.hook()
	}
	return resp, err
}

// during makes the hook run after the at-th request from now.
func (s *seeder) during(at int, hook func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n, s.at, s.hook = 0, at, hook
}

// run is one incremental call: favourites made before it, and made after
// its at-th request was answered.
type run struct {
	before, during, at int
}

// A favourite made between runs or during one is in that run or the next,
// never in neither and never in two: the union of the runs is exactly the
// set made, each once, and each run is newest first.
func TestChangesLoseNothingWhileListMoves(t *testing.T) {
	tests := []struct {
		name    string
		opts    []mastodontest.Option
		initial int
		runs    []run
	}{
		{"between runs", nil, 50, []run{{before: 3}, {before: 85}, {}, {before: 40}}},
		{"during the first page of one", nil, 50, []run{{before: 45, during: 5, at: 1}}},
		{"during the last page of one", nil, 50, []run{{before: 45, during: 3, at: 2}}},
		{"after a run's last page", nil, 10, []run{{before: 2, during: 4, at: 1}, {before: 1}}},
		{"during the run that starts from an empty list", nil, 0, []run{{before: 85, during: 5, at: 1}, {during: 1, at: 1}}},
		{"server caps limit at 10", []mastodontest.Option{mastodontest.WithMaxLimit(10)}, 30, []run{{before: 25, during: 2, at: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(t, tt.opts...)
			favoriteNew(t, srv, tt.initial)
			rt := &seeder{next: srv.HTTPClient().Transport}
			a := mastodon.NewAdapter(newClient(t, srv, mastodontest.Token, favorites.WithHTTPClient(&http.Client{Transport: rt})))
			ch, err := a.Changes(t.Context(), "")
			if err != nil {
				t.Fatal(err)
			}
			made, seen := map[string]bool{}, map[string]int{}
			for _, r := range append(tt.runs, run{}) { // a last run with nothing new collects the rest
				for _, id := range favoriteNew(t, srv, r.before) {
					made[id] = true
				}
				rt.during(r.at, func() {
					for _, id := range favoriteNew(t, srv, r.during) {
						made[id] = true
					}
				})
				if ch, err = a.Changes(t.Context(), ch.Mark); err != nil {
					t.Fatal(err)
				}
				ids := refIDs(ch.Added)
				if order := srv.Favorites(mastodontest.DefaultUser); !isSubsequence(ids, order) {
					t.Errorf("run gave %v, not newest first as %v", ids, order)
				}
				for _, id := range ids {
					seen[id]++
				}
			}
			for id := range made {
				if seen[id] != 1 {
					t.Errorf("status %s made during the runs was listed %d times, want once", id, seen[id])
				}
			}
			for id := range seen {
				if !made[id] {
					t.Errorf("status %s listed but not made since the first mark", id)
				}
			}
		})
	}
}

// isSubsequence reports whether sub is in order within seq.
func isSubsequence(sub, seq []string) bool {
	i := 0
	for _, s := range seq {
		if i < len(sub) && sub[i] == s {
			i++
		}
	}
	return i == len(sub)
}

// A run that fails gives no mark; the old mark, tried again, loses nothing.
// Removals are not reported: they need a full listing and Diff.
func TestChangesAfterAFailedRun(t *testing.T) {
	srv := newFake(t)
	old := favoriteNew(t, srv, 5)
	a := mastodon.NewAdapter(newClient(t, srv, mastodontest.Token))
	start, err := a.Changes(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	want := favoriteNew(t, srv, 45)
	if err := srv.Unfavorite(mastodontest.DefaultUser, old[0]); err != nil {
		t.Fatal(err)
	}
	srv.Faults.Inject(1, favoritestest.Fault{Status: http.StatusInternalServerError,
		Match: func(r *http.Request) bool { return srv.Faults.Requests() == 3 }}) // the run's second page
	ch, err := a.Changes(t.Context(), start.Mark)
	if !errors.Is(err, favorites.ErrServer) || ch != nil {
		t.Fatalf("run with a failing page gave %v, %v; want no changes and ErrServer", ch, err)
	}
	if ch, err = a.Changes(t.Context(), start.Mark); err != nil {
		t.Fatal(err)
	}
	if ids := refIDs(ch.Added); !slices.Equal(ids, want) {
		t.Errorf("retried run added %v,\nwant %v", ids, want)
	}
	if ch.RemovalsKnown || len(ch.Removed) != 0 {
		t.Errorf("RemovalsKnown %v, Removed %v; want false and none", ch.RemovalsKnown, ch.Removed)
	}
}

// A status unfavourited and favourited again during a run comes back under
// a new favourite ID on a later page; the run lists it once, where it now
// stands: newest.
func TestChangesListsEachStatusOnce(t *testing.T) {
	srv := newFake(t)
	favoriteNew(t, srv, 3)
	rt := &seeder{next: srv.HTTPClient().Transport}
	a := mastodon.NewAdapter(newClient(t, srv, mastodontest.Token, favorites.WithHTTPClient(&http.Client{Transport: rt})))
	start, err := a.Changes(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	made := favoriteNew(t, srv, 45)
	again := made[len(made)-1] // the oldest new one: on the run's first page
	rt.during(1, func() {
		if err := srv.Unfavorite(mastodontest.DefaultUser, again); err != nil {
			t.Error(err)
		}
		if err := srv.Favorite(mastodontest.DefaultUser, again); err != nil {
			t.Error(err)
		}
	})
	ch, err := a.Changes(t.Context(), start.Mark)
	if err != nil {
		t.Fatal(err)
	}
	want := append([]string{again}, made[:len(made)-1]...)
	if ids := refIDs(ch.Added); !slices.Equal(ids, want) {
		t.Errorf("added %v,\nwant %v", ids, want)
	}
}

// A mark that is not this list's is refused before anything is sent: text
// that is no Mastodon mark matches ErrStaleMark and ErrInvalidArgument, a
// mark of another instance or account ErrStaleMark alone.
func TestChangesRefusesForeignMarks(t *testing.T) {
	srv, other := newFake(t), newFake(t)
	srv.AddToken("bobs-token", "bob", "read", "write")
	mark := func(srv *mastodontest.Server, token string) string {
		ch, err := mastodon.NewAdapter(newClient(t, srv, token)).Changes(t.Context(), "")
		if err != nil {
			t.Fatal(err)
		}
		return ch.Mark
	}
	own, foreign, bobs := mark(srv, mastodontest.Token), mark(other, mastodontest.Token), mark(srv, "bobs-token")
	tag := strings.TrimSuffix(own, ".e") // "mastodon.v1.i<instance>"
	tests := []struct {
		name, mark string
		malformed  bool
	}{
		{"another instance's", foreign, false},
		{"another account's on this instance", bobs, false},
		{"not a mark", "yesterday", true},
		{"another provider's", "e621.v1.l320.p3.a1181-1180", true},
		{"a listing cursor", srv.URL + "/api/v1/favourites?max_id=1001", true},
		{"another version", strings.Replace(tag, ".v1.", ".v2.", 1) + ".m5", true},
		{"no position", tag, true},
		{"an empty favourite ID", tag + ".m", true},
		{"an unknown field", tag + ".x5", true},
		{"a trailing field", tag + ".m5.m6", true},
		{"a path in the ID", tag + ".m5%2F..%2F", true},
		{"a query in the ID", tag + ".m5&limit=1", true},
		{"an ID too long", tag + ".m" + strings.Repeat("1", 65), true},
		{"an upper-case instance", "mastodon.v1.iABCDEF12.m5", true},
		{"a short instance", tag[:len(tag)-1] + ".m5", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := srv.Faults.Requests()
			a := mastodon.NewAdapter(newClient(t, srv, mastodontest.Token))
			ch, err := a.Changes(t.Context(), tt.mark)
			if ch != nil || !errors.Is(err, favorites.ErrStaleMark) || errors.Is(err, favorites.ErrInvalidArgument) != tt.malformed {
				t.Fatalf("Changes(%q) = %v, %v; want ErrStaleMark (ErrInvalidArgument: %v)", tt.mark, ch, err, tt.malformed)
			}
			if n := srv.Faults.Requests() - before; n != 0 {
				t.Errorf("%d requests sent for a refused mark", n)
			}
			if strings.Contains(err.Error(), mastodontest.Token) {
				t.Errorf("error %q holds the token", err)
			}
		})
	}
}

// statusPage is a JSON array of statuses with the IDs from..from+n-1,
// newest (highest) first.
func statusPage(from, n int) string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`{"id":"%d"}`, from+n-1-i)
	}
	return "[" + strings.Join(items, ",") + "]"
}

func links(rels ...string) http.Header {
	return http.Header{"Link": rels}
}

// Each run asks min_id from the mark, then from each page's prev link;
// a reply that cannot be read as such a page is an error, with no mark.
func TestChangesReadsPrevLinks(t *testing.T) {
	const favs = mockBase + "/api/v1/favourites"
	marked := answer{status: 200, body: `[{"id":"9"}]`, header: links(`<` + favs + `?min_id=7>; rel="prev"`)}
	tests := []struct {
		name        string
		answers     []answer
		wantErr     error
		wantAdded   int
		wantQueries []string
		wantMark    string // its ending; and the newest status first
		wantFirst   string
	}{
		{"up two pages", []answer{
			{status: 200, body: statusPage(100, 40), header: links(`<` + favs + `?max_id=50>; rel="next", <` + favs + `?min_id=89>; rel="prev"`)},
			{status: 200, body: statusPage(200, 2), header: links(`<` + favs + `?min_id=91>; rel="prev"`)},
		}, nil, 42, []string{"limit=40&min_id=7", "limit=40&min_id=89"}, ".m91", "201"},
		{"a full page then an empty one", []answer{
			{status: 200, body: statusPage(100, 40), header: links(`<` + favs + `?max_id=50>; rel="next", <` + favs + `?min_id=89>; rel="prev"`)},
			{status: 200, body: `[]`},
		}, nil, 40, []string{"limit=40&min_id=7", "limit=40&min_id=89"}, ".m89", "139"},
		{"a short page with a next link: a server's lower cap", []answer{
			{status: 200, body: statusPage(100, 20), header: links(`<` + favs + `?max_id=50>; rel="next", <` + favs + `?min_id=89>; rel="prev"`)},
			{status: 200, body: `[]`},
		}, nil, 20, []string{"limit=40&min_id=7", "limit=40&min_id=89"}, ".m89", "119"},
		{"no prev link", []answer{{status: 200, body: `[{"id":"1"}]`}},
			favorites.ErrMalformedReply, 0, []string{"limit=40&min_id=7"}, "", ""},
		{"a prev link without min_id", []answer{{status: 200, body: `[{"id":"1"}]`, header: links(`<` + favs + `?since_id=8>; rel="prev"`)}},
			favorites.ErrMalformedReply, 0, []string{"limit=40&min_id=7"}, "", ""},
		{"a prev link to another listing", []answer{{status: 200, body: `[{"id":"1"}]`, header: links(`<` + mockBase + `/api/v1/timelines/home?min_id=8>; rel="prev"`)}},
			favorites.ErrMalformedReply, 0, []string{"limit=40&min_id=7"}, "", ""},
		{"an unusable min_id", []answer{{status: 200, body: `[{"id":"1"}]`, header: links(`<` + favs + `?min_id=8.5>; rel="prev"`)}},
			favorites.ErrMalformedReply, 0, []string{"limit=40&min_id=7"}, "", ""},
		{"not a list", []answer{{status: 200, body: `{"id":"1"}`}},
			favorites.ErrMalformedReply, 0, []string{"limit=40&min_id=7"}, "", ""},
		{"a full page that does not move up", []answer{{status: 200, body: statusPage(100, 40), header: links(`<` + favs + `?min_id=7>; rel="prev"`)}},
			favorites.ErrPaginationLoop, 0, []string{"limit=40&min_id=7"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, m := newMock(t, append([]answer{marked}, tt.answers...)...)
			_, mark, err := c.FavouritesSince(t.Context(), "")
			if err != nil || !strings.HasSuffix(mark, ".m7") {
				t.Fatalf("from now: mark %q, %v; want the prev link's min_id 7", mark, err)
			}
			sts, next, err := c.FavouritesSince(t.Context(), mark)
			if !errors.Is(err, tt.wantErr) || (err != nil) != (tt.wantErr != nil) {
				t.Fatalf("got %v, want %v", err, tt.wantErr)
			}
			if len(sts) != tt.wantAdded || (err == nil) == (next == "") {
				t.Errorf("%d statuses, mark %q; want %d and a mark only on success", len(sts), next, tt.wantAdded)
			}
			if err == nil && (!strings.HasSuffix(next, tt.wantMark) || sts[0].ID != tt.wantFirst) {
				t.Errorf("mark %q, newest %s; want a mark ending %s and %s first", next, sts[0].ID, tt.wantMark, tt.wantFirst)
			}
			calls := m.Calls()
			checkCall(t, calls[0], http.MethodGet, "/api/v1/favourites", "limit=1")
			for i, q := range tt.wantQueries {
				if i+1 >= len(calls) {
					t.Fatalf("%d requests, want %d", len(calls)-1, len(tt.wantQueries))
				}
				checkCall(t, calls[i+1], http.MethodGet, "/api/v1/favourites", q)
			}
			if len(calls)-1 != len(tt.wantQueries) {
				t.Errorf("%d requests after the mark, want %d", len(calls)-1, len(tt.wantQueries))
			}
		})
	}
}
