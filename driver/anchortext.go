package driver

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/text"
)

// The text of an anchored walk's cursor (see AnchoredList):
//
//	<CursorPrefix>l<size>.o<offset>[.a<id>-<id>...]
//
// and of an AnchorMark's anchors: IDs, escaped by escapeAnchor, joined by
// "-". Only the one spelling format writes is read back.

// parseCursor reads a cursor for a walk of size items a page.
func (l *AnchoredList[T, K]) parseCursor(text string, size int) (AnchoredCursor[K], error) {
	if size < 0 || size > l.MaxSize && !l.ServerSize {
		return AnchoredCursor[K]{}, fmt.Errorf("%s: %w: page size %d is outside 1 to %d",
			l.Name, favorites.ErrInvalidArgument, size, l.MaxSize)
	}
	if text == "" {
		switch {
		case l.ServerSize:
			size = 0
		case size == 0:
			size = l.MaxSize
		}
		return AnchoredCursor[K]{Size: size}, nil
	}
	at, ok := l.scan(text)
	if !ok && l.OldCursor != nil {
		at, ok = l.OldCursor(text)
		ok = ok && l.valid(at)
	}
	switch {
	case !ok:
		return at, fmt.Errorf("%s: %w: cursor %.80q is not a %s listing cursor (%sl<size>.o<offset>.a<ids>)",
			l.Name, favorites.ErrInvalidArgument, text, l.Name, l.CursorPrefix)
	case size != 0 && size != at.Size && !l.ServerSize:
		return at, fmt.Errorf("%s: %w: the cursor was saved by a walk of %d items a page; resume it with page size %d (or 0), not %d",
			l.Name, favorites.ErrInvalidArgument, at.Size, at.Size, size)
	}
	return at, nil
}

// format writes at; the top of the list is "", as a Pager's cursor is
// before it starts.
func (l *AnchoredList[T, K]) format(at AnchoredCursor[K]) string {
	if at.Offset == 0 && len(at.Anchors) == 0 {
		return ""
	}
	return l.CursorPrefix + "l" + strconv.Itoa(at.Size) + ".o" + strconv.Itoa(at.Offset) + l.anchorText(".a", at.Anchors)
}

// anchorText is "" for no anchors, else lead and the IDs, escaped, joined
// by "-".
func (l *AnchoredList[T, K]) anchorText(lead string, ids []K) string {
	if len(ids) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(lead)
	for i, id := range ids {
		if i > 0 {
			b.WriteByte('-')
		}
		escapeAnchor(&b, l.FormatID(id))
	}
	return b.String()
}

// scan reads text of the current form, refusing anything format would
// not write.
func (l *AnchoredList[T, K]) scan(cursor string) (AnchoredCursor[K], bool) {
	rest, ok := strings.CutPrefix(cursor, l.CursorPrefix)
	parts := strings.Split(rest, ".")
	if !ok || len(parts) < 2 || len(parts) > 3 {
		return AnchoredCursor[K]{}, false
	}
	var at AnchoredCursor[K]
	size, sizeOK := text.PrefixedDecimal(parts[0], "l", 1, l.MaxSize)
	offset, offsetOK := text.PrefixedDecimal(parts[1], "o", 0, l.lastPage()*l.MaxSize)
	at.Size, at.Offset = size, offset
	anchorsOK := true
	if len(parts) == 3 {
		ids, isList := strings.CutPrefix(parts[2], "a")
		at.Anchors, anchorsOK = l.parseIDs(ids)
		anchorsOK = anchorsOK && isList
	}
	return at, sizeOK && offsetOK && anchorsOK && l.valid(at) && l.format(at) == cursor
}

// parseIDs reads escaped IDs joined by "-".
func (l *AnchoredList[T, K]) parseIDs(text string) ([]K, bool) {
	var ids []K
	for s := range strings.SplitSeq(text, "-") {
		raw, ok := unescapeAnchor(s)
		if !ok {
			return nil, false
		}
		id, err := l.ParseID(raw)
		if err != nil {
			return nil, false
		}
		ids = append(ids, id)
	}
	return ids, true
}

// valid reports whether a walk can stand at at: a page size in range (0
// only for a server's size, at the top), an offset no deeper than the
// last page reaches, anchors below the top, at most cursorAnchors and
// each one that ParseID reads back, and an offset on a page boundary when
// there are none.
func (l *AnchoredList[T, K]) valid(at AnchoredCursor[K]) bool {
	atTop := at.Offset == 0 && len(at.Anchors) == 0
	for _, id := range at.Anchors {
		if back, err := l.ParseID(l.FormatID(id)); err != nil || back != id {
			return false
		}
	}
	switch {
	case at.Size == 0:
		return l.ServerSize && atTop
	case at.Size < 0 || at.Size > l.MaxSize || at.Offset < 0 || at.Offset > l.lastPage()*at.Size:
		return false
	case len(at.Anchors) == 0:
		return at.Offset%at.Size == 0
	}
	return at.Offset > 0 && len(at.Anchors) <= cursorAnchors
}

// escapeAnchor writes id with every byte but letters, digits, '_', '~',
// ':', '+', '!' and '@' as %XX, so that no ID holds the '.' and '-' that
// part a cursor or a mark. Decimal IDs are written as they are.
func escapeAnchor(b *strings.Builder, id string) {
	const hex = "0123456789ABCDEF"
	for i := range len(id) {
		if c := id[i]; plainAnchorByte(c) {
			b.WriteByte(c)
		} else {
			b.Write([]byte{'%', hex[c>>4], hex[c&15]})
		}
	}
}

func plainAnchorByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("_~:+!@", c) >= 0
}

// unescapeAnchor reads what escapeAnchor wrote; the caller checks that
// escapeAnchor writes it back alike.
func unescapeAnchor(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	if !strings.Contains(s, "%") {
		return s, true
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			out = append(out, s[i])
			continue
		}
		if i+2 >= len(s) {
			return "", false
		}
		n, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
		if err != nil {
			return "", false
		}
		out = append(out, byte(n))
		i += 2
	}
	return string(out), true
}
