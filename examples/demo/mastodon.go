package main

import (
	"context"
	"fmt"
	"io"
)

// demoMastodon is replaced by the provider's own demo when its package lands.
func demoMastodon(_ context.Context, w io.Writer) error {
	_, err := fmt.Fprintln(w, "(provider not yet built)")
	return err
}
