package favorites

import (
	"context"
	"fmt"
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

// begin is what Sync and Restore do before they change anything: check
// that f's credential has need (without write for a dry run), where the
// adapter can tell, then list f's favourites, each made canonical. An
// error names job and says nothing was changed.
func begin(ctx context.Context, job string, f Favorites, need Access, dryRun bool) ([]Ref, error) {
	if dryRun {
		need &^= WriteAccess
	}
	if err := Verify(ctx, f, need); err != nil {
		return nil, fmt.Errorf("%s %s: the credential cannot do the job, nothing changed: %w", job, f.Provider(), err)
	}
	current, err := listRefs(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("%s %s: listing failed after %d favourites, nothing changed: %w",
			job, f.Provider(), len(current), err)
	}
	return current, nil
}
