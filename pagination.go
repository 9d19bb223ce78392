package favorites

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/favkit/favorites/internal/text"
)

// Page is one page of a listing.
type Page[T any] struct {
	Items []T

	// Next is the cursor of the following page; empty on the last page.
	Next string

	// Response is the response the page came from; nil for pages not read
	// from a single response.
	Response *Response
}

// FetchFunc fetches the page that starts at cursor; the empty cursor is the
// first page.
type FetchFunc[T any] func(ctx context.Context, cursor string) (Page[T], error)

// Pager walks a listing page by page. It is not safe for concurrent use;
// make one Pager per loop.
//
// Its cursor is opaque text that can be saved and given to a new listing
// (such as [ListOptions].Cursor) to resume after a crash.
type Pager[T any] struct {
	fetch    FetchFunc[T]
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

// MaxEmptyPages bounds a run of pages that bring no item but still give a
// next cursor: the walk follows such pages, and the MaxEmptyPages-th in a
// row ends it with [ErrPaginationLoop] instead of being followed. An honest
// service sends an empty page with a next link now and then (Mastodon
// filters statuses out of a page after paging them, so a stretch of muted or
// deleted ones reads as an empty page); 16 in a row is far past that, while
// a server that hands out a fresh cursor for ever then costs 16 requests
// instead of a walk without end. The loop guard cannot catch such a server,
// since no cursor repeats.
const MaxEmptyPages = 16

// ErrPageLimit ends a walk that reached the cap set by [Pager.MaxPages]
// while the listing has more pages. The Pager's cursor is then where the
// next page starts, so a new listing from it goes on.
var ErrPageLimit = errors.New("page limit reached")

// NewPager returns a Pager that starts at cursor (empty: the first page) and
// fetches with fetch. It is for provider packages, as are [MapPager] and
// [FetchFunc]: programs get their Pagers from listing calls. Package driver
// builds on it a helper for each common paging scheme.
func NewPager[T any](fetch FetchFunc[T], cursor string) *Pager[T] {
	return &Pager[T]{fetch: fetch, cursor: cursor}
}

// ErrNoMorePages is returned by NextPage after the last page.
var ErrNoMorePages = errors.New("no more pages")

// NextPage fetches the next page. After the last page it returns
// [ErrNoMorePages]. A next cursor already seen in this walk, or a run of
// [MaxEmptyPages] empty pages, ends it with [ErrPaginationLoop]; the cap of
// [Pager.MaxPages] ends it with [ErrPageLimit]. After an error the Pager keeps its cursor, so NextPage
// may be called again to retry.
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

// MaxPages caps the pages one walk of p fetches at n: once n pages are
// read and the listing has more, NextPage, All and Pages end with
// [ErrPageLimit] and send nothing more. n <= 0 removes the cap. It returns
// p, to chain after the listing call:
//
//	for fav, err := range f.List(nil).MaxPages(10).All(ctx) { ... }
//
// A bot that must finish in bounded time sets it; [MaxEmptyPages] holds
// without it.
func (p *Pager[T]) MaxPages(n int) *Pager[T] {
	p.maxPages = max(n, 0)
	return p
}

// All yields every item from the current position to the end, fetching pages
// as the loop asks for them (or one page ahead, after [Pager.Prefetch]). An error is yielded once, with the zero T, and
// ends the sequence. Breaking out of the loop stops fetching and leaves the
// cursor at the start of the page being read, so a resumed listing repeats
// the rest of that page rather than skipping it.
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

// Pages yields each page from the current position to the end, as NextPage
// returns it: the cursor has already moved past the page yielded, so saving
// Cursor after handling a page resumes at the next one. An error is yielded
// once, with an empty page, and ends the sequence.
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

// Cursor is where the next page starts: save it to resume later. It is empty
// before the first page of a fresh listing and after the last page; [Done]
// tells the two apart.
func (p *Pager[T]) Cursor() string { return p.cursor }

// Done reports whether the last page has been read. The zero Pager lists
// nothing: it is done from the start.
func (p *Pager[T]) Done() bool { return p.done || p.fetch == nil && p.err == nil }

// MapPager returns a Pager over the same pages as p's fetch function, with
// each item converted by f. It starts at p's current cursor and carries p's
// settings and walk so far (prefetch, the page cap and the pages counted
// against it and against [MaxEmptyPages]); the two do not share state
// afterwards.
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
