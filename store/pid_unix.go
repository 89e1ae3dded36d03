//go:build unix

package store

import (
	"errors"
	"syscall"
)

// processGone reports whether no process has the id pid. Signal 0 checks
// without sending anything; EPERM means a process of another user has it.
func processGone(pid int) bool {
	if pid <= 0 {
		return false // 0 and -1 name groups of processes, not one
	}
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}

// folderWritable reports whether this process may create files in dir.
func folderWritable(dir string) bool {
	const wOK = 2 // W_OK
	return syscall.Access(dir, wOK) == nil
}
