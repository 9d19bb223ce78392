package mastodon_test

import (
	"context"
	"fmt"
	"net/http"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/jarcoal/httpmock"
)

// Mock the client with httpmock, as docs/testing.md shows: give it an
// *http.Client whose transport is a mock (the process-wide transport is never
// touched), the exact URL of the first page of favourites and a small body,
// with the options of a test that fails at once (no retries, no limiter).
func ExampleNew_httpmock() {
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder("GET", "https://mastodon.example/api/v1/favourites?limit=40",
		httpmock.NewStringResponder(200, `[{"id":"1","content":"<p>hello</p>"}]`))

	client, err := mastodon.New("https://mastodon.example", "token", append(favoritestest.Options(),
		favorites.WithHTTPClient(&http.Client{Transport: mock}))...)
	if err != nil {
		panic(err)
	}
	for st, err := range client.Favourites(nil).All(context.Background()) {
		if err != nil {
			panic(err)
		}
		fmt.Println(st.ID, mastodon.PlainText(st.Content))
	}
	fmt.Println(mock.GetTotalCallCount(), "request")
	// Output:
	// 1 hello
	// 1 request
}
