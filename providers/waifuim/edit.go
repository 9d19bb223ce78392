package waifuim

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
)

// Edit is the body of insert, delete and toggle.
type Edit struct {
	ImageID int64 `json:"image_id"`
	// UserID edits another user's favourites (admin tokens only); 0 means
	// the token's own user.
	UserID int64 `json:"user_id,omitempty"`
}

func (e Edit) check() error {
	if e.ImageID < 1 {
		return fmt.Errorf("%s: %w: image_id %d is not positive", ProviderName, favorites.ErrInvalidArgument, e.ImageID)
	}
	if e.UserID < 0 {
		return fmt.Errorf("%s: %w: user_id %d is negative", ProviderName, favorites.ErrInvalidArgument, e.UserID)
	}
	return nil
}

// Insert makes an image a favourite (POST /fav/insert). An image already
// there is the service's 409, an error matching favorites.ErrConflict and
// favorites.ErrAlreadyFavorited; an unknown image is favorites.ErrNotFound.
// A 5xx is not retried, since the first attempt may have inserted it.
func (c *Client) Insert(ctx context.Context, e Edit) (State, *favorites.Response, error) {
	return c.send(ctx, http.MethodPost, "/fav/insert", e, driver.RetryByMethod)
}

// Delete removes an image from the favourites. It sends POST /fav/delete as
// the live service wants and, on a 405, the document's DELETE once. An image
// that is not a favourite is the service's 404 (favorites.ErrNotFound).
func (c *Client) Delete(ctx context.Context, e Edit) (State, *favorites.Response, error) {
	return c.delete(ctx, e, driver.RetryByMethod)
}

// Toggle inserts an image that is not a favourite and deletes one that is,
// reporting which it did. A repeat would undo it, so it is retried only on a
// 429 or when the request never left the client: a 5xx or a connection lost
// after sending is returned, and the caller should look before trying again.
func (c *Client) Toggle(ctx context.Context, e Edit) (State, *favorites.Response, error) {
	// RetryByMethod on a POST is exactly that rule: a 429, or a failure
	// before sending, cannot double-toggle.
	return c.send(ctx, http.MethodPost, "/fav/toggle", e, driver.RetryByMethod)
}

func (c *Client) delete(ctx context.Context, e Edit, mode driver.RetryMode) (State, *favorites.Response, error) {
	state, resp, err := c.send(ctx, http.MethodPost, "/fav/delete", e, mode)
	if errors.Is(err, favorites.ErrMethodNotAllowed) {
		// A server that follows the document rather than the live service.
		return c.send(ctx, http.MethodDelete, "/fav/delete", e, mode)
	}
	return state, resp, err
}

func (c *Client) send(ctx context.Context, method, path string, e Edit, mode driver.RetryMode) (State, *favorites.Response, error) {
	if err := e.check(); err != nil {
		return "", nil, err
	}
	req, err := c.c.NewRequest(method, path, nil, driver.JSONBody(e))
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", ProviderName, err)
	}
	req.Retry = mode
	var body StateResponse
	resp, err := c.c.Do(ctx, req, &body)
	if err != nil {
		return "", resp, err
	}
	if body.State != StateInserted && body.State != StateDeleted {
		return "", resp, fmt.Errorf("%s: %s %s: %w: state %q", ProviderName, method, path, favorites.ErrMalformedReply, body.State)
	}
	return body.State, resp, nil
}
