package favorites

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"
)

// pagesOf serves items in pages keyed by cursor: "" -> "p2" -> "p3" ...
// fetchFunc is what NewPager takes, for the tests' fakes.
type fetchFunc = func(ctx context.Context, cursor string) (Page[int], error)

func pagesOf(pages ...[]int) fetchFunc {
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
	tests := map[string]fetchFunc{
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

// The zero Pager is an empty listing that is done, not a panic; so is a
// Pager mapped from it.
func TestZeroPagerListsNothing(t *testing.T) {
	for name, p := range map[string]*Pager[int]{
		"zero":             {},
		"mapped from zero": MapPager(&Pager[int]{}, func(i int) (int, error) { return i, nil }),
	} {
		if _, err := p.NextPage(t.Context()); !errors.Is(err, ErrNoMorePages) || !p.Done() || p.Cursor() != "" {
			t.Errorf("%s: NextPage = %v, Done %v, Cursor %q; want ErrNoMorePages, true, empty", name, err, p.Done(), p.Cursor())
		}
		for v, err := range p.All(t.Context()) {
			t.Errorf("%s: All yielded %v, %v", name, v, err)
		}
	}
}
