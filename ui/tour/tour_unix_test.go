//go:build unix

package tour

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A named pipe or a device is refused before it is opened: reading either
// could wait or run for ever.
func TestLoadRefusesSpecialFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	if _, err := Load(fifo); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("fifo: %v", err)
	}
	if _, err := Load("/dev/zero"); err == nil || !strings.Contains(err.Error(), "is a device") {
		t.Errorf("device: %v", err)
	}
}
