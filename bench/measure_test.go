package bench

import (
	"runtime"
	"syscall"
	"testing"
	"time"
)

// perFav reports a listing benchmark's cost per favourite: wall time
// (ns/fav), this process's CPU time (cpu-ns/fav: the client's work, since
// the fakes run in another process), and the bytes and allocations this
// process made (B/fav, allocs/fav).
type perFav struct {
	b      *testing.B
	ms     runtime.MemStats
	cpu    time.Duration
	favs   int
	before time.Time
}

// startPerFav resets the benchmark timer and takes the starting figures.
func startPerFav(b *testing.B) *perFav {
	p := &perFav{b: b}
	runtime.GC()
	runtime.ReadMemStats(&p.ms)
	p.cpu = processCPU()
	b.ResetTimer()
	p.before = time.Now()
	return p
}

// add counts favourites listed.
func (p *perFav) add(n int) { p.favs += n }

// stop stops the timer and reports the per-favourite metrics.
func (p *perFav) stop() {
	elapsed := time.Since(p.before)
	p.b.StopTimer()
	cpu := processCPU() - p.cpu
	var end runtime.MemStats
	runtime.ReadMemStats(&end)
	if p.favs == 0 {
		p.b.Fatal("no favourites listed")
	}
	n := float64(p.favs)
	p.b.ReportMetric(float64(elapsed.Nanoseconds())/n, "ns/fav")
	p.b.ReportMetric(float64(cpu.Nanoseconds())/n, "cpu-ns/fav")
	p.b.ReportMetric(float64(end.TotalAlloc-p.ms.TotalAlloc)/n, "B/fav")
	p.b.ReportMetric(float64(end.Mallocs-p.ms.Mallocs)/n, "allocs/fav")
}

// processCPU is the user and system CPU time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
