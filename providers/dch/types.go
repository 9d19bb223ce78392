package dch

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// FavouriteList is the answer of GET and POST /user/favourites: every
// favourite at once, with the time the list last changed.
type FavouriteList struct {
	// Updated is when the list last changed; zero when the service did not
	// say.
	Updated time.Time

	// Favourites is every favourite, in the service's order (the document
	// shows the most recently changed first).
	Favourites []Favourite
}

// Contains reports whether the list holds the item with this ID.
func (l *FavouriteList) Contains(id string) bool {
	if l == nil {
		return false
	}
	for _, f := range l.Favourites {
		if f.ID == id {
			return true
		}
	}
	return false
}

// wireList is the HAL shape on the wire: the favourites sit under _links.
type wireList struct {
	Updated *int64 `json:"updated"`
	Links   struct {
		Favourites []Favourite `json:"favourites"`
	} `json:"_links"`
}

// UnmarshalJSON reads the HAL body. A favourite without an ID (or null)
// is an error: it could be neither added, removed nor told apart.
func (l *FavouriteList) UnmarshalJSON(data []byte) error {
	var w wireList
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	for i, f := range w.Links.Favourites {
		if f.ID == "" {
			return fmt.Errorf("favourite %d has no id", i)
		}
	}
	*l = FavouriteList{Updated: unixTime(w.Updated), Favourites: w.Links.Favourites}
	return nil
}

// Type is what kind of item a favourite is. The document shows work,
// interview and film; the set is open, so any other value the service sends
// is kept as it is.
type Type string

// The types the document shows.
const (
	TypeWork      Type = "work"
	TypeInterview Type = "interview"
	TypeFilm      Type = "film"
)

// Favourite is one entry of the favourites list.
type Favourite struct {
	// ID is the item's ID, a string such as "23427-1": what AddFavourite and
	// RemoveFavourite take.
	ID string

	// Href is the item's API URL, made absolute with https (the service
	// sends it protocol-relative, "//host/path").
	Href string

	// Updated is the time the service gives for the entry.
	Updated time.Time

	// Title is the item's full title.
	Title string

	// ShortTitle is nil when the service sends null or leaves it out.
	ShortTitle *string

	// IsFree is true for items watchable without a ticket.
	IsFree bool

	// Date holds the item's publishing and start times.
	Date Date

	// Image holds the item's picture templates.
	Image Image

	// Type is what the item is: a work, an interview, a film, ...
	Type Type

	// Raw is the entry's JSON exactly as the service sent it.
	Raw json.RawMessage
}

// Date holds an item's dates.
type Date struct {
	// Published is when the item was published; zero when absent.
	Published time.Time

	// Begin is when the concert or recording began; zero when null or
	// absent (films have none).
	Begin time.Time
}

// Image holds an item's image templates; each is nil when the service sends
// null or leaves it out.
type Image struct {
	Overview *ImageTemplate // the small picture for lists
	Detail   *ImageTemplate // the larger picture for an item's page
}

// ImageTemplate is an image URL with "{width}" and "{height}" placeholders,
// made absolute with https.
type ImageTemplate string

// URL fills the template's placeholders with a size in pixels. A nil
// template gives "".
func (t *ImageTemplate) URL(width, height int) string {
	if t == nil {
		return ""
	}
	return strings.NewReplacer("{width}", strconv.Itoa(width), "{height}", strconv.Itoa(height)).Replace(string(*t))
}

// wireFavourite is one entry as sent: times in Unix seconds, nullable fields
// as pointers.
type wireFavourite struct {
	Href       string  `json:"href"`
	Updated    *int64  `json:"updated"`
	ID         string  `json:"id"`
	Title      string  `json:"title"`
	ShortTitle *string `json:"short_title"`
	IsFree     bool    `json:"is_free"`
	Date       struct {
		Published *int64 `json:"published"`
		Begin     *int64 `json:"begin"`
	} `json:"date"`
	Image struct {
		Overview *string `json:"overview"`
		Detail   *string `json:"detail"`
	} `json:"image"`
	Type string `json:"type"`
}

// UnmarshalJSON reads one entry, resolves its URLs against https, turns its
// Unix seconds into times and keeps a copy of the bytes in Raw.
func (f *Favourite) UnmarshalJSON(data []byte) error {
	var w wireFavourite
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*f = Favourite{
		ID:         w.ID,
		Href:       resolveHref(w.Href),
		Updated:    unixTime(w.Updated),
		Title:      w.Title,
		ShortTitle: w.ShortTitle,
		IsFree:     w.IsFree,
		Date:       Date{Published: unixTime(w.Date.Published), Begin: unixTime(w.Date.Begin)},
		Image:      Image{Overview: template(w.Image.Overview), Detail: template(w.Image.Detail)},
		Type:       Type(w.Type),
		Raw:        append(json.RawMessage(nil), data...),
	}
	return nil
}

// unixTime turns Unix seconds into a UTC time; nil gives the zero time.
func unixTime(sec *int64) time.Time {
	if sec == nil {
		return time.Time{}
	}
	return time.Unix(*sec, 0).UTC()
}

func template(s *string) *ImageTemplate {
	if s == nil || *s == "" {
		return nil
	}
	t := ImageTemplate(resolveHref(*s))
	return &t
}

// resolveHref makes a protocol-relative URL ("//host/path") absolute with
// https. Anything else is returned unchanged. It works on the text, not
// through net/url, so the template's braces stay as they are.
func resolveHref(s string) string {
	if strings.HasPrefix(s, "//") {
		return "https:" + s
	}
	return s
}
