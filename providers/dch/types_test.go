package dch_test

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/favkit/favorites/providers/dch"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("../../testdata/dch/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func ptr[T any](v T) *T { return &v }

func unix(sec int64) time.Time { return time.Unix(sec, 0).UTC() }

// documentList is the document's example answer, field by field.
func documentList() dch.FavouriteList {
	return dch.FavouriteList{
		Updated: unix(1475074300),
		Favourites: []dch.Favourite{
			{
				ID: "23427-1", Href: "https://tv-dev1.dchdev.net/v2/work/23427-1", Updated: unix(1475074300),
				Title: "[Éclat] (1st Version for 15 instruments from 1965)", ShortTitle: nil, IsFree: false,
				Date: dch.Date{Published: unix(1472720400), Begin: unix(1472229000)},
				Image: dch.Image{
					Overview: ptr(dch.ImageTemplate("https://www-dev1.dchdev.net/cms/thumbnails/{width}x{height}/images/core/BPhil_SSR_260816_040_DCH.jpg")),
					Detail:   ptr(dch.ImageTemplate("https://www-dev1.dchdev.net/cms/thumbnails/{width}x{height}/images/core/BPhil_SSR_260816_040_DCH.jpg")),
				},
				Type: dch.TypeWork,
			},
			{
				ID: "23427-3", Href: "https://tv-dev1.dchdev.net/v2/interview/23427-3", Updated: unix(1473077071),
				Title: "Introduction by Sir Simon Rattle", ShortTitle: nil, IsFree: true,
				Date:  dch.Date{Published: unix(1472720400), Begin: unix(1472229000)},
				Image: dch.Image{Overview: nil, Detail: nil},
				Type:  dch.TypeInterview,
			},
			{
				ID: "301", Href: "https://tv-dev1.dchdev.net/v2/film/301", Updated: unix(1464622718),
				Title: "“Guardians of Unity”: Conductors in conversation", ShortTitle: nil, IsFree: false,
				Date: dch.Date{Published: unix(1463558400)},
				Image: dch.Image{
					Overview: ptr(dch.ImageTemplate("https://www-dev1.dchdev.net/cms/thumbnails/{width}x{height}/images/core/Hueter_Kreis_schwarz_en.jpg")),
					Detail:   ptr(dch.ImageTemplate("https://www-dev1.dchdev.net/cms/thumbnails/{width}x{height}/images/core/dirigentenfilm_dch.jpg")),
				},
				Type: dch.TypeFilm,
			},
		},
	}
}

// withoutRaw clears Raw so the rest compares with reflect.DeepEqual.
func withoutRaw(l dch.FavouriteList) dch.FavouriteList {
	out := l
	out.Favourites = append([]dch.Favourite(nil), l.Favourites...)
	for i := range out.Favourites {
		out.Favourites[i].Raw = nil
	}
	return out
}

func TestDocumentExampleDecodes(t *testing.T) {
	data := readTestdata(t, "favourites.json")
	var got dch.FavouriteList
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if want := documentList(); !reflect.DeepEqual(withoutRaw(got), want) {
		t.Fatalf("decoded\n%+v\nwant\n%+v", withoutRaw(got), want)
	}
	// Raw holds each entry's bytes: compare them with the document's.
	var doc struct {
		Links struct {
			Favourites []json.RawMessage `json:"favourites"`
		} `json:"_links"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for i, f := range got.Favourites {
		if string(f.Raw) != string(doc.Links.Favourites[i]) {
			t.Errorf("entry %d Raw = %s, want %s", i, f.Raw, doc.Links.Favourites[i])
		}
	}
}

func TestFavouriteNullsAndOpenType(t *testing.T) {
	tests := []struct {
		name string
		json string
		want dch.Favourite
	}{
		{
			name: "everything null or absent",
			json: `{"id":"1","href":"//h/v2/x/1","updated":null,"short_title":null,"date":{"published":null,"begin":null},"image":null,"type":"playlist"}`,
			want: dch.Favourite{ID: "1", Href: "https://h/v2/x/1", Type: "playlist"},
		},
		{
			name: "no date and no image objects",
			json: `{"id":"2","href":"https://h/v2/work/2","title":"T","type":"work"}`,
			want: dch.Favourite{ID: "2", Href: "https://h/v2/work/2", Title: "T", Type: dch.TypeWork},
		},
		{
			name: "short title and one image",
			json: `{"id":"3","href":"//h/v2/concert/3","short_title":"S","is_free":true,"updated":0,"image":{"overview":"//i/{width}x{height}/a.jpg"},"type":"concert"}`,
			want: dch.Favourite{ID: "3", Href: "https://h/v2/concert/3", ShortTitle: ptr("S"), IsFree: true,
				Updated: unix(0), Image: dch.Image{Overview: ptr(dch.ImageTemplate("https://i/{width}x{height}/a.jpg"))}, Type: "concert"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got dch.Favourite
			if err := json.Unmarshal([]byte(tt.json), &got); err != nil {
				t.Fatal(err)
			}
			if string(got.Raw) != tt.json {
				t.Errorf("Raw = %s, want the input", got.Raw)
			}
			got.Raw = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestFavouriteListRejectsBadJSON(t *testing.T) {
	for _, body := range []string{`{"updated":"yesterday"}`, `{"_links":{"favourites":[{"id":7}]}}`, `[]`} {
		var l dch.FavouriteList
		if err := json.Unmarshal([]byte(body), &l); err == nil {
			t.Errorf("%s decoded without error: %+v", body, l)
		}
	}
}

func TestImageTemplateURL(t *testing.T) {
	tmpl := dch.ImageTemplate("https://i.example/cms/thumbnails/{width}x{height}/a.jpg")
	tests := []struct {
		tmpl          *dch.ImageTemplate
		width, height int
		want          string
	}{
		{&tmpl, 640, 360, "https://i.example/cms/thumbnails/640x360/a.jpg"},
		{&tmpl, 1920, 1080, "https://i.example/cms/thumbnails/1920x1080/a.jpg"},
		{ptr(dch.ImageTemplate("https://i/{height}/{width}/{width}")), 1, 2, "https://i/2/1/1"},
		{ptr(dch.ImageTemplate("https://i/fixed.jpg")), 1, 2, "https://i/fixed.jpg"},
		{nil, 640, 360, ""},
	}
	for _, tt := range tests {
		if got := tt.tmpl.URL(tt.width, tt.height); got != tt.want {
			t.Errorf("URL(%d, %d) = %q, want %q", tt.width, tt.height, got, tt.want)
		}
	}
}

func TestFavouriteListContains(t *testing.T) {
	l := documentList()
	for id, want := range map[string]bool{"23427-1": true, "301": true, "23427-2": false, "": false} {
		if got := l.Contains(id); got != want {
			t.Errorf("Contains(%q) = %v, want %v", id, got, want)
		}
	}
	var nilList *dch.FavouriteList
	if nilList.Contains("301") {
		t.Error("a nil list contains 301")
	}
}
