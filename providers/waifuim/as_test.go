package waifuim_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/waifuim"
	"github.com/favkit/favorites/providers/waifuim/waifuimtest"
)

// A Favorite the adapter lists carries its image's JSON in Raw, and keeps
// it through a JSON round trip (a backup written and read back), so As
// gives the same *Image from the copy as the typed listing does.
func TestFavoriteAsAfterJSON(t *testing.T) {
	tests := []struct {
		name string
		seed func(*waifuimtest.Server) []int64
	}{
		{"one image", func(s *waifuimtest.Server) []int64 { return s.GenerateImages(1) }},
		{"jpg, gif and nsfw", func(s *waifuimtest.Server) []int64 { return s.GenerateImages(6) }},
		{"no artist, no tags, unicode", func(s *waifuimtest.Server) []int64 {
			s.AddImage(waifuimtest.Image{Signature: "85d7aa55941c7087", Extension: ".png", ImageID: 7622,
				DominantColor: "#dfcdc5", Source: "https://example.com/大熊まい", UploadedAt: time.Unix(1649339507, 0).UTC(),
				Width: 1406, Height: 1875, ByteSize: 1538007, URL: "https://cdn.waifu.im/7622.png",
				PreviewURL: "https://www.waifu.im/preview/7622/"})
			return []int64{7622}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := waifuimtest.NewServer()
			t.Cleanup(srv.Close)
			if err := srv.Favorite(waifuimtest.UserID, tt.seed(srv)...); err != nil {
				t.Fatal(err)
			}
			c, err := srv.NewClient(waifuimtest.Token, favorites.WithRateLimiter(nil))
			if err != nil {
				t.Fatal(err)
			}
			typed, _, err := onePage(t.Context(), c, nil)
			if err != nil {
				t.Fatal(err)
			}
			a := waifuim.NewAdapter(c)
			var got []int64
			for fav, err := range a.List(nil).All(t.Context()) {
				if err != nil {
					t.Fatal(err)
				}
				if len(fav.Raw) == 0 {
					t.Fatalf("%v: listed with an empty Raw", fav.Ref)
				}
				im := asAfterJSON(t, fav)
				got = append(got, im.ImageID)
				if i := len(got) - 1; i >= len(typed) || !reflect.DeepEqual(im, typed[i]) {
					t.Errorf("%v: As after JSON gave %+v; the typed listing has %+v", fav.Ref, im, typed[min(i, len(typed)-1)])
				}
			}
			if want := srv.Favorites(waifuimtest.UserID); len(got) == 0 || !slices.Equal(got, want) {
				t.Errorf("As gave the images %v, want %v", got, want)
			}
		})
	}
}

// asAfterJSON marshals fav, reads it back into a new Favorite and returns
// the *Image its As gives, checking it is fav's image and no other
// provider's Favorite gives one.
func asAfterJSON(t *testing.T, fav favorites.Favorite) *waifuim.Image {
	t.Helper()
	b, err := json.Marshal(fav)
	if err != nil {
		t.Fatal(err)
	}
	var back favorites.Favorite
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	var im *waifuim.Image
	if !back.As(&im) || strconv.FormatInt(im.ImageID, 10) != fav.Ref.ID || string(im.Raw) != string(fav.Raw) {
		t.Fatalf("%v: As after JSON = %v, %+v", fav.Ref, im != nil, im)
	}
	back.Provider = "e621"
	var other *waifuim.Image
	if back.As(&other) {
		t.Errorf("%v: As gave an *Image from a Favorite of another provider", fav.Ref)
	}
	return im
}
