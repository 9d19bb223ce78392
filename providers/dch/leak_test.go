package dch_test

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's run if any test leaves a goroutine behind:
// a fake server, a client's connection, or a retry or prefetch that
// outlived the call that started it.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
