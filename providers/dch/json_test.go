package dch_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/favkit/favorites/providers/dch"
)

// jsonCase is one value that must survive json.Marshal then
// json.Unmarshal: roundTrip decodes the output into a new value of the
// same type.
type jsonCase struct {
	name      string
	value     any
	roundTrip func(data []byte) (any, error)
}

func caseOf[T any](name string, v T) jsonCase {
	return jsonCase{name, v, func(data []byte) (any, error) {
		var out T
		err := json.Unmarshal(data, &out)
		return out, err
	}}
}

// jsonCases are the document's list, each of its entries, and the values
// the service leaves null or out, as the list and as each exported type
// on its own.
func jsonCases() []jsonCase {
	doc := documentList()
	tmpl := dch.ImageTemplate("https://i.example/{width}x{height}/a&b.jpg")
	cases := []jsonCase{
		caseOf("the document's list", doc),
		caseOf("a list without updated", dch.FavouriteList{Favourites: doc.Favourites[1:]}),
		caseOf("an empty list", dch.FavouriteList{Updated: unix(1475074300), Favourites: []dch.Favourite{}}),
		caseOf("a favourite with nothing optional", dch.Favourite{ID: "1", Href: "https://h/v2/x/1", Type: "playlist"}),
		caseOf("a favourite with a short title and one image", dch.Favourite{ID: "3", Href: "https://h/v2/concert/3",
			Updated: unix(0), Title: `<Title> & "quotes"`, ShortTitle: ptr("S"), IsFree: true,
			Date: dch.Date{Begin: unix(-86400)}, Image: dch.Image{Detail: &tmpl}, Type: "concert"}),
		caseOf("a date with both times", doc.Favourites[0].Date),
		caseOf("a date without begin", doc.Favourites[2].Date),
		caseOf("no dates", dch.Date{}),
		caseOf("both images", doc.Favourites[0].Image),
		caseOf("one image", dch.Image{Overview: &tmpl}),
		caseOf("no images", dch.Image{}),
		caseOf("an image template", tmpl),
		caseOf("a type", dch.TypeInterview),
	}
	for _, f := range doc.Favourites {
		cases = append(cases, caseOf("the document's entry "+f.ID, f))
	}
	return cases
}

// Every exported DCH type survives its own JSON: decoding what Marshal
// writes gives back the same value (a favourite's Raw aside: decoding
// makes the bytes it read the Raw, which the next test checks), and
// marshalling that again writes the same bytes.
func TestJSONRoundTrip(t *testing.T) {
	for _, tt := range jsonCases() {
		t.Run(tt.name, func(t *testing.T) {
			data, err := json.Marshal(tt.value)
			if err != nil {
				t.Fatal(err)
			}
			got, err := tt.roundTrip(data)
			if err != nil {
				t.Fatalf("decoding %s: %v", data, err)
			}
			if a, b := clearRaw(got), clearRaw(tt.value); !reflect.DeepEqual(a, b) {
				t.Errorf("after a round trip through %s\ngot  %+v\nwant %+v", data, a, b)
			}
			again, err := json.Marshal(got)
			if err != nil || !bytes.Equal(again, data) {
				t.Errorf("marshalling the decoded value: %s, %v; want %s", again, err, data)
			}
		})
	}
}

// clearRaw returns v with the Raw of each favourite it holds cleared.
func clearRaw(v any) any {
	switch v := v.(type) {
	case dch.Favourite:
		v.Raw = nil
		return v
	case dch.FavouriteList:
		return withoutRaw(v)
	}
	return v
}

// What Marshal writes is the service's own form: the document's entries,
// whose every key is there, come out byte for byte as the document has
// them once compacted, their protocol-relative links made https; a
// decoded favourite's Raw is what it was decoded from.
func TestMarshalWritesWireForm(t *testing.T) {
	var doc struct {
		Links struct {
			Favourites []json.RawMessage `json:"favourites"`
		} `json:"_links"`
	}
	if err := json.Unmarshal(readTestdata(t, "favourites.json"), &doc); err != nil {
		t.Fatal(err)
	}
	wire := func(entry json.RawMessage) string {
		var b bytes.Buffer
		if err := json.Compact(&b, entry); err != nil {
			t.Fatal(err)
		}
		return strings.ReplaceAll(b.String(), `"//`, `"https://`)
	}
	list := documentList()
	tests := []struct {
		name  string
		value any
		want  string
	}{
		{"entry 23427-1", list.Favourites[0], wire(doc.Links.Favourites[0])},
		{"entry 23427-3", list.Favourites[1], wire(doc.Links.Favourites[1])},
		{"a list of none", dch.FavouriteList{}, `{"updated":null,"_links":{"favourites":[]}}`},
		{"a date without begin", list.Favourites[2].Date, `{"published":1463558400,"begin":null}`},
		{"no images", dch.Image{}, `{"overview":null,"detail":null}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := json.Marshal(tt.value)
			if err != nil || string(data) != tt.want {
				t.Fatalf("Marshal = %s, %v; want %s", data, err, tt.want)
			}
			if _, ok := tt.value.(dch.Favourite); ok {
				var back dch.Favourite
				if err := json.Unmarshal(data, &back); err != nil || string(back.Raw) != string(data) {
					t.Errorf("decoded Raw = %s, %v; want %s", back.Raw, err, data)
				}
			}
		})
	}
}
