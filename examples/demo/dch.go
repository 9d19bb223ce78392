package main

import (
	"context"
	"fmt"
	"io"
)

// demoDCH is replaced by the provider's own demo when its package lands.
func demoDCH(_ context.Context, w io.Writer) error {
	_, err := fmt.Fprintln(w, "(provider not yet built)")
	return err
}
