package drivertest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/favkit/favorites"
)

// Hostile is one value that tries to change the path or the query of a
// request when put into it, or to make the request absurd.
type Hostile struct {
	Name, Value string

	// Alone marks a value that is hostile only as the whole ID: ".." is a
	// path segment, "..123" is not.
	Alone bool
}

// HostileValues are the values every ID and ref must refuse before sending.
// Provider packages reuse them for their typed methods.
var HostileValues = []Hostile{
	{"empty", "", true},
	{"dot-dot", "..", true},
	{"dot-dot-slash", "../", false},
	{"slash", "/", false},
	{"escaped-slash", "%2F", false},
	{"question-mark", "?x=1", false},
	{"hash", "#top", false},
	{"newline", "\n", false},
	{"crlf", "\r\nX-Injected: 1", false},
	{"nul", "\x00", false},
	{"space", " ", false},
	{"long", strings.Repeat("9", 10000), false},
}

// HostileIDs makes the hostile forms of an ID from a valid one: each hostile
// value alone, before the valid ID and after it (so that "123/../9" is
// tried, not only "/"), each with a name for a table.
func HostileIDs(valid string) []Hostile {
	var out []Hostile
	for _, h := range HostileValues {
		out = append(out, h)
		if h.Alone || valid == "" {
			continue // the value alone is the only form there is
		}
		out = append(out, Hostile{Name: h.Name + "-prefix", Value: h.Value + valid},
			Hostile{Name: h.Name + "-suffix", Value: valid + h.Value})
	}
	return out
}

// namedRef is one row of a ref table.
type namedRef struct {
	name string
	ref  favorites.Ref
}

// hostileRefs makes the hostile refs from a valid ref: a hostile ID with
// its source, and a hostile source with its ID. The empty source is left
// out: it is how a ref says it has none, which a provider may accept (a
// PlayPlay Remove by raw media ID).
func hostileRefs(valid favorites.Ref) []namedRef {
	var out []namedRef
	for _, h := range HostileIDs(valid.ID) {
		out = append(out, namedRef{"ID/" + h.Name, favorites.Ref{ID: h.Value, Source: valid.Source}})
	}
	for _, h := range HostileIDs(valid.Source) {
		if h.Value != "" && h.Value != valid.Source {
			out = append(out, namedRef{"Source/" + h.Name, favorites.Ref{ID: valid.ID, Source: h.Value}})
		}
	}
	return out
}

// refOp is a portable call that takes one ref.
type refOp struct {
	name string
	call func(context.Context, favorites.Ref) error
}

// refOps are the portable calls of f that take one ref.
func refOps(f favorites.Favorites) []refOp {
	ops := []refOp{{"Add", f.Add}, {"Remove", f.Remove}}
	if tg, ok := f.(favorites.Toggler); ok {
		ops = append(ops, refOp{"Toggle", func(ctx context.Context, r favorites.Ref) error {
			_, err := tg.Toggle(ctx, r)
			return err
		}})
	}
	if c, ok := f.(favorites.Checker); ok {
		ops = append(ops, refOp{"IsFavorite", func(ctx context.Context, r favorites.Ref) error {
			_, err := c.IsFavorite(ctx, r)
			return err
		}})
	}
	return ops
}

// checkInvalidRefs tries every hostile form of a valid ref on every call
// that takes a ref: each must be refused with ErrInvalidArgument and send
// nothing. Each row of the table is logged with the reason given.
func checkInvalidRefs(t *testing.T, h Harness) {
	env := newEnv(t, h, 1)
	ops := refOps(env.Favorites)
	for _, hr := range hostileRefs(env.Absent[0]) {
		t.Run(hr.name, func(t *testing.T) {
			before := env.Faults.Requests()
			for _, op := range ops {
				err := op.call(t.Context(), hr.ref)
				if !errors.Is(err, favorites.ErrInvalidArgument) {
					t.Errorf("%s(%#v) = %v, want ErrInvalidArgument", op.name, hr.ref, err)
					continue
				}
				t.Logf("| %-10s | %-26s | refused: %s", op.name, hr.name, Clip(err.Error(), 100))
			}
			if n := env.Faults.Requests() - before; n != 0 {
				t.Errorf("%#v sent %d requests, want none", hr.ref, n)
			}
		})
	}
}

// Clip shortens s to at most n bytes for a table row, marking the cut.
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// RefusesHostile calls call with every hostile form of valid (see
// [HostileIDs]) and checks that each is refused with ErrInvalidArgument and
// sends nothing: requests, such as a fake's Faults.Requests, must not move.
// It logs one table row per value, for provider tests of typed methods.
func RefusesHostile(t *testing.T, method, valid string, requests func() int, call func(ctx context.Context, v string) error) {
	t.Helper()
	for _, h := range HostileIDs(valid) {
		before := requests()
		err := call(t.Context(), h.Value)
		if !errors.Is(err, favorites.ErrInvalidArgument) {
			t.Errorf("%s(%s %.40q) = %v, want ErrInvalidArgument", method, h.Name, h.Value, err)
			continue
		}
		if n := requests() - before; n != 0 {
			t.Errorf("%s(%s %.40q) sent %d requests, want none", method, h.Name, h.Value, n)
		}
		t.Logf("| %-22s | %-26s | refused: %s", method, h.Name, Clip(err.Error(), 100))
	}
}
