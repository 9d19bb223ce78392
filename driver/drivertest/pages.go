package drivertest

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
)

// The replies the suite makes itself from the harness's item shape
// (Env.Item and Env.Page) and answers to the first page of a listing: an
// honest small page lists exactly its items, and every malformed or hostile
// one is ErrMalformedReply, never a short listing. No harness lists them:
// a provider that forgets an item check or a page's cap fails here.

// answer queues body as a 200 JSON answer to the fake's next request.
func answer(env *Env, body string) {
	env.Faults.Inject(1, favoritestest.Fault{Status: http.StatusOK, Body: body,
		Header: http.Header{"Content-Type": {"application/json"}}})
}

// listAnswered lists everything with the first page answered by body, and
// returns what was listed until the error that ended the listing.
func listAnswered(t *testing.T, env *Env, body string) ([]favorites.Favorite, error) {
	t.Helper()
	env.Faults.Reset()
	defer env.Faults.Reset()
	answer(env, body)
	var favs []favorites.Favorite
	for f, err := range env.Favorites.List(nil).All(t.Context()) {
		if err != nil {
			return favs, err
		}
		favs = append(favs, f)
	}
	return favs, nil
}

// items makes the harness's items 1 to n and their refs.
func items(env *Env, n int) (refs []favorites.Ref, jsons []string) {
	for i := 1; i <= n; i++ {
		ref, item := env.Item(i)
		refs, jsons = append(refs, ref), append(jsons, item)
	}
	return refs, jsons
}

func refsOf(favs []favorites.Favorite) []favorites.Ref {
	out := make([]favorites.Ref, len(favs))
	for i, f := range favs {
		out[i] = f.Ref
	}
	return out
}

// checkHonestSmallPage: a page of three small items, as a user writes them
// in a test, lists exactly them, in order, and each reads back into the
// provider's own type.
func checkHonestSmallPage(t *testing.T, h Harness) {
	env := newEnv(t, h, 1)
	want, list := items(env, 3)
	body := env.Page(list)
	favs, err := listAnswered(t, env, body)
	if err != nil {
		t.Fatalf("a page of 3 small honest items refused: %v\nthe page: %s", err, Clip(body, 600))
	}
	if got := refsOf(favs); !slices.Equal(got, want) {
		t.Fatalf("a page of 3 small honest items listed %v, want %v\nthe page: %s", got, want, Clip(body, 600))
	}
	for _, f := range favs {
		if f.Provider != env.Favorites.Provider() {
			t.Errorf("Favorite %v: Provider %q, want %q", f.Ref, f.Provider, env.Favorites.Provider())
		}
		checkAs(t, env, f)
	}
}

// checkPageItemCap: a first page of MaxPageItems items lists them all; one
// more is ErrMalformedReply. Only the first page is read, since a full page
// may promise another.
func checkPageItemCap(t *testing.T, h Harness) {
	env := newEnv(t, h, 1)
	n := env.MaxPageItems
	want, list := items(env, n+1)
	full, over := env.Page(list[:n]), env.Page(list)
	if limit := env.bodyCap(); int64(len(over)) > limit {
		t.Fatalf("harness: a page of MaxPageItems+1 = %d items is %d bytes, over the body cap of %d: make Item smaller",
			n+1, len(over), limit)
	}
	answer(env, full)
	page, err := env.Favorites.List(nil).NextPage(t.Context())
	env.Faults.Reset()
	if err != nil {
		t.Errorf("a first page of MaxPageItems = %d items: %v, want them listed", n, err)
	} else if got := refsOf(page.Items); !slices.Equal(got, want[:n]) {
		t.Errorf("a first page of MaxPageItems = %d items listed %d of them (%v ...)", n, len(got), got[:min(len(got), 3)])
	}
	favs, err := listAnswered(t, env, over)
	if !errors.Is(err, favorites.ErrMalformedReply) {
		t.Errorf("a first page of MaxPageItems+1 = %d items: %d favourites and %v, want ErrMalformedReply", n+1, len(favs), err)
	}
}

// checkMalformedItems answers pages whose middle item is broken, in every
// way made from the harness's item, and wants ErrMalformedReply for each.
func checkMalformedItems(t *testing.T, h Harness) {
	env := newEnv(t, h, 1)
	_, list := items(env, 3)
	ref, item := env.Item(2)
	broken, err := brokenItems(ref, item, env.ItemIDPath)
	if err != nil {
		t.Fatalf("harness: Item(2) = %s: %v", Clip(item, 200), err)
	}
	for _, b := range broken {
		body := env.Page([]string{list[0], b.json, list[2]})
		favs, err := listAnswered(t, env, body)
		if !errors.Is(err, favorites.ErrMalformedReply) {
			t.Errorf("a page whose item 1 is %s: %d favourites and %v, want ErrMalformedReply\nthe page: %s",
				b.name, len(favs), err, Clip(body, 300))
			continue
		}
		t.Logf("| %-38s | refused: %s", b.name, Clip(err.Error(), 100))
	}
}

// malformedBodies are 200 answers to a listing that hold no list: each
// must be ErrMalformedReply, never a complete empty listing.
var malformedBodies = []string{"", " \n", "null", "{}", "[null]", `"favourites"`, "42", "true", "[", `{"`}

// checkNoSilentEmptyListing: a listing answered by a 200 that holds no
// list, whose list is replaced by other JSON, or that is one of the
// harness's own malformed pages, is ErrMalformedReply.
func checkNoSilentEmptyListing(t *testing.T, h Harness) {
	env := newEnv(t, h, 2)
	replaced, err := replacedLists(env)
	if err != nil {
		t.Fatalf("harness: %v", err)
	}
	bodies := slices.Concat(malformedBodies, replaced, env.MalformedPages)
	for _, body := range bodies {
		favs, err := listAnswered(t, env, body)
		if !errors.Is(err, favorites.ErrMalformedReply) {
			t.Errorf("a listing answered 200 %q: %d favourites and %v, want ErrMalformedReply", Clip(body, 300), len(favs), err)
		}
	}
}

// listSentinel stands for the list's items while the suite finds where
// Env.Page puts them.
const listSentinel = `{"drivertest":"where the items go"}`

// replacedLists are first pages whose list of items is replaced by JSON of
// another kind: an object (empty, or keyed by position), a string, null, a
// number.
func replacedLists(env *Env) ([]string, error) {
	page := env.Page([]string{listSentinel})
	i := strings.Index(page, listSentinel)
	if i < 0 {
		return nil, errors.New("the Page func does not hold the items it was given")
	}
	before := strings.TrimRight(page[:i], jsonSpace)
	after := strings.TrimLeft(page[i+len(listSentinel):], jsonSpace)
	if !strings.HasSuffix(before, "[") || !strings.HasPrefix(after, "]") {
		return nil, errors.New("the Page func does not put the items between the brackets of a JSON list")
	}
	prefix, suffix := before[:len(before)-1], after[1:]
	_, item := env.Item(1)
	var out []string
	for _, list := range []string{`{}`, `{"0":` + item + `}`, `"[]"`, `null`, `1`} {
		out = append(out, prefix+list+suffix)
	}
	return out, nil
}

// jsonSpace is the white space JSON allows between tokens.
const jsonSpace = " \t\r\n"

// checkPageSizeCap: PageSize up to Env.MaxPageSize lists, one over it is
// ErrInvalidArgument with nothing sent; an adapter that ignores PageSize
// lists with any.
func checkPageSizeCap(t *testing.T, h Harness) {
	env := newEnv(t, h, 3)
	if env.MaxPageSize == 0 {
		const huge = 1 << 20
		if got := listAll(t, env.Favorites, &favorites.ListOptions{PageSize: huge}); !sameSet(got, env.Seeded) {
			t.Fatalf("List with PageSize %d, which the adapter ignores, gave %v, want %v", huge, got, env.Seeded)
		}
		t.Logf("the adapter ignores PageSize (MaxPageSize 0): PageSize %d lists as 0 does", huge)
		return
	}
	if got := listAll(t, env.Favorites, &favorites.ListOptions{PageSize: env.MaxPageSize}); !sameSet(got, env.Seeded) {
		t.Fatalf("List with PageSize MaxPageSize = %d gave %v, want %v", env.MaxPageSize, got, env.Seeded)
	}
	before := env.Faults.Requests()
	_, err := env.Favorites.List(&favorites.ListOptions{PageSize: env.MaxPageSize + 1}).NextPage(t.Context())
	if !errors.Is(err, favorites.ErrInvalidArgument) {
		t.Errorf("List with PageSize %d, over MaxPageSize: %v, want ErrInvalidArgument", env.MaxPageSize+1, err)
	}
	if n := env.Faults.Requests() - before; n != 0 {
		t.Errorf("a page size over the cap sent %d requests, want none", n)
	}
}
