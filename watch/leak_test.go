package watch_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's run if a watch leaves a timer or goroutine
// behind after its loop ends.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
