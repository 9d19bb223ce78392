package mastodon_test

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// Remove reads the 404 it gets: Mastodon's "Record not found" (a status it
// does not have) is done; "Not Found", which it also sends for a path it
// has no route for, an HTML page, an empty body or another shape is an
// error. Add of a status it does not have is ErrNotFound. A 2xx is done,
// whatever its body.
func TestWritesReadTheAnswer(t *testing.T) {
	tests := []struct {
		name            string
		status          int
		body            string
		wantAdd, wantRm error // nil: success; else errors.Is
	}{
		{"record not found", 404, `{"error":"Record not found"}`, favorites.ErrNotFound, nil},
		{"not found (no route, or not visible)", 404, `{"error":"Not Found"}`, favorites.ErrNotFound, favorites.ErrNotFound},
		{"html 404", 404, `<html><body>404</body></html>`, favorites.ErrNotFound, favorites.ErrNotFound},
		{"empty 404", 404, ``, favorites.ErrNotFound, favorites.ErrNotFound},
		{"404 of another shape", 404, `{"error":{"message":"Record not found"}}`, favorites.ErrNotFound, favorites.ErrNotFound},
		{"200 with a status", 200, `{"id":"5"}`, nil, nil},
		{"200 cut short", 200, `{"id":"5","content":"ab`, nil, nil},
		{"200 not a status", 200, `<html></html>`, nil, nil},
		{"200 empty", 200, ``, nil, nil},
		{"403", 403, `{"error":"This action is outside the authorized scopes"}`, favorites.ErrForbidden, favorites.ErrForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newMock(t, answer{status: tt.status, body: tt.body})
			a := mastodon.NewAdapter(c)
			ref := favorites.Ref{ID: "5"}
			for _, op := range []struct {
				name string
				err  error
				want error
			}{
				{"Add", a.Add(t.Context(), ref), tt.wantAdd},
				{"Remove", a.Remove(t.Context(), ref), tt.wantRm},
			} {
				if (op.want == nil) != (op.err == nil) || op.want != nil && !errors.Is(op.err, op.want) {
					t.Errorf("%s answered %d %q: %v, want %v", op.name, tt.status, tt.body, op.err, op.want)
				}
			}
		})
	}
}

// The typed calls keep the server's meaning: a 2xx whose body is not a
// status is an error there, though the change was made.
func TestTypedWriteReportsABadBody(t *testing.T) {
	c, _ := newMock(t, answer{status: 200, body: `{"id":"5","content":"ab`})
	st, resp, err := c.Favourite(t.Context(), "5")
	if !errors.Is(err, favorites.ErrMalformedReply) || st != nil {
		t.Errorf("Favourite answered 200 with a cut body: %v, %v; want ErrMalformedReply", st, err)
	}
	// The Response comes with the error: it is how a caller tells that the
	// favourite was made from a refusal.
	if resp == nil || resp.StatusCode != 200 {
		t.Errorf("Response %+v, want the 200", resp)
	}
}

// A status deleted on the server takes its favourite with it: Remove is
// nil, Add is ErrNotFound, on the fake as on Mastodon.
func TestRemoveOfDeletedStatus(t *testing.T) {
	srv := newFake(t)
	id := srv.AddStatuses(1)[0]
	if err := srv.Favorite(mastodontest.DefaultUser, id); err != nil {
		t.Fatal(err)
	}
	if err := srv.DeleteStatus(id); err != nil {
		t.Fatal(err)
	}
	a := mastodon.NewAdapter(newClient(t, srv, mastodontest.Token))
	if err := a.Remove(t.Context(), favorites.Ref{ID: id}); err != nil {
		t.Errorf("Remove of a deleted status: %v, want nil", err)
	}
	if err := a.Add(t.Context(), favorites.Ref{ID: id}); !errors.Is(err, favorites.ErrNotFound) {
		t.Errorf("Add of a deleted status: %v, want ErrNotFound", err)
	}
	if got := srv.Favorites(mastodontest.DefaultUser); len(got) != 0 {
		t.Errorf("favourites after the delete: %v", got)
	}
}

// One spelling: a ref with a source, or a number with a leading zero or
// sign (Mastodon reads "0123" as 123), is refused naming the canonical
// form, and nothing is sent.
func TestCanonical(t *testing.T) {
	a := mastodon.NewAdapter(newClient(t, newFake(t), mastodontest.Token))
	tests := []struct {
		ref      favorites.Ref
		want     favorites.Ref
		wantText string // in the error; "" for none
	}{
		{favorites.Ref{ID: "123"}, favorites.Ref{ID: "123"}, ""},
		{favorites.Ref{ID: "0"}, favorites.Ref{ID: "0"}, ""},
		{favorites.Ref{ID: "AbC9xyz"}, favorites.Ref{ID: "AbC9xyz"}, ""},
		{favorites.Ref{ID: "01ARZ3NDEKTSV4RRFFQ69G5FAV"}, favorites.Ref{ID: "01ARZ3NDEKTSV4RRFFQ69G5FAV"}, ""},
		{favorites.Ref{ID: "0123"}, favorites.Ref{}, "canonical ref 123"},
		{favorites.Ref{ID: "+123"}, favorites.Ref{}, "canonical ref 123"},
		{favorites.Ref{ID: "00"}, favorites.Ref{}, "canonical ref 0"},
		{favorites.Ref{ID: "123", Source: "mastodon"}, favorites.Ref{}, "such as 123"},
	}
	for _, tt := range tests {
		got, err := a.Canonical(tt.ref)
		switch {
		case tt.wantText == "" && (err != nil || got != tt.want):
			t.Errorf("Canonical(%#v) = %v, %v; want %v", tt.ref, got, err, tt.want)
		case tt.wantText != "" && (!errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), tt.wantText)):
			t.Errorf("Canonical(%#v) = %v, %v; want ErrInvalidArgument saying %q", tt.ref, got, err, tt.wantText)
		}
		if tt.wantText != "" {
			if err := a.Remove(t.Context(), tt.ref); !errors.Is(err, favorites.ErrInvalidArgument) {
				t.Errorf("Remove(%#v) = %v, want ErrInvalidArgument", tt.ref, err)
			}
		}
	}
}

// A page with more statuses than asked for, beyond PageMargin, is
// malformed; up to the margin it is read.
func TestPageOverLimitIsMalformed(t *testing.T) {
	item := `{"id":"1"}`
	for _, tt := range []struct {
		n    int
		want error
	}{{10 + mastodon.PageMargin, nil}, {10 + mastodon.PageMargin + 1, favorites.ErrMalformedReply}} {
		c, _ := newMock(t, answer{status: 200, body: "[" + strings.Repeat(item+",", tt.n-1) + item + "]"})
		_, err := c.Favourites(&mastodon.ListOptions{Limit: 10}).NextPage(t.Context())
		if !errors.Is(err, tt.want) && !(tt.want == nil && err == nil) {
			t.Errorf("a page of %d for limit 10: %v, want %v", tt.n, err, tt.want)
		}
	}
}

// Exact resume: a cursor saved after a page, then favourites added and
// removed (listed ones and not yet listed ones), then a resume with another
// page size: every favourite that was there before and still is gets
// listed once, nothing removed is listed, and nothing repeats.
func TestResumeAfterChangesSkipsNothing(t *testing.T) {
	for _, resumeSize := range []int{0, 3, 10, mastodon.MaxLimit} {
		srv := newFake(t)
		before := seedShuffled(t, srv, 23)
		extra := srv.AddStatuses(2)
		a := mastodon.NewAdapter(newClient(t, srv, mastodontest.Token))
		p := a.List(&favorites.ListOptions{PageSize: 7})
		first, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range first.Items {
			got = append(got, f.Ref.ID)
		}
		// Between the runs: unfavourite one listed and two not yet listed
		// statuses, favourite two new ones.
		removed := []string{before[2], before[9], before[20]}
		for _, id := range removed {
			if err := a.Remove(t.Context(), favorites.Ref{ID: id}); err != nil {
				t.Fatal(err)
			}
		}
		for _, id := range extra {
			if err := a.Add(t.Context(), favorites.Ref{ID: id}); err != nil {
				t.Fatal(err)
			}
		}
		resumed := a.List(&favorites.ListOptions{PageSize: resumeSize, Cursor: p.Cursor()})
		var pages []int
		for pg, err := range resumed.Pages(t.Context()) {
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, len(pg.Items))
			for _, f := range pg.Items {
				got = append(got, f.Ref.ID)
			}
		}
		var want []string
		for _, id := range before {
			if !slices.Contains(removed, id) || slices.Index(before, id) < 7 {
				want = append(want, id)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("resume at page size %d: listed %v, want %v", resumeSize, got, want)
		}
		wantSize := resumeSize
		if wantSize == 0 {
			wantSize = 7 // the cursor's own
		}
		if len(pages) == 0 || pages[0] != min(wantSize, 23-7-2) {
			t.Errorf("resume at page size %d: pages of %v", resumeSize, pages)
		}
	}
}

// A cursor whose limit is not one this client sends was not saved by it:
// refused before anything is sent.
func TestCursorWithForeignLimitIsRefused(t *testing.T) {
	srv := newFake(t)
	c := newClient(t, srv, mastodontest.Token)
	for _, cursor := range []string{
		srv.URL + "/api/v1/favourites?limit=80&max_id=5",
		srv.URL + "/api/v1/favourites?limit=x&max_id=5",
		srv.URL + "/api/v1/favourites?limit=0&max_id=5",
		srv.URL + "/api/v1/favourites?max_id=%zz",
	} {
		_, err := c.Favourites(&mastodon.ListOptions{Cursor: cursor}).NextPage(t.Context())
		if !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("cursor %q: %v, want ErrInvalidArgument", cursor, err)
		}
	}
	if n := srv.Faults.Requests(); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

// A listing answered with the fake's own 404 for a wrong path is an error,
// never an empty list.
func TestListOfWrongPathIsAnError(t *testing.T) {
	srv := newFake(t)
	srv.Faults.Inject(1, favoritestest.Fault{Status: http.StatusOK, Body: `{"error":"Not Found"}`})
	_, err := mastodon.NewAdapter(newClient(t, srv, mastodontest.Token)).List(nil).NextPage(t.Context())
	if !errors.Is(err, favorites.ErrMalformedReply) {
		t.Errorf("a listing answered with an object: %v, want ErrMalformedReply", err)
	}
}
