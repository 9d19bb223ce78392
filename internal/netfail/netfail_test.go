package netfail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"syscall"
	"testing"
)

func TestNetwork(t *testing.T) {
	own := errors.New("no responder found") // as httpmock's
	urlOf := func(err error) error { return &url.Error{Op: "Get", URL: "https://x.example/", Err: err} }
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"dial refused", &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}, true},
		{"read reset, in a url.Error", urlOf(&net.OpError{Op: "read", Err: syscall.ECONNRESET}), true},
		{"bare errno", syscall.EPIPE, true},
		{"DNS", &net.DNSError{Err: "no such host", Name: "x.example"}, true},
		{"deadline", context.DeadlineExceeded, true},
		{"closed early", urlOf(io.EOF), true},
		{"body cut", fmt.Errorf("reading body: %w", io.ErrUnexpectedEOF), true},
		{"TLS record", tls.RecordHeaderError{Msg: "first record does not look like a TLS handshake"}, true},
		{"TLS alert", urlOf(tls.AlertError(40)), true},
		{"a transport's own error", own, false},
		{"a transport's own error, in a url.Error", urlOf(own), false},
		{"wrapped twice", fmt.Errorf("client: %w", urlOf(fmt.Errorf("mock: %w", own))), false},
		{"cancelled", context.Canceled, false},
		{"nil", nil, false},
	}
	for _, tt := range tests {
		if got := Network(tt.err); got != tt.want {
			t.Errorf("%s: Network(%v) = %v, want %v", tt.name, tt.err, got, tt.want)
		}
	}
}
