//go:build linux

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// usage is what a running process has cost so far, summed over its threads.
type usage struct {
	cpu    time.Duration // time on a CPU (schedstat, nanoseconds)
	wakeup int64         // context switches: each is the process waking or being put aside
}

// processUsage reads /proc/PID/task/*/{schedstat,status}. A thread that ends
// between the listing and the read is left out: its time is small beside the
// process's, and the explorer's threads live as long as it does.
func processUsage(pid int) (usage, error) {
	tasks, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*", pid))
	if err != nil || len(tasks) == 0 {
		return usage{}, fmt.Errorf("cannot read /proc for process %d: is this Linux, with /proc mounted?", pid)
	}
	var u usage
	for _, t := range tasks {
		if b, err := os.ReadFile(filepath.Join(t, "schedstat")); err == nil {
			if f := strings.Fields(string(b)); len(f) > 0 {
				ns, _ := strconv.ParseInt(f[0], 10, 64)
				u.cpu += time.Duration(ns)
			}
		}
		if b, err := os.ReadFile(filepath.Join(t, "status")); err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				if k, v, ok := strings.Cut(line, ":"); ok && strings.HasSuffix(k, "ctxt_switches") {
					n, _ := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
					u.wakeup += n
				}
			}
		}
	}
	return u, nil
}

func (u usage) sub(v usage) usage { return usage{u.cpu - v.cpu, u.wakeup - v.wakeup} }

// machine is the state of the whole machine, to say how loaded it was.
type machine struct {
	at      time.Time
	load    string // /proc/loadavg's three averages
	busy    int64  // jiffies not idle, all CPUs
	total   int64
	numCPUs int
}

func readMachine() machine {
	m := machine{at: time.Now()}
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(b)); len(f) >= 3 {
			m.load = strings.Join(f[:3], " ")
		}
	}
	if b, err := os.ReadFile("/proc/stat"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			f := strings.Fields(line)
			switch {
			case len(f) > 4 && f[0] == "cpu":
				for i, s := range f[1:] {
					n, _ := strconv.ParseInt(s, 10, 64)
					m.total += n
					if i != 3 && i != 4 { // idle, iowait
						m.busy += n
					}
				}
			case len(f) > 0 && strings.HasPrefix(f[0], "cpu"):
				m.numCPUs++
			}
		}
	}
	return m
}
