package driver

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/text"
)

// An AnchorMark gives what was added to an [AnchoredList] since a mark,
// for a service whose list has no min_id to ask from: the mark keeps the
// newest few items (its anchors), and [AnchorMark.Since] reads the list
// from the top until it finds them again. Everything above them is new,
// newest first, each once.
// Its text is
//
//	<Prefix><account>.a<id>-<id>...   the newest items at the mark, newest first
//	<Prefix><account>.e               the list was empty at the mark
//
// <account> is the [AccountTag] of the client's site and account, so that
// a mark of another is refused without naming either.
//
// A provider adds, to its AnchoredList, its prefix and account tag:
//
//	marks := &driver.AnchorMark[*Post, int64]{List: list, Prefix: "lemmy.m1.",
//		Account: driver.AccountTag("lemmy", baseURL, token), Whose: "instance or token", Keep: 8}
//	added, next, err := marks.Since(ctx, mark)
//
// The tag names the account by what the client knows of it: its login
// where the client has one (e621's, "site or login"), so that a new key of
// the same account keeps its marks; its token where the token is all it
// has (Lemmy's JWT; PlayPlay's, Mastodon's and DCH's tokens, through
// [SetMark]), so that a mark made with an older token is refused and the
// next call starts again from "". The tag is a digest: the token never
// shows in a mark.
//
// The rule it stands on: a new item, and one removed and added again, goes
// to the top of the list, and the rest keep their order. The anchors still
// there lie together, in the mark's order, where the list as it stood at
// the mark begins; an anchor found above them was added again, and is new.
// The call reads until the anchors settle: all found, or two or more of
// them together and an item after them, or the end of the list. So k new
// items cost ceil(k/page)+1 requests while two anchors next to each other
// are still there, and with one left the call reads on to the end; only
// anchors removed and added again in their old order, next to each other,
// can hide the items added before them.
// A call reads pages of the list's MaxSize. Where that is the client's
// choice and 64 items or more, pages overlap (see AnchoredList), so that
// items removed above the read show as a page that holds no item read
// before: the call reads again from the top, and after three such reads
// fails with [favorites.ErrListChanged] (temporary: the same mark works
// later). Where pages lie side by side (a MaxSize under 64, as Lemmy's 50,
// or a size the server picks), nothing shows such a move, and an item at
// a page boundary can be missed.
type AnchorMark[T any, K comparable] struct {
	// List is the list, its fetch and its IDs.
	List *AnchoredList[T, K]

	// Prefix begins the text: the provider's name, a kind and a version
	// number, and a dot, such as "e621.m1.". Text that differs only in
	// the number is a mark of another version, and says so.
	Prefix string

	// Account is the [AccountTag] of the client's site and account.
	// Whose says, for errors, what it tells apart, such as "site or
	// login".
	Account, Whose string

	// Keep is how many of the newest items a mark keeps: the fewer, the
	// sooner removals make it stale.
	Keep int

	// MaxPages is the most pages a call reads before the mark is stale:
	// more was added than a full listing would cost. 0 means as deep as
	// the list serves.
	MaxPages int

	// OldMark, when set, reads the marks of an earlier version: the
	// account tag and the IDs' texts as ParseID reads them; ok is false
	// for text that is not one. They are checked as the current form's.
	OldMark func(text string) (account string, ids []string, ok bool)
}

// maxWalks is how many times one call reads the list from its top when it
// moved too fast to tell that a read skipped nothing.
const maxWalks = 3

// errMoved reports a walk that could not tell that it skipped nothing.
var errMoved = errors.New("a page held no item read before")

// Since returns the items added since mark, newest first, each once, and
// the mark to save for the next call. Mark "" means "from now": no items,
// one request of the top of the list, and a first mark.
//
// A mark of another provider, version, site or account, or text that is
// no mark, is refused before sending with an error matching
// [favorites.ErrStaleMark] and [favorites.ErrInvalidArgument]. A mark
// whose anchors are all gone, or lie deeper than MaxPages (or the last
// page), matches favorites.ErrStaleMark alone, once the pages read show
// it: list in full and start again from "".
func (m *AnchorMark[T, K]) Since(ctx context.Context, mark string) ([]T, string, error) {
	if mark == "" {
		next, err := m.fromNow(ctx)
		return nil, next, err
	}
	anchors, err := m.Parse(mark)
	if err != nil {
		return nil, "", err
	}
	for walk := 1; ; walk++ {
		added, next, err := m.walk(ctx, anchors)
		switch {
		case !errors.Is(err, errMoved):
			return added, next, err
		case walk == maxWalks:
			return nil, "", fmt.Errorf("%s: %w: %d reads of the list from the top each met items removed faster than "+
				"they could be read (%v); call again later with the same mark", m.List.Name, favorites.ErrListChanged, maxWalks, err)
		}
	}
}

// fromNow reads the top of the list for a first mark.
func (m *AnchorMark[T, K]) fromNow(ctx context.Context) (string, error) {
	w := window{page: 1, size: min(m.Keep, m.List.MaxSize)}
	if m.List.ServerSize {
		w.size = 0
	}
	p, err := m.List.read(ctx, &w)
	if err != nil {
		return "", err
	}
	return m.Format(m.top(p.Items)), nil
}

// top is the IDs of the first Keep distinct items.
func (m *AnchorMark[T, K]) top(items []T) []K {
	var ids []K
	for _, it := range items {
		if len(ids) == m.Keep {
			break
		}
		if id := m.List.ID(it); !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// walk reads windows of the list from the top until anchors settle where
// the list stood at the mark (see boundary), and returns the items above
// them and the mark of the first page. A window that overlaps the one
// before and shows no item read before is errMoved: items above it were
// removed between two reads, more than the overlap, and one may have
// slipped past unread.
func (m *AnchorMark[T, K]) walk(ctx context.Context, anchors []K) ([]T, string, error) {
	l := m.List
	var list []T // the distinct items read, in list order
	var ids []K  // their IDs
	seen := make(map[K]bool)
	var next string
	w := window{page: 1, size: l.MaxSize}
	if l.ServerSize {
		w.size = 0
	}
	for n := 1; ; n++ {
		if m.MaxPages > 0 && n > m.MaxPages {
			return nil, "", m.stale(fmt.Sprintf("its items are not on the first %d pages", m.MaxPages))
		}
		read, err := l.read(ctx, &w)
		if err != nil {
			return nil, "", err
		}
		if n == 1 {
			next = m.Format(m.top(read.Items))
		}
		joined := n == 1 || l.overlap(l.MaxSize) == 0
		for _, it := range read.Items {
			switch id := l.ID(it); {
			case seen[id]: // the overlap, or pushed down by items added since page 1
				joined = true
			case joined:
				seen[id] = true
				list, ids = append(list, it), append(ids, id)
			}
			// Not joined yet: above every item read, so added since page
			// 1 was read; the next call has it, above the new mark.
		}
		if !joined {
			return nil, "", fmt.Errorf("page %d of %d items: %w", w.page, w.size, errMoved)
		}
		last := !read.More
		if k, ok := boundary(anchors, ids, last); ok {
			return list[:k], next, nil
		}
		if last {
			return nil, "", m.stale(fmt.Sprintf("none of its %d items is in the list any more", len(anchors)))
		}
		var more bool
		if w, more = m.windowOn(w.start()+len(read.Items), w.size); !more {
			return nil, "", m.stale(fmt.Sprintf("more was added since than %s serves in %d pages", l.Name, l.lastPage()))
		}
	}
}

// windowOn is the window of a call after place end, read in windows of
// size: overlapping ones of the list's largest size where the client picks
// it (see nextWindow), the next page where the server does.
func (m *AnchorMark[T, K]) windowOn(end, size int) (window, bool) {
	l := m.List
	if !l.ServerSize {
		return l.nextWindow(end, l.MaxSize)
	}
	w := window{page: end/size + 1, size: size}
	return w, w.page <= l.lastPage()
}

// boundary is where, in ids (of the list from its top), the list as it
// stood at the mark begins: every item above it was added since. ok is
// false while the pages read cannot tell yet.
//
// The anchors that are still there lie together, in the mark's order,
// where the old list begins: only a new item goes above them, and none
// goes between. An anchor found above them was added again, so the run of
// anchors that starts the old list is the last one in ids. It is known
// once nothing later can hold an anchor: at the end of the list, once
// every anchor has been seen, or when an item that is no anchor follows a
// run of two or more (then the anchors not seen were removed). A run of
// one followed by other items may be an anchor added again, above new
// items and the rest of the run: the walk reads on.
func boundary[K comparable](anchors, ids []K, end bool) (int, bool) {
	if len(anchors) == 0 {
		return len(ids), end // the list was empty: all of it is new
	}
	rank := make(map[K]int, len(anchors))
	for i, id := range anchors {
		rank[id] = i
	}
	last, found := -1, 0
	for i, id := range ids {
		if _, ok := rank[id]; ok {
			last, found = i, found+1
		}
	}
	if last < 0 {
		return 0, false
	}
	start := last
	for start > 0 {
		r, ok := rank[ids[start-1]]
		if !ok || r >= rank[ids[start]] {
			break
		}
		start--
	}
	return start, end || found == len(anchors) || start < last && last < len(ids)-1
}

// Format writes the mark of a list whose newest items are anchors, newest
// first.
func (m *AnchorMark[T, K]) Format(anchors []K) string { return m.format(m.Account, anchors) }

func (m *AnchorMark[T, K]) format(account string, anchors []K) string {
	if len(anchors) == 0 {
		return m.Prefix + account + ".e"
	}
	return m.List.anchorText(m.Prefix+account+".a", anchors)
}

// MaxLen is the longest text Parse reads: Keep IDs of up to four times
// [MaxIDLength] bytes each (FormatID's longest), each byte escaped.
func (m *AnchorMark[T, K]) MaxLen() int {
	return len(m.Prefix) + AccountTagLen + 2 + m.Keep*(12*MaxIDLength+1)
}

// Parse reads a mark of this client back to its anchors, newest first.
// Every refusal matches [favorites.ErrStaleMark] and
// [favorites.ErrInvalidArgument], and says why.
func (m *AnchorMark[T, K]) Parse(mark string) ([]K, error) {
	if len(mark) > m.MaxLen() {
		return nil, m.bad(mark, fmt.Sprintf("is %d bytes, more than any mark (%d)", len(mark), m.MaxLen()))
	}
	account, texts, own, ok := m.split(mark)
	switch {
	case !ok && own:
		return nil, m.bad(mark, "is not written as a mark ("+m.Prefix+"<account>.a<ids> or "+m.Prefix+"<account>.e)")
	case !ok:
		return nil, m.foreign(mark)
	case !IsAccountTag(account):
		return nil, m.bad(mark, "has no account tag of "+strconv.Itoa(AccountTagLen)+" characters after its prefix")
	case len(texts) > m.Keep:
		return nil, m.bad(mark, fmt.Sprintf("holds more than %d items", m.Keep))
	}
	anchors := make([]K, 0, len(texts))
	for _, s := range texts {
		id, err := m.List.ParseID(s)
		if err == nil && slices.Contains(anchors, id) {
			err = errors.New("it is there twice")
		}
		if err != nil {
			return nil, m.bad(mark, fmt.Sprintf("holds item %s: %v", text.QuoteShort(s), err))
		}
		anchors = append(anchors, id)
	}
	if own && m.format(account, anchors) != mark {
		return nil, m.bad(mark, "is not written as this package writes a mark")
	}
	if account != m.Account {
		return nil, m.bad(mark, "was made with another "+m.Whose+"; start again from \"\"")
	}
	return anchors, nil
}

// split cuts a mark of the current form (own) or an earlier one into its
// account tag and its IDs' texts; ok is false for text of neither form.
func (m *AnchorMark[T, K]) split(mark string) (account string, ids []string, own, ok bool) {
	rest, own := strings.CutPrefix(mark, m.Prefix)
	if !own {
		if m.OldMark == nil {
			return "", nil, false, false
		}
		account, ids, ok = m.OldMark(mark)
		return account, ids, false, ok
	}
	account, list, _ := strings.Cut(rest, ".")
	if list == "e" {
		return account, nil, true, true
	}
	list, isList := strings.CutPrefix(list, "a")
	if !isList {
		return account, nil, true, false
	}
	for s := range strings.SplitSeq(list, "-") {
		raw, ok := unescapeAnchor(s)
		if !ok {
			return account, nil, true, false
		}
		ids = append(ids, raw)
	}
	return account, ids, true, true
}

// foreign says why text is no mark this client reads: a mark of another
// version, a listing cursor, or neither.
func (m *AnchorMark[T, K]) foreign(mark string) error {
	switch {
	case versionOf(m.Prefix, mark):
		return m.bad(mark, "is of another version than this package reads ("+m.Prefix+"...)")
	case m.List.CursorPrefix != "" && versionOf(m.List.CursorPrefix, mark):
		return m.bad(mark, "is a listing cursor (ListOptions.Cursor), not a mark")
	}
	return m.bad(mark, "is not a "+m.List.Name+" mark ("+m.Prefix+"<account>.a<ids>)")
}

// versionOf reports whether text begins as prefix does but for its version
// number: "e621.m2." for "e621.m1.".
func versionOf(prefix, text string) bool {
	stem := strings.TrimRight(strings.TrimSuffix(prefix, "."), "0123456789")
	rest, ok := strings.CutPrefix(text, stem)
	v, _, dot := strings.Cut(rest, ".")
	return ok && dot && v != "" && strings.Trim(v, "0123456789") == ""
}

func (m *AnchorMark[T, K]) bad(mark, why string) error {
	return fmt.Errorf("%s: %w: %w: mark %s %s", m.List.Name, favorites.ErrStaleMark, favorites.ErrInvalidArgument,
		text.QuoteShort(mark), why)
}

func (m *AnchorMark[T, K]) stale(why string) error {
	return fmt.Errorf("%s: %w: %s; list in full and start again from \"\"", m.List.Name, favorites.ErrStaleMark, why)
}
