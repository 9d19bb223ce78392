package e621test

import (
	"fmt"
	"time"
)

// Post is a post to seed. Zero fields get plain defaults: a png of
// 800x600, rating "s", created at a fixed time.
type Post struct {
	ID          int64 // 0: the next free ID
	Ext         string
	Width       int
	Height      int
	Artists     []string
	General     []string
	Rating      string
	Description string
	Duration    float64 // seconds, for videos
	CreatedAt   time.Time
}

// AddPost stores p and returns its ID.
func (s *Server) AddPost(p Post) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p.ID == 0 {
		s.nextPost++
		p.ID = s.nextPost
	}
	s.nextPost = max(s.nextPost, p.ID)
	if p.Ext == "" {
		p.Ext = "png"
	}
	if p.Width == 0 || p.Height == 0 {
		p.Width, p.Height = 800, 600
	}
	if p.Rating == "" {
		p.Rating = "s"
	}
	if p.CreatedAt.IsZero() {
		p.CreatedAt = epoch.Add(time.Duration(p.ID) * time.Minute)
	}
	s.posts[p.ID] = &p
	return p.ID
}

// AddPosts stores n posts, cycling through a png, a jpg, a webm and a gif,
// and returns their IDs.
func (s *Server) AddPosts(n int) []int64 {
	exts := []string{"png", "jpg", "webm", "gif"}
	ids := make([]int64, 0, n)
	for i := range n {
		p := Post{Ext: exts[i%len(exts)], Artists: []string{fmt.Sprintf("artist_%d", i%3)},
			General: []string{"solo", "smile"}, Description: "A seeded post."}
		if p.Ext == "webm" {
			p.Duration = 12.5
		}
		ids = append(ids, s.AddPost(p))
	}
	return ids
}

// wirePost is a post as e621 sends it.
type wirePost struct {
	ID            int64               `json:"id"`
	CreatedAt     string              `json:"created_at"`
	UpdatedAt     string              `json:"updated_at"`
	File          map[string]any      `json:"file"`
	Preview       map[string]any      `json:"preview"`
	Sample        map[string]any      `json:"sample"`
	Score         map[string]int      `json:"score"`
	Tags          map[string][]string `json:"tags"`
	LockedTags    []string            `json:"locked_tags"`
	ChangeSeq     int64               `json:"change_seq"`
	Flags         map[string]bool     `json:"flags"`
	Rating        string              `json:"rating"`
	FavCount      int                 `json:"fav_count"`
	Sources       []string            `json:"sources"`
	Pools         []int64             `json:"pools"`
	Relationships map[string]any      `json:"relationships"`
	ApproverID    *int64              `json:"approver_id"`
	UploaderID    int64               `json:"uploader_id"`
	Description   string              `json:"description"`
	CommentCount  int                 `json:"comment_count"`
	IsFavorited   bool                `json:"is_favorited"`
	HasNotes      bool                `json:"has_notes"`
	Duration      *float64            `json:"duration"`
}

// wire renders p for viewer (nil: anonymous). Call with s.mu held.
func (s *Server) wire(p *Post, viewer *user) wirePost {
	md5 := fmt.Sprintf("%032x", p.ID)
	cdn := "https://static1.e621.net/data/"
	favCount, mine := s.favCount[p.ID], viewer != nil && viewer.has[p.ID]
	var dur *float64
	if p.Duration > 0 {
		dur = &p.Duration
	}
	ts := p.CreatedAt.Format("2006-01-02T15:04:05.000-07:00")
	return wirePost{
		ID: p.ID, CreatedAt: ts, UpdatedAt: ts,
		File: map[string]any{"width": p.Width, "height": p.Height, "ext": p.Ext,
			"size": p.Width * p.Height, "md5": md5, "url": cdn + md5[:2] + "/" + md5[2:4] + "/" + md5 + "." + p.Ext},
		Preview: map[string]any{"width": 150, "height": 150 * p.Height / p.Width,
			"url": cdn + "preview/" + md5[:2] + "/" + md5[2:4] + "/" + md5 + ".jpg"},
		Sample: map[string]any{"has": false, "width": p.Width, "height": p.Height, "url": nil},
		Score:  map[string]int{"up": favCount, "down": 0, "total": favCount},
		Tags: map[string][]string{"general": nonNil(p.General), "artist": nonNil(p.Artists),
			"contributor": {}, "copyright": {}, "character": {}, "species": {}, "invalid": {}, "meta": {}, "lore": {}},
		LockedTags: []string{}, ChangeSeq: p.ID * 7,
		Flags: map[string]bool{"pending": false, "flagged": false, "note_locked": false,
			"status_locked": false, "rating_locked": false, "deleted": false},
		Rating: p.Rating, FavCount: favCount, Sources: []string{}, Pools: []int64{},
		Relationships: map[string]any{"parent_id": nil, "has_children": false,
			"has_active_children": false, "children": []int64{}},
		UploaderID: 1, Description: p.Description, IsFavorited: mine, Duration: dur,
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
