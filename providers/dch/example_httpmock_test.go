package dch_test

import (
	"context"
	"fmt"
	"net/http"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/dch"
	"github.com/jarcoal/httpmock"
)

// Mock the client with httpmock, as docs/testing.md shows: the exact URL of the
// favourites and a small body (the HAL list, every favourite in one
// answer), with the options of a test that fails at once (no retries).
func ExampleNew_httpmock() {
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder("GET", "https://api.digitalconcerthall.com/v2/user/favourites",
		httpmock.NewStringResponder(200, `{"_links":{"favourites":[{"href":"//api.digitalconcerthall.com/v2/film/301","updated":1463558400,`+
			`"id":"301","title":"Guardians of Unity","is_free":false,"date":{"published":1463558400},`+
			`"image":{"overview":null,"detail":null},"type":"film"}]}}`))

	client, err := dch.New("token", append(favoritestest.Options(),
		favorites.WithHTTPClient(&http.Client{Transport: mock}))...)
	if err != nil {
		panic(err)
	}
	for fav, err := range client.Favourites().All(context.Background()) {
		if err != nil {
			panic(err)
		}
		fmt.Println(fav.ID, fav.Type, fav.Title)
	}
	fmt.Println(mock.GetTotalCallCount(), "request")
	// Output:
	// 301 film Guardians of Unity
	// 1 request
}
