package favoritestest

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
)

// markPrefix starts every mark of a Memory, before its provider's name.
const markPrefix = "memory.v1."

// Changes lists the favourites added since mark, newest first, as
// favorites.ChangeLister asks. A mark counts the additions made before it,
// so one run after another lists each addition once; a favourite added and
// removed between runs is not listed, as on the services. It fails through
// Fail as op "changes". Removals are not reported: a Memory, like most
// services, would need the whole list for them.
func (m *Memory) Changes(ctx context.Context, mark string) (*favorites.Changes, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	since, err := m.parseMark(mark)
	if err != nil {
		return nil, err
	}
	if err := m.fail("changes", favorites.Ref{}); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if since > m.seq {
		return nil, fmt.Errorf("%s: %w: mark %q is ahead of this list", m.provider, favorites.ErrStaleMark, mark)
	}
	ch := &favorites.Changes{Mark: markPrefix + m.provider + "." + strconv.FormatUint(m.seq, 10)}
	if mark == "" {
		return ch, nil
	}
	for _, r := range m.refs {
		if m.added[r] > since {
			ch.Added = append(ch.Added, favorites.Favorite{Provider: m.provider, Ref: r, Kind: "item",
				Raw: []byte(strconv.Quote(r.String()))})
		}
	}
	return ch, nil
}

// parseMark reads the additions count from mark; "" is 0.
func (m *Memory) parseMark(mark string) (uint64, error) {
	if mark == "" {
		return 0, nil
	}
	rest, ok := strings.CutPrefix(mark, markPrefix+m.provider+".")
	n, err := strconv.ParseUint(rest, 10, 64)
	if !ok || err != nil {
		return 0, fmt.Errorf("%s: %w: %w: %q is not a mark of this list", m.provider,
			favorites.ErrInvalidArgument, favorites.ErrStaleMark, mark)
	}
	return n, nil
}
