package favorites

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/jarcoal/httpmock"
)

// pagesOf serves items in pages keyed by cursor: "" -> "p2" -> "p3" ...
func pagesOf(pages ...[]int) FetchFunc[int] {
	return func(_ context.Context, cursor string) (Page[int], error) {
		i := 0
		if cursor != "" {
			i, _ = strconv.Atoi(cursor[1:])
			i--
		}
		p := Page[int]{Items: pages[i]}
		if i+1 < len(pages) {
			p.Next = "p" + strconv.Itoa(i+2)
		}
		return p, nil
	}
}

func collect[T any](t *testing.T, p *Pager[T]) ([]T, error) {
	t.Helper()
	var out []T
	for v, err := range p.All(t.Context()) {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

func TestPagerAllFollowsEmptyPages(t *testing.T) {
	p := NewPager(pagesOf([]int{1, 2}, nil, []int{3}, nil), "")
	got, err := collect(t, p)
	if err != nil || !slices.Equal(got, []int{1, 2, 3}) {
		t.Fatalf("All = %v, %v", got, err)
	}
	if !p.Done() || p.Cursor() != "" {
		t.Errorf("after the end: Done %v Cursor %q", p.Done(), p.Cursor())
	}
	if _, err := p.NextPage(t.Context()); !errors.Is(err, ErrNoMorePages) {
		t.Errorf("NextPage after the end = %v", err)
	}
}

func TestPagerResumesFromCursor(t *testing.T) {
	fetch := pagesOf([]int{1, 2}, []int{3, 4}, []int{5})
	p := NewPager(fetch, "")
	if _, err := p.NextPage(t.Context()); err != nil {
		t.Fatal(err)
	}
	saved := p.Cursor()
	got, err := collect(t, NewPager(fetch, saved))
	if err != nil || !slices.Equal(got, []int{3, 4, 5}) {
		t.Fatalf("resumed from %q: %v, %v", saved, got, err)
	}
}

func TestPagerBreakKeepsUnfinishedPage(t *testing.T) {
	p := NewPager(pagesOf([]int{1, 2}, []int{3, 4}, []int{5}), "")
	for v := range p.All(t.Context()) {
		if v == 3 {
			break
		}
	}
	if p.Cursor() != "p2" {
		t.Fatalf("after breaking inside page 2, Cursor = %q, want p2 so nothing is skipped", p.Cursor())
	}
	got, _ := collect(t, p)
	if !slices.Equal(got, []int{3, 4, 5}) {
		t.Errorf("continuing gave %v", got)
	}
}

func TestPagerPages(t *testing.T) {
	p := NewPager(pagesOf([]int{1, 2}, nil, []int{3}), "")
	var sizes []int
	var cursors []string
	for page, err := range p.Pages(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, len(page.Items))
		cursors = append(cursors, p.Cursor())
	}
	if !slices.Equal(sizes, []int{2, 0, 1}) || !slices.Equal(cursors, []string{"p2", "p3", ""}) || !p.Done() {
		t.Fatalf("pages of %v, cursors %q, done %v", sizes, cursors, p.Done())
	}
	failing := NewPager(func(context.Context, string) (Page[int], error) { return Page[int]{}, errors.New("boom") }, "")
	n := 0
	for _, err := range failing.Pages(t.Context()) {
		n++
		if err == nil {
			t.Fatal("want the fetch error")
		}
	}
	if n != 1 {
		t.Errorf("the error was yielded %d times, want once", n)
	}
}

func TestPagerLoopGuard(t *testing.T) {
	tests := map[string]FetchFunc[int]{
		"self": func(context.Context, string) (Page[int], error) { return Page[int]{Items: []int{1}, Next: "a"}, nil },
		"cycle": func(_ context.Context, c string) (Page[int], error) {
			next := map[string]string{"": "a", "a": "b", "b": "a"}[c]
			return Page[int]{Items: []int{1}, Next: next}, nil
		},
	}
	for name, fetch := range tests {
		_, err := collect(t, NewPager(fetch, ""))
		if !errors.Is(err, ErrPaginationLoop) {
			t.Errorf("%s: err = %v, want ErrPaginationLoop", name, err)
		}
	}
}

func TestPagerErrorKeepsCursorForRetry(t *testing.T) {
	fails := 1
	fetch := func(ctx context.Context, c string) (Page[int], error) {
		if c == "p2" && fails > 0 {
			fails--
			return Page[int]{}, errors.New("boom")
		}
		return pagesOf([]int{1}, []int{2})(ctx, c)
	}
	p := NewPager(fetch, "")
	got, err := collect(t, p)
	if err == nil || !slices.Equal(got, []int{1}) || p.Cursor() != "p2" {
		t.Fatalf("first walk: %v, %v, cursor %q", got, err, p.Cursor())
	}
	got, err = collect(t, p)
	if err != nil || !slices.Equal(got, []int{2}) {
		t.Fatalf("second walk: %v, %v", got, err)
	}
}

func TestMapPager(t *testing.T) {
	p := MapPager(NewPager(pagesOf([]int{1, 2}, []int{3}), ""), func(i int) (string, error) {
		return fmt.Sprint(i * 10), nil
	})
	got, err := collect(t, p)
	if err != nil || !slices.Equal(got, []string{"10", "20", "30"}) {
		t.Fatalf("MapPager: %v, %v", got, err)
	}
	bad := MapPager(NewPager(pagesOf([]int{1}), ""), func(int) (int, error) { return 0, errors.New("nope") })
	if _, err := collect(t, bad); err == nil {
		t.Error("a conversion error was dropped")
	}
}

func TestLinkPager(t *testing.T) {
	c, mt := newMockClient(t)
	mt.RegisterResponder("GET", testBase+"/favourites", func(r *http.Request) (*http.Response, error) {
		switch r.URL.RawQuery {
		case "limit=2":
			return jsonResponder(200, `["a","b"]`,
				"Link", `<https://api.example/v1/favourites?limit=2&min_id=9>; rel="prev"`,
				"Link", `<https://api.example/v1/favourites?limit=2&max_id=7>; rel="next"`)(r)
		case "limit=2&max_id=7":
			return jsonResponder(200, `["c","d"]`, "Link",
				`</v1/favourites?limit=2&max_id=5>; rel="next", </v1/favourites?limit=2&min_id=6>; rel="prev"`)(r)
		case "limit=2&max_id=5":
			return jsonResponder(200, `[]`, "Link", `<https://api.example/v1/favourites?limit=2&min_id=4>; rel="prev"`)(r)
		}
		return httpmock.NewStringResponse(400, "unexpected query "+r.URL.RawQuery), nil
	})
	p := LinkPager[string](c, "favourites", struct {
		Limit int `url:"limit"`
	}{2}, "", ItemRules[string]{})
	got, err := collect(t, p)
	if err != nil || !slices.Equal(got, []string{"a", "b", "c", "d"}) {
		t.Fatalf("LinkPager: %v, %v", got, err)
	}
	if n := mt.GetTotalCallCount(); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
	resumed, err := collect(t, LinkPager[string](c, "favourites", nil, testBase+"/favourites?limit=2&max_id=7", ItemRules[string]{}))
	if err != nil || !slices.Equal(resumed, []string{"c", "d"}) {
		t.Errorf("resumed: %v, %v", resumed, err)
	}
}

func TestLinkPagerRefusesOtherHosts(t *testing.T) {
	c, mt := newMockClient(t)
	mt.RegisterResponder("GET", testBase+"/favourites", jsonResponder(200, `["a"]`,
		"Link", `<https://evil.example/steal>; rel="next"`))
	got, err := collect(t, LinkPager[string](c, "favourites", nil, "", ItemRules[string]{}))
	if !errors.Is(err, ErrCrossHostURL) || !slices.Equal(got, []string{"a"}) {
		t.Fatalf("next link to another host: %v, %v", got, err)
	}
	_, err = collect(t, LinkPager[string](c, "favourites", nil, "https://evil.example/steal", ItemRules[string]{}))
	if !errors.Is(err, ErrCrossHostURL) {
		t.Errorf("saved cursor on another host: %v", err)
	}
	// A saved cursor goes only to the listing's own path on the base host.
	for _, cursor := range []string{"../2", "/", "?x=1", "/v1/favourites/../admin", "https://api.example/v1/other?max_id=1", "favourites/.."} {
		if _, err := collect(t, LinkPager[string](c, "favourites", nil, cursor, ItemRules[string]{})); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("cursor %q: %v, want ErrInvalidArgument", cursor, err)
		}
	}
	if n := mt.GetTotalCallCount(); n != 1 {
		t.Errorf("%d requests, want only the first page", n)
	}
}

func TestPageNumberPager(t *testing.T) {
	var asked []int
	fetch := func(_ context.Context, page int) ([]int, *Response, error) {
		asked = append(asked, page)
		return map[int][]int{1: {1, 2, 3}, 2: {4, 5, 6}, 3: {7}}[page], nil, nil
	}
	got, err := collect(t, PageNumberPager("", 1, 3, fetch))
	if err != nil || !slices.Equal(got, []int{1, 2, 3, 4, 5, 6, 7}) || !slices.Equal(asked, []int{1, 2, 3}) {
		t.Fatalf("got %v asked %v err %v", got, asked, err)
	}
	asked = nil
	got, _ = collect(t, PageNumberPager("2", 1, 3, fetch))
	if !slices.Equal(got, []int{4, 5, 6, 7}) || asked[0] != 2 {
		t.Errorf("from cursor 2: %v, asked %v", got, asked)
	}
	for _, bad := range []string{"0", "x", "-1"} {
		if _, err := collect(t, PageNumberPager(bad, 1, 3, fetch)); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("cursor %q: %v", bad, err)
		}
	}
}

func TestSinglePage(t *testing.T) {
	calls := 0
	fetch := func(context.Context) ([]int, *Response, error) { calls++; return []int{1, 2}, nil, nil }
	got, err := collect(t, SinglePage("", fetch))
	if err != nil || !slices.Equal(got, []int{1, 2}) || calls != 1 {
		t.Fatalf("SinglePage: %v, %v, %d calls", got, err, calls)
	}
	if _, err := collect(t, SinglePage("2", fetch)); !errors.Is(err, ErrInvalidArgument) || calls != 1 {
		t.Errorf("a cursor on a one-page listing: %v", err)
	}
}

// newServerClient returns a Client on a fresh httptest server run by h,
// and a count of the requests that reached it.
func newServerClient(t *testing.T, h http.HandlerFunc, opts ...Option) (*Client, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := New("test", append([]Option{WithBaseURL(srv.URL + "/v1"), WithBearerToken("s3cret-token"),
		WithRetryPolicy(RetryPolicy{})}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c, &hits
}

// A server that gives a fresh next link on every page and never an item
// defeats the loop guard (no cursor repeats); the walk must still end, by
// itself, after MaxEmptyPages requests.
func TestLinkPagerEndsEndlessEmptyPages(t *testing.T) {
	var n atomic.Int64
	c, hits := newServerClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", fmt.Sprintf(`<%s?max_id=%d>; rel="next"`, r.URL.Path, n.Add(1)))
		w.Write([]byte(`[]`))
	})
	for name, p := range map[string]*Pager[string]{
		"All":      LinkPager[string](c, "favourites", nil, "", ItemRules[string]{}),
		"prefetch": LinkPager[string](c, "favourites", nil, "", ItemRules[string]{}).Prefetch(),
	} {
		t.Run(name, func(t *testing.T) {
			hits.Store(0)
			got, err := collect(t, p)
			if !errors.Is(err, ErrPaginationLoop) || len(got) != 0 {
				t.Fatalf("endless empty pages: %v, %v; want ErrPaginationLoop", got, err)
			}
			if h := hits.Load(); h < MaxEmptyPages || h > MaxEmptyPages+1 {
				t.Errorf("%d requests, want %d (one more when prefetching)", h, MaxEmptyPages)
			}
		})
	}
}

// Empty pages are followed, not taken as the end, up to the limit.
func TestPagerFollowsEmptyPagesUpToTheLimit(t *testing.T) {
	tests := []struct {
		empties int
		wantErr error
	}{
		{MaxEmptyPages - 1, nil},
		{MaxEmptyPages, ErrPaginationLoop},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.empties), func(t *testing.T) {
			pages := [][]int{{1}}
			for range tt.empties {
				pages = append(pages, nil)
			}
			pages = append(pages, []int{2})
			got, err := collect(t, NewPager(pagesOf(pages...), ""))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("%d empty pages in a row: %v, want %v", tt.empties, err, tt.wantErr)
			}
			if tt.wantErr == nil && !slices.Equal(got, []int{1, 2}) {
				t.Errorf("got %v, want [1 2]", got)
			}
		})
	}
}

// MaxPages ends a walk after n pages when there are more, whichever way it
// is read, and leaves the cursor where a new listing goes on.
func TestPagerMaxPages(t *testing.T) {
	walks := map[string]func(t *testing.T, p *Pager[int]) ([]int, error){
		"All": collect[int],
		"Pages": func(t *testing.T, p *Pager[int]) ([]int, error) {
			var out []int
			for page, err := range p.Pages(t.Context()) {
				if err != nil {
					return out, err
				}
				out = append(out, page.Items...)
			}
			return out, nil
		},
		"NextPage": func(t *testing.T, p *Pager[int]) ([]int, error) {
			var out []int
			for {
				page, err := p.NextPage(t.Context())
				if errors.Is(err, ErrNoMorePages) {
					return out, nil
				}
				if err != nil {
					return out, err
				}
				out = append(out, page.Items...)
			}
		},
		"MapPager": func(t *testing.T, p *Pager[int]) ([]int, error) {
			return collect(t, MapPager(p, func(i int) (int, error) { return i, nil }))
		},
	}
	tests := []struct {
		max     int
		want    []int
		wantErr error
		cursor  string
	}{
		{1, []int{1}, ErrPageLimit, "p2"},
		{2, []int{1, 2}, ErrPageLimit, "p3"},
		{3, []int{1, 2, 3}, nil, ""}, // the cap is the listing's length: no more pages, no error
		{0, []int{1, 2, 3}, nil, ""},
	}
	for name, walk := range walks {
		for _, tt := range tests {
			for _, prefetch := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/max%d/prefetch=%v", name, tt.max, prefetch), func(t *testing.T) {
					var fetched atomic.Int64
					fetch := pagesOf([]int{1}, []int{2}, []int{3})
					p := NewPager(func(ctx context.Context, c string) (Page[int], error) {
						fetched.Add(1)
						return fetch(ctx, c)
					}, "").MaxPages(tt.max)
					if prefetch {
						p.Prefetch()
					}
					got, err := walk(t, p)
					if !errors.Is(err, tt.wantErr) || !slices.Equal(got, tt.want) {
						t.Fatalf("MaxPages(%d): %v, %v; want %v, %v", tt.max, got, err, tt.want, tt.wantErr)
					}
					if n := fetched.Load(); n != int64(len(tt.want)) {
						t.Errorf("%d fetches, want %d: nothing past the cap", n, len(tt.want))
					}
					if name != "MapPager" && p.Cursor() != tt.cursor {
						t.Errorf("Cursor = %q, want %q", p.Cursor(), tt.cursor)
					}
				})
			}
		}
	}
}
