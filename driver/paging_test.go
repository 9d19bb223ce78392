package driver

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/favkit/favorites"
	"github.com/jarcoal/httpmock"
	"go.uber.org/goleak"
)

func TestLinkPager(t *testing.T) {
	c, mt := newMockClient(t)
	mt.RegisterResponder("GET", testBase+"/favourites", func(r *http.Request) (*http.Response, error) {
		switch r.URL.RawQuery {
		case "limit=2":
			return jsonResponder(200, `["a","b"]`,
				"Link", `<https://api.example/v1/favourites?limit=2&min_id=9>; rel="prev"`,
				"Link", `<https://api.example/v1/favourites?limit=2&max_id=7>; rel="next"`)(r)
		case "limit=2&max_id=7":
			return jsonResponder(200, `["c","d"]`, "Link",
				`</v1/favourites?limit=2&max_id=5>; rel="next", </v1/favourites?limit=2&min_id=6>; rel="prev"`)(r)
		case "limit=2&max_id=5":
			return jsonResponder(200, `[]`, "Link", `<https://api.example/v1/favourites?limit=2&min_id=4>; rel="prev"`)(r)
		}
		return httpmock.NewStringResponse(400, "unexpected query "+r.URL.RawQuery), nil
	})
	p := LinkPager[string](c, "favourites", struct {
		Limit int `url:"limit"`
	}{2}, "", ItemRules[string]{})
	got, err := collect(t, p)
	if err != nil || !slices.Equal(got, []string{"a", "b", "c", "d"}) {
		t.Fatalf("LinkPager: %v, %v", got, err)
	}
	if n := mt.GetTotalCallCount(); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
	resumed, err := collect(t, LinkPager[string](c, "favourites", nil, testBase+"/favourites?limit=2&max_id=7", ItemRules[string]{}))
	if err != nil || !slices.Equal(resumed, []string{"c", "d"}) {
		t.Errorf("resumed: %v, %v", resumed, err)
	}
}

func TestLinkPagerRefusesOtherHosts(t *testing.T) {
	c, mt := newMockClient(t)
	mt.RegisterResponder("GET", testBase+"/favourites", jsonResponder(200, `["a"]`,
		"Link", `<https://evil.example/steal>; rel="next"`))
	got, err := collect(t, LinkPager[string](c, "favourites", nil, "", ItemRules[string]{}))
	if !errors.Is(err, favorites.ErrCrossHostURL) || !errors.Is(err, favorites.ErrMalformedReply) || len(got) != 0 {
		t.Fatalf("next link to another host: %v, %v; want the page to fail with ErrCrossHostURL", got, err)
	}
	_, err = collect(t, LinkPager[string](c, "favourites", nil, "https://evil.example/steal", ItemRules[string]{}))
	if !errors.Is(err, favorites.ErrCrossHostURL) {
		t.Errorf("saved cursor on another host: %v", err)
	}
	// A saved cursor goes only to the listing's own path on the base host.
	for _, cursor := range []string{"../2", "/", "?x=1", "/v1/favourites/../admin", "https://api.example/v1/other?max_id=1", "favourites/.."} {
		if _, err := collect(t, LinkPager[string](c, "favourites", nil, cursor, ItemRules[string]{})); !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("cursor %q: %v, want ErrInvalidArgument", cursor, err)
		}
	}
	if n := mt.GetTotalCallCount(); n != 1 {
		t.Errorf("%d requests, want only the first page", n)
	}
}

// A next link the Pager would refuse as a saved cursor fails its page, so
// that Cursor stays at that page and a resume from it is accepted: a Pager
// never hands out a cursor it would refuse.
func TestLinkPagerNeverHandsOutARefusedCursor(t *testing.T) {
	const page2 = testBase + "/favourites?max_id=7"
	for _, bad := range []string{testBase + "/other?max_id=5", "https://evil.example/favourites", testBase + "/favourites?t=s3cret-token"} {
		t.Run(bad, func(t *testing.T) {
			c, mt := newMockClient(t)
			mt.RegisterResponder("GET", testBase+"/favourites", func(r *http.Request) (*http.Response, error) {
				if r.URL.RawQuery == "" {
					return jsonResponder(200, `["a"]`, "Link", "<"+page2+`>; rel="next"`)(r)
				}
				return jsonResponder(200, `["b"]`, "Link", "<"+bad+`>; rel="next"`)(r)
			})
			for name, p := range map[string]*favorites.Pager[string]{
				"All":      LinkPager[string](c, "favourites", nil, "", ItemRules[string]{}),
				"prefetch": LinkPager[string](c, "favourites", nil, "", ItemRules[string]{}).Prefetch(),
			} {
				got, err := collect(t, p)
				if !errors.Is(err, favorites.ErrCrossHostURL) || !errors.Is(err, favorites.ErrMalformedReply) || !slices.Equal(got, []string{"a"}) {
					t.Fatalf("%s: %v, %v; want page 1, then page 2 failing with ErrCrossHostURL", name, got, err)
				}
				if p.Cursor() != page2 {
					t.Fatalf("%s: Cursor() = %q, want page 2's start %q", name, p.Cursor(), page2)
				}
			}
			p := LinkPager[string](c, "favourites", nil, "", ItemRules[string]{})
			if _, err := p.NextPage(t.Context()); err != nil {
				t.Fatal(err)
			}
			if _, err := p.NextPage(t.Context()); !errors.Is(err, favorites.ErrCrossHostURL) || p.Cursor() != page2 {
				t.Fatalf("NextPage of page 2: %v, Cursor() = %q; want ErrCrossHostURL at %q", err, p.Cursor(), page2)
			}
			// The cursor handed out resumes: page 2 is asked again.
			before := mt.GetTotalCallCount()
			_, err := LinkPager[string](c, "favourites", nil, p.Cursor(), ItemRules[string]{}).NextPage(t.Context())
			if errors.Is(err, favorites.ErrInvalidArgument) || mt.GetTotalCallCount() != before+1 {
				t.Fatalf("resume from %q: %v after %d requests; want page 2 asked again", p.Cursor(), err, mt.GetTotalCallCount()-before)
			}
		})
	}
}

func TestSinglePage(t *testing.T) {
	calls := 0
	fetch := func(context.Context) ([]int, *favorites.Response, error) { calls++; return []int{1, 2}, nil, nil }
	got, err := collect(t, SinglePage("", fetch))
	if err != nil || !slices.Equal(got, []int{1, 2}) || calls != 1 {
		t.Fatalf("SinglePage: %v, %v, %d calls", got, err, calls)
	}
	if _, err := collect(t, SinglePage("2", fetch)); !errors.Is(err, favorites.ErrInvalidArgument) || calls != 1 {
		t.Errorf("a cursor on a one-page listing: %v", err)
	}
}

// newServerClient returns a Client on a fresh httptest server run by h,
// and a count of the requests that reached it.
func newServerClient(t *testing.T, h http.HandlerFunc, opts ...favorites.Option) (*Client, *atomic.Int64) {
	t.Helper()
	return newServerClientAs(t, h, mustBearerToken(t, "s3cret-token"), opts...)
}

// newServerClientAs is newServerClient with the credential cred.
func newServerClientAs(t *testing.T, h http.HandlerFunc, cred Credential, opts ...favorites.Option) (*Client, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := New(Config{Provider: "test", Credential: cred},
		append([]favorites.Option{favorites.WithBaseURL(srv.URL + "/v1"), favorites.WithRetryPolicy(favorites.RetryPolicy{})}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c, &hits
}

// A server that gives a fresh next link on every page and never an item
// defeats the loop guard (no cursor repeats); the walk must still end, by
// itself, after MaxEmptyPages requests.
func TestLinkPagerEndsEndlessEmptyPages(t *testing.T) {
	var n atomic.Int64
	c, hits := newServerClient(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", fmt.Sprintf(`<%s?max_id=%d>; rel="next"`, r.URL.Path, n.Add(1)))
		w.Write([]byte(`[]`))
	})
	for name, p := range map[string]*favorites.Pager[string]{
		"All":      LinkPager[string](c, "favourites", nil, "", ItemRules[string]{}),
		"prefetch": LinkPager[string](c, "favourites", nil, "", ItemRules[string]{}).Prefetch(),
	} {
		t.Run(name, func(t *testing.T) {
			hits.Store(0)
			got, err := collect(t, p)
			if !errors.Is(err, favorites.ErrPaginationLoop) || len(got) != 0 {
				t.Fatalf("endless empty pages: %v, %v; want ErrPaginationLoop", got, err)
			}
			if h := hits.Load(); h < favorites.MaxEmptyPages || h > favorites.MaxEmptyPages+1 {
				t.Errorf("%d requests, want %d (one more when prefetching)", h, favorites.MaxEmptyPages)
			}
		})
	}
}

// TestPrefetchThroughClientLeavesNothing breaks out of a real listing while
// the next page's request is held by the server, then checks that no
// goroutine of the SDK or of net/http is left.
func TestPrefetchThroughClientLeavesNothing(t *testing.T) {
	held := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Query().Get("page") == "2" {
			held <- struct{}{}
			<-r.Context().Done()
			return
		}
		w.Header().Set("Link", `</items?page=2>; rel="next"`)
		w.Write([]byte(`[1,2,3]`))
	}))
	tr := &http.Transport{}
	c, err := New(Config{Provider: "test"}, favorites.WithBaseURL(srv.URL), favorites.WithHTTPClient(&http.Client{Transport: tr}), favorites.WithRetryPolicy(fastRetries))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for v, err := range LinkPager[int](c, "/items", nil, "", ItemRules[int]{}).Prefetch().All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if v == 2 {
			await(t, held, "the request for page 2")
			break
		}
	}
	tr.CloseIdleConnections()
	srv.Close()
	if n != 2 {
		t.Fatalf("loop saw %d items before breaking, want 2", n)
	}
	goleak.VerifyNone(t)
}
