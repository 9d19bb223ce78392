package mastodon_test

import (
	"encoding/json"
	"reflect"
	"sync"
	"testing"

	"github.com/favkit/favorites/providers/mastodon"
)

// Status.UnmarshalJSON reuses pooled decoders; whatever it is given, it
// answers as json.Unmarshal into a fresh value would, and bad input never
// leaves anything behind for the next status decoded.
func TestStatusDecodeMatchesUnmarshal(t *testing.T) {
	good := `{"id":"1","content":"<p>a</p>","account":{"acct":"x"},"reblog":{"id":"2"}}`
	tests := []struct {
		name, data string
		wantErr    bool
	}{
		{"status", good, false},
		{"white space after", good + " \n\t", false},
		{"null", `null`, false},
		{"second value after", good + `{"id":"3"}`, true},
		{"garbage after", good + `x`, true},
		{"cut short", good[:20], true},
		{"wrong type", `{"id":1}`, true},
		{"empty", ``, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mastodon.Status{ID: "stale", Visibility: "stale"}
			err := got.UnmarshalJSON([]byte(tt.data))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want an error: %v", err, tt.wantErr)
			}
			// The next decode, on whatever decoder the pool hands out,
			// still reads exactly its own input.
			var next mastodon.Status
			if err := json.Unmarshal([]byte(`{"id":"9"}`), &next); err != nil || next.ID != "9" || next.Content != "" {
				t.Errorf("decode after %q: %+v, %v", tt.data, next, err)
			}
			if tt.wantErr {
				return
			}
			type plain mastodon.Status
			var want plain
			if err := json.Unmarshal([]byte(tt.data), &want); err != nil {
				t.Fatal(err)
			}
			if string(got.Raw) != tt.data {
				t.Errorf("Raw %s, want the input %s", got.Raw, tt.data)
			}
			got.Raw = nil
			if !reflect.DeepEqual(got, mastodon.Status(want)) {
				t.Errorf("decoded %+v,\nwant %+v", got, want)
			}
		})
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
