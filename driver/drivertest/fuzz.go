package drivertest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/favkit/favorites"
)

// FuzzStatus maps a fuzzed number onto the statuses 200 to 599, so that one
// target feeds the same bodies to the success path and to the error path.
func FuzzStatus(n uint16) int { return 200 + int(n%400) }

// Wire is a mock transport for fuzz targets: it answers every request with
// one fuzzed reply and records what was sent, so a target can check that
// nothing was sent, or exactly what was.
type Wire struct {
	Status int
	Header http.Header
	Body   []byte

	mu   sync.Mutex
	sent []*http.Request
}

// Options are the client options that route requests to w with no retries
// and no rate limiter, so each fuzzed reply is read once and at once. They
// go after a provider's defaults.
func (w *Wire) Options() []favorites.Option {
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(w.respond)
	return []favorites.Option{
		favorites.WithHTTPClient(&http.Client{Transport: mt}),
		favorites.WithRetryPolicy(favorites.RetryPolicy{}),
		favorites.WithRateLimiter(nil),
	}
}

func (w *Wire) respond(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		// Kept for the target to read after the client has closed its copy.
		data, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		r.Body = io.NopCloser(bytes.NewReader(data))
	}
	w.mu.Lock()
	w.sent = append(w.sent, r)
	w.mu.Unlock()
	resp := httpmock.NewBytesResponse(w.Status, w.Body)
	for k, vs := range w.Header {
		resp.Header[k] = vs
	}
	resp.Request = r
	return resp, nil
}

// Sent returns the requests sent so far.
func (w *Wire) Sent() []*http.Request {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]*http.Request(nil), w.sent...)
}

// ReadPages reads at most n pages of p, the way a user's loop would, and
// returns their items and the error that ended the walk (nil at the end or
// after n pages). The bound keeps a reply that always promises another page
// from running a target for long.
func ReadPages[T any](ctx context.Context, p *favorites.Pager[T], n int) ([]T, error) {
	var items []T
	for range n {
		page, err := p.NextPage(ctx)
		if errors.Is(err, favorites.ErrNoMorePages) {
			return items, nil
		}
		if err != nil {
			return items, err
		}
		items = append(items, page.Items...)
	}
	return items, nil
}

// CheckListing asserts what a listing of a fuzzed reply of status gave.
// An error from a status of 400 or more must be an [*favorites.APIError]
// with that status; any other error must match one of allowed (such as
// favorites.ErrMalformedReply). Every listed favourite must name provider,
// carry a Ref that survives Ref.String and favorites.ParseRef (so it has an
// ID, and can be saved and given back to Add or Remove), and hold valid JSON
// in Raw.
func CheckListing(t *testing.T, provider string, status int, favs []favorites.Favorite, err error, allowed ...error) {
	t.Helper()
	if err != nil {
		checkListError(t, status, err, allowed)
		return
	}
	for _, f := range favs {
		if f.Provider != provider {
			t.Errorf("favourite %v: Provider %q, want %q", f.Ref, f.Provider, provider)
		}
		if back, perr := favorites.ParseRef(f.Ref.String()); perr != nil || back != f.Ref {
			t.Errorf("ParseRef(%q) = %#v, %v; want %#v", f.Ref.String(), back, perr, f.Ref)
		}
		if len(f.Raw) > 0 && !json.Valid(f.Raw) {
			t.Errorf("favourite %v: Raw %q is not JSON", f.Ref, f.Raw)
		}
	}
}

func checkListError(t *testing.T, status int, err error, allowed []error) {
	t.Helper()
	var apiErr *favorites.APIError
	if errors.As(err, &apiErr) {
		if apiErr.StatusCode != status || status < 400 {
			t.Errorf("APIError with status %d from a reply of %d: %v", apiErr.StatusCode, status, err)
		}
		return
	}
	if status >= 400 {
		t.Errorf("a reply of %d gave %v, want an *APIError", status, err)
		return
	}
	for _, s := range allowed {
		if errors.Is(err, s) {
			return
		}
	}
	t.Errorf("a reply of %d gave %v, which matches none of %v", status, err, allowed)
}

// CheckRefused asserts that err, the result of options a target found
// invalid, matches favorites.ErrInvalidArgument and that nothing was sent.
func (w *Wire) CheckRefused(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("invalid options gave %v, want ErrInvalidArgument", err)
	}
	if n := len(w.Sent()); n > 0 {
		t.Errorf("invalid options sent %d requests", n)
	}
}

// CheckQuery asserts that r's URL, read back from the text that went on the
// wire, is on host with path and exactly the query want: no value escaped
// its parameter or the query.
func CheckQuery(t *testing.T, r *http.Request, host, path string, want url.Values) {
	t.Helper()
	u, err := url.Parse(r.URL.String())
	if err != nil {
		t.Fatalf("sent URL %q does not parse: %v", r.URL, err)
	}
	if u.Host != host || u.Path != path || u.Fragment != "" {
		t.Errorf("sent %q, want host %q and path %q", u, host, path)
	}
	if got := u.Query(); !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
		t.Errorf("sent query %v, want %v", got, want)
	}
}
