package drivertest

import (
	"runtime"
	"runtime/metrics"
	"testing"
)

// MaxHeldPerReplyByte is the bound the SDK keeps on decoding a reply: the
// memory it takes, in bytes for each byte of the reply, whatever the
// reply's shape (nesting, tiny items, long strings).
const MaxHeldPerReplyByte = 8

// AllocatedBy returns the bytes of heap fn allocates, from runtime/metrics:
// every allocation counts, freed or not, so it bounds from above what fn
// holds at any moment. Nothing else may run in the process meanwhile (no
// parallel test).
func AllocatedBy(fn func()) uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	runtime.GC()
	metrics.Read(s)
	before := s[0].Value.Uint64()
	fn()
	metrics.Read(s)
	return s[0].Value.Uint64() - before
}

// CheckDecodeCost fails t when decoding a reply of replyBytes bytes, as
// decode does, allocates more than MaxHeldPerReplyByte times its size. The
// failure message gives the numbers.
func CheckDecodeCost(t *testing.T, name string, replyBytes int, decode func()) {
	t.Helper()
	got := AllocatedBy(decode)
	ratio := float64(got) / float64(replyBytes)
	t.Logf("%s: %d bytes allocated decoding a %d-byte reply: %.2f per reply byte", name, got, replyBytes, ratio)
	if ratio > MaxHeldPerReplyByte {
		t.Errorf("%s: decoding a %d-byte reply allocated %d bytes, %.2f per reply byte; the bound is %d",
			name, replyBytes, got, ratio, MaxHeldPerReplyByte)
	}
}
