//go:build linux

package main

import (
	"fmt"
	"io"
	"slices"
	"time"
)

type line struct {
	what     string
	wall     []time.Duration
	cpu      []time.Duration
	budget   string
	measured int
}

type report struct {
	c      config
	before machine
	after  machine
	lines  []line
	idle   *idleResult
}

func newReport(c config, m machine) *report { return &report{c: c, before: m} }

func (r *report) add(what string, s []time.Duration, cpu []time.Duration, budget string) {
	r.lines = append(r.lines, line{what, s, cpu, budget, len(s)})
}

func median[T time.Duration | float64](v []T) T {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

func (r *report) print(w io.Writer) {
	fmt.Fprintf(w, "equity-bench: %s, terminal %dx%d, %d CPUs\n", r.c.bin, r.c.width, r.c.height, r.before.numCPUs)
	busy := 0.0
	if t := r.after.total - r.before.total; t > 0 {
		busy = 100 * float64(r.after.busy-r.before.busy) / float64(t)
	}
	fmt.Fprintf(w, "machine: load average %s before, %s after; all CPUs %.0f%% busy over the %.0f s of measuring (this program and equity included)\n\n",
		r.before.load, r.after.load, busy, r.after.at.Sub(r.before.at).Seconds())
	fmt.Fprintf(w, "%-40s %10s %10s %10s %12s  %-8s %s\n", "what", "median", "min", "max", "CPU median", "budget", "runs")
	for _, l := range r.lines {
		cpu := "" // a benchmark's time is its own, with no CPU account
		if len(l.cpu) > 0 {
			cpu = ms(median(l.cpu))
		}
		fmt.Fprintf(w, "%-40s %10s %10s %10s %12s  %-8s %d\n", l.what, ms(median(l.wall)), ms(slices.Min(l.wall)), ms(slices.Max(l.wall)),
			cpu, l.budget, l.measured)
	}
	if r.idle != nil {
		fmt.Fprintf(w, "%-40s %10s %10s %10s %12s  %-8s %d\n", fmt.Sprintf("idle CPU over %s, no input", r.c.idle),
			fmt.Sprintf("%.2f %%", median(r.idle.cpuPct)), fmt.Sprintf("%.2f %%", slices.Min(r.idle.cpuPct)), fmt.Sprintf("%.2f %%", slices.Max(r.idle.cpuPct)),
			"", "0.0 %", len(r.idle.cpuPct))
		fmt.Fprintf(w, "%-40s %10.0f %10.0f %10.0f %12s  %-8s %d\n", "idle wakeups per second (context switches)",
			median(r.idle.wakeups), slices.Min(r.idle.wakeups), slices.Max(r.idle.wakeups), "", "0", len(r.idle.wakeups))
	}
	fmt.Fprintln(w, "\nCPU of a keystroke counts everything the process did until its frame had been quiet for 60 ms.")
}
