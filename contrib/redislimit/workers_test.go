package redislimit_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/contrib/redislimit"
	"github.com/favkit/favorites/providers/mastodon"
	"github.com/favkit/favorites/providers/mastodon/mastodontest"
)

// The fleet tests run four worker processes (this test binary again, with
// workerEnv set), each syncing its share of favourites into one account of
// a Mastodon fake in this process. The fake's budget is strict: so many
// requests a window, a 429 past it, as Mastodon counts them.
const (
	workerEnv = "REDISLIMIT_TEST_WORKER" // a worker's spec, as JSON
	workers   = 4
)

// strict is the fake's budget and the workers' limit: 10 requests a
// 2-second window, no burst. A burst would go past a fixed window, as
// Mastodon's, when it lands in the window's last moments, before any
// answer says the window is spent. Turns 200 ms apart leave the workers
// room to stall on a loaded machine before a late answer costs a 429.
var strict = redislimit.Limit{Rate: 10, Period: 2 * time.Second, Burst: 1}

// workerSpec is what one worker does.
type workerSpec struct {
	BaseURL, Token string
	IDs            []string // the statuses it favourites
	Redis          string   // shares the budget through this Redis; "": paces alone
	Limit          redislimit.Limit
	Deaf           bool // the limiter is not told the server's word
}

// workerReport is what one worker did.
type workerReport struct {
	Sent   []time.Time // when each request went, retries included
	Status map[int]int // answers by status
	Syncs  int         // runs of favorites.Sync, until one made every change
	Err    string      // the last Sync's error, if it never succeeded
}

// runWorker runs one worker, reports on stdout and logs on stderr.
func runWorker(spec string) int {
	var w workerSpec
	if err := json.Unmarshal([]byte(spec), &w); err != nil {
		fmt.Fprintln(os.Stderr, "worker spec:", err)
		return 2
	}
	rep := work(w)
	if err := json.NewEncoder(os.Stdout).Encode(rep); err != nil {
		return 2
	}
	return 0
}

func work(w workerSpec) *workerReport {
	rep := &workerReport{Status: map[int]int{}}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var lim favorites.Limiter
	var err error
	if w.Redis != "" {
		lim, err = redislimit.New(client(nil, w.Redis), mastodon.ProviderName, w.BaseURL, w.Token,
			redislimit.WithLimit(w.Limit), redislimit.WithProbeInterval(100*time.Millisecond),
			redislimit.WithLogger(slog.New(slog.NewTextHandler(os.Stderr, nil))))
	} else {
		lim, err = favorites.NewBudget(rate.Limit(float64(w.Limit.Rate)/w.Limit.Period.Seconds()), w.Limit.Burst)
	}
	if err != nil {
		rep.Err = err.Error()
		return rep
	}
	if w.Deaf {
		lim = struct{ favorites.Limiter }{lim} // Wait only: no RateObserver
	}
	hc := &http.Client{Transport: &stamper{next: http.DefaultTransport, rep: rep}}
	c, err := mastodon.New(w.BaseURL, w.Token, favorites.WithRateLimiter(lim), favorites.WithHTTPClient(hc))
	if err != nil {
		rep.Err = err.Error()
		return rep
	}
	want := make([]favorites.Ref, len(w.IDs))
	for i, id := range w.IDs {
		want[i] = favorites.Ref{ID: id}
	}
	// A bot runs Sync again until it has made every change: a 429 past
	// the retries is an error, and a rerun adds what the first did not.
	for rep.Syncs < 20 {
		rep.Syncs++
		if _, err = favorites.Sync(ctx, mastodon.NewAdapter(c), want, nil); err == nil {
			return rep
		}
	}
	rep.Err = err.Error()
	return rep
}

// stamper notes when each request goes and how it was answered.
type stamper struct {
	next http.RoundTripper
	mu   sync.Mutex
	rep  *workerReport
}

func (s *stamper) RoundTrip(req *http.Request) (*http.Response, error) {
	sent := time.Now()
	resp, err := s.next.RoundTrip(req)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rep.Sent = append(s.rep.Sent, sent)
	if err == nil {
		s.rep.Status[resp.StatusCode]++
	}
	return resp, err
}

// fleet is what a run of the workers did, together.
type fleet struct {
	reports []*workerReport
	logs    []string // each worker's stderr
	sent    []time.Time
	n429    int      // 429s the fake answered
	favs    []string // the account's favourites at the end
	ids     []string // every status the workers were to favourite
	run     fleetRun
}

// fleetRun is one run of the workers.
type fleetRun struct {
	fake      redislimit.Limit // the fake's budget: Rate requests a Period window
	limit     redislimit.Limit // the workers'
	redis     string           // where the workers share the budget; "": each paces alone
	deaf      bool             // the limiters are not told the server's word
	perWorker int              // statuses each worker favourites
	before    func(*mastodontest.Server)
	during    func()
}

// runFleet starts the workers on a fresh fake once r.before has run, runs
// r.during beside them, and waits for all.
func runFleet(t *testing.T, r fleetRun) *fleet {
	t.Helper()
	srv := mastodontest.NewServer(mastodontest.WithRateLimit(r.fake.Rate, r.fake.Period))
	t.Cleanup(srv.Close)
	perWorker := r.perWorker
	f := &fleet{ids: srv.AddStatuses(workers * perWorker), run: r}
	if r.before != nil {
		r.before(srv)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmds := make([]*exec.Cmd, workers)
	outs, errs := make([]bytes.Buffer, workers), make([]bytes.Buffer, workers)
	for i := range workers {
		spec, _ := json.Marshal(workerSpec{BaseURL: srv.URL, Token: mastodontest.Token,
			IDs: f.ids[i*perWorker : (i+1)*perWorker], Redis: r.redis, Limit: r.limit, Deaf: r.deaf})
		cmds[i] = exec.Command(exe)
		cmds[i].Env = append(os.Environ(), workerEnv+"="+string(spec))
		cmds[i].Stdout, cmds[i].Stderr = &outs[i], &errs[i]
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	if r.during != nil {
		r.during()
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("worker %d: %v\n%s", i, err, errs[i].String())
		}
		var rep workerReport
		if err := json.Unmarshal(outs[i].Bytes(), &rep); err != nil {
			t.Fatalf("worker %d's report %q: %v\n%s", i, outs[i].String(), err, errs[i].String())
		}
		if rep.Err != "" {
			t.Errorf("worker %d never synced (after %d runs): %s\n%s", i, rep.Syncs, rep.Err, errs[i].String())
		}
		f.reports = append(f.reports, &rep)
		f.logs = append(f.logs, errs[i].String())
		f.sent = append(f.sent, rep.Sent...)
	}
	slices.SortFunc(f.sent, func(a, b time.Time) int { return a.Compare(b) })
	f.n429 = srv.Throttled()
	f.favs = srv.Favorites(mastodontest.DefaultUser)
	return f
}

// ratePct is the workers' combined rate as a percentage of the fake's
// budget: past the burst, requests over the time from the first to the
// last, the measure by which a limiter of this rate and burst never
// passes 100.
func (f *fleet) ratePct() float64 {
	span := f.sent[len(f.sent)-1].Sub(f.sent[0]).Seconds()
	perSec := float64(len(f.sent)-f.run.limit.Burst) / span
	return 100 * perSec / (float64(f.run.fake.Rate) / f.run.fake.Period.Seconds())
}

// lostOrDoubled names every status not favourited exactly once.
func (f *fleet) lostOrDoubled() []string {
	count := map[string]int{}
	for _, id := range f.favs {
		count[id]++
	}
	var bad []string
	for _, id := range f.ids {
		if count[id] != 1 {
			bad = append(bad, fmt.Sprintf("%s favourited %d times", id, count[id]))
		}
		delete(count, id)
	}
	for id := range count {
		bad = append(bad, id+" favourited, never asked for")
	}
	return bad
}

func (f *fleet) retriedSyncs() int {
	n := 0
	for _, r := range f.reports {
		n += r.Syncs - 1
	}
	return n
}

// Four workers sharing the budget through Redis keep the fake's limit
// together: no 429, and the limit used to within a tenth.
func TestFleetSharesTheBudget(t *testing.T) {
	srv := newRedis(t)
	f := runFleet(t, fleetRun{fake: strict, limit: strict, redis: srv.Addr, perWorker: 8})
	t.Logf("shared budget: %d requests, %.1f%% of the limit, %d answered 429, %d reruns of Sync",
		len(f.sent), f.ratePct(), f.n429, f.retriedSyncs())
	if f.n429 != 0 {
		t.Errorf("the fake answered %d requests 429", f.n429)
	}
	if pct := f.ratePct(); pct < 90 || pct > 100 {
		t.Errorf("the workers went at %.1f%% of the limit, want 90 to 100", pct)
	}
	if bad := f.lostOrDoubled(); len(bad) > 0 {
		t.Errorf("lost or doubled: %q", bad)
	}
}

// The same workers, each pacing alone at the limit, earn 429s: what the
// shared budget saves.
func TestFleetWithoutSharingEarns429s(t *testing.T) {
	f := runFleet(t, fleetRun{fake: strict, limit: strict, perWorker: 8})
	t.Logf("budgets alone: %d requests, %.1f%% of the limit, %d answered 429, %d reruns of Sync",
		len(f.sent), f.ratePct(), f.n429, f.retriedSyncs())
	if f.n429 == 0 {
		t.Error("four workers pacing alone at the limit earned no 429")
	}
	if bad := f.lostOrDoubled(); len(bad) > 0 {
		t.Errorf("lost or doubled: %q", bad)
	}
}

// Redis stopped in the middle of a run, and started again: the workers
// pace alone meanwhile, say so, share the budget again, and every
// favourite is made exactly once.
func TestFleetLosesNothingWhenRedisStops(t *testing.T) {
	srv := newRedis(t)
	f := runFleet(t, fleetRun{fake: strict, limit: strict, redis: srv.Addr, perWorker: 8, during: func() {
		time.Sleep(time.Second)
		srv.Stop()
		time.Sleep(time.Second)
		if err := srv.Start(); err != nil {
			t.Error(err)
		}
	}})
	t.Logf("Redis stopped for 1 s: %d requests, %.1f%% of the limit, %d answered 429, %d reruns of Sync",
		len(f.sent), f.ratePct(), f.n429, f.retriedSyncs())
	if bad := f.lostOrDoubled(); len(bad) > 0 {
		t.Errorf("lost or doubled: %q", bad)
	}
	// Every worker was at work when Redis stopped, and the run went on
	// after it started again, though a worker may have finished its share
	// meanwhile. (Each message exactly once is
	// TestRedisDownPacesAloneUntilItAnswers's.)
	back := 0
	for i, log := range f.logs {
		if !strings.Contains(log, "Redis does not answer") {
			t.Errorf("worker %d never logged that it paced alone:\n%s", i, log)
		}
		if strings.Contains(log, "Redis answers again") {
			back++
		}
	}
	if back == 0 {
		t.Errorf("no worker logged that Redis answered again:\n%s", strings.Join(f.logs, "\n"))
	}
	t.Logf("%d of %d workers logged that Redis answered again", back, workers)
}

// One worker (this process) reads that the window is spent; four others
// (processes) started then wait for its reset: not one request goes before
// it. Deaf to the server's word, the four meet 429s.
func TestFleetWaitsForTheServersWord(t *testing.T) {
	srv := newRedis(t)
	rdb := client(t, srv.Addr)
	budget := redislimit.Limit{Rate: 20, Period: 2 * time.Second, Burst: 1} // fake's and workers'
	for _, deaf := range []bool{false, true} {
		var reset time.Time
		spend := func(fake *mastodontest.Server) {
			// The last request of the window is this process's: its
			// answer says Remaining 0 until the reset.
			fake.SetRateLimit(budget.Rate, 1, budget.Period)
			lim, err := redislimit.New(rdb, mastodon.ProviderName, fake.URL, mastodontest.Token, redislimit.WithLimit(budget))
			if err != nil {
				t.Fatal(err)
			}
			var l favorites.Limiter = lim
			if deaf {
				l = struct{ favorites.Limiter }{lim}
			}
			c, err := mastodon.New(fake.URL, mastodontest.Token, favorites.WithRateLimiter(l))
			if err != nil {
				t.Fatal(err)
			}
			pages := c.Favourites(nil)
			page, err := pages.NextPage(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if reset = page.Response.Rate.Reset; page.Response.Rate.Remaining != 0 || !reset.After(time.Now()) {
				t.Fatalf("the window was not spent: %+v", page.Response.Rate)
			}
		}
		f := runFleet(t, fleetRun{fake: budget, limit: budget, redis: srv.Addr, deaf: deaf, perWorker: 3, before: spend})
		t.Logf("window spent before the workers began, deaf %v: %d requests, the first at the reset %+.3f s, %d answered 429",
			deaf, len(f.sent), f.sent[0].Sub(reset).Seconds(), f.n429)
		switch {
		case !deaf && (f.n429 != 0 || f.sent[0].Before(reset)):
			t.Errorf("hearing the server's word, the workers met %d 429s, the first request %v before the reset",
				f.n429, reset.Sub(f.sent[0]))
		case deaf && f.n429 == 0:
			t.Error("deaf to the server's word, the workers met no 429 in the spent window")
		}
		if bad := f.lostOrDoubled(); len(bad) > 0 {
			t.Errorf("deaf %v: lost or doubled: %q", deaf, bad)
		}
	}
}
