package waifuim_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/favkit/favorites/providers/waifuim"
)

func TestTestdataImagesDecode(t *testing.T) {
	raw := testdata(t, "fav.json")
	images := decodeTestdata(t, raw)
	if len(images) != 1 {
		t.Fatalf("decoded %d images, want 1", len(images))
	}
	im := images[0]
	var doc struct{ Images []json.RawMessage }
	_ = json.Unmarshal([]byte(raw), &doc)
	if string(im.Raw) != string(doc.Images[0]) {
		t.Errorf("Raw %q is not the image's JSON %q", im.Raw, doc.Images[0])
	}
	im.Raw = nil
	want := waifuim.Image{
		Signature: "85d7aa55941c7087", Extension: ".jpg", ImageID: 7622, Favorites: 3,
		DominantColor: "#dfcdc5", Source: "https://www.pixiv.net/en/artworks/95981691",
		Artist: &waifuim.Artist{ArtistID: 54, Name: "大熊まい", Pixiv: "https://www.pixiv.net/users/29449",
			Twitter: "https://twitter.com/m_okuma0831"},
		UploadedAt: time.Date(2022, 4, 7, 13, 51, 47, 979181000, time.UTC),
		LikedAt:    time.Date(2022, 4, 7, 14, 7, 46, 455245000, time.UTC),
		IsNSFW:     false, Width: 1406, Height: 1875, ByteSize: 1538007,
		URL: "https://cdn.waifu.im/7622.jpg", PreviewURL: "https://www.waifu.im/preview/7622/",
		Tags: []waifuim.Tag{{TagID: 12, Name: "waifu", Description: "A female anime/manga character.", IsNSFW: false}},
	}
	if !reflect.DeepEqual(im, want) {
		t.Errorf("decoded\n%+v\nwant\n%+v", im, want)
	}
	// Every key of the document's image is a field of Image: re-encoding
	// gives back the same keys and values.
	var docMap, ourMap map[string]any
	_ = json.Unmarshal(doc.Images[0], &docMap)
	for k, v := range docMap["artist"].(map[string]any) {
		if v == nil { // a link the service does not know: null there, "" here
			docMap["artist"].(map[string]any)[k] = ""
		}
	}
	again, _ := json.Marshal(im)
	_ = json.Unmarshal(again, &ourMap)
	if !reflect.DeepEqual(docMap, ourMap) {
		t.Errorf("re-encoded image differs from the document's:\n%v\n%v", ourMap, docMap)
	}
}

func TestTestdataStatesDecode(t *testing.T) {
	for file, want := range map[string]waifuim.State{"insert.json": waifuim.StateInserted, "delete.json": waifuim.StateDeleted} {
		var got waifuim.StateResponse
		if err := json.Unmarshal([]byte(testdata(t, file)), &got); err != nil || got.State != want {
			t.Errorf("%s: %+v, %v; want state %q", file, got, err, want)
		}
	}
}

func TestToFavorite(t *testing.T) {
	images := decodeTestdata(t, testdata(t, "fav.json"))
	im := &images[0]
	f := waifuim.ToFavorite(im)
	if f.Provider != "waifuim" || f.Ref.ID != "7622" || f.Ref.Source != "" || f.Kind != "image" ||
		f.Title != "85d7aa55941c7087.jpg" || f.URL != im.URL || f.PreviewURL != im.PreviewURL ||
		f.Width != 1406 || f.Height != 1875 || !f.CreatedAt.Equal(im.UploadedAt) ||
		!f.FavoritedAt.Equal(im.LikedAt) || string(f.Raw) != string(im.Raw) {
		t.Errorf("ToFavorite gave %+v", f)
	}
	var back *waifuim.Image
	if !f.As(&back) || back.ImageID != im.ImageID || back.URL != im.URL || string(back.Raw) != string(im.Raw) {
		t.Errorf("Favorite.As did not give the *Image back")
	}
	im.Extension = ".gif"
	if k := waifuim.ToFavorite(im).Kind; k != "gif" {
		t.Errorf("a .gif maps to Kind %q, want gif", k)
	}
}

// decodeTestdata decodes a GET /fav body as the client does: the images
// found in the envelope, one by one.
func decodeTestdata(t *testing.T, body string) []waifuim.Image {
	t.Helper()
	images, err := waifuim.DecodeImages(t.Context(), []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	return images
}
