package driver_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
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

	cred, err := driver.BearerToken("token")
	if err != nil {
		panic(err)
	}
	c, err := driver.New(driver.Config{Provider: "example", Credential: cred},
		favorites.WithBaseURL("https://api.example/v1"),
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
