package favorites

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
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
