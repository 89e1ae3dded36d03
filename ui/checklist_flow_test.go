package ui_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/equitylandscape/equity/store/session"
	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/theme"
)

// The walk of the checklist issue, through real programs: a checklist for
// Brazil, verdicts on two questions and a note, quit, start again — the
// verdicts and the note are still there, and the report file holds them.
func TestChecklistProgram(t *testing.T) {
	d := sample(t)
	for _, sz := range sizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			store := session.New(t.TempDir())
			t.Chdir(t.TempDir()) // w writes the report here
			start := func() (*recorder, *teatest.TestModel, *ui.Model) {
				root := ui.New(d, ui.Options{Theme: theme.Mono, Sessions: store})
				rec := &recorder{Model: root, last: new(screenText)}
				tm := teatest.NewTestModel(t, rec, teatest.WithInitialTermSize(sz.w, sz.h),
					teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
				rec.waitFor(t, "250 of 250 countries")
				return rec, tm, root
			}
			key := func(tm *teatest.TestModel, code rune) { tm.Send(tea.KeyPressMsg{Code: code}) }

			rec, tm, root := start()
			reportName := fmt.Sprintf("equity-checklist-uc1-BR-%d.md", d.DefaultYear())
			tm.Type("3")
			rec.waitFor(t, "Choose a use case")
			key(tm, tea.KeyEnter) // use case 1
			rec.waitFor(t, "Find")
			tm.Type("braz")
			rec.waitFor(t, "Brazil")
			key(tm, tea.KeyEnter)
			rec.waitFor(t, "Question 1 of 4")
			rec.waitFor(t, "Is a potential partner or grantee")
			tm.Type("y")
			rec.waitFor(t, "1 of 4 answered")
			key(tm, tea.KeyRight)
			rec.waitFor(t, "Question 2 of 4")
			tm.Type("n")
			rec.waitFor(t, "2 of 4 answered")
			tm.Type("e")
			tm.Type("Check the chapter's last report.")
			key(tm, tea.KeyEnter)
			tm.Type("Ask about the Hausa wiki.")
			tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
			rec.waitFor(t, "Ask about the Hausa wiki.")
			tm.Type("w")
			rec.waitFor(t, reportName)
			tm.Type("q")
			tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
			if err := root.Flush(); err != nil {
				t.Fatal(err)
			}

			report, err := os.ReadFile(reportName)
			if err != nil {
				t.Fatalf("the report file: %v", err)
			}
			for _, want := range []string{"Brazil", "**Your verdict:** yes", "**Your verdict:** no", "Check the chapter", "Hausa wiki", "MODELED"} {
				if !strings.Contains(string(report), want) {
					t.Errorf("the report does not hold %q", want)
				}
			}

			// Start again: the checklist is listed to resume and opens with
			// its verdicts and note.
			rec, tm, _ = start()
			tm.Type("3")
			rec.waitFor(t, "Brazil")
			rec.waitFor(t, "2 of 4 answered")
			tm.Type("G") // the saved checklists come after the use cases
			key(tm, tea.KeyEnter)
			rec.waitFor(t, "Question 1 of 4")
			rec.waitFor(t, "YES")
			key(tm, tea.KeyRight)
			rec.waitFor(t, "Ask about the Hausa wiki.")
			tm.Type("q")
			tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
			if _, err := os.Stat(filepath.Join(store.Dir(), "checklists", "uc1-BR.json")); err != nil {
				t.Errorf("the session file: %v", err)
			}
		})
	}
}

// An answer that cannot be saved is not lost in silence: Flush at exit
// returns the error that makes the explorer's exit status 1.
func TestChecklistSaveFailsAtExit(t *testing.T) {
	d := sample(t)
	// The checklists' folder is a file: no save can succeed.
	blocked := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(blocked, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := ui.New(d, ui.Options{Theme: theme.Mono, Sessions: session.New(blocked)})
	rec := &recorder{Model: root, last: new(screenText)}
	tm := teatest.NewTestModel(t, rec, teatest.WithInitialTermSize(80, 24),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	rec.waitFor(t, "250 of 250 countries")
	tm.Type("3")
	rec.waitFor(t, "Choose a use case")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	rec.waitFor(t, "Find")
	tm.Type("braz")
	rec.waitFor(t, "Brazil")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	rec.waitFor(t, "Question 1 of 4")
	tm.Type("y")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if err := root.Flush(); err == nil {
		t.Fatal("Flush reported no error, though no answer could be saved")
	}
}
