package waifuimtest

import (
	"fmt"
	"slices"
	"time"
)

// AddUser adds a user with perms and returns a new token for it. An
// existing user's permissions are replaced; its old tokens keep working.
func (s *Server) AddUser(id int64, perms ...Permission) string {
	s.mu.Lock()
	tok := fmt.Sprintf("waifuimtest-user-%d-%d", id, len(s.tokens))
	s.mu.Unlock()
	s.addUser(id, tok, perms...)
	return tok
}

func (s *Server) addUser(id int64, token string, perms ...Permission) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.user(id)
	u.perms = map[Permission]bool{}
	for _, p := range perms {
		u.perms[p] = true
	}
	s.tokens[token] = id
}

// user returns the user with id, creating one with no permissions.
// s.mu is held.
func (s *Server) user(id int64) *user {
	u, ok := s.users[id]
	if !ok {
		u = &user{perms: map[Permission]bool{}, liked: map[int64]time.Time{}}
		s.users[id] = u
	}
	return u
}

// AddImage adds im to the catalogue. An image with the same ImageID is
// replaced.
func (s *Server) AddImage(im Image) {
	s.mu.Lock()
	defer s.mu.Unlock()
	im.Tags = slices.Clone(im.Tags)
	if im.Artist != nil {
		a := *im.Artist
		im.Artist = &a
	}
	s.images[im.ImageID] = &im
	s.nextID = max(s.nextID, im.ImageID+1)
}

// GenerateImages adds n images with varied tags, sizes, orientations,
// NSFW flags and file types, and returns their IDs in order.
func (s *Server) GenerateImages(n int) []int64 {
	ids := make([]int64, 0, n)
	for i := range n {
		s.mu.Lock()
		id := s.nextID
		s.mu.Unlock()
		s.AddImage(generated(id, i))
		ids = append(ids, id)
	}
	return ids
}

var generatedTags = []Tag{
	{TagID: 12, Name: "waifu", Description: "A female anime/manga character."},
	{TagID: 13, Name: "maid", Description: "Cute womans or girl employed to do domestic work in their working uniform."},
	{TagID: 4, Name: "selfies", Description: "A photo-like image of a waifu."},
	{TagID: 9, Name: "ero", Description: "Any kind of erotic content.", IsNSFW: true},
}

// generated makes the i-th generated image: landscape on even i, every third
// a GIF, every fourth NSFW.
func generated(id int64, i int) Image {
	w, h := 1200+10*i, 1800+10*i
	if i%2 == 0 {
		w, h = h, w
	}
	ext := ".jpg"
	if i%3 == 2 {
		ext = ".gif"
	}
	nsfw := i%4 == 3
	tags := []Tag{generatedTags[0], generatedTags[1+i%2]}
	if nsfw {
		tags = append(tags, generatedTags[3])
	}
	return Image{
		Signature:     fmt.Sprintf("%016x", uint64(id)*0x9e3779b97f4a7c15),
		Extension:     ext,
		ImageID:       id,
		Favorites:     i % 7,
		DominantColor: fmt.Sprintf("#%02x%02x%02x", 40+i%200, 80+i%150, 120+i%100),
		Source:        fmt.Sprintf("https://www.pixiv.net/en/artworks/%d", 90000000+id),
		Artist:        &Artist{ArtistID: 50 + id%5, Name: fmt.Sprintf("artist %d", id%5)},
		UploadedAt:    time.Date(2022, 4, 7, 13, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour),
		IsNSFW:        nsfw,
		Width:         w,
		Height:        h,
		ByteSize:      int64(500_000 + 100_000*i),
		URL:           fmt.Sprintf("https://cdn.waifu.im/%d%s", id, ext),
		PreviewURL:    fmt.Sprintf("https://www.waifu.im/preview/%d/", id),
		Tags:          tags,
	}
}

// Favorite makes the images favourites of the user, liked one after the
// other on the fake's clock, so the last one is listed first. An image
// that already is a favourite keeps its place and its liked_at, as
// seeding twice should not reorder the list. An unknown user (see
// [Server.AddUser]) or image is an error and changes nothing, so a test
// never runs against a state other than the one it seeded.
func (s *Server) Favorite(userID int64, imageIDs ...int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.known(userID, imageIDs)
	if err != nil {
		return err
	}
	for _, id := range imageIDs {
		if _, had := u.liked[id]; !had {
			s.images[id].Favorites++
			u.liked[id] = s.tick()
		}
	}
	return nil
}

// Unfavorite removes the images from the user's favourites; one that is
// not a favourite is left alone. An unknown user or image is an error and
// changes nothing.
func (s *Server) Unfavorite(userID int64, imageIDs ...int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, err := s.known(userID, imageIDs)
	if err != nil {
		return err
	}
	for _, id := range imageIDs {
		if _, had := u.liked[id]; had {
			s.images[id].Favorites--
			delete(u.liked, id)
		}
	}
	return nil
}

// known returns the user, checking that it and every image exist before
// the caller changes anything; s.mu is held.
func (s *Server) known(userID int64, imageIDs []int64) (*user, error) {
	u, ok := s.users[userID]
	if !ok {
		return nil, fmt.Errorf("waifuimtest: no user %d; add it with AddUser", userID)
	}
	for _, id := range imageIDs {
		if _, ok := s.images[id]; !ok {
			return nil, fmt.Errorf("waifuimtest: no image %d in the catalogue; add it with AddImage or GenerateImages", id)
		}
	}
	return u, nil
}

// tick moves the fake clock on and returns it; s.mu is held.
func (s *Server) tick() time.Time {
	s.clock = s.clock.Add(time.Minute)
	return s.clock
}

// Favorites returns the user's favourite image IDs in the order GET /fav
// lists them by default: most recently liked first. An unknown user has
// none.
func (s *Server) Favorites(userID int64) []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[userID]
	if !ok {
		return []int64{}
	}
	ids := make([]int64, 0, len(u.liked))
	for id := range u.liked {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int64) int { return u.liked[b].Compare(u.liked[a]) })
	return ids
}
