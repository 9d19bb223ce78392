package sleep

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestFor(t *testing.T) {
	ended, cancel := context.WithCancel(t.Context())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		d    time.Duration
		want error
	}{
		{"a short wait", t.Context(), time.Millisecond, nil},
		{"no wait", t.Context(), 0, nil},
		{"ended context, no wait", ended, 0, context.Canceled},
		{"ended context", ended, time.Hour, context.Canceled},
	}
	for _, tt := range tests {
		start := time.Now()
		if err := For(tt.ctx, tt.d); !errors.Is(err, tt.want) {
			t.Errorf("%s: For = %v, want %v", tt.name, err, tt.want)
		}
		if waited := time.Since(start); tt.want == nil && waited < tt.d {
			t.Errorf("%s: returned after %v, before %v", tt.name, waited, tt.d)
		}
	}
}
