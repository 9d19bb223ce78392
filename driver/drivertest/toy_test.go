package drivertest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/favoritestest"
)

// The toy provider proves the suite: an adapter on the core Client for
// toyServer, with keyset paging, bearer tokens, idempotent PUT/DELETE,
// marks and a check of the token. Like Lemmy, the toy service lists
// nothing for a token it does not know rather than refusing it, and nests
// an item's ID ({"item":{"id":...}}). brokenEnv switches in adapters that
// break one promise each, so that a test can show the suite catches them.
const brokenEnv = "PROVIDERTEST_BROKEN"

// toyBodyCap is the toy adapter's response size cap, the one Env asks of
// a harness: room for a page many times over its cap of the toy's items.
const toyBodyCap = BodyCap

// toyMaxPageSize is the largest page the toy lists, and its default.
const toyMaxPageSize = 100

// toyItemCost is the toy's constant an item in the memory rule: a toyFav
// and its strings, and the Favorite made of it.
const toyItemCost = 512

// The toy's tokens: its user's, another account's, and one it refuses.
const (
	toyToken      = "toy-token-of-the-user"
	toyOtherToken = "toy-token-of-another-account"
	toyBadToken   = "toy-token-refused"
)

type toyAdapter struct {
	c       *driver.Client
	account string // driver.AccountTag of the base URL and token, for marks
	broken  string
	leak    string                        // "prints-token": the token, where fmt finds it
	token   string                        // "error-names-token": the token, for its errors (hides from fmt as leak does not)
	last    atomic.Pointer[favorites.Ref] // "shared-scratch": the ref being added, shared by every call
}

func (a *toyAdapter) Provider() string { return "toy" }

func (a *toyAdapter) List(opts *favorites.ListOptions) *favorites.Pager[favorites.Favorite] {
	o, err := driver.ListValues(opts)
	if err == nil && o.PageSize > toyMaxPageSize && a.broken != "no-page-size-cap" {
		err = fmt.Errorf("%w: page size %d is over %d", favorites.ErrInvalidArgument, o.PageSize, toyMaxPageSize)
	}
	if err != nil {
		return driver.ErrorPager[favorites.Favorite](err)
	}
	limit := cmp.Or(o.PageSize, toyMaxPageSize)
	return favorites.NewPager(func(ctx context.Context, cursor string) (favorites.Page[favorites.Favorite], error) {
		n, err := strconv.ParseInt(cmp.Or(cursor, "0"), 10, 64)
		if err != nil || n < 0 {
			return favorites.Page[favorites.Favorite]{}, fmt.Errorf("%w: cursor %q", favorites.ErrInvalidArgument, cursor)
		}
		q := toyQuery{Limit: limit, Before: n}
		if a.broken == "offset-paging" {
			q = toyQuery{Limit: limit, Offset: n}
		}
		l, err := a.fetch(ctx, q)
		if err == nil && n == 0 && len(l.favs) == 0 && a.broken != "no-empty-page-check" {
			err = a.Verify(ctx, favorites.ReadAccess) // the service lists nothing for a token it does not know
		}
		page := favorites.Page[favorites.Favorite]{Items: l.favs, Response: l.resp}
		switch {
		case err != nil || l.next == nil:
		case a.broken == "offset-paging":
			page.Next = strconv.FormatInt(n+int64(len(l.favs)), 10)
		default:
			page.Next = strconv.FormatInt(*l.next, 10)
		}
		return page, err
	}, o.Cursor)
}

type toyQuery struct {
	Limit  int   `url:"limit"`
	Before int64 `url:"before,omitempty"`
	After  int64 `url:"after,omitempty"`
	Offset int64 `url:"offset,omitempty"`
}

// toyList is one page of the listing as fetch read it.
type toyList struct {
	favs  []favorites.Favorite
	items []toyFav
	next  *int64 // the next page's before; nil on the last
	resp  *favorites.Response
}

// fetch gets one page and checks it: a list of at most the limit, each
// item with a usable ID, and a next page at the last item.
func (a *toyAdapter) fetch(ctx context.Context, q toyQuery) (toyList, error) {
	var l toyList
	req, err := a.c.NewRequest(http.MethodGet, "favs", q, nil)
	if err != nil {
		return l, err
	}
	var body struct {
		Items driver.RawJSON `json:"items"`
		Next  *int64         `json:"next"`
	}
	if l.resp, err = a.c.Do(ctx, req, &body); err != nil {
		return l, err
	}
	if body.Items == nil {
		return l, fmt.Errorf("toy: %w: no list of items", favorites.ErrMalformedReply)
	}
	rules := driver.ItemRules[toyFav]{Max: q.Limit, Item: func(_ int, f *toyFav, raw []byte) error {
		if err := driver.CheckID("item id", f.Item.ID); err != nil && a.broken != "no-id-check" {
			return err
		}
		if a.broken == "raw-not-item" {
			raw = []byte(strconv.Quote(f.Item.ID))
		}
		l.favs = append(l.favs, favorites.Favorite{Provider: "toy", Ref: favorites.Ref{ID: f.Item.ID}, Kind: "item", Title: f.Item.Title, Raw: raw})
		return nil
	}}
	if a.broken == "no-page-cap" || a.broken == "cap-after-decoding" {
		rules.Max = 0
	}
	if l.items, err = driver.DecodeItems(ctx, body.Items, rules); err != nil {
		return toyList{}, fmt.Errorf("toy: %w", err)
	}
	if a.broken == "cap-after-decoding" && len(l.items) > q.Limit {
		return toyList{}, fmt.Errorf("toy: %w: %d items on a page of %d", favorites.ErrMalformedReply, len(l.items), q.Limit)
	}
	if body.Next != nil && (len(l.items) == 0 || *body.Next != l.items[len(l.items)-1].Seq) {
		return toyList{}, fmt.Errorf("toy: %w: next page %d is not at the last item", favorites.ErrMalformedReply, *body.Next)
	}
	l.next = body.Next
	return l, nil
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
	if err != nil && a.broken == "error-names-token" {
		return fmt.Errorf("toy: %s with token %s: %w", method, a.token, err)
	}
	return err
}

// Verify asks the service about the token: GET /me, which refuses one it
// does not know.
func (a *toyAdapter) Verify(ctx context.Context, _ favorites.Access) error {
	if a.broken == "verify-sends-nothing" {
		return nil
	}
	req, err := a.c.NewRequest(http.MethodGet, "me", nil, nil)
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

// toyMarkPrefix starts every toy mark: "toy.mark.v1.<account>.<seq>".
const toyMarkPrefix = "toy.mark.v1."

// Changes lists the favourites made since mark, newest first, in one
// request: those above the mark's sequence number, up to a page of them.
func (a *toyAdapter) Changes(ctx context.Context, mark string) (*favorites.Changes, error) {
	if mark == "" && a.broken == "from-now-lists-all" {
		l, err := a.fetch(ctx, toyQuery{Limit: toyMaxPageSize})
		return &favorites.Changes{Added: l.favs, Mark: a.mark(l.items, 0)}, err
	}
	if mark == "" {
		l, err := a.fetch(ctx, toyQuery{Limit: 1})
		if err != nil {
			return nil, err
		}
		return &favorites.Changes{Mark: a.mark(l.items, 0)}, nil
	}
	seq, err := a.parseMark(mark)
	if err != nil {
		return nil, err
	}
	l, err := a.fetch(ctx, toyQuery{Limit: toyMaxPageSize, After: seq})
	switch {
	case err != nil:
		return nil, err
	case l.next != nil:
		return nil, fmt.Errorf("toy: %w: more than %d favourites since the mark: list in full", favorites.ErrStaleMark, toyMaxPageSize)
	case a.broken == "changes-oldest-first":
		slices.Reverse(l.favs)
	}
	return &favorites.Changes{Added: l.favs, Mark: a.mark(l.items, seq)}, nil
}

// mark is the mark of the newest of items, or of since when there is none.
func (a *toyAdapter) mark(items []toyFav, since int64) string {
	if len(items) > 0 {
		since = items[0].Seq
	}
	return toyMarkPrefix + a.account + "." + strconv.FormatInt(since, 10)
}

func (a *toyAdapter) parseMark(mark string) (int64, error) {
	rest, ok := strings.CutPrefix(mark, toyMarkPrefix)
	account, num, ok2 := strings.Cut(rest, ".")
	seq, err := strconv.ParseInt(num, 10, 64)
	switch {
	case !ok || !ok2 || err != nil || seq < 0:
		return 0, fmt.Errorf("toy: %w: %w: %q is no toy mark", favorites.ErrStaleMark, favorites.ErrInvalidArgument, mark)
	case account != a.account && a.broken != "mark-ignores-account":
		return 0, fmt.Errorf("toy: %w: the mark is another account's", favorites.ErrStaleMark)
	}
	return seq, nil
}

func toyHarness(broken string) Harness {
	return func(t *testing.T, seeded int) *Env {
		srv := newToyServer(toyToken, toyOtherToken)
		env := &Env{Faults: &favoritestest.Faults{}, PageSize: 4, MaxBodySize: toyBodyCap}
		for i := range 2*seeded + 5 {
			id := strconv.Itoa(1000 + i)
			srv.items[id] = true
			if i < seeded {
				srv.favorite(srv.accounts[toyToken], id)
				env.Seeded = append(env.Seeded, favorites.Ref{ID: id})
			} else {
				env.Absent = append(env.Absent, favorites.Ref{ID: id})
			}
		}
		hs := httptest.NewServer(env.Faults.Wrap(srv))
		t.Cleanup(func() { env.Faults.Close(); hs.Close() })
		open := func(token string, opts ...favorites.Option) (*toyAdapter, error) {
			cred, err := driver.BearerToken(token)
			if err != nil {
				return nil, err
			}
			c, err := driver.New(driver.Config{Provider: "toy", Credential: cred}, append([]favorites.Option{favorites.WithBaseURL(hs.URL),
				favorites.WithMaxBodySize(toyBodyCap),
				favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Second})}, opts...)...)
			if err != nil {
				return nil, err
			}
			a := &toyAdapter{c: c, account: driver.AccountTag("toy", hs.URL, token), broken: broken}
			switch broken {
			case "prints-token":
				a.leak = token
			case "error-names-token":
				a.token = token
			}
			return a, nil
		}
		adapter := func(token string) *toyAdapter {
			a, err := open(token)
			if err != nil {
				t.Fatal(err)
			}
			return a
		}
		good := adapter(toyToken)
		env.Favorites, env.WrongCredentials, env.OtherAccount = good, adapter(toyBadToken), adapter(toyOtherToken)
		env.Client, env.Secrets = good.c, []string{toyToken}
		env.Open = func(opts ...favorites.Option) (favorites.Favorites, error) { return open(toyToken, opts...) }
		env.Missing = []favorites.Ref{{ID: "9999"}}
		env.Spellings = func(r favorites.Ref) []favorites.Ref { return []favorites.Ref{{Source: "toy", ID: r.ID}} }
		env.Native = func() any { return new(*toyFav) }
		env.Item = func(n int) (favorites.Ref, string) {
			id := strconv.Itoa(5000 + n)
			return favorites.Ref{ID: id}, fmt.Sprintf(`{"item":{"id":%q,"title":"Item %d"},"seq":%d}`, id, n, n)
		}
		env.Page = func(items []string) string { return `{"items":[` + strings.Join(items, ",") + `],"next":null}` }
		env.MaxPageItems, env.MaxPageSize, env.ItemCost = toyMaxPageSize, toyMaxPageSize, toyItemCost
		return env
	}
}

func TestConformanceToy(t *testing.T) {
	Run(t, toyHarness(os.Getenv(brokenEnv)))
}
