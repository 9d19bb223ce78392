package e621

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/onepass"
)

// A listing's posts are decoded in one pass, as Mastodon's statuses are:
// one jsontext.Decoder (the tokenizer of github.com/go-json-experiment/json,
// the code of Go's encoding/json/v2) reads the list's bytes in place, each
// post is filled as its tokens go by, by readers written out for its types
// (readers.go, lists.go), and its Raw is cut from the list at the offsets
// before and after it. Through encoding/json (v1) each post was scanned to
// find its end, copied into a json.Decoder, scanned again to decode, and
// each of its lists twice more. v2's own reflection-driven struct decoding,
// used here before, looked up every member's name in a map and its
// unmarshaler in a sync.Map: half of a listing's CPU. Post.UnmarshalJSON,
// for callers of encoding/json, decodes with the same readers.

// pageDecoder is one decoding of a listing's bytes and what its readers
// share: the page's strings (made one allocation, see onepass.Strings) and
// the slabs its pointers and lists are taken from. Decoders are reused
// through pageDecoders.
type pageDecoder struct {
	dec *jsontext.Decoder
	rd  bytes.Buffer
	buf []byte // what dec reads, which a Raw or a list's count is cut from

	strs    onepass.Strings
	ints    onepass.Slab[int64]
	floats  onepass.Slab[float64]
	strList onepass.Slab[string]
	idList  onepass.Slab[int64]
	name    []byte // a member's name, folded (foldName)
	scratch []byte
}

var pageDecoders = sync.Pool{New: func() any { return newPageDecoder() }}

// decodeOptions make jsontext read what encoding/json v1 reads: a
// repeated name (v1 takes its last value) and invalid UTF-8 (v1 replaces
// it), where jsontext would refuse both.
var decodeOptions = []jsontext.Options{jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true)}

func newPageDecoder() *pageDecoder {
	d := &pageDecoder{}
	d.dec = jsontext.NewDecoder(&d.rd, decodeOptions...)
	return d
}

// getPageDecoder returns a decoder reading data.
func getPageDecoder(data []byte) *pageDecoder {
	d := pageDecoders.Get().(*pageDecoder)
	d.strs.Expect(len(data) / 4)
	d.reset(data)
	return d
}

// reset makes d read data from its start.
func (d *pageDecoder) reset(data []byte) {
	d.buf, d.rd = data, *bytes.NewBuffer(data)
	d.dec.Reset(&d.rd, decodeOptions...)
}

// put returns d to the pool holding nothing of the reply, resolving the
// strings of a decoding that stopped short (see onepass.Strings).
func (d *pageDecoder) put() {
	d.strs.Resolve()
	d.ints, d.floats, d.strList, d.idList = onepass.Slab[int64]{}, onepass.Slab[float64]{}, onepass.Slab[string]{}, onepass.Slab[int64]{}
	d.rd = bytes.Buffer{}
	d.dec.Reset(&d.rd, decodeOptions...)
	d.buf = nil
	if cap(d.scratch) > 4<<10 {
		d.scratch = nil
	}
	pageDecoders.Put(d)
}

// decodePage decodes list, a JSON array of n posts that DecodeItems's first
// pass has bounded (count, size of each, depth), in one pass: each post is
// decoded and given its Raw, a part of list, and checked by checkPost. The
// posts are allocated in one block. It checks ctx between posts.
func decodePage(ctx context.Context, list []byte, n int) ([]*Post, error) {
	d := getPageDecoder(list)
	defer d.put()
	if _, err := d.dec.ReadToken(); err != nil {
		return nil, fmt.Errorf("%w: %v", favorites.ErrMalformedReply, err)
	}
	block := make([]Post, n)
	posts := make([]*Post, 0, n)
	for i := 0; d.dec.PeekKind() != ']'; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if i == n {
			return nil, fmt.Errorf("%w: item %d: more posts than counted", favorites.ErrMalformedReply, i)
		}
		p, err := d.post(&block[i])
		if err == nil {
			err = checkPost(p) // p is nil for a null post
		}
		if err != nil {
			return nil, fmt.Errorf("%w: item %d: %v", favorites.ErrMalformedReply, i, err)
		}
		posts = append(posts, p)
	}
	if _, err := d.dec.ReadToken(); err != nil {
		return nil, fmt.Errorf("%w: %v", favorites.ErrMalformedReply, err)
	}
	if _, err := d.dec.ReadToken(); err != io.EOF {
		return nil, fmt.Errorf("%w: more JSON after the list", favorites.ErrMalformedReply)
	}
	d.strs.Resolve()
	return posts, nil
}

// post decodes the post at the decoder's position into p and gives it its
// Raw; a null post is nil, which checkPost refuses.
func (d *pageDecoder) post(p *Post) (*Post, error) {
	start := onepass.ValueStart(d.buf, d.dec.InputOffset())
	if null, err := d.null(); null || err != nil {
		return nil, err
	}
	if err := d.readPost(p); err != nil {
		return nil, err
	}
	end := int(d.dec.InputOffset())
	p.Raw = d.buf[start:end:end]
	return p, nil
}
