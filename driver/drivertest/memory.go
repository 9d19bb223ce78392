package drivertest

import (
	"runtime"
	"testing"
)

// MaxHeldPerReplyByte is the part of the SDK's memory rule that grows with
// a reply's size: decoding allocates at most this many bytes for each
// byte of the reply, whatever its shape (nesting, tiny items, long
// strings), plus a constant for each item (see [DecodeRule]).
const MaxHeldPerReplyByte = 8

// A DecodeRule is one provider's figures in the SDK's memory rule, which
// package driver states (driver.ItemRules): counts are capped, the body is
// capped, and decoding a reply allocates at most [MaxHeldPerReplyByte]
// bytes for each of its bytes plus ItemCost for each item of the page and
// NestedCost for each item of a list inside one. A list is counted up to
// its cap: a longer one must be refused by the time that many items are
// decoded, so it costs no more than one at the cap.
type DecodeRule struct {
	// ItemDepth is how many JSON containers hold each item of the page:
	// 1 when the reply is the list ([{...}]), 2 for {"posts":[{...}]}, 0
	// when the reply is one item (a single status). Lists held by fewer
	// are the envelope's and count for nothing.
	ItemDepth int

	// MaxItems is the page's cap and MaxNested the cap on a list inside
	// an item (the largest, where a provider caps its lists differently).
	MaxItems, MaxNested int

	// ItemCost and NestedCost are the provider's documented constants: the
	// bytes an item of the page, and an item of a list inside one, may
	// cost beyond MaxHeldPerReplyByte for each of its bytes.
	ItemCost, NestedCost int
}

// Items counts reply's items as r counts them: the values of the lists
// whose values sit ItemDepth containers deep (the page's, and any list
// beside it in the envelope), each up to
// MaxItems, or the reply itself when ItemDepth is 0; and the values of the
// lists deeper than that, each up to MaxNested.
func (r DecodeRule) Items(reply []byte) (items, nested int) {
	if r.ItemDepth == 0 && len(reply) > 0 {
		items = 1
	}
	type open struct {
		list   bool
		commas int
		empty  bool
	}
	var stack []open
	for i := 0; i < len(reply); i++ {
		c := reply[i]
		if len(stack) > 0 && stack[len(stack)-1].list && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ']' {
			stack[len(stack)-1].empty = false
		}
		switch c {
		case '"':
			i = stringEnd(reply, i)
		case '[', '{':
			stack = append(stack, open{list: c == '[', empty: true})
		case ',':
			if len(stack) > 0 {
				stack[len(stack)-1].commas++
			}
		case ']', '}':
			if len(stack) == 0 {
				continue
			}
			top, depth := stack[len(stack)-1], len(stack)
			stack = stack[:len(stack)-1]
			if !top.list || top.empty {
				continue
			}
			switch n := top.commas + 1; {
			case depth == r.ItemDepth:
				items += capped(n, r.MaxItems)
			case depth > r.ItemDepth:
				nested += capped(n, r.MaxNested)
			}
		}
	}
	return items, nested
}

// capped is n, or max when that is smaller and not 0.
func capped(n, max int) int {
	if max > 0 && n > max {
		return max
	}
	return n
}

// stringEnd is the index of the closing quote of the string that opens at
// data[i], or the last index when it is cut short.
func stringEnd(data []byte, i int) int {
	for i++; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return len(data) - 1
}

// Bound is the most decoding reply may allocate under r.
func (r DecodeRule) Bound(reply []byte) uint64 {
	items, nested := r.Items(reply)
	return uint64(MaxHeldPerReplyByte*len(reply) + r.ItemCost*items + r.NestedCost*nested)
}

// Check fails t when decode, decoding reply, allocates more than
// r.Bound(reply), and logs the numbers either way: the bytes per reply
// byte, and what the items' constants add to the bound.
func (r DecodeRule) Check(t *testing.T, name string, reply []byte, decode func()) {
	t.Helper()
	bound := r.Bound(reply)
	items, nested := r.Items(reply)
	got := AllocatedBy(decode)
	t.Logf("%s: %d bytes allocated decoding a %d-byte reply of %d+%d items: %.2f per reply byte; the bound is %d (%.2f per reply byte)",
		name, got, len(reply), items, nested, perByte(got, reply), bound, perByte(bound, reply))
	if got > bound {
		t.Errorf("%s: decoding a %d-byte reply of %d items and %d in lists inside them allocated %d bytes; the bound is %d "+
			"(%d a reply byte, %d an item, %d an item of a list inside one)",
			name, len(reply), items, nested, got, bound, MaxHeldPerReplyByte, r.ItemCost, r.NestedCost)
	}
}

func perByte(n uint64, reply []byte) float64 { return float64(n) / float64(max(len(reply), 1)) }

// AllocatedBy returns the bytes of heap fn allocates, from
// runtime.ReadMemStats: every allocation counts, freed or not, so it
// bounds from above what fn holds at any moment. (runtime/metrics counts
// a span at a time, not an allocation, and misses up to a span of each
// size: a whole small page.) Nothing else may run in the process
// meanwhile (no parallel test).
func AllocatedBy(fn func()) uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	before := m.TotalAlloc
	fn()
	runtime.ReadMemStats(&m)
	return m.TotalAlloc - before
}
