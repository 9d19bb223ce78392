package mastodon_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/favkit/favorites/providers/mastodon"
)

// Status.UnmarshalJSON decodes into a fresh value, so nothing stale
// survives, and keeps its exact input in Raw, the boosted status's too.
// (The pooled decoding under it is tested in internal/rawjson.)
func TestStatusUnmarshalKeepsRaw(t *testing.T) {
	reblog := `{"id":"2","content":"b"}`
	data := `{"id":"1","content":"<p>a</p>","account":{"acct":"x"},"reblog":` + reblog + `}`
	got := mastodon.Status{ID: "stale", Visibility: "stale"}
	if err := json.Unmarshal([]byte(data), &got); err != nil {
		t.Fatal(err)
	}
	if got.ID != "1" || got.Visibility != "" || got.Account.Acct != "x" || string(got.Raw) != data {
		t.Errorf("decoded %+v", got)
	}
	if got.Reblog == nil || got.Reblog.ID != "2" || string(got.Reblog.Raw) != reblog {
		t.Errorf("reblog %+v", got.Reblog)
	}
	if err := got.UnmarshalJSON([]byte(data + "x")); err == nil {
		t.Error("trailing garbage accepted")
	}
}

// Concurrent pages decode independently, each status from its own JSON.
func TestStatusDecodeConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				id := string(rune('a'+g)) + string(rune('a'+i%26))
				var st mastodon.Status
				data := []byte(`{"id":"` + id + `","content":"c` + id + `"}`)
				if err := json.Unmarshal(data, &st); err != nil || st.ID != id || st.Content != "c"+id || string(st.Raw) != string(data) {
					t.Errorf("decoded %+v, %v from %s", st, err, data)
					return
				}
			}
		})
	}
	wg.Wait()
}
