package driver

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's run if any test leaves a goroutine behind:
// Sync's workers, a prefetch, or a retry wait that outlived its caller.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
