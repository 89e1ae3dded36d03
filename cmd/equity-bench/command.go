//go:build linux

package main

import (
	"fmt"
	"io"
	"os/exec"
	"syscall"
	"time"
)

// sample is the medians of one measurement, with its spread.
type sample struct {
	wall, cpu []time.Duration
}

// measureCommand runs equity with args as a whole process, its output
// discarded, and times it from start to exit; CPU time is the kernel's
// account of the child (user and system).
func measureCommand(c config, args ...string) (sample, error) {
	if c.db != "" {
		args = append(args, "--db", c.db)
	}
	var s sample
	for range c.runs + 1 {
		cmd := exec.Command(c.bin, args...)
		cmd.Env = childEnv()
		cmd.Stdout = io.Discard
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return s, fmt.Errorf("equity %v failed: %v", args, err)
		}
		wall := time.Since(start)
		ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		if !ok {
			return s, fmt.Errorf("the system gave no CPU account for the child")
		}
		cpu := time.Duration(syscall.TimevalToNsec(ru.Utime) + syscall.TimevalToNsec(ru.Stime))
		s.wall = append(s.wall, wall)
		s.cpu = append(s.cpu, cpu)
	}
	// The first run warms the page cache and is not counted.
	s.wall, s.cpu = s.wall[1:], s.cpu[1:]
	return s, nil
}
