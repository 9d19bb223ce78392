package providers_test

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
	"github.com/favkit/favorites/providers/dch"
	"github.com/favkit/favorites/providers/dch/dchtest"
	"github.com/favkit/favorites/providers/e621"
	"github.com/favkit/favorites/providers/e621/e621test"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
	"github.com/favkit/favorites/providers/playplay"
	"github.com/favkit/favorites/providers/playplay/playplaytest"
	"github.com/favkit/favorites/providers/waifuim"
	"github.com/favkit/favorites/providers/waifuim/waifuimtest"
	"github.com/jarcoal/httpmock"
)

// account is an account of a fake, through the calls every fake's Account
// and Server share: its client (as an adapter), and its favourites seeded
// and read back.
type account struct {
	client    func(opts ...favorites.Option) (favorites.Favorites, error)
	favorite  func(refs ...favorites.Ref) error
	favorites func() []string
}

// aFake is a provider's fake through the calls every fake shares.
type aFake struct {
	close      func()
	items      func(n int) []favorites.Ref // adds n items to the catalogue
	generated  bool                        // the fake numbers its items itself
	dflt       account                     // the account Client is of
	addAccount func() account
}

// adapt wraps a typed client's constructor result in its adapter.
func adapt[C any, A favorites.Favorites](newAdapter func(C) A) func(C, error) (favorites.Favorites, error) {
	return func(c C, err error) (favorites.Favorites, error) {
		if err != nil {
			return nil, err
		}
		return newAdapter(c), nil
	}
}

// accountOf sees an account of a fake, whose IDs are of type ID, through
// its client, its seeding and its state.
func accountOf[C any, A favorites.Favorites, ID any](client func(...favorites.Option) (C, error), newAdapter func(C) A,
	favorite func(...ID) error, favs func() []ID, parse func(string) ID, format func(ID) string) account {
	return account{
		client: func(o ...favorites.Option) (favorites.Favorites, error) { return adapt(newAdapter)(client(o...)) },
		favorite: func(refs ...favorites.Ref) error {
			ids := make([]ID, len(refs))
			for i, r := range refs {
				ids[i] = parse(r.ID)
			}
			return favorite(ids...)
		},
		favorites: func() []string {
			var out []string
			for _, id := range favs() {
				out = append(out, format(id))
			}
			return out
		},
	}
}

func atoi(s string) int64 { n, _ := strconv.ParseInt(s, 10, 64); return n }

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

func same(s string) string { return s }

func refsOf[ID any](ids []ID, format func(ID) string, source string) []favorites.Ref {
	out := make([]favorites.Ref, len(ids))
	for i, id := range ids {
		out[i] = favorites.Ref{ID: format(id), Source: source}
	}
	return out
}

func theFakes() map[string]func() aFake {
	return map[string]func() aFake{
		"mastodon": func() aFake {
			s := mastodontest.NewServer()
			user := mastodontest.DefaultUser
			return aFake{s.Close, func(n int) []favorites.Ref { return refsOf(s.AddStatuses(n), same, "") }, true,
				accountOf(s.Client, mastodon.NewAdapter, func(ids ...string) error { return s.Favorite(user, ids...) },
					func() []string { return s.Favorites(user) }, same, same),
				func() account {
					a := s.AddAccount()
					return accountOf(a.Client, mastodon.NewAdapter, a.Favorite, a.Favorites, same, same)
				}}
		},
		"e621": func() aFake {
			s := e621test.NewServer(e621test.WithRateLimit(0))
			login := e621test.Login
			return aFake{s.Close, func(n int) []favorites.Ref { return refsOf(s.AddPosts(n), itoa, "") }, true,
				accountOf(s.Client, e621.NewAdapter, func(ids ...int64) error { return s.Favorite(login, ids...) },
					func() []int64 { return s.Favorites(login) }, atoi, itoa),
				func() account {
					a := s.AddAccount()
					return accountOf(a.Client, e621.NewAdapter, a.Favorite, a.Favorites, atoi, itoa)
				}}
		},
		"waifuim": func() aFake {
			s := waifuimtest.NewServer()
			user := waifuimtest.UserID
			return aFake{s.Close, func(n int) []favorites.Ref { return refsOf(s.GenerateImages(n), itoa, "") }, true,
				accountOf(s.Client, waifuim.NewAdapter, func(ids ...int64) error { return s.Favorite(user, ids...) },
					func() []int64 { return s.Favorites(user) }, atoi, itoa),
				func() account {
					a := s.AddAccount()
					return accountOf(a.Client, waifuim.NewAdapter, a.Favorite, a.Favorites, atoi, itoa)
				}}
		},
		"playplay": func() aFake {
			s := playplaytest.NewServer()
			next := int64(5000)
			items := func(n int) []favorites.Ref {
				var ids []int64
				for range n {
					next++
					s.AddMedia(playplaytest.Upload(next))
					ids = append(ids, next)
				}
				return refsOf(ids, itoa, playplay.SourceUpload)
			}
			return aFake{s.Close, items, false,
				accountOf(s.Client, playplay.NewAdapter, s.Favorite, s.Favorites, atoi, itoa),
				func() account {
					a := s.AddAccount()
					return accountOf(a.Client, playplay.NewAdapter, a.Favorite, a.Favorites, atoi, itoa)
				}}
		},
		"dch": func() aFake {
			s := dchtest.NewServer()
			next := 0
			items := func(n int) []favorites.Ref {
				var ids []string
				for range n {
					next++
					id := strconv.Itoa(23000+next) + "-1"
					s.AddItems(dchtest.Item{ID: id, Type: "work", Title: "Work " + id})
					ids = append(ids, id)
				}
				return refsOf(ids, same, "")
			}
			return aFake{s.Close, items, false,
				accountOf(s.Client, dch.NewAdapter, s.Favorite, s.Favorites, same, same),
				func() account {
					a := s.AddAccount()
					return accountOf(a.Client, dch.NewAdapter, a.Favorite, a.Favorites, same, same)
				}}
		},
	}
}

// requestCounter is a transport that counts what a client sends through it
// to next (net/http's default when nil).
type requestCounter struct {
	next http.RoundTripper
	n    atomic.Int64
}

func (c *requestCounter) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	if c.next == nil {
		return http.DefaultTransport.RoundTrip(r)
	}
	return c.next.RoundTrip(r)
}

func listIDs(t *testing.T, f favorites.Favorites) []string {
	t.Helper()
	var out []string
	for fav, err := range f.List(nil).All(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fav.Ref.ID)
	}
	return out
}

// Every fake hands out its provider's client the same way, Client for its
// default account and AddAccount().Client for another, each acting as its
// own account with the caller's options applied.
func TestFakesOneWayToAClientAndAnAccount(t *testing.T) {
	for name, start := range theFakes() {
		t.Run(name, func(t *testing.T) {
			f := start()
			defer f.close()
			items := f.items(3)
			if err := f.dflt.favorite(items[0]); err != nil {
				t.Fatal(err)
			}
			bob := f.addAccount()
			if err := bob.favorite(items[1]); err != nil {
				t.Fatal(err)
			}
			var sent requestCounter
			opts := append(favoritestest.Options(), favorites.WithHTTPClient(&http.Client{Transport: &sent}))
			mine, err := f.dflt.client(opts...)
			if err != nil {
				t.Fatal(err)
			}
			bobs, err := bob.client(opts...)
			if err != nil {
				t.Fatal(err)
			}
			if got := listIDs(t, mine); !slices.Equal(got, []string{items[0].ID}) {
				t.Errorf("the default account lists %v, want [%s]", got, items[0].ID)
			}
			if got := listIDs(t, bobs); !slices.Equal(got, []string{items[1].ID}) {
				t.Errorf("the added account lists %v, want [%s]", got, items[1].ID)
			}
			if err := bobs.Add(t.Context(), items[2]); err != nil {
				t.Fatal(err)
			}
			if got := bob.favorites(); len(got) != 2 || got[0] != items[2].ID {
				t.Errorf("the added account holds %v after its Add, want %s first of 2", got, items[2].ID)
			}
			if got := f.dflt.favorites(); !slices.Equal(got, []string{items[0].ID}) {
				t.Errorf("the default account holds %v after the other's Add, want [%s]", got, items[0].ID)
			}
			if sent.n.Load() == 0 {
				t.Error("the caller's WithHTTPClient was not used")
			}
			if other := f.addAccount(); len(other.favorites()) != 0 {
				t.Errorf("a new account holds %v", other.favorites())
			}
		})
	}
}

// Two fakes of one provider are two servers: the items they number
// themselves (PlayPlay's and DCH's take the IDs the test gives) never share
// an ID.
func TestFakesShareNoID(t *testing.T) {
	for name, start := range theFakes() {
		probe := start()
		probe.close()
		if !probe.generated {
			continue
		}
		t.Run(name, func(t *testing.T) {
			a, b := start(), start()
			defer a.close()
			defer b.close()
			seen := map[string]bool{}
			for _, r := range a.items(100) {
				seen[r.ID] = true
			}
			for _, r := range b.items(100) {
				if seen[r.ID] {
					t.Errorf("item %s on both fakes", r.ID)
				}
			}
		})
	}
}

// A listing against httpmock with no responder fails at once under each
// provider's default options: the mock's "no responder found" is no
// network failure, and no retry is made.
func TestNoResponderFailsAtOnce(t *testing.T) {
	const base = "https://api.example"
	lists := map[string]func(opts ...favorites.Option) (favorites.Favorites, error){
		"mastodon": func(o ...favorites.Option) (favorites.Favorites, error) {
			return adapt(mastodon.NewAdapter)(mastodon.New(base, "token", o...))
		},
		"e621": func(o ...favorites.Option) (favorites.Favorites, error) {
			return adapt(e621.NewAdapter)(e621.New("login", "key", append(o, favorites.WithBaseURL(base))...))
		},
		"waifuim": func(o ...favorites.Option) (favorites.Favorites, error) {
			return adapt(waifuim.NewAdapter)(waifuim.New("token", append(o, favorites.WithBaseURL(base))...))
		},
		"playplay": func(o ...favorites.Option) (favorites.Favorites, error) {
			return adapt(playplay.NewAdapter)(playplay.New(base, "token", o...))
		},
		"dch": func(o ...favorites.Option) (favorites.Favorites, error) {
			return adapt(dch.NewAdapter)(dch.New("token", append(o, favorites.WithBaseURL(base))...))
		},
	}
	for name, open := range lists {
		t.Run(name, func(t *testing.T) {
			rt := &requestCounter{next: httpmock.NewMockTransport()}
			f, err := open(favorites.WithHTTPClient(&http.Client{Transport: rt}))
			if err != nil {
				t.Fatal(err)
			}
			_, err = f.List(nil).NextPage(t.Context())
			if !errors.Is(err, httpmock.NoResponderFound) {
				t.Fatalf("err = %v, want httpmock's no responder found", err)
			}
			if n := rt.n.Load(); n != 1 {
				t.Errorf("%d attempts, want 1", n)
			}
		})
	}
}

// A fake imports its provider only to hand out that client: every name it
// takes from the provider is New or Client, so its answers are rendered
// with wire types of its own, and a mistake in the SDK's types cannot be
// mirrored by the fake.
func TestFakesUseTheirProviderOnlyForItsClient(t *testing.T) {
	for _, name := range []string{"mastodon", "e621", "waifuim", "playplay", "dch"} {
		t.Run(name, func(t *testing.T) {
			paths, err := filepath.Glob(filepath.Join(name, name+"test", "*.go"))
			if err != nil || len(paths) == 0 {
				t.Fatalf("no sources of %stest: %v", name, err)
			}
			provider := "github.com/favkit/favorites/providers/" + name
			for _, path := range paths {
				if strings.HasSuffix(path, "_test.go") {
					continue
				}
				file, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
				if err != nil {
					t.Fatal(err)
				}
				for _, use := range usesOf(file, provider) {
					if use != "New" && use != "Client" {
						t.Errorf("%s uses %s.%s", path, name, use)
					}
				}
			}
		})
	}
}

// usesOf lists the names file takes from the package at importPath.
func usesOf(file *ast.File, importPath string) []string {
	local := ""
	for _, imp := range file.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == importPath {
			local = filepath.Base(p)
			if imp.Name != nil {
				local = imp.Name.Name
			}
		}
	}
	if local == "" {
		return nil
	}
	var uses []string
	ast.Inspect(file, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == local {
				uses = append(uses, sel.Sel.Name)
			}
		}
		return true
	})
	return uses
}
