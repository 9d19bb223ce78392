package favorites

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"testing"
)

func TestErrorShapes(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		body     string
		wantMsg  string
		wantCode string
		want     error
	}{
		{"mastodon", 404, `{"error":"Record not found"}`, "Record not found", "", ErrNotFound},
		{"mastodon with description", 401, `{"error":"invalid_token","error_description":"The access token is invalid"}`,
			"invalid_token: The access token is invalid", "", ErrUnauthorized},
		{"e621 reason", 403, `{"success":false,"reason":"Access Denied: This users favorites are hidden"}`,
			"Access Denied: This users favorites are hidden", "", ErrForbidden},
		{"e621 message and code", 422, `{"success":false,"message":"You have already favorited this post","code":null}`,
			"You have already favorited this post", "", ErrUnprocessable},
		{"e621 uuid code", 500, `{"success":false,"message":"boom","code":"9b2c-11"}`, "boom", "9b2c-11", ErrServer},
		{"waifu detail", 409, `{"detail":"The image you provided is already in the user favorites"}`,
			"The image you provided is already in the user favorites", "", ErrConflict},
		{"fastapi validation detail", 400, `{"detail":[{"loc":["query","width"],"msg":"bad operator"}]}`, "bad operator", "", ErrBadRequest},
		{"dch message", 401, `{"message":"A Token was not found in the TokenStorage."}`,
			"A Token was not found in the TokenStorage.", "", ErrUnauthorized},
		{"dch nested error", 405, `{"error":{"message":"No route found for \"POST /v2/user\": Method Not Allowed (Allow: GET)"}}`,
			`No route found for "POST /v2/user": Method Not Allowed (Allow: GET)`, "", ErrMethodNotAllowed},
		{"html page", 403, "<!DOCTYPE html><html><head><title>\n Access  denied </title></head><body>...</body></html>",
			"Access denied", "", ErrForbidden},
		{"html without title", 502, "<html><body><h1>Bad Gateway</h1></body></html>", "Bad Gateway", "", ErrServer},
		{"empty body", 429, "", "Too Many Requests", "", ErrRateLimited},
		{"short text", 503, "upstream overloaded", "upstream overloaded", "", ErrServer},
		{"json without known fields", 409, `{"foo":1}`, "Conflict", "", ErrConflict},
		{"long message cut at a rune", 400, `{"error":"` + strings.Repeat("é", 300) + `"}`,
			strings.Repeat("é", 256) + "...", "", ErrBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt := newMockClient(t, WithRetryPolicy(RetryPolicy{}))
			mt.RegisterResponder("GET", testBase+"/x", jsonResponder(tt.status, tt.body, "X-Request-Id", "req-1"))
			req, _ := c.NewRequest("GET", "x", nil, nil)
			resp, err := c.Do(t.Context(), req, nil)
			var apiErr *APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v, want *APIError", err)
			}
			if apiErr.Message != tt.wantMsg || apiErr.Code != tt.wantCode {
				t.Errorf("Message %q Code %q, want %q %q", apiErr.Message, apiErr.Code, tt.wantMsg, tt.wantCode)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.want)
			}
			if apiErr.StatusCode != tt.status || apiErr.RequestID != "req-1" || apiErr.Provider != "test" ||
				apiErr.Method != "GET" || apiErr.URL != testBase+"/x" || string(apiErr.Body) != tt.body {
				t.Errorf("APIError fields: %+v", apiErr)
			}
			if resp == nil || resp.StatusCode != tt.status {
				t.Errorf("Do returned no Response with its error")
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("Error() = %q lacks the message", err.Error())
			}
		})
	}
}

func TestErrorDecoderAddsKinds(t *testing.T) {
	decoder := func(e *APIError, _ *http.Response) {
		if e.StatusCode == 422 && strings.Contains(e.Message, "already favorited") {
			e.Kinds = append(e.Kinds, ErrAlreadyFavorited)
		}
	}
	c, mt := newMockClient(t, WithErrorDecoder(decoder))
	mt.RegisterResponder("POST", testBase+"/already", jsonResponder(422, `{"message":"You have already favorited this post"}`))
	mt.RegisterResponder("POST", testBase+"/full", jsonResponder(422, `{"message":"You can only keep up to 100000 favorites."}`))
	for path, want := range map[string]bool{"already": true, "full": false} {
		req, _ := c.NewRequest("POST", path, nil, nil)
		_, err := c.Do(t.Context(), req, nil)
		if errors.Is(err, ErrAlreadyFavorited) != want || !errors.Is(err, ErrUnprocessable) {
			t.Errorf("%s: %v: ErrAlreadyFavorited %v, want %v", path, err, !want, want)
		}
	}
}

func TestErrorBodyIsCapped(t *testing.T) {
	c, mt := newMockClient(t)
	mt.RegisterResponder("GET", testBase+"/x", jsonResponder(400, `{"detail":"`+strings.Repeat("x", 2*MaxErrorBody)+`"}`))
	req, _ := c.NewRequest("GET", "x", nil, nil)
	_, err := c.Do(t.Context(), req, nil)
	var apiErr *APIError
	if !errors.As(err, &apiErr) || len(apiErr.Body) != MaxErrorBody {
		t.Fatalf("err %v: body of %d bytes kept, want %d", err, len(apiErr.Body), MaxErrorBody)
	}
}

// timeoutErr is a net.Error that timed out, as a transport reports it.
type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func TestIsTemporary(t *testing.T) {
	get := func(err error) error { return &url.Error{Op: "Get", URL: testBase, Err: err} }
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
		{"scrubbed net timeout", &scrubbedError{text: "p: timeout", err: get(timeoutErr{})}, true},
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

// TestIsTemporaryOnARealFailure: a server that drops the connection before
// answering gives an error worth a later retry.
func TestIsTemporaryOnARealFailure(t *testing.T) {
	c, _ := newServerClient(t, func(w http.ResponseWriter, _ *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	req, _ := c.NewRequest("GET", "x", nil, nil)
	_, err := c.Do(t.Context(), req, nil)
	if err == nil || !IsTemporary(err) {
		t.Fatalf("a dropped connection: %v, IsTemporary %v", err, IsTemporary(err))
	}
}
