package driver

import (
	"context"
	"fmt"
	"slices"

	"github.com/favkit/favorites"
)

// An AnchoredList is a list that a service pages by number, newest first,
// as e621's favourites (page and limit) and PlayPlay's (numbered pages of
// a size the server picks) are. Page numbers move with the list: an item
// added at the top pushes the rest down, and one removed above the read
// moves the rest up under the next page. So the walk of [AnchoredList.Pager]
// remembers the IDs of the last items read, its anchors, and goes on
// after them: an item pushed down onto the next page is not given twice.
// Where the client chooses a page size of 64 items or more, each page after
// the first starts a few items before the last one ended, so that items
// removed above the read show as anchors missing from the overlap, and the
// walk looks back for them rather than skip what moved up. Smaller pages
// are read side by side, as overlapping would cost a fifth more requests
// at 64 and half at 10: there, as where the server picks the size, an item
// removed above the read between two pages of one walk moves the one at
// their boundary past it unread, and the provider's doc says so (a page
// size asked for under 64 on e621; every page of Lemmy's, at most 50).
// Its cursor holds the page size, how far the walk read and the anchors,
// as text:
//
//	<CursorPrefix>l<size>.o<offset>[.a<id>-<id>...]
//
// A walk resumed from a cursor finds the anchors again in the page that
// held them, in the page before it (items removed above), or up to 16
// pages after it (items added above); when they are gone, it starts again
// from the top: it may repeat, it never skips an item that is still there.
// A list that moves faster than the overlap can tell is read again from
// the top too.
//
// A provider gives the page fetch and the item's ID; for example, for a
// service that takes page and limit (Lemmy's saved posts, pages of at most
// 50, so side by side; the NewAdapter example is a whole provider of such
// a service):
//
//	list := &driver.AnchoredList[*Post, int64]{
//		Name: "lemmy", CursorPrefix: "lemmy.c1.", MaxSize: 50,
//		Fetch: func(ctx context.Context, page, size int) (driver.AnchoredPage[*Post], error) {
//			posts, resp, err := c.savedPage(ctx, page, size)
//			return driver.AnchoredPage[*Post]{Items: posts, More: len(posts) == size, Response: resp}, err
//		},
//		ID:       func(p *Post) int64 { return p.ID },
//		FormatID: func(id int64) string { return strconv.FormatInt(id, 10) },
//		ParseID:  func(s string) (int64, error) { return driver.NumericID("post ID", s) },
//	}
//	return list.Pager(opts.Cursor, opts.PageSize)
//
// [AnchorMark] lists what was added since a mark on the same list.
type AnchoredList[T any, K comparable] struct {
	// Name is the provider's, for errors.
	Name string

	// Fetch reads page number page (1 for the first) of size items, or
	// of the service's own size when ServerSize is set (size is then 0).
	// More reports that a page follows: for a client-chosen size, a
	// full page; for a server's, what the reply says.
	Fetch func(ctx context.Context, page, size int) (AnchoredPage[T], error)

	// ID is an item's ID: what tells it from every other item of the list.
	ID func(item T) K

	// FormatID and ParseID write an ID in text, of at most 4*MaxIDLength
	// bytes, and read it back; ParseID refuses, with an error saying why,
	// any text FormatID would not write.
	FormatID func(id K) string
	ParseID  func(text string) (K, error)

	// MaxSize is the most items a page holds: the largest size a client
	// may ask for, or, with ServerSize, the most the service's pages hold.
	MaxSize int

	// ServerSize says that the service picks the page size, and pages
	// cannot overlap.
	ServerSize bool

	// MaxPage is the last page the service serves; 0 means no limit.
	MaxPage int

	// CursorPrefix begins the cursor's text, with the provider's name and
	// a version, such as "e621.v2.".
	CursorPrefix string

	// OldCursor, when set, reads the cursors of earlier versions: ok is
	// false for text that is not one. What it returns is checked as a
	// cursor of the current form is.
	OldCursor func(text string) (at AnchoredCursor[K], ok bool)
}

// AnchoredPage is one page as [AnchoredList.Fetch] read it.
type AnchoredPage[T any] struct {
	Items    []T
	More     bool // a page follows
	Response *favorites.Response
}

// An AnchoredCursor is where a walk of an [AnchoredList] stands.
type AnchoredCursor[K comparable] struct {
	// Size is the page size the walk counts in; 0, for a list whose
	// server picks it, before the walk has read a page.
	Size int

	// Offset is how many items from the top of the list the walk has
	// read. Without anchors it is a multiple of Size: the start of a page.
	Offset int

	// Anchors are the IDs of the last items read, in list order, at most
	// four; none at the top.
	Anchors []K
}

// The walk's constants.
const (
	// cursorAnchors is how many of the last items read a cursor keeps.
	// One would do while it stays in the list; four make the look back
	// and the start again from the top rarities.
	cursorAnchors = 4

	// maxOverlap is the most items a page shares with the one before it:
	// up to maxOverlap-1 items removed above the read between two
	// requests leave an item read before in the next page.
	maxOverlap = 4

	// minOverlapSize is the smallest page size whose pages overlap. As a
	// page starts at a multiple of its size, overlapping pages cost 7%
	// more requests at size 320, 21% at 64, and half at 10; smaller
	// pages are read side by side.
	minOverlapSize = 64

	// maxResumeScan is how many pages past the saved place a resumed walk
	// reads looking for its anchors, which items added since push down,
	// before it starts again from the top.
	maxResumeScan = 16

	// noPageLimit stands for MaxPage 0: a million pages, more than any
	// list a person keeps.
	noPageLimit = 1 << 20
)

// Pager walks the list from cursor, as an earlier Pager's Cursor gave it
// ("" is the top), size items a page: 0 means MaxSize, or the cursor's own
// size. A cursor of another page size, or one that no version wrote, is
// refused with [favorites.ErrInvalidArgument] before anything is sent. With
// ServerSize, size is ignored.
func (l *AnchoredList[T, K]) Pager(cursor string, size int) *favorites.Pager[T] {
	at, err := l.parseCursor(cursor, size)
	if err != nil {
		return ErrorPager[T](err)
	}
	return l.PagerFrom(at)
}

// PagerFrom walks the list from at, such as {Size: 50, Offset: 100} for
// the third page of 50 (a walk from a page number has no anchors to find
// its place by). A place no walk could be at is refused with
// [favorites.ErrInvalidArgument].
func (l *AnchoredList[T, K]) PagerFrom(at AnchoredCursor[K]) *favorites.Pager[T] {
	if !l.valid(at) {
		return ErrorPager[T](fmt.Errorf("%s: %w: no walk of pages of %d stands at item %d with %d anchors",
			l.Name, favorites.ErrInvalidArgument, at.Size, at.Offset, len(at.Anchors)))
	}
	first := l.format(at)
	return favorites.NewPager(func(ctx context.Context, text string) (favorites.Page[T], error) {
		from := at
		if text != first {
			var ok bool
			if from, ok = l.scan(text); !ok { // every cursor but the first is one this walk wrote
				return favorites.Page[T]{}, fmt.Errorf("%s: %w: cursor %.80q", l.Name, favorites.ErrInvalidArgument, text)
			}
		}
		return l.step(ctx, from, text == first)
	}, first)
}

// lastPage is the last page the list serves.
func (l *AnchoredList[T, K]) lastPage() int {
	if l.MaxPage > 0 {
		return l.MaxPage
	}
	return noPageLimit
}

// A window is one request of a walk: a page number and the page size the
// list is counted in. For a list whose server picks the size, that is the
// size of the last full page read (0 before any).
type window struct{ page, size int }

// start is the window's first place in the list, counted from 0.
func (w window) start() int { return (w.page - 1) * w.size }

// overlap is how many items pages of size items share.
func (l *AnchoredList[T, K]) overlap(size int) int {
	if l.ServerSize || size < minOverlapSize {
		return 0
	}
	return maxOverlap
}

// windowAfter is the request that reads on from at; false when the list
// serves no page that reaches past at.Offset. Pages of a size the client
// chooses start, after the first, at least overlap(size) items before
// at.Offset (see nextWindow); others start at at.Offset.
func (l *AnchoredList[T, K]) windowAfter(at AnchoredCursor[K]) (window, bool) {
	if len(at.Anchors) > 0 && !l.ServerSize {
		return l.nextWindow(at.Offset, at.Size)
	}
	w := window{page: 1, size: at.Size}
	if at.Size > 0 {
		w.page = at.Offset/at.Size + 1
	}
	return w, w.page <= l.lastPage()
}

// nextWindow is the request of a walk of pages of up to size items that
// reads on from place end, the items before it being read: page 1 first,
// then the page size in [size/2, size] whose page starts at least
// overlap(size) items before end and reaches furthest past it. At size
// 320 the overlap costs about 7% of a page on average, as the start must
// be a multiple of the size. ok is false when no page within the list's
// last reaches past end.
func (l *AnchoredList[T, K]) nextWindow(end, size int) (w window, ok bool) {
	if end == 0 {
		return window{page: 1, size: size}, true
	}
	best := 0
	for s := size; s >= max(size/2, 1); s-- {
		page := max(end-l.overlap(size), 0)/s + 1
		if page > l.lastPage() {
			continue
		}
		if gain := page*s - end; gain > best {
			w, best = window{page: page, size: s}, gain
		}
	}
	return w, best > 0
}

// windowBefore is the request that reads back from a window at start > 0:
// the page that holds the item before start, of the page size in
// [size/2, size] whose page begins furthest above it (of the server's size
// when it picks).
func (l *AnchoredList[T, K]) windowBefore(start, size int) window {
	if l.ServerSize {
		return window{page: (start-1)/size + 1, size: size}
	}
	var w window
	for s := size; s >= max(size/2, 1); s-- {
		if page := (start-1)/s + 1; w.page == 0 || (page-1)*s < w.start() {
			w = window{page: page, size: s}
		}
	}
	return w
}

// read fetches window w. For a server's page size, a full page tells the
// size w is counted in. A page of more items than it can hold, or an
// empty one that names a next, is refused: either would make the walk
// skip or loop.
func (l *AnchoredList[T, K]) read(ctx context.Context, w *window) (AnchoredPage[T], error) {
	size := w.size
	if l.ServerSize {
		size = 0
	}
	p, err := l.Fetch(ctx, w.page, size)
	switch {
	case err != nil:
		return AnchoredPage[T]{}, err
	case len(p.Items) > l.MaxSize || size > 0 && len(p.Items) > size:
		return AnchoredPage[T]{}, fmt.Errorf("%s: %w: page %d holds %d items, more than it can", l.Name, favorites.ErrMalformedReply, w.page, len(p.Items))
	case p.More && len(p.Items) == 0:
		return AnchoredPage[T]{}, fmt.Errorf("%s: %w: page %d is empty but names a next one", l.Name, favorites.ErrMalformedReply, w.page)
	case l.ServerSize && p.More:
		w.size = len(p.Items)
	}
	return p, nil
}

// step reads the window after at and gives what it holds after at's
// anchors. Where pages overlap, a window that shows none of them is read
// with the window before it, where they are when items above them were
// removed; not there either (gone, or moved further), the walk starts
// again from the top. A walk resumed from a saved cursor, or whose
// server's page size changed, finds its anchors first (see find).
func (l *AnchoredList[T, K]) step(ctx context.Context, at AnchoredCursor[K], resumed bool) (favorites.Page[T], error) {
	if resumed && len(at.Anchors) > 0 {
		return l.find(ctx, at)
	}
	w, ok := l.windowAfter(at)
	if !ok {
		return favorites.Page[T]{}, l.tooDeep(at)
	}
	read, err := l.read(ctx, &w)
	if err != nil {
		return favorites.Page[T]{}, err
	}
	if l.ServerSize && len(at.Anchors) > 0 && w.size != at.Size {
		// w does not start at at.Offset any more.
		return l.find(ctx, AnchoredCursor[K]{Size: w.size, Offset: at.Offset, Anchors: at.Anchors})
	}
	items, found := l.skipSeen(at.Anchors, read.Items)
	if found || len(at.Anchors) == 0 || l.overlap(at.Size) == 0 {
		// Side by side, the anchors end the page before w; an item
		// pushed down onto w since is skipped.
		return l.result(at, w, items, read), nil
	}
	items, found, top, err := l.lookBack(ctx, at.Anchors, w, read.Items)
	switch {
	case err != nil:
		return favorites.Page[T]{}, err
	case found || top:
		return l.result(at, w, items, read), nil
	}
	return l.step(ctx, l.top(at), false)
}

// find resumes a walk at at by its anchors: it reads the window that holds
// the last item read (the server's page size learned from it), then, the
// anchors not there, the window before it (items above them were removed)
// and the windows after it, up to maxResumeScan (items were added above
// them); not found, it starts again from the top. It gives what follows
// the last anchor found, or, when that ends a page, the page after.
func (l *AnchoredList[T, K]) find(ctx context.Context, at AnchoredCursor[K]) (favorites.Page[T], error) {
	if _, ok := l.windowAfter(at); !ok {
		return favorites.Page[T]{}, l.tooDeep(at) // nowhere to go on to
	}
	w, read, err := l.readAt(ctx, at)
	if err == nil && l.ServerSize && w.size != at.Size {
		at.Size = w.size // w holds another place than at's: read the one that does
		w, read, err = l.readAt(ctx, at)
	}
	if err != nil {
		return favorites.Page[T]{}, err
	}
	items, found := l.skipSeen(at.Anchors, read.Items)
	if !found {
		if items, found, _, err = l.lookBack(ctx, at.Anchors, w, read.Items); err == nil && !found {
			items, found, err = l.scanOn(ctx, at.Anchors, &w, &read)
		}
	}
	switch {
	case err != nil:
		return favorites.Page[T]{}, err
	case !found:
		return l.step(ctx, l.top(at), false)
	case len(items) == 0 && read.More:
		// The anchor found ends w: read on from there, skipping any
		// later one of at's, pushed down onto the next page.
		on := l.after(at, w, read)
		for _, id := range at.Anchors {
			if !slices.Contains(on.Anchors, id) {
				on.Anchors = append(on.Anchors, id)
			}
		}
		return l.step(ctx, on, false)
	}
	return l.result(at, w, items, read), nil
}

// readAt reads the window that holds the item before at.Offset: where the
// pages overlap, the window after at (which starts a few items before
// at.Offset); otherwise the page that ends with it.
func (l *AnchoredList[T, K]) readAt(ctx context.Context, at AnchoredCursor[K]) (window, AnchoredPage[T], error) {
	w, ok := window{page: (at.Offset-1)/at.Size + 1, size: at.Size}, true
	if l.overlap(at.Size) > 0 {
		w, ok = l.nextWindow(at.Offset, at.Size)
	}
	if !ok || w.page > l.lastPage() {
		return w, AnchoredPage[T]{}, l.tooDeep(at)
	}
	read, err := l.read(ctx, &w)
	return w, read, err
}

// top is where a walk from at starts again: the top of the list.
func (l *AnchoredList[T, K]) top(at AnchoredCursor[K]) AnchoredCursor[K] {
	if l.ServerSize {
		return AnchoredCursor[K]{}
	}
	return AnchoredCursor[K]{Size: at.Size}
}

func (l *AnchoredList[T, K]) tooDeep(at AnchoredCursor[K]) error {
	return fmt.Errorf("%s: %w: the walk is %d items deep, and %s serves no page past %d (list with a larger page size)",
		l.Name, favorites.ErrInvalidArgument, at.Offset, l.Name, l.lastPage())
}

// skipSeen returns the items of window after the last of anchors that it
// holds, and whether it held one. Every item before that anchor was given
// already, or is newer than the walk (a new item goes first), so nothing
// after it has been given and nothing before it is due.
func (l *AnchoredList[T, K]) skipSeen(anchors []K, window []T) ([]T, bool) {
	if len(anchors) == 0 {
		return window, false
	}
	for i := len(window) - 1; i >= 0; i-- {
		if slices.Contains(anchors, l.ID(window[i])) {
			return window[i+1:], true
		}
	}
	return window, false
}

// lookBack reads the window before w, where the anchors were if more items
// above them were removed than w overlaps, and looks for them in it and
// read, w's items. top reports that the window before is the top of the
// list: then what the two hold, when no anchor is found, is the walk from
// the top again.
func (l *AnchoredList[T, K]) lookBack(ctx context.Context, anchors []K, w window, read []T) (items []T, found, top bool, err error) {
	if w.start() == 0 {
		return read, false, true, nil
	}
	b := l.windowBefore(w.start(), w.size)
	prev, err := l.read(ctx, &b)
	if err != nil {
		return nil, false, false, err
	}
	both, in := slices.Clip(prev.Items), make(map[K]bool, len(prev.Items))
	for _, it := range prev.Items {
		in[l.ID(it)] = true
	}
	for _, it := range read {
		if !in[l.ID(it)] { // the two windows overlap
			both = append(both, it)
		}
	}
	items, found = l.skipSeen(anchors, both)
	return items, found, b.start() == 0, nil
}

// scanOn reads the pages after *w, up to maxResumeScan, until one holds an
// anchor, and gives what follows it there; *w and *read become that
// page's. Every item it passes lies above the anchors: given by the saved
// walk, or added since, which a walk from the top would have given first.
func (l *AnchoredList[T, K]) scanOn(ctx context.Context, anchors []K, w *window, read *AnchoredPage[T]) ([]T, bool, error) {
	for range maxResumeScan {
		if !read.More || w.page >= l.lastPage() {
			break
		}
		next := window{page: w.page + 1, size: w.size}
		p, err := l.read(ctx, &next)
		if err != nil {
			return nil, false, err
		}
		*w, *read = next, p
		if items, found := l.skipSeen(anchors, p.Items); found {
			return items, true, nil
		}
	}
	return nil, false, nil
}

// result is the Page a walk gives from window w, read at at: items, and
// the cursor after w when the page names a next one.
func (l *AnchoredList[T, K]) result(at AnchoredCursor[K], w window, items []T, read AnchoredPage[T]) favorites.Page[T] {
	p := favorites.Page[T]{Items: items, Response: read.Response}
	if read.More {
		p.Next = l.format(l.after(at, w, read))
	}
	return p
}

// after is where a walk stands once it has read window w from at: past
// w, its anchors the last items read.
func (l *AnchoredList[T, K]) after(at AnchoredCursor[K], w window, read AnchoredPage[T]) AnchoredCursor[K] {
	next := AnchoredCursor[K]{Size: at.Size, Offset: w.start() + len(read.Items)}
	if l.ServerSize {
		next.Size = w.size
	}
	for i := len(read.Items) - 1; i >= 0 && len(next.Anchors) < cursorAnchors; i-- {
		if id := l.ID(read.Items[i]); !slices.Contains(next.Anchors, id) {
			next.Anchors = append(next.Anchors, id)
		}
	}
	for i := len(at.Anchors) - 1; i >= 0 && len(next.Anchors) < cursorAnchors; i-- {
		if id := at.Anchors[i]; !slices.Contains(next.Anchors, id) {
			next.Anchors = append(next.Anchors, id)
		}
	}
	slices.Reverse(next.Anchors)
	return next
}
