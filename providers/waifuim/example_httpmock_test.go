package waifuim_test

import (
	"context"
	"fmt"
	"net/http"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/waifuim"
	"github.com/jarcoal/httpmock"
)

// Mock the client with httpmock, as docs/testing.md shows: the exact URL of the
// favourites and a small body, with the options of a test that fails at
// once (no retries, no limiter).
func ExampleNew_httpmock() {
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder("GET", "https://api.waifu.im/fav",
		httpmock.NewStringResponder(200, `{"images":[{"image_id":8108,"signature":"58e6f0372364abda","extension":".png","width":1200,"height":1800,`+
			`"is_nsfw":false,"url":"https://cdn.waifu.im/8108.png","preview_url":"https://www.waifu.im/preview/8108/",`+
			`"uploaded_at":"2022-04-07T13:00:00Z","liked_at":"2024-01-01T12:01:00Z","tags":[{"tag_id":12,"name":"waifu","description":"A female anime/manga character.","is_nsfw":false}]}]}`))

	client, err := waifuim.New("token", append(favoritestest.Options(),
		favorites.WithHTTPClient(&http.Client{Transport: mock}))...)
	if err != nil {
		panic(err)
	}
	for im, err := range client.Favorites(nil).All(context.Background()) {
		if err != nil {
			panic(err)
		}
		fmt.Println(im.ImageID, im.Extension, im.Width, im.Height)
	}
	fmt.Println(mock.GetTotalCallCount(), "request")
	// Output:
	// 8108 .png 1200 1800
	// 1 request
}
