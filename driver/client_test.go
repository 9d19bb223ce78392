package driver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/jarcoal/httpmock"
	"golang.org/x/time/rate"
)

func TestNewValidatesOptions(t *testing.T) {
	hc := &http.Client{}
	tests := []struct {
		name string
		opts []favorites.Option
		want string // part of the error; "" means no error
	}{
		{"minimal", []favorites.Option{favorites.WithBaseURL("https://a.example")}, ""},
		{"no base URL", nil, "no base URL"},
		{"relative base", []favorites.Option{favorites.WithBaseURL("/api")}, "not an absolute"},
		{"ftp base", []favorites.Option{favorites.WithBaseURL("ftp://a.example")}, "not an absolute"},
		{"base with userinfo", []favorites.Option{favorites.WithBaseURL("https://u:p@a.example")}, "carries credentials"},
		{"base with query", []favorites.Option{favorites.WithBaseURL("https://a.example/?x=1")}, "query or fragment"},
		{"plain http remote", []favorites.Option{favorites.WithBaseURL("http://a.example")}, "plain http"},
		{"plain http loopback", []favorites.Option{favorites.WithBaseURL("http://127.0.0.1:8080")}, ""},
		{"plain http localhost", []favorites.Option{favorites.WithBaseURL("http://localhost:1")}, ""},
		{"plain http opted in", []favorites.Option{favorites.WithBaseURL("http://a.example"), favorites.WithInsecureHTTP()}, ""},
		{"nil http client", []favorites.Option{favorites.WithBaseURL("https://a.example"), favorites.WithHTTPClient(nil)}, "nil *http.Client"},
		{"http client", []favorites.Option{favorites.WithBaseURL("https://a.example"), favorites.WithHTTPClient(hc)}, ""},
		{"empty user agent", []favorites.Option{favorites.WithBaseURL("https://a.example"), favorites.WithUserAgent(" ")}, "WithUserAgent"},
		{"header via WithHeader auth", []favorites.Option{favorites.WithBaseURL("https://a.example"), favorites.WithHeader("authorization", "x")}, "WithHeader: Authorization is not the caller's"},
		{"bad header key", []favorites.Option{favorites.WithBaseURL("https://a.example"), favorites.WithHeader("a b", "x")}, "WithHeader"},
		{"header key net/http refuses", []favorites.Option{favorites.WithBaseURL("https://a.example"), favorites.WithHeader("X(Bad)", "v")}, `WithHeader: "X(Bad)" is not a valid header name`},
		{"negative retries", []favorites.Option{favorites.WithBaseURL("https://a.example"), favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: -1})}, "retry policy"},
		{"max wait below min", []favorites.Option{favorites.WithBaseURL("https://a.example"),
			favorites.WithRetryPolicy(favorites.RetryPolicy{MinWait: time.Second, MaxWait: time.Millisecond})}, "retry policy"},
		{"zero body cap", []favorites.Option{favorites.WithBaseURL("https://a.example"), favorites.WithMaxBodySize(0)}, "WithMaxBodySize: 0 is not positive"},
		{"nil logger", []favorites.Option{favorites.WithBaseURL("https://a.example"), favorites.WithLogger(nil)}, "nil *slog.Logger"},
		{"limiter", []favorites.Option{favorites.WithBaseURL("https://a.example"), favorites.WithRateLimiter(rate.NewLimiter(1, 1))}, ""},
		{"no limiter", []favorites.Option{favorites.WithBaseURL("https://a.example"), favorites.WithRateLimiter(nil)}, ""},
		{"typed-nil limiter", []favorites.Option{favorites.WithBaseURL("https://a.example"), favorites.WithRateLimiter((*rate.Limiter)(nil))},
			"WithRateLimiter: a nil *rate.Limiter"},
		{"nil option", []favorites.Option{favorites.WithBaseURL("https://a.example"), nil}, "a nil Option"},
		// Options written by hand are held to the same rules, and cannot
		// reach the credential.
		{"hand-made Authorization", []favorites.Option{favorites.WithBaseURL("https://a.example"), func(s *favorites.Settings) error {
			s.Header.Set("Authorization", "Basic eDp5")
			return nil
		}}, "WithHeader: Authorization is not the caller's"},
		{"hand-made negative body cap", []favorites.Option{favorites.WithBaseURL("https://a.example"), func(s *favorites.Settings) error {
			s.MaxBodySize = -1
			return nil
		}}, "WithMaxBodySize: -1 is not positive"},
		{"hand-made typed-nil limiter", []favorites.Option{favorites.WithBaseURL("https://a.example"), func(s *favorites.Settings) error {
			s.Limiter = (*rate.Limiter)(nil)
			return nil
		}}, "WithRateLimiter: a nil *rate.Limiter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(Config{Provider: "p"}, tt.opts...)
			if tt.want == "" {
				if err != nil || c == nil {
					t.Fatalf("New: %v", err)
				}
				return
			}
			if !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New = %v, want ErrInvalidArgument mentioning %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "u:p@") {
				t.Errorf("error %q shows the base URL's credentials", err)
			}
		})
	}
}

// A credential is checked when it is made, before any client holds it.
func TestCredentialRefusals(t *testing.T) {
	for _, tt := range []struct {
		name string
		make func() (Credential, error)
		want string
	}{
		{"empty token", func() (Credential, error) { return BearerToken("") }, "empty bearer token"},
		{"token with newline", func() (Credential, error) { return BearerToken("a\nb") }, "control character"},
		{"basic user with colon", func() (Credential, error) { return BasicAuth("a:b", "p") }, "contains ':'"},
		{"basic empty password", func() (Credential, error) { return BasicAuth("a", "") }, "empty basic auth password"},
	} {
		if _, err := tt.make(); !errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want ErrInvalidArgument mentioning %q", tt.name, err, tt.want)
		}
	}
}

// A caller's option cannot replace the provider's credential or its error
// decoding: the request still carries the provider's Authorization, and a
// decoded error keeps the provider's kinds.
func TestCallerOptionsCannotReplaceTheProvidersOwn(t *testing.T) {
	decoder := func(e *favorites.APIError, _ *http.Response) {
		e.Kinds = append(e.Kinds, favorites.ErrAlreadyFavorited)
	}
	c, mt := newMockClientWith(t, Config{Provider: "p", Credential: mustBearerToken(t, "providers"), DecodeError: decoder},
		favorites.WithUserAgent("bot/1.0"), favorites.WithHeader("Accept-Version", "v5"))
	mt.RegisterResponder("GET", testBase+"/x", jsonResponder(422, `{"error":"no"}`))
	req, err := c.NewRequest("GET", "x", nil, nil)
	if err != nil || req.Header.Get("Authorization") != "Bearer providers" {
		t.Fatalf("request %v, %v; want the provider's bearer token", req, err)
	}
	_, err = c.Do(t.Context(), req, nil)
	if !errors.Is(err, favorites.ErrAlreadyFavorited) {
		t.Errorf("Do = %v, want the provider's decoder to have run", err)
	}
}

func TestNewRequest(t *testing.T) {
	c, _ := newMockClient(t, favorites.WithUserAgent("bot/1.0"), favorites.WithHeader("Accept-Version", "v5"))
	type query struct {
		Limit int      `url:"limit,omitempty"`
		Tags  []string `url:"tag"`
	}
	tests := []struct {
		name, method, path string
		q                  any
		body               Body
		wantURL, wantCT    string
		wantBody           string
	}{
		{"relative path", "GET", "favourites", nil, nil, testBase + "/favourites", "", ""},
		{"leading slash", "GET", "/favourites", nil, nil, testBase + "/favourites", "", ""},
		{"struct query", "GET", "fav", query{Limit: 40, Tags: []string{"a", "b c"}}, nil,
			testBase + "/fav?limit=40&tag=a&tag=b+c", "", ""},
		{"url.Values query merged", "GET", "fav?x=1", map[string][]string{"y": {"2"}}, nil,
			testBase + "/fav?x=1&y=2", "", ""},
		{"escaped id", "POST", "statuses/" + mustPathID(t, "café") + "/favourite", nil, nil,
			testBase + "/statuses/caf%C3%A9/favourite", "", ""},
		{"same-host absolute", "GET", testBase + "/favourites?max_id=9", nil, nil,
			testBase + "/favourites?max_id=9", "", ""},
		{"json body", "POST", "fav/insert", nil, JSONBody(map[string]int{"image_id": 8008}),
			testBase + "/fav/insert", "application/json", `{"image_id":8008}`},
		{"form body", "POST", "user/favourites", nil, FormBody(struct {
			Action string `url:"action"`
			ID     string `url:"id"`
		}{"add", "23427-1"}), testBase + "/user/favourites", "application/x-www-form-urlencoded", "action=add&id=23427-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q any = tt.q
			if m, ok := tt.q.(map[string][]string); ok {
				q = url.Values(m)
			}
			req, err := c.NewRequest(tt.method, tt.path, q, tt.body)
			if err != nil {
				t.Fatal(err)
			}
			if got := req.URL.String(); got != tt.wantURL {
				t.Errorf("URL = %s, want %s", got, tt.wantURL)
			}
			checks := map[string]string{
				"Authorization": "Bearer s3cret-token", "User-Agent": "bot/1.0",
				"Accept": "application/json", "Accept-Version": "v5", "Content-Type": tt.wantCT,
			}
			for k, want := range checks {
				if got := req.Header.Get(k); got != want {
					t.Errorf("header %s = %q, want %q", k, got, want)
				}
			}
			if string(req.body) != tt.wantBody {
				t.Errorf("body = %q, want %q", req.body, tt.wantBody)
			}
		})
	}
}

func TestNewRequestRefusesOtherHosts(t *testing.T) {
	c, _ := newMockClient(t)
	for _, u := range []string{
		"https://evil.example/v1/favourites",
		"http://api.example/v1/favourites",
		"https://user:pw@api.example/v1/favourites",
		"//evil.example/x",
	} {
		_, err := c.NewRequest("GET", u, nil, nil)
		if !errors.Is(err, favorites.ErrCrossHostURL) || !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("NewRequest(%q) = %v, want ErrCrossHostURL", u, err)
		}
		if err != nil && strings.Contains(err.Error(), "pw@") {
			t.Errorf("error shows userinfo: %v", err)
		}
	}
}

func TestDoDecodesAndReportsResponse(t *testing.T) {
	c, mt := newMockClient(t)
	mt.RegisterResponder("GET", testBase+"/items", jsonResponder(200, `[{"id":"1"},{"id":"2"}]`,
		"Link", `<https://api.example/v1/items?max_id=2>; rel="next"`,
		"Link", `<https://api.example/v1/items?min_id=1>; rel="prev"`,
		"X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "299",
		"X-RateLimit-Reset", "2026-11-23T07:00:00.123Z"))
	req, _ := c.NewRequest("GET", "items", nil, nil)
	var items []struct{ ID string }
	resp, err := c.Do(t.Context(), req, &items)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || items[1].ID != "2" {
		t.Errorf("decoded %+v", items)
	}
	if resp.NextURL != testBase+"/items?max_id=2" || resp.PrevURL != testBase+"/items?min_id=1" {
		t.Errorf("links next=%q prev=%q", resp.NextURL, resp.PrevURL)
	}
	wantReset := time.Date(2026, 11, 23, 7, 0, 0, 123e6, time.UTC)
	if resp.Rate.Limit != 300 || resp.Rate.Remaining != 299 || !resp.Rate.Reset.Equal(wantReset) {
		t.Errorf("rate = %+v", resp.Rate)
	}
	if resp.StatusCode != 200 {
		t.Errorf("status %d", resp.StatusCode)
	}
}

func TestDoMalformedAndOversizedBodies(t *testing.T) {
	c, mt := newMockClient(t, favorites.WithMaxBodySize(64))
	mt.RegisterResponder("GET", testBase+"/html", httpmock.NewStringResponder(200, "<html>maintenance</html>"))
	mt.RegisterResponder("GET", testBase+"/truncated", jsonResponder(200, `[{"id":"1"`))
	mt.RegisterResponder("GET", testBase+"/big", jsonResponder(200, `["`+strings.Repeat("x", 100)+`"]`))
	mt.RegisterResponder("GET", testBase+"/empty", httpmock.NewStringResponder(204, ""))
	mt.RegisterResponder("GET", testBase+"/blank", httpmock.NewStringResponder(200, " \t\r\n"))
	// Not JSON's white space, though Unicode's: encoding/json refuses it.
	mt.RegisterResponder("GET", testBase+"/vtab", httpmock.NewStringResponder(200, "\v\f\u00a0"))
	tests := []struct {
		path string
		want error
	}{
		{"html", favorites.ErrMalformedReply}, {"truncated", favorites.ErrMalformedReply}, {"big", favorites.ErrResponseTooLarge},
		{"empty", nil}, {"blank", nil}, {"vtab", favorites.ErrMalformedReply},
	}
	for _, tt := range tests {
		req, _ := c.NewRequest("GET", tt.path, nil, nil)
		var v []string
		_, err := c.Do(t.Context(), req, &v)
		if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
			t.Errorf("%s: err = %v, want %v", tt.path, err, tt.want)
		}
	}
}

func TestClientNeverShowsCredentials(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, mt := newMockClient(t, favorites.WithLogger(logger))
	mt.RegisterResponder("GET", testBase+"/x", jsonResponder(503, `{"error":"down"}`))
	req, _ := c.NewRequest("GET", "x", nil, nil)
	_, err := c.Do(t.Context(), req, nil)
	if err == nil {
		t.Fatal("want an error")
	}
	shown := map[string]string{
		"%v":   fmt.Sprintf("%v", c),
		"%+v":  fmt.Sprintf("%+v", c),
		"%#v":  fmt.Sprintf("%#v", c),
		"err":  err.Error(),
		"logs": logs.String(),
	}
	for where, s := range shown {
		if strings.Contains(s, "s3cret") {
			t.Errorf("%s shows the token: %s", where, s)
		}
	}
	if !strings.Contains(logs.String(), "attempt=4") {
		t.Errorf("debug log does not show the retries:\n%s", logs.String())
	}
}

func TestRedactURL(t *testing.T) {
	c, _ := newMockClient(t)
	req, _ := c.NewRequest("GET", "favorites.json?login=me&api_key=k3y&page=2", nil, nil)
	got := redactURL(req.URL)
	if strings.Contains(got, "k3y") || strings.Contains(got, "login=me") || !strings.Contains(got, "page=2") {
		t.Errorf("redactURL = %s", got)
	}
}

func TestHTTPClientReadAtEachRequest(t *testing.T) {
	hc := &http.Client{}
	c, err := New(Config{Provider: "p"}, favorites.WithBaseURL(testBase), favorites.WithHTTPClient(hc))
	if err != nil {
		t.Fatal(err)
	}
	httpmock.ActivateNonDefault(hc) // after New, as users often do
	t.Cleanup(func() { httpmock.DeactivateNonDefault(hc) })
	httpmock.RegisterResponder("GET", testBase+"/x", httpmock.NewStringResponder(200, `"ok"`))
	req, _ := c.NewRequest("GET", "x", nil, nil)
	var s string
	if _, err := c.Do(t.Context(), req, &s); err != nil || s != "ok" {
		t.Fatalf("Do = %q, %v", s, err)
	}
}

func TestLimiterPacesEveryAttempt(t *testing.T) {
	var l countingLimiter
	c, mt := newMockClient(t, favorites.WithRateLimiter(&l))
	mt.RegisterResponder("GET", testBase+"/x",
		sequence(jsonResponder(503, `{}`), jsonResponder(503, `{}`), jsonResponder(200, `{}`)))
	req, _ := c.NewRequest("GET", "x", nil, nil)
	if _, err := c.Do(t.Context(), req, nil); err != nil {
		t.Fatal(err)
	}
	if l.n != 3 {
		t.Errorf("limiter waited %d times for 3 attempts", l.n)
	}
}

type countingLimiter struct{ n int }

func (l *countingLimiter) Wait(ctx context.Context) error { l.n++; return ctx.Err() }

func TestWaitsForUsedUpWindow(t *testing.T) {
	c, mt := newMockClient(t)
	reset := time.Now().Add(300 * time.Millisecond).UTC().Format(time.RFC3339Nano)
	var second time.Time
	mt.RegisterResponder("GET", testBase+"/a", jsonResponder(200, `{}`,
		"X-RateLimit-Remaining", "0", "X-RateLimit-Reset", reset))
	mt.RegisterResponder("GET", testBase+"/b", func(*http.Request) (*http.Response, error) {
		second = time.Now()
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	for _, p := range []string{"a", "b"} {
		req, _ := c.NewRequest("GET", p, nil, nil)
		if _, err := c.Do(t.Context(), req, nil); err != nil {
			t.Fatal(err)
		}
	}
	want, _ := time.Parse(time.RFC3339Nano, reset)
	if second.Before(want) {
		t.Errorf("second request went at %v, before the window reopened at %v", second, want)
	}
}

func TestDoStopsWhenContextEnds(t *testing.T) {
	c, mt := newMockClient(t, favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: 5, MinWait: time.Hour, MaxWait: time.Hour}))
	mt.RegisterResponder("GET", testBase+"/x", jsonResponder(503, `{}`))
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(20*time.Millisecond, cancel)
	req, _ := c.NewRequest("GET", "x", nil, nil)
	_, err := c.Do(ctx, req, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Do = %v, want context.Canceled during an hour-long backoff", err)
	}
}

func mustPathID(t *testing.T, id string) string {
	t.Helper()
	s, err := PathID("id", id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
