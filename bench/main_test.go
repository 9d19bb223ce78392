package bench

import (
	"os"
	"sync"
	"testing"
)

// N is how many favourites each listing benchmark walks.
const N = 10_000

var (
	fakesOnce sync.Once
	fakes     *Fakes
	fakesErr  error
)

// sharedFakes starts the fake server process on first use, so that a plain
// `go test` in this module, which runs no benchmark, never seeds 10,000
// favourites. Every benchmark of one run uses the same process.
func sharedFakes(b *testing.B) *Fakes {
	fakesOnce.Do(func() { fakes, fakesErr = StartFakes(FakeSpec{Mastodon: N, E621: N}) })
	if fakesErr != nil {
		b.Fatal(fakesErr)
	}
	return fakes
}

func TestMain(m *testing.M) {
	ServeIfChild()
	code := m.Run()
	if fakes != nil {
		fakes.Close()
	}
	os.Exit(code)
}
