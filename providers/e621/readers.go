package e621

import (
	"cmp"
	"fmt"

	"github.com/favkit/favorites/internal/onepass"
)

// A post's readers are generated from its types' json tags
// (readers_gen.go, by internal/cmd/readergen): a switch on the members'
// names (onepass.Reader.Object), each value read as encoding/json v1
// reads one of its Go type. The tests hold them to v1 on every shape and
// under fuzzing (lists_test.go), and every field to a reader
// (everyfield_test.go). A post's lists (its tags, locked tags, sources,
// pools and children) are read by list below: counted before they are
// built and built at their exact length, which keeps an item of one at
// ListItemCost.

//go:generate go run ../../internal/cmd/readergen -decoder pageDecoder -list "list(d, {{.Field}}, {{.Slab}}, {{.Read}})" Post

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
