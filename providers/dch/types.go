package dch

import (
	"bytes"
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// FavouriteList is the answer of POST /user/favourites, which
// [Client.AddFavourite] and [Client.RemoveFavourite] return: every
// favourite at once, with the time the list last changed. (GET answers the
// same shape; [Client.Favourites] hands out its entries through a Pager.)
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

// pointers gives a pointer to each of l's favourites, in order, for the
// Pager of [Client.Favourites]: one slice of pointers into l's own, not a
// copy of each entry.
func (l *FavouriteList) pointers() []*Favourite {
	out := make([]*Favourite, len(l.Favourites))
	for i := range l.Favourites {
		out[i] = &l.Favourites[i]
	}
	return out
}

// UnmarshalJSON reads a whole list answer the caller holds, by the rules
// of the client's own listing ("Listing" in the package doc). It copies
// data once, since a
// json.Decoder reuses the memory it passes, and each entry's Raw is a
// sub-slice of that copy. The client decodes its replies without the
// copy.
func (l *FavouriteList) UnmarshalJSON(data []byte) error {
	data = bytes.Clone(data)
	var w wireList
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	list, err := decodeList(context.Background(), &w)
	if err != nil {
		return err
	}
	*l = *list
	return nil
}

// MarshalJSON writes the list in the service's form, which UnmarshalJSON
// reads back: {"updated": Unix seconds, "_links": {"favourites": [...]}},
// each entry as [Favourite.MarshalJSON] writes it. A zero Updated is
// null, and no favourites is the empty array the service sends for them,
// never null.
func (l FavouriteList) MarshalJSON() ([]byte, error) {
	favs := l.Favourites
	if favs == nil {
		favs = []Favourite{}
	}
	type links struct {
		Favourites []Favourite `json:"favourites"`
	}
	return json.Marshal(struct {
		Updated *int64 `json:"updated"`
		Links   links  `json:"_links"`
	}{unixSeconds(l.Updated), links{favs}})
}

// decodeList builds the list of an answer whose envelope w holds.
func decodeList(ctx context.Context, w *wireList) (*FavouriteList, error) {
	raw, err := w.entries()
	if err != nil {
		return nil, err
	}
	list := &FavouriteList{Updated: unixTime(w.Updated)}
	size := func(n int) { list.Favourites = make([]Favourite, 0, n) }
	err = decodeEntries(ctx, raw, size, func(f Favourite) { list.Favourites = append(list.Favourites, f) })
	if err != nil {
		return nil, err
	}
	return list, nil
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

// FavoriteProvider names the provider whose favourites a Favourite is: it lets
// [favorites.Favorite.As] decode a favourite's Raw into one.
func (*Favourite) FavoriteProvider() string { return ProviderName }

// Date holds an item's dates.
type Date struct {
	// Published is when the item was published; zero when absent.
	Published time.Time

	// Begin is when the concert or recording began; zero when null or
	// absent (films have none).
	Begin time.Time
}

// MarshalJSON writes the dates in the service's form, which UnmarshalJSON
// reads back: {"published": Unix seconds, "begin": Unix seconds}, a zero
// time as null. Only whole seconds are kept, as the service sends them,
// and they read back in UTC.
func (d Date) MarshalJSON() ([]byte, error) {
	return json.Marshal(wireDate{Published: unixSeconds(d.Published), Begin: unixSeconds(d.Begin)})
}

// UnmarshalJSON reads the service's date object; null or absent times are
// zero, and a null object leaves d as it is.
func (d *Date) UnmarshalJSON(data []byte) error {
	var w *wireDate
	if err := json.Unmarshal(data, &w); err != nil || w == nil {
		return err
	}
	*d = Date{Published: unixTime(w.Published), Begin: unixTime(w.Begin)}
	return nil
}

// wireDate is the date object as sent, in Unix seconds.
type wireDate struct {
	Published *int64 `json:"published"`
	Begin     *int64 `json:"begin"`
}

// Image holds an item's image templates; each is nil when the service sends
// null or leaves it out.
type Image struct {
	Overview *ImageTemplate // the small picture for lists
	Detail   *ImageTemplate // the larger picture for an item's page
}

// MarshalJSON writes the templates in the service's form, which
// UnmarshalJSON reads back: {"overview": ..., "detail": ...}, a nil
// template as null.
func (im Image) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Overview *ImageTemplate `json:"overview"`
		Detail   *ImageTemplate `json:"detail"`
	}{im.Overview, im.Detail})
}

// UnmarshalJSON reads the service's image object, making protocol-relative
// templates absolute with https; null or absent templates are nil, and a
// null object leaves im as it is.
func (im *Image) UnmarshalJSON(data []byte) error {
	var w *struct {
		Overview wireURL `json:"overview"`
		Detail   wireURL `json:"detail"`
	}
	if err := json.Unmarshal(data, &w); err != nil || w == nil {
		return err
	}
	*im = Image{Overview: template(w.Overview), Detail: template(w.Detail)}
	return nil
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
	// Two ReplaceAll, not a strings.Replacer: a Replacer costs an
	// allocation of its own on every call, for every entry of a listing.
	s := strings.ReplaceAll(string(*t), "{width}", strconv.Itoa(width))
	return strings.ReplaceAll(s, "{height}", strconv.Itoa(height))
}

// wireFavourite is one entry as sent: times in Unix seconds, nullable fields
// as pointers.
type wireFavourite struct {
	Href       wireURL `json:"href"`
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
		Overview wireURL `json:"overview"`
		Detail   wireURL `json:"detail"`
	} `json:"image"`
	Type string `json:"type"`
}

// wireURL is a URL as sent, made absolute with https as it is decoded:
// one allocation for a protocol-relative URL, not one for the text and
// one more for the https form. Null and absent leave it "".
type wireURL string

// UnmarshalJSON reads a JSON string or null.
func (u *wireURL) UnmarshalJSON(data []byte) error {
	if len(data) >= 2 && data[0] == '"' && bytes.IndexByte(data[1:len(data)-1], '\\') < 0 {
		if inner := data[1 : len(data)-1]; bytes.HasPrefix(inner, []byte("//")) {
			*u = wireURL("https:" + string(inner))
		} else {
			*u = wireURL(inner)
		}
		return nil
	}
	var s *string
	if err := json.Unmarshal(data, &s); err != nil || s == nil {
		return err
	}
	*u = wireURL(resolveHref(*s))
	return nil
}

// UnmarshalJSON reads one entry on its own, as a caller may from a saved
// Raw: it resolves the URLs against https, turns Unix seconds into times
// and keeps a copy of data in Raw (a json.Decoder reuses the memory it
// passes). It checks no field: the client's listing does that.
func (f *Favourite) UnmarshalJSON(data []byte) error {
	var w wireFavourite
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*f = w.favourite(bytes.Clone(data))
	return nil
}

// MarshalJSON writes the entry in the service's form, which UnmarshalJSON
// (and a [FavouriteList]'s) reads back to the same fields: the document's
// keys, times in Unix seconds (a zero time as null), a nil short title as
// null, the dates and images as [Date.MarshalJSON] and
// [Image.MarshalJSON] write them, and links as the fields hold them
// (absolute). Raw is not written: it is what the entry was decoded from,
// and decoding the output makes the output its Raw.
func (f Favourite) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Href       string  `json:"href"`
		Updated    *int64  `json:"updated"`
		ID         string  `json:"id"`
		Title      string  `json:"title"`
		ShortTitle *string `json:"short_title"`
		IsFree     bool    `json:"is_free"`
		Date       Date    `json:"date"`
		Image      Image   `json:"image"`
		Type       Type    `json:"type"`
	}{f.Href, unixSeconds(f.Updated), f.ID, f.Title, f.ShortTitle, f.IsFree, f.Date, f.Image, f.Type})
}

// favourite converts the entry, whose bytes are raw, kept as its Raw.
func (w *wireFavourite) favourite(raw []byte) Favourite {
	return Favourite{
		ID:         w.ID,
		Href:       string(w.Href),
		Updated:    unixTime(w.Updated),
		Title:      w.Title,
		ShortTitle: w.ShortTitle,
		IsFree:     w.IsFree,
		Date:       Date{Published: unixTime(w.Date.Published), Begin: unixTime(w.Date.Begin)},
		Image:      Image{Overview: template(w.Image.Overview), Detail: template(w.Image.Detail)},
		Type:       Type(w.Type),
		Raw:        raw,
	}
}

// unixTime turns Unix seconds into a UTC time; nil gives the zero time.
func unixTime(sec *int64) time.Time {
	if sec == nil {
		return time.Time{}
	}
	return time.Unix(*sec, 0).UTC()
}

// unixSeconds is the inverse of unixTime: t's Unix seconds, nil for the
// zero time.
func unixSeconds(t time.Time) *int64 {
	if t.IsZero() {
		return nil
	}
	sec := t.Unix()
	return &sec
}

// template gives the image template u holds, nil for null or absent.
func template(u wireURL) *ImageTemplate {
	if u == "" {
		return nil
	}
	t := ImageTemplate(u)
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
