package cli

import (
	"fmt"
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
// catalogue, and the fake's shutdown.
func session(f favorites.Favorites, err error, catalogue []string, faults *favoritestest.Faults, closeFake func()) (*Session, error) {
	if err != nil {
		closeFake()
		return nil, err
	}
	s := &Session{Favorites: f, Faults: faults, close: closeFake,
		second: func() (favorites.Favorites, error) { return nil, fmt.Errorf("this demo has no second account") }}
	for _, id := range catalogue {
		s.Catalogue = append(s.Catalogue, favorites.Ref{ID: id})
	}
	return s, nil
}

// onClose makes Close also run f, after what it ran before.
func (s *Session) onClose(f func()) {
	before := s.close
	s.close = func() { before(); f() }
}

// The demo's second accounts: another user of the same fake where the fake
// has users, else another fake with the same catalogue.
const (
	secondUser  = "bob"
	secondToken = "demo-second-token"
	secondKey   = "demo-second-api-key"
	secondID    = 7 // waifu.im user ID
)

func demoMastodon() (*Session, error) {
	srv := mastodontest.NewServer()
	ids := srv.AddStatuses(demoItems)
	if err := srv.Favorite(mastodontest.DefaultUser, ids[:demoFavourites]...); err != nil {
		srv.Close()
		return nil, err
	}
	cl, err := mastodon.New(srv.URL, mastodontest.Token, demoOptions...)
	f, err := adapt(cl, err, mastodon.NewAdapter)
	s, err := session(f, err, ids, srv.Faults, srv.Close)
	if err == nil {
		s.BaseURL = srv.URL
		s.second = func() (favorites.Favorites, error) {
			srv.AddToken(secondToken, secondUser, "read", "write")
			cl, err := mastodon.New(srv.URL, secondToken, demoOptions...)
			return adapt(cl, err, mastodon.NewAdapter)
		}
	}
	return s, err
}

func demoE621() (*Session, error) {
	srv := e621test.NewServer(e621test.WithRateLimit(0)) // the fake's 2/s limit, off as in demoOptions
	ids := srv.AddPosts(demoItems)
	if err := srv.Favorite(e621test.Login, ids[:demoFavourites]...); err != nil {
		srv.Close()
		return nil, err
	}
	cl, err := e621.New(e621test.Login, e621test.APIKey, append(demoOptions, favorites.WithBaseURL(srv.URL))...)
	f, err := adapt(cl, err, e621.NewAdapter)
	s, err := session(f, err, itoa(ids), srv.Faults, srv.Close)
	if err == nil {
		s.second = func() (favorites.Favorites, error) {
			srv.AddUser(secondUser, secondKey)
			cl, err := e621.New(secondUser, secondKey, append(demoOptions, favorites.WithBaseURL(srv.URL))...)
			return adapt(cl, err, e621.NewAdapter)
		}
	}
	return s, err
}

func demoWaifuim() (*Session, error) {
	srv := waifuimtest.NewServer()
	ids := srv.GenerateImages(demoItems)
	cl, err := srv.NewClient(waifuimtest.Token, demoOptions...)
	if err == nil {
		err = srv.Favorite(waifuimtest.UserID, ids[:demoFavourites]...)
	}
	f, err := adapt(cl, err, waifuim.NewAdapter)
	s, err := session(f, err, itoa(ids), srv.Faults, srv.Close)
	if err == nil {
		s.second = func() (favorites.Favorites, error) {
			tok := srv.AddUser(secondID, waifuimtest.ViewFavorites, waifuimtest.ManageFavorites)
			cl, err := srv.NewClient(tok, demoOptions...)
			return adapt(cl, err, waifuim.NewAdapter)
		}
	}
	return s, err
}

func demoPlayPlay() (*Session, error) {
	srv, ids := playplayFake()
	if err := srv.Favorite(ids[:demoFavourites]...); err != nil {
		srv.Close()
		return nil, err
	}
	cl, err := playplay.New(srv.URL, srv.Token(), demoOptions...)
	f, err := adapt(cl, err, playplay.NewAdapter)
	s, err := session(f, err, nil, srv.Faults, srv.Close)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		s.Catalogue = append(s.Catalogue, favorites.Ref{ID: strconv.FormatInt(id, 10), Source: playplay.SourceUpload})
	}
	s.second = func() (favorites.Favorites, error) {
		other, _ := playplayFake() // the fake has one account: another fake, the same media
		s.onClose(other.Close)
		cl, err := playplay.New(other.URL, other.Token(), demoOptions...)
		return adapt(cl, err, playplay.NewAdapter)
	}
	return s, nil
}

// playplayFake is a PlayPlay fake holding the demo's media, no favourites.
func playplayFake() (*playplaytest.Server, []int64) {
	srv := playplaytest.NewServer()
	var ids []int64
	for i := range int64(demoItems) {
		srv.AddMedia(playplaytest.Upload(1000 + i))
		ids = append(ids, 1000+i)
	}
	return srv, ids
}

func demoDCH() (*Session, error) {
	srv, ids := dchFake()
	if err := srv.Favorite(ids[:demoFavourites]...); err != nil {
		srv.Close()
		return nil, err
	}
	cl, err := dch.New(dchtest.Token, append(demoOptions, favorites.WithBaseURL(srv.URL))...)
	f, err := adapt(cl, err, dch.NewAdapter)
	s, err := session(f, err, ids, srv.Faults, srv.Close)
	if err == nil {
		s.second = func() (favorites.Favorites, error) {
			other, _ := dchFake() // the fake has one account: another fake, the same items
			s.onClose(other.Close)
			cl, err := dch.New(dchtest.Token, append(demoOptions, favorites.WithBaseURL(other.URL))...)
			return adapt(cl, err, dch.NewAdapter)
		}
	}
	return s, err
}

// dchFake is a DCH fake holding the demo's items, no favourites.
func dchFake() (*dchtest.Server, []string) {
	srv := dchtest.NewServer()
	var ids []string
	for i := range demoItems {
		id := strconv.Itoa(23000+i) + "-1"
		srv.AddItems(dchtest.Item{ID: id, Type: "work", Title: "Work " + strconv.Itoa(i+1)})
		ids = append(ids, id)
	}
	return srv, ids
}

func itoa(ids []int64) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = strconv.FormatInt(id, 10)
	}
	return out
}
