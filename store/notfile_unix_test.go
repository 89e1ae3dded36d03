//go:build unix

package store_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestLoadFileNotAFile gives --db things that are not files: each is
// refused at once, never waited on.
func TestLoadFileNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.db")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, want string }{
		{fifo, "is a named pipe, not a database file"},
		{link, "is a named pipe, not a database file"},
		{"/dev/zero", "is a device, not a database file"},
	} {
		t.Run(tt.path, func(t *testing.T) {
			_, err := loadWithin(t, tt.path, 5*time.Second)
			if err == nil {
				t.Fatal("LoadFile accepted it")
			}
			t.Log(err)
			checkError(t, err, tt.path, tt.want)
		})
	}
}
