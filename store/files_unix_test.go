//go:build unix

package store_test

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"testing"

	"github.com/equitylandscape/equity/store"
)

// specialFiles makes a named pipe, a socket, links to them, and names a
// device, in dir.
func specialFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	fifo := filepath.Join(dir, "pipe.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	sock := filepath.Join(dir, "s.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skipf("a unix socket: %v", err)
	}
	t.Cleanup(func() { l.Close() })
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	return map[string]string{
		fifo:        "is a named pipe",
		link:        "is a named pipe",
		sock:        "is a socket",
		"/dev/zero": "is a device",
		"/dev/null": "is a device",
	}
}

func TestCheckInputSpecial(t *testing.T) {
	for path, what := range specialFiles(t, t.TempDir()) {
		t.Run(path, func(t *testing.T) {
			err := store.CheckInput(path)
			if err == nil {
				t.Fatal("accepted")
			}
			t.Log(err)
			checkError(t, err, path, what+", not a file; give the path of a downloaded file")
		})
	}
}

func TestCheckOutputSpecial(t *testing.T) {
	for path, what := range specialFiles(t, t.TempDir()) {
		t.Run(path, func(t *testing.T) {
			err := store.CheckOutput(path, nil)
			if err == nil {
				t.Fatal("accepted")
			}
			t.Log(err)
			checkError(t, err, path, what+", not a database file; give --out the path of a database file")
		})
	}
}

// deadPID returns the id of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot run a process: %v", err)
	}
	pid := cmd.Process.Pid
	if syscall.Kill(pid, 0) != syscall.ESRCH {
		t.Skipf("process %d is still there", pid)
	}
	return pid
}

func TestCleanLeftovers(t *testing.T) {
	dir := t.TempDir()
	dead := strconv.Itoa(deadPID(t))
	alive := strconv.Itoa(os.Getppid())
	files := map[string]bool{ // name: removed
		".equity-" + dead + "-123456.tmp":                 true,
		".equity-" + dead + "-9.tmp":                      true,
		".equity-" + alive + "-123456.tmp":                false, // its writer may still be at it
		".equity-" + strconv.Itoa(os.Getpid()) + "-1.tmp": false,
		".equity-" + dead + "-12x.tmp":                    false, // not a name CreateTemp makes
		".equity-0" + dead + "-1.tmp":                     false,
		".equity--1-1.tmp":                                false,
		".equity-0-1.tmp":                                 false,
		".equity-" + dead + "-1.tmp.db":                   false,
		"equity-" + dead + "-1.tmp":                       false,
		".equity-99999999999-1.tmp":                       false,
		"x.db":                                            false,
		".uc1-NG.json.tmp-123":                            false,
	}
	for name := range files {
		writeFile(t, dir, name)
	}
	// A link or a folder named like a leftover is not one.
	linkName := ".equity-" + dead + "-55.tmp"
	if err := os.Symlink(filepath.Join(dir, "x.db"), filepath.Join(dir, linkName)); err != nil {
		t.Fatal(err)
	}
	files[linkName] = false
	dirName := ".equity-" + dead + "-56.tmp"
	if err := os.Mkdir(filepath.Join(dir, dirName), 0o755); err != nil {
		t.Fatal(err)
	}
	files[dirName] = false

	removed, err := store.CleanLeftovers(dir)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for name, gone := range files {
		_, err := os.Lstat(filepath.Join(dir, name))
		if gone {
			want = append(want, filepath.Join(dir, name))
			if err == nil {
				t.Errorf("%s was kept", name)
			}
		} else if err != nil {
			t.Errorf("%s was removed", name)
		}
	}
	slices.Sort(want)
	slices.Sort(removed)
	if !slices.Equal(removed, want) {
		t.Errorf("removed %v, want %v", removed, want)
	}
}

// TestWriteRemovesLeftovers: the temporary file of a write that was killed
// is removed by the next write to its folder, which names it; a live
// writer's is kept.
func TestWriteRemovesLeftovers(t *testing.T) {
	dir := t.TempDir()
	dead := writeFile(t, dir, ".equity-"+strconv.Itoa(deadPID(t))+"-42.tmp")
	live := writeFile(t, dir, ".equity-"+strconv.Itoa(os.Getppid())+"-42.tmp")
	removed, err := store.WriteReport(filepath.Join(dir, "x.db"), fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(removed, []string{dead}) {
		t.Errorf("removed %v, want %v", removed, []string{dead})
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("the live writer's file is gone: %v", err)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{filepath.Base(live), "x.db"}) {
		t.Errorf("the folder holds %v", got)
	}
}
