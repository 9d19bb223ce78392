//go:build !race

package drivertest

import "testing"

// TestSuiteCatchesDecodeCost: a toy that keeps its page's cap only once
// the items are decoded (as an anchored walk's check of a page's size
// does) passes PageItemCap, and fails PageCapDecodeCost. Only a build
// without the race detector measures allocations, so .ci/run runs this in
// its DecodeCost step.
func TestSuiteCatchesDecodeCost(t *testing.T) {
	checkCatches(t, []brokenCase{
		{"cap-after-decoding", "--- FAIL: TestConformanceToy/PageCapDecodeCost"},
	})
}
