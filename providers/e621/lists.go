package e621

import "bytes"

// A post's lists (its tags, locked tags, sources, pools and children) are
// counted before they are built and built at their exact length. Left to
// encoding/json, a slice grows by appending, and a post holding a hundred
// thousand "" or 1 cost about 35 bytes per byte of its JSON; counted, an
// element costs its slice entry (16 bytes for a string's 3, 8 for an ID's
// 2), which keeps a page within drivertest.MaxHeldPerReplyByte. The one-pass
// decoder (wire.go) reads them so, for a listing and for Post.UnmarshalJSON
// alike.

// postFields is Post without its methods, so that decoding into it does not
// call Post.UnmarshalJSON again.
type postFields Post

// postWire is how a post is decoded: its own fields shadow Post's of the
// same JSON names (encoding/json takes the shallower field), and the rest
// is written straight into the Post it points to.
type postWire struct {
	*postFields
	Tags          tagsWire          `json:"tags"`
	LockedTags    stringList        `json:"locked_tags"`
	Sources       stringList        `json:"sources"`
	Pools         idList            `json:"pools"`
	Relationships relationshipsWire `json:"relationships"`
}

// tagsWire is Tags with each category counted.
type tagsWire struct {
	General     stringList `json:"general"`
	Artist      stringList `json:"artist"`
	Contributor stringList `json:"contributor"`
	Copyright   stringList `json:"copyright"`
	Character   stringList `json:"character"`
	Species     stringList `json:"species"`
	Invalid     stringList `json:"invalid"`
	Meta        stringList `json:"meta"`
	Lore        stringList `json:"lore"`
}

// relationshipsWire is Relationships with the children counted.
type relationshipsWire struct {
	*Relationships
	Children idList `json:"children"`
}

// UnmarshalJSON decodes a post as a listing does, each of its lists at its
// exact length. It keeps none of data: Raw is set by the calls that list
// posts, and stays empty here.
func (p *Post) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	*p = Post{}
	d := pageDecoders.Get().(*pageDecoder)
	defer d.put()
	d.buf, d.rd = data, *bytes.NewBuffer(data)
	d.dec.Reset(&d.rd, d.opts)
	_, err := d.post(data, p)
	p.Raw = nil
	return err
}

// stringList is a list of strings decoded at its exact length.
type stringList []string

// idList is a list of IDs decoded at its exact length.
type idList []int64
