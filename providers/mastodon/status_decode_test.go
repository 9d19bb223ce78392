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
// ID, an ID Add refuses, a boost of a boost, a list over its cap, trailing
// garbage.
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
		{"mentions over their cap", `{"id":"1","mentions":[` + strings.Repeat(`{},`, mastodon.MaxLongList) + `{}]}`,
			"mentions holds more than 1000 items, its cap"},
		{"poll options over their cap", `{"id":"1","poll":{"options":[` + strings.Repeat(`{},`, mastodon.MaxShortList) + `{}]}}`,
			"options holds more than 100 items, its cap"},
		{"list of the wrong type", `{"id":"1","tags":{}}`, "where a list was due"},
		{"boost in a quote", `{"id":"1","quote":{"state":"accepted","quoted_status":{"id":"2","reblog":{"id":"3"}}}}`, "quoted status that is a boost"},
		{"a boost's attachments over their cap", `{"id":"1","reblog":{"id":"2","media_attachments":[` + strings.Repeat(`{},`, mastodon.MaxShortList) + `{}]}}`,
			"reblog: media_attachments holds more than 100 items, its cap"},
		{"filter keywords over their cap", `{"id":"1","filtered":[{"filter":{"keywords":[` + strings.Repeat(`{},`, mastodon.MaxLongList) + `{}]}}]}`,
			"keywords holds more than 1000 items, its cap"},
		{"account fields over their cap", `{"id":"1","account":{"fields":[` + strings.Repeat(`{},`, mastodon.MaxShortList) + `{}]}}`,
			"fields holds more than 100 items, its cap"},
		{"quote policies over their cap", `{"id":"1","quote_approval":{"manual":[` + strings.Repeat(`"",`, mastodon.MaxShortList) + `""]}}`,
			"manual holds more than 100 items, its cap"},
		{"own votes over their cap", `{"id":"1","poll":{"own_votes":[` + strings.Repeat(`0,`, mastodon.MaxShortList) + `0]}}`,
			"own_votes holds more than 100 items, its cap"},
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

// Small lists decode as they are, whatever their items' size: a test's
// hand-written ones, up to each list's cap, their missing fields zero.
func TestDecodeStatusSmallLists(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		count      func(*mastodon.Status) int
		want       int
	}{
		{"empty mentions", `{"id":"1","mentions":[` + strings.Repeat(`{},`, 99) + `{}]}`,
			func(s *mastodon.Status) int { return len(s.Mentions) }, 100},
		{"empty poll options", `{"id":"1","poll":{"options":[{},{},{},{},{}]}}`,
			func(s *mastodon.Status) int { return len(s.Poll.Options) }, 5},
		{"attachments of empty meta", `{"id":"1","media_attachments":[` + strings.Repeat(`{"meta":{"original":{},"small":{},"focus":{}},"id":"1"},`, 9) + `{"meta":{}}]}`,
			func(s *mastodon.Status) int { return len(s.MediaAttachments) }, 10},
		{"card authors of empty accounts", `{"id":"1","card":{"authors":[` + strings.Repeat(`{"account":{}},`, 9) + `{"account":{}}]}}`,
			func(s *mastodon.Status) int { return len(s.Card.Authors) }, 10},
		{"empty filter keywords", `{"id":"1","filtered":[{"filter":{"keywords":[` + strings.Repeat(`{},`, 99) + `{}]}}]}`,
			func(s *mastodon.Status) int { return len(s.Filtered[0].Filter.Keywords) }, 100},
		{"account fields at their cap", `{"id":"1","account":{"fields":[` + strings.Repeat(`{},`, mastodon.MaxShortList-1) + `{}]}}`,
			func(s *mastodon.Status) int { return len(s.Account.Fields) }, mastodon.MaxShortList},
		{"empty strings in a quote approval", `{"id":"1","quote_approval":{"manual":["","","","",""]}}`,
			func(s *mastodon.Status) int { return len(s.QuoteApproval.Manual) }, 5},
		{"mentions at their cap", `{"id":"1","mentions":[` + strings.Repeat(`{"acct":"a"},`, mastodon.MaxLongList-1) + `{}]}`,
			func(s *mastodon.Status) int { return len(s.Mentions) }, mastodon.MaxLongList},
	} {
		st, err := mastodon.DecodeStatus([]byte(tt.body))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if n := tt.count(st); n != tt.want {
			t.Errorf("%s: %d items, want %d", tt.name, n, tt.want)
		}
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
