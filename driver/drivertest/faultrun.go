package drivertest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites"
)

// errKind is a class of error the fault matrix accepts, named for its table.
type errKind struct {
	name  string
	match func(error) bool
}

func sentinelKind(name string, target error) errKind {
	return errKind{name, func(err error) bool { return errors.Is(err, target) }}
}

// The typed errors of the fault matrix: a favorites sentinel (through an
// *APIError or wrapped), context.DeadlineExceeded, io.ErrUnexpectedEOF for a
// body cut short, or a net.Error from the transport (net/http's *url.Error).
var (
	kindServer      = sentinelKind("ErrServer", favorites.ErrServer)
	kindRateLimited = sentinelKind("ErrRateLimited", favorites.ErrRateLimited)
	kindMalformed   = sentinelKind("ErrMalformedReply", favorites.ErrMalformedReply)
	kindTooLarge    = sentinelKind("ErrResponseTooLarge", favorites.ErrResponseTooLarge)
	kindDeadline    = sentinelKind("context.DeadlineExceeded", context.DeadlineExceeded)
	kindBodyCut     = sentinelKind("io.ErrUnexpectedEOF", io.ErrUnexpectedEOF)
	// context.DeadlineExceeded is a net.Error too, but under a fault that
	// should not make the op wait, meeting the deadline is a hang.
	kindNet = errKind{"net.Error", func(err error) bool {
		var ne net.Error
		return errors.As(err, &ne) && !errors.Is(err, context.DeadlineExceeded)
	}}
)

// plainMessage checks that an HTML error page became a one-line message.
func plainMessage(err error) string {
	if strings.Contains(err.Error(), "<") {
		return "the error text holds the HTML page"
	}
	return ""
}

// retryAfterHour checks that a Retry-After past MaxWait reaches the caller.
func retryAfterHour(err error) string {
	var apiErr *favorites.APIError
	if !errors.As(err, &apiErr) || apiErr.RetryAfter != time.Hour {
		return "want an *APIError with RetryAfter 1h"
	}
	return ""
}

// A matrixOp is one column of the fault matrix: a portable call and the set
// of favourites it leads to from the seeded one.
type matrixOp struct {
	name  string
	run   func(ctx context.Context, env *Env) error
	after func(env *Env) []favorites.Ref
}

// matrixOps are the ops of f: List, Add, Remove, and Toggle for a Toggler.
func matrixOps(f favorites.Favorites) []matrixOp {
	ops := []matrixOp{
		{"List", listSeeded, func(env *Env) []favorites.Ref { return env.Seeded }},
		{"Add", func(ctx context.Context, env *Env) error { return env.Favorites.Add(ctx, env.Absent[0]) }, withAbsent0},
		{"Remove", func(ctx context.Context, env *Env) error { return env.Favorites.Remove(ctx, env.Seeded[1]) },
			func(env *Env) []favorites.Ref {
				return slices.DeleteFunc(slices.Clone(env.Seeded), func(r favorites.Ref) bool { return r == env.Seeded[1] })
			}},
	}
	if _, ok := f.(favorites.Toggler); ok {
		ops = append(ops, matrixOp{"Toggle", toggleAbsent0, withAbsent0})
	}
	return ops
}

func withAbsent0(env *Env) []favorites.Ref { return append(slices.Clone(env.Seeded), env.Absent[0]) }

// listSeeded lists every page and checks that it gave the seeded set once.
func listSeeded(ctx context.Context, env *Env) error {
	var got []favorites.Ref
	for fav, err := range env.Favorites.List(&favorites.ListOptions{PageSize: env.PageSize}).All(ctx) {
		if err != nil {
			return err
		}
		got = append(got, fav.Ref)
	}
	if !sameSet(got, env.Seeded) {
		return fmt.Errorf("listing gave %v, want each of %v once", got, env.Seeded)
	}
	return nil
}

func toggleAbsent0(ctx context.Context, env *Env) error {
	added, err := env.Favorites.(favorites.Toggler).Toggle(ctx, env.Absent[0])
	if err == nil && !added {
		return errors.New("toggling a ref that was not a favourite said it is not one now")
	}
	return err
}

// checkFaultMatrix runs every op under every fault, each on a fresh fake
// seeded with three favourites, and logs one table row per scenario.
func checkFaultMatrix(t *testing.T, h Harness) {
	ops := matrixOps(newEnv(t, h, 3).Favorites)
	faults := matrixFaults()
	t.Logf("| %-28s | %-6s | %-30s | %-9s |", "fault", "op", "outcome", "state")
	for _, f := range faults {
		t.Run(f.name, func(t *testing.T) {
			for _, op := range ops {
				t.Run(op.name, func(t *testing.T) { runScenario(t, h, f, op) })
			}
		})
	}
	t.Logf("fault matrix: %d faults x %d ops = %d scenarios", len(faults), len(ops), len(faults)*len(ops))
}

// runScenario arms the fault, runs the op, then lists with the fault gone
// and judges the outcome against the whole final set.
func runScenario(t *testing.T, h Harness, f matrixFault, op matrixOp) {
	env := newEnv(t, h, 3)
	f.arm(env)
	err := callWithin(t.Context(), env, op, cmp.Or(f.deadline, hangGuard))
	env.Faults.Reset()
	final := listAll(t, env.Favorites, nil)
	state := stateName(final, env.Seeded, op.after(env))
	t.Logf("| %-28s | %-6s | %-30s | %-9s |", f.name, op.name, outcome(err, f.errs), state)
	if msg := judge(f, op.name, err, state); msg != "" {
		t.Errorf("%s under %s: %s; final set %v", op.name, f.name, msg, final)
	}
}

var (
	errPanic = errors.New("panicked")
	errHang  = errors.New("did not return after its context ended")
)

// hangGrace is how long an op may take to return once its context ended
// before it counts as a hang: generous, so that a loaded machine is not
// taken for a hang.
const hangGrace = 5 * time.Second

// callWithin runs op with a context deadline of d, turning a panic into
// errPanic and a call that outlives its context by hangGrace into errHang.
func callWithin(parent context.Context, env *Env, op matrixOp, d time.Duration) error {
	ctx, cancel := context.WithTimeout(parent, d)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- fmt.Errorf("%w: %v", errPanic, p)
			}
		}()
		done <- op.run(ctx, env)
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(d + hangGrace):
		return errHang
	}
}

// stateName says which state final is: the op's "after", the seeded
// "before", both ("unchanged", for List), or "WRONG".
func stateName(final, before, after []favorites.Ref) string {
	b, a := sameSet(final, before), sameSet(final, after)
	switch {
	case a && b:
		return "unchanged"
	case a:
		return "after"
	case b:
		return "before"
	}
	return "WRONG"
}

// outcome names err for the table: "ok", its kind, or "untyped".
func outcome(err error, kinds []errKind) string {
	if err == nil {
		return "ok"
	}
	for _, k := range kinds {
		if k.match(err) {
			return "error " + k.name
		}
	}
	return "error (untyped)"
}

// judge says what is wrong with a scenario's outcome, or "".
func judge(f matrixFault, op string, err error, state string) string {
	switch {
	case err == nil && (state == "after" || state == "unchanged"):
		return ""
	case err == nil:
		return "succeeded, but the final set is not the one it implies"
	case errors.Is(err, errPanic) || errors.Is(err, errHang):
		return err.Error()
	case state == "WRONG":
		return fmt.Sprintf("failed (%v) and left a set that is neither the one before nor the one after", err)
	case f.deadline == 0 && errors.Is(err, context.DeadlineExceeded):
		return fmt.Sprintf("hung until its %v deadline: %v", hangGuard, err)
	case slices.Contains(f.recovers, op):
		return fmt.Sprintf("failed, but the retry policy should have come through this fault: %v", err)
	case outcome(err, f.errs) == "error (untyped)":
		return fmt.Sprintf("failed with an error of none of the expected kinds: %v", err)
	case f.check != nil:
		return f.check(err)
	}
	return ""
}
