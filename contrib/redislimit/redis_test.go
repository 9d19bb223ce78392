package redislimit_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// errNoRedis says how to get what the tests need.
var errNoRedis = errors.New("redis-server is not installed, and these tests need a real one: " +
	"apt-get install redis-server (.ci/run installs it)")

// redisServer is a redis-server of the test's own on a loopback port,
// which a test may stop and start again on the same port.
type redisServer struct {
	Addr string
	cmd  *exec.Cmd
}

// startRedis starts a redis-server on a free loopback port, without
// persistence.
func startRedis() (*redisServer, error) {
	if _, err := exec.LookPath("redis-server"); err != nil {
		return nil, errNoRedis
	}
	var err error
	for range 3 { // a port found free may be taken before the server binds it
		var port int
		if port, err = freePort(); err != nil {
			return nil, err
		}
		s := &redisServer{Addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port))}
		if err = s.Start(); err == nil {
			return s, nil
		}
	}
	return nil, err
}

// newRedis is startRedis for one test, stopped when it ends.
func newRedis(t *testing.T) *redisServer {
	t.Helper()
	s, err := startRedis()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Stop)
	return s
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Start runs the server on its port and returns once it answers PING.
func (s *redisServer) Start() error {
	_, port, _ := net.SplitHostPort(s.Addr)
	s.cmd = exec.Command("redis-server", "--port", port, "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "no", "--loglevel", "warning")
	var out bytes.Buffer // its banner; shown only when it fails to start
	s.cmd.Stdout, s.cmd.Stderr = &out, &out
	if err := s.cmd.Start(); err != nil {
		return fmt.Errorf("redis-server: %w", err)
	}
	c := redis.NewClient(&redis.Options{Addr: s.Addr, MaxRetries: -1})
	defer c.Close()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if c.Ping(context.Background()).Err() == nil {
			return nil
		}
	}
	s.Stop()
	return fmt.Errorf("redis-server on %s did not answer within 5 s:\n%s", s.Addr, out.String())
}

// Stop kills the server, as a crash would, and waits for it to exit.
func (s *redisServer) Stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
	s.cmd = nil
}

// client is a go-redis client set up as the package asks: deadlines
// honoured, short timeouts.
func client(t testing.TB, addr string) *redis.Client {
	c := redis.NewClient(&redis.Options{Addr: addr, ContextTimeoutEnabled: true,
		DialTimeout: 100 * time.Millisecond, ReadTimeout: 100 * time.Millisecond, WriteTimeout: 100 * time.Millisecond})
	if t != nil {
		t.Cleanup(func() { c.Close() })
	}
	return c
}
