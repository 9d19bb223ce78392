// Package providers_test checks what holds across the five providers and
// belongs to none of them: the kit's client, which all share, never
// prints its credential; every fake hands out its client the same way;
// every adapter is a favorites.Verifier; the README's recipes are
// Examples. What each adapter does with its credential (printed, logged,
// echoed back by a hostile server, checked by Verify) is the conformance
// suite's (drivertest.Run), which holds any provider to it.
package providers_test

import (
	"testing"

	"github.com/favkit/favorites"
	"github.com/favkit/favorites/driver"
	"github.com/favkit/favorites/driver/drivertest"
)

// The secret and login the kit's client is built with below.
const (
	secret = "SECRET-7f3a9c"
	login  = "someone"
)

// TestCoreValuesNeverPrint prints the kit's client, for each kind of
// credential, and a request it made, every way drivertest knows: under
// every verb, alone and inside a struct, a slice and a map, through slog's
// handlers and as JSON (Request.MarshalJSON writes its redacted view).
func TestCoreValuesNeverPrint(t *testing.T) {
	bearer, err := driver.BearerToken(secret)
	if err != nil {
		t.Fatal(err)
	}
	basic, err := driver.BasicAuth(login, secret)
	if err != nil {
		t.Fatal(err)
	}
	for name, cred := range map[string]driver.Credential{"bearer": bearer, "basic": basic} {
		t.Run(name, func(t *testing.T) {
			core, err := driver.New(driver.Config{Provider: "p", Credential: cred}, favorites.WithBaseURL("https://api.example"))
			if err != nil {
				t.Fatal(err)
			}
			drivertest.CheckPrintsNoSecret(t, "the core client", core, secret)
			req, err := core.NewRequest("GET", "x", nil, nil)
			if err != nil || req.Header.Get("Authorization") == "" {
				t.Fatalf("a request with the credential: %v, %v", req, err)
			}
			drivertest.CheckPrintsNoSecret(t, "a request", req, secret) // JSON too: Request.MarshalJSON redacts
		})
	}
}
