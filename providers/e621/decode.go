package e621

import (
	"context"
	"errors"
	"fmt"

	"github.com/favkit/favorites/driver"
)

// postsPath is where a listing's reply holds its posts.
var postsPath = []string{"posts"}

// decodePosts decodes the "posts" list of a page's envelope, the reply's
// bytes as Client.Do gives them, of at most limit posts (plus ItemMargin),
// in one pass (decodePage, wire.go) once DecodeItems's first pass has
// found and bounded it. Each post's Raw is its bytes in the reply, not a
// copy. A list with more posts, or a post holding a list of more than
// MaxListItems items, is refused before any post is decoded, so it never
// costs the memory of their decoded values; a post that Add would refuse
// (null, or without a positive id) makes the page malformed too. A field a
// post leaves out is its zero value, as encoding/json leaves it.
func decodePosts(ctx context.Context, body driver.RawJSON, limit int) ([]*Post, error) {
	n := 0
	return driver.DecodeItems(ctx, body, driver.ItemRules[*Post]{
		Path: postsPath, Max: limit + ItemMargin, MaxNested: MaxListItems,
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
