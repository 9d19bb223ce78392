package e621

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/internal/onepass"
)

// decodePosts decodes the "posts" list of a page's envelope, of at most
// limit posts (plus ItemMargin), in one pass (decodePage, wire.go) once
// DecodeItems's first pass has bounded it. Each post's Raw is its bytes in
// the reply, not a copy. A list with more posts, or a post shorter than
// MinPostBytes or longer than MaxPostBytes, is refused before any post is
// decoded, so it never costs the memory of their decoded values; a post
// that Add would refuse (null, or without a positive id) makes the page
// malformed too.
//
// A reply shaped as e621's always are, {"posts":[...]}, is taken at its
// word (plainPosts) and DecodeItems's pass finds out whether the list is
// one: only if it is not is the envelope walked (postsOf), which reads
// every byte of the list once more to find its end.
func decodePosts(ctx context.Context, body driver.RawJSON, limit int) ([]*Post, error) {
	if list := plainPosts(body); list != nil {
		posts, counted, err := decodeList(ctx, list, limit)
		if err == nil || counted { // the list was one, and DecodeItems read it
			return posts, err
		}
	}
	list, err := postsOf(body)
	if err != nil {
		return nil, err
	}
	posts, _, err := decodeList(ctx, list, limit)
	return posts, err
}

// decodeList decodes a "posts" list; counted says whether DecodeItems's
// first pass accepted it as one list (and so whether the error, if any, is
// the posts').
func decodeList(ctx context.Context, list []byte, limit int) (posts []*Post, counted bool, err error) {
	n := 0
	posts, err = driver.DecodeItems(ctx, list, driver.ItemRules[*Post]{
		Max: limit + ItemMargin, MinBytes: MinPostBytes, MaxBytes: MaxPostBytes,
		Count: func(count int) error { n, counted = count, true; return nil },
		List:  func(ctx context.Context, list []byte) ([]*Post, error) { return decodePage(ctx, list, n) }})
	return posts, counted, err
}

// plainPosts is what lies between `{"posts":` and the closing `}` of a
// reply of that shape (white space aside) when it is a list's bounds,
// else nil: the "posts" list if the envelope has no other member.
func plainPosts(body []byte) []byte {
	body = onepass.TrimSpace(body)
	if len(body) == 0 || body[0] != '{' || body[len(body)-1] != '}' {
		return nil
	}
	i := onepass.SkipSpace(body, 1)
	if !bytes.HasPrefix(body[i:], []byte(`"posts"`)) {
		return nil
	}
	if i = onepass.SkipSpace(body, i+len(`"posts"`)); i == len(body) || body[i] != ':' {
		return nil
	}
	list := onepass.TrimSpace(body[i+1 : len(body)-1])
	if len(list) < 2 || list[0] != '[' || list[len(list)-1] != ']' {
		return nil
	}
	return list
}

// checkPost accepts one listed post: not null (nil), with a positive id.
func checkPost(p *Post) error {
	switch {
	case p == nil:
		return errors.New("a null post")
	case p.ID < 1:
		return fmt.Errorf("a post without a positive id (%d)", p.ID)
	}
	return nil
}
