package checklist

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store/session"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/report"
)

// mode is what the keyboard is doing on the checklist screen.
type mode int

const (
	reading   mode = iota // a question page: verdict keys, moving, scrolling
	editing               // writing the note in the text area
	amounting             // typing the requested amount of question 1.2
	entering              // typing a count (1.4) or countries to add (a set)
	helping               // the screen's own help (? is "unsure" here)
)

// noteLimit caps a note: far more than a review needs, far less than the
// session file's limit.
const noteLimit = 20000

// Screen is one checklist: a use case's questions asked of a subject, one
// page per question, for the context's year.
type Screen struct {
	ctx     *common.Context
	store   *session.Store
	keys    Keys
	uc      model.UseCase
	subject model.Subject
	// owedReport writes the report last asked for, until its command's
	// result arrives.
	owedReport func() error

	answers []model.Answer
	// years are the verdicts by the year of the figures they were given
	// for; verdicts are the context's year's (one map with years[year]).
	years    model.VerdictsByYear
	verdicts model.Verdicts
	year     int
	req      model.Request // the requested amount: kept in memory only
	q        int           // the question shown

	mode   mode
	loaded bool // the saved verdicts have been read (or there were none)
	// unsaved: a verdict was given before the saved ones were read.
	unsaved bool
	onDisk  bool // and there were some: what is shown is saved
	body    components.Scroller
	note    textarea.Model
	amount  textinput.Model
	// amountErr says what is wrong with the amount typed.
	amountErr string
	// entry takes a count or the countries to add; entryErr says what is
	// wrong with what was typed.
	entry    textinput.Model
	entryErr string
	help     components.HelpPage

	saver   *saver
	seq     int   // the last save asked for
	settled int   // the last save whose result came back
	saveErr error // the result of that save
	// message is one line about the last thing that happened (a report
	// written, a file set aside, a save that failed); isErr draws it as an
	// error.
	message string
	isErr   bool

	pending tea.Cmd // a save asked for where no command could be returned

	now func() time.Time

	width, height int
	built         struct {
		theme         string
		width, height int
		dirty         bool
	}
}

// New opens the checklist of a use case for a subject. The command it
// returns reads the saved verdicts (session.Store.Load); until they arrive
// the page shows the evidence and takes no verdict. A saved file that
// cannot be read is set aside by the store and reported on the page.
func New(ctx *common.Context, store *session.Store, uc model.UseCase, s model.Subject) (*Screen, tea.Cmd) {
	sc := &Screen{
		ctx: ctx, store: store, keys: newKeys(),
		uc: uc, subject: s, years: model.VerdictsByYear{},
		saver: &saver{}, now: time.Now, help: components.NewHelpPage(),
	}
	sc.useYear()
	sc.note = textarea.New()
	sc.note.ShowLineNumbers = false
	sc.note.Prompt = "│ "
	sc.note.CharLimit = noteLimit
	sc.note.MaxHeight = 0
	sc.note.Placeholder = "Your note on this question: what the evidence leaves out, what you know, what to ask."
	sc.amount = textinput.New()
	sc.amount.Prompt = "Requested amount (USD): "
	sc.amount.Placeholder = "50000, 50k or 1.2m; empty clears it"
	sc.amount.CharLimit = 24
	sc.entry = textinput.New()
	sc.entry.CharLimit = 200
	sc.styleInputs()
	sc.compute()
	sc.newPage()
	if store == nil {
		sc.loaded = true
		sc.message, sc.isErr = "No data directory: verdicts and notes will not be kept.", true
		return sc, nil
	}
	return sc, loadCmd(store, sc, uc.Number, s.Key())
}

// styleInputs gives the note and amount inputs the theme's styles, without
// blinking.
func (s *Screen) styleInputs() {
	th := s.ctx.Theme
	var ts textarea.Styles
	ts.Focused = textarea.StyleState{Text: th.Text, CursorLine: th.Text, Placeholder: th.Muted, Prompt: th.Input, EndOfBuffer: th.Muted}
	ts.Blurred = ts.Focused
	ts.Cursor = textarea.CursorStyle{Color: th.Input.GetForeground(), Shape: tea.CursorBlock}
	s.note.SetStyles(ts)
	var is textinput.Styles
	is.Focused = textinput.StyleState{Prompt: th.Input, Text: th.Text, Placeholder: th.Muted, Suggestion: th.Muted}
	is.Blurred = is.Focused
	is.Cursor = textinput.CursorStyle{Color: th.Input.GetForeground(), Shape: tea.CursorBlock}
	s.amount.SetStyles(is)
	s.entry.SetStyles(is)
}

// useYear shows the verdicts given for the context's year (none yet is an
// empty set of its own, saved under that year).
func (s *Screen) useYear() {
	s.year = s.ctx.Year
	if s.years[s.year] == nil {
		s.years[s.year] = model.Verdicts{}
	}
	s.verdicts = s.years[s.year]
	s.built.dirty = true
}

// compute answers the questions for the context's year.
func (s *Screen) compute() {
	s.answers = s.ctx.Data.Checklist(s.uc, s.subject, s.ctx.Year, s.req)
	s.q = min(max(s.q, 0), max(len(s.answers)-1, 0))
	s.built.dirty = true
}

// newPage starts the page of the current question at its top.
func (s *Screen) newPage() {
	s.body = components.NewScroller(s.ctx.Theme)
	s.body.Keys = s.keys.Movement
	s.built.dirty = true
	s.layout()
}

// current is the answer on the page.
func (s *Screen) current() model.Answer {
	if len(s.answers) == 0 {
		return model.Answer{}
	}
	return s.answers[s.q]
}

// UseCase and Subject say what the checklist is of.
func (s *Screen) UseCase() model.UseCase { return s.uc }
func (s *Screen) Subject() model.Subject { return s.subject }

// Verdicts are the user's verdicts so far (a copy).
func (s *Screen) Verdicts() model.Verdicts { return clone(s.verdicts) }

// SetSize lays the page out for the body's size.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = max(0, w), max(0, h)
	s.built.dirty = true
	s.layout()
}

// Crumb names the use case and the subject: "Use case 1 · Nigeria".
func (s *Screen) Crumb() string {
	return fmt.Sprintf("Use case %d · %s", s.uc.Number, model.CleanText(s.subject.Name()))
}

// Keys are the bindings of the current mode.
func (s *Screen) Keys() help.KeyMap {
	switch s.mode {
	case editing:
		return noteHelp{s.keys}
	case amounting:
		return amountHelp{s.keys}
	case entering:
		return entryHelp{s.keys}
	}
	return questionHelp{s.formKeys()}
}

// Status is the progress and whether it is saved: "2 of 4 answered ·
// saved".
func (s *Screen) Status() []string {
	out := []string{fmt.Sprintf("%d of %d answered", s.verdicts.Answered(s.uc), len(s.uc.Questions))}
	switch {
	case !s.loaded:
		out = append(out, "reading saved answers…")
	case s.seq > s.settled:
		out = append(out, "saving…")
	case s.saveErr != nil:
		out = append(out, "NOT SAVED")
	case s.settled > 0 || s.onDisk:
		out = append(out, "saved")
	}
	return out
}

// Capturing is true while the note or the amount is being typed.
func (s *Screen) Capturing() bool {
	return s.mode == editing || s.mode == amounting || s.mode == entering
}

// ClaimsKey takes ? from the root on a question page, where it records
// "unsure" (the help is on H and F1 there), and in the screen's own help,
// which it closes.
func (s *Screen) ClaimsKey(msg tea.KeyPressMsg) bool {
	if s.mode == reading && s.current().Form == model.FormScale && key.Matches(msg, s.keys.Scale) {
		return true // 1–4 are the scale's points here; tab still switches sections
	}
	if s.mode == reading && key.Matches(msg, s.keys.Yes) {
		return true // y is the verdict here; [ and ] still step the year
	}
	return (s.mode == reading || s.mode == helping) && key.Matches(msg, s.keys.Unsure)
}

// Back closes the help, or saves and closes the note, or cancels the
// amount; on a question page the root has esc (back to the picker).
func (s *Screen) Back() bool {
	switch s.mode {
	case helping:
		s.mode = reading
		return true
	case editing:
		// The root sends esc as a key while the screen captures; this is
		// for a root that asks anyway. The save goes with the next update.
		s.pending = s.closeNote()
		return true
	case amounting, entering:
		s.mode = reading
		s.amount.Blur()
		s.entry.Blur()
		s.built.dirty = true
		return true
	}
	return false
}

// takesAmount is true on the question a requested amount bears on.
func (s *Screen) takesAmount() bool { return s.current().Question.ID == "1.2" }

// Update handles keys, mouse, the year and the results of file work.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	cmd := s.update(msg)
	if s.pending != nil {
		cmd, s.pending = tea.Batch(s.pending, cmd), nil
	}
	s.layout()
	return s, cmd
}

func (s *Screen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case LoadedMsg:
		if msg.screen == s {
			return s.takeLoaded(msg)
		}
		return nil
	case SavedMsg:
		if msg.screen == s {
			s.saved(msg)
		}
		return nil
	case WrittenMsg:
		if msg.screen == s {
			s.owedReport = nil
			if msg.err != nil {
				s.say(true, "The report was not written: "+msg.err.Error())
			} else {
				s.say(false, "Report written to "+msg.path)
			}
		}
		return nil
	case common.YearChangedMsg:
		s.compute()
		if s.year != s.ctx.Year {
			s.useYear()
			s.say(false, fmt.Sprintf("The answers given for %d: %d of %d.", s.year, s.verdicts.Answered(s.uc), len(s.uc.Questions)))
		}
		return nil
	case tea.KeyPressMsg:
		switch s.mode {
		case editing:
			return s.editKey(msg)
		case amounting:
			return s.amountKey(msg)
		case entering:
			return s.entryKey(msg)
		case helping:
			if key.Matches(msg, s.keys.Help, s.keys.Unsure) || msg.String() == "esc" {
				s.mode = reading
			} else {
				s.help.Update(msg)
			}
			return nil
		}
		return s.readKey(msg)
	case tea.PasteMsg:
		var cmd tea.Cmd
		switch s.mode {
		case editing:
			s.note, cmd = s.note.Update(msg)
		case amounting:
			s.amount, cmd = s.amount.Update(msg)
		case entering:
			msg.Content = model.CleanText(msg.Content)
			s.entry, cmd = s.entry.Update(msg)
		}
		return cmd
	case tea.MouseClickMsg:
		if s.mode != reading {
			return nil
		}
		msg.Y-- // the progress line
		before, _ := s.body.Selected()
		was := s.body.SelectedInView()
		clicked, on := s.body.ItemAt(msg.Y)
		if s.body.Update(msg) && on && was && clicked == before {
			return s.openMention()
		}
		return nil
	case tea.MouseWheelMsg:
		switch s.mode {
		case reading:
			s.body.Update(msg)
		case helping:
			s.help.Update(msg)
		}
		return nil
	}
	if s.mode == editing {
		// The text area's own messages (a paste read from the clipboard).
		var cmd tea.Cmd
		s.note, cmd = s.note.Update(msg)
		return cmd
	}
	return nil
}

// takeLoaded takes the saved verdicts of every year. A verdict given
// before they arrived (a quick reader) is kept over the saved one when it is
// newer, and saved now that saving cannot lose the others.
func (s *Screen) takeLoaded(msg LoadedMsg) tea.Cmd {
	s.loaded = true
	for y, saved := range msg.years {
		merged, _ := model.Merge(s.years[y], saved)
		s.years[y] = merged
	}
	s.useYear()
	s.built.dirty = true
	s.onDisk = msg.err == nil && len(msg.years) > 0
	var ce *session.CorruptError
	switch {
	case errors.As(msg.err, &ce) && ce.MovedTo != "":
		// What happened comes first: a narrow window cuts the rest.
		s.say(true, fmt.Sprintf("Saved checklist unreadable, set aside; starting empty. It %s; it is now %s, in %s.",
			ce.Reason, filepath.Base(ce.MovedTo), filepath.Dir(ce.MovedTo)))
	case errors.As(msg.err, &ce):
		s.say(true, fmt.Sprintf("Saved checklist unreadable and not set aside: nothing will be saved over it. %s %s (%v).", ce.Path, ce.Reason, ce.Err))
	case msg.err != nil:
		s.say(true, "The saved checklist could not be read: "+msg.err.Error())
	}
	if s.unsaved {
		s.unsaved = false
		return s.save()
	}
	return nil
}

// saved takes the result of a save. Results may come back out of order;
// the latest one decides.
func (s *Screen) saved(msg SavedMsg) {
	if msg.superseded || msg.seq < s.settled {
		return
	}
	s.settled = msg.seq
	s.saveErr = msg.err
	switch {
	case msg.err != nil:
		s.say(true, "Not saved: "+msg.err.Error()+" Your answers are kept here; the next change tries again.")
	case s.isErr && strings.HasPrefix(s.message, "Not saved:"):
		s.say(false, "Saved.")
	}
	if msg.err == nil && len(msg.saved.TookIn) > 0 {
		// Another window saved newer answers or notes: they are on disk
		// now, and shown here.
		mine := s.years[msg.year]
		merged, took := model.Merge(mine, msg.saved.Verdicts)
		s.years[msg.year] = merged
		if msg.year == s.year {
			s.verdicts = merged
		}
		s.built.dirty = true
		if len(took) > 0 {
			s.say(false, fmt.Sprintf("Took in what another window saved for %d: %s.", msg.year, strings.Join(took, ", ")))
		}
	}
}

// say sets the message line (an error too long for it is shown in full at
// the top of the page).
func (s *Screen) say(isErr bool, msg string) {
	s.message, s.isErr = model.CleanText(msg), isErr
	s.built.dirty = true
}

// readKey handles a key on a question page.
func (s *Screen) readKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Yes) && s.form() == model.FormYesNo:
		return s.setAnswer(model.VerdictYes)
	case key.Matches(msg, k.No) && s.form() == model.FormYesNo:
		return s.setAnswer(model.VerdictNo)
	case key.Matches(msg, k.Yes, k.No):
		// y and n on a question that does not take yes or no.
		s.say(false, "This question is answered "+formName(s.form())+": "+answerHint(s.current())+".")
	case key.Matches(msg, k.Confirm) && s.form() != model.FormYesNo:
		return s.confirm()
	case key.Matches(msg, k.Type) && (s.form() == model.FormNumber || s.form() == model.FormSet):
		if !s.ready() {
			return nil
		}
		s.startEntry()
		return s.entry.Focus()
	case key.Matches(msg, k.Strike) && s.form() == model.FormSet:
		return s.toggleStrike()
	case key.Matches(msg, k.Scale) && s.form() == model.FormScale:
		return s.setScale(msg.String())
	case key.Matches(msg, k.Unsure):
		return s.setAnswer(model.VerdictUnsure)
	case key.Matches(msg, k.Clear):
		return s.setAnswer("")
	case key.Matches(msg, k.Next):
		s.move(1)
	case key.Matches(msg, k.Prev):
		s.move(-1)
	case key.Matches(msg, k.Note):
		if !s.ready() {
			return nil
		}
		s.mode = editing
		s.note.SetValue(s.verdicts[s.current().Question.ID].Note)
		s.note.MoveToEnd()
		s.built.dirty = true
		return s.note.Focus()
	case key.Matches(msg, k.Amount) && s.takesAmount():
		s.mode = amounting
		s.amountErr = ""
		s.amount.SetValue("")
		if s.req.HasAmount {
			s.amount.SetValue(fmt.Sprintf("%.0f", s.req.Amount))
		}
		s.amount.CursorEnd()
		s.built.dirty = true
		return s.amount.Focus()
	case key.Matches(msg, k.Write):
		return s.write()
	case key.Matches(msg, k.Open):
		return s.openMention()
	case key.Matches(msg, k.Help):
		s.mode = helping
		s.help.Reset()
	default:
		s.body.Update(msg)
	}
	return nil
}

// ready says whether verdicts can be taken: not before the saved ones are
// read, lest a save replace them.
func (s *Screen) ready() bool {
	if !s.loaded {
		s.say(false, "Still reading the saved checklist; try again in a moment.")
		return false
	}
	return true
}

// move goes to another question.
func (s *Screen) move(by int) {
	n := s.q + by
	switch {
	case n < 0:
		s.say(false, "This is the first question.")
		return
	case n >= len(s.answers):
		s.say(false, "This is the last question: w writes the report.")
		return
	}
	s.q = n
	if !s.isErr {
		s.message = ""
	}
	s.newPage()
}

// setAnswer records the verdict of the question on the page ("" clears it)
// and saves.
func (s *Screen) setAnswer(answer string) tea.Cmd {
	return s.give(model.Verdict{Answer: answer})
}

// give records an answer (its form's fields; the note stays) to the
// question on the page and saves.
func (s *Screen) give(nv model.Verdict) tea.Cmd {
	answer := nv.Answer
	id := s.current().Question.ID
	v := s.verdicts[id]
	v.Answer, v.Origin, v.Keep, v.Strike, v.Add = nv.Answer, nv.Origin, nv.Keep, nv.Strike, nv.Add
	v.Updated = s.stamp()
	s.put(id, v)
	if answer == "" {
		s.say(false, "Verdict cleared (the note stays).")
	} else if !s.isErr {
		s.message = ""
	}
	if !s.loaded {
		// Saving now would write over the saved checklist before it is
		// read: the verdict waits in memory and is saved with it.
		s.unsaved = true
		return nil
	}
	return s.save()
}

// put stores a question's verdict. One cleared is kept with its time, so
// that a merge with another window's older answer does not bring it back.
func (s *Screen) put(id string, v model.Verdict) {
	s.verdicts[id] = v
	s.built.dirty = true
}

// stamp is the time an answer or a note is given, to the nanosecond: two
// windows' saves a moment apart must still be told apart.
func (s *Screen) stamp() string { return s.now().UTC().Format(time.RFC3339Nano) }

// save asks for the verdicts to be written, in a command.
func (s *Screen) save() tea.Cmd {
	if s.store == nil {
		return nil
	}
	s.seq++
	meta := session.Meta{Subject: s.subject.Name(), Dataset: datasetName(s.ctx.Data), Year: s.year}
	return s.saver.cmd(s.store, s, s.seq, s.uc.Number, s.subject.Key(), clone(s.verdicts), meta)
}

func datasetName(d *model.Dataset) string {
	name := d.Meta.Title
	if d.Meta.Origin != "" {
		if name != "" {
			name += " "
		}
		name += "(" + d.Meta.Origin + ")"
	}
	return name
}

func clone(v model.Verdicts) model.Verdicts {
	out := make(model.Verdicts, len(v))
	for id, x := range v {
		out[id] = x
	}
	return out
}

// editKey handles a key while the note is written: ctrl+s and esc keep it
// and close the editor; every other key writes.
func (s *Screen) editKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, s.keys.SaveNote, s.keys.EscNote) {
		return s.closeNote()
	}
	var cmd tea.Cmd
	s.note, cmd = s.note.Update(msg)
	return cmd
}

// closeNote keeps the note written and saves it if it changed.
func (s *Screen) closeNote() tea.Cmd {
	s.mode = reading
	s.note.Blur()
	s.built.dirty = true
	id := s.current().Question.ID
	v := s.verdicts[id]
	text := cleanTyped(strings.TrimSpace(strings.ReplaceAll(s.note.Value(), "\r\n", "\n")))
	if text == v.Note {
		return nil
	}
	v.Note = text
	v.NoteUpdated = s.stamp()
	s.put(id, v)
	if text == "" {
		s.say(false, "Note removed.")
	} else if !s.isErr {
		s.message = ""
	}
	return s.save()
}

// amountKey handles a key while the amount is typed.
func (s *Screen) amountKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.keys.CancelAmount):
		s.mode = reading
		s.amount.Blur()
		s.built.dirty = true
		return nil
	case key.Matches(msg, s.keys.SetAmount):
		v, ok, err := parseAmount(s.amount.Value())
		if err != nil {
			s.amountErr = err.Error()
			return nil
		}
		s.req = model.Request{Amount: v, HasAmount: ok}
		s.mode = reading
		s.amount.Blur()
		s.compute()
		if ok {
			s.say(false, "Requested amount "+report.Money(v)+": kept while this checklist is open, and in the report; not saved with the verdicts.")
		} else {
			s.say(false, "Requested amount cleared.")
		}
		return nil
	}
	var cmd tea.Cmd
	s.amount, cmd = s.amount.Update(msg)
	s.amountErr = ""
	return cmd
}

// ReportName is the file name of the report: equity-checklist-uc1-NG-2024.md.
func (s *Screen) ReportName() string {
	return fmt.Sprintf("equity-checklist-uc%d-%s-%d.md", s.uc.Number, s.subject.Key(), s.ctx.Year)
}

// write asks for the Markdown report to be written, in a command.
func (s *Screen) write() tea.Cmd {
	if !s.ready() {
		return nil
	}
	doc := report.Checklist(s.ctx.Data, s.uc, s.subject, s.ctx.Year, s.answers, clone(s.verdicts), s.req, s.now())
	fallback := ""
	if s.store != nil && s.store.Dir() != "" {
		fallback = s.store.Dir()
	}
	s.say(false, "Writing "+s.ReportName()+"…")
	name := s.ReportName()
	// Until its result comes back, the report is owed: quitting at once
	// must not lose it (Flush writes it).
	s.owedReport = func() error { _, err := writeReport(doc, name, fallback); return err }
	return writeCmd(s, doc, name, fallback)
}

// openMention opens the country selected among those the evidence names.
func (s *Screen) openMention() tea.Cmd {
	its := s.items()
	i, ok := s.body.Selected()
	if !ok || i >= len(its) || !s.body.SelectedInView() {
		return nil
	}
	if _, found := s.ctx.Data.Country(its[i].m.ISO2); !found {
		return nil
	}
	return s.ctx.Go(common.OpenCountryMsg{ISO2: its[i].m.ISO2})
}

// reportDir is where a report goes when the current directory cannot take
// it, for the help.
func (s *Screen) reportDir() string {
	if s.store == nil {
		return ""
	}
	return filepath.Clean(s.store.Dir())
}

// Flush writes at once, in the caller's goroutine, whatever is not yet
// known to be saved: a save still running or never run (the program quit
// before its command did), one that failed, and a note still being written
// (ctrl+c quits while the keyboard is the note's). The root calls it when
// the program ends; a save command still running finds it superseded. It
// returns the save's error, and nil when there was nothing to save.
func (s *Screen) Flush() error {
	var reportErr error
	if s.owedReport != nil {
		// The program ended before the report's command did.
		reportErr = s.owedReport()
		s.owedReport = nil
	}
	if s.store != nil && !s.loaded && s.unsaved {
		// The program ended before the saved checklist was read: read it
		// now, so that saving the verdict given meanwhile keeps the rest.
		if cmd := s.takeLoaded(loadCmd(s.store, s, s.uc.Number, s.subject.Key())().(LoadedMsg)); cmd != nil {
			msg, _ := cmd().(SavedMsg)
			s.saved(msg)
			return errors.Join(reportErr, msg.err)
		}
	}
	if s.store == nil || !s.loaded {
		return reportErr
	}
	if s.mode == editing {
		s.closeNote() // its save is the one below
	}
	if s.mode == entering {
		// A count or countries typed but not entered: enter takes them,
		// if they read.
		if cmd := s.entryKey(tea.KeyPressMsg{Code: tea.KeyEnter}); cmd != nil {
			s.mode = reading
		}
	}
	if s.seq == s.settled && s.saveErr == nil {
		return reportErr
	}
	msg, _ := s.save()().(SavedMsg)
	s.saved(msg)
	s.layout()
	return errors.Join(reportErr, msg.err)
}
