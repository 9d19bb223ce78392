//go:build !race

package drivertest

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/favkit/favorites"
)

// costChecks measure what a listing allocates, which only a build without
// the race detector can: its instrumentation allocates on its own. .ci/run
// runs them in its DecodeCost step (go test -run 'DecodeCost|Conformance/.*Cost').
var costChecks = []check{{"PageCapDecodeCost", checkPageCapDecodeCost}}

// overCapTimes is how many times MaxPageItems+1 items the over-full page
// holds, where half the body cap has room for them.
const overCapTimes = 64

// requestCost is what one listing request allocates beside its reply, at
// both ends of the loopback (the request, headers, connection buffers,
// the retry and rate machinery): under 32 KiB on the toy. The measure
// cannot leave it out.
const requestCost = 64 << 10

// checkPageCapDecodeCost answers the first page with overCapTimes times
// MaxPageItems+1 of Item's items (fewer where half the body cap cannot
// hold them, MaxPageItems+1 at the least): the listing must be
// ErrMalformedReply and allocate at most MaxHeldPerReplyByte a reply byte
// plus ItemCost for MaxPageItems+1 items and requestCost. A provider that
// decodes the page before it counts it (a cap kept after the items are
// built, as a walk's own check of a page's size is) allocates for every
// item and fails.
func checkPageCapDecodeCost(t *testing.T, h Harness) {
	env := newEnv(t, h, 1)
	item, how := tinyItems(t, env) // also makes the connection and the pools, once
	capped := env.MaxPageItems + 1
	body := overFullPage(env, item, capped)
	env.Faults.Reset()
	answer(env, body)
	var page favorites.Page[favorites.Favorite]
	var err error
	got := AllocatedBy(func() { page, err = env.Favorites.List(nil).NextPage(t.Context()) })
	env.Faults.Reset()
	if !errors.Is(err, favorites.ErrMalformedReply) {
		t.Fatalf("a first page over MaxPageItems = %d: %d favourites and %v, want ErrMalformedReply", env.MaxPageItems, len(page.Items), err)
	}
	bound := uint64(MaxHeldPerReplyByte*len(body) + env.ItemCost*capped + requestCost)
	t.Logf("a first page of %d bytes of %s, over MaxPageItems = %d: %d bytes allocated (%.2f a reply byte); the bound is %d",
		len(body), how, env.MaxPageItems, got, perByte(got, []byte(body)), bound)
	if got > bound {
		t.Errorf("listing a first page of %d bytes, over MaxPageItems = %d, allocated %d bytes; the bound is %d "+
			"(%d a reply byte, ItemCost %d for %d items, %d for the request): the page's items were decoded before "+
			"it was refused; give its cap to the first pass (driver.ItemRules.Max)",
			len(body), env.MaxPageItems, got, bound, MaxHeldPerReplyByte, env.ItemCost, capped, requestCost)
	}
}

// tinyItems makes the smallest items the provider lists: Item's cut down
// to the member that holds the ID and the objects around it
// ({"post":{"id":7}}), where a page of three of them lists as Item's do
// (a provider may need more than the ID to make its ref); Item's own
// otherwise. The smaller an item, the more a decoded one costs beside the
// 8 bytes a reply byte of the rule.
func tinyItems(t *testing.T, env *Env) (func(n int) string, string) {
	t.Helper()
	full := func(n int) string { _, item := env.Item(n); return item }
	ref, item := env.Item(1)
	if path, err := idPath(item, ref.ID, env.ItemIDPath); err == nil { // else MalformedItems says why
		v, _ := valueAt(json.RawMessage(item), path)
		quoted := bytes.HasPrefix(bytes.TrimSpace(v), []byte(`"`)) // the ID's JSON kind, as Item writes it
		tiny := func(n int) string {
			ref, _ := env.Item(n)
			v := json.RawMessage(ref.ID)
			if quoted {
				v, _ = json.Marshal(ref.ID)
			}
			for i := len(path) - 1; i >= 0; i-- {
				v = json.RawMessage(object([]member{{path[i], v}}))
			}
			return string(v)
		}
		refs, _ := items(env, 3)
		if favs, err := listAnswered(t, env, env.Page([]string{tiny(1), tiny(2), tiny(3)})); err == nil && slices.Equal(refsOf(favs), refs) {
			return tiny, "items of their ID alone"
		}
	}
	if _, err := listAnswered(t, env, env.Page([]string{full(1), full(2), full(3)})); err != nil {
		t.Fatalf("a page of 3 small honest items: %v", err)
	}
	return full, "Item's items"
}

// overFullPage is a first page of overCapTimes*capped of item's items, or
// as many as fit in half the body cap, but at least capped.
func overFullPage(env *Env, item func(n int) string, capped int) string {
	limit := int(env.bodyCap() / 2)
	var list []string
	size := 0
	for n := 1; n <= overCapTimes*capped; n++ {
		it := item(n)
		if size += len(it) + 1; size > limit && n > capped {
			break
		}
		list = append(list, it)
	}
	return env.Page(list)
}
