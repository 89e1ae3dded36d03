package main

import (
	"context"
	"runtime/debug"
	"testing"
)

// collectorSpy records the collector's setting when a command first writes
// its output, which is after it has loaded the dataset.
type collectorSpy struct {
	percent *int
	limit   *int64
}

func (s collectorSpy) Write(p []byte) (int, error) {
	if *s.percent == 0 {
		*s.percent = debug.SetGCPercent(-1)
		debug.SetGCPercent(*s.percent)
		*s.limit = debug.SetMemoryLimit(-1)
	}
	return len(p), nil
}

// TestReportsHoldCollector: a command that prints and exits runs without
// the collector, under a memory limit, and leaves the settings as it found
// them whether it succeeds or fails, since tests run many in one process.
func TestReportsHoldCollector(t *testing.T) {
	tests := []struct {
		args   []string
		status int
		held   bool
	}{
		{[]string{"countries", "--format", "csv"}, 0, true},
		{[]string{"country", "NG"}, 0, true},
		{[]string{"indicators"}, 0, true},
		{[]string{"country", "XX"}, 2, true}, // the error is its output
		{[]string{"--version"}, 0, false},    // the root command, which explores
	}
	for _, tt := range tests {
		percent, limit := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1)
		debug.SetGCPercent(percent)
		var seen int
		var seenLimit int64
		spy := collectorSpy{&seen, &seenLimit}
		status := run(context.Background(), tt.args, env{stdout: spy, stderr: spy, getenv: func(string) string { return "" }})
		if status != tt.status {
			t.Errorf("%v: status %d, want %d", tt.args, status, tt.status)
		}
		if held := seen == -1; held != tt.held {
			t.Errorf("%v: collector off while printing is %v, want %v (GC percent %d)", tt.args, held, tt.held, seen)
		}
		if tt.held && (seenLimit > reportHeap || seenLimit <= 0) {
			t.Errorf("%v: memory limit %d while printing, want at most %d", tt.args, seenLimit, reportHeap)
		}
		if p := debug.SetGCPercent(percent); p != percent {
			t.Errorf("%v: left the collector at %d, found it at %d", tt.args, p, percent)
		}
		if l := debug.SetMemoryLimit(limit); l != limit {
			t.Errorf("%v: left the memory limit at %d, found it at %d", tt.args, l, limit)
		}
	}
}
