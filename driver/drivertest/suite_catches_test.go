package drivertest

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// A brokenCase is a toy adapter that breaks one promise, and the line the
// suite's output must hold when it runs the check that guards it.
type brokenCase struct{ broken, failingCheck string }

// TestSuiteCatchesBrokenAdapters runs the suite, in a child test process,
// against toy adapters that each break one promise, and checks that the
// suite fails in the check that guards it.
func TestSuiteCatchesBrokenAdapters(t *testing.T) {
	checkCatches(t, []brokenCase{
		{"add-twice-fails", "--- FAIL: TestConformanceToy/AddTwiceIsNil"},
		{"no-validation", "--- FAIL: TestConformanceToy/InvalidRefSendsNothing"},
		{"remove-ignores-errors", "--- FAIL: TestConformanceToy/InvalidRefSendsNothing"},
		{"add-ignores-errors", "--- FAIL: TestConformanceToy/FaultMatrix/5xx-burst-of-9/Add"},
		{"shared-scratch", "--- FAIL: TestConformanceToy/Concurrent"},
		{"keeps-spelling", "--- FAIL: TestConformanceToy/Spellings"},
		{"no-page-cap", "--- FAIL: TestConformanceToy/PageItemCap"},
		{"no-id-check", "--- FAIL: TestConformanceToy/MalformedItems"}, // the toy's ID is nested: item.id
		{"no-page-size-cap", "--- FAIL: TestConformanceToy/PageSizeCap"},
		{"offset-paging", "--- FAIL: TestConformanceToy/RemovalBetweenPages"},
		{"raw-not-item", "--- FAIL: TestConformanceToy/AsAfterJSON"},
		{"prints-token", "--- FAIL: TestConformanceToy/CredentialsNeverPrint"},
		{"error-names-token", "--- FAIL: TestConformanceToy/CredentialsNeverLogged"},
		{"no-empty-page-check", "--- FAIL: TestConformanceToy/WrongCredentials"},
		{"verify-sends-nothing", "--- FAIL: TestConformanceToy/Verify"},
		{"from-now-lists-all", "--- FAIL: TestConformanceToy/ChangesFromNow"},
		{"changes-oldest-first", "--- FAIL: TestConformanceToy/ChangesNewestFirstOnce"},
		{"mark-ignores-account", "--- FAIL: TestConformanceToy/ChangesStaleMarks"},
	})
}

// checkCatches runs each case's check alone in a child process of this
// test binary, the toy broken as the case says, and wants it to fail.
func checkCatches(t *testing.T, cases []brokenCase) {
	t.Helper()
	if os.Getenv(brokenEnv) != "" {
		t.Fatal("the child process runs TestConformanceToy only")
	}
	for _, tt := range cases {
		t.Run(tt.broken, func(t *testing.T) {
			// Only the check that should fail runs, so that each child is quick.
			check, _, _ := strings.Cut(strings.TrimPrefix(tt.failingCheck, "--- FAIL: TestConformanceToy/"), "/")
			cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^TestConformanceToy$/^"+check+"$", "-test.v")
			cmd.Env = append(os.Environ(), brokenEnv+"="+tt.broken)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("the suite passed an adapter that is %s", tt.broken)
			}
			if !strings.Contains(string(out), tt.failingCheck) {
				t.Fatalf("want %q in the suite's output:\n%s", tt.failingCheck, out)
			}
		})
	}
}
