//go:build windows

package store

import "syscall"

const (
	processQueryLimitedInformation = 0x1000
	errorInvalidParameter          = syscall.Errno(87) // OpenProcess: no process has the id
	stillActive                    = 259               // GetExitCodeProcess of a running process
)

// processGone reports whether no running process has the id pid. Windows
// refuses to open some live processes (access denied): only "no such
// process", or an exit code, counts as gone.
func processGone(pid int) bool {
	if pid <= 0 {
		return false
	}
	h, err := syscall.OpenProcess(processQueryLimitedInformation, false, uint32(pid))
	if err != nil {
		return err == errorInvalidParameter
	}
	defer syscall.CloseHandle(h)
	var code uint32
	if err := syscall.GetExitCodeProcess(h, &code); err != nil {
		return false
	}
	return code != stillActive
}

// folderWritable reports whether this process may create files in dir.
// Windows has no cheap check that does not write, and its read-only
// attribute on a folder does not stop files being created in it.
func folderWritable(string) bool { return true }
