package e621

// The readers of a post and of the values in it, one for each of its
// struct types: a switch on the members' names (see pageDecoder.object).
// A post's lists (its tags, locked tags, sources, pools and children) are
// counted before they are built and built at their exact length (see
// list), which keeps a page within drivertest.MaxHeldPerReplyByte.

// postFields is Post without its methods, so that encoding/json decodes
// into it by reflection: the tests' reference.
type postFields Post

// readPost reads a post into p.
func (d *pageDecoder) readPost(p *Post) error {
	return d.object("a post", func(name []byte) (bool, error) {
		switch string(name) {
		case "id":
			return true, integer(d, &p.ID)
		case "created_at":
			return true, d.timestamp(&p.CreatedAt)
		case "updated_at":
			return true, d.timestamp(&p.UpdatedAt)
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
			return true, integer(d, &p.ChangeSeq)
		case "flags":
			return true, d.readFlags(&p.Flags)
		case "rating":
			return true, d.str((*string)(&p.Rating))
		case "fav_count":
			return true, integer(d, &p.FavCount)
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
		return true, ptr(d, &p.ApproverID, &d.ints, d.int64)
	case "uploader_id":
		return true, integer(d, &p.UploaderID)
	case "description":
		return true, d.str(&p.Description)
	case "comment_count":
		return true, integer(d, &p.CommentCount)
	case "is_favorited":
		return true, d.boolean(&p.IsFavorited)
	case "has_notes":
		return true, d.boolean(&p.HasNotes)
	case "duration":
		return true, ptr(d, &p.Duration, &d.floats, d.number)
	}
	return false, nil
}

// int64 reads an int64 (for ptr and list, which take a method).
func (d *pageDecoder) int64(p *int64) error { return integer(d, p) }

// strings reads a list of strings; a null item leaves the item as it was
// ("" in a new list).
func (d *pageDecoder) strings(l *[]string) error { return list(d, l, &d.strList, d.str) }

// ids reads a list of IDs, each as v1 reads an int64; a null item leaves
// the item as it was (0 in a new list).
func (d *pageDecoder) ids(l *[]int64) error { return list(d, l, &d.idList, d.int64) }

func (d *pageDecoder) readFile(f *File) error {
	return d.object("a file", func(name []byte) (bool, error) {
		switch string(name) {
		case "width":
			return true, integer(d, &f.Width)
		case "height":
			return true, integer(d, &f.Height)
		case "ext":
			return true, d.str(&f.Ext)
		case "size":
			return true, integer(d, &f.Size)
		case "md5":
			return true, d.str(&f.MD5)
		case "url":
			return true, d.str(&f.URL)
		}
		return false, nil
	})
}

func (d *pageDecoder) readPreview(p *Preview) error {
	return d.object("a preview", func(name []byte) (bool, error) {
		switch string(name) {
		case "width":
			return true, integer(d, &p.Width)
		case "height":
			return true, integer(d, &p.Height)
		case "url":
			return true, d.str(&p.URL)
		}
		return false, nil
	})
}

func (d *pageDecoder) readSample(s *Sample) error {
	return d.object("a sample", func(name []byte) (bool, error) {
		switch string(name) {
		case "has":
			return true, d.boolean(&s.Has)
		case "width":
			return true, integer(d, &s.Width)
		case "height":
			return true, integer(d, &s.Height)
		case "url":
			return true, d.str(&s.URL)
		}
		return false, nil
	})
}

func (d *pageDecoder) readScore(s *Score) error {
	return d.object("a score", func(name []byte) (bool, error) {
		switch string(name) {
		case "up":
			return true, integer(d, &s.Up)
		case "down":
			return true, integer(d, &s.Down)
		case "total":
			return true, integer(d, &s.Total)
		}
		return false, nil
	})
}

func (d *pageDecoder) readTags(t *Tags) error {
	return d.object("the tags", func(name []byte) (bool, error) {
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
	return d.object("the flags", func(name []byte) (bool, error) {
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
		return true, d.boolean(b)
	})
}

func (d *pageDecoder) readRelationships(r *Relationships) error {
	return d.object("the relationships", func(name []byte) (bool, error) {
		switch string(name) {
		case "parent_id":
			return true, ptr(d, &r.ParentID, &d.ints, d.int64)
		case "has_children":
			return true, d.boolean(&r.HasChildren)
		case "has_active_children":
			return true, d.boolean(&r.HasActiveChildren)
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
