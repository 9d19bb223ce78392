package waifuimtest_test

import (
	"net/http"
	"testing"

	"github.com/favkit/favorites/providers/waifuim/waifuimtest"
)

// The fake names the first bad field of a /fav query, in a fixed order,
// every time: a test that seeds it with a bad query gets the same 400 on
// every run.
func TestBadFilterAnswerIsDeterministic(t *testing.T) {
	srv := waifuimtest.NewServer()
	t.Cleanup(srv.Close)
	tests := []struct {
		name, target, want string
	}{
		{"many and full", "/fav?full=maybe&many=perhaps", `{"detail":"Bad Request, error on many"}`},
		{"an enum before the flags", "/fav?many=x&full=y&orientation=SQUARE", `{"detail":"Bad Request, error on orientation"}`},
		{"the flags before the sizes", "/fav?full=y&height=~3&width=~2", `{"detail":"Bad Request, error on full"}`},
		{"the sizes in order", "/fav?byte_size=~1&height=~3", `{"detail":"Bad Request, error on height"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 50 {
				status, got, _ := raw(t, srv, http.MethodGet, tt.target, waifuimtest.Token, "")
				if status != http.StatusBadRequest || got != tt.want {
					t.Fatalf("GET %s: %d %s; want 400 %s", tt.target, status, got, tt.want)
				}
			}
		})
	}
}
