package waifuim_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver/drivertest"
	"github.com/favkit/favorites/providers/waifuim"
	"github.com/favkit/favorites/providers/waifuim/waifuimtest"
)

// fakeAdapter returns an adapter on srv with token, fast retries and no
// client-side limiter.
func fakeAdapter(t *testing.T, srv *waifuimtest.Server, token string, opts ...favorites.Option) *waifuim.Adapter {
	t.Helper()
	c, err := srv.NewClient(token, append([]favorites.Option{fastRetries, favorites.WithRateLimiter(nil)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return waifuim.NewAdapter(c)
}

func refs(ids []int64) []favorites.Ref {
	out := make([]favorites.Ref, len(ids))
	for i, id := range ids {
		out[i] = waifuim.Ref(&waifuim.Image{ImageID: id})
	}
	return out
}

func harness(opts ...waifuimtest.Option) drivertest.Harness {
	return func(t *testing.T, seeded int) *drivertest.Env {
		srv := waifuimtest.NewServer(opts...)
		t.Cleanup(srv.Close)
		ids := srv.GenerateImages(2*seeded + 4)
		if err := srv.Favorite(waifuimtest.UserID, ids[:seeded]...); err != nil {
			t.Fatal(err)
		}
		openClient := func(opts ...favorites.Option) (*waifuim.Client, error) {
			return srv.Client(append([]favorites.Option{fastRetries, favorites.WithRateLimiter(nil), favorites.WithMaxBodySize(drivertest.BodyCap)}, opts...)...)
		}
		client, err := openClient()
		if err != nil {
			t.Fatal(err)
		}
		other, err := srv.AddAccount().Client(fastRetries, favorites.WithRateLimiter(nil))
		if err != nil {
			t.Fatal(err)
		}
		return &drivertest.Env{
			Favorites:        waifuim.NewAdapter(client),
			WrongCredentials: fakeAdapter(t, srv, "not-a-token"),
			OtherAccount:     waifuim.NewAdapter(other),
			Client:           client,
			Secrets:          []string{waifuimtest.Token},
			Open:             drivertest.OpenWith(openClient, waifuim.NewAdapter),
			Native:           func() any { return new(*waifuim.Image) },
			Item:             smallImage,
			Page:             func(items []string) string { return `{"images":[` + strings.Join(items, ",") + `]}` },
			MaxPageItems:     waifuim.MaxFavorites,
			ItemCost:         waifuim.ItemCost,
			Seeded:           refs(ids[:seeded]),
			Absent:           refs(ids[seeded:]),
			// IDs past the catalogue: the fake, like the service, has no
			// such image.
			Missing:        refs([]int64{ids[len(ids)-1] + 1, 1 << 40}),
			Spellings:      spellings,
			MalformedPages: malformedPages,
			Faults:         srv.Faults,
			MaxBodySize:    drivertest.BodyCap,
		}
	}
}

// smallImage is an image as a test writes one by hand: its ID and file
// extension.
func smallImage(n int) (favorites.Ref, string) {
	id := 300000 + n
	return favorites.Ref{ID: strconv.Itoa(id)}, fmt.Sprintf(`{"image_id":%d,"extension":".png"}`, id)
}

// spellings are the other spellings the adapter accepts for a canonical
// ref: the same number with leading zeros.
func spellings(ref favorites.Ref) []favorites.Ref {
	return []favorites.Ref{{ID: "0" + ref.ID}, {ID: "000" + ref.ID}}
}

// malformedPages are 200 answers to GET /fav that hold no whole list of
// images, beyond those the suite makes from an image: each must be
// ErrMalformedReply, never a short or empty list.
var malformedPages = []string{
	`{"images":[]}`, // the service says "none" with its 404 only
	`{"detail":"No image found matching the criteria given."}`,
	`{"images":[{"image_id":0}]}`,
	`{"images":[{"image_id":-7622}]}`,
	`{"images":[{"image_id":7622}]} {}`,
}

func TestConformance(t *testing.T) {
	drivertest.Run(t, harness())
}

// The document's server takes DELETE on /fav/delete and refuses POST.
func TestConformanceDocumentMode(t *testing.T) {
	drivertest.Run(t, harness(waifuimtest.WithDocumentMode()))
}
