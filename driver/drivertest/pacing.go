package drivertest

import (
	"time"

	"golang.org/x/time/rate"
)

// simulatedStart is the simulated time a pacing run starts at. Any fixed
// time does: a fresh limiter starts full whatever the time.
var simulatedStart = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// PacedSends returns when a caller that sends request after request
// through l, each as soon as l lets it go (as the core Client's Wait does),
// sends them during the first span, as offsets from the start. It drives l
// with simulated times (rate.Limiter.ReserveN), so it sleeps not at all and
// its answer does not depend on the machine's speed; l must be fresh, as a
// provider's New makes it. A limiter that never makes a caller wait
// (rate.Inf) gives [MaxPacedSends] sends, all at the start.
func PacedSends(l *rate.Limiter, span time.Duration) []time.Duration {
	var sends []time.Duration
	now := simulatedStart
	for len(sends) < MaxPacedSends {
		r := l.ReserveN(now, 1)
		delay := r.DelayFrom(now)
		if !r.OK() || delay == rate.InfDuration {
			return sends // a burst of 0, or a rate of 0 once the burst is spent
		}
		now = now.Add(delay)
		at := now.Sub(simulatedStart)
		if at >= span {
			return sends
		}
		sends = append(sends, at)
	}
	return sends
}

// MaxPacedSends is where [PacedSends] stops counting: far more than any
// documented limit lets go in a run, so reaching it means no limit.
const MaxPacedSends = 1 << 16

// MostInWindow returns the largest number of sends, sorted as PacedSends
// gives them, that fall within one window [t, t+w) for any t: what a
// service that counts requests over a sliding window of w would see at its
// worst.
func MostInWindow(sends []time.Duration, w time.Duration) int {
	most, first := 0, 0
	for last, at := range sends {
		for at-sends[first] >= w {
			first++
		}
		most = max(most, last-first+1)
	}
	return most
}
