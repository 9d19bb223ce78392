package e621_test

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/favkit/favorites/providers/e621"
)

// postJSON is a post with every field of docs/api/README.md's e621 part.
// The API document only points at "Get A Post" and gives no example, so
// this one is written from the field list, with values of e621's own form.
// It is in testdata, where the one-pass decoding's comparison with
// encoding/json (lists_test.go) reads it too.
var postJSON = func() string {
	b, err := os.ReadFile("testdata/post_every_field.json")
	if err != nil {
		panic(err)
	}
	return string(b)
}()

func TestPostDecodesEveryField(t *testing.T) {
	var p e621.Post
	if err := json.Unmarshal([]byte(postJSON), &p); err != nil {
		t.Fatal(err)
	}
	edt := time.FixedZone("", -4*3600)
	parent, approver, dur := int64(4000), int64(77), 12.5
	want := e621.Post{
		ID:        4242,
		CreatedAt: time.Date(2023, 6, 1, 10, 20, 30, 123e6, edt),
		UpdatedAt: time.Date(2023, 6, 2, 11, 0, 0, 0, edt),
		File: e621.File{Width: 1280, Height: 720, Ext: "webm", Size: 2048000, MD5: "0123456789abcdef0123456789abcdef",
			URL: "https://static1.e621.net/data/01/23/0123456789abcdef0123456789abcdef.webm"},
		Preview: e621.Preview{Width: 150, Height: 84,
			URL: "https://static1.e621.net/data/preview/01/23/0123456789abcdef0123456789abcdef.jpg"},
		Sample: e621.Sample{Has: true, Width: 850, Height: 478,
			URL: "https://static1.e621.net/data/sample/01/23/0123456789abcdef0123456789abcdef.jpg"},
		Score: e621.Score{Up: 120, Down: -3, Total: 117},
		Tags: e621.Tags{General: []string{"solo", "smile"}, Artist: []string{"some_artist"},
			Contributor: []string{"helper"}, Copyright: []string{"a_series"}, Character: []string{"hero"},
			Species: []string{"fox"}, Invalid: []string{"typo"}, Meta: []string{"animated", "webm"}, Lore: []string{"canon"}},
		LockedTags: []string{"fox"},
		ChangeSeq:  99887,
		Flags:      e621.Flags{Flagged: true, NoteLocked: true, RatingLocked: true},
		Rating:     e621.RatingQuestionable,
		FavCount:   321,
		Sources:    []string{"https://example.com/a", "https://example.com/b"},
		Pools:      []int64{11, 12},
		Relationships: e621.Relationships{ParentID: &parent, HasChildren: true, HasActiveChildren: true,
			Children: []int64{4300, 4301}},
		ApproverID:   &approver,
		UploaderID:   55,
		Description:  "A short loop.",
		CommentCount: 8,
		IsFavorited:  true,
		Duration:     &dur,
	}
	if !p.CreatedAt.Equal(want.CreatedAt) || !p.UpdatedAt.Equal(want.UpdatedAt) {
		t.Errorf("times %v, %v; want %v, %v", p.CreatedAt, p.UpdatedAt, want.CreatedAt, want.UpdatedAt)
	}
	p.CreatedAt, p.UpdatedAt = want.CreatedAt, want.UpdatedAt
	if !reflect.DeepEqual(p, want) {
		t.Errorf("decoded\n%+v\nwant\n%+v", p, want)
	}
}

func TestPostNullsAndKind(t *testing.T) {
	tests := []struct {
		json string
		kind string
	}{
		{`{"id":1,"file":{"ext":"png","url":null},"duration":null,"approver_id":null,"relationships":{"parent_id":null}}`, e621.KindImage},
		{`{"id":2,"file":{"ext":"JPG"}}`, e621.KindImage},
		{`{"id":3,"file":{"ext":"webm"}}`, e621.KindVideo},
		{`{"id":4,"file":{"ext":"mp4"}}`, e621.KindVideo},
		{`{"id":5,"file":{"ext":"gif"}}`, e621.KindAnimation},
		{`{"id":6,"file":{"ext":"swf"}}`, e621.KindAnimation},
		{`{"id":7,"file":{"ext":"","url":"https://static1.e621.net/data/aa/bb/x.webm"}}`, e621.KindVideo},
	}
	for _, tt := range tests {
		var p e621.Post
		if err := json.Unmarshal([]byte(tt.json), &p); err != nil {
			t.Fatal(err)
		}
		if got := p.Kind(); got != tt.kind {
			t.Errorf("%s: Kind %q, want %q", tt.json, got, tt.kind)
		}
		if p.File.URL == "" && p.ID == 1 && (p.Duration != nil || p.ApproverID != nil || p.Relationships.ParentID != nil) {
			t.Errorf("nulls decoded as values: %+v", p)
		}
		if p.Raw != nil {
			t.Errorf("json.Unmarshal set Raw %q; only this package's calls set it", p.Raw)
		}
	}
}
