package favorites

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// Access is what a job needs a credential to allow, in words no provider
// owns: each provider maps it to its own permissions (on Mastodon,
// ReadAccess is the scope read:favourites, WriteAccess write:favourites and
// SearchAccess read:search). Join them with |.
type Access uint8

const (
	ReadAccess   Access = 1 << iota // list the favourites
	WriteAccess                     // add and remove favourites
	SearchAccess                    // find an item of another server on this one, as moving favourites between Mastodon instances does
)

// String names the parts of a, such as "read|write".
func (a Access) String() string {
	var parts []string
	for _, p := range []struct {
		bit  Access
		name string
	}{{ReadAccess, "read"}, {WriteAccess, "write"}, {SearchAccess, "search"}} {
		if a&p.bit != 0 {
			parts = append(parts, p.name)
		}
	}
	if rest := a &^ (ReadAccess | WriteAccess | SearchAccess); rest != 0 {
		parts = append(parts, fmt.Sprintf("Access(%#x)", uint8(rest)))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "|")
}

// A Verifier checks its credential before a long job, so that a bad or
// too narrow one fails at the start, not part-way through.
//
// Verify checks with one cheap request (two at most) that the service
// accepts the credential: a refused one is an error matching
// [ErrUnauthorized]. Where the service tells which permissions a
// credential holds (Mastodon's token info), it also checks that they cover
// need, and a credential that lacks one is a [*ScopeError] naming it,
// matching [ErrMissingScope] and [ErrForbidden]. Where the service does not
// tell, need is not checked: the job meets the service's own refusal, if
// any, when it gets there. Each provider's documentation says which.
//
// [Restore], [Sync] and watch.Added call it at their start when their
// Favorites or ChangeLister is a Verifier: see [Verify].
type Verifier interface {
	Verify(ctx context.Context, need Access) error
}

// Verify checks f's credential for need when f is a [Verifier], and is nil
// when it is not. A job calls it before its first change, so that a
// credential that cannot do the job stops it before anything is done.
func Verify(ctx context.Context, f any, need Access) error {
	v, ok := f.(Verifier)
	if !ok {
		return nil
	}
	return v.Verify(ctx, need)
}

// ErrMissingScope is what a [*ScopeError] matches: the service says the
// credential lacks a permission the job needs.
var ErrMissingScope = errors.New("credential lacks a scope the job needs")

// ScopeError says which permissions a credential lacks for a job, in the
// service's own names, by the service's own word about the credential,
// before anything was sent for the job. It matches [ErrMissingScope] and
// [ErrForbidden] (the answer the job would have met part-way through).
type ScopeError struct {
	Provider string
	Missing  []string // what the job needs and the credential lacks, such as "write:favourites"
	Granted  []string // what the service says the credential holds
}

// Error names what is missing and what the credential holds, such as
// `mastodon: the token lacks the scope write:favourites (it has
// read:favourites); sign in again asking for it`.
func (e *ScopeError) Error() string {
	granted := "none"
	if len(e.Granted) > 0 {
		granted = strings.Join(e.Granted, " ")
	}
	noun := "scope"
	if len(e.Missing) > 1 {
		noun = "scopes"
	}
	return fmt.Sprintf("%s: the credential lacks the %s %s (it has %s); sign in again asking for it",
		e.Provider, noun, strings.Join(e.Missing, " "), granted)
}

// Unwrap gives [ErrMissingScope] and [ErrForbidden], for [errors.Is].
func (e *ScopeError) Unwrap() []error { return []error{ErrMissingScope, ErrForbidden} }
