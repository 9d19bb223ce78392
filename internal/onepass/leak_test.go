package onepass

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the run if the concurrent decoding test leaves a goroutine.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
