package dchtest

import "time"

// Item is one item of the fake's catalogue: a work, interview, film, or
// anything else the service may list.
type Item struct {
	ID    string // the service's ID, such as "23427-1"
	Type  string // "work", "interview", "film", ...
	Title string

	// ShortTitle is sent as null when empty.
	ShortTitle string

	IsFree bool

	// Published is sent as date.published and Begin as date.begin; each is
	// left out of the answer when zero (as begin is for films).
	Published, Begin time.Time

	// Overview and Detail are image paths below the thumbnail service,
	// such as "images/core/x.jpg"; the answer sends them as templates
	// "//host/cms/thumbnails/{width}x{height}/images/core/x.jpg", or null
	// when empty.
	Overview, Detail string
}

// DocumentItems are the three items of the API document's example answer:
// a work, an interview without images and a film without a begin date.
func DocumentItems() []Item {
	return []Item{
		{
			ID: "23427-1", Type: "work", Title: "[Éclat] (1st Version for 15 instruments from 1965)",
			Published: time.Unix(1472720400, 0), Begin: time.Unix(1472229000, 0),
			Overview: "images/core/BPhil_SSR_260816_040_DCH.jpg",
			Detail:   "images/core/BPhil_SSR_260816_040_DCH.jpg",
		},
		{
			ID: "23427-3", Type: "interview", Title: "Introduction by Sir Simon Rattle", IsFree: true,
			Published: time.Unix(1472720400, 0), Begin: time.Unix(1472229000, 0),
		},
		{
			ID: "301", Type: "film", Title: "“Guardians of Unity”: Conductors in conversation",
			Published: time.Unix(1463558400, 0),
			Overview:  "images/core/Hueter_Kreis_schwarz_en.jpg",
			Detail:    "images/core/dirigentenfilm_dch.jpg",
		},
	}
}
