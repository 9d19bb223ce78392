package waifuim_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/waifuim"
)

const (
	deleteURL = "https://api.waifu.im/fav/delete"
	insertURL = "https://api.waifu.im/fav/insert"
	// The service's details, word for word, from its source.
	notInFavorites = `{"detail":"The image you provided do not exist or it is not in the user favorites."}`
	noSuchImage    = `{"detail":"The image you provided does not exist."}`
)

// Remove is nil only for the service's own answers that the image is not
// a favourite or does not exist, or for a 2xx whatever its body; every
// other answer, a 404 of another shape included, is an error.
func TestRemoveReadsTheAnswer(t *testing.T) {
	tests := []struct {
		name, contentType, body string
		status                  int
		wantErr                 bool
	}{
		{"not a favourite", "application/json", notInFavorites, 404, false},
		{"older server's spelling", "application/json", `{"detail":"The image you provided do not exist or it is not in the user favourites"}`, 404, false},
		{"no such image", "application/json", noSuchImage, 404, false},
		{"deleted", "application/json", `{"state":"DELETED"}`, 200, false},
		{"2xx cut short", "application/json", `{"sta`, 200, false},
		{"2xx empty", "application/json", ``, 200, false},
		{"2xx of an unknown state", "application/json", `{"state":"MAYBE"}`, 200, false},
		{"generic 404 of a wrong path", "application/json", `{"detail":"Not Found"}`, 404, true},
		{"HTML 404", "text/html", `<html><head><title>404 Not Found</title></head></html>`, 404, true},
		{"empty 404", "", ``, 404, true},
		{"404 of another service", "application/json", `{"message":"Not Found"}`, 404, true},
		{"404 whose detail is not a string", "application/json", `{"detail":["The image you provided does not exist."]}`, 404, true},
		{"403", "application/json", `{"detail":"You are missing the manage_favorites permission"}`, 403, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt, rec := mockClient(t)
			mt.RegisterResponder(http.MethodPost, deleteURL, rec.reply(tt.status, tt.body, "Content-Type", tt.contentType))
			err := waifuim.NewAdapter(c).Remove(t.Context(), favorites.Ref{ID: "8008"})
			if (err != nil) != tt.wantErr {
				t.Fatalf("Remove answered %d %q: %v; want an error: %v", tt.status, tt.body, err, tt.wantErr)
			}
			if n := len(rec.sent()); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
}

// Add of an image the service does not have is ErrNotFound; of one already
// there, nil; a 2xx is done whatever its body, while the typed Insert still
// reports the body.
func TestAddReadsTheAnswer(t *testing.T) {
	tests := []struct {
		name, body string
		status     int
		want       error // nil: no error
	}{
		{"no such image", noSuchImage, 404, favorites.ErrNotFound},
		{"already a favourite", "file:error_409.json", 409, nil},
		{"inserted", `{"state":"INSERTED"}`, 200, nil},
		{"2xx cut short", `{"state":"INS`, 200, nil},
		{"2xx of an unknown state", `{"state":"MAYBE"}`, 200, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt, rec := mockClient(t)
			body := tt.body
			if name, ok := strings.CutPrefix(body, "file:"); ok {
				body = testdata(t, name)
			}
			mt.RegisterResponder(http.MethodPost, insertURL, rec.reply(tt.status, body))
			err := waifuim.NewAdapter(c).Add(t.Context(), favorites.Ref{ID: "8008"})
			if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Fatalf("Add answered %d %q: %v; want %v", tt.status, body, err, tt.want)
			}
		})
	}
	c, mt, rec := mockClient(t)
	mt.RegisterResponder(http.MethodPost, insertURL, rec.reply(200, `{"state":"INS`))
	if _, _, err := c.Insert(t.Context(), waifuim.Edit{ImageID: 8008}); !errors.Is(err, favorites.ErrMalformedReply) {
		t.Errorf("typed Insert answered 200 with a cut body: %v, want ErrMalformedReply", err)
	}
}

// One spelling per image: leading zeros are made canonical, everything
// else is refused with ErrInvalidArgument naming the canonical form.
func TestCanonical(t *testing.T) {
	tests := []struct {
		ref     favorites.Ref
		want    string // "" when refused
		mention string // what the refusal names
	}{
		{favorites.Ref{ID: "7622"}, "7622", ""},
		{favorites.Ref{ID: "07622"}, "7622", ""},
		{favorites.Ref{ID: "0000000007622"}, "7622", ""},
		{favorites.Ref{ID: "7622", Source: "waifuim"}, "", `"7622"`},
		{favorites.Ref{ID: "+7622"}, "", "such as"},
		{favorites.Ref{ID: "7622.jpg"}, "", "such as"},
		{favorites.Ref{ID: "-7622"}, "", "such as"},
		{favorites.Ref{ID: "0"}, "", "such as"},
		{favorites.Ref{ID: "000"}, "", "such as"},
		{favorites.Ref{ID: " 7622"}, "", "image ID"},
		{favorites.Ref{ID: ""}, "", "image ID"},
		{favorites.Ref{ID: "99999999999999999999"}, "", "such as"},
	}
	a := waifuim.NewAdapter(nil)
	for _, tt := range tests {
		got, err := a.Canonical(tt.ref)
		switch {
		case tt.want != "" && (err != nil || got != favorites.Ref{ID: tt.want}):
			t.Errorf("Canonical(%#v) = %#v, %v; want ID %q", tt.ref, got, err, tt.want)
		case tt.want == "" && (!errors.Is(err, favorites.ErrInvalidArgument) || !strings.Contains(err.Error(), tt.mention)):
			t.Errorf("Canonical(%#v) = %#v, %v; want ErrInvalidArgument naming %s", tt.ref, got, err, tt.mention)
		}
	}
}

// Only the service's own "no match" 404 is an empty listing; any other 404
// is an error, and a 200 that is not a whole list is ErrMalformedReply.
func TestListReadsTheAnswer(t *testing.T) {
	tests := []struct {
		name, body string
		status     int
		want       error // nil: an empty list
	}{
		{"no match", noMatch, 404, nil},
		{"no match, older server", `{"detail":"No image found matching the criteria given"}`, 404, nil},
		{"no match with the gif warning", `{"detail":"No image found matching the criteria given. Please note that there is not much gif in the database, therefore, the more you filter the search the less gifs you will find."}`, 404, nil},
		{"generic 404", `{"detail":"Not Found"}`, 404, favorites.ErrNotFound},
		{"HTML 404 that says the words", `<html><body>No image found matching the criteria given.</body></html>`, 404, favorites.ErrNotFound},
		{"empty 404", ``, 404, favorites.ErrNotFound},
		{"200 with no image", `{"images":[]}`, 200, favorites.ErrMalformedReply},
		{"200 of another shape", `{"results":[{"image_id":1}]}`, 200, favorites.ErrMalformedReply},
		{"an image without an ID", `{"images":[{"image_id":7622},{"image_id":null}]}`, 200, favorites.ErrMalformedReply},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, mt, rec := mockClient(t)
			mt.RegisterResponder(http.MethodGet, favURL, rec.reply(tt.status, tt.body))
			images, _, err := onePage(t.Context(), c, nil)
			if tt.want == nil && (err != nil || images == nil || len(images) != 0) ||
				tt.want != nil && (!errors.Is(err, tt.want) || images != nil) {
				t.Fatalf("Favorites answered %d %q: %d images, %v; want %v", tt.status, tt.body, len(images), err, tt.want)
			}
		})
	}
}

// The malformed item is named by its position.
func TestListNamesTheBadItem(t *testing.T) {
	c, mt, rec := mockClient(t)
	mt.RegisterResponder(http.MethodGet, favURL, rec.reply(200, images(3, func(i int) string { return realImage((2 - i) * 7622) })))
	_, _, err := onePage(t.Context(), c, nil)
	if !errors.Is(err, favorites.ErrMalformedReply) || !strings.Contains(err.Error(), "item 2") {
		t.Fatalf("Favorites with a third image without an ID: %v; want ErrMalformedReply naming item 2", err)
	}
}
