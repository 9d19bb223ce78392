package waifuim_test

import (
	"errors"
	"net"
	"net/http"
	"slices"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/waifuim"
	"github.com/favkit/favorites/providers/waifuim/waifuimtest"
)

// toggleEnv is a fake with one image that is not a favourite yet.
func toggleEnv(t *testing.T) (*waifuimtest.Server, *waifuim.Adapter, favorites.Ref, int64) {
	t.Helper()
	srv := waifuimtest.NewServer()
	t.Cleanup(srv.Close)
	id := srv.GenerateImages(1)[0]
	return srv, fakeAdapter(t, srv, waifuimtest.Token), refs([]int64{id})[0], id
}

func TestToggleIsNotRetriedAfter502(t *testing.T) {
	srv, a, ref, _ := toggleEnv(t)
	srv.Faults.FailNext(1, http.StatusBadGateway)
	before := srv.Faults.Requests()
	if _, err := a.Toggle(t.Context(), ref); !errors.Is(err, favorites.ErrServer) {
		t.Fatalf("Toggle after a 502 = %v, want ErrServer", err)
	}
	if n := srv.Faults.Requests() - before; n != 1 {
		t.Errorf("Toggle made %d requests after a 502, want 1", n)
	}
	if got := srv.Favorites(waifuimtest.UserID); len(got) != 0 {
		t.Errorf("favourites after a refused toggle: %v", got)
	}
}

func TestToggleIsNotRetriedAfterCutConnection(t *testing.T) {
	srv, a, ref, id := toggleEnv(t)
	srv.Faults.Inject(1, favoritestest.Fault{CutAfter: true})
	before := srv.Faults.Requests()
	if _, err := a.Toggle(t.Context(), ref); err == nil {
		t.Fatal("Toggle whose answer was lost returned no error")
	}
	if n := srv.Faults.Requests() - before; n != 1 {
		t.Errorf("Toggle made %d requests, want 1: a repeat would undo the change", n)
	}
	if got := srv.Favorites(waifuimtest.UserID); !slices.Equal(got, []int64{id}) {
		t.Errorf("favourites %v, want the toggle applied once: [%d]", got, id)
	}
}

func TestToggleIsRetriedAfter429(t *testing.T) {
	srv, a, ref, id := toggleEnv(t)
	srv.Faults.Inject(1, favoritestest.Fault{Status: 429, Body: `{"detail":"Too many requests"}`,
		Header: http.Header{"Retry-After": {"0"}}})
	before := srv.Faults.Requests()
	added, err := a.Toggle(t.Context(), ref)
	if err != nil || !added {
		t.Fatalf("Toggle after a 429 = %v, %v; want added", added, err)
	}
	if n := srv.Faults.Requests() - before; n != 2 {
		t.Errorf("Toggle made %d requests, want 2", n)
	}
	if got := srv.Favorites(waifuimtest.UserID); !slices.Equal(got, []int64{id}) {
		t.Errorf("favourites %v, want [%d]", got, id)
	}
}

func TestToggleIsRetriedWhenNotSent(t *testing.T) {
	c, mt, rec := mockClient(t)
	attempts := 0
	ok := rec.reply(200, `{"state":"INSERTED"}`)
	mt.RegisterResponder(http.MethodPost, "https://api.waifu.im/fav/toggle", func(req *http.Request) (*http.Response, error) {
		attempts++
		if attempts == 1 {
			return nil, &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
		}
		return ok(req)
	})
	state, _, err := c.Toggle(t.Context(), waifuim.Edit{ImageID: 8008})
	if err != nil || state != waifuim.StateInserted || attempts != 2 {
		t.Fatalf("Toggle after a dial error = %q, %v after %d attempts; want INSERTED after 2", state, err, attempts)
	}
	checkSent(t, rec.sent()[0], http.MethodPost, "/fav/toggle", "", `{"image_id":8008}`)
}

// Insert and Delete keep the service's meaning; the portable Add and Remove
// are idempotent, so they may be retried after a 502.
func TestAddAndRemoveRetryAfter502(t *testing.T) {
	srv, a, ref, id := toggleEnv(t)
	c, _ := srv.NewClient(waifuimtest.Token, fastRetries, favorites.WithRateLimiter(nil))
	srv.Faults.FailNext(1, http.StatusBadGateway)
	if _, _, err := c.Insert(t.Context(), waifuim.Edit{ImageID: id}); !errors.Is(err, favorites.ErrServer) {
		t.Fatalf("typed Insert after a 502 = %v, want the 502", err)
	}
	// A slice, not a map: Add must come before Remove for the final check.
	for _, op := range []struct {
		name string
		call func() error
	}{
		{"Add", func() error { return a.Add(t.Context(), ref) }},
		{"Remove", func() error { return a.Remove(t.Context(), ref) }},
	} {
		srv.Faults.Inject(1, favoritestest.Fault{CutAfter: true})
		srv.Faults.FailNext(1, http.StatusBadGateway)
		if err := op.call(); err != nil {
			t.Errorf("%s after a lost answer and a 502: %v", op.name, err)
		}
	}
	if got := srv.Favorites(waifuimtest.UserID); len(got) != 0 {
		t.Errorf("after Add then Remove: %v", got)
	}
}

func TestIsFavoriteAsksForOneFile(t *testing.T) {
	c, mt, rec := mockClient(t)
	mt.RegisterResponder(http.MethodGet, favURL, rec.reply(200, testdata(t, "fav.json")))
	a := waifuim.NewAdapter(c)
	if ok, err := a.IsFavorite(t.Context(), favorites.Ref{ID: "7622"}); err != nil || !ok {
		t.Fatalf("IsFavorite(7622) = %v, %v", ok, err)
	}
	checkSent(t, rec.sent()[0], http.MethodGet, "/fav", "included_files=7622", "")
	// A file the server echoes that is another image does not count.
	if ok, err := a.IsFavorite(t.Context(), favorites.Ref{ID: "8008"}); err != nil || ok {
		t.Fatalf("IsFavorite(8008) = %v, %v; want false", ok, err)
	}
	if _, err := a.IsFavorite(t.Context(), favorites.Ref{ID: "1", Source: "x"}); !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("a ref with a source: %v, want ErrInvalidArgument", err)
	}
}
