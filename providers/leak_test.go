package providers_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the run if a fake server or a client connection outlives
// the test that started it.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
