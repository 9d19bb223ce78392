package favorites

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// gatedPages serves pagesOf's pages, but a fetch of a gated cursor reports
// its start on started and then waits for release or its context.
type gatedPages struct {
	pages    fetchFunc
	gated    string
	started  chan struct{}
	release  chan struct{}
	inFlight atomic.Int32
	ctxErr   atomic.Value // the context error the gated fetch ended with
}

func newGated(gated string, pages ...[]int) *gatedPages {
	return &gatedPages{pages: pagesOf(pages...), gated: gated,
		started: make(chan struct{}, 1), release: make(chan struct{})}
}

func (g *gatedPages) fetch(ctx context.Context, cursor string) (Page[int], error) {
	g.inFlight.Add(1)
	defer g.inFlight.Add(-1)
	if cursor == g.gated {
		g.started <- struct{}{}
		select {
		case <-g.release:
		case <-ctx.Done():
			g.ctxErr.Store(ctx.Err())
			return Page[int]{}, ctx.Err()
		}
	}
	return g.pages(ctx, cursor)
}

// await fails the test rather than hang when the gated fetch never starts.
func await(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s never happened", what)
	}
}

func TestPrefetchOverlapsTheLoop(t *testing.T) {
	g := newGated("p2", []int{1, 2}, []int{3}, []int{4})
	p := NewPager(g.fetch, "").Prefetch()
	var got []int
	for v, err := range p.All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		if v == 1 {
			// Page 2 is being fetched while the loop is still on page 1.
			await(t, g.started, "the fetch of page 2 during page 1")
			close(g.release)
		}
		got = append(got, v)
	}
	if !slices.Equal(got, []int{1, 2, 3, 4}) || !p.Done() {
		t.Fatalf("All with prefetch = %v, done %v", got, p.Done())
	}
}

func TestPrefetchStopsWhenTheLoopStops(t *testing.T) {
	tests := []struct {
		name       string
		stop       func(cancel context.CancelFunc) bool // true: break
		wantCursor string                               // where a resume starts
	}{
		// Broken off inside page 1: page 1 is read again on resume.
		{"break", func(context.CancelFunc) bool { return true }, ""},
		// Page 1 was read to its end, then page 2 failed: resume at page 2.
		{"cancel", func(cancel context.CancelFunc) bool { cancel(); return false }, "p2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			g := newGated("p2", []int{1, 2}, []int{3})
			p := NewPager(g.fetch, "").Prefetch()
			var loopErr error
			for v, err := range p.All(ctx) {
				if err != nil {
					loopErr = err
					break
				}
				if v == 1 {
					await(t, g.started, "the fetch of page 2")
					if tt.stop(cancel) {
						break
					}
				}
			}
			if n := g.inFlight.Load(); n != 0 {
				t.Fatalf("%d fetches still running after the loop returned", n)
			}
			if err, _ := g.ctxErr.Load().(error); !errors.Is(err, context.Canceled) {
				t.Errorf("the fetch ahead ended with %v, want it cancelled", err)
			}
			if p.Cursor() != tt.wantCursor || p.Done() {
				t.Errorf("Cursor %q, Done %v: want %q, not done", p.Cursor(), p.Done(), tt.wantCursor)
			}
			if tt.name == "cancel" && !errors.Is(loopErr, context.Canceled) {
				t.Errorf("loop error %v, want context.Canceled", loopErr)
			}
		})
	}
}

func TestPrefetchKeepsPagerPromises(t *testing.T) {
	t.Run("error keeps cursor", func(t *testing.T) {
		fails := 1
		p := NewPager(func(ctx context.Context, c string) (Page[int], error) {
			if c == "p2" && fails > 0 {
				fails--
				return Page[int]{}, errors.New("boom")
			}
			return pagesOf([]int{1}, []int{2})(ctx, c)
		}, "").Prefetch()
		if got, err := collect(t, p); err == nil || !slices.Equal(got, []int{1}) || p.Cursor() != "p2" {
			t.Fatalf("first walk: %v, %v, cursor %q", got, err, p.Cursor())
		}
		if got, err := collect(t, p); err != nil || !slices.Equal(got, []int{2}) {
			t.Fatalf("retry: %v, %v", got, err)
		}
	})
	t.Run("loop guard", func(t *testing.T) {
		cycle := func(_ context.Context, c string) (Page[int], error) {
			return Page[int]{Items: []int{1}, Next: map[string]string{"": "a", "a": "b", "b": "a"}[c]}, nil
		}
		if _, err := collect(t, NewPager(cycle, "").Prefetch()); !errors.Is(err, ErrPaginationLoop) {
			t.Fatalf("err = %v, want ErrPaginationLoop", err)
		}
	})
	t.Run("pages and map", func(t *testing.T) {
		p := MapPager(NewPager(pagesOf([]int{1, 2}, nil, []int{3}), "").Prefetch(), func(i int) (int, error) { return -i, nil })
		var cursors []string
		var got []int
		for page, err := range p.Pages(t.Context()) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, page.Items...)
			cursors = append(cursors, p.Cursor())
		}
		if !slices.Equal(got, []int{-1, -2, -3}) || !slices.Equal(cursors, []string{"p2", "p3", ""}) || !p.prefetch {
			t.Fatalf("Pages = %v, cursors %q, prefetch kept %v", got, cursors, p.prefetch)
		}
	})
}
