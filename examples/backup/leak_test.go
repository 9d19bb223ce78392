package main

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's run if any test leaves a goroutine behind:
// the fake the backup ran against, or a client's connection.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
