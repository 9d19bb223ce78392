package drivertest

import (
	"net/http"
	"strconv"
	"time"

	"github.com/favkit/favorites/favoritestest"
)

// A matrixFault is one row of the fault matrix: how the fake is armed, what
// an op may return under it, and which ops must come through it.
type matrixFault struct {
	name string
	arm  func(env *Env)

	// errs are the errors an op may return. Any other error, a panic, a
	// hang, or a final state the op does not explain fails the scenario.
	errs []errKind

	// recovers names the ops that must succeed: the fault is one the retry
	// policy mends for a request safe to repeat.
	recovers []string

	// deadline is the op's context deadline; 0 means hangGuard.
	deadline time.Duration

	// check, when set, looks further at an error the op returned and says
	// what is wrong with it, or "".
	check func(err error) string
}

// hangGuard is the deadline of an op under a fault that should not make it
// wait: meeting it is a hang.
const hangGuard = 5 * time.Second

// stallDeadline is the deadline of an op under a stalling fault.
const stallDeadline = 150 * time.Millisecond

// safeOps are the ops the retry policy may repeat: the portable List, Add
// and Remove are idempotent; Toggle is not.
var safeOps = []string{"List", "Add", "Remove"}

// statusFault answers with status, headers h and body.
func statusFault(status int, body string, h ...string) favoritestest.Fault {
	header := http.Header{}
	for i := 0; i+1 < len(h); i += 2 {
		header.Set(h[i], h[i+1])
	}
	return favoritestest.Fault{Status: status, Header: header, Body: body}
}

// burst queues faults one after another.
func burst(faults ...favoritestest.Fault) func(env *Env) {
	return func(env *Env) {
		for _, f := range faults {
			env.Faults.Inject(1, f)
		}
	}
}

// repeat is n copies of f.
func repeat(n int, f favoritestest.Fault) []favoritestest.Fault {
	out := make([]favoritestest.Fault, n)
	for i := range out {
		out[i] = f
	}
	return out
}

func jsonError(status int) favoritestest.Fault {
	return statusFault(status, `{"error":"injected"}`, "Content-Type", "application/json")
}

func tooMany(retryAfter string) favoritestest.Fault {
	return statusFault(http.StatusTooManyRequests, `{"error":"Too many requests"}`,
		"Content-Type", "application/json", "Retry-After", retryAfter)
}

// html is a proxy's error page, as nginx sends one.
func html(status int) favoritestest.Fault {
	return statusFault(status, htmlPage(status), "Content-Type", "text/html")
}

func htmlPage(status int) string {
	return "<!DOCTYPE html>\n<html><head><title>" + strconv.Itoa(status) + " " + http.StatusText(status) +
		"</title></head>\n<body><h1>" + http.StatusText(status) + "</h1><hr>nginx</body></html>\n"
}

// matrixFaults are the rows of the fault matrix. The retry policy of the
// harness allows at least two retries with waits of about a millisecond and
// a MaxWait under an hour, as Env asks.
func matrixFaults() []matrixFault {
	gateway := []favoritestest.Fault{jsonError(502), jsonError(503), jsonError(504)}
	return []matrixFault{
		{name: "5xx-burst-of-2", arm: burst(jsonError(503), jsonError(502)),
			errs: []errKind{kindServer}, recovers: safeOps},
		{name: "5xx-burst-of-9", arm: burst(append(append(append([]favoritestest.Fault{}, gateway...), gateway...), gateway...)...),
			errs: []errKind{kindServer}},
		{name: "500-html-page", arm: burst(html(500)),
			errs: []errKind{kindServer}, check: plainMessage},
		{name: "502-html-page", arm: burst(html(502)),
			errs: []errKind{kindServer}, recovers: safeOps, check: plainMessage},
		{name: "429-storm-of-3-retry-after-0", arm: burst(repeat(3, tooMany("0"))...),
			errs: []errKind{kindRateLimited}, recovers: append([]string{"Toggle"}, safeOps...)},
		{name: "429-storm-of-9-retry-after-0", arm: burst(repeat(9, tooMany("0"))...),
			errs: []errKind{kindRateLimited}},
		{name: "429-retry-after-3600", arm: burst(tooMany("3600")),
			errs: []errKind{kindRateLimited}, check: retryAfterHour},
		{name: "cut-before-read", arm: burst(favoritestest.Fault{CutBefore: true}),
			errs: []errKind{kindNet}, recovers: safeOps},
		{name: "cut-after-applied", arm: burst(favoritestest.Fault{CutAfter: true}),
			errs: []errKind{kindNet}, recovers: safeOps},
		{name: "truncated-json", arm: burst(favoritestest.Fault{TruncateBody: true}),
			errs: []errKind{kindMalformed}},
		{name: "cut-mid-body", arm: burst(favoritestest.Fault{CutBody: true}),
			errs: []errKind{kindBodyCut, kindNet}, recovers: safeOps},
		{name: "body-stalls-past-deadline", arm: burst(favoritestest.Fault{StallBody: true}),
			errs: []errKind{kindDeadline}, deadline: stallDeadline},
		{name: "wrong-content-type", arm: burst(favoritestest.Fault{ContentType: "text/html; charset=utf-8"}),
			errs: []errKind{kindMalformed}},
		{name: "body-over-size-cap", arm: func(env *Env) {
			env.Faults.Inject(1, favoritestest.Fault{PadBody: env.bodyCap() + 1})
		}, errs: []errKind{kindTooLarge}},
	}
}
