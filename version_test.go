package favorites

import (
	"runtime/debug"
	"testing"
)

func TestModuleVersion(t *testing.T) {
	dep := func(version string, replace *debug.Module) *debug.Module {
		return &debug.Module{Path: modulePath, Version: version, Replace: replace}
	}
	for _, tt := range []struct {
		name string
		info debug.BuildInfo
		want string
	}{
		{"a program that requires a release", debug.BuildInfo{Main: debug.Module{Path: "example.com/bot"},
			Deps: []*debug.Module{{Path: "golang.org/x/time", Version: "v0.15.0"}, dep("v1.2.3", nil)}}, "v1.2.3"},
		{"a pseudo-version", debug.BuildInfo{Main: debug.Module{Path: "example.com/bot"},
			Deps: []*debug.Module{dep("v1.2.4-0.20261129030000-abcdefabcdef", nil)}}, "v1.2.4-0.20261129030000-abcdefabcdef"},
		{"a replacement with a version", debug.BuildInfo{Main: debug.Module{Path: "example.com/bot"},
			Deps: []*debug.Module{dep("v1.0.0", &debug.Module{Path: "example.com/fork", Version: "v1.0.1"})}}, "v1.0.1"},
		{"a replacement by a directory", debug.BuildInfo{Main: debug.Module{Path: "example.com/bot"},
			Deps: []*debug.Module{dep("v1.0.0", &debug.Module{Path: "../favorites"})}}, "v1.0.0"},
		{"this repository's own build", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "(devel)"}}, "devel"},
		{"a tagged build of this repository", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "v1.0.0"}}, "v1.0.0"},
		{"a program without the module", debug.BuildInfo{Main: debug.Module{Path: "example.com/bot"}}, "devel"},
	} {
		if got := moduleVersion(&tt.info); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A test binary is this repository's own build, which has no version.
func TestVersionInTheUserAgent(t *testing.T) {
	if v := Version(); v != "devel" {
		t.Errorf("Version() in a test = %q, want devel", v)
	}
}
