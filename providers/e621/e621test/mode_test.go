package e621test_test

import (
	"fmt"
	"testing"

	"github.com/favkit/favorites/providers/e621/e621test"
)

func TestModeString(t *testing.T) {
	for m, want := range map[e621test.Mode]string{e621test.Live: "Live", e621test.Documented: "Documented", 7: "Mode(7)"} {
		if got := fmt.Sprint(m); got != want {
			t.Errorf("Mode %d prints %q, want %q", int(m), got, want)
		}
	}
}
