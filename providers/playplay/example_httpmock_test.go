package playplay_test

import (
	"context"
	"fmt"
	"net/http"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/playplay"
	"github.com/jarcoal/httpmock"
)

// Mock the client with httpmock, as docs/testing.md shows: the exact URL of the
// first page of favourites and a small body (PlayPlay nests its page, and
// next_page null ends the list), with the options of a test that fails at
// once (no retries, no limiter).
func ExampleNew_httpmock() {
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder("GET", "https://api.playplay.example/api/v2/users/me/favorites",
		httpmock.NewStringResponder(200, `{"results":[{"results":[{"id":30452,"type":"image","source":"upload","name":"sea.jpeg"}],"next_page":null}]}`))

	client, err := playplay.New("https://api.playplay.example", "token", append(favoritestest.Options(),
		favorites.WithHTTPClient(&http.Client{Transport: mock}))...)
	if err != nil {
		panic(err)
	}
	for m, err := range client.Favorites(nil).All(context.Background()) {
		if err != nil {
			panic(err)
		}
		fmt.Println(m.ID, m.Type, m.Source)
	}
	fmt.Println(mock.GetTotalCallCount(), "request")
	// Output:
	// 30452 image upload
	// 1 request
}
