package redislimit_test

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/favkit/favorites"
)

// When Redis stops, a worker paces alone at the budget's limit, with the
// server's word it reads, and says so once; when Redis answers again, the
// worker shares the budget again and says that too.
func TestRedisDownPacesAloneUntilItAnswers(t *testing.T) {
	srv := newRedis(t)
	logs := &logRecorder{}
	l := newLimiter(t, srv.Addr, "token", logs)
	mustWait(t, l, "a turn from Redis")

	srv.Stop()
	mustWait(t, l, "first turn in process")
	mustWait(t, l, "second turn in process")
	refusedAtOnce(t, l, "past the burst in process") // still paced: nothing goes unpaced
	if n := logs.count("Redis does not answer"); n != 1 {
		t.Errorf("logged the fall back %d times, want once: %q", n, logs.msgs)
	}

	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(60 * time.Millisecond)                 // past the probe interval
	mustWait(t, l, "a turn once Redis answers again") // a fresh Redis: a full burst
	if n := logs.count("Redis answers again"); n != 1 {
		t.Errorf("logged the return %d times, want once: %q", n, logs.msgs)
	}
	n, err := client(t, srv.Addr).DBSize(t.Context()).Result()
	if err != nil || n != 1 {
		t.Errorf("the restarted Redis holds %d keys (%v), want the budget's: the turn was not Redis's", n, err)
	}
}

// The server's word reaches a worker pacing alone too.
func TestRedisDownKeepsTheServersWord(t *testing.T) {
	srv := newRedis(t)
	l := newLimiter(t, srv.Addr, "token", nil, unpaced())
	srv.Stop()
	mustWait(t, l, "a turn in process")
	l.ObserveRate(t.Context(), 429, favorites.Rate{Remaining: -1, RetryAfter: time.Hour})
	refusedAtOnce(t, l, "within the hour the server asked for")
}

// A Redis that accepts connections and never answers costs a request no
// more than the limiter's timeout: the worker paces alone.
func TestRedisSilentPacesAlone(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	held := make(chan net.Conn, 16)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			held <- c // read nothing, answer nothing
		}
	}()
	t.Cleanup(func() {
		for len(held) > 0 {
			(<-held).Close()
		}
	})
	logs := &logRecorder{}
	l := newLimiter(t, ln.Addr().String(), "token", logs)
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
	defer cancel()
	if err := l.Wait(ctx); err != nil || ctx.Err() != nil {
		t.Fatalf("Wait = %v (context done: %v), want a turn in process well before the deadline", err, ctx.Err())
	}
	l.ObserveRate(ctx, 200, favorites.Rate{Remaining: 0, Reset: time.Now().Add(time.Hour)})
	refusedAtOnce(t, l, "within the hour the server asked for")
	if n := logs.count("Redis does not answer"); n != 1 {
		t.Errorf("logged the fall back %d times, want once: %q", n, logs.msgs)
	}
}
