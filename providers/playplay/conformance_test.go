package playplay_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/playplay"
	"github.com/favkit/favorites/providers/playplay/playplaytest"
)

// fastOptions keep the conformance suite quick: short retry waits and no
// client-side limiter.
func fastOptions() []favorites.Option {
	return []favorites.Option{
		favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: 3, MinWait: time.Millisecond, MaxWait: 2 * time.Second}),
		favorites.WithRateLimiter(nil),
	}
}

// libraryMedia is the i-th media of a test library: even ones are uploads,
// odd ones pexels stock media, so every check meets both kinds of ref.
func libraryMedia(i int) playplaytest.Media {
	id := int64(1000 + i)
	if i%2 == 0 {
		return playplaytest.Upload(id)
	}
	return playplaytest.Stock(id, "pexels", fmt.Sprint(50000+i))
}

// refOf is the canonical ref of m: source and raw media ID.
func refOf(m playplaytest.Media) favorites.Ref {
	return playplay.MediaRef{RawMediaID: m.ID, Source: m.Source}.Ref()
}

// longRef is the other spelling the adapter takes for stock media, with the
// stock ID, as earlier versions listed it.
func longRef(m playplaytest.Media) favorites.Ref {
	r := refOf(m)
	r.ID += "~" + m.StockID
	return r
}

func newAdapter(t *testing.T, url, token string, opts ...favorites.Option) *playplay.Adapter {
	t.Helper()
	c, err := playplay.New(url, token, append(fastOptions(), opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return playplay.NewAdapter(c)
}

func TestConformance(t *testing.T) {
	drivertest.Run(t, func(t *testing.T, seeded int) *drivertest.Env {
		srv := playplaytest.NewServer(playplaytest.WithPageSize(10))
		t.Cleanup(srv.Close)
		openClient := func(opts ...favorites.Option) (*playplay.Client, error) {
			return srv.Client(slices.Concat(fastOptions(), []favorites.Option{favorites.WithMaxBodySize(drivertest.BodyCap)}, opts)...)
		}
		client, err := openClient()
		if err != nil {
			t.Fatal(err)
		}
		other, err := srv.AddAccount().Client(fastOptions()...)
		if err != nil {
			t.Fatal(err)
		}
		env := &drivertest.Env{
			Favorites:        playplay.NewAdapter(client),
			WrongCredentials: newAdapter(t, srv.URL, "not-the-token"),
			OtherAccount:     playplay.NewAdapter(other),
			Client:           client,
			Secrets:          []string{srv.Token()},
			Open:             drivertest.OpenWith(openClient, playplay.NewAdapter),
			Native:           func() any { return new(*playplay.Media) },
			Item:             smallMedia,
			Page:             firstPage,
			MaxPageItems:     playplay.MaxPageItems,
			ItemCost:         playplay.ItemCost,
			RemovalMaySkip: "the server picks the page size and a page says no total, so nothing in a reply shows " +
				"that a removal above the read moved the rest up (Client.Favorites; a resumed listing looks again)",
			Faults:      srv.Faults,
			MaxBodySize: drivertest.BodyCap,
			// The server picks the page size and the adapter ignores
			// ListOptions.PageSize; giving the fake's size lets the suite
			// check that the listing takes several pages.
			PageSize: 10,
			// Media the library does not have: an upload and a stock
			// media, in both spellings.
			Missing: []favorites.Ref{{ID: "999999", Source: "upload"}, {ID: "999998", Source: "pexels"},
				{ID: "999997~77", Source: "pexels"}},
		}
		stock := map[favorites.Ref]playplaytest.Media{}
		for i := range 2*seeded + 4 {
			m := libraryMedia(i)
			srv.AddMedia(m)
			if m.StockID != "" {
				stock[refOf(m)] = m
			}
			if i < seeded {
				if err := srv.Favorite(m.ID); err != nil {
					t.Fatal(err)
				}
				env.Seeded = append(env.Seeded, refOf(m))
			} else {
				env.Absent = append(env.Absent, refOf(m))
			}
		}
		env.Spellings = func(ref favorites.Ref) []favorites.Ref {
			if m, ok := stock[ref]; ok {
				return []favorites.Ref{longRef(m)}
			}
			return nil
		}
		for _, p := range malformedPages {
			env.MalformedPages = append(env.MalformedPages, p.body)
		}
		return env
	})
}

// smallMedia is a media as a test writes one by hand: its ID, source and
// type.
func smallMedia(n int) (favorites.Ref, string) {
	id := int64(700000 + n)
	return playplay.MediaRef{RawMediaID: id, Source: "upload"}.Ref(), fmt.Sprintf(`{"id":%d,"source":"upload","type":"image"}`, id)
}

// firstPage is the listing's body of one page, the last: the document's
// nested result set with no next_page.
func firstPage(items []string) string {
	return fmt.Sprintf(`{"results":[{"results":[%s],"next_page":null,"nb_results":%d}],"nb_results":1}`,
		strings.Join(items, ","), len(items))
}
