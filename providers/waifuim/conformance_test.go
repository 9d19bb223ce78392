package waifuim_test

import (
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/providertest"
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

func harness(opts ...waifuimtest.Option) providertest.Harness {
	return func(t *testing.T, seeded int) *providertest.Env {
		srv := waifuimtest.NewServer(opts...)
		t.Cleanup(srv.Close)
		ids := srv.GenerateImages(2*seeded + 4)
		srv.SetFavorite(waifuimtest.UserID, ids[:seeded]...)
		return &providertest.Env{
			Favorites:        fakeAdapter(t, srv, waifuimtest.Token, favorites.WithMaxBodySize(providertest.BodyCap)),
			WrongCredentials: fakeAdapter(t, srv, "not-a-token"),
			Seeded:           refs(ids[:seeded]),
			Absent:           refs(ids[seeded:]),
			Faults:           srv.Faults,
			MaxBodySize:      providertest.BodyCap,
		}
	}
}

func TestConformance(t *testing.T) {
	providertest.Run(t, harness())
}

// The document's server takes DELETE on /fav/delete and refuses POST.
func TestConformanceDocumentMode(t *testing.T) {
	providertest.Run(t, harness(waifuimtest.WithDocumentMode()))
}
