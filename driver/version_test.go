package driver

import (
	"strings"
	"testing"
)

// A test binary is this repository's own build, whose version is "devel".
func TestDefaultUserAgentNamesTheVersion(t *testing.T) {
	if ua := DefaultUserAgent(); !strings.HasPrefix(ua, "favkit-favorites-go/devel (+https://") {
		t.Errorf("DefaultUserAgent() = %q", ua)
	}
}
