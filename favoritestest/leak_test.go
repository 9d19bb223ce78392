package favoritestest

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's run if any test leaves a goroutine behind:
// a stalled or cut request the Faults never released.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
