package favorites_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/jarcoal/httpmock"
)

// A Client sends every request through NewRequest and Do. Tests mock it with
// httpmock through WithHTTPClient, never the process-wide transport.
func ExampleClient_Do() {
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder("GET", "https://api.example/v1/items?limit=2",
		httpmock.NewStringResponder(200, `[{"id":"1"},{"id":"2"}]`))
	mock.RegisterResponder("GET", "https://api.example/v1/items/3",
		httpmock.NewStringResponder(404, `{"error":"Record not found"}`))

	c, err := favorites.New("example",
		favorites.WithBaseURL("https://api.example/v1"),
		favorites.WithBearerToken("token"),
		favorites.WithHTTPClient(&http.Client{Transport: mock}))
	if err != nil {
		panic(err)
	}
	ctx := context.Background()

	req, _ := c.NewRequest(http.MethodGet, "items", map[string][]string{"limit": {"2"}}, nil)
	var items []struct{ ID string }
	if _, err := c.Do(ctx, req, &items); err != nil {
		panic(err)
	}
	fmt.Println(len(items), "items, the first", items[0].ID)

	req, _ = c.NewRequest(http.MethodGet, "items/3", nil, nil)
	_, err = c.Do(ctx, req, nil)
	fmt.Println(errors.Is(err, favorites.ErrNotFound), err)
	// Output:
	// 2 items, the first 1
	// true example: GET https://api.example/v1/items/3: 404: Record not found
}

// A Pager walks any listing; All yields items and fetches pages on demand.
func ExampleNewPager() {
	pages := map[string]favorites.Page[string]{
		"":   {Items: []string{"a", "b"}, Next: "p2"},
		"p2": {Items: []string{"c"}},
	}
	p := favorites.NewPager(func(_ context.Context, cursor string) (favorites.Page[string], error) {
		return pages[cursor], nil
	}, "")
	for item, err := range p.All(context.Background()) {
		if err != nil {
			panic(err)
		}
		fmt.Print(item, " ")
	}
	fmt.Println("done:", p.Done())
	// Output: a b c done: true
}

func ExampleParseRef() {
	ref := favorites.Ref{ID: "30452", Source: "upload"}
	back, err := favorites.ParseRef(ref.String())
	fmt.Println(ref, back == ref, err)
	// Output: upload:30452 true <nil>
}

func ExampleDiff() {
	current := []favorites.Ref{{ID: "1"}, {ID: "2"}, {ID: "3"}}
	want := []favorites.Ref{{ID: "3"}, {ID: "4"}}
	add, remove := favorites.Diff(current, want)
	fmt.Println("add", add, "remove", remove)
	// Output: add [4] remove [1 2]
}

// Sync brings any Favorites to a wanted list; favoritestest.Memory stands in
// for a provider here.
func ExampleSync() {
	f := favoritestest.NewMemory("memory", favorites.Ref{ID: "1"}, favorites.Ref{ID: "2"})
	want := []favorites.Ref{{ID: "2"}, {ID: "3"}}
	report, err := favorites.Sync(context.Background(), f, want, &favorites.SyncOptions{Prune: true})
	if err != nil {
		panic(err)
	}
	fmt.Println("added", report.Added, "removed", report.Removed, "unchanged", report.Unchanged)
	fmt.Println("now", f.Refs())
	// Output:
	// added [3] removed [1] unchanged 1
	// now [3 2]
}
