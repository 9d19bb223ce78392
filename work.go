package favorites

import (
	"context"
	"time"
)

// The defaults Sync and Restore share.
const (
	defaultConcurrency = 4
	defaultGrace       = time.Minute
)

// workDefaults fills the settings of a Sync or a Restore left at zero.
func workDefaults(concurrency *int, grace *time.Duration) {
	if *concurrency <= 0 {
		*concurrency = defaultConcurrency
	}
	if *grace <= 0 {
		*grace = defaultGrace
	}
}

// outlive is a context that ends grace after ctx ends, not with it: a
// call begun before an interrupt may finish, so that its outcome is
// known, but not take for ever. Until ctx ends nothing is timed, so a call
// that waits out a rate limit is no failure. cancel releases it.
func outlive(ctx context.Context, grace time.Duration) (context.Context, context.CancelFunc) {
	octx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(ctx, func() { time.AfterFunc(grace, cancel) })
	return octx, func() {
		stop()
		cancel()
	}
}
