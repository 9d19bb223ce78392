package drivertest

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/favoritestest"
)

// The toy provider proves the suite: a small HTTP service with page-number
// paging, bearer tokens and idempotent PUT/DELETE, and an adapter on the
// core Client. brokenEnv switches in adapters that break one promise each,
// so that a test can show the suite catches them.
const brokenEnv = "PROVIDERTEST_BROKEN"

// toyBodyCap is the toy adapter's response size cap: small, so that the
// fault matrix's oversize body is quick to send.
const toyBodyCap = 64 << 10

type toyServer struct {
	mu    sync.Mutex
	known map[string]bool // item id -> favourite
	order []string        // favourites, newest first
}

func (s *toyServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer good" {
		http.Error(w, `{"error":"bad token"}`, http.StatusUnauthorized)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id, isItem := strings.CutPrefix(r.URL.Path, "/favs/")
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/favs":
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		lo := min((page-1)*limit, len(s.order))
		_ = json.NewEncoder(w).Encode(s.order[lo:min(lo+limit, len(s.order))])
	case isItem && !s.hasItem(id):
		http.Error(w, `{"error":"no such item"}`, http.StatusNotFound)
	case isItem && r.Method == http.MethodPut:
		if !s.known[id] {
			s.known[id] = true
			s.order = append([]string{id}, s.order...)
		}
		w.WriteHeader(http.StatusNoContent)
	case isItem && r.Method == http.MethodDelete:
		s.known[id] = false
		s.order = slices.DeleteFunc(s.order, func(v string) bool { return v == id })
		w.WriteHeader(http.StatusNoContent)
	default:
		http.Error(w, `{"error":"no route"}`, http.StatusMethodNotAllowed)
	}
}

func (s *toyServer) hasItem(id string) bool { _, ok := s.known[id]; return ok }

type toyAdapter struct {
	c      *driver.Client
	broken string
	last   atomic.Pointer[favorites.Ref] // "shared-scratch": the ref being added, shared by every call
}

func (a *toyAdapter) Provider() string { return "toy" }

func (a *toyAdapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	o, err := driver.ListValues(opts)
	if err != nil {
		return driver.ErrorPager[favorites.Favorite](err)
	}
	limit := cmp.Or(o.PageSize, 50)
	return driver.PageNumberPager(o.Cursor, 1, limit, func(ctx context.Context, page int) ([]favorites.Favorite, *favorites.Response, error) {
		req, err := a.c.NewRequest(http.MethodGet, "favs", struct {
			Page  int `url:"page"`
			Limit int `url:"limit"`
		}{page, limit}, nil)
		if err != nil {
			return nil, nil, err
		}
		var list driver.RawJSON
		resp, err := a.c.Do(ctx, req, &list)
		if err != nil {
			return nil, resp, err
		}
		var favs []favorites.Favorite
		_, err = driver.DecodeItems(ctx, list, driver.ItemRules[string]{Max: limit,
			Item: func(_ int, id *string, raw []byte) error {
				if err := driver.CheckID("item id", *id); err != nil {
					return err
				}
				favs = append(favs, favorites.Favorite{Provider: "toy", Ref: favorites.Ref{ID: *id}, Kind: "item", Raw: raw})
				return nil
			}})
		return favs, resp, err
	})
}

// Canonical takes the toy's second spelling, the ID with Source "toy".
func (a *toyAdapter) Canonical(ref favorites.Ref) (favorites.Ref, error) {
	if ref.Source == "toy" && a.broken != "keeps-spelling" {
		ref.Source = ""
	}
	if ref.Source != "" {
		return favorites.Ref{}, fmt.Errorf("%w: toy refs are an item ID, with no source or source \"toy\"", favorites.ErrInvalidArgument)
	}
	if err := driver.CheckID("item id", ref.ID); err != nil {
		return favorites.Ref{}, err
	}
	return ref, nil
}

func (a *toyAdapter) write(ctx context.Context, method string, ref favorites.Ref) error {
	if a.broken != "no-validation" {
		var err error
		if ref, err = a.Canonical(ref); err != nil {
			return err
		}
	}
	req, err := a.c.NewRequest(method, "favs/"+ref.ID, nil, nil)
	if err != nil {
		return err
	}
	_, err = a.c.Do(ctx, req, nil)
	return err
}

func (a *toyAdapter) Add(ctx context.Context, ref favorites.Ref) error {
	switch {
	case a.broken == "add-twice-fails" && a.has(ctx, ref):
		return errors.New("already there")
	case a.broken == "add-ignores-errors":
		_ = a.write(ctx, http.MethodPut, ref)
		return nil
	case a.broken == "shared-scratch":
		// Race-free but wrong: a concurrent Add may replace the ref
		// between the store and the load.
		a.last.Store(&ref)
		time.Sleep(time.Millisecond)
		ref = *a.last.Load()
	}
	return a.write(ctx, http.MethodPut, ref)
}

// Remove reads the toy's own 404, {"error":"no such item"}, as done: the
// item is not there to be a favourite. Any other 404 is an error.
func (a *toyAdapter) Remove(ctx context.Context, ref favorites.Ref) error {
	err := a.write(ctx, http.MethodDelete, ref)
	var apiErr *favorites.APIError
	switch {
	case a.broken == "remove-ignores-errors":
		return nil
	case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound && apiErr.Message == "no such item":
		return nil
	}
	return err
}

func (a *toyAdapter) has(ctx context.Context, ref favorites.Ref) bool {
	for f, err := range a.List(nil).All(ctx) {
		if err == nil && f.Ref == ref {
			return true
		}
	}
	return false
}

func toyHarness(broken string) Harness {
	return func(t *testing.T, seeded int) *Env {
		srv := &toyServer{known: map[string]bool{}}
		env := &Env{Faults: &favoritestest.Faults{}, PageSize: 4, MaxBodySize: toyBodyCap}
		for i := range 2*seeded + 5 {
			id := strconv.Itoa(1000 + i)
			srv.known[id] = i < seeded
			if i < seeded {
				srv.order = append(srv.order, id)
				env.Seeded = append(env.Seeded, favorites.Ref{ID: id})
			} else {
				env.Absent = append(env.Absent, favorites.Ref{ID: id})
			}
		}
		hs := httptest.NewServer(env.Faults.Wrap(srv))
		t.Cleanup(func() { env.Faults.Close(); hs.Close() })
		adapter := func(token string) *toyAdapter {
			cred, err := driver.BearerToken(token)
			if err != nil {
				t.Fatal(err)
			}
			c, err := driver.New(driver.Config{Provider: "toy", Credential: cred}, favorites.WithBaseURL(hs.URL),
				favorites.WithMaxBodySize(toyBodyCap),
				favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Second}))
			if err != nil {
				t.Fatal(err)
			}
			return &toyAdapter{c: c, broken: broken}
		}
		env.Missing = []favorites.Ref{{ID: "9999"}}
		env.Spellings = func(r favorites.Ref) []favorites.Ref { return []favorites.Ref{{Source: "toy", ID: r.ID}} }
		env.MalformedPages = []string{`[""]`, `[1]`, `["1000", {}]`}
		env.Favorites, env.WrongCredentials = adapter("good"), adapter("bad")
		return env
	}
}

func TestConformanceToy(t *testing.T) {
	Run(t, toyHarness(os.Getenv(brokenEnv)))
}
