package session

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

const (
	// lockWait is how long a save waits for another equity's save of the
	// same checklist: a save takes milliseconds.
	lockWait = 5 * time.Second
	// lockStale is the age from which a lock file is taken to be left by
	// an equity that was stopped mid-save, and removed.
	lockStale = 30 * time.Second
	lockPoll  = 10 * time.Millisecond
)

// lock takes the lock file of a checklist, "<name>.lock" beside it, so that
// the read, merge and write of one save are not interleaved with another
// process's. Made with O_EXCL, it works across processes on every system
// equity runs on; the function it returns removes it.
func (s *Store) lock(path string) (func(), error) {
	lp := path + ".lock"
	deadline := time.Now().Add(lockWait)
	for {
		if err := s.inject("lock"); err != nil {
			return nil, fmt.Errorf("taking the lock %s failed (%w)", filepath.Base(lp), err)
		}
		f, err := os.OpenFile(lp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err == nil {
			f.Close()
			return func() { os.Remove(lp) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("taking the lock %s failed (%w)", filepath.Base(lp), Cause(err))
		}
		if fi, err := os.Stat(lp); err == nil && time.Since(fi.ModTime()) > lockStale {
			os.Remove(lp)
			continue
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("another equity has held its lock %s for over %s; if no other equity is saving, remove that file", filepath.Base(lp), lockWait)
		}
		time.Sleep(lockPoll)
	}
}
