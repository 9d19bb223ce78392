package favorites

import "runtime/debug"

// modulePath is this module's path, which its build info is looked up by.
const modulePath = "github.com/favkit/favorites"

// Version is the SDK's version in the program's build info, or "devel".
func Version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return moduleVersion(info)
}

// moduleVersion finds the module's version in info: the main module's
// when a program of this repository is built, a dependency's otherwise.
func moduleVersion(info *debug.BuildInfo) string {
	var m *debug.Module
	if info.Main.Path == modulePath {
		m = &info.Main
	}
	for _, d := range info.Deps {
		if d.Path == modulePath {
			m = d
		}
	}
	if m != nil && m.Replace != nil && m.Replace.Version != "" {
		m = m.Replace // a replacement by a directory has no version of its own
	}
	if m == nil || m.Version == "" || m.Version == "(devel)" {
		return "devel"
	}
	return m.Version
}
