package drivertest

import (
	"strings"
	"testing"
)

// DecodeRule counts the page's items and those of the lists inside them,
// each list up to its cap, and nothing of the envelope's other values or
// of strings.
func TestDecodeRuleItems(t *testing.T) {
	r := DecodeRule{ItemDepth: 2, MaxItems: 3, MaxNested: 2}
	for _, tt := range []struct {
		reply         string
		items, nested int
	}{
		{`{"posts":[]}`, 0, 0},
		{`{"posts":[{"id":1}]}`, 1, 0},
		{`{"posts":[{"id":1},{"id":2}],"other":[1,2,3]}`, 2 + 3, 0}, // a list beside the page's counts as one
		{`{"posts":[1,2,3,4,5]}`, 3, 0},
		{`{"posts":[{"tags":["a","b"]},{"tags":[]},{"tags":[[1],[]]}]}`, 3, 2 + 2 + 1},
		{`{"posts":[{"tags":[1,2,3,4]}]}`, 1, 2},
		{`{"posts":[{"s":"[1,2,3]","t":["],["]}]}`, 1, 1},
		{`{"posts":[{"s":"\"[1,2]"}]}`, 1, 0},
		{`[` + strings.Repeat(`[1,2],`, 4) + `[]]`, 8, 0},
		{`[[` + strings.Repeat(`[1,2],`, 4) + `[]]]`, 3, 8},
	} {
		items, nested := r.Items([]byte(tt.reply))
		if items != tt.items || nested != tt.nested {
			t.Errorf("Items(%s) = %d, %d; want %d, %d", tt.reply, items, nested, tt.items, tt.nested)
		}
	}
	if items, nested := (DecodeRule{}).Items([]byte(`{"a":[1,2]}`)); items != 1 || nested != 2 {
		t.Errorf("Items of one item with a list of 2 = %d, %d; want 1, 2", items, nested)
	}
	if got := (DecodeRule{ItemDepth: 1, ItemCost: 10, NestedCost: 1}).Bound([]byte(`[[1,2]]`)); got != 8*7+10+2 {
		t.Errorf("Bound = %d, want %d", got, 8*7+10+2)
	}
}
