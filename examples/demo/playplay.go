package main

import (
	"context"
	"fmt"
	"io"
)

// demoPlayPlay is replaced by the provider's own demo when its package lands.
func demoPlayPlay(_ context.Context, w io.Writer) error {
	_, err := fmt.Fprintln(w, "(provider not yet built)")
	return err
}
