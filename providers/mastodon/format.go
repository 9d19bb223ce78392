package mastodon

import (
	"fmt"
	"log/slog"

	"github.com/favkit/favorites"
)

// Printing a Client or an Adapter shows the core client's description under
// every fmt verb and in slog, never the fields: fmt walks the fields of a
// value with no printing methods of its own, and those lead to the
// credential.

// coreClient is c's core client; nil for a nil c, which then prints <nil>.
func (c *Client) coreClient() *favorites.Client {
	if c == nil {
		return nil
	}
	return c.c
}

// GoString is the core client's description, for callers that ask for it
// by name.
func (c *Client) GoString() string { return c.coreClient().GoString() }

// Format prints the core client's description under every fmt verb.
func (c *Client) Format(s fmt.State, verb rune) { c.coreClient().Format(s, verb) }

// LogValue gives slog the core client's description.
func (c *Client) LogValue() slog.Value { return c.coreClient().LogValue() }

// client is a's Client; nil for a nil a.
func (a *Adapter) client() *Client {
	if a == nil {
		return nil
	}
	return a.c
}

// String describes a without its credential.
func (a *Adapter) String() string { return a.client().coreClient().String() }

// GoString is String, for callers that ask for it by name.
func (a *Adapter) GoString() string { return a.String() }

// Format prints a as its Client prints, under every fmt verb.
func (a *Adapter) Format(s fmt.State, verb rune) { a.client().Format(s, verb) }

// LogValue gives slog a's description.
func (a *Adapter) LogValue() slog.Value { return a.client().LogValue() }
