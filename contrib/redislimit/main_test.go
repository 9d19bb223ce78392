package redislimit_test

import (
	"fmt"
	"os"
	"testing"
)

// redisAddr is where the package's redis-server listens, for the tests
// that need not stop it and for the Example.
var redisAddr string

func TestMain(m *testing.M) {
	if spec := os.Getenv(workerEnv); spec != "" {
		os.Exit(runWorker(spec)) // this process is one of a test's workers
	}
	s, err := startRedis()
	if err != nil {
		fmt.Fprintln(os.Stderr, "redislimit tests:", err)
		os.Exit(1)
	}
	redisAddr = s.Addr
	code := m.Run()
	s.Stop()
	os.Exit(code)
}
