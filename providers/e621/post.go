package e621

import (
	"encoding/json"
	"path"
	"strings"
	"time"
)

// Post is one e621 post as the API returns it.
type Post struct {
	ID            int64         `json:"id"`
	CreatedAt     time.Time     `json:"created_at"`
	UpdatedAt     time.Time     `json:"updated_at"`
	File          File          `json:"file"`
	Preview       Preview       `json:"preview"`
	Sample        Sample        `json:"sample"`
	Score         Score         `json:"score"`
	Tags          Tags          `json:"tags"`
	LockedTags    []string      `json:"locked_tags"`
	ChangeSeq     int64         `json:"change_seq"`
	Flags         Flags         `json:"flags"`
	Rating        Rating        `json:"rating"`
	FavCount      int           `json:"fav_count"`
	Sources       []string      `json:"sources"`
	Pools         []int64       `json:"pools"`
	Relationships Relationships `json:"relationships"`
	ApproverID    *int64        `json:"approver_id"`
	UploaderID    int64         `json:"uploader_id"`
	Description   string        `json:"description"`
	CommentCount  int           `json:"comment_count"`
	IsFavorited   bool          `json:"is_favorited"`
	HasNotes      bool          `json:"has_notes"`
	// Duration is a video's length in seconds; nil for still images.
	Duration *float64 `json:"duration"`

	// Raw is the post's JSON exactly as received, set by this package's
	// calls: the bytes of the reply itself, never copied per post.
	// json.Unmarshal of a Post leaves it empty.
	Raw json.RawMessage `json:"-"`
}

// FavoriteProvider names the provider whose favourites a Post is: it lets
// [favorites.Favorite.As] decode a favourite's Raw into one.
func (*Post) FavoriteProvider() string { return ProviderName }

// File is the post's original file. URL is empty when the post is not
// visible to the caller (deleted, or hidden by the caller's blacklist on
// the server side).
type File struct {
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Ext    string `json:"ext"`
	Size   int64  `json:"size"`
	MD5    string `json:"md5"`
	URL    string `json:"url"`
}

// Preview is the small thumbnail.
type Preview struct {
	Width  int    `json:"width"`
	Height int    `json:"height"`
	URL    string `json:"url"`
}

// Sample is the medium-size version, present when Has is true.
type Sample struct {
	Has    bool   `json:"has"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	URL    string `json:"url"`
}

// Score is the post's votes.
type Score struct {
	Up    int `json:"up"`
	Down  int `json:"down"`
	Total int `json:"total"`
}

// Tags are the post's tags by category.
type Tags struct {
	General     []string `json:"general"`
	Artist      []string `json:"artist"`
	Contributor []string `json:"contributor"`
	Copyright   []string `json:"copyright"`
	Character   []string `json:"character"`
	Species     []string `json:"species"`
	Invalid     []string `json:"invalid"`
	Meta        []string `json:"meta"`
	Lore        []string `json:"lore"`
}

// Flags are the post's moderation states.
type Flags struct {
	Pending      bool `json:"pending"`
	Flagged      bool `json:"flagged"`
	NoteLocked   bool `json:"note_locked"`
	StatusLocked bool `json:"status_locked"`
	RatingLocked bool `json:"rating_locked"`
	Deleted      bool `json:"deleted"`
}

// Relationships link a post to its parent and children.
type Relationships struct {
	ParentID          *int64  `json:"parent_id"`
	HasChildren       bool    `json:"has_children"`
	HasActiveChildren bool    `json:"has_active_children"`
	Children          []int64 `json:"children"`
}

// Rating is a post's content rating.
type Rating string

// The three ratings.
const (
	RatingSafe         Rating = "s"
	RatingQuestionable Rating = "q"
	RatingExplicit     Rating = "e"
)

// Kinds of post, from the file's extension, as used in favorites.Favorite.Kind.
const (
	KindImage     = "image"
	KindVideo     = "video"
	KindAnimation = "animation"
)

// Kind tells a still image from a video or an animation by the file's
// extension: webm and mp4 are videos, gif and swf animations, anything
// else an image.
func (p *Post) Kind() string {
	ext := strings.ToLower(strings.TrimPrefix(p.File.Ext, "."))
	if ext == "" {
		ext = strings.ToLower(strings.TrimPrefix(path.Ext(p.File.URL), "."))
	}
	switch ext {
	case "webm", "mp4":
		return KindVideo
	case "gif", "swf":
		return KindAnimation
	}
	return KindImage
}
