package drivertest

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's run if any test leaves a goroutine behind:
// a fake not closed, a scenario's op still running after the
// fault matrix gave up on it, or a concurrent writer or lister.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
