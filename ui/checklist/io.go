package checklist

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store/session"
	"github.com/equitylandscape/equity/ui/report"
)

// The checklist never reads or writes a file in Update: loading, saving and
// writing the report run in commands, and their results come back as the
// messages below. The root delivers them to the screen that asked (see
// Result); a screen ignores a result addressed to another.

// OpenMsg asks the root to open a checklist: push the screen New(ctx,
// store, use case, subject) returns on the Checklists section and run its
// command. The picker sends it.
type OpenMsg struct {
	UseCase int
	Subject model.Subject
}

// Result is a result of the package's file work: LoadedMsg, SavedMsg,
// WrittenMsg and ListedMsg. The root should give these to every screen of
// the Checklists section, whichever section is active, so that a save that
// finishes after the user switched away still reaches its screen (each
// screen takes only its own).
type Result interface {
	tea.Msg
	checklistResult()
}

// LoadedMsg carries the saved verdicts of a checklist screen, by year.
type LoadedMsg struct {
	screen *Screen
	years  model.VerdictsByYear
	err    error
}

// SavedMsg says how a save of a checklist screen went.
type SavedMsg struct {
	screen *Screen
	seq    int
	year   int
	saved  session.Saved // what was written for the year, merged with the file
	err    error
	// superseded: a later save was written first, so this one was not
	// needed.
	superseded bool
}

// WrittenMsg says where the report went, or why it could not be written.
type WrittenMsg struct {
	screen *Screen
	path   string
	err    error
}

// ListedMsg carries the saved checklists for the picker's resume list.
type ListedMsg struct {
	entries []session.Entry
	err     error
}

func (LoadedMsg) checklistResult()  {}
func (SavedMsg) checklistResult()   {}
func (WrittenMsg) checklistResult() {}
func (ListedMsg) checklistResult()  {}

// loadCmd reads the saved verdicts.
func loadCmd(st *session.Store, id *Screen, uc int, key string) tea.Cmd {
	return func() tea.Msg {
		v, err := st.Load(uc, key)
		return LoadedMsg{screen: id, years: v, err: err}
	}
}

// listCmd lists the saved checklists.
func listCmd(st *session.Store) tea.Cmd {
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		entries, err := st.List()
		return ListedMsg{entries: entries, err: err}
	}
}

// saver orders the saves of one checklist. Commands run concurrently, and
// the store keeps whichever save finishes last, so each save takes a
// number and one that finds a later one already written does nothing: the
// file always ends with the latest verdicts.
type saver struct {
	mu      sync.Mutex
	written int // the number of the latest save attempted
}

func (sv *saver) cmd(st *session.Store, id *Screen, seq, uc int, key string, v model.Verdicts, meta session.Meta) tea.Cmd {
	return func() tea.Msg {
		sv.mu.Lock()
		defer sv.mu.Unlock()
		if seq < sv.written {
			return SavedMsg{screen: id, seq: seq, superseded: true}
		}
		sv.written = seq
		saved, err := st.Save(uc, key, v, meta)
		return SavedMsg{screen: id, seq: seq, year: meta.Year, saved: saved, err: err}
	}
}

// writeCmd writes the report to name in the current directory, or in
// fallback when the current directory cannot take it.
func writeCmd(id *Screen, doc report.Doc, name, fallback string) tea.Cmd {
	return func() tea.Msg {
		path, err := writeReport(doc, name, fallback)
		return WrittenMsg{screen: id, path: path, err: err}
	}
}

// writeReport writes the Markdown report atomically: to a temporary file
// beside its place, flushed, then renamed over it, so that a crash or a full
// disk never leaves half a report under the report's name.
func writeReport(doc report.Doc, name, fallback string) (string, error) {
	cwd, err := os.Getwd()
	if err == nil {
		var path string
		if path, err = writeAtomic(doc, filepath.Join(cwd, name)); err == nil {
			return path, nil
		}
	}
	if fallback == "" {
		return "", fmt.Errorf("could not write the report in the current directory (%w)", err)
	}
	if mkErr := os.MkdirAll(fallback, 0o700); mkErr != nil {
		return "", fmt.Errorf("could not write the report in the current directory (%v) nor create %s (%w)", err, fallback, session.Cause(mkErr))
	}
	path, err2 := writeAtomic(doc, filepath.Join(fallback, name))
	if err2 != nil {
		return "", fmt.Errorf("could not write the report in the current directory (%v) nor in %s (%w)", err, fallback, err2)
	}
	return path, nil
}

func writeAtomic(doc report.Doc, path string) (_ string, err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", session.Cause(err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = report.Write(tmp, doc, report.Markdown, report.Options{}); err != nil {
		return "", err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return "", session.Cause(err)
	}
	if err = tmp.Sync(); err != nil {
		return "", session.Cause(err)
	}
	if err = tmp.Close(); err != nil {
		return "", session.Cause(err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return "", session.Cause(err)
	}
	return path, nil
}
