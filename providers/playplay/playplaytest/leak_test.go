package playplaytest_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's run if any test leaves a goroutine behind:
// a server not closed, a stalled request it never released, or a
// client's connection left open.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
