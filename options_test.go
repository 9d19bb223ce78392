package favorites

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// errDialed stands for a request that net/http accepted and would send.
var errDialed = errors.New("dialed")

// netHTTPSends reports whether net/http sends a request with the header
// key: value, without reaching any network: the dial fails on purpose.
func netHTTPSends(t *testing.T, key, value string) bool {
	t.Helper()
	tr := &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) { return nil, errDialed }}
	defer tr.CloseIdleConnections()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, "http://a.example/", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header[key] = []string{value}
	_, err = tr.RoundTrip(req)
	return errors.Is(err, errDialed)
}

// checkHeaderAgainstNetHTTP holds WithHeader to net/http: it accepts the
// headers net/http sends, but for the reserved ones, and refuses the rest,
// which would fail every request.
func checkHeaderAgainstNetHTTP(t *testing.T, key, value string) {
	t.Helper()
	var s Settings
	err := WithHeader(key, value)(&s)
	sends := netHTTPSends(t, key, value)
	switch {
	case err == nil && !sends:
		t.Errorf("WithHeader(%q, %q) passed; net/http refuses it", key, value)
	case err != nil && sends && !reservedHeader(http.CanonicalHeaderKey(key)):
		t.Errorf("WithHeader(%q, %q) = %v; net/http sends it", key, value, err)
	case err != nil && !errors.Is(err, ErrInvalidArgument):
		t.Errorf("WithHeader(%q, %q) = %v, want ErrInvalidArgument", key, value, err)
	}
}

func TestWithHeaderKeepsNetHTTPRules(t *testing.T) {
	for _, h := range [][2]string{
		{"X-Ok", "v"}, {"x-ok", ""}, {"X!#$%&'*+-.^_`|~9", "v"}, {"X-Tab", "a\tb"}, {"X-Utf8", "é"},
		{"X(Bad)", "v"}, {"", "v"}, {"X Bad", "v"}, {"X:Bad", "v"}, {"X-Ünï", "v"}, {"X\x00", "v"},
		{"X-Ok", "a\r\nb"}, {"X-Ok", "a\x00b"}, {"X-Ok", "a\x7fb"}, {"X-Ok", "a\x01b"},
	} {
		checkHeaderAgainstNetHTTP(t, h[0], h[1])
	}
}

func FuzzWithHeader(f *testing.F) {
	f.Add("X-Ok", "v")
	f.Add("X(Bad)", "v")
	f.Add("X-Ok", "a\nb")
	f.Fuzz(checkHeaderAgainstNetHTTP)
}

// An Option written by hand is held to the rules of the With functions.
func TestValidateHoldsHandWrittenOptions(t *testing.T) {
	tests := []struct {
		name string
		set  func(*Settings)
		want string // part of the error; "" means none
	}{
		{"as the With functions leave it", func(*Settings) {}, ""},
		{"base URL with userinfo", func(s *Settings) { s.BaseURL.User = url.UserPassword("u", "p") }, "WithBaseURL: \"https://u:xxxxx@a.example/api\" carries credentials"},
		{"base URL with query", func(s *Settings) { s.BaseURL.RawQuery = "x=1" }, "WithBaseURL: \"https://a.example/api?x=1\" has a query"},
		{"base URL with fragment", func(s *Settings) { s.BaseURL.Fragment = "f" }, "has a query or fragment"},
		{"base URL ending in /", func(s *Settings) { s.BaseURL.Path = "/api/" }, "ends in /"},
		{"base URL without host", func(s *Settings) { s.BaseURL.Host = "" }, "not an absolute http(s) URL"},
		{"base URL of another scheme", func(s *Settings) { s.BaseURL.Scheme = "ftp" }, "not an absolute http(s) URL"},
		{"header name", func(s *Settings) { s.Header["X(Bad)"] = []string{"v"} }, `WithHeader: "X(Bad)" is not a valid header name`},
		{"header value", func(s *Settings) { s.Header["X-Ok"] = []string{"v", "a\x00b"} }, "WithHeader: X-Ok: the value"},
		{"credential header", func(s *Settings) { s.Header["proxy-authorization"] = []string{"v"} }, "WithHeader: Proxy-Authorization is not the caller's"},
		{"user agent", func(s *Settings) { s.UserAgent = "bot\x00" }, "WithUserAgent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Settings{HTTPClient: &http.Client{}, UserAgent: "bot/1", Header: http.Header{},
				Retry: DefaultRetryPolicy(), Logger: slog.New(slog.DiscardHandler), MaxBodySize: 1}
			if err := WithBaseURL("https://a.example/api/")(&s); err != nil {
				t.Fatal(err)
			}
			tt.set(&s)
			err := s.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			if !errors.Is(err, ErrInvalidArgument) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Validate() = %v, want ErrInvalidArgument mentioning %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "u:p@") {
				t.Errorf("error %q shows the base URL's password", err)
			}
		})
	}
}
