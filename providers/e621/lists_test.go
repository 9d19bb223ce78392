package e621

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/favkit/favorites/internal/onepass"
)

// postFields is Post without its methods, so that encoding/json decodes
// into it by reflection: the tests' reference.
type postFields Post

// readAsEncodingJSON decodes data as encoding/json reads a Post's fields
// without the SDK's own decoding: the reference the counted lists keep to.
func readAsEncodingJSON(data []byte) (Post, error) {
	var p Post
	err := json.Unmarshal(data, (*postFields)(&p))
	return p, err
}

// listShapes are posts whose lists take every path of the counted
// decoding: plain elements, escapes, invalid UTF-8, white space, nesting,
// null, values of the wrong type and numbers that are not plain IDs.
var listShapes = []string{
	`{"id":1,"tags":{"general":["a","b"],"artist":[],"lore":null},"locked_tags":["x"],"sources":[],"pools":[1,22,333],"relationships":{"parent_id":3,"children":[4,5]}}`,
	`{"id":1,"tags":{"general":[ "a" , "b\"c" ,"\u00e9"],"meta":["]",",","[{"]},"pools":[ 1 , 2 ]}`,
	`{"id":1,"tags":{"general":["` + "\xff" + `"]},"sources":["a\\b","` + "\xc3\xa9" + `"]}`,
	`{"id":1,"locked_tags":[null,"a"],"pools":[null,1]}`,
	`{"id":1,"pools":[1.0]}`,
	`{"id":1,"pools":[-1,0]}`,
	`{"id":1,"pools":[12345678901234567890]}`,
	`{"id":1,"pools":[999999999999999999,9223372036854775807]}`,
	`{"id":1,"pools":["1"]}`,
	`{"id":1,"sources":[1]}`,
	`{"id":1,"sources":[["a"],{"b":"c"}]}`,
	`{"id":1,"tags":null,"relationships":null,"locked_tags":null}`,
	`{"id":1,"tags":{"general":{}}}`,
	`{"id":1,"relationships":{"children":[1,2],"children":[3]}}`,
	`{"id":1,"tags":{"general":[` + strings.Repeat(`"",`, 999) + `""]}}`,
	// The post's own readers: repeated names (lists decoded into the items
	// the first left, objects merged, pointers reused), names in any case
	// or escaped (Kelvin sign, long s), nulls, escapes, invalid UTF-8 and
	// numbers at the limits of their types.
	`{"id":1,"locked_tags":["a","b","c"],"locked_tags":[null,"x"],"locked_tags":[null,null,null]}`,
	`{"id":1,"pools":[1,2],"pools":[],"pools":[null]}`,
	`{"id":1,"file":{"width":1,"url":"u"},"file":{"height":2},"file":null,"score":{"up":1},"score":{"down":-1}}`,
	`{"id":1,"approver_id":1,"approver_id":null,"duration":1.5,"duration":2,"relationships":{"parent_id":3},"relationships":{"parent_id":null}}`,
	`{"ID":1,"Tags":{"GENERAL":["a"]},"\u0069d":2,"FILE":{"MD5":"m","Url":"u"},"` + "\u212aind" + `":1,"poo` + "\u017f" + `ts":[1],"` + "\u017f" + `ources":["s"]}`,
	`{"id":1,"description":null,"rating":null,"is_favorited":null,"fav_count":null,"created_at":null,"file":{"ext":null}}`,
	`{"id":1,"description":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\ud800","rating":"\u0065"}`,
	`{"id":1,"description":"` + "a\xffb\xc3" + `","tags":{"artist":["` + "\xed\xa0\x80" + `"]},"` + "\xff" + `":1}`,
	`{"id":9223372036854775807,"change_seq":-9223372036854775808,"fav_count":-0,"file":{"size":999999999999999999}}`,
	`{"id":9223372036854775808}`,
	`{"id":1,"fav_count":1e2}`,
	`{"id":1,"fav_count":1.0}`,
	`{"id":1,"duration":1e308,"file":{"width":-1}}`,
	`{"id":1,"duration":1e309}`,
	`{"id":1,"duration":-0.0,"relationships":{"children":[9223372036854775807,-9223372036854775808]}}`,
	`{"id":1,"created_at":"2024-01-02T03:04:05.123+01:00","updated_at":"2024-13-02T03:04:05Z"}`,
	`{"id":1,"created_at":1}`,
	`{"id":1,"file":[],"rating":1}`,
	`{"id":1,"flags":{"deleted":true,"Deleted":false,"pending":"x"}}`,
	`{"id":1,"sample":{"has":true,"has":null},"preview":{"width":1},"preview":{}}`,
	`{"id":"1"}`,
	`[{"id":1}]`,
	`{"id":1,"x":{"y":[1,{"z":null}]},"tags":{"x":1,"general":["a"]}}`,
}

// testdataPosts are the posts in testdata/*.json, each file one post.
func testdataPosts(t testing.TB) []string {
	files, err := filepath.Glob("testdata/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata posts: %v", err)
	}
	var posts []string
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		posts = append(posts, string(b))
	}
	return posts
}

// The counted lists read every shape as encoding/json does: the same
// values, or an error where it has one.
func TestPostListsDecodeAsEncodingJSON(t *testing.T) {
	for _, data := range append(listShapes, testdataPosts(t)...) {
		want, wantErr := readAsEncodingJSON([]byte(data))
		var got Post
		err := json.Unmarshal([]byte(data), &got)
		if (err != nil) != (wantErr != nil) {
			t.Errorf("%.80s: error %v, encoding/json's %v", data, err, wantErr)
			continue
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%.80s:\n got %+v\nwant %+v", data, got, want)
		}
	}
}

// A decoded list is made at its exact length: no capacity left over from
// growing it.
func TestPostListsAreExactLength(t *testing.T) {
	data := `{"id":1,"tags":{"general":[` + strings.Repeat(`"a",`, 99) + `"a"]},"pools":[` + strings.Repeat(`1,`, 4) + `1]}`
	var p Post
	if err := json.Unmarshal([]byte(data), &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Tags.General) != 100 || cap(p.Tags.General) != 100 || len(p.Pools) != 5 || cap(p.Pools) != 5 {
		t.Errorf("general tags len %d cap %d, pools len %d cap %d; want 100 100 5 5",
			len(p.Tags.General), cap(p.Tags.General), len(p.Pools), cap(p.Pools))
	}
}

// FuzzPostListsDecodeAsEncodingJSON holds the counted lists, and the
// listing's one-pass decoding, to encoding/json's reading of any post (the
// kit's FuzzListAt holds the finding of the list in its envelope to it).
func FuzzPostListsDecodeAsEncodingJSON(f *testing.F) {
	for _, s := range append(listShapes, testdataPosts(f)...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		want, wantErr := readAsEncodingJSON([]byte(data))
		var got Post
		err := json.Unmarshal([]byte(data), &got)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("error %v, encoding/json's %v", err, wantErr)
		}
		if err == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("got %+v\nwant %+v", got, want)
		}
		if msg := listedAsEncodingJSON(data, want, wantErr); msg != "" {
			t.Fatal(msg)
		}
	})
}

// listedAsEncodingJSON decodes data as one post of a listing page, in the
// one pass of decodePage, and says how it differs from v1's want (its
// error wantErr): a post v1 reads, with a positive id, must decode to the
// same values with data as its Raw; one v1 refuses must be refused.
func listedAsEncodingJSON(data string, want Post, wantErr error) string {
	trimmed := onepass.TrimSpace([]byte(data))
	page := append(append([]byte("["), trimmed...), ']')
	posts, err := decodePage(context.Background(), page, 1)
	switch {
	case err == nil && len(posts) != 1:
		return "" // data is not one value ("", or two posts), so not one post of a listing
	case wantErr != nil && err == nil:
		return "listing decoded " + data + "; encoding/json refuses it: " + wantErr.Error()
	case wantErr != nil || want.ID < 1 || len(trimmed) == 0 || trimmed[0] != '{':
		return "" // refused by both, or by the listing's own rules
	case err != nil:
		return "listing refused " + data + ": " + err.Error()
	case !bytes.Equal(posts[0].Raw, trimmed):
		return "Raw " + string(posts[0].Raw) + ", not the post's bytes"
	}
	got := *posts[0]
	got.Raw = nil
	if !reflect.DeepEqual(got, want) {
		return fmt.Sprintf("listing decoded %s as %+v, encoding/json as %+v", data, got, want)
	}
	return ""
}

// The listing's one-pass decoding reads every shape as encoding/json does.
func TestListingDecodesAsEncodingJSON(t *testing.T) {
	compared := 0
	for _, data := range append(listShapes, testdataPosts(t)...) {
		want, wantErr := readAsEncodingJSON([]byte(data))
		if msg := listedAsEncodingJSON(data, want, wantErr); msg != "" {
			t.Error(msg)
		}
		if wantErr == nil {
			compared++
		}
	}
	if compared < 5 {
		t.Errorf("only %d shapes decoded by encoding/json", compared)
	}
}
