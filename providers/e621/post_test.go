package e621_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/favkit/favorites/providers/e621"
)

// postJSON is a post with every field of the README's e621 part. The API
// document only points at "Get A Post" and gives no example, so this one is
// written from the field list, with values of e621's own form.
const postJSON = `{"id":4242,"created_at":"2023-06-01T10:20:30.123-04:00","updated_at":"2023-06-02T11:00:00.000-04:00",
"file":{"width":1280,"height":720,"ext":"webm","size":2048000,"md5":"0123456789abcdef0123456789abcdef",
"url":"https://static1.e621.net/data/01/23/0123456789abcdef0123456789abcdef.webm"},
"preview":{"width":150,"height":84,"url":"https://static1.e621.net/data/preview/01/23/0123456789abcdef0123456789abcdef.jpg"},
"sample":{"has":true,"width":850,"height":478,"url":"https://static1.e621.net/data/sample/01/23/0123456789abcdef0123456789abcdef.jpg"},
"score":{"up":120,"down":-3,"total":117},
"tags":{"general":["solo","smile"],"artist":["some_artist"],"contributor":["helper"],"copyright":["a_series"],
"character":["hero"],"species":["fox"],"invalid":["typo"],"meta":["animated","webm"],"lore":["canon"]},
"locked_tags":["fox"],"change_seq":99887,
"flags":{"pending":false,"flagged":true,"note_locked":true,"status_locked":false,"rating_locked":true,"deleted":false},
"rating":"q","fav_count":321,"sources":["https://example.com/a","https://example.com/b"],"pools":[11,12],
"relationships":{"parent_id":4000,"has_children":true,"has_active_children":true,"children":[4300,4301]},
"approver_id":77,"uploader_id":55,"description":"A short loop.","comment_count":8,"is_favorited":true,
"has_notes":false,"duration":12.5}`

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
