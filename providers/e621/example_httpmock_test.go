package e621_test

import (
	"context"
	"fmt"
	"net/http"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/e621"
	"github.com/jarcoal/httpmock"
)

// Mock the client with httpmock, as docs/testing.md shows: the exact URL of the
// first page of favourites and a small body, with the options of a test
// that fails at once (no retries, no limiter).
func ExampleNew_httpmock() {
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder("GET", "https://e621.net/favorites.json?limit=320&page=1",
		httpmock.NewStringResponder(200, `{"posts":[{"id":1001,"created_at":"2024-05-01T12:00:00.000-04:00",`+
			`"file":{"width":800,"height":600,"ext":"png","size":48000,"md5":"0123456789abcdef0123456789abcdef",`+
			`"url":"https://static1.e621.net/data/01/23/0123456789abcdef0123456789abcdef.png"},`+
			`"rating":"s","tags":{"general":["solo"],"artist":["someone"]}}]}`))

	client, err := e621.New("login", "api-key", append(favoritestest.Options(),
		favorites.WithHTTPClient(&http.Client{Transport: mock}))...)
	if err != nil {
		panic(err)
	}
	for post, err := range client.Favorites(nil).All(context.Background()) {
		if err != nil {
			panic(err)
		}
		fmt.Println(post.ID, post.File.Ext, post.File.Width, post.File.Height)
	}
	fmt.Println(mock.GetTotalCallCount(), "request")
	// Output:
	// 1001 png 800 600
	// 1 request
}
