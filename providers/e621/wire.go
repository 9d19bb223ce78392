package e621

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	json "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/internal/onepass"
)

// A listing's posts are decoded in one pass with
// github.com/go-json-experiment/json (the code of Go's encoding/json/v2),
// as Mastodon's statuses are: one jsontext.Decoder reads the list's bytes
// in place, each post is filled as its tokens go by and its Raw is cut
// from the list at the offsets before and after it. Through encoding/json
// (v1) each post was scanned to find its end, copied into a json.Decoder,
// scanned again to decode, and each of its lists twice more by
// stringList and idList. Post.UnmarshalJSON, for callers of encoding/json,
// still decodes the v1 way.

// pageDecoder is one decoding of a listing's bytes; built once with its
// options and reused through pageDecoders, since building the options
// costs more than decoding a post.
type pageDecoder struct {
	dec  *jsontext.Decoder
	rd   bytes.Buffer
	opts json.Options
	wire postWire

	buf []byte // the list being decoded
}

var pageDecoders = sync.Pool{New: func() any { return newPageDecoder() }}

// newPageDecoder builds a decoder with onepass.Options (held to encoding/json
// v1 by TestListingDecodesAsEncodingJSON and the fuzz target
// FuzzPostListsDecodeAsEncodingJSON) and the readers of a post's lists
// below, as stringList and idList do in v1: exact length, and null leaves
// the list as it was.
func newPageDecoder() *pageDecoder {
	d := &pageDecoder{}
	d.opts = onepass.Options(json.UnmarshalFromFunc(d.strings), json.UnmarshalFromFunc(d.idList))
	d.dec = jsontext.NewDecoder(&d.rd, d.opts)
	return d
}

// put returns d to the pool holding nothing of the reply.
func (d *pageDecoder) put() {
	d.rd = bytes.Buffer{}
	d.dec.Reset(&d.rd, d.opts)
	d.wire = postWire{}
	d.buf = nil
	pageDecoders.Put(d)
}

// decodePage decodes list, a JSON array of n posts that DecodeItems's first
// pass has bounded (count, size of each, depth), in one pass: each post is
// decoded and given its Raw, a part of list, and checked by checkPost. The
// posts are allocated in one block. It checks ctx between posts.
func decodePage(ctx context.Context, list []byte, n int) ([]*Post, error) {
	d := pageDecoders.Get().(*pageDecoder)
	defer d.put()
	d.buf, d.rd = list, *bytes.NewBuffer(list)
	d.dec.Reset(&d.rd, d.opts)
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
		p, err := d.post(list, &block[i])
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
	return posts, nil
}

// post decodes the post at the decoder's position into p and gives it its
// Raw; a null post is nil, which checkPost refuses.
func (d *pageDecoder) post(list []byte, p *Post) (*Post, error) {
	start := onepass.ValueStart(d.buf, d.dec.InputOffset())
	if d.dec.PeekKind() == 'n' {
		_, err := d.dec.ReadToken()
		return nil, err
	}
	d.wire = postWire{postFields: (*postFields)(p), Relationships: relationshipsWire{Relationships: &p.Relationships}}
	err := json.UnmarshalDecode(d.dec, &d.wire)
	w := &d.wire
	t := &w.Tags
	p.Tags = Tags{General: t.General, Artist: t.Artist, Contributor: t.Contributor, Copyright: t.Copyright,
		Character: t.Character, Species: t.Species, Invalid: t.Invalid, Meta: t.Meta, Lore: t.Lore}
	p.LockedTags, p.Sources, p.Pools = w.LockedTags, w.Sources, w.Pools
	p.Relationships.Children = w.Relationships.Children
	if err != nil {
		return nil, err
	}
	end := int(d.dec.InputOffset())
	p.Raw = list[start:end:end]
	return p, nil
}

// strings reads a list of strings at its exact length; a null item is "",
// and null leaves the list as it was, as stringList does in v1.
func (d *pageDecoder) strings(dec *jsontext.Decoder, l *stringList) error {
	return readList(d, dec, (*[]string)(l))
}

// idList reads a list of IDs at its exact length, each as v1 reads an
// int64; a null item is 0, and null leaves the list as it was.
func (d *pageDecoder) idList(dec *jsontext.Decoder, l *idList) error {
	return readList(d, dec, (*[]int64)(l))
}

// readList reads a JSON list into *l, made at the length
// onepass.CountList counts first: growing it by append would allocate some three times its size,
// and a post of a hundred thousand "" would cost 30 bytes a byte of JSON.
func readList[T any](d *pageDecoder, dec *jsontext.Decoder, l *[]T) error {
	at := onepass.ValueStart(d.buf, d.dec.InputOffset())
	ok, err := openList(dec)
	if !ok || err != nil {
		return err
	}
	n, _, _ := onepass.CountList(d.buf, at) // 0 for a list cut short, which the decoder then refuses
	out := make([]T, 0, n)
	for dec.PeekKind() != ']' {
		// Decoded in place: a local would escape, an allocation an item.
		out = append(out, *new(T))
		if err := json.UnmarshalDecode(dec, &out[len(out)-1]); err != nil {
			return err
		}
	}
	*l = out
	_, err = dec.ReadToken()
	return err
}

// openList reads the '[' of a list; ok is false (and the value read) for a
// null, and anything else is an error.
func openList(dec *jsontext.Decoder) (ok bool, err error) {
	switch k := dec.PeekKind(); k {
	case 'n':
		_, err := dec.ReadToken()
		return false, err
	case '[':
		_, err := dec.ReadToken()
		return err == nil, err
	case 0:
		_, err := dec.ReadToken() // the syntax error
		return false, err
	default:
		return false, fmt.Errorf("%s where a list was due", strconv.Quote(k.String()))
	}
}

// postsOf finds the "posts" list of a listing's envelope, the reply's
// bytes as Client.Do gives them to a *driver.RawJSON, in place: as
// encoding/json read it into a struct, a name matches "posts" in any case,
// the last one counts, other members are skipped and the envelope must be
// one JSON object. Decoding the envelope through encoding/json first
// scanned the whole reply twice more (checking it, then skipping the
// list) before the posts were read at all. nil is no list, for
// DecodeItems to refuse.
func postsOf(body []byte) ([]byte, error) {
	if body == nil {
		return nil, nil
	}
	d := pageDecoders.Get().(*pageDecoder)
	defer d.put()
	d.buf, d.rd = body, *bytes.NewBuffer(body)
	d.dec.Reset(&d.rd, d.opts)
	if k := d.dec.PeekKind(); k != '{' {
		return nil, fmt.Errorf("%w: %s where an object was due", favorites.ErrMalformedReply, onepass.KindName(k))
	}
	var posts []byte
	_, err := d.dec.ReadToken()
	for err == nil && d.dec.PeekKind() != '}' {
		var name jsontext.Token
		if name, err = d.dec.ReadToken(); err != nil {
			break
		}
		isPosts := matchPosts(name.String()) // the token is valid until the next read
		start, null := onepass.ValueStart(d.buf, d.dec.InputOffset()), d.dec.PeekKind() == 'n'
		if err = d.dec.SkipValue(); err == nil && isPosts {
			posts = body[start:int(d.dec.InputOffset())]
			if null {
				posts = nil
			}
		}
	}
	if err == nil {
		_, err = d.dec.ReadToken()
	}
	if err == nil {
		if _, end := d.dec.ReadToken(); end != io.EOF {
			err = errors.New("more JSON after the object")
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", favorites.ErrMalformedReply, err)
	}
	return posts, nil
}

// matchPosts says whether a member's name is "posts" to encoding/json:
// the same letters in any case.
func matchPosts(name string) bool { return strings.EqualFold(name, "posts") }
