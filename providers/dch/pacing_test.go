package dch

import "testing"

// The Digital Concert Hall's document (docs/api/dch.md) states no rate
// limit, nor does docs/api/README.md, so New installs no client-side limiter: over
// any simulated span the client would send as fast as it is asked. The
// test holds that choice, so that a limiter added later is one made on
// purpose, with a pacing test of its own.
func TestDefaultPacing(t *testing.T) {
	if l := defaultLimiter(); l != nil {
		t.Errorf("the default limiter is %#v; DCH documents no limit, so there should be none", l)
	}
}
