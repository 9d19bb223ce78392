package e621

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/onepass"
)

// A listing's posts are decoded in one pass, as Mastodon's statuses are:
// one jsontext.Decoder (the tokenizer of github.com/go-json-experiment/json,
// the code of Go's encoding/json/v2) reads the list's bytes in place, each
// post is filled as its tokens go by, by readers written out for its types
// (readers.go, over onepass.Reader), and its Raw is cut from the list at
// the offsets before and after it. Through encoding/json (v1) each post
// was scanned to find its end, copied into a json.Decoder, scanned again
// to decode, and each of its lists twice more. v2's own reflection-driven struct decoding,
// used here before, looked up every member's name in a map and its
// unmarshaler in a sync.Map: half of a listing's CPU. Post.UnmarshalJSON,
// for callers of encoding/json, decodes with the same readers.

// pageDecoder is one decoding of a listing's bytes and what its readers
// share: the reader of its values (onepass.Reader, with the page's strings)
// and the slabs its pointers and lists are taken from. Decoders are reused
// through pageDecoders.
type pageDecoder struct {
	onepass.Reader
	ints    onepass.Slab[int64]
	floats  onepass.Slab[float64]
	strList onepass.Slab[string]
	idList  onepass.Slab[int64]
}

var pageDecoders = sync.Pool{New: func() any { return new(pageDecoder) }}

// getPageDecoder returns a decoder reading data.
func getPageDecoder(data []byte) *pageDecoder {
	d := pageDecoders.Get().(*pageDecoder)
	d.Strs.Expect(len(data) / 4)
	d.Reset(data)
	return d
}

// put returns d to the pool holding nothing of the reply.
func (d *pageDecoder) put() {
	d.Release()
	d.ints, d.floats, d.strList, d.idList = onepass.Slab[int64]{}, onepass.Slab[float64]{}, onepass.Slab[string]{}, onepass.Slab[int64]{}
	pageDecoders.Put(d)
}

// decodePage decodes list, a JSON array of n posts that DecodeItems's first
// pass has bounded (its count, the lists in its posts, depth), in one
// pass: each post is decoded and given its Raw, a part of list, and
// checked by checkPost. The posts are allocated in one block. It checks
// ctx between posts.
func decodePage(ctx context.Context, list []byte, n int) ([]*Post, error) {
	d := getPageDecoder(list)
	defer d.put()
	if _, err := d.Dec.ReadToken(); err != nil {
		return nil, fmt.Errorf("%w: %v", favorites.ErrMalformedReply, err)
	}
	block := make([]Post, n)
	posts := make([]*Post, 0, n)
	for i := 0; d.Dec.PeekKind() != ']'; i++ {
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
	if _, err := d.Dec.ReadToken(); err != nil {
		return nil, fmt.Errorf("%w: %v", favorites.ErrMalformedReply, err)
	}
	if _, err := d.Dec.ReadToken(); err != io.EOF {
		return nil, fmt.Errorf("%w: more JSON after the list", favorites.ErrMalformedReply)
	}
	d.Strs.Resolve()
	return posts, nil
}

// post decodes the post at the decoder's position into p and gives it its
// Raw; a null post is nil, which checkPost refuses.
func (d *pageDecoder) post(p *Post) (*Post, error) {
	start := onepass.ValueStart(d.Buf, d.Dec.InputOffset())
	if null, err := d.Null(); null || err != nil {
		return nil, err
	}
	if err := d.readPost(p); err != nil {
		return nil, err
	}
	end := int(d.Dec.InputOffset())
	p.Raw = d.Buf[start:end:end]
	return p, nil
}
