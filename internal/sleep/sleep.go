// Package sleep waits out a delay unless the context ends first: the one
// wait of the client's pacer and of the limiters, in this module and in
// contrib/redislimit.
package sleep

import (
	"context"
	"time"
)

// For waits d, or returns ctx's error if it ends first; d <= 0 returns at
// once.
func For(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
