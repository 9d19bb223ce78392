package mastodon_test

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/favkit/favorites/internal/fieldfill"
	"github.com/favkit/favorites/providers/mastodon"
)

// fillRules fill a status down to the depth the decoder reads (the
// nesting rules of decode.go, as enter in asv1_test.go states them), and a
// Date with a day of its own.
var fillRules = fieldfill.Rules[plainState]{Enter: enter, Value: func(v reflect.Value, n int) bool {
	if v.Type() != reflect.TypeFor[mastodon.Date]() {
		return false
	}
	v.Set(reflect.ValueOf(mastodon.Date{Year: 2000 + n%30, Month: time.Month(1 + n%12), Day: 1 + n%28}))
	return true
}}

// Every field of every entity a status holds is read, from the name
// encoding/json writes it under, into the field it came from: a status
// with all of them set, down to the depth the decoder reads, written with
// encoding/json, decodes to the same values, in a listing page and through
// UnmarshalJSON.
func TestEveryFieldIsRead(t *testing.T) {
	var want mastodon.Status
	fieldfill.Fill(reflect.ValueOf(&want).Elem(), "status", plainState{at: -1}, fillRules)
	if want.Reblog == nil || want.Reblog.Quote.QuotedStatus == nil || want.Account.Moved == nil ||
		want.Card.Authors[1].Account.Moved == nil || want.Account.Moved.Moved != nil {
		t.Fatal("Fill did not fill the nesting the decoder reads")
	}
	want.ID, want.Reblog.ID, want.Quote.QuotedStatus.ID, want.Reblog.Quote.QuotedStatus.ID = "1", "2", "3", "4"
	data, err := json.Marshal(&want)
	if err != nil {
		t.Fatal(err)
	}
	page, err := mastodon.DecodeStatuses(context.Background(), []byte("["+string(data)+"]"))
	if err != nil || len(page) != 1 {
		t.Fatalf("DecodeStatuses: %d statuses, %v", len(page), err)
	}
	var one mastodon.Status
	if err := json.Unmarshal(data, &one); err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]*mastodon.Status{"page": page[0], "UnmarshalJSON": &one} {
		if d := fieldfill.Diff(name, reflect.ValueOf(got), reflect.ValueOf(&want)); len(d) > 0 {
			t.Errorf("%s differs from what was written:\n%s", name, joinDiffs(d))
		}
	}
}
