package bench

import (
	"context"
	"testing"
	"time"

	gomastodon "github.com/mattn/go-mastodon"

	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// The fake stays honest to a client it was not written with: go-mastodon
// decodes its listing and a favourite call, and every field it names that
// Mastodon fills arrives filled (account emojis and fields, times, counts,
// media sizes), a bare-date last_status_at and the nulls included.
func TestGoMastodonDecodesTheFake(t *testing.T) {
	srv := mastodontest.NewServer()
	defer srv.Close()
	posted := time.Date(2025, 4, 5, 6, 7, 8, 0, time.UTC)
	listed := srv.AddStatus(mastodontest.Status{Content: "<p>listed</p>", CreatedAt: posted,
		MediaPreviewURLs: []string{"https://files.example/a.png"}})
	faved := srv.AddStatus(mastodontest.Status{Content: "<p>far</p>", Acct: "carol@far.example", CreatedAt: posted})
	if err := srv.Favorite(mastodontest.DefaultUser, listed); err != nil {
		t.Fatal(err)
	}
	c := gomastodon.NewClient(&gomastodon.Config{Server: srv.URL, AccessToken: mastodontest.Token})
	c.Client = *srv.HTTPClient()
	tests := []struct {
		name  string
		call  func(ctx context.Context) (*gomastodon.Status, error)
		id    string
		media int
	}{
		{"listing", func(ctx context.Context) (*gomastodon.Status, error) {
			page, err := c.GetFavourites(ctx, &gomastodon.Pagination{Limit: 40})
			if err != nil || len(page) != 1 {
				return nil, err
			}
			return page[0], nil
		}, listed, 1},
		{"favourite", func(ctx context.Context) (*gomastodon.Status, error) {
			return c.Favourite(ctx, gomastodon.ID(faved))
		}, faved, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := tt.call(t.Context())
			if err != nil || st == nil {
				t.Fatalf("status %v, error %v", st, err)
			}
			if string(st.ID) != tt.id || !st.CreatedAt.Equal(posted) || st.Favourited != true ||
				st.URI == "" || st.URL == "" || st.Visibility != "public" || st.Language == "" ||
				st.FavouritesCount != 1 || st.Reblog != nil || st.Card != nil || st.Poll != nil || !st.EditedAt.IsZero() {
				t.Errorf("status %+v", st)
			}
			checkMedia(t, st.MediaAttachments, tt.media)
			checkAccount(t, &st.Account)
		})
	}
}

func checkMedia(t *testing.T, media []gomastodon.Attachment, want int) {
	t.Helper()
	if len(media) != want {
		t.Fatalf("%d attachments, want %d", len(media), want)
	}
	for _, m := range media {
		if m.PreviewURL == "" || m.BlurHash == "" || m.Meta.Original.Width == 0 || m.Meta.Small.Height == 0 {
			t.Errorf("attachment %+v", m)
		}
	}
}

func checkAccount(t *testing.T, a *gomastodon.Account) {
	t.Helper()
	if a.ID == "" || a.Username == "" || a.Acct == "" || a.DisplayName == "" || a.URL == "" || a.URI == "" ||
		a.Avatar == "" || a.AvatarStatic == "" || a.Header == "" || a.Note == "" || a.StatusesCount != 1 {
		t.Errorf("account %+v", a)
	}
	if a.CreatedAt.IsZero() || !a.CreatedAt.Equal(a.CreatedAt.Truncate(24*time.Hour)) {
		t.Errorf("account created_at %v, want a midnight", a.CreatedAt)
	}
	if len(a.Emojis) == 0 || a.Emojis[0].ShortCode == "" || a.Emojis[0].URL == "" || a.Emojis[0].StaticURL == "" {
		t.Errorf("account emojis %+v", a.Emojis)
	}
	if len(a.Fields) != 2 || a.Fields[0].Name == "" || a.Fields[0].Value == "" ||
		a.Fields[0].VerifiedAt.IsZero() || !a.Fields[1].VerifiedAt.IsZero() {
		t.Errorf("account fields %+v, want a verified one and a plain one", a.Fields)
	}
}
