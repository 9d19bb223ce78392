package favoritestest

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// body is what the handler under test answers: 40 bytes of JSON.
const body = `{"items":["one","two","three","four"]}` + "\n"

// faultServer serves body (or a 204 on DELETE) behind f and counts the
// requests the handler itself served, that is, the changes applied.
func faultServer(t *testing.T, f *Faults) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var served atomic.Int64
	srv := httptest.NewServer(f.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		if r.Method == http.MethodDelete {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, body)
	})))
	t.Cleanup(func() { f.Close(); srv.Close() })
	return srv, &served
}

// result is what a client saw of one request.
type result struct {
	status      int
	contentType string
	body        []byte
	err         error // from the round trip or from reading the body
}

func get(ctx context.Context, t *testing.T, srv *httptest.Server, method string) result {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, method, srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		return result{err: err}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return result{resp.StatusCode, resp.Header.Get("Content-Type"), data, err}
}

func TestAnswerFaultsApplyTheChangeAndAlterTheAnswer(t *testing.T) {
	tests := []struct {
		name   string
		fault  Fault
		method string
		check  func(r result) string
	}{
		{"truncate", Fault{TruncateBody: true}, http.MethodGet, func(r result) string {
			if r.err != nil || string(r.body) != body[:len(body)/2] {
				return "want the first half of the body as a whole message"
			}
			return ""
		}},
		{"cut body", Fault{CutBody: true}, http.MethodGet, func(r result) string {
			if !errors.Is(r.err, io.ErrUnexpectedEOF) || string(r.body) != body[:len(body)/2] {
				return "want half the body, then io.ErrUnexpectedEOF"
			}
			return ""
		}},
		{"pad", Fault{PadBody: 100 << 10}, http.MethodGet, func(r result) string {
			if r.err != nil || len(r.body) != len(body)+100<<10 || strings.TrimSpace(string(r.body)) != strings.TrimSpace(body) {
				return "want the body and 100 KiB of white space"
			}
			return ""
		}},
		{"pad a 204", Fault{PadBody: 10}, http.MethodDelete, func(r result) string {
			if r.status != http.StatusOK || string(r.body) != strings.Repeat(" ", 10) {
				return "want a 200 of white space"
			}
			return ""
		}},
		{"content type", Fault{ContentType: "text/html"}, http.MethodGet, func(r result) string {
			if r.contentType != "text/html" || string(r.body) != body {
				return "want the body labelled text/html"
			}
			return ""
		}},
		{"delay alone", Fault{Delay: time.Millisecond}, http.MethodGet, func(r result) string {
			if r.err != nil || r.status != http.StatusOK || string(r.body) != body {
				return "want the answer as usual"
			}
			return ""
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &Faults{}
			srv, served := faultServer(t, f)
			f.Inject(1, tt.fault)
			r := get(t.Context(), t, srv, tt.method)
			if msg := tt.check(r); msg != "" {
				t.Errorf("%s: got status %d, %q, body %d bytes %.60q, err %v", msg, r.status, r.contentType, len(r.body), r.body, r.err)
			}
			if served.Load() != 1 {
				t.Errorf("the handler served %d requests, want 1: the change is applied", served.Load())
			}
			if again := get(t.Context(), t, srv, http.MethodGet); again.err != nil || string(again.body) != body {
				t.Errorf("the next request got %q, %v; want the answer as usual", again.body, again.err)
			}
		})
	}
}

func TestStallBodySendsHalfAndHoldsTheRest(t *testing.T) {
	f := &Faults{}
	srv, served := faultServer(t, f)
	f.Inject(1, Fault{StallBody: true})
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	r := get(ctx, t, srv, http.MethodGet)
	if r.status != http.StatusOK || !errors.Is(r.err, context.DeadlineExceeded) || string(r.body) != body[:len(body)/2] {
		t.Errorf("stalled body: status %d, %q, %v; want 200, half the body, then the deadline", r.status, r.body, r.err)
	}
	if served.Load() != 1 {
		t.Errorf("the handler served %d requests, want 1", served.Load())
	}
}

func TestResetDropsQueuedAndSteadyFaults(t *testing.T) {
	f := &Faults{}
	srv, _ := faultServer(t, f)
	f.FailNext(3, http.StatusServiceUnavailable)
	f.FailEvery(1, Fault{Status: http.StatusBadGateway})
	f.Reset()
	if f.Pending() != 0 {
		t.Fatalf("Pending after Reset = %d, want 0", f.Pending())
	}
	for range 2 {
		if r := get(t.Context(), t, srv, http.MethodGet); r.status != http.StatusOK {
			t.Fatalf("after Reset a request got %d, want 200", r.status)
		}
	}
}
