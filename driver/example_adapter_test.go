package driver_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/jarcoal/httpmock"
)

// A whole provider of a paged service, the smallest model of one: a
// service of saved posts (as Lemmy's) that pages by number, newest first,
// 50 at most, and answers {"error":"couldnt_find_post"} for a post it does
// not have. The provider gives the kit its client, its listing (an
// AnchoredList over DecodeItems), its marks (an AnchorMark on the same
// list), its writes, its canonical ref and its error decoder; the kit's
// adapter keeps the portable contract. Its test runs drivertest.Run
// against a fake of the service. (A service that lists nothing for a token
// it does not know, as Lemmy does, also checks the token when the first
// page is empty, so that a bad token is never an empty list.)
func ExampleNewAdapter() {
	mock := savedPostsService() // the service, mocked below
	cred, err := driver.BearerToken("jwt-of-alice")
	if err != nil {
		panic(err)
	}
	c, err := driver.New(driver.Config{Provider: "saved", Credential: cred, DecodeError: decodeError},
		favorites.WithBaseURL("https://lemmy.example/api/v3"), favorites.WithHTTPClient(&http.Client{Transport: mock}))
	if err != nil {
		panic(err)
	}
	list := &driver.AnchoredList[*PostView, int64]{
		Name: "saved", CursorPrefix: "saved.c1.", MaxSize: 50,
		Fetch: func(ctx context.Context, page, size int) (driver.AnchoredPage[*PostView], error) {
			posts, resp, err := savedPage(ctx, c, page, size)
			return driver.AnchoredPage[*PostView]{Items: posts, More: len(posts) == size, Response: resp}, err
		},
		ID:       func(p *PostView) int64 { return p.Post.ID },
		FormatID: func(id int64) string { return strconv.FormatInt(id, 10) },
		ParseID:  func(s string) (int64, error) { return driver.NumericID("post ID", s) },
	}
	marks := &driver.AnchorMark[*PostView, int64]{List: list, Prefix: "saved.m1.", Keep: 8,
		Account: driver.AccountTag("saved", c.BaseURL().String(), "jwt-of-alice"), Whose: "instance or token"}
	save := func(on bool) func(context.Context, favorites.Ref) (*favorites.Response, error) {
		return func(ctx context.Context, ref favorites.Ref) (*favorites.Response, error) {
			id, _ := strconv.ParseInt(ref.ID, 10, 64) // canonical: checked by Canonical
			req, err := c.NewRequest(http.MethodPut, "post/save", nil, driver.JSONBody(map[string]any{"post_id": id, "save": on}))
			if err != nil {
				return nil, err
			}
			return c.Do(ctx, req, nil)
		}
	}
	adapter := driver.NewAdapter(driver.Spec[*PostView]{
		Name: "saved", MaxPageSize: 50,
		Canonical: func(ref favorites.Ref) (favorites.Ref, error) {
			if _, err := driver.NumericID("post ID", ref.ID); err != nil || ref.Source != "" {
				return favorites.Ref{}, fmt.Errorf("%w: a ref is a post ID alone: %v", favorites.ErrInvalidArgument, ref)
			}
			return ref, nil
		},
		List: func(o favorites.ListOptions) *favorites.Pager[*PostView] { return list.Pager(o.Cursor, o.PageSize) },
		Favorite: func(p *PostView) favorites.Favorite {
			return favorites.Favorite{Provider: "saved", Ref: favorites.Ref{ID: strconv.FormatInt(p.Post.ID, 10)},
				Kind: "post", Title: p.Post.Name, Raw: p.Raw}
		},
		Add: save(true), Remove: save(false),
		Changes: func(ctx context.Context, mark string) (driver.ChangeSet[*PostView], error) {
			added, next, err := marks.Since(ctx, mark)
			return driver.ChangeSet[*PostView]{Added: added, Mark: next}, err
		},
	})

	ctx := context.Background()
	from, _ := adapter.Changes(ctx, "")
	for f, err := range adapter.List(&favorites.ListOptions{PageSize: 2}).All(ctx) {
		if err != nil {
			panic(err)
		}
		fmt.Println("saved:", f.Ref.ID, f.Title)
	}
	fmt.Println("save 4:", adapter.Add(ctx, favorites.Ref{ID: "4"}))
	fmt.Println("unsave 99, which the service does not have:", adapter.Remove(ctx, favorites.Ref{ID: "99"}))
	fmt.Println("save 99:", errors.Is(adapter.Add(ctx, favorites.Ref{ID: "99"}), favorites.ErrNotFound))
	changes, _ := adapter.Changes(ctx, from.Mark)
	fmt.Println("saved since the mark:", changes.Added[0].Ref.ID)
	// Output:
	// saved: 3 Post 3
	// saved: 2 Post 2
	// saved: 1 Post 1
	// save 4: <nil>
	// unsave 99, which the service does not have: <nil>
	// save 99: true
	// saved since the mark: 4
}

// PostView is the provider's own type of a saved post; its ID is nested.
type PostView struct {
	Post struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
	} `json:"post"`
	Raw json.RawMessage `json:"-"`
}

// FavoriteProvider names the provider, for favorites.Favorite.As.
func (*PostView) FavoriteProvider() string { return "saved" }

// savedPage reads one page: {"posts":[...]}, capped at size by the first
// pass before any post is decoded, each post with a usable ID. T is a
// pointer, so the Item hook is given a **PostView, and a JSON null item a
// nil *PostView.
func savedPage(ctx context.Context, c *driver.Client, page, size int) ([]*PostView, *favorites.Response, error) {
	req, err := c.NewRequest(http.MethodGet, "post/list", map[string][]string{
		"saved_only": {"true"}, "page": {strconv.Itoa(page)}, "limit": {strconv.Itoa(size)}}, nil)
	if err != nil {
		return nil, nil, err
	}
	var body driver.RawJSON
	resp, err := c.Do(ctx, req, &body)
	if err != nil {
		return nil, resp, err
	}
	posts, err := driver.DecodeItems(ctx, body, driver.ItemRules[*PostView]{Path: []string{"posts"}, Max: size,
		Item: func(_ int, p **PostView, raw []byte) error {
			if *p == nil || (*p).Post.ID < 1 {
				return errors.New("a post without a positive post.id")
			}
			(*p).Raw = raw
			return nil
		}})
	if err != nil {
		return nil, resp, fmt.Errorf("saved: page %d: %w", page, err)
	}
	return posts, resp, nil
}

// decodeError marks the service's own answers: a post it does not have is
// favorites.ErrNoSuchItem (Remove of one is done; Add of one matches
// favorites.ErrNotFound through it).
func decodeError(e *favorites.APIError, _ *http.Response) {
	if e.Message == "couldnt_find_post" {
		e.Kinds = append(e.Kinds, favorites.ErrNoSuchItem)
	}
}

// savedPostsService mocks the service: posts 1 to 9, of which 1, 2 and 3
// are saved (3 the newest), for the token jwt-of-alice.
func savedPostsService() *httpmock.MockTransport {
	saved := []int64{3, 2, 1}
	mock := httpmock.NewMockTransport()
	post := func(id int64) string { return fmt.Sprintf(`{"post":{"id":%d,"name":"Post %d"}}`, id, id) }
	mock.RegisterResponder(http.MethodGet, "https://lemmy.example/api/v3/post/list", func(r *http.Request) (*http.Response, error) {
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
		from := min((page-1)*limit, len(saved))
		var items []string
		for _, id := range saved[from:min(from+limit, len(saved))] {
			items = append(items, post(id))
		}
		return httpmock.NewStringResponse(200, `{"posts":[`+strings.Join(items, ",")+`]}`), nil
	})
	mock.RegisterResponder(http.MethodPut, "https://lemmy.example/api/v3/post/save", func(r *http.Request) (*http.Response, error) {
		var b struct {
			PostID int64 `json:"post_id"`
			Save   bool  `json:"save"`
		}
		if err := json.NewDecoder(r.Body).Decode(&b); err != nil || b.PostID < 1 || b.PostID > 9 {
			return httpmock.NewStringResponse(404, `{"error":"couldnt_find_post"}`), nil
		}
		saved = slices.DeleteFunc(saved, func(id int64) bool { return id == b.PostID })
		if b.Save {
			saved = slices.Insert(saved, 0, b.PostID)
		}
		return httpmock.NewStringResponse(200, `{"post_view":`+post(b.PostID)+`}`), nil
	})
	return mock
}
