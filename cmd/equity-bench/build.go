//go:build linux

package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// build compiles ./cmd/equity of the module the current directory is in,
// as a user's `go build` would, into dir.
func build(dir string) (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	mod := strings.TrimSpace(string(out))
	if err != nil || mod == "" || mod == "/dev/null" {
		return "", fmt.Errorf("run equity-bench inside the equity checkout (go env GOMOD found no module), or give -bin")
	}
	bin := filepath.Join(dir, "equity")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/equity")
	cmd.Dir = filepath.Dir(mod)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/equity failed: %v\n%s", err, out)
	}
	return bin, nil
}
