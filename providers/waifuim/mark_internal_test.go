package waifuim

import (
	"slices"
	"testing"
)

// TestMarkSets ties the <set> form to the doc comment's example and
// reads back what formatMark writes.
func TestMarkSets(t *testing.T) {
	c := &Client{account: accountTag(DefaultBaseURL, "t")}
	cases := []struct {
		set string
		ids []int64
	}{
		{"AA", []int64{}},
		{"AsY7ggM", []int64{7622, 8008}}, // markPrefix's example
		{"AwEBgAE", []int64{1, 2, 130}},
		{"Af__________fw", []int64{1<<63 - 1}},
	}
	for _, tc := range cases {
		mark := markPrefix + c.account + "." + tc.set
		if got := c.formatMark(tc.ids); got != mark {
			t.Errorf("formatMark(%v) = %q, want %q", tc.ids, got, mark)
		}
		got, err := c.parseMark(mark)
		if err != nil || !slices.Equal(got, tc.ids) {
			t.Errorf("parseMark(%q) = %v, %v; want %v", mark, got, err, tc.ids)
		}
	}
}
