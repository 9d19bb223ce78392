package redislimit

import "time"

// shared reports whether this Wait asks Redis: always while Redis
// answers, and while it does not, once a probe interval, for one Wait.
func (l *Limiter) shared() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.down {
		return true
	}
	if now := time.Now(); !now.Before(l.nextProbe) {
		l.nextProbe = now.Add(l.probe)
		return true
	}
	return false
}

// up reports whether Redis answered last time it was asked.
func (l *Limiter) up() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return !l.down
}

// failed turns to pacing in process, logging it when Redis answered until
// now.
func (l *Limiter) failed(err error) {
	l.mu.Lock()
	was := l.down
	l.down, l.nextProbe = true, time.Now().Add(l.probe)
	l.mu.Unlock()
	if !was {
		l.log.Warn("redislimit: Redis does not answer; pacing this worker alone at the budget's limit until it does",
			"budget", l.keys.name, "limit", l.limit.String(), "err", err)
	}
}

// answered turns back to the shared budget, logging it when Redis had not
// answered before.
func (l *Limiter) answered() {
	l.mu.Lock()
	was := l.down
	l.down = false
	l.mu.Unlock()
	if was {
		l.log.Info("redislimit: Redis answers again; the budget is shared again", "budget", l.keys.name)
	}
}
