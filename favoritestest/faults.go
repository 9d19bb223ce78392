// Package favoritestest holds helpers for testing code that uses the SDK:
// [Options], the client options a test wants (no retries, no limiter);
// [Memory], an in-memory Favorites; and the fault injection the fake servers
// of the provider packages (mastodontest, e621test, ...) share, which users
// reach through each fake's Faults field.
package favoritestest

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"time"
)

// Fault is one injected failure. Exactly one of its kinds is used, in this
// order: CutBefore, Stall, CutAfter, Status, then the answer faults
// TruncateBody, CutBody, StallBody, PadBody, ContentType. Delay applies
// before any of them. The zero Fault (with no Delay) injects nothing: the
// request is served as usual.
type Fault struct {
	// Match, when set, picks the requests this fault applies to; others pass
	// untouched and leave the fault queued.
	Match func(*http.Request) bool

	// Delay holds the request this long before anything else happens.
	Delay time.Duration

	// CutBefore closes the connection without serving the request: the
	// server never acts on it.
	CutBefore bool

	// Stall holds the request without answering until the client gives up
	// or the Faults is closed.
	Stall bool

	// CutAfter serves the request, so any change it asks for is applied,
	// then closes the connection without sending the answer.
	CutAfter bool

	// Status answers with this status, Header and Body instead of serving.
	Status int
	Header http.Header
	Body   string

	// The answer faults serve the request, so any change it asks for is
	// applied, then send its answer altered. An answer with no body (a 204)
	// goes out as a 200 for CutBody, StallBody and PadBody, since only a
	// body can be cut, stalled or padded.

	// TruncateBody sends the first half of the body as if it were all of
	// it: the HTTP message is whole, the JSON in it is cut short.
	TruncateBody bool

	// CutBody announces the whole body, sends its first half and closes the
	// connection.
	CutBody bool

	// StallBody sends the headers and the first half of the body, then
	// holds the rest until the client gives up or the Faults is closed.
	StallBody bool

	// PadBody sends the body followed by this many bytes of white space:
	// still valid JSON, but as large as a test needs to pass a size cap.
	PadBody int64

	// ContentType sends the answer with this Content-Type in place of its
	// own.
	ContentType string
}

// Faults injects failures into the requests an http.Handler serves. The zero
// value injects nothing. It is safe for concurrent use.
type Faults struct {
	mu       sync.Mutex
	queue    []Fault
	every    int   // with everyF: fault every every-th request
	seen     int64 // requests counted for every
	everyF   Fault
	latency  time.Duration
	requests atomic.Int64
	once     sync.Once
	shut     sync.Once
	closed   chan struct{}
}

// Inject queues fault for the next n matching requests.
func (f *Faults) Inject(n int, fault Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for range n {
		f.queue = append(f.queue, fault)
	}
}

// FailNext answers the next n requests with status and a small JSON body.
func (f *Faults) FailNext(n, status int) {
	f.Inject(n, Fault{Status: status, Body: `{"error":"injected fault"}`,
		Header: http.Header{"Content-Type": {"application/json"}}})
}

// FailEvery applies fault to every n-th request from now on, as a steady
// rate of failures (n = 5: a fifth of requests); n = 0 stops it. Queued
// faults from Inject come first.
func (f *Faults) FailEvery(n int, fault Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.every, f.everyF, f.seen = n, fault, 0
}

// SetLatency delays every request by d.
func (f *Faults) SetLatency(d time.Duration) {
	f.mu.Lock()
	f.latency = d
	f.mu.Unlock()
}

// Reset drops every queued fault and stops FailEvery, so that the fake
// answers normally again, for a test that checks the state a fault left.
func (f *Faults) Reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queue, f.every, f.everyF, f.seen = nil, 0, Fault{}, 0
}

// Pending is how many injected faults are still queued.
func (f *Faults) Pending() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.queue)
}

// Requests is how many requests have arrived, faulted or not.
func (f *Faults) Requests() int { return int(f.requests.Load()) }

// Close releases stalled requests. A fake's Close calls it.
func (f *Faults) Close() {
	ch := f.closedCh()
	f.shut.Do(func() { close(ch) })
}

func (f *Faults) closedCh() chan struct{} {
	f.once.Do(func() { f.closed = make(chan struct{}) })
	return f.closed
}

// take removes and returns the first queued fault that matches r.
func (f *Faults) take(r *http.Request) (Fault, time.Duration, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, fault := range f.queue {
		if fault.Match == nil || fault.Match(r) {
			f.queue = append(f.queue[:i:i], f.queue[i+1:]...)
			return fault, f.latency, true
		}
	}
	if f.every > 0 {
		if f.seen++; f.seen%int64(f.every) == 0 {
			return f.everyF, f.latency, true
		}
	}
	return Fault{}, f.latency, false
}

// Wrap returns next with the faults applied.
func (f *Faults) Wrap(next http.Handler) http.Handler {
	closed := f.closedCh()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.requests.Add(1)
		fault, latency, ok := f.take(r)
		if !sleep(r, closed, latency+fault.Delay) {
			return
		}
		switch {
		case !ok:
			next.ServeHTTP(w, r)
		case fault.CutBefore:
			hangUp(w)
		case fault.Stall:
			select {
			case <-r.Context().Done():
			case <-closed:
			}
		case fault.CutAfter:
			next.ServeHTTP(httptest.NewRecorder(), r)
			hangUp(w)
		case fault.answerFault():
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, r)
			sendAltered(w, r, closed, fault, rec)
		case fault.Status != 0:
			for k, vs := range fault.Header {
				w.Header()[k] = vs
			}
			w.WriteHeader(fault.Status)
			_, _ = w.Write([]byte(fault.Body))
		default:
			next.ServeHTTP(w, r) // a Fault of Delay alone
		}
	})
}

// sleep waits d unless the request or the fake ends first.
func sleep(r *http.Request, closed <-chan struct{}, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
	case <-closed:
	}
	return false
}

// hangUp closes the connection with no answer.
func hangUp(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("favoritestest: connection cut needs a hijackable ResponseWriter (HTTP/1)")
	}
	conn, _, err := hj.Hijack()
	if err == nil {
		conn.Close()
	}
}
