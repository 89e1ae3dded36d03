package session

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// EnvDir is the environment variable that, when set, names the directory
// equity keeps its data in, in place of the platform's default.
const EnvDir = "EQUITY_DATA"

// appName is the name of equity's own directory inside the platform's data
// directory.
const appName = "equity"

// DefaultDir returns the directory equity keeps the user's data in:
//
//   - $EQUITY_DATA when it is set, on every platform;
//   - on Linux and the other Unix systems, $XDG_DATA_HOME/equity, or
//     ~/.local/share/equity when XDG_DATA_HOME is unset or not an absolute
//     path (the XDG Base Directory specification ignores relative ones);
//   - on macOS, ~/Library/Application Support/equity;
//   - on Windows, %LocalAppData%\equity.
//
// It does no I/O: the directory may not exist yet. The error says which
// variable is missing.
func DefaultDir() (string, error) {
	return defaultDir(runtime.GOOS, os.Getenv, os.UserHomeDir)
}

// defaultDir is DefaultDir for a given platform and environment, so that
// tests can take every branch on any system.
func defaultDir(goos string, getenv func(string) string, home func() (string, error)) (string, error) {
	if d := getenv(EnvDir); d != "" {
		abs, err := filepath.Abs(d)
		if err != nil {
			return "", fmt.Errorf("%s=%q cannot be made an absolute path: %w", EnvDir, d, err)
		}
		return abs, nil
	}
	switch goos {
	case "windows":
		local := getenv("LocalAppData")
		if local == "" {
			return "", fmt.Errorf("LocalAppData is not set, so equity has no data directory; set %s to one", EnvDir)
		}
		return filepath.Join(local, appName), nil
	case "darwin", "ios":
		h, err := home()
		if err != nil || h == "" {
			return "", fmt.Errorf("HOME is not set, so equity has no data directory; set %s to one", EnvDir)
		}
		return filepath.Join(h, "Library", "Application Support", appName), nil
	default:
		if x := getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
			return filepath.Join(x, appName), nil
		}
		h, err := home()
		if err != nil || h == "" {
			return "", fmt.Errorf("neither XDG_DATA_HOME nor HOME is set, so equity has no data directory; set %s to one", EnvDir)
		}
		return filepath.Join(h, ".local", "share", appName), nil
	}
}
