package rawjson

import (
	"encoding/json"
	"reflect"
	"sync"
	"testing"
)

type item struct {
	ID      string `json:"id"`
	Content string `json:"content"`
	Next    *item  `json:"next"`
}

// TestUnmarshalMatchesEncodingJSON decodes each input twice, with Unmarshal
// and with json.Unmarshal, and wants the same value and the same verdict;
// then checks that the next decode, on whatever decoder the pool hands out,
// still reads exactly its own input.
func TestUnmarshalMatchesEncodingJSON(t *testing.T) {
	good := `{"id":"1","content":"<p>a</p>","next":{"id":"2"}}`
	tests := []struct {
		name, data string
		wantErr    bool
	}{
		{"value", good, false},
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
			var got, want item
			err := Unmarshal([]byte(tt.data), &got)
			wantErr := json.Unmarshal([]byte(tt.data), &want)
			if (err != nil) != tt.wantErr || (wantErr != nil) != tt.wantErr {
				t.Fatalf("err = %v, json.Unmarshal %v; want an error: %v", err, wantErr, tt.wantErr)
			}
			if !tt.wantErr && !reflect.DeepEqual(got, want) {
				t.Errorf("decoded %+v, want %+v", got, want)
			}
			var next item
			if err := Unmarshal([]byte(`{"id":"9"}`), &next); err != nil || next != (item{ID: "9"}) {
				t.Errorf("decode after %q: %+v, %v", tt.data, next, err)
			}
		})
	}
}

// Concurrent decodes are independent, each from its own input.
func TestUnmarshalConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				id := string(rune('a'+g)) + string(rune('a'+i%26))
				var it item
				if err := Unmarshal([]byte(`{"id":"`+id+`","content":"c`+id+`"}`), &it); err != nil || it.ID != id || it.Content != "c"+id {
					t.Errorf("decoded %+v, %v", it, err)
					return
				}
			}
		})
	}
	wg.Wait()
}
