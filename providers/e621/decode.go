package e621

import (
	"context"
	"errors"
	"fmt"

	"github.com/favkit/favorites/driver"
)

// decodePosts decodes the "posts" list of a page's envelope (postsOf), of at most limit posts (plus
// ItemMargin), in one pass (decodePage, wire.go) once DecodeItems's first
// pass has bounded it. Each post's Raw is its bytes in the reply, not a copy. A
// list with more posts, or a post shorter than MinPostBytes or longer than
// MaxPostBytes, is refused before any post is decoded, so it never costs
// the memory of their decoded values; a post that Add would refuse (null,
// or without a positive id) makes the page malformed too.
func decodePosts(ctx context.Context, body driver.RawJSON, limit int) ([]*Post, error) {
	list, err := postsOf(body)
	if err != nil {
		return nil, err
	}
	n := 0
	return driver.DecodeItems(ctx, list, driver.ItemRules[*Post]{
		Max: limit + ItemMargin, MinBytes: MinPostBytes, MaxBytes: MaxPostBytes,
		Count: func(count int) error { n = count; return nil },
		List:  func(ctx context.Context, list []byte) ([]*Post, error) { return decodePage(ctx, list, n) }})
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
