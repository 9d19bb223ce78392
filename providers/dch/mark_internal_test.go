package dch

import (
	"slices"
	"testing"
)

// TestMarkSets ties the <set> form to the doc comment's example and
// reads back what formatMark writes.
func TestMarkSets(t *testing.T) {
	c := &Client{account: accountTag("https://api.digitalconcerthall.com/v2", "t")}
	cases := []struct {
		set string
		ids []string
	}{
		{"AA", []string{}},
		{"AwAHMjM0MjctMQYBMwADMzAx", []string{"23427-1", "23427-3", "301"}}, // markPrefix's example
		{"AgADMTAwAgEx", []string{"100", "101"}},
	}
	for _, tc := range cases {
		mark := markPrefix + c.account + "." + tc.set
		if got := c.formatMark(tc.ids); got != mark {
			t.Errorf("formatMark(%q) = %q, want %q", tc.ids, got, mark)
		}
		got, err := c.parseMark(mark)
		if err != nil || !slices.Equal(got, tc.ids) {
			t.Errorf("parseMark(%q) = %q, %v; want %q", mark, got, err, tc.ids)
		}
	}
}
