// Package drivertest is the conformance suite every provider adapter
// passes: the whole contract of favorites.Favorites and its extras,
// checked against the provider's fake server. A sixth provider gets every
// check by writing a [Harness]; nothing in the suite names a provider.
//
// [Run] checks, each on a fresh fake:
//
//   - Listing: every page with no gap or duplicate, a resume from a
//     cursor, the fields of a Favorite, canonical refs; a removal above
//     the read between two pages skips nothing, in a walk read on or
//     resumed from its cursor (where [Env.RemovalMaySkip] gives the
//     provider's reason a walk read on may skip, it must list nothing twice
//     or unknown, and the reason is logged); a PageSize over
//     [Env.MaxPageSize], or negative, is ErrInvalidArgument with nothing
//     sent.
//   - Writes: Add and Remove idempotent in every spelling, an item the
//     service does not have, a 404 that is not the service's own answer,
//     a 2xx with a body cut short is done.
//   - Wrong credentials: a listing never passes for an empty list; its
//     first page is ErrUnauthorized, the service's refusal or, where the
//     service lists nothing for a credential it does not know (Lemmy),
//     that of the adapter's own check of it made on an empty first page.
//     Add is ErrUnauthorized. For a favorites.Verifier, Verify passes a
//     job that reads and writes in one or two requests, and refuses the
//     wrong credentials with ErrUnauthorized.
//   - Replies the suite makes itself from the harness's item shape
//     ([Env.Item], [Env.Page]), answered to the first page: a page of
//     small honest items lists exactly them; a page of MaxPageItems lists,
//     one more is ErrMalformedReply; so is an item without its ID (the
//     member, found at any depth, removed, null, "", of the wrong JSON
//     kind; the objects that hold it removed or null), a null, number,
//     string or array item, the list replaced by an object, a string,
//     null or a number, an empty, null or {} body, and JSON nested deeper
//     than driver.MaxJSONDepth inside an item. Never a short listing.
//   - PageCapDecodeCost, in a build without -race only (the race
//     detector allocates on its own): a first page of many times
//     MaxPageItems tiny items is refused, and listing it allocates no more
//     than the memory rule allows for a page at its cap ([Env.ItemCost],
//     [MaxHeldPerReplyByte]): a page's cap is kept before its items are
//     decoded.
//   - Favorite.As: into a new [Env.Native] after a JSON round trip of the
//     Favorite, and false into a target of another type or provider.
//   - favorites.ChangeLister, when the adapter is one: "" is "from now",
//     in one request and with no items; favourites added one by one come
//     back newest first, each once, and the next mark gives nothing new;
//     a mark of another account ([Env.OtherAccount]) or provider, or no
//     mark at all, is ErrStaleMark with nothing sent.
//   - Printing: under every fmt verb, in slog's text and JSON output and
//     in JSON, neither the adapter nor its client ([Env.Client]) shows a
//     secret of [Env.Secrets], raw or encoded (hex, base64 at any offset,
//     percent-encoded). Logging: an adapter with a debug logger
//     ([Env.Open]) shows none in its log or its errors, after retries and
//     when a hostile server's 401 echoes the credential back to a List,
//     an Add or a Remove.
//   - Reliability: retries of a 503 and a 429 with Retry-After,
//     cancellation, hostile refs refused with nothing sent, and:
//   - FaultMatrix: every op (List, Add, Remove, and Toggle for a Toggler)
//     under every fault the fakes inject (5xx bursts, 429 storms, cut
//     connections, truncated, cut, stalled, mislabelled and oversize
//     bodies, HTML error pages), each on a fresh fake. An op either
//     succeeds and leaves exactly the set it implies, or returns a typed
//     error and leaves the set as it was or as the op would have left it.
//     Typed means a favorites sentinel (through an *APIError or wrapped),
//     context.DeadlineExceeded, io.ErrUnexpectedEOF for a body cut short,
//     or a net.Error from the transport; each row of the matrix names the
//     kinds it accepts. The ops safe to repeat must come through the faults
//     the retry policy mends. A panic, a hang, a duplicate or a removal
//     not asked for fails. go test -v prints one table row per scenario.
//   - InvalidRefSendsNothing: every hostile form of a ref's ID and source
//     ([HostileIDs]) is refused with ErrInvalidArgument and sends nothing.
//   - Concurrent: 64 goroutines share one adapter, writing and listing, and
//     the final set is exactly the one their writes imply.
//   - Toggle and IsFavorite, when the adapter has them.
//
// A provider's test calls [Run] with a [Harness] that starts its fake,
// seeds it and returns an [Env]: the adapters (good, wrong and another
// account's credentials, and a way to build one with the suite's
// options), the refs it seeded, the shape of the provider's listing and
// its limits, the client and its secrets. The Run example is a whole one,
// DCH's.
package drivertest

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
)

// Run runs every conformance check against the harness, each as a subtest
// with a fresh fake. An Env that lacks what the suite needs fails at once,
// naming the fields.
func Run(t *testing.T, h Harness) {
	t.Helper()
	all := slices.Concat(checks, costChecks)
	probe := newEnv(t, h, 1)
	if missing := missingFields(probe); len(missing) > 0 {
		t.Fatalf("the harness's Env lacks: %s", strings.Join(missing, "; "))
	}
	if _, ok := probe.Favorites.(favorites.Toggler); ok {
		all = append(all, check{"Toggle", checkToggle})
	}
	if _, ok := probe.Favorites.(favorites.Checker); ok {
		all = append(all, check{"IsFavorite", checkIsFavorite})
	}
	if _, ok := probe.Favorites.(favorites.Verifier); ok {
		all = append(all, check{"Verify", checkVerify})
	}
	if _, ok := probe.Favorites.(favorites.ChangeLister); ok && probe.ChangesRefused != "" {
		all = append(all, check{"ChangesRefused", checkChangesRefused})
	} else if ok {
		all = append(all, changeChecks...)
	}
	for _, c := range all {
		t.Run(c.name, func(t *testing.T) { c.run(t, h) })
	}
}

type check struct {
	name string
	run  func(t *testing.T, h Harness)
}

var checks = []check{
	{"ListAllPages", checkListAllPages},
	{"ResumeFromCursor", checkResume},
	{"RemovalBetweenPages", checkRemovalBetweenPages},
	{"FavoriteFields", checkFavoriteFields},
	{"AsAfterJSON", checkAsAfterJSON},
	{"AddThenList", checkAddThenList},
	{"AddTwiceIsNil", checkAddTwice},
	{"RemoveThenList", checkRemoveThenList},
	{"RemoveAbsentIsNil", checkRemoveAbsent},
	{"MissingItems", checkMissingItems},
	{"RemoveReadsTheAnswer", checkRemoveReadsTheAnswer},
	{"WriteAfter2xxIsDone", checkWriteAfter2xx},
	{"ListedRefsAreCanonical", checkListedRefsAreCanonical},
	{"Spellings", checkSpellings},
	{"HonestSmallPage", checkHonestSmallPage},
	{"PageItemCap", checkPageItemCap},
	{"MalformedItems", checkMalformedItems},
	{"NoSilentEmptyListing", checkNoSilentEmptyListing},
	{"PageSizeCap", checkPageSizeCap},
	{"NegativePageSizeSendsNothing", checkNegativePageSize},
	{"CredentialsNeverPrint", checkCredentialsNeverPrint},
	{"CredentialsNeverLogged", checkSecretsNeverLogged},
	{"WrongCredentials", checkWrongCredentials},
	{"RetriesServerError", checkRetries503},
	{"WaitsOutRetryAfter", checkRetryAfter},
	{"CancelReturnsPromptly", checkCancel},
	{"InvalidRefSendsNothing", checkInvalidRefs},
	{"FaultMatrix", checkFaultMatrix},
	{"Concurrent", checkConcurrent},
}

// listAll lists every favourite and fails on an error or a duplicate.
func listAll(t *testing.T, f favorites.Favorites, opts *favorites.ListOptions) []favorites.Ref {
	t.Helper()
	var refs []favorites.Ref
	for fav, err := range f.List(opts).All(t.Context()) {
		if err != nil {
			t.Fatalf("List: %v", err)
		}
		if slices.Contains(refs, fav.Ref) {
			t.Fatalf("List yielded %v twice", fav.Ref)
		}
		refs = append(refs, fav.Ref)
	}
	return refs
}

// sameSet reports whether a and b hold the same refs, each as often: a
// duplicate in one makes a ref of the other missing.
func sameSet(a, b []favorites.Ref) bool {
	if len(a) != len(b) {
		return false
	}
	count := make(map[favorites.Ref]int, len(a))
	for i := range a {
		count[a[i]]++
		count[b[i]]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}

func checkListAllPages(t *testing.T, h Harness) {
	env := newEnv(t, h, Seeded)
	opts := &favorites.ListOptions{PageSize: env.PageSize}
	if got := listAll(t, env.Favorites, opts); !sameSet(got, env.Seeded) {
		t.Fatalf("List gave %d refs %v, want the %d seeded %v", len(got), got, len(env.Seeded), env.Seeded)
	}
	if env.PageSize == 0 {
		return
	}
	pages := 0
	for _, err := range env.Favorites.List(opts).Pages(t.Context()) {
		if err != nil {
			t.Fatalf("Pages: %v", err)
		}
		pages++
	}
	if want := (Seeded + env.PageSize - 1) / env.PageSize; pages < want {
		t.Errorf("listing with PageSize %d took %d pages, want at least %d", env.PageSize, pages, want)
	}
}

func checkResume(t *testing.T, h Harness) {
	env := newEnv(t, h, Seeded)
	p := env.Favorites.List(&favorites.ListOptions{PageSize: env.PageSize})
	first, err := p.NextPage(t.Context())
	if err != nil {
		t.Fatalf("first page: %v", err)
	}
	var got []favorites.Ref
	for _, f := range first.Items {
		got = append(got, f.Ref)
	}
	if !p.Done() {
		if p.Cursor() == "" {
			t.Fatal("Cursor is empty after a page that is not the last")
		}
		rest := listAll(t, env.Favorites, &favorites.ListOptions{PageSize: env.PageSize, Cursor: p.Cursor()})
		for _, r := range rest {
			if slices.Contains(got, r) {
				t.Fatalf("resumed listing repeated %v from the first page", r)
			}
		}
		got = append(got, rest...)
	}
	if !sameSet(got, env.Seeded) {
		t.Fatalf("first page plus resumed listing gave %v, want %v", got, env.Seeded)
	}
}

func checkFavoriteFields(t *testing.T, h Harness) {
	env := newEnv(t, h, 3)
	for fav, err := range env.Favorites.List(nil).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		if fav.Provider != env.Favorites.Provider() {
			t.Errorf("Favorite.Provider = %q, adapter says %q", fav.Provider, env.Favorites.Provider())
		}
		if back, err := favorites.ParseRef(fav.Ref.String()); err != nil || back != fav.Ref {
			t.Errorf("Ref %#v: String %q reads back as %#v, %v", fav.Ref, fav.Ref.String(), back, err)
		}
		if !json.Valid(fav.Raw) || len(fav.Raw) < 2 {
			t.Errorf("Favorite %v: Raw is not the provider's JSON: %q", fav.Ref, fav.Raw)
		}
		if fav.Kind == "" {
			t.Errorf("Favorite %v has no Kind", fav.Ref)
		}
	}
}

func checkAddThenList(t *testing.T, h Harness) {
	env := newEnv(t, h, 2)
	ref := env.Absent[0]
	if err := env.Favorites.Add(t.Context(), ref); err != nil {
		t.Fatalf("Add(%v): %v", ref, err)
	}
	if got := listAll(t, env.Favorites, nil); !slices.Contains(got, ref) {
		t.Fatalf("after Add(%v), List gave %v", ref, got)
	}
}

func checkAddTwice(t *testing.T, h Harness) {
	env := newEnv(t, h, 2)
	for i := range 2 {
		if err := env.Favorites.Add(t.Context(), env.Absent[0]); err != nil {
			t.Fatalf("Add #%d: %v", i+1, err)
		}
	}
	if err := env.Favorites.Add(t.Context(), env.Seeded[0]); err != nil {
		t.Fatalf("Add of a seeded favourite: %v", err)
	}
	if got := listAll(t, env.Favorites, nil); len(got) != 3 {
		t.Fatalf("after adding one ref twice to two favourites, List gave %d: %v", len(got), got)
	}
}

func checkRemoveThenList(t *testing.T, h Harness) {
	env := newEnv(t, h, 3)
	ref := env.Seeded[1]
	if err := env.Favorites.Remove(t.Context(), ref); err != nil {
		t.Fatalf("Remove(%v): %v", ref, err)
	}
	got := listAll(t, env.Favorites, nil)
	if slices.Contains(got, ref) || len(got) != 2 {
		t.Fatalf("after Remove(%v) of 3, List gave %v", ref, got)
	}
}

func checkRemoveAbsent(t *testing.T, h Harness) {
	env := newEnv(t, h, 2)
	for i := range 2 {
		if err := env.Favorites.Remove(t.Context(), env.Absent[1]); err != nil {
			t.Fatalf("Remove #%d of a ref that is not a favourite: %v", i+1, err)
		}
	}
	if got := listAll(t, env.Favorites, nil); !sameSet(got, env.Seeded) {
		t.Fatalf("removing an absent ref changed the list to %v", got)
	}
}

// checkWrongCredentials: a listing with credentials the service does not
// take never passes for an empty list: its first page is an error matching
// ErrUnauthorized, the service's refusal or, where the service answers a
// credential it does not know as it answers anyone (Lemmy lists nothing
// for it), the refusal of the adapter's own check of the credential (its
// Verify), made when the first page is empty. Add is ErrUnauthorized too,
// and neither changes the list.
func checkWrongCredentials(t *testing.T, h Harness) {
	env := newEnv(t, h, 2)
	page, err := env.WrongCredentials.List(nil).NextPage(t.Context())
	if !errors.Is(err, favorites.ErrUnauthorized) {
		t.Errorf("List with wrong credentials: %d favourites and %v, want ErrUnauthorized%s", len(page.Items), err,
			verifyHint(t, env, err == nil && len(page.Items) == 0))
	}
	if err := env.WrongCredentials.Add(t.Context(), env.Absent[0]); !errors.Is(err, favorites.ErrUnauthorized) {
		t.Errorf("Add with wrong credentials: %v, want ErrUnauthorized", err)
	}
	if got := listAll(t, env.Favorites, nil); !sameSet(got, env.Seeded) {
		t.Errorf("refused requests changed the list to %v", got)
	}
}

// verifyHint says, for a listing with wrong credentials that passed for an
// empty one, whether the adapter's Verify would have told.
func verifyHint(t *testing.T, env *Env, empty bool) string {
	v, ok := env.WrongCredentials.(favorites.Verifier)
	if !empty || !ok {
		return ""
	}
	if err := v.Verify(t.Context(), favorites.ReadAccess); errors.Is(err, favorites.ErrUnauthorized) {
		return "; the adapter's Verify refuses them: where the service lists nothing for a credential it does not know, " +
			"check the credential when the first page is empty and return that error"
	}
	return ""
}

func checkRetries503(t *testing.T, h Harness) {
	env := newEnv(t, h, 2)
	before := env.Faults.Requests()
	env.Faults.FailNext(1, 503)
	if got := listAll(t, env.Favorites, nil); !sameSet(got, env.Seeded) {
		t.Fatalf("List after a 503 gave %v", got)
	}
	if n := env.Faults.Requests() - before; n < 2 {
		t.Fatalf("List after a 503 made %d requests, want a retry", n)
	}
}

func checkRetryAfter(t *testing.T, h Harness) {
	env := newEnv(t, h, 2)
	env.Faults.Inject(1, favoritestest.Fault{Status: 429, Body: `{"error":"Too many requests"}`,
		Header: map[string][]string{"Retry-After": {"1"}, "Content-Type": {"application/json"}}})
	start := time.Now()
	if err := env.Favorites.Add(t.Context(), env.Absent[0]); err != nil {
		t.Fatalf("Add after a 429: %v", err)
	}
	if waited := time.Since(start); waited < 900*time.Millisecond {
		t.Errorf("Add after a 429 with Retry-After: 1 came back after %v, before the wait", waited)
	}
	if got := listAll(t, env.Favorites, nil); !slices.Contains(got, env.Absent[0]) || len(got) != 3 {
		t.Fatalf("after a 429 and a retried Add, List gave %v", got)
	}
}

func checkCancel(t *testing.T, h Harness) {
	env := newEnv(t, h, 2)
	for _, op := range []struct {
		name string
		call func(ctx context.Context) error
	}{
		{"List", func(ctx context.Context) error { _, err := env.Favorites.List(nil).NextPage(ctx); return err }},
		{"Add", func(ctx context.Context) error { return env.Favorites.Add(ctx, env.Absent[0]) }},
		{"Remove", func(ctx context.Context) error { return env.Favorites.Remove(ctx, env.Seeded[0]) }},
	} {
		env.Faults.Inject(1, favoritestest.Fault{Stall: true})
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(20*time.Millisecond, cancel)
		if err := op.call(ctx); !errors.Is(err, context.Canceled) {
			t.Errorf("%s on a stalled server, cancelled: %v, want context.Canceled", op.name, err)
		}
	}
}

func checkToggle(t *testing.T, h Harness) {
	env := newEnv(t, h, 1)
	tg := env.Favorites.(favorites.Toggler)
	ref := env.Absent[0]
	for i, want := range []bool{true, false} {
		added, err := tg.Toggle(t.Context(), ref)
		if err != nil || added != want {
			t.Fatalf("Toggle #%d = %v, %v; want %v", i+1, added, err, want)
		}
		if got := listAll(t, env.Favorites, nil); slices.Contains(got, ref) != want {
			t.Fatalf("after Toggle #%d, List gave %v", i+1, got)
		}
	}
}

func checkIsFavorite(t *testing.T, h Harness) {
	env := newEnv(t, h, 2)
	c := env.Favorites.(favorites.Checker)
	for ref, want := range map[favorites.Ref]bool{env.Seeded[0]: true, env.Absent[0]: false} {
		if got, err := c.IsFavorite(t.Context(), ref); err != nil || got != want {
			t.Errorf("IsFavorite(%v) = %v, %v; want %v", ref, got, err, want)
		}
	}
}

func checkNegativePageSize(t *testing.T, h Harness) {
	env := newEnv(t, h, 1)
	before := env.Faults.Requests()
	_, err := env.Favorites.List(&favorites.ListOptions{PageSize: -1}).NextPage(t.Context())
	if !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("List with PageSize -1: %v, want ErrInvalidArgument", err)
	}
	if n := env.Faults.Requests() - before; n != 0 {
		t.Errorf("a negative page size sent %d requests, want none", n)
	}
}
