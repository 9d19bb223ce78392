package favorites

import "context"

// A ChangeLister lists changes since a mark ("" is now) in requests that grow
// with them; a mark not of this list or too old is [ErrStaleMark].
type ChangeLister interface {
	Changes(ctx context.Context, mark string) (*Changes, error)
}

// Changes is what a ChangeLister found since a mark, and the next mark.
type Changes struct {
	Added         []Favorite // newest first
	Removed       []Ref      // complete only when RemovalsKnown; else use Diff
	RemovalsKnown bool       // one answer showed the whole list
	Mark          string     // where the next Changes goes on
}
