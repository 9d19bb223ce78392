package drivertest

import (
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
)

// Harness starts a fresh fake holding seeded favourites and returns an Env
// for it. It registers the fake's shutdown with t.Cleanup.
type Harness func(t *testing.T, seeded int) *Env

// Env is one fake server, the adapters that talk to it, and what the suite
// needs to know of the provider to build its own replies.
type Env struct {
	// Favorites is an adapter with valid credentials. Build it with a
	// retry policy of short waits (a MinWait of a millisecond or so) and no
	// client-side rate limiter, so the suite runs fast.
	Favorites favorites.Favorites

	// WrongCredentials is an adapter on the same fake whose credentials the
	// service does not take: the fake refuses them, or, where the service
	// answers a credential it does not know as anyone's (Lemmy lists
	// nothing for it), refuses them only where the service does. Its
	// listing must still be ErrUnauthorized, never an empty list: such a
	// provider checks the credential (its Verify) when the first page is
	// empty.
	WrongCredentials favorites.Favorites

	// OtherAccount is an adapter on the same fake with valid credentials of
	// another account (as a fake's AddAccount makes one): its marks must be
	// stale to Favorites. Needed when Favorites is a
	// favorites.ChangeLister, unless ChangesRefused says why it has no
	// marks.
	OtherAccount favorites.Favorites

	// ChangesRefused is set for an adapter that is a favorites.ChangeLister
	// by its type but refuses every mark (e621's tag search): it says why.
	// The suite then checks that Changes refuses "" with ErrInvalidArgument
	// and sends nothing, and logs the reason.
	ChangesRefused string

	// Seeded are the refs of the favourites the fake started with.
	Seeded []favorites.Ref

	// Absent are refs of items the fake knows that are not favourites: at
	// least three, and at least as many as Seeded, so that each of many
	// concurrent writers can add one of its own.
	Absent []favorites.Ref

	// Missing are refs of items the service does not have: Remove of one
	// is nil and Add of one is ErrNotFound. At least one.
	Missing []favorites.Ref

	// Spellings gives the other spellings the adapter accepts for the item
	// a canonical ref names (none where a provider has one spelling):
	// Canonical must turn each back into the ref, and Add, Remove and Sync
	// must treat each as that item.
	Spellings func(favorites.Ref) []favorites.Ref

	// Native returns a new **T, as an any, of the provider's own type T of
	// a favourite, such as new(*mastodon.Status): the target the suite
	// gives Favorite.As.
	Native func() any

	// Item makes the n-th (from 1) small honest item, as a user writes one
	// in a test: a JSON object with the ID in one member, at the top or in
	// an object inside it (Lemmy's {"post":{"id":7}}), and a few other
	// fields; and the ref List gives for it. Distinct n make distinct
	// items. The suite puts items on a page in ascending n, so where a
	// page's order is checked (e621's tag search, by descending ID), later
	// n must list later. From it the suite makes its malformed and hostile
	// items: the ID member removed, null, "", of the wrong JSON kind, the
	// objects that hold it removed or null; nesting deeper than
	// driver.MaxJSONDepth.
	Item func(n int) (favorites.Ref, string)

	// ItemIDPath names the member of Item's items that holds the ID, as
	// the member names from the item down ("post", "id"). Needed only
	// where more than one member, at any depth, holds the ID's value;
	// otherwise the suite finds the one that does.
	ItemIDPath []string

	// Page wraps items, each a JSON value, into the body of a 200 answer
	// to the first page of List(nil) that says there is no next page: the
	// items joined by commas between the brackets of the service's list.
	// The suite also replaces that list by other JSON.
	Page func(items []string) string

	// MaxPageItems is the most items the first page of List(nil) may hold:
	// a page of that many lists them all, one more is ErrMalformedReply.
	MaxPageItems int

	// ItemCost is the provider's documented constant in the memory rule
	// (see DecodeRule): what an item of a page may cost beyond
	// MaxHeldPerReplyByte for each of its bytes. The suite answers the
	// first page with many times MaxPageItems of Item's items and, built
	// without -race, holds what the listing allocates to the rule with at
	// most MaxPageItems+1 items counted: a page over its cap must be
	// refused before its items are decoded.
	ItemCost int

	// MaxPageSize is the largest ListOptions.PageSize the adapter takes, a
	// larger one being ErrInvalidArgument with nothing sent; 0 for an
	// adapter that ignores PageSize (the server picks its pages).
	MaxPageSize int

	// Client is the provider's typed client behind Favorites, and Secrets
	// the secret parts of its credentials (a token, an API key; not a
	// login), each at least 8 bytes: under no fmt verb, in no slog handler
	// and in no JSON may the client or the adapter show them, in any
	// encoding.
	Client  any
	Secrets []string

	// Open builds another adapter like Favorites: on the same fake, with
	// the same credentials and the harness's options, and opts after
	// them, so that opts win. The suite gives it a debug logger and a
	// retry policy of its own, and looks for Secrets in what it logs and
	// in its errors.
	Open func(opts ...favorites.Option) (favorites.Favorites, error)

	// RemovalMaySkip is set for a provider whose walk through the list (one
	// Pager, read on) can skip a favourite when one above the read is
	// removed between two pages: it is the reason, as the provider's doc
	// gives it. The suite then logs it and checks only that such a walk
	// gives nothing twice or unknown. Empty: it must skip nothing. A walk
	// resumed from a cursor must skip nothing on every provider.
	RemovalMaySkip string

	// MalformedPages are bodies of a 200 answer to the first page of a
	// listing that the provider must refuse with ErrMalformedReply, beyond
	// those the suite makes itself from Item and Page: an impossible next
	// page, say. Optional.
	MalformedPages []string

	// PageSize is a ListOptions.PageSize that splits the seeded favourites
	// over several pages; 0 for a provider that lists in one page.
	PageSize int

	// Faults injects failures into the fake.
	Faults *favoritestest.Faults

	// MaxBodySize is the response size cap Favorites was built with
	// (favorites.WithMaxBodySize); 0 means favorites.DefaultMaxBodySize. A
	// small cap, such as a MiB, keeps the oversize-body faults quick.
	MaxBodySize int64
}

// BodyCap is a response size cap for a harness's Favorites adapter: far
// above any page the suite lists, small enough that the fault matrix sends
// a body over it quickly. Build the adapter with
// favorites.WithMaxBodySize(BodyCap) and set Env.MaxBodySize to it.
const BodyCap = 1 << 20

// Seeded is how many favourites the suite asks a harness for where it needs
// several pages.
const Seeded = 25

// bodyCap is the response size cap of Favorites.
func (env *Env) bodyCap() int64 {
	if env.MaxBodySize == 0 {
		return favorites.DefaultMaxBodySize
	}
	return env.MaxBodySize
}

// minSecret is the shortest secret the printing check takes: a shorter one
// could show in a printed value by chance.
const minSecret = 8

// newEnv starts a fake through h and checks what every check needs.
func newEnv(t *testing.T, h Harness, seeded int) *Env {
	t.Helper()
	env := h(t, seeded)
	switch {
	case env == nil || env.Favorites == nil || env.WrongCredentials == nil || env.Faults == nil:
		t.Fatal("harness returned an Env without Favorites, WrongCredentials or Faults")
	case len(env.Seeded) != seeded:
		t.Fatalf("harness seeded %d favourites, asked for %d", len(env.Seeded), seeded)
	case len(env.Missing) == 0:
		t.Fatal("harness gave no Missing refs: items the service does not have")
	case len(env.Absent) < max(3, seeded):
		t.Fatalf("harness gave %d absent refs for %d seeded, need %d", len(env.Absent), seeded, max(3, seeded))
	}
	return env
}

// missingFields names what env lacks of what the whole suite needs, so that
// Run can say it once instead of every check failing on its own.
func missingFields(env *Env) []string {
	var out []string
	need := func(ok bool, what string) {
		if !ok {
			out = append(out, what)
		}
	}
	need(env.Native != nil, "Native (the provider's own type, for Favorite.As)")
	need(env.Item != nil && env.Page != nil, "Item and Page (the shape of a listing, for the suite's own replies)")
	need(env.MaxPageItems > 0, "MaxPageItems (the most items a page may hold)")
	need(env.ItemCost > 0, "ItemCost (the provider's constant an item in the memory rule)")
	need(env.Open != nil, "Open (an adapter like Favorites with the suite's options, for the logging check)")
	need(env.MaxPageSize >= 0, "MaxPageSize of 0 or more")
	need(env.Client != nil && len(env.Secrets) > 0, "Client and Secrets (for the printing check)")
	for _, s := range env.Secrets {
		need(len(s) >= minSecret, "Secrets of at least 8 bytes each")
	}
	if _, ok := env.Favorites.(favorites.ChangeLister); ok && env.ChangesRefused == "" {
		need(env.OtherAccount != nil, "OtherAccount (a ChangeLister's marks of another account must be stale)")
	}
	return out
}

// OpenWith makes an Env.Open of a provider's constructor of a client, the
// harness's options first and the suite's after them, and its NewAdapter:
//
//	openClient := func(opts ...favorites.Option) (*dch.Client, error) {
//		return srv.Client(append(harnessOptions, opts...)...)
//	}
//	env.Open = drivertest.OpenWith(openClient, dch.NewAdapter)
func OpenWith[C any, A favorites.Favorites](newClient func(opts ...favorites.Option) (C, error), newAdapter func(C) A) func(opts ...favorites.Option) (favorites.Favorites, error) {
	return func(opts ...favorites.Option) (favorites.Favorites, error) {
		c, err := newClient(opts...)
		if err != nil {
			return nil, err
		}
		return newAdapter(c), nil
	}
}
