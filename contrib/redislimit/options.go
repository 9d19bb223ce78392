package redislimit

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/favkit/favorites"
)

// An Option sets one of a [Limiter]'s settings in [New].
type Option func(*settings) error

type settings struct {
	limit   Limit
	given   bool // limit came from WithLimit
	log     *slog.Logger
	timeout time.Duration
	probe   time.Duration
}

// Defaults of [New].
const (
	// DefaultTimeout bounds each call to Redis: past it the worker paces
	// in process rather than hold its requests.
	DefaultTimeout = 200 * time.Millisecond
	// DefaultProbeInterval is how often a worker pacing in process asks
	// Redis whether it answers again.
	DefaultProbeInterval = time.Second
)

// WithLimit sets the budget's limit instead of the provider's
// ([ProviderLimit]).
func WithLimit(l Limit) Option {
	return func(s *settings) error {
		if err := checkLimit(l); err != nil {
			return fmt.Errorf("WithLimit: %w", err)
		}
		s.limit, s.given = l, true
		return nil
	}
}

// WithLogger logs, once each, that Redis stopped answering and that it
// answers again; slog.Default() unless set.
func WithLogger(l *slog.Logger) Option {
	return func(s *settings) error {
		if l == nil {
			return fmt.Errorf("%w: redislimit: WithLogger: nil *slog.Logger", favorites.ErrInvalidArgument)
		}
		s.log = l
		return nil
	}
}

// WithTimeout bounds each call to Redis ([DefaultTimeout] unless set).
func WithTimeout(d time.Duration) Option {
	return positive("WithTimeout", d, func(s *settings) { s.timeout = d })
}

// WithProbeInterval sets how often a worker pacing in process tries Redis
// again ([DefaultProbeInterval] unless set).
func WithProbeInterval(d time.Duration) Option {
	return positive("WithProbeInterval", d, func(s *settings) { s.probe = d })
}

// positive is the option name that sets a duration, refusing one not
// above 0.
func positive(name string, d time.Duration, set func(*settings)) Option {
	return func(s *settings) error {
		if d <= 0 {
			return fmt.Errorf("%w: redislimit: %s: %v is not positive", favorites.ErrInvalidArgument, name, d)
		}
		set(s)
		return nil
	}
}
