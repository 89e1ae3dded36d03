//go:build linux

// Command equity-bench measures equity as a user meets it: the real binary,
// built from this checkout, run as a whole process and, for the explorer, in
// a pseudo-terminal. It reports medians of repeated runs of
//
//   - `equity countries --format csv` as a whole process (wall and CPU time);
//   - start to the first full frame of the explorer;
//   - a keystroke to the frame it causes, written to the terminal;
//   - the CPU the explorer spends, and how often it wakes, with no input;
//   - the load of what one command needs (the store's BenchmarkLoadLean,
//     once in each of fresh processes, with the collector off as the
//     commands run it).
//
// It reads the child's CPU time from /proc (schedstat, in nanoseconds) and
// the kernel's getrusage for finished processes, so it runs on Linux. The
// machine's own load is reported beside the numbers: on a shared machine a
// busy neighbour shows up in the wall times first.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

// config is what a run measures, from the flags.
type config struct {
	bin           string
	db            string
	runs          int
	keys          int
	idle          time.Duration
	idleRuns      int
	width, height int
	dump          string
}

func main() {
	var c config
	flag.StringVar(&c.bin, "bin", "", "measure this equity binary instead of building one from this checkout")
	flag.StringVar(&c.db, "db", "", "open this database instead of the bundled one (passed as --db)")
	flag.IntVar(&c.runs, "runs", 15, "runs of each measurement; medians are reported")
	flag.IntVar(&c.keys, "keys", 20, "keystrokes per explorer run")
	flag.DurationVar(&c.idle, "idle", 10*time.Second, "how long the explorer is left without input")
	flag.IntVar(&c.idleRuns, "idle-runs", 3, "runs of the idle measurement")
	flag.IntVar(&c.width, "width", 120, "terminal width")
	flag.IntVar(&c.height, "height", 40, "terminal height")
	flag.StringVar(&c.dump, "dump", "", "write what the explorer printed in its first run to this file")
	flag.Parse()
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "equity-bench: "+err.Error())
		os.Exit(1)
	}
}

func run(c config) error {
	if c.runs < 1 || c.keys < 1 || c.idleRuns < 0 {
		return fmt.Errorf("-runs and -keys take a number of 1 or more, -idle-runs 0 or more")
	}
	dir, err := os.MkdirTemp("", "equity-bench-")
	if err != nil {
		return fmt.Errorf("cannot make a folder for the binaries: %w", err)
	}
	defer os.RemoveAll(dir)
	if c.bin == "" {
		if c.bin, err = build(dir); err != nil {
			return err
		}
	}
	before := readMachine()
	r := newReport(c, before)

	if c.db == "" { // the load measured is the bundled database's
		load, err := measureLoad(c, dir)
		if err != nil {
			return err
		}
		r.add("load for one command, first in a process", load.wall, nil, "≤ 8 ms")
	}

	csv, err := measureCommand(c, "countries", "--format", "csv")
	if err != nil {
		return err
	}
	r.add("countries --format csv, whole process", csv.wall, csv.cpu, "≤ 20 ms")

	first, keys, err := measureExplorer(c)
	if err != nil {
		return err
	}
	r.add("start → first full frame", first.wall, first.cpu, "≤ 50 ms")
	r.add("keystroke → frame written", keys.wall, keys.cpu, "≤ 8 ms")

	if c.idleRuns > 0 {
		idle, err := measureIdle(c)
		if err != nil {
			return err
		}
		r.idle = &idle
	}
	r.after = readMachine()
	r.print(os.Stdout)
	return nil
}
