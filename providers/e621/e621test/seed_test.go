package e621test_test

import (
	"slices"
	"testing"

	"github.com/favkit/favorites/providers/e621/e621test"
)

// TestSeeding holds the seeding calls to their promises: the newest
// favourite first, a repeat left where it is, and an unknown login or post
// an error that changes nothing, so that a typo in a test's set-up fails it
// instead of seeding half of what it meant.
func TestSeeding(t *testing.T) {
	tests := []struct {
		name    string
		seed    func(s *e621test.Server, ids []int64) error
		want    func(ids []int64) []int64 // Login's favourites after seed
		wantErr bool
	}{
		{"favourite: each the newest", func(s *e621test.Server, ids []int64) error {
			return s.Favorite(e621test.Login, ids[0], ids[1], ids[2])
		}, func(ids []int64) []int64 { return []int64{ids[2], ids[1], ids[0], ids[3]} }, false},
		{"favourite: a repeat stays where it is", func(s *e621test.Server, ids []int64) error {
			return s.Favorite(e621test.Login, ids[3])
		}, func(ids []int64) []int64 { return []int64{ids[3]} }, false},
		{"favourite: unknown post", func(s *e621test.Server, ids []int64) error {
			return s.Favorite(e621test.Login, ids[0], 99)
		}, func(ids []int64) []int64 { return []int64{ids[3]} }, true},
		{"favourite: unknown login", func(s *e621test.Server, ids []int64) error {
			return s.Favorite("nobody", ids[0])
		}, func(ids []int64) []int64 { return []int64{ids[3]} }, true},
		{"unfavourite", func(s *e621test.Server, ids []int64) error {
			return s.Unfavorite(e621test.Login, ids[3])
		}, func([]int64) []int64 { return []int64{} }, false},
		{"unfavourite: not a favourite is left alone", func(s *e621test.Server, ids []int64) error {
			return s.Unfavorite(e621test.Login, ids[0])
		}, func(ids []int64) []int64 { return []int64{ids[3]} }, false},
		{"unfavourite: unknown post", func(s *e621test.Server, ids []int64) error {
			return s.Unfavorite(e621test.Login, ids[3], 99)
		}, func(ids []int64) []int64 { return []int64{ids[3]} }, true},
		{"unfavourite: unknown login", func(s *e621test.Server, ids []int64) error {
			return s.Unfavorite("nobody", ids[3])
		}, func(ids []int64) []int64 { return []int64{ids[3]} }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := start(t, e621test.WithRateLimit(0))
			ids := srv.AddPosts(4)
			if err := srv.Favorite(e621test.Login, ids[3]); err != nil {
				t.Fatal(err)
			}
			err := tt.seed(srv, ids)
			if (err != nil) != tt.wantErr {
				t.Errorf("error %v, want one: %t", err, tt.wantErr)
			}
			if got, want := srv.Favorites(e621test.Login), tt.want(ids); !slices.Equal(got, want) {
				t.Errorf("favourites %v, want %v", got, want)
			}
		})
	}
	srv, _ := start(t)
	if got := srv.Favorites("nobody"); got != nil {
		t.Errorf("Favorites of an unknown login = %v, want nil", got)
	}
}
