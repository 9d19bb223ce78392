package playplay

import (
	"context"
	"sync"

	"github.com/favkit/favorites"
)

// maxResumeScan is how many pages a resumed listing reads past the saved
// page looking for the last media it gave, before it starts over from the
// first page: favourites added since push that media one place down each,
// so 16 pages cover 16 pages' worth of new favourites.
const maxResumeScan = 16

// walk is one listing: the fetch function of its Pager.
type walk struct {
	c *Client

	mu      sync.Mutex // guards trusted: a fetch ahead runs on another goroutine
	trusted string     // the cursor this walk's last page named next
}

// serverPage is one page as the walk reads it.
type serverPage struct {
	number int // 1 for the first
	items  []*Media
	next   int // 0 on the last page
	resp   *favorites.Response
}

// fetch gives the page at text. The first page, and the page after one
// this walk has just read, are fetched as the server numbers them; any
// other cursor is a resume, from a saved cursor.
func (w *walk) fetch(ctx context.Context, text string) (favorites.Page[*Media], error) {
	if text == "" {
		return w.pageAt(ctx, 1)
	}
	cur, err := parseCursor(text) // checked when the listing began; cannot fail
	if err != nil {
		return favorites.Page[*Media]{}, err
	}
	w.mu.Lock()
	continued := text == w.trusted
	w.mu.Unlock()
	if continued {
		return w.pageAt(ctx, cur.next)
	}
	return w.resume(ctx, cur)
}

// resume finds the last media the saved walk gave, cur.after, and gives
// what follows it. It looks on the page that held it (one removal or more
// above it moves it up that page), then on the pages after (favourites
// added above it move it down), then, not found (removed, or moved beyond
// reach), starts over from the first page: a repeat, never a skip.
func (w *walk) resume(ctx context.Context, cur cursor) (favorites.Page[*Media], error) {
	n := cur.next - 1
	for range maxResumeScan + 1 {
		p, err := w.get(ctx, n)
		if err != nil {
			return favorites.Page[*Media]{}, err
		}
		for i, m := range p.items {
			if m.Ref() == cur.after {
				return w.after(ctx, p, i+1)
			}
		}
		if p.next == 0 {
			break
		}
		n = p.next
		if moved := byPosition(cur, p); moved != p.number {
			n = moved
		}
	}
	return w.pageAt(ctx, 1)
}

// byPosition is the page that now holds the place where cur.after was,
// when p, the first page read, shows that the server pages by another size
// than cur.size: without that the page numbers of the two walks do not
// match. It is p's own number when the size is the same.
func byPosition(cur cursor, p serverPage) int {
	if p.number != cur.next-1 || len(p.items) == cur.size {
		return p.number
	}
	place := (cur.next-1)*cur.size - 1 // from 0, in the saved walk
	return place/len(p.items) + 1
}

// after gives the items of p from i on; when none are left, the page after
// p.
func (w *walk) after(ctx context.Context, p serverPage, i int) (favorites.Page[*Media], error) {
	if i < len(p.items) || p.next == 0 {
		return w.result(p, p.items[i:]), nil
	}
	return w.pageAt(ctx, p.next)
}

// pageAt fetches page n and gives all of it.
func (w *walk) pageAt(ctx context.Context, n int) (favorites.Page[*Media], error) {
	p, err := w.get(ctx, n)
	if err != nil {
		return favorites.Page[*Media]{}, err
	}
	return w.result(p, p.items), nil
}

// get fetches page n; the first page goes without a page parameter, as in
// the document.
func (w *walk) get(ctx context.Context, n int) (serverPage, error) {
	number := n
	if n == 1 {
		number = 0
	}
	l, resp, err := w.c.FavoritesPage(ctx, number)
	if err != nil {
		return serverPage{}, err
	}
	items, next := l.Page()
	return serverPage{number: n, items: items, next: next, resp: resp}, nil
}

// result is the Pager's page giving items of p, with the cursor of the
// page after p, which this walk then follows without a resume.
func (w *walk) result(p serverPage, items []*Media) favorites.Page[*Media] {
	out := favorites.Page[*Media]{Items: items, Response: p.resp}
	if p.next == 0 {
		return out
	}
	last := p.items[len(p.items)-1] // decodeList refuses an empty page with a next one
	out.Next = cursor{next: p.next, size: len(p.items), after: last.Ref()}.String()
	w.mu.Lock()
	w.trusted = out.Next
	w.mu.Unlock()
	return out
}
