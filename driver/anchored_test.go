package driver

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/favkit/favorites"
)

// pagedList is a list served by page number, newest first, in memory: the
// service behind an AnchoredList in these tests. A test changes it before
// a given request, as a user would between two pages of a walk.
type pagedList struct {
	mu       sync.Mutex
	ids      []int64 // newest first
	newest   int64   // the last ID added
	server   int     // the server's page size; 0: the client picks
	requests int
	before   map[int]func() // run before request number n (from 1)
	asked    []string       // "page/size" of each request
}

// newPagedList holds items n..1, n the newest.
func newPagedList(n int) *pagedList {
	l := &pagedList{before: map[int]func(){}}
	l.add(n)
	return l
}

// add puts k new items at the top and returns them newest first.
func (l *pagedList) add(k int) []int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	added := make([]int64, k)
	for i := range k {
		l.newest++
		added[k-1-i] = l.newest
	}
	l.ids = append(slices.Clone(added), l.ids...)
	return added
}

// remove takes ids out of the list, wherever they are.
func (l *pagedList) remove(ids ...int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.ids = slices.DeleteFunc(l.ids, func(id int64) bool { return slices.Contains(ids, id) })
}

// readd moves id to the top, as a removal and a new favourite do.
func (l *pagedList) readd(id int64) {
	l.remove(id)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.ids = append([]int64{id}, l.ids...)
}

// at makes f run before the nth request from now.
func (l *pagedList) at(n int, f func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.before[l.requests+n] = f
}

func (l *pagedList) snapshot() []int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.ids)
}

func (l *pagedList) sent() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.requests
}

func (l *pagedList) fetch(_ context.Context, page, size int) (AnchoredPage[int64], error) {
	l.mu.Lock()
	l.requests++
	f := l.before[l.requests]
	l.mu.Unlock()
	if f != nil {
		f()
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.asked = append(l.asked, fmt.Sprintf("%d/%d", page, size))
	if l.server > 0 {
		size = l.server
	}
	lo := min((page-1)*size, len(l.ids))
	hi := min(lo+size, len(l.ids))
	more := hi-lo == size // a full page, as e621 tells the last
	if l.server > 0 {
		more = hi < len(l.ids) // the server names a next page
	}
	return AnchoredPage[int64]{Items: slices.Clone(l.ids[lo:hi]), More: more}, nil
}

// walkOf is an AnchoredList on l: pages of up to maxSize that the client
// picks, or the server's when l.server is set.
func walkOf(l *pagedList, maxSize, maxPage int) *AnchoredList[int64, int64] {
	return &AnchoredList[int64, int64]{
		Name: "test", CursorPrefix: "test.v2.", MaxSize: maxSize, MaxPage: maxPage, ServerSize: l.server > 0,
		Fetch:    l.fetch,
		ID:       func(id int64) int64 { return id },
		FormatID: func(id int64) string { return strconv.FormatInt(id, 10) },
		ParseID:  func(s string) (int64, error) { return NumericID("test ID", s) },
	}
}

// listAll reads p to its end.
func listAll(t *testing.T, p *favorites.Pager[int64]) []int64 {
	t.Helper()
	var got []int64
	for id, err := range p.All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, id)
	}
	return got
}

// checkWalk asserts what a walk promises: every item there from start to
// end is given, none twice unless the walk may repeat, nothing that was
// never there.
func checkWalk(t *testing.T, before, after, got []int64, repeats bool) {
	t.Helper()
	for _, id := range before {
		if slices.Contains(after, id) && !slices.Contains(got, id) {
			t.Errorf("item %d, there all along, was not given", id)
		}
	}
	for i, id := range got {
		if !repeats && slices.Contains(got[:i], id) {
			t.Errorf("item %d given twice", id)
		}
	}
}

// TestAnchoredWalkWhileTheListMoves changes the list between the pages of
// one walk, for pages the client sizes (overlapping at 320, side by side
// at 10) and pages the server sizes.
func TestAnchoredWalkWhileTheListMoves(t *testing.T) {
	type change func(l *pagedList, now []int64)
	tests := []struct {
		name     string
		size     int // the client's; 0: the server picks 10
		at       int // the change runs before this request
		change   change
		requests int  // at most
		repeats  bool // the walk may start again from the top
	}{
		{"nothing changes, 320", 320, 2, func(*pagedList, []int64) {}, 4, false},
		{"one read removed, 320", 320, 2, func(l *pagedList, now []int64) { l.remove(now[10]) }, 4, false},
		{"three read removed, 320", 320, 3, func(l *pagedList, now []int64) { l.remove(now[5], now[300], now[600]) }, 4, false},
		{"fifty read removed, past the overlap, 320", 320, 2, func(l *pagedList, now []int64) { l.remove(now[100:150]...) }, 5, false},
		{"the last ones read removed, 320", 320, 2, func(l *pagedList, now []int64) { l.remove(now[300:320]...) }, 6, true},
		{"ten added, 320", 320, 2, func(l *pagedList, _ []int64) { l.add(10) }, 4, false},
		{"ten added, ten read removed, 320", 320, 3, func(l *pagedList, now []int64) { l.add(10); l.remove(now[400:410]...) }, 4, false},
		{"three added, 10", 10, 5, func(l *pagedList, _ []int64) { l.add(3) }, 101, false},
		{"nothing changes, server's 10", 0, 2, func(*pagedList, []int64) {}, 100, false},
		{"three added, server's 10", 0, 5, func(l *pagedList, _ []int64) { l.add(3) }, 101, false},
		{"server's pages of 25 now", 0, 5, func(l *pagedList, _ []int64) { l.server = 25 }, 60, false},
		{"server's pages of 4 now", 0, 5, func(l *pagedList, _ []int64) { l.server = 4 }, 260, false},
		{"server's pages of 25 and one read removed", 0, 5, func(l *pagedList, now []int64) { l.server = 25; l.remove(now[3]) }, 60, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newPagedList(1000)
			if tt.size == 0 {
				l.server = 10
			}
			before := l.snapshot()
			l.at(tt.at, func() { tt.change(l, l.snapshot()) })
			got := listAll(t, walkOf(l, max(tt.size, 100), 0).Pager("", tt.size))
			checkWalk(t, before, l.snapshot(), got, tt.repeats)
			if n := l.sent(); n > tt.requests {
				t.Errorf("the walk sent %d requests, want at most %d: %v", n, tt.requests, l.asked)
			}
		})
	}
}

// TestAnchoredWalkResumes resumes a walk from the cursor a first run of
// two pages saved, after the list changed, and checks that nothing there
// all along is skipped, and nothing repeated unless the case allows it:
// for pages of 10 and 100 (which overlap) the client picks, and of 10 the
// server picks.
func TestAnchoredWalkResumes(t *testing.T) {
	type change func(l *pagedList, first []int64, size int)
	tests := []struct {
		name    string
		change  change
		repeats bool
	}{
		{"no change", func(*pagedList, []int64, int) {}, false},
		{"three given removed", func(l *pagedList, f []int64, _ int) { l.remove(f[0], f[7], f[15]) }, false},
		{"the last given removed", func(l *pagedList, f []int64, _ int) { l.remove(f[len(f)-1]) }, false},
		{"the last four given removed", func(l *pagedList, f []int64, _ int) { l.remove(f[len(f)-4:]...) }, true},
		{"more than a page given removed", func(l *pagedList, f []int64, s int) { l.remove(f[:s+5]...) }, true},
		{"one added", func(l *pagedList, _ []int64, _ int) { l.add(1) }, false},
		{"five added, two given removed", func(l *pagedList, f []int64, _ int) { l.add(5); l.remove(f[4], f[12]) }, false},
		{"more than a page added", func(l *pagedList, _ []int64, s int) { l.add(s + 5) }, false},
		{"seven pages added", func(l *pagedList, _ []int64, s int) { l.add(7 * s) }, false},
		{"the last given added again", func(l *pagedList, f []int64, _ int) { l.readd(f[len(f)-1]) }, false},
		{"the server's pages of 4 now", func(l *pagedList, _ []int64, _ int) { l.server = min(l.server, 4) }, false},
		{"the server's pages of 25 now", func(l *pagedList, _ []int64, _ int) {
			if l.server > 0 {
				l.server = 25
			}
		}, false},
		{"the server's pages of 25 and one added", func(l *pagedList, _ []int64, _ int) {
			if l.server > 0 {
				l.server = 25
			}
			l.add(1)
		}, false},
	}
	for _, walk := range []struct {
		size   int
		server bool
	}{{10, false}, {100, false}, {10, true}} {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%d %v %s", walk.size, walk.server, tt.name), func(t *testing.T) {
				l := newPagedList(6 * walk.size)
				if walk.server {
					l.server = walk.size
				}
				before := l.snapshot()
				p := walkOf(l, 100, 0).Pager("", walk.size)
				var first []int64
				for range 2 {
					page, err := p.NextPage(t.Context())
					if err != nil {
						t.Fatal(err)
					}
					first = append(first, page.Items...)
				}
				tt.change(l, first, walk.size)
				second := listAll(t, walkOf(l, 100, 0).Pager(p.Cursor(), 0))
				checkWalk(t, before, l.snapshot(), append(slices.Clone(first), second...), true)
				for i, id := range second {
					if slices.Contains(second[:i], id) || !tt.repeats && slices.Contains(first, id) {
						t.Errorf("the resumed walk repeated %d: first %v, resumed %v", id, first, second)
						break
					}
				}
			})
		}
	}
}

// TestAnchoredResumeCosts: a resumed walk reads its first page with the one
// before it, where its anchors are; every later page is one request.
func TestAnchoredResumeCosts(t *testing.T) {
	for _, server := range []bool{false, true} {
		l := newPagedList(50)
		if server {
			l.server = 10
		}
		p := walkOf(l, 100, 0).Pager("", 10)
		for range 2 {
			if _, err := p.NextPage(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
		sent := l.sent()
		got := listAll(t, walkOf(l, 100, 0).Pager(p.Cursor(), 0))
		want := 5 // pages 3 and 2, then 4 and 5, then the empty page 6 (the server's: none)
		if server {
			want = 4
		}
		if len(got) != 30 || l.sent()-sent != want {
			t.Errorf("server %v: resumed walk gave %d items in %d requests, want 30 in %d: %v", server, len(got), l.sent()-sent, want, l.asked[sent:])
		}
	}
}

// TestAnchoredWalkGivesUpPastTheLastPage: a walk that would need a page
// past MaxPage is refused with nothing sent for it.
func TestAnchoredWalkGivesUpPastTheLastPage(t *testing.T) {
	l := newPagedList(20)
	p := walkOf(l, 10, 3).PagerFrom(AnchoredCursor[int64]{Size: 1, Offset: 2})
	for range 1 {
		if _, err := p.NextPage(t.Context()); err != nil {
			t.Fatal(err)
		}
	}
	_, err := p.NextPage(t.Context())
	if !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), "no page past 3") || l.sent() != 1 {
		t.Errorf("page 4 of 3: %v after %d requests, want ErrInvalidArgument naming page 3, one request", err, l.sent())
	}
}

// TestAnchoredWalkRefusesMalformedPages: a page fuller than it can be, or an
// empty one that names a next, would make the walk skip or loop.
func TestAnchoredWalkRefusesMalformedPages(t *testing.T) {
	for _, tt := range []struct {
		name   string
		server bool
		page   AnchoredPage[int64]
	}{
		{"more than asked", false, AnchoredPage[int64]{Items: []int64{3, 2, 1}, More: true}},
		{"more than MaxSize", true, AnchoredPage[int64]{Items: []int64{3, 2, 1}, More: true}},
		{"empty with a next", true, AnchoredPage[int64]{More: true}},
	} {
		l := &AnchoredList[int64, int64]{Name: "test", CursorPrefix: "test.v2.", MaxSize: 2, ServerSize: tt.server,
			Fetch: func(context.Context, int, int) (AnchoredPage[int64], error) { return tt.page, nil },
			ID:    func(id int64) int64 { return id }}
		if _, err := l.Pager("", 2).NextPage(t.Context()); !errors.Is(err, favorites.ErrMalformedReply) {
			t.Errorf("%s: %v, want ErrMalformedReply", tt.name, err)
		}
	}
}

// TestAnchoredCursorText: the cursor's text, e621's since its v2, is read
// back as itself; anything a walk would not write is refused with nothing
// sent; the earlier form is read through OldCursor and checked alike.
func TestAnchoredCursorText(t *testing.T) {
	l := newPagedList(5000)
	list := walkOf(l, 320, 750)
	list.OldCursor = func(text string) (AnchoredCursor[int64], bool) { // "p<page>.<size>.<id>"
		var at AnchoredCursor[int64]
		var page int
		var id int64
		if _, err := fmt.Sscanf(text, "p%d.%d.%d", &page, &at.Size, &id); err != nil {
			return at, false
		}
		at.Offset, at.Anchors = (page-1)*at.Size, []int64{id}
		return at, true
	}
	for _, tt := range []struct {
		cursor string
		size   int
		ok     bool
	}{
		{"test.v2.l320.o632.a1181-1180-1179-1178", 0, true},
		{"test.v2.l320.o632.a1181-1180-1179-1178", 320, true},
		{"test.v2.l320.o640", 0, true},
		{"test.v2.l2.o3.a7", 0, true},
		{"p3.10.42", 0, true}, // the old form
		{"test.v2.l320.o632.a1181-1180-1179-1178", 100, false},
		{"test.v2.l320.o632", 0, false},                      // off a page boundary with no anchors
		{"test.v2.l320.o0.a5", 0, false},                     // anchors at the top
		{"test.v2.l320.o640.a1-2-3-4-5", 0, false},           // five anchors
		{"test.v2.l320.o640.a05", 0, false},                  // a leading zero
		{"test.v2.l320.o640.a", 0, false},                    // no anchor
		{"test.v2.l320.o640.b5", 0, false},                   // not anchors
		{"test.v2.l321.o640", 0, false},                      // a page size over MaxSize
		{"test.v2.l320.o240001", 0, false},                   // past page 750
		{"test.v2.l0320.o640", 0, false},                     // a leading zero
		{"test.v2.l320.o640.a5.x", 0, false},                 // a part too many
		{"test.v3.l320.o640", 0, false},                      // another version
		{"p0.10.42", 0, false},                               // the old form, checked
		{"p3.10.-42", 0, false},                              // the old form, checked
		{"", 321, false},                                     // a page size over MaxSize
		{"e621.v2.l320.o632.a1181-1180-1179-1178", 0, false}, // another provider's
	} {
		before := l.sent()
		p := list.Pager(tt.cursor, tt.size)
		_, err := p.NextPage(t.Context())
		if got := err == nil; got != tt.ok || !tt.ok && (!errors.Is(err, favorites.ErrInvalidArgument) || l.sent() != before) {
			t.Errorf("Pager(%q, %d): %v after %d requests, want accepted %v", tt.cursor, tt.size, err, l.sent()-before, tt.ok)
		}
		if at, ok := list.scan(tt.cursor); ok && list.format(at) != tt.cursor {
			t.Errorf("scan(%q) = %v, which writes back as %q", tt.cursor, at, list.format(at))
		}
	}
}

// TestAnchoredCursorEscapesIDs: IDs that hold the cursor's own separators
// and escapes are written and read back whole.
func TestAnchoredCursorEscapesIDs(t *testing.T) {
	list := &AnchoredList[string, string]{Name: "test", CursorPrefix: "test.v1.", MaxSize: 10,
		FormatID: func(id string) string { return id },
		ParseID:  func(s string) (string, error) { return s, nil }}
	at := AnchoredCursor[string]{Size: 10, Offset: 20, Anchors: []string{"a-b", "c.d", "e%2F", "ü:1"}}
	text := list.format(at)
	if want := "test.v1.l10.o20.aa%2Db-c%2Ed-e%252F-%C3%BC:1"; text != want {
		t.Errorf("format = %q, want %q", text, want)
	}
	if back, ok := list.scan(text); !ok || !slices.Equal(back.Anchors, at.Anchors) {
		t.Errorf("scan(%q) = %v, %v", text, back, ok)
	}
	for _, bad := range []string{"test.v1.l10.o20.aa%2db", "test.v1.l10.o20.aa%2", "test.v1.l10.o20.a%41"} {
		if _, ok := list.scan(bad); ok {
			t.Errorf("scan(%q) read an escape escapeAnchor would not write", bad)
		}
	}
}

// TestNextWindowCost walks the windows of a walk of pages of 320 to page
// 750, as e621's, and checks what its marks promise of them: each window
// after the first starts at least maxOverlap items before the last one
// ended and asks a page served, and finding a mark's eight anchors below
// k new items takes at most ceil(k/320)+1 requests up to k = 4,000 and
// ceil(k/290)+1 at any depth.
func TestNextWindowCost(t *testing.T) {
	const size, lastPage, keep = 320, 750, 8
	l := &AnchoredList[int64, int64]{MaxSize: size, MaxPage: lastPage}
	var ends []int // ends[i]: the items read after i+1 requests
	for end := 0; ; {
		w, ok := l.nextWindow(end, size)
		if !ok {
			break
		}
		if end > 0 && (w.start() > end-maxOverlap || w.start() < 0) {
			t.Fatalf("after %d items, window %+v starts at %d: want within [0, %d]", end, w, w.start(), end-maxOverlap)
		}
		if w.page < 1 || w.page > lastPage || w.size < size/2 || w.size > size {
			t.Fatalf("after %d items, window %+v: a page not served", end, w)
		}
		end = w.start() + w.size
		ends = append(ends, end)
	}
	if reach := ends[len(ends)-1]; reach < lastPage*size*9/10 {
		t.Errorf("the windows reach %d items, want at least 90%% of %d", reach, lastPage*size)
	}
	requests := 1
	for k := 0; k+keep <= ends[len(ends)-1]; k++ {
		for ends[requests-1] < k+keep { // the anchors read whole: the walk can stop
			requests++
		}
		if bound := (k+289)/290 + 1; requests > bound {
			t.Fatalf("k = %d: %d requests, more than ceil(k/290)+1 = %d", k, requests, bound)
		}
		if bound := (k+size-1)/size + 1; k <= 4000 && requests > bound {
			t.Fatalf("k = %d: %d requests, more than ceil(k/320)+1 = %d", k, requests, bound)
		}
	}
}

// FuzzAnchoredCursor: whatever text is given as a cursor, it is read back
// as itself or refused.
func FuzzAnchoredCursor(f *testing.F) {
	for _, s := range []string{"", "test.v2.l320.o632.a1181-1180-1179-1178", "test.v2.l10.o20", "test.v2.l10.o5.a%41"} {
		f.Add(s)
	}
	list := &AnchoredList[string, string]{Name: "test", CursorPrefix: "test.v2.", MaxSize: 320, MaxPage: 750,
		FormatID: func(id string) string { return id },
		ParseID:  func(s string) (string, error) { return s, CheckID("id", s) }}
	f.Fuzz(func(t *testing.T, text string) {
		if at, ok := list.scan(text); ok && list.format(at) != text {
			t.Errorf("%q reads back as %q", text, list.format(at))
		}
	})
}
