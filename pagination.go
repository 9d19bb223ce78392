package favorites

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/favkit/favorites/internal/text"
)

// Page is one page of a listing; Next is the next one's cursor ("" last).
type Page[T any] struct {
	Items    []T
	Next     string
	Response *Response
}

// Pager walks a listing page by page; save its Cursor to resume ([ListOptions]).
type Pager[T any] struct {
	fetch    func(ctx context.Context, cursor string) (Page[T], error)
	cursor   string
	done     bool
	err      error
	guard    loopGuard
	prefetch bool
	ahead    *ahead[T] // the next page, fetched while the loop works
	maxPages int       // cap on pages passed in this walk; 0: none
	passed   int       // pages passed in this walk
	empties  int       // pages passed in a row that brought no item
}

// NewPager, for provider packages, makes a Pager from cursor that uses fetch.
func NewPager[T any](fetch func(ctx context.Context, cursor string) (Page[T], error), cursor string) *Pager[T] {
	return &Pager[T]{fetch: fetch, cursor: cursor}
}

// NextPage fetches the next page, [ErrNoMorePages] after the last.
func (p *Pager[T]) NextPage(ctx context.Context) (Page[T], error) {
	page, err := p.fetchNext(ctx)
	if err == nil {
		p.advance(page)
	}
	return page, err
}

// fetchNext fetches the page at the cursor and checks its next cursor
// without moving, so that All moves only past pages it fully yielded.
func (p *Pager[T]) fetchNext(ctx context.Context) (Page[T], error) {
	if p.err != nil {
		return Page[T]{}, p.err
	}
	if p.done || p.fetch == nil {
		return Page[T]{}, ErrNoMorePages
	}
	if p.maxPages > 0 && p.passed >= p.maxPages {
		return Page[T]{}, fmt.Errorf("%w: %d pages", ErrPageLimit, p.maxPages)
	}
	if err := ctx.Err(); err != nil {
		return Page[T]{}, err
	}
	page, err := p.get(ctx, p.cursor)
	if err != nil {
		return Page[T]{}, err
	}
	if page.Next == "" {
		return page, nil
	}
	if page.Next == p.cursor || p.guard.repeated(page.Next) {
		p.err = fmt.Errorf("%w: cursor %s came back", ErrPaginationLoop, text.QuoteShort(page.Next))
		return Page[T]{}, p.err
	}
	if len(page.Items) == 0 && p.empties+1 >= MaxEmptyPages {
		p.err = fmt.Errorf("%w: %d pages in a row brought no item but a next cursor", ErrPaginationLoop, MaxEmptyPages)
		return Page[T]{}, p.err
	}
	return page, nil
}

// advance moves past page, which fetchNext returned.
func (p *Pager[T]) advance(page Page[T]) {
	p.passed++
	if len(page.Items) == 0 {
		p.empties++
	} else {
		p.empties = 0
	}
	if page.Next == "" {
		p.done, p.cursor = true, ""
		return
	}
	p.guard.pass(p.cursor)
	p.cursor = page.Next
}

// MaxPages caps one walk at n pages, then [ErrPageLimit]; it returns p.
func (p *Pager[T]) MaxPages(n int) *Pager[T] {
	p.maxPages = max(n, 0)
	return p
}

// All yields every item to the end; a break leaves Cursor at the page's start.
func (p *Pager[T]) All(ctx context.Context) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		defer p.stopAhead()
		for {
			page, err := p.fetchNext(ctx)
			if errors.Is(err, ErrNoMorePages) {
				return
			}
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			p.fetchAhead(ctx, page.Next, p.passed+1)
			for _, item := range page.Items {
				if !yield(item, nil) {
					return
				}
			}
			p.advance(page)
		}
	}
}

// Pages yields each page as NextPage returns it; an error ends it.
func (p *Pager[T]) Pages(ctx context.Context) iter.Seq2[Page[T], error] {
	return func(yield func(Page[T], error) bool) {
		defer p.stopAhead()
		for {
			page, err := p.NextPage(ctx)
			if err == nil {
				p.fetchAhead(ctx, page.Next, p.passed)
			}
			if errors.Is(err, ErrNoMorePages) || !yield(page, err) || err != nil {
				return
			}
		}
	}
}

// Cursor is where the next page starts; "" before a listing and after.
func (p *Pager[T]) Cursor() string { return p.cursor }

// Done reports whether the last page has been read; the zero Pager is done.
func (p *Pager[T]) Done() bool { return p.done || p.fetch == nil && p.err == nil }

// MapPager is p with each item converted by f, from p's cursor and settings.
func MapPager[T, U any](p *Pager[T], f func(T) (U, error)) *Pager[U] {
	if p.err != nil || p.fetch == nil {
		return &Pager[U]{err: p.err}
	}
	fetch := func(ctx context.Context, cursor string) (Page[U], error) {
		page, err := p.fetch(ctx, cursor)
		if err != nil {
			return Page[U]{}, err
		}
		out := Page[U]{Items: make([]U, 0, len(page.Items)), Next: page.Next, Response: page.Response}
		for _, item := range page.Items {
			u, err := f(item)
			if err != nil {
				return Page[U]{}, err
			}
			out.Items = append(out.Items, u)
		}
		return out, nil
	}
	q := NewPager(fetch, p.cursor)
	q.done, q.prefetch = p.done, p.prefetch
	q.maxPages, q.passed, q.empties = p.maxPages, p.passed, p.empties
	return q
}
