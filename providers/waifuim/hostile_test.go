package waifuim_test

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/waifuim"
)

// The typed edits take image IDs as numbers (TestEditRefusesBadInput), so
// the strings the typed client takes are the filter names of a query, which
// go into query values. Each hostile name is refused before sending when the
// service could match nothing with it (empty, white space at an end, a
// control character, longer than any ID); any other is sent as one value of
// its own parameter, intact, and cannot change the path or add a parameter.
func TestHostileFilterNamesStayInTheirValue(t *testing.T) {
	fields := []struct {
		param string
		query func(name string) *waifuim.FavoritesQuery
	}{
		{"included_tags", func(n string) *waifuim.FavoritesQuery { return &waifuim.FavoritesQuery{IncludedTags: []string{n}} }},
		{"excluded_tags", func(n string) *waifuim.FavoritesQuery { return &waifuim.FavoritesQuery{ExcludedTags: []string{n}} }},
		{"included_files", func(n string) *waifuim.FavoritesQuery { return &waifuim.FavoritesQuery{IncludedFiles: []string{n}} }},
		{"excluded_files", func(n string) *waifuim.FavoritesQuery { return &waifuim.FavoritesQuery{ExcludedFiles: []string{n}} }},
	}
	for _, f := range fields {
		for _, h := range drivertest.HostileIDs("maid") {
			t.Run(f.param+"/"+h.Name, func(t *testing.T) {
				c, mt, rec := mockClient(t)
				mt.RegisterResponder(http.MethodGet, waifuim.DefaultBaseURL+"/fav", rec.reply(http.StatusNotFound, noMatch))
				_, _, err := onePage(t.Context(), c, f.query(h.Value))
				if refusable(h.Value) {
					if !errors.Is(err, favorites.ErrInvalidArgument) || len(rec.sent()) != 0 {
						t.Fatalf("%s %.40q: %v after %d requests; want ErrInvalidArgument and none", f.param, h.Value, err, len(rec.sent()))
					}
					t.Logf("| %-14s | %-26s | refused: %s", f.param, h.Name, drivertest.Clip(err.Error(), 80))
					return
				}
				calls := rec.sent()
				if err != nil || len(calls) != 1 {
					t.Fatalf("%s %.40q: %v after %d requests; want one", f.param, h.Value, err, len(calls))
				}
				q, _ := url.ParseQuery(calls[0].Query)
				if calls[0].Path != "/fav" || len(q) != 1 || !slices.Equal(q[f.param], []string{h.Value}) {
					t.Fatalf("%s %.40q: sent %s?%s; want /fav with that one value", f.param, h.Value, calls[0].Path, calls[0].Query)
				}
				t.Logf("| %-14s | %-26s | sent intact: /fav?%s", f.param, h.Name, drivertest.Clip(calls[0].Query, 60))
			})
		}
	}
}

// refusable says which names the service could match nothing with.
func refusable(name string) bool {
	return name == "" || strings.TrimSpace(name) != name || strings.ContainsFunc(name, unicode.IsControl) ||
		len(name) > driver.MaxIDLength
}
