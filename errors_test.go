package favorites

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"syscall"
	"testing"
)

// timeoutErr is a net.Error that timed out, as a transport reports it.
type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func TestIsTemporary(t *testing.T) {
	get := func(err error) error { return &url.Error{Op: "Get", URL: "https://api.example/v1", Err: err} }
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"429", &APIError{StatusCode: 429}, true},
		{"500", &APIError{StatusCode: 500}, true},
		{"503", &APIError{StatusCode: 503}, true},
		{"423 locked", &APIError{StatusCode: 423}, true},
		{"provider's rate limit", &APIError{StatusCode: 403, Kinds: []error{ErrRateLimited}}, true},
		{"wrapped 429", fmt.Errorf("listing: %w", &APIError{StatusCode: 429}), true},
		{"404", &APIError{StatusCode: 404}, false},
		{"401", &APIError{StatusCode: 401}, false},
		{"422", &APIError{StatusCode: 422}, false},
		{"deadline", fmt.Errorf("p: GET x: %w", context.DeadlineExceeded), true},
		{"net timeout", get(timeoutErr{}), true},
		{"wrapped net timeout", fmt.Errorf("p: timeout: %w", get(timeoutErr{})), true},
		{"connection refused", get(&net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}), true},
		{"connection reset", get(&net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}), true},
		{"closed before the answer", get(io.EOF), true},
		{"body cut short", fmt.Errorf("reading body: %w", io.ErrUnexpectedEOF), true},
		{"DNS temporary", get(&net.OpError{Op: "dial", Err: &net.DNSError{IsTemporary: true}}), true},
		{"DNS no such host", get(&net.OpError{Op: "dial", Err: &net.DNSError{IsNotFound: true}}), false},
		{"untrusted certificate", get(x509.UnknownAuthorityError{}), false},
		{"cancelled", fmt.Errorf("p: %w", context.Canceled), false},
		{"invalid argument", ErrInvalidArgument, false},
		{"malformed reply", fmt.Errorf("p: %w", ErrMalformedReply), false},
		{"too large", get(ErrResponseTooLarge), false},
		{"pagination loop", ErrPaginationLoop, false},
		{"page limit", ErrPageLimit, false},
		{"list changed while read", fmt.Errorf("e621: %w: read again later", ErrListChanged), true},
		{"stale mark", ErrStaleMark, false},
		{"unknown", errors.New("connection reset"), false},
		{"nil", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsTemporary(tt.err); got != tt.want {
				t.Errorf("IsTemporary(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

// The service's own "no such item" is ErrNotFound whatever status carried
// it, so a caller needs to test for one sentinel only.
func TestNoSuchItemIsNotFound(t *testing.T) {
	for _, status := range []int{404, 410, 400} {
		e := &APIError{StatusCode: status, Kinds: []error{ErrNoSuchItem}}
		if !errors.Is(e, ErrNotFound) || !errors.Is(e, ErrNoSuchItem) {
			t.Errorf("status %d: Is(ErrNotFound) %v, Is(ErrNoSuchItem) %v", status, errors.Is(e, ErrNotFound), errors.Is(e, ErrNoSuchItem))
		}
	}
	if errors.Is(&APIError{StatusCode: 410}, ErrNotFound) {
		t.Error("a 410 without the kind matches ErrNotFound")
	}
}
