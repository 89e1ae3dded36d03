// Package version says which equity this is. The release build sets it with
//
//	-ldflags "-X github.com/equitylandscape/equity/cmd/equity/internal/version.version=v1.2.3"
//
// and a build without it falls back to the module's build information.
package version

import "runtime/debug"

// version is set by the linker; it is the only value of its kind and is
// never written at run time.
var version string

// String returns the version: the one the release build set, else the
// module version `go install` recorded, else "devel".
func String() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}

// Commit returns the VCS revision the binary was built from, if recorded.
func Commit() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			return s.Value
		}
	}
	return ""
}
