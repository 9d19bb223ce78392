package e621

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/favkit/favorites/internal/fieldfill"
)

// Every field of a post is read, from the name encoding/json writes it
// under, into the field it came from: a post with each field set to a
// value of its own (fieldfill), written with encoding/json, decodes to the
// same post in a listing page and through UnmarshalJSON. A field added to
// a post's types without a reader stays zero, and fails this.
func TestEveryFieldIsRead(t *testing.T) {
	var want Post
	fieldfill.Fill(reflect.ValueOf(&want).Elem(), "post", struct{}{}, fieldfill.Rules[struct{}]{})
	want.ID = 1
	data, err := json.Marshal(&want)
	if err != nil {
		t.Fatal(err)
	}
	page, err := decodePage(context.Background(), []byte("["+string(data)+"]"), 1)
	if err != nil || len(page) != 1 {
		t.Fatalf("decodePage: %d posts, %v", len(page), err)
	}
	listed := *page[0]
	listed.Raw = nil
	var one Post
	if err := json.Unmarshal(data, &one); err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]Post{"listing": listed, "UnmarshalJSON": one} {
		if d := fieldfill.Diff("post", reflect.ValueOf(got), reflect.ValueOf(want)); len(d) > 0 {
			t.Errorf("%s differs from what was written:\n%s", name, strings.Join(d, "\n"))
		}
	}
}
