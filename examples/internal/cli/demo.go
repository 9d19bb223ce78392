package cli

import (
	"slices"
	"strconv"

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
)

// demoOptions apply to every demo client: the fakes are in-process, so the
// client-side limiters that protect the real services only slow the demo
// down. The providers' own tests hold each limit.
var demoOptions = []favorites.Option{favorites.WithRateLimiter(nil)}

// DemoOptions are the options of every demo client, for a program that
// makes clients of fakes of its own.
func DemoOptions() []favorites.Option { return slices.Clone(demoOptions) }

// Demo fakes hold demoItems items, the first demoFavourites of them
// favourites: enough for several pages on the paging providers.
const (
	demoItems      = 120
	demoFavourites = 90
)

func openDemo(provider string) (*Session, error) {
	switch provider {
	case mastodon.ProviderName:
		return demoMastodon()
	case e621.ProviderName:
		return demoE621()
	case waifuim.ProviderName:
		return demoWaifuim()
	case playplay.ProviderName:
		return demoPlayPlay()
	case dch.ProviderName:
		return demoDCH()
	}
	return nil, unknownProvider(provider)
}

// session finishes a demo: the adapter (or the error making it), the
// catalogue, the fake's base URL, its faults and its shutdown, and its
// second account.
func session(f favorites.Favorites, err error, catalogue []string, srv fake, second func() (favorites.Favorites, error)) (*Session, error) {
	if err != nil {
		srv.Close()
		return nil, err
	}
	s := &Session{Favorites: f, BaseURL: srv.url, Faults: srv.faults, close: srv.Close, second: second}
	for _, id := range catalogue {
		s.Catalogue = append(s.Catalogue, favorites.Ref{ID: id})
	}
	return s, nil
}

// fake is what a session keeps of a demo's fake server.
type fake struct {
	url    string
	faults *favoritestest.Faults
	Close  func()
}

func demoMastodon() (*Session, error) {
	srv := mastodontest.NewServer()
	ids := srv.AddStatuses(demoItems)
	err := srv.Favorite(mastodontest.DefaultUser, ids[:demoFavourites]...)
	f, err := open(err, srv.Client, mastodon.NewAdapter)
	return session(f, err, ids, fake{srv.URL, srv.Faults, srv.Close}, func() (favorites.Favorites, error) {
		return open(nil, srv.AddAccount().Client, mastodon.NewAdapter)
	})
}

func demoE621() (*Session, error) {
	srv := e621test.NewServer(e621test.WithRateLimit(0)) // the fake's 2/s limit, off as in demoOptions
	ids := srv.AddPosts(demoItems)
	err := srv.Favorite(e621test.Login, ids[:demoFavourites]...)
	f, err := open(err, srv.Client, e621.NewAdapter)
	return session(f, err, itoa(ids), fake{srv.URL, srv.Faults, srv.Close}, func() (favorites.Favorites, error) {
		return open(nil, srv.AddAccount().Client, e621.NewAdapter)
	})
}

func demoWaifuim() (*Session, error) {
	srv := waifuimtest.NewServer()
	ids := srv.GenerateImages(demoItems)
	err := srv.Favorite(waifuimtest.UserID, ids[:demoFavourites]...)
	f, err := open(err, srv.Client, waifuim.NewAdapter)
	return session(f, err, itoa(ids), fake{srv.URL, srv.Faults, srv.Close}, func() (favorites.Favorites, error) {
		return open(nil, srv.AddAccount().Client, waifuim.NewAdapter)
	})
}

func demoPlayPlay() (*Session, error) {
	srv := playplaytest.NewServer()
	var ids []int64
	for i := range int64(demoItems) {
		srv.AddMedia(playplaytest.Upload(1000 + i))
		ids = append(ids, 1000+i)
	}
	err := srv.Favorite(ids[:demoFavourites]...)
	f, err := open(err, srv.Client, playplay.NewAdapter)
	s, err := session(f, err, nil, fake{srv.URL, srv.Faults, srv.Close}, func() (favorites.Favorites, error) {
		return open(nil, srv.AddAccount().Client, playplay.NewAdapter)
	})
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		s.Catalogue = append(s.Catalogue, favorites.Ref{ID: strconv.FormatInt(id, 10), Source: playplay.SourceUpload})
	}
	return s, nil
}

func demoDCH() (*Session, error) {
	srv := dchtest.NewServer()
	var ids []string
	for i := range demoItems {
		id := strconv.Itoa(23000+i) + "-1"
		srv.AddItems(dchtest.Item{ID: id, Type: "work", Title: "Work " + strconv.Itoa(i+1)})
		ids = append(ids, id)
	}
	err := srv.Favorite(ids[:demoFavourites]...)
	f, err := open(err, srv.Client, dch.NewAdapter)
	return session(f, err, ids, fake{srv.URL, srv.Faults, srv.Close}, func() (favorites.Favorites, error) {
		return open(nil, srv.AddAccount().Client, dch.NewAdapter)
	})
}

// open makes a fake's client with demoOptions and wraps it in its adapter,
// unless seeding the fake failed with err.
func open[C any, A favorites.Favorites](err error, client func(...favorites.Option) (C, error), newAdapter func(C) A) (favorites.Favorites, error) {
	if err != nil {
		return nil, err
	}
	cl, err := client(demoOptions...)
	return adapt(cl, err, newAdapter)
}

func itoa(ids []int64) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = strconv.FormatInt(id, 10)
	}
	return out
}
