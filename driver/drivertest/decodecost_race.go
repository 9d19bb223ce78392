//go:build race

package drivertest

// costChecks are none under the race detector, whose instrumentation
// allocates on its own, so that no allocation it counts means anything:
// .ci/run runs them without it, in its DecodeCost step.
var costChecks []check
