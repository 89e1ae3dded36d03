//go:build linux

package main

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/creack/pty"
)

// quiet is how long the terminal must stay silent for a frame to count as
// written whole. The frame's time is that of its last byte, never the end
// of this wait.
const quiet = 60 * time.Millisecond

// frameMarker is on the last line of every full frame of the explorer: the
// footer's key help ends with it.
const frameMarker = "quit"

// chunk is what one read of the terminal returned, and when.
type chunk struct {
	at time.Time
	b  []byte
}

// session is the explorer running in a pseudo-terminal.
type session struct {
	cmd   *exec.Cmd
	tty   *os.File
	out   chan chunk
	start time.Time
	seen  bytes.Buffer // everything printed, for -dump
}

func childEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "EQUITY_DB", "NO_COLOR", "TERM", "COLORTERM", "TMUX", "TERM_PROGRAM":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "TERM=xterm-256color")
}

// startExplorer starts equity's explorer in a terminal of the configured
// size. The dark theme is chosen so that the explorer does not wait on, or
// redraw for, an answer about the terminal's background.
func startExplorer(c config) (*session, error) {
	args := []string{"--theme", "dark"}
	if c.db != "" {
		args = append(args, "--db", c.db)
	}
	cmd := exec.Command(c.bin, args...)
	cmd.Env = childEnv()
	s := &session{cmd: cmd, out: make(chan chunk, 1024)}
	s.start = time.Now()
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: uint16(c.width), Rows: uint16(c.height)})
	if err != nil {
		return nil, fmt.Errorf("cannot start equity in a pseudo-terminal: %w", err)
	}
	s.tty = tty
	go func() {
		defer close(s.out)
		for {
			buf := make([]byte, 64<<10)
			n, err := tty.Read(buf)
			if n > 0 {
				s.out <- chunk{time.Now(), buf[:n]}
			}
			if err != nil {
				return
			}
		}
	}()
	return s, nil
}

// settle reads until the terminal has been quiet for the quiet period, and
// returns the time of the last byte (zero when nothing came) and whether the
// marker was among what came. It gives up at the deadline.
func (s *session) settle(marker string, deadline time.Duration) (time.Time, bool, error) {
	var last time.Time
	var got bytes.Buffer
	found := marker == ""
	limit := time.After(deadline)
	for {
		wait := time.NewTimer(quiet)
		select {
		case ch, ok := <-s.out:
			wait.Stop()
			if !ok {
				return last, found, errors.New("equity ended before it drew its screen; run it by hand to see why")
			}
			last = ch.at
			got.Write(ch.b)
			s.seen.Write(ch.b)
			if !found && bytes.Contains(got.Bytes(), []byte(marker)) {
				found = true
			}
		case <-wait.C:
			if found {
				return last, found, nil
			}
		case <-limit:
			wait.Stop()
			return last, found, nil
		}
	}
}

// stop asks the explorer to quit, as a user would, and waits for it.
func (s *session) stop() {
	_, _ = s.tty.Write([]byte("q"))
	done := make(chan struct{})
	go func() {
		_ = s.cmd.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
	_ = s.tty.Close()
	for range s.out {
	}
}

// keyPair moves the countries table's cursor down, then up: every key
// changes the screen, and the runs never reach the table's end.
var keyPair = [2]string{"\x1b[B", "\x1b[A"}

// measureExplorer starts the explorer c.runs times; each run times the first
// full frame, then c.keys keystrokes from the write of the key to the last
// byte of the frame it causes.
func measureExplorer(c config) (first, keys sample, err error) {
	for i := range c.runs + 1 {
		s, err := startExplorer(c)
		if err != nil {
			return first, keys, err
		}
		f, fc, k, kc, err := s.measure(c)
		if i == 0 && c.dump != "" {
			_ = os.WriteFile(c.dump, s.seen.Bytes(), 0o644)
		}
		s.stop()
		if err != nil {
			return first, keys, err
		}
		if i == 0 {
			continue // the first run warms the page cache
		}
		first.wall, first.cpu = append(first.wall, f), append(first.cpu, fc)
		keys.wall, keys.cpu = append(keys.wall, k...), append(keys.cpu, kc...)
	}
	return first, keys, nil
}

func (s *session) measure(c config) (first, firstCPU time.Duration, keys, keysCPU []time.Duration, err error) {
	pid := s.cmd.Process.Pid
	last, found, err := s.settle(frameMarker, 10*time.Second)
	if err != nil {
		return 0, 0, nil, nil, err
	}
	if !found {
		return 0, 0, nil, nil, fmt.Errorf("equity drew no full screen within 10 s (no %q on its footer); see -dump", frameMarker)
	}
	first = last.Sub(s.start)
	u, err := processUsage(pid)
	if err != nil {
		return 0, 0, nil, nil, err
	}
	firstCPU = u.cpu // includes the quiet wait, a few wakeups at most
	for i := range c.keys {
		before, err := processUsage(pid)
		if err != nil {
			return 0, 0, nil, nil, err
		}
		// A frame is written on the renderer's clock: a key sent a fixed
		// time after the last frame would always land at the same point
		// of it. A random pause spreads the keys over the whole period.
		time.Sleep(rand.N(20 * time.Millisecond))
		sent := time.Now()
		if _, err := s.tty.Write([]byte(keyPair[i%2])); err != nil {
			return 0, 0, nil, nil, fmt.Errorf("cannot type into the terminal: %w", err)
		}
		last, _, err := s.settle("", 5*time.Second)
		if err != nil {
			return 0, 0, nil, nil, err
		}
		if last.IsZero() {
			return 0, 0, nil, nil, errors.New("a keystroke changed nothing on the screen within 5 s")
		}
		after, err := processUsage(pid)
		if err != nil {
			return 0, 0, nil, nil, err
		}
		keys = append(keys, last.Sub(sent))
		keysCPU = append(keysCPU, after.sub(before).cpu)
	}
	return first, firstCPU, keys, keysCPU, nil
}

// idleResult is what the explorer cost while nobody touched it.
type idleResult struct {
	cpuPct  []float64
	wakeups []float64 // per second
}

// measureIdle starts the explorer, lets it draw, and then leaves it alone
// for c.idle, reading its CPU time and context switches before and after.
func measureIdle(c config) (idleResult, error) {
	var r idleResult
	for range c.idleRuns {
		s, err := startExplorer(c)
		if err != nil {
			return r, err
		}
		if _, found, err := s.settle(frameMarker, 10*time.Second); err != nil || !found {
			s.stop()
			if err == nil {
				err = errors.New("equity drew no full screen within 10 s")
			}
			return r, err
		}
		time.Sleep(time.Second) // let start-up's garbage collection finish
		pid := s.cmd.Process.Pid
		before, err := processUsage(pid)
		if err != nil {
			s.stop()
			return r, err
		}
		t0 := time.Now()
		// Drain anything it prints, as a terminal would.
		_, _, _ = s.settle("\x00never", c.idle)
		after, err := processUsage(pid)
		elapsed := time.Since(t0)
		s.stop()
		if err != nil {
			return r, err
		}
		d := after.sub(before)
		r.cpuPct = append(r.cpuPct, 100*d.cpu.Seconds()/elapsed.Seconds())
		r.wakeups = append(r.wakeups, float64(d.wakeup)/elapsed.Seconds())
	}
	return r, nil
}
