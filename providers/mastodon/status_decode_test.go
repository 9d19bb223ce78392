package mastodon_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/providers/mastodon"
)

// DecodeStatus keeps its input as Raw, not a copy, and the boosted
// status's Raw is the part of it that holds the boost: no nested copy.
func TestDecodeStatusKeepsRawWithoutCopy(t *testing.T) {
	reblog := `{"id":"2","content":"b","edited_at":null}`
	data := []byte(`{"id":"1","content":"<p>a</p>","account":{"acct":"x"},"reblog":` + reblog + `}`)
	got, err := mastodon.DecodeStatus(data)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "1" || got.Account.Acct != "x" || !bytes.Equal(got.Raw, data) || &got.Raw[0] != &data[0] {
		t.Errorf("decoded %+v: Raw is not the input itself", got)
	}
	at := bytes.Index(data, []byte(reblog))
	if got.Reblog == nil || got.Reblog.ID != "2" || string(got.Reblog.Raw) != reblog || &got.Reblog.Raw[0] != &data[at] {
		t.Errorf("reblog %+v: Raw is not its part of the input", got.Reblog)
	}
}

// json.Unmarshal into a Status decodes a fresh value (nothing stale
// survives) and keeps none of its input: a json.Decoder reuses that memory.
func TestUnmarshalKeepsNoBytes(t *testing.T) {
	got := mastodon.Status{ID: "stale", Visibility: "stale", Raw: json.RawMessage("stale")}
	if err := json.Unmarshal([]byte(`{"id":"1","reblog":{"id":"2"}}`), &got); err != nil {
		t.Fatal(err)
	}
	if got.ID != "1" || got.Visibility != "" || got.Raw != nil || got.Reblog == nil || got.Reblog.Raw != nil {
		t.Errorf("decoded %+v", got)
	}
}

// What Mastodon never sends is refused as a malformed reply: no status, no
// ID, an ID Add refuses, a boost of a boost, a list of items too small to
// be real, trailing garbage.
func TestDecodeStatusRefuses(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"empty", "", "nothing"},
		{"null", "null", "null"},
		{"white space that is not JSON's", "\v{\"id\":\"1\"}", `"\v{\"id\":\"1\"}" where a status was due`},
		{"array", `[{"id":"1"}]`, "where a status was due"},
		{"no id", `{"content":"x"}`, "empty status id"},
		{"path id", `{"id":"../1"}`, "status id"},
		{"padded number", `{"id":"007"}`, "canonical ref 7"},
		{"boost of a boost", `{"id":"1","reblog":{"id":"2","reblog":{"id":"3"}}}`, "boost of a boost"},
		{"boost without id", `{"id":"1","reblog":{"content":"x"}}`, "boosted status id"},
		{"tiny mentions", `{"id":"1","mentions":[` + strings.Repeat(`{},`, 99) + `{}]}`, "too small for a Mention"},
		{"tiny poll options", `{"id":"1","poll":{"options":[{},{},{},{},{}]}}`, "too small for a PollOption"},
		{"list of the wrong type", `{"id":"1","tags":{}}`, "where a list was due"},
		{"boost in a quote", `{"id":"1","quote":{"state":"accepted","quoted_status":{"id":"2","reblog":{"id":"3"}}}}`, "quoted status that is a boost"},
		{"attachment of empty meta", `{"id":"1","media_attachments":[` + strings.Repeat(`{"meta":{"original":{},"small":{},"focus":{}},"id":"123456789"},`, 9) + `{"meta":{}}]}`, "too small to be real"},
		{"card author of an empty account", `{"id":"1","card":{"authors":[` + strings.Repeat(`{"name":"","url":"","account":{}},`, 9) + `{"account":{}}]}}`, "too small to be real"},
		{"tiny filter keywords", `{"id":"1","filtered":[{"filter":{"keywords":[` + strings.Repeat(`{},`, 99) + `{}]}}]}`, "too small for a FilterKeyword"},
		{"tiny account fields", `{"id":"1","account":{"fields":[` + strings.Repeat(`{},`, 99) + `{}]}}`, "too small for a Field"},
		{"empty strings in a quote approval", `{"id":"1","quote_approval":{"manual":["","","","",""]}}`, "5 strings in 16 bytes: too small"},
		{"bad card date", `{"id":"1","card":{"published_at":"soon"}}`, `published_at "soon" is neither`},
		{"bad last status date", `{"id":"1","account":{"last_status_at":"2024-13-01"}}`, `date "2024-13-01"`},
		{"garbage after", `{"id":"1"}x`, "invalid character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := mastodon.DecodeStatus([]byte(tt.body))
			if !errors.Is(err, favorites.ErrMalformedReply) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("DecodeStatus(%.40q) = %v, want ErrMalformedReply saying %q", tt.body, err, tt.want)
			}
		})
	}
}

// Real lists decode: a status's lists of real-sized items, empty lists and
// null ones.
func TestDecodeStatusLists(t *testing.T) {
	body := `{"id":"1","tags":[{"name":"go","url":"https://a.example/tags/go"}],"mentions":[],"emojis":null,
		"poll":{"id":"p","options":[{"title":"yes","votes_count":1},{"title":"no","votes_count":null}]}}`
	st, err := mastodon.DecodeStatus([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Tags) != 1 || st.Tags[0].Name != "go" || st.Mentions == nil || len(st.Mentions) != 0 ||
		st.Emojis != nil || st.Poll == nil || len(st.Poll.Options) != 2 || st.Poll.Options[1].Title != "no" {
		t.Errorf("decoded %+v, poll %+v", st, st.Poll)
	}
}

// Concurrent pages decode independently, each status from its own JSON.
func TestStatusDecodeConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				id := string(rune('a'+g)) + string(rune('a'+i%26))
				data := []byte(`{"id":"` + id + `","content":"c` + id + `"}`)
				st, err := mastodon.DecodeStatus(data)
				if err != nil || st.ID != id || st.Content != "c"+id || string(st.Raw) != string(data) {
					t.Errorf("decoded %+v, %v from %s", st, err, data)
					return
				}
			}
		})
	}
	wg.Wait()
}
