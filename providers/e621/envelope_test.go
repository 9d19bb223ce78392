package e621

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/favkit/favorites/internal/onepass"
)

// envelopeShapes are replies whose envelopes take every path of postsOf:
// names in any case, escaped or not UTF-8, repeated, values of every kind,
// white space, and JSON that is cut short or goes on.
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
	``,
}

// postsAsEncodingJSON compares postsOf with encoding/json's reading of an
// envelope: v1 accepts the reply exactly when postsOf accepts it and the
// list it found (which decodePage checks) is JSON, and both find the same
// "posts" value.
func postsAsEncodingJSON(data []byte) string {
	data = onepass.TrimSpace(data) // as Client.Do trims it
	if len(data) == 0 || string(data) == "null" {
		return "" // Client.Do hands postsOf no reply at all
	}
	var want struct{ Posts json.RawMessage }
	wantErr := json.Unmarshal(data, &want)
	got, err := postsOf(data)
	ok := err == nil && (len(got) == 0 || got[0] != '[' || json.Valid(got))
	switch {
	case ok != (wantErr == nil):
		return fmt.Sprintf("%q: postsOf %q, %v; encoding/json %v", data, got, err, wantErr)
	case !ok:
		return ""
	case string(want.Posts) == "null" && got == nil:
		return ""
	case !bytes.Equal(got, want.Posts):
		return fmt.Sprintf("%q: postsOf %q; encoding/json %q", data, got, want.Posts)
	}
	return ""
}

func TestPostsOfReadsAsEncodingJSON(t *testing.T) {
	for _, s := range envelopeShapes {
		if msg := postsAsEncodingJSON([]byte(s)); msg != "" {
			t.Error(msg)
		}
	}
}

// decodePosts, which takes a plain envelope's list at its word, decodes
// every envelope as walking it first does (postsOf, then DecodeItems).
func TestDecodePostsAsWalkingTheEnvelope(t *testing.T) {
	post := func(id string) string {
		return `{"id":` + id + `,"description":"` + strings.Repeat("a", MinPostBytes) + `"}`
	}
	p1, p2 := post("1"), post("2")
	for _, body := range []string{
		`{"posts":[` + p1 + `]}`,
		` { "posts" : [ ` + p1 + ` , ` + p2 + ` ] } `,
		`{"posts":[]}`,
		`{"posts":[` + p1 + `],"x":1}`,
		`{"posts":[` + p1 + `],"posts":[` + p2 + `]}`,
		`{"posts":[` + p1 + `],"x":[` + p2 + `]}`,
		`{"posts":[` + p1 + `]]}`,
		`{"posts":[` + p1 + `],]}`,
		`{"posts":[` + p1 + `,` + post("0") + `]}`,
		`{"posts":[` + p1 + `,"]"]}`,
		`{"posts":[` + p1 + `] , "x":[}`,
		`{"posts":["],[` + p1 + `]}`,
		`{"Posts":[` + p1 + `]}`,
		`{"posts":[1]}`,
	} {
		got, err := decodePosts(t.Context(), []byte(body), 10)
		want, wantErr := walkedPosts(t.Context(), []byte(body))
		if (err != nil) != (wantErr != nil) || len(got) != len(want) {
			t.Errorf("%.60q: %d posts, %v; walked, %d posts, %v", body, len(got), err, len(want), wantErr)
			continue
		}
		for i := range got {
			if got[i].ID != want[i].ID || !bytes.Equal(got[i].Raw, want[i].Raw) {
				t.Errorf("%.60q: post %d is %d %q, walked %d %q", body, i, got[i].ID, got[i].Raw, want[i].ID, want[i].Raw)
			}
		}
	}
}

// walkedPosts decodes a reply's posts by walking its envelope first.
func walkedPosts(ctx context.Context, body []byte) ([]*Post, error) {
	list, err := postsOf(body)
	if err != nil {
		return nil, err
	}
	posts, _, err := decodeList(ctx, list, 10)
	return posts, err
}
