package mastodon_test

import (
	"context"
	"encoding/json"
	"hash/fnv"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/favkit/favorites/providers/mastodon"
)

// fillAll sets every field v holds, at any depth the decoder reads (the
// nesting rules of decode.go, as enter in asv1_test.go states them), to a
// value of its own: a string is its path, a number and a time derive from
// it, a list has two items. Raw is left empty.
func fillAll(v reflect.Value, path string, s plainState) {
	h := fnv.New32a()
	h.Write([]byte(path))
	n := int(h.Sum32()%100000) + 1
	switch v.Type() {
	case reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(time.Unix(1_700_000_000+int64(n), int64(n)*1000).UTC()))
		return
	case reflect.TypeFor[mastodon.Date]():
		v.Set(reflect.ValueOf(mastodon.Date{Year: 2000 + n%30, Month: time.Month(1 + n%12), Day: 1 + n%28}))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(path)
	case reflect.Int:
		v.SetInt(int64(n))
	case reflect.Float64:
		v.SetFloat(float64(n) + 0.25)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		if _, ok := enter(v.Type().Elem(), s); ok { // the struct case enters it
			v.Set(reflect.New(v.Type().Elem()))
			fillAll(v.Elem(), path, s)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fillAll(v.Index(i), path+"["+strconv.Itoa(i)+"]", s)
		}
	case reflect.Struct:
		if s, ok := enter(v.Type(), s); ok {
			for i := range v.NumField() {
				if f := v.Type().Field(i); f.IsExported() && f.Name != "Raw" {
					fillAll(v.Field(i), path+"."+f.Name, s)
				}
			}
		}
	default:
		panic("fillAll: a " + v.Type().String())
	}
}

// Every field of every entity a status holds is read, from the name
// encoding/json writes it under, into the field it came from: a status
// with all of them set, down to the depth the decoder reads, written with
// encoding/json, decodes to the same values, in a listing page and through
// UnmarshalJSON.
func TestEveryFieldIsRead(t *testing.T) {
	var want mastodon.Status
	fillAll(reflect.ValueOf(&want).Elem(), "status", plainState{at: -1})
	if want.Reblog == nil || want.Reblog.Quote.QuotedStatus == nil || want.Account.Moved == nil ||
		want.Card.Authors[1].Account.Moved == nil || want.Account.Moved.Moved != nil {
		t.Fatal("fillAll did not fill the nesting the decoder reads")
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
		if d := diffPlain(name, reflect.ValueOf(got), reflect.ValueOf(&want)); len(d) > 0 {
			t.Errorf("%s differs from what was written:\n%s", name, joinDiffs(d))
		}
	}
}
