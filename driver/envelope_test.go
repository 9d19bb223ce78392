package driver

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/onepass"
)

// envelopeShapes are replies whose envelopes take every path of listAt, for
// the path "posts", and for "_links", "favourites" once "posts" is
// replaced by it: names in any case, escaped or not UTF-8, repeated,
// values of every kind, white space, and JSON that is cut short or goes
// on.
var envelopeShapes = []string{
	`{"posts":[]}`,
	` { "posts" : [ {"id":1} ] } `,
	`{"Posts":[1],"POSTS":[2]}`,
	`{"p\u006fsts":[1]}`,
	`{"poſts":[1]}`,
	`{"posts":[1],"other":{"a":[1,"]"]},"n":-1.5e3,"t":true,"f":false,"z":null,"s":"\"}"}`,
	`{"posts":null}`,
	`{"posts":5}`,
	`{"posts":"x"}`,
	`{"posts":{"a":1}}`,
	`{"posts":[1,2}`,
	`{"posts":[1],"posts":[2]}`,
	`{"posts":[1,],"posts":[2]}`,
	`{"posts":[1],"posts":null}`,
	`{"posts":A}`,
	`{"x":1}`,
	`{}`,
	`{"` + "\xff" + `":1,"posts":[]}`,
	`{"a` + "\x01" + `":1}`,
	`{"a":tru}`,
	`{"a":1 2}`,
	`{"a":}`,
	`{"posts":}`,
	`{"posts": ,"x":1}`,
	`{"a" 1}`,
	`{"a":1,}`,
	`{"a":1}x`,
	`{"a":1`,
	`{"a":"1`,
	`{"a":[1`,
	`{,}`,
	`[]`,
	`"posts"`,
	`5`,
	``,
}

// linkShapes are replies for the path "_links", "favourites": a null or
// an object on the way, merged as encoding/json merges a struct field.
var linkShapes = []string{
	`{"_links":{"favourites":[1]}}`,
	`{"_links":{"favourites":[1]},"_links":{"self":"x"}}`,
	`{"_links":{"favourites":[1]},"_links":null}`,
	`{"_links":{"favourites":[1]},"_links":{"favourites":[2]}}`,
	`{"_LINKS":{"Favourites":[1],"x":[}}`,
	`{"_links":5}`,
	`{"_links":[]}`,
	`{"_links":{}}`,
	`{"updated":1,"_links":{"favourites":[]}}`,
}

// listAtAsEncodingJSON compares listAt with encoding/json's reading of an
// envelope into a struct with the field at path: encoding/json accepts the
// reply exactly when listAt accepts it and the list it found (which the
// decoding checks) is JSON, and both find the same value.
func listAtAsEncodingJSON(data []byte, path []string) string {
	data = onepass.TrimSpace(data) // as Client.Do trims it
	if len(data) == 0 || string(data) == "null" {
		return "" // Client.Do hands listAt no reply at all
	}
	var want json.RawMessage
	var wantErr error
	if len(path) == 1 {
		var env struct{ Posts json.RawMessage }
		wantErr, want = json.Unmarshal(data, &env), env.Posts
	} else {
		var env struct {
			Links struct{ Favourites json.RawMessage } `json:"_links"`
		}
		wantErr, want = json.Unmarshal(data, &env), env.Links.Favourites
	}
	got, err := listAt(data, path)
	ok := err == nil && (len(got) == 0 || got[0] != '[' || json.Valid(got))
	switch {
	case err != nil && !errors.Is(err, favorites.ErrMalformedReply):
		return fmt.Sprintf("%q: listAt %v, not ErrMalformedReply", data, err)
	case ok != (wantErr == nil):
		return fmt.Sprintf("%q: listAt %q, %v; encoding/json %v", data, got, err, wantErr)
	case !ok:
		return ""
	case string(want) == "null" && got == nil:
		return ""
	case !bytes.Equal(got, want):
		return fmt.Sprintf("%q: listAt %q; encoding/json %q", data, got, want)
	}
	return ""
}

var (
	postsPath = []string{"posts"}
	linksPath = []string{"_links", "favourites"}
)

func TestListAtReadsAsEncodingJSON(t *testing.T) {
	for _, s := range envelopeShapes {
		if msg := listAtAsEncodingJSON([]byte(s), postsPath); msg != "" {
			t.Error(msg)
		}
		links := strings.ReplaceAll(strings.ReplaceAll(s, `"posts"`, `"_links":{"favourites"`), `"Posts"`, `"_links":{"favourites"`)
		if msg := listAtAsEncodingJSON([]byte(links), linksPath); msg != "" {
			t.Error(msg)
		}
	}
	for _, s := range linkShapes {
		if msg := listAtAsEncodingJSON([]byte(s), linksPath); msg != "" {
			t.Error(msg)
		}
	}
}

// The first pass, which takes a plain envelope's list at its word, finds
// every list as walking the envelope first does (listAt, then countItems).
func TestFirstPassAsWalkingTheEnvelope(t *testing.T) {
	for _, body := range []string{
		`{"posts":[{"id":1}]}`,
		` { "posts" : [ {"id":1} , {"id":2} ] } `,
		`{"posts":[]}`,
		`{"posts":[1],"x":1}`,
		`{"posts":[1],"posts":[2,3]}`,
		`{"posts":[1,2,3,4,5],"posts":[2]}`,
		`{"posts":[1],"x":[2]}`,
		`{"posts":[1]]}`,
		`{"posts":[1],]}`,
		`{"posts":[1,"]"]}`,
		`{"posts":[1] , "x":[}`,
		`{"posts":["],[1]}`,
		`{"Posts":[1]}`,
		`{"posts":[[1,2,3,4]]}`,
		`{"posts":[[1,2,3,4]],"posts":[]}`,
		`{"_links":{"favourites":[1]}}`,
		`{"_links":{"favourites":[1]},"x":{}}`,
	} {
		path := postsPath
		if strings.Contains(body, "_links") {
			path = linksPath
		}
		list, n, err := firstPass([]byte(body), path, 4, 3)
		walked, werr := listAt([]byte(body), path)
		wn := 0
		if werr == nil {
			if len(walked) == 0 || walked[0] != '[' {
				werr = errors.New("no list")
			} else {
				wn, werr = countItems(walked, len(path)+1, 4, 3)
			}
		}
		if (err != nil) != (werr != nil) || n != wn || !bytes.Equal(list, walked) && err == nil {
			t.Errorf("%.60q: %q, %d items, %v; walked, %q, %d, %v", body, list, n, err, walked, wn, werr)
		}
	}
}

// FuzzListAt holds listAt to encoding/json's reading of any envelope, for
// a path of one name and of two.
func FuzzListAt(f *testing.F) {
	for _, s := range append(envelopeShapes, linkShapes...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		if msg := listAtAsEncodingJSON([]byte(data), postsPath); msg != "" {
			t.Fatal(msg)
		}
		if msg := listAtAsEncodingJSON([]byte(data), linksPath); msg != "" {
			t.Fatal(msg)
		}
	})
}
