package e621

import (
	"cmp"
	"fmt"

	"github.com/favkit/favorites/internal/onepass"
)

// The readers of a post and of the values in it, one for each of its
// struct types: a switch on the members' names (onepass.Reader.Object),
// each value read as encoding/json v1 reads one of its Go type. The tests
// hold them to v1 on every shape and under fuzzing (lists_test.go).
// A post's lists (its tags, locked tags, sources, pools and children) are
// counted before they are built and built at their exact length (see
// list), which keeps an item of one at ListItemCost.

// readPost reads a post into p.
func (d *pageDecoder) readPost(p *Post) error {
	return d.Object("a post", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, d.Int64(&p.ID)
		case "created_at":
			return true, d.Time(&p.CreatedAt)
		case "updated_at":
			return true, d.Time(&p.UpdatedAt)
		case "file":
			return true, d.readFile(&p.File)
		case "preview":
			return true, d.readPreview(&p.Preview)
		case "sample":
			return true, d.readSample(&p.Sample)
		case "score":
			return true, d.readScore(&p.Score)
		case "tags":
			return true, d.readTags(&p.Tags)
		case "locked_tags":
			return true, d.strings(&p.LockedTags)
		case "change_seq":
			return true, d.Int64(&p.ChangeSeq)
		case "flags":
			return true, d.readFlags(&p.Flags)
		case "rating":
			return true, d.Str((*string)(&p.Rating))
		case "fav_count":
			return true, d.Int(&p.FavCount)
		case "sources":
			return true, d.strings(&p.Sources)
		case "pools":
			return true, d.ids(&p.Pools)
		case "relationships":
			return true, d.readRelationships(&p.Relationships)
		}
		return d.postRest(p, name)
	})
}

// postRest reads the post's members after relationships, in Post's order.
func (d *pageDecoder) postRest(p *Post, name []byte) (bool, error) {
	switch string(name) {
	case "approver_id":
		return true, onepass.Ptr(&d.Reader, &p.ApproverID, &d.ints, d.Int64)
	case "uploader_id":
		return true, d.Int64(&p.UploaderID)
	case "description":
		return true, d.Str(&p.Description)
	case "comment_count":
		return true, d.Int(&p.CommentCount)
	case "is_favorited":
		return true, d.Bool(&p.IsFavorited)
	case "has_notes":
		return true, d.Bool(&p.HasNotes)
	case "duration":
		return true, onepass.Ptr(&d.Reader, &p.Duration, &d.floats, d.Float)
	}
	return false, nil
}

// strings reads a list of strings; a null item leaves the item as it was
// ("" in a new list).
func (d *pageDecoder) strings(l *[]string) error { return list(d, l, &d.strList, d.Str) }

// ids reads a list of IDs, each as v1 reads an int64; a null item leaves
// the item as it was (0 in a new list).
func (d *pageDecoder) ids(l *[]int64) error { return list(d, l, &d.idList, d.Int64) }

func (d *pageDecoder) readFile(f *File) error {
	return d.Object("a file", func(name []byte) (bool, error) {
		switch string(name) {
		case "width":
			return true, d.Int(&f.Width)
		case "height":
			return true, d.Int(&f.Height)
		case "ext":
			return true, d.Str(&f.Ext)
		case "size":
			return true, d.Int64(&f.Size)
		case "md5":
			return true, d.Str(&f.MD5)
		case "url":
			return true, d.Str(&f.URL)
		}
		return false, nil
	})
}

func (d *pageDecoder) readPreview(p *Preview) error {
	return d.Object("a preview", func(name []byte) (bool, error) {
		switch string(name) {
		case "width":
			return true, d.Int(&p.Width)
		case "height":
			return true, d.Int(&p.Height)
		case "url":
			return true, d.Str(&p.URL)
		}
		return false, nil
	})
}

func (d *pageDecoder) readSample(s *Sample) error {
	return d.Object("a sample", func(name []byte) (bool, error) {
		switch string(name) {
		case "has":
			return true, d.Bool(&s.Has)
		case "width":
			return true, d.Int(&s.Width)
		case "height":
			return true, d.Int(&s.Height)
		case "url":
			return true, d.Str(&s.URL)
		}
		return false, nil
	})
}

func (d *pageDecoder) readScore(s *Score) error {
	return d.Object("a score", func(name []byte) (bool, error) {
		switch string(name) {
		case "up":
			return true, d.Int(&s.Up)
		case "down":
			return true, d.Int(&s.Down)
		case "total":
			return true, d.Int(&s.Total)
		}
		return false, nil
	})
}

func (d *pageDecoder) readTags(t *Tags) error {
	return d.Object("the tags", func(name []byte) (bool, error) {
		var l *[]string
		switch string(name) {
		case "general":
			l = &t.General
		case "artist":
			l = &t.Artist
		case "contributor":
			l = &t.Contributor
		case "copyright":
			l = &t.Copyright
		case "character":
			l = &t.Character
		case "species":
			l = &t.Species
		case "invalid":
			l = &t.Invalid
		case "meta":
			l = &t.Meta
		case "lore":
			l = &t.Lore
		default:
			return false, nil
		}
		return true, d.strings(l)
	})
}

func (d *pageDecoder) readFlags(f *Flags) error {
	return d.Object("the flags", func(name []byte) (bool, error) {
		var b *bool
		switch string(name) {
		case "pending":
			b = &f.Pending
		case "flagged":
			b = &f.Flagged
		case "note_locked":
			b = &f.NoteLocked
		case "status_locked":
			b = &f.StatusLocked
		case "rating_locked":
			b = &f.RatingLocked
		case "deleted":
			b = &f.Deleted
		default:
			return false, nil
		}
		return true, d.Bool(b)
	})
}

func (d *pageDecoder) readRelationships(r *Relationships) error {
	return d.Object("the relationships", func(name []byte) (bool, error) {
		switch string(name) {
		case "parent_id":
			return true, onepass.Ptr(&d.Reader, &r.ParentID, &d.ints, d.Int64)
		case "has_children":
			return true, d.Bool(&r.HasChildren)
		case "has_active_children":
			return true, d.Bool(&r.HasActiveChildren)
		case "children":
			return true, d.ids(&r.Children)
		}
		return false, nil
	})
}

// UnmarshalJSON decodes a post as a listing does, each of its lists at its
// exact length. It keeps none of data: Raw is set by the calls that list
// posts, and stays empty here.
func (p *Post) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	*p = Post{}
	d := getPageDecoder(data)
	defer d.put() // resolves the strings
	return d.readPost(p)
}

// list reads a JSON list into *l, each item by read, as v1 does: null is
// nil, [] an empty list, and a list read again into the same field (a
// repeated name) is decoded into the items the first one left. A new
// list is made at the length onepass.CountList counts first, from slab:
// growing it by append would allocate some three times its size, and a
// post of a hundred thousand "" would cost 30 bytes a byte of JSON.
func list[T any](d *pageDecoder, l *[]T, slab *onepass.Slab[T], read func(*T) error) error {
	dec := d.Dec
	if isList, err := onepass.List(&d.Reader, l); !isList {
		return err
	}
	n, _, _ := onepass.CountList(d.Buf, onepass.ValueStart(d.Buf, dec.InputOffset())) // 0 for a list cut short
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	room := (*l)[:cap(*l)]
	if n > len(room) {
		if len(room) > 0 {
			d.Strs.Resolve() // the items move
		}
		longer := takeList(slab, n)
		copy(longer, room)
		room = longer
	}
	for i := 0; dec.PeekKind() != ']'; i++ {
		if i == n { // only a list that is not JSON counts wrong; the decoder says where
			_, err := dec.ReadValue()
			return cmp.Or(err, fmt.Errorf("a list of %d items read as more", n))
		}
		if err := read(&room[i]); err != nil {
			return err
		}
	}
	if n == 0 {
		room = []T{} // v1 makes [] a new empty list
	}
	*l = room[:n]
	_, err := dec.ReadToken()
	return err
}

// maxSlabList is the longest list taken from a slab. A slab's next
// allocation is as large as all it handed out, so a list of thousands
// would make the page's next short lists cost as much again.
const maxSlabList = 64

// takeList is a new list of n zero Ts, of capacity n.
func takeList[T any](slab *onepass.Slab[T], n int) []T {
	if n > maxSlabList {
		return make([]T, n)
	}
	return slab.Take(n)
}
