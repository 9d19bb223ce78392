package dch

import (
	"context"
	"encoding/json"

	"github.com/favkit/favorites"
)

// DecodeTyped and DecodePortable decode a list answer's body as the page
// of Client.Favourites and Adapter.List do once Client.Do has read it: the
// envelope with json.Unmarshal (what Do does), then the entries.
func DecodeTyped(ctx context.Context, body []byte) ([]*Favourite, error) {
	var w wireList
	if err := json.Unmarshal(body, &w); err != nil {
		return nil, err
	}
	list, err := decodeList(ctx, &w)
	if err != nil {
		return nil, err
	}
	return list.pointers(), nil
}

// DecodePortable: see DecodeTyped.
func DecodePortable(ctx context.Context, body []byte) ([]favorites.Favorite, error) {
	var w wireList
	if err := json.Unmarshal(body, &w); err != nil {
		return nil, err
	}
	return portableList(ctx, &w)
}
