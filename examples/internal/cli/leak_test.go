package cli

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's run if any test leaves a goroutine behind:
// a provider's fake, a sync worker, or a client's connection.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
