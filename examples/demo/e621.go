package main

import (
	"context"
	"fmt"
	"io"
)

// demoE621 is replaced by the provider's own demo when its package lands.
func demoE621(_ context.Context, w io.Writer) error {
	_, err := fmt.Fprintln(w, "(provider not yet built)")
	return err
}
