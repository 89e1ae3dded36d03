//go:build unix

package ui_test

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/theme"
)

// These tests hold the patched renderer in third_party/bubbletea to what
// issue 15 asks of it: a change is written at once, not at the next tick of
// a clock, and a program nobody touches does no periodic work. The first two
// fail on Bubble Tea's own renderer, which flushes on a fixed ticker; the
// third keeps the patch from breaking a renderer stopped and started again.

// writeLog is a program's output: it keeps when each write came.
type writeLog struct {
	mu    sync.Mutex
	times []time.Time
	bytes bytes.Buffer
}

func (w *writeLog) Write(p []byte) (int, error) {
	w.mu.Lock()
	w.times = append(w.times, time.Now())
	w.bytes.Write(p)
	w.mu.Unlock()
	return len(p), nil
}

// has is whether text was written.
func (w *writeLog) has(text string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return strings.Contains(w.bytes.String(), text)
}

// state is how many writes came and when the last one did.
func (w *writeLog) state() (int, time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.times) == 0 {
		return 0, time.Time{}
	}
	return len(w.times), w.times[len(w.times)-1]
}

// settle waits until nothing has been written for quiet.
func (w *writeLog) settle(t *testing.T, quiet time.Duration) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		n, last := w.state()
		if n > 0 && time.Since(last) > quiet {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the program kept writing for 10 s (%d writes)", n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// startExplorer runs the explorer as a real program at 80x24 with no
// terminal and no input, writing to a writeLog; keys are sent to it.
func startExplorer(t *testing.T, opts ...tea.ProgramOption) (*tea.Program, *writeLog, *recorder) {
	t.Helper()
	out := &writeLog{}
	rec := &recorder{Model: ui.New(sample(t), ui.Options{Theme: theme.Mono}), last: new(screenText)}
	ctx, cancel := context.WithCancel(context.Background())
	opts = append([]tea.ProgramOption{
		tea.WithContext(ctx), tea.WithInput(nil), tea.WithOutput(out),
		tea.WithWindowSize(80, 24), tea.WithColorProfile(colorprofile.Ascii),
		tea.WithoutSignalHandler(),
	}, opts...)
	p := tea.NewProgram(rec, opts...)
	done := make(chan error, 1)
	go func() {
		_, err := p.Run()
		done <- err
	}()
	t.Cleanup(func() {
		p.Quit()
		select {
		case err := <-done:
			if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
				t.Errorf("the program ended with %v", err)
			}
		case <-time.After(5 * time.Second):
			cancel()
			t.Error("the program did not quit within 5 s")
		}
		cancel()
	})
	rec.waitFor(t, "250 of 250 countries")
	return p, out, rec
}

// At one frame a second, a key pressed after a quiet second is written at
// once: the renderer is woken by the change. A ticker would write it at its
// next tick, about a second after the last frame.
func TestKeyIsDrawnAtOnce(t *testing.T) {
	p, out, _ := startExplorer(t, tea.WithFPS(1))
	for i := range 3 {
		out.settle(t, 1200*time.Millisecond)
		n, _ := out.state()
		sent := time.Now()
		p.Send(keyPress("down"))
		for {
			m, last := out.state()
			if m > n {
				if lag := last.Sub(sent); lag > 500*time.Millisecond {
					t.Fatalf("key %d: its frame was written %v after it, on a clock's tick, not when it changed the screen", i+1, lag.Round(time.Millisecond))
				}
				break
			}
			if time.Since(sent) > 3*time.Second {
				t.Fatalf("key %d: no frame was written within 3 s", i+1)
			}
			time.Sleep(time.Millisecond)
		}
	}
}

// The frame rate stays capped, and a change that comes within a frame's
// interval is drawn at its end rather than dropped.
func TestChangeWithinIntervalIsDrawnAtItsEnd(t *testing.T) {
	p, out, _ := startExplorer(t, tea.WithFPS(1))
	out.settle(t, 1200*time.Millisecond)
	n, _ := out.state()
	p.Send(keyPress("down"))
	first := waitWrite(t, out, n, 3*time.Second)
	n, _ = out.state()
	p.Send(keyPress("down"))
	second := waitWrite(t, out, n, 3*time.Second)
	if gap := second.Sub(first); gap < 900*time.Millisecond || gap > 2*time.Second {
		t.Errorf("the second key's frame came %v after the first's; at 1 frame a second it belongs at the end of that second", gap.Round(time.Millisecond))
	}
}

// waitWrite waits for a write after the nth and returns when it came.
func waitWrite(t *testing.T, out *writeLog, n int, limit time.Duration) time.Time {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		if m, last := out.state(); m > n {
			return last
		}
		if time.Now().After(deadline) {
			t.Fatalf("nothing was written within %v", limit)
		}
		time.Sleep(time.Millisecond)
	}
}

// A program left alone writes nothing and wakes no thread of the process:
// the idle budget is no timer waking it. At Bubble Tea's default 60
// frames a second a ticker wakes it 30 times in the half second, which
// shows as 150 or more switches here; the sleeping program shows under 10.
func TestIdleProgramSleeps(t *testing.T) {
	_, out, _ := startExplorer(t)
	out.settle(t, 200*time.Millisecond)
	// Return freed memory now, so that the runtime's background scavenger
	// has nothing left to do while the process is watched.
	debug.FreeOSMemory()
	time.Sleep(50 * time.Millisecond)
	n, _ := out.state()
	before := switches(t)
	time.Sleep(500 * time.Millisecond)
	woke := switches(t) - before
	if m, _ := out.state(); m != n {
		t.Errorf("the idle program wrote %d times in 500 ms", m-n)
	}
	// The test's own sleep and the runtime's monitor account for a few.
	if woke > 30 {
		t.Errorf("the idle process's threads were switched %d times in 500 ms: something wakes it periodically", woke)
	}
}

// switches is how often the process's threads have given up or been taken
// off a processor: every wake-up of a sleeping thread ends in one.
func switches(t *testing.T) int64 {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatalf("cannot read the process's resource usage: %v", err)
	}
	return int64(ru.Nvcsw) + int64(ru.Nivcsw)
}

// execModel runs a command through tea.ExecProcess, which stops the
// renderer and starts it again: the frame after it must still be written.
type execModel struct{ text string }

type execDone struct{ err error }

func (m execModel) Init() tea.Cmd { return nil }

func (m execModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		m.text = "running"
		return m, tea.ExecProcess(exec.Command("true"), func(err error) tea.Msg { return execDone{err} })
	case execDone:
		m.text = "back from the command"
		if msg.err != nil {
			m.text = msg.err.Error()
		}
	}
	return m, nil
}

func (m execModel) View() tea.View { return tea.NewView(m.text) }

func TestRendererRestartsAfterExec(t *testing.T) {
	out := &writeLog{}
	p := tea.NewProgram(execModel{text: "waiting"}, tea.WithInput(nil), tea.WithOutput(out),
		tea.WithWindowSize(80, 24), tea.WithColorProfile(colorprofile.Ascii), tea.WithoutSignalHandler())
	done := make(chan error, 1)
	go func() {
		_, err := p.Run()
		done <- err
	}()
	waitWritten(t, out, "waiting")
	p.Send(keyPress("x"))
	waitWritten(t, out, "back from the command")
	p.Quit()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the program ended with %v", err)
		}
	case <-time.After(5 * time.Second):
		p.Kill()
		t.Fatal("the program did not quit within 5 s of the command")
	}
}

func waitWritten(t *testing.T, out *writeLog, text string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !out.has(text) {
		if time.Now().After(deadline) {
			t.Fatalf("%q was never written", text)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
