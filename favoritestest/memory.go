package favoritestest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Memory is an in-memory favorites.Favorites, for testing code that takes
// the portable interface (a bot, a sync) without any HTTP. It pages its list
// by PageSize and can fail chosen operations through Fail. It is safe for
// concurrent use.
type Memory struct {
	// Fail, when set, is asked before each operation ("list" once a page,
	// with the zero Ref; "add"; "remove"; "toggle"; "check") and a non-nil answer fails it
	// without changing anything.
	Fail func(op string, ref favorites.Ref) error

	// PageSize is the default page size of List; 0 means 50.
	PageSize int

	provider string
	mu       sync.Mutex
	refs     []favorites.Ref
	calls    map[string]int
	seq      uint64                   // additions so far
	added    map[favorites.Ref]uint64 // when each favourite was added, for Changes
}

// NewMemory returns a Memory named provider holding refs as favourites.
func NewMemory(provider string, refs ...favorites.Ref) *Memory {
	return &Memory{provider: provider, refs: slices.Clone(refs), calls: map[string]int{}, added: map[favorites.Ref]uint64{}}
}

// Provider names the fake provider.
func (m *Memory) Provider() string { return m.provider }

// Refs returns the current favourites, in order.
func (m *Memory) Refs() []favorites.Ref {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.refs)
}

// Calls is how many times op ("list", "add", "remove") was called.
func (m *Memory) Calls(op string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.calls[op]
}

func (m *Memory) fail(op string, ref favorites.Ref) error {
	m.mu.Lock()
	m.calls[op]++
	m.mu.Unlock()
	if m.Fail != nil {
		return m.Fail(op, ref)
	}
	return nil
}

// List pages through the favourites; the cursor is the offset.
func (m *Memory) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	o, err := driver.ListValues(opts)
	if err != nil {
		return driver.ErrorPager[favorites.Favorite](fmt.Errorf("%s: %w", m.provider, err))
	}
	size := cmp.Or(o.PageSize, m.PageSize, 50)
	return favorites.NewPager(func(ctx context.Context, cursor string) (favorites.Page[favorites.Favorite], error) {
		if err := ctx.Err(); err != nil {
			return favorites.Page[favorites.Favorite]{}, err
		}
		if err := m.fail("list", favorites.Ref{}); err != nil {
			return favorites.Page[favorites.Favorite]{}, err
		}
		off, _ := strconv.Atoi(cursor)
		m.mu.Lock()
		defer m.mu.Unlock()
		var page favorites.Page[favorites.Favorite]
		for _, r := range m.refs[min(off, len(m.refs)):min(off+size, len(m.refs))] {
			page.Items = append(page.Items, favorites.Favorite{Provider: m.provider, Ref: r, Kind: "item",
				Raw: []byte(strconv.Quote(r.String()))})
		}
		if off+size < len(m.refs) {
			page.Next = strconv.Itoa(off + size)
		}
		return page, nil
	}, o.Cursor)
}

// Canonical checks ref's ID and returns ref: a Memory has one spelling of
// each ref, the one it was given.
func (m *Memory) Canonical(ref favorites.Ref) (favorites.Ref, error) {
	if err := driver.CheckID("ref id", ref.ID); err != nil {
		return favorites.Ref{}, err
	}
	return ref, nil
}

// begin is what every write and check does first: refuse a ref no
// service would take, a context that has ended, and a failure Fail asks
// for op, in that order, before anything changes.
func (m *Memory) begin(ctx context.Context, op string, ref favorites.Ref) error {
	if err := driver.CheckID("ref id", ref.ID); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return m.fail(op, ref)
}

// Add makes ref a favourite, first in the list; a present one is left alone.
func (m *Memory) Add(ctx context.Context, ref favorites.Ref) error {
	if err := m.begin(ctx, "add", ref); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !slices.Contains(m.refs, ref) {
		m.prepend(ref)
	}
	return nil
}

// prepend makes ref the newest favourite. The caller holds m.mu.
func (m *Memory) prepend(ref favorites.Ref) {
	m.refs = append([]favorites.Ref{ref}, m.refs...)
	m.seq++
	m.added[ref] = m.seq
}

// Remove drops ref; an absent one is no error.
func (m *Memory) Remove(ctx context.Context, ref favorites.Ref) error {
	if err := m.begin(ctx, "remove", ref); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.refs = slices.DeleteFunc(m.refs, func(r favorites.Ref) bool { return r == ref })
	return nil
}

// Toggle adds ref when it is not a favourite and removes it when it is,
// reporting which, as a service's toggle call does. It fails through Fail
// as op "toggle".
func (m *Memory) Toggle(ctx context.Context, ref favorites.Ref) (bool, error) {
	if err := m.begin(ctx, "toggle", ref); err != nil {
		return false, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if slices.Contains(m.refs, ref) {
		m.refs = slices.DeleteFunc(m.refs, func(r favorites.Ref) bool { return r == ref })
		return false, nil
	}
	m.prepend(ref)
	return true, nil
}

// IsFavorite reports whether ref is a favourite. It fails through Fail as
// op "check".
func (m *Memory) IsFavorite(ctx context.Context, ref favorites.Ref) (bool, error) {
	if err := m.begin(ctx, "check", ref); err != nil {
		return false, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Contains(m.refs, ref), nil
}
