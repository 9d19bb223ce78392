package drivertest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/favoritestest"
)

// The checks of a credential in use: it never shows in a debug log or in
// an error, even when a hostile server echoes it back, and the adapter's
// Verify tells a credential the service takes from one it refuses.

// lockedBuffer is a log's output, written by the client's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// carriedSecrets are the values of the adapter's first request, as the
// fake saw them (its URL, each header), that show a secret in some form,
// and the part of each after its first space (the credential of
// "Bearer <token>"): what an echoing server sends back.
func carriedSecrets(t *testing.T, env *Env) []string {
	t.Helper()
	var out []string
	for _, line := range strings.Split(sentHeaders(t, env), "\n") {
		if _, v, ok := strings.Cut(line, ": "); ok {
			line = v
		}
		if shownForm(line, env.Secrets) == "" {
			continue
		}
		out = append(out, line)
		if _, cred, ok := strings.Cut(line, " "); ok {
			out = append(out, cred)
		}
	}
	return out
}

// echoFault is a hostile server's 401: its headers and body, in each error
// shape the services use, repeat the credential as the request carried it,
// its credential part and the secrets themselves, plain, JSON-escaped and
// with "/" escaped as JSON allows. answered counts the requests it met.
func echoFault(carried, secrets []string, answered *atomic.Int64) favoritestest.Fault {
	all := append(append([]string(nil), carried...), secrets...)
	msg := "invalid credential " + strings.Join(all, " ")
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	body := fmt.Sprintf(`{"error":%s,"error_description":%s,"message":%s,"reason":%s,"detail":%s,"code":%s,"success":false,"echo":"%s"}`,
		q(msg), q(strings.Join(secrets, " ")), q(msg), q(carried[0]), q(msg), q(all[len(all)-1]),
		strings.ReplaceAll(strings.Join(carried, " "), "/", `\/`))
	return favoritestest.Fault{
		Match:  func(*http.Request) bool { answered.Add(1); return true },
		Status: http.StatusUnauthorized, Body: body,
		Header: http.Header{"Content-Type": {"application/json"}, "Www-Authenticate": {carried[0]},
			"X-Request-Id": {all[len(all)-1]}},
	}
}

// checkSecretsNeverLogged lists through an adapter with a debug logger
// (Env.Open) after 503s the retry policy gives up on, then lists, adds and
// removes against a server that echoes the credential back in a 401: no
// form of a secret may show in the log, under any fmt verb of an error, or
// in any field of its APIError.
func checkSecretsNeverLogged(t *testing.T, h Harness) {
	env := newEnv(t, h, 1)
	carried := carriedSecrets(t, env)
	if len(carried) == 0 {
		t.Fatal("harness: no part of the adapter's request shows a secret: the check would prove nothing")
	}
	var logs lockedBuffer
	f, err := env.Open(favorites.WithLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))),
		favorites.WithRateLimiter(nil),
		favorites.WithRetryPolicy(favorites.RetryPolicy{MaxRetries: 2, MinWait: time.Millisecond, MaxWait: time.Millisecond}))
	if err != nil {
		t.Fatalf("harness: Open: %v", err)
	}
	before := env.Faults.Requests()
	env.Faults.FailNext(3, http.StatusServiceUnavailable)
	_, retried := f.List(nil).NextPage(t.Context())
	env.Faults.Reset()
	attempts := env.Faults.Requests() - before
	if retried == nil || attempts < 3 {
		t.Fatalf("a listing answered 503 three times, with two retries allowed: %d requests and %v, want 3 and an error", attempts, retried)
	}
	if lines := strings.Count(logs.String(), "\n"); lines < attempts {
		t.Fatalf("harness: the adapter Open built logged %d lines at debug level for %d attempts, want one an attempt at least: "+
			"Open does not apply the suite's options", lines, attempts)
	}
	checkErrorHidesSecrets(t, "List after its retries", retried, env.Secrets)
	var answered atomic.Int64
	for _, op := range []struct {
		name string
		call func() error
	}{
		{"List", func() error { _, err := f.List(nil).NextPage(t.Context()); return err }},
		{"Add", func() error { return f.Add(t.Context(), env.Absent[0]) }},
		{"Remove", func() error { return f.Remove(t.Context(), env.Seeded[0]) }},
	} {
		env.Faults.Inject(1, echoFault(carried, env.Secrets, &answered))
		err := op.call()
		env.Faults.Reset()
		var apiErr *favorites.APIError
		if !errors.Is(err, favorites.ErrUnauthorized) || !errors.As(err, &apiErr) {
			t.Errorf("%s answered by a 401 that echoes the credential: %v, want an APIError matching ErrUnauthorized", op.name, err)
			continue
		}
		checkErrorHidesSecrets(t, op.name+" answered by an echo of the credential", err, env.Secrets)
	}
	if answered.Load() == 0 {
		t.Fatal("no request met the echoing server: the check proves nothing")
	}
	log := logs.String()
	if form := shownForm(log, env.Secrets); form != "" {
		t.Errorf("the debug log shows a credential (%s):\n%s", form, Clip(log, 2000))
	}
}

// checkErrorHidesSecrets fails t where err, printed any way
// CheckPrintsNoSecret knows, or a text field of its APIError, shows a
// secret.
func checkErrorHidesSecrets(t *testing.T, what string, err error, secrets []string) {
	t.Helper()
	CheckPrintsNoSecret(t, "the error of "+what, err, secrets...)
	var apiErr *favorites.APIError
	if !errors.As(err, &apiErr) {
		return
	}
	for field, text := range map[string]string{"Message": apiErr.Message, "Body": string(apiErr.Body), "URL": apiErr.URL,
		"Code": apiErr.Code, "RequestID": apiErr.RequestID} {
		if form := shownForm(text, secrets); form != "" {
			t.Errorf("the error of %s: its APIError's %s shows a credential (%s): %s", what, field, form, Clip(text, 300))
		}
	}
}

// checkVerify: Verify of Favorites passes the check of a job that reads
// and writes, with one request or two; that of OtherAccount passes too;
// WrongCredentials' is ErrUnauthorized; none changes the list.
func checkVerify(t *testing.T, h Harness) {
	env := newEnv(t, h, 2)
	before := env.Faults.Requests()
	if err := env.Favorites.(favorites.Verifier).Verify(t.Context(), favorites.ReadAccess|favorites.WriteAccess); err != nil {
		t.Errorf("Verify of a job that reads and writes, with the harness's own credentials: %v", err)
	}
	if n := env.Faults.Requests() - before; n < 1 || n > 2 {
		t.Errorf("Verify sent %d requests: it checks with one cheap request, two at most", n)
	}
	if env.OtherAccount != nil {
		if err := favorites.Verify(t.Context(), env.OtherAccount, favorites.ReadAccess); err != nil {
			t.Errorf("Verify of another account's credentials: %v", err)
		}
	}
	if err := favorites.Verify(t.Context(), env.WrongCredentials, favorites.ReadAccess); !errors.Is(err, favorites.ErrUnauthorized) {
		t.Errorf("Verify of credentials the service refuses: %v, want ErrUnauthorized", err)
	}
	if got := listAll(t, env.Favorites, nil); !sameSet(got, env.Seeded) {
		t.Errorf("Verify changed the list to %v", got)
	}
}
