package backup

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"time"

	"github.com/favkit/favorites"
)

// WriteFull writes to w a whole backup of f in one go: a part of kind
// [Full] whose header names f's provider and baseURL (the service's base
// URL, without credentials; "" for the provider's own), then every
// favourite f lists, newest first. It returns how many it wrote; on an
// error, what was written before it is a part cut short, which [Read]
// takes for the whole list, so write to a new file and keep it only when
// WriteFull returns nil.
//
// It is the simple way to a file [favorites.Restore] replays; a backup
// that goes on after a crash, and adds runs of changes, is the backup
// program's (examples/backup), which writes the same format.
func WriteFull(ctx context.Context, w io.Writer, f favorites.Favorites, baseURL string) (int, error) {
	buf := bufio.NewWriter(w)
	bw := NewWriter(buf)
	h := Header{Kind: Full, Provider: f.Provider(), BaseURL: baseURL, Order: NewestFirst, WrittenAt: time.Now().UTC().Truncate(time.Second)}
	if err := bw.Begin(h); err != nil {
		return 0, err
	}
	n := 0
	for fav, err := range f.List(nil).All(ctx) {
		if err != nil {
			return n, fmt.Errorf("backup: listing %s after %d favourites: %w", f.Provider(), n, err)
		}
		if err := bw.Favorite(fav); err != nil {
			return n, err
		}
		n++
	}
	return n, buf.Flush()
}
