package playplay_test

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites/providers/playplay"
)

// The testdata files are the document's two examples (the list body and the
// store answer) rendered as valid JSON. The document's text is not JSON, so
// it was normalised, and only in form: keys quoted; the commas it misses
// added (after "type", "name", ... and before the outer "nb_results") and
// its trailing commas (after "is_favorite": true, after the last item)
// dropped; the elisions removed: "…" inside data (its other members are not
// shown) and the "..." standing for more items of the list. Every value is
// the document's.

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("../../testdata/playplay/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// documentMedia is the document's example item with the given source and
// stock ID; everything else is the same in all three of its items.
func documentMedia(source string, stock playplay.StockID) playplay.Media {
	return playplay.Media{
		ID:           30452,
		Type:         "image",
		Name:         "pexels-photo-3608618.jpeg",
		Status:       "processed",
		BrowserURL:   "https://release.storage.playplay.com/uploads/722/a3e5fbafe7f2134c993efe3dbd9b8830/9177ac836484a7c51e68088643a8ec94.jpg",
		ThumbnailURL: "https://release.storage.playplay.com/uploads/722/a3e5fbafe7f2134c993efe3dbd9b8830/dc450d5b52792cc85da7401e2d2eeb2f.jpg",
		Data:         playplay.MediaData{Type: "image", Subtype: "jpeg"},
		Source:       source,
		Timestamp:    playplay.Timestamp{Time: time.Date(2020, 3, 25, 17, 59, 48, 0, time.UTC)},
		StockID:      stock,
		Width:        867,
		Height:       1300,
		IsFavorite:   true,
	}
}

// checkMedia compares every field but the Raw copies, which it checks are
// valid JSON holding the item's id.
func checkMedia(t *testing.T, got *playplay.Media, want playplay.Media) {
	t.Helper()
	if !json.Valid(got.Raw) {
		t.Errorf("media %d: Raw %q is not JSON", got.ID, got.Raw)
	}
	var raw struct{ ID int64 }
	if json.Unmarshal(got.Raw, &raw) != nil || raw.ID != want.ID {
		t.Errorf("Raw holds id %d, want %d", raw.ID, want.ID)
	}
	g := *got
	g.Raw = nil
	if !reflect.DeepEqual(g, want) {
		t.Errorf("media decoded as\n%+v\nwant\n%+v", g, want)
	}
}

func TestDocumentListDecodes(t *testing.T) {
	var body playplay.ListResponse
	if err := json.Unmarshal(readTestdata(t, "favorites_list.json"), &body); err != nil {
		t.Fatal(err)
	}
	if body.NbResults != 1 || len(body.Results) != 1 {
		t.Fatalf("outer nb_results %d with %d result sets, want 1 and 1", body.NbResults, len(body.Results))
	}
	set := body.Results[0]
	if set.NextPage == nil || *set.NextPage != 2 || set.NbResults != 10 || len(set.Results) != 2 {
		t.Fatalf("result set: next_page %v, nb_results %d, %d items; want 2, 10, 2", set.NextPage, set.NbResults, len(set.Results))
	}
	checkMedia(t, set.Results[0], documentMedia("pexels", "12345"))
	checkMedia(t, set.Results[1], documentMedia("upload", ""))
	items, next := body.Page()
	if len(items) != 2 || next != 2 {
		t.Errorf("Page() = %d items, next %d; want 2, 2", len(items), next)
	}
}

// listTestdata lists the document's example page through the client, as
// a listing decodes it.
func listTestdata(t *testing.T) []*playplay.Media {
	t.Helper()
	c, _ := newMockClient(t, answer{200, string(readTestdata(t, "favorites_list.json"))})
	l, _, err := c.FavoritesPage(t.Context(), 0)
	if err != nil {
		t.Fatal(err)
	}
	items, next := l.Page()
	if len(items) != 2 || next != 2 {
		t.Fatalf("the document's page: %d items, next %d; want 2, 2", len(items), next)
	}
	return items
}

// The client decodes the document's page as json.Unmarshal does, and each
// item's Raw is its bytes exactly as the reply holds them.
func TestDocumentListDecodesThroughTheClient(t *testing.T) {
	items := listTestdata(t)
	checkMedia(t, items[0], documentMedia("pexels", "12345"))
	checkMedia(t, items[1], documentMedia("upload", ""))
	body := string(readTestdata(t, "favorites_list.json"))
	for i, m := range items {
		if !strings.HasPrefix(string(m.Raw), "{") || !strings.HasSuffix(string(m.Raw), "}") || !strings.Contains(body, string(m.Raw)) {
			t.Errorf("item %d: Raw %q is not its bytes in the reply", i, m.Raw)
		}
	}
}

func TestDocumentStoreAnswerDecodes(t *testing.T) {
	var body playplay.StoreResponse
	if err := json.Unmarshal(readTestdata(t, "favorites_store.json"), &body); err != nil {
		t.Fatal(err)
	}
	if body.NbResults != 1 || len(body.Results) != 1 {
		t.Fatalf("nb_results %d with %d items, want 1 and 1", body.NbResults, len(body.Results))
	}
	checkMedia(t, body.Results[0], documentMedia("pexels", "12345"))
}

func TestListPageEnds(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		items      int
		next       int
	}{
		{"null next_page", `{"results":[{"results":[{"id":1}],"next_page":null,"nb_results":1}],"nb_results":1}`, 1, 0},
		{"absent next_page", `{"results":[{"results":[{"id":1},{"id":2}],"nb_results":2}],"nb_results":1}`, 2, 0},
		{"no result set", `{"results":[],"nb_results":0}`, 0, 0},
		{"next page 3", `{"results":[{"results":[],"next_page":3,"nb_results":0}],"nb_results":1}`, 0, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var body playplay.ListResponse
			if err := json.Unmarshal([]byte(tc.body), &body); err != nil {
				t.Fatal(err)
			}
			if items, next := body.Page(); len(items) != tc.items || next != tc.next {
				t.Errorf("Page() = %d items, next %d; want %d, %d", len(items), next, tc.items, tc.next)
			}
		})
	}
}

func TestStockIDForms(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want playplay.StockID
		ok   bool
	}{
		{`12345`, "12345", true},
		{`"12345"`, "12345", true},
		{`"Dwu85P9SOIk"`, "Dwu85P9SOIk", true},
		{`null`, "", true},
		{`true`, "", false},
		{`{}`, "", false},
	} {
		var m playplay.Media
		err := json.Unmarshal([]byte(`{"id":1,"stock_id":`+tc.in+`}`), &m)
		if (err == nil) != tc.ok || m.StockID != tc.want {
			t.Errorf("stock_id %s: got %q, %v; want %q, ok %v", tc.in, m.StockID, err, tc.want, tc.ok)
		}
	}
}

func TestTimestampForms(t *testing.T) {
	want := time.Unix(1585159188, 0).UTC()
	for _, tc := range []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{`"1585159188"`, want, true},
		{`1585159188`, want, true},
		{`null`, time.Time{}, true},
		{`""`, time.Time{}, true},
		{`"2020-03-25"`, time.Time{}, false},
	} {
		var m playplay.Media
		err := json.Unmarshal([]byte(`{"id":1,"timestamp":`+tc.in+`}`), &m)
		if (err == nil) != tc.ok || !m.Timestamp.Equal(tc.want) {
			t.Errorf("timestamp %s: got %v, %v; want %v, ok %v", tc.in, m.Timestamp, err, tc.want, tc.ok)
		}
	}
	out, err := json.Marshal(playplay.Timestamp{Time: want})
	if err != nil || string(out) != `"1585159188"` {
		t.Errorf("Timestamp marshals as %s, %v; want the API's string form", out, err)
	}
	if out, err := json.Marshal(playplay.Timestamp{}); err != nil || string(out) != "null" {
		t.Errorf("zero Timestamp marshals as %s, %v; want null", out, err)
	}
}

// TestNullableFields: the fields the document shows only as null decode
// when they carry a value of the expected type, and are left nil rather
// than failing the page when they carry another.
func TestNullableFields(t *testing.T) {
	var m playplay.Media
	err := json.Unmarshal([]byte(`{"id":1,"credit":"Jane Doe","credit_url":"https://example.com/jane",
		"duration":12.5,"original_url":"https://example.com/o.mp4","watermarked":true,"download_size":2048}`), &m)
	if err != nil {
		t.Fatal(err)
	}
	if m.Credit == nil || *m.Credit != "Jane Doe" || m.CreditURL == nil || *m.CreditURL != "https://example.com/jane" ||
		m.Duration == nil || *m.Duration != 12.5 || m.OriginalURL == nil || *m.OriginalURL != "https://example.com/o.mp4" ||
		m.Watermarked == nil || !*m.Watermarked || m.DownloadSize == nil || *m.DownloadSize != 2048 {
		t.Errorf("nullable fields decoded as %+v", m)
	}
	var odd playplay.Media
	err = json.Unmarshal([]byte(`{"id":2,"credit":{"name":"x"},"duration":"00:12","watermarked":"https://w","download_size":"big"}`), &odd)
	if err != nil || odd.Credit != nil || odd.Duration != nil || odd.Watermarked != nil || odd.DownloadSize != nil {
		t.Errorf("fields of another type: %+v, %v; want them nil and no error", odd, err)
	}
	if !json.Valid(odd.Raw) || len(odd.Raw) < 10 {
		t.Errorf("Raw lost the item: %q", odd.Raw)
	}
}
