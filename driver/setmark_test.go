package driver

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/favkit/favorites"
)

// The <set> form reads back to what Format wrote, and keeps the example of
// SetMark's doc: IDs that share a prefix cost a few bytes each.
func TestSetMarkRoundTrips(t *testing.T) {
	m := NewSetMark("dch", "https://api.example/v2", "t", 1000, nil)
	many := make([]string, 1000)
	for i := range many {
		many[i] = strconv.Itoa(7000 + i*3)
	}
	slices.Sort(many)
	for _, tt := range []struct {
		ids  []string
		set  string // "" when not pinned
		most int    // longest mark text accepted
	}{
		{[]string{}, "AAA", 40},
		{[]string{"23427-1", "23427-3", "301"}, "AAMABzIzNDI3LTEGATMAAzMwMQ", 60},
		{[]string{"7622", "8008"}, "AQLGO4ID", 40},
		{many, "", 6000},
	} {
		mark := m.Format(tt.ids)
		if tt.set != "" && !strings.HasSuffix(mark, "."+tt.set) || len(mark) > tt.most {
			t.Errorf("Format(%d ids) = %.60q (%d bytes), want the set %q within %d bytes", len(tt.ids), mark, len(mark), tt.set, tt.most)
		}
		if got, err := m.Parse(mark); err != nil || !slices.Equal(got, tt.ids) {
			t.Errorf("Parse(Format(%d ids)) = %d ids, %v", len(tt.ids), len(got), err)
		}
	}
}

// Text that is no mark of the provider is ErrStaleMark and
// ErrInvalidArgument; another account's mark is ErrStaleMark alone.
func TestSetMarkRefusals(t *testing.T) {
	m := NewSetMark("dch", "https://api.example/v2", "t", 3, nil)
	good := m.Format([]string{"1", "2"})
	set := good[strings.LastIndex(good, ".")+1:]
	account := strings.TrimSuffix(strings.TrimPrefix(good, "dch.mark.v1."), "."+set)
	for _, tt := range []struct {
		name, mark string
		invalid    bool
	}{
		{"another provider", "waifuim.mark.v1." + account + "." + set, true},
		{"another account", NewSetMark("dch", "https://api.example/v2", "u", 3, nil).Format([]string{"1"}), false},
		{"another server", NewSetMark("dch", "https://other.example/v2", "t", 3, nil).Format([]string{"1"}), false},
		{"no set", "dch.mark.v1." + account, true},
		{"bad base64", "dch.mark.v1." + account + ".!!", true},
		{"padded base64", good + "==", true},
		{"more items than the provider keeps", m.Format([]string{"1", "2", "3", "4"}), true},
		{"out of order", m.Format([]string{"b", "a"}), true},
		{"numbers written as text", m.text([]byte{setOfText, 2, 0, 1, '1', 0, 1, '2'}), true},
		{"an unknown way of writing", m.text([]byte{7, 0}), true},
		{"twice", m.Format([]string{"1", "1"}), true},
		{"an ID check refuses", m.Format([]string{"a b"}), true},
		{"bytes left over", good + "A", true},
		{"huge", "dch.mark.v1." + account + "." + strings.Repeat("A", 1<<16), true},
	} {
		_, err := m.Parse(tt.mark)
		if !errors.Is(err, favorites.ErrStaleMark) || errors.Is(err, favorites.ErrInvalidArgument) != tt.invalid {
			t.Errorf("%s: %v; want ErrStaleMark (and ErrInvalidArgument: %v)", tt.name, err, tt.invalid)
		}
	}
}

func TestSetChanges(t *testing.T) {
	for _, tt := range []struct {
		before, listed []string
		now, removed   []string
		added          []int
	}{
		{nil, []string{"b", "a"}, []string{"a", "b"}, nil, []int{0, 1}},
		{[]string{"a", "b"}, []string{"c", "b", "a"}, []string{"a", "b", "c"}, nil, []int{0}},
		{[]string{"a", "b"}, []string{"c", "c", "a"}, []string{"a", "c"}, []string{"b"}, []int{0}},
		{[]string{"a", "b"}, nil, []string{}, []string{"a", "b"}, nil},
	} {
		now, added, removed := SetChanges(tt.before, tt.listed)
		if fmt.Sprint(now, added, removed) != fmt.Sprint(tt.now, tt.added, tt.removed) {
			t.Errorf("SetChanges(%v, %v) = %v %v %v; want %v %v %v", tt.before, tt.listed, now, added, removed, tt.now, tt.added, tt.removed)
		}
	}
}
