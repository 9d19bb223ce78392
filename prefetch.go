package favorites

import "context"

// Prefetch makes All and Pages fetch one page ahead of the loop.
func (p *Pager[T]) Prefetch() *Pager[T] {
	p.prefetch = true
	return p
}

// ahead is one page being fetched in the background.
type ahead[T any] struct {
	cursor string
	cancel context.CancelFunc
	done   chan struct{} // closed when page and err are set
	page   Page[T]
	err    error
}

// fetchAhead starts fetching the page at cursor, if prefetch is on, there
// is a next page and the page cap allows one more once passed pages are
// passed. It runs under ctx, the loop's context, so cancelling the loop
// cancels the fetch too.
func (p *Pager[T]) fetchAhead(ctx context.Context, cursor string, passed int) {
	if !p.prefetch || cursor == "" || p.ahead != nil || p.maxPages > 0 && passed >= p.maxPages {
		return
	}
	ctx, cancel := context.WithCancel(ctx)
	a := &ahead[T]{cursor: cursor, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(a.done)
		a.page, a.err = p.fetch(ctx, cursor)
	}()
	p.ahead = a
}

// get returns the page at cursor: the one fetched ahead when it is for this
// cursor, else a fresh fetch. A fetch ahead for another cursor is dropped.
func (p *Pager[T]) get(ctx context.Context, cursor string) (Page[T], error) {
	if a := p.ahead; a != nil && a.cursor == cursor {
		p.ahead = nil
		<-a.done
		a.cancel()
		return a.page, a.err
	}
	p.stopAhead()
	return p.fetch(ctx, cursor)
}

// stopAhead cancels a fetch in flight and waits for it to return, so no
// goroutine and no request outlives the loop that started it.
func (p *Pager[T]) stopAhead() {
	if a := p.ahead; a != nil {
		p.ahead = nil
		a.cancel()
		<-a.done
	}
}
