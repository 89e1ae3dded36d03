package checklist

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/report"
	"github.com/equitylandscape/equity/ui/theme"
)

// A question page, at 80 columns:
//
//	Question 1 of 4 · 0 of 4 answered · Brazil · 2024          (stays put)
//	1.1  Is a potential partner or grantee proposing a project in a country,
//	     language, and project space with an adequate reader or editor …
//	How to read it: strong: readers or editors at or above the median …
//
//	╭──────────╮
//	│ ● STRONG │ readership presence 99.0, at or above the median (50.0)
//	╰──────────╯
//	Your verdict  none yet: y yes · n no · ? unsure
//	Your note     none: e writes one
//
//	Evidence                         Value                 Detail       Modeled
//	Readership presence               99.0 ██████████ 1 of 51 in region modeled
//	…                                                          (scrolls)
//	Your verdict? y yes · n no · ? unsure — → next · w writes the report  (stays)
//
// Everything between the first and the last line scrolls: the question, the
// signal, the verdict and note, the evidence, the countries it names (enter
// opens one) and the modeled-data note.

// labelW is the width of the "Your verdict" column.
const labelW = 14

// maxText is the widest a page's text and tables grow: lines much longer
// are hard to read, so a wide window keeps the spare columns blank.
const maxText = 120

// page collects the lines of a question page.
type page struct {
	th    *theme.Theme
	tw    int // the text's width: the body's less the marker cell
	lines []components.Line
}

func (p *page) text(s string) { p.lines = append(p.lines, components.Text(" "+s)) }
func (p *page) blank()        { p.lines = append(p.lines, components.Text("")) }

// layout draws the page again when something it shows, the theme or the
// size changed.
func (s *Screen) layout() {
	th := s.ctx.Theme
	if s.built.theme != th.Name {
		s.styleInputs()
		s.built.dirty = true
	}
	if !s.built.dirty && s.built.width == s.width && s.built.height == s.height {
		return
	}
	s.built.theme, s.built.width, s.built.height, s.built.dirty = th.Name, s.width, s.height, false
	s.body.SetSize(s.width, s.scrollHeight())
	s.body.SetLines(s.pageLines())
	s.note.SetWidth(max(4, s.width-2))
	s.note.SetHeight(max(1, s.height-3))
	s.amount.SetWidth(max(4, s.width-ansi.StringWidth(s.amount.Prompt)-3))
	s.entry.SetWidth(max(4, s.width-ansi.StringWidth(s.entry.Prompt)-3))
}

// scrollHeight is what the page leaves the scrolling part: all but the
// progress line and the message line (and the amount's input).
func (s *Screen) scrollHeight() int {
	h := s.height - 2
	if s.mode == amounting || s.mode == entering {
		h--
	}
	return max(0, h)
}

// pageLines are the scrolling part of a question page.
func (s *Screen) pageLines() []components.Line {
	th := s.ctx.Theme
	p := &page{th: th, tw: min(max(1, s.width-1), maxText)}
	a := s.current()
	if a.Question.ID == "" {
		p.text(th.Muted.Render("This use case has no questions."))
		return p.lines
	}
	v := s.verdicts[a.Question.ID]
	if s.isErr && ansi.StringWidth(s.message)+3 > p.tw {
		// An error too long for the message line is shown in full here.
		for _, l := range components.Wrap("⚠ "+s.message, p.tw) {
			p.text(th.Error.Render(l))
		}
		p.blank()
	}

	// The question, word for word, with its number hanging.
	const hang = 5
	for i, l := range components.Wrap(a.Question.Text, p.tw-hang) {
		lead := strings.Repeat(" ", hang)
		if i == 0 {
			lead = components.Fit(a.Question.ID, hang)
		}
		p.text(th.Strong.Render(lead + l))
	}
	q := a.Question
	scale := fmt.Sprintf("Answered %s · signal in its terms, %s: %s", formName(q.Form), q.LevelsOf, strings.Join(q.Levels[:], " · "))
	if q.Yes != "" {
		scale += " (" + q.Yes + ")"
	}
	for _, l := range components.Wrap(scale, p.tw) {
		p.text(th.Label.Render(l))
	}
	for _, l := range components.Wrap("Rule: "+q.Reading, p.tw) {
		p.text(th.Muted.Render(l))
	}
	p.blank()
	s.signal(p, a)
	s.verdict(p, a, v)
	p.blank()
	if a.Form == model.FormSet {
		s.candidates(p, a)
		p.blank()
	}
	s.evidence(p, a)
	if a.Form != model.FormSet {
		s.mentions(p, a)
	}
	if full := noteLines(v.Note); len(full) > s.noteCap() {
		p.blank()
		p.text(th.Heading.Render("Your note, in full"))
		for _, l := range full {
			for _, w := range components.Wrap(l, p.tw-2) {
				p.text("  " + w)
			}
		}
	}
	if note := report.ModeledNote(s.ctx.Data, "in this evidence"); note != "" {
		p.blank()
		for _, l := range components.Wrap(note+"; do not cite them.", p.tw) {
			p.text(th.Note.Render(l))
		}
	}
	return p.lines
}

// SignalText is a signal in words with its symbol, so that it never rests
// on colour: "● STRONG", "◐ MIXED", "○ WEAK", "? NOT ENOUGH DATA".
func SignalText(sig model.Signal) string {
	switch sig {
	case model.Strong:
		return "● STRONG"
	case model.Mixed:
		return "◐ MIXED"
	case model.Weak:
		return "○ WEAK"
	case model.NoEvidence, "":
		return "? NOT ENOUGH DATA"
	}
	return "? " + strings.ToUpper(string(sig))
}

func signalStyle(th *theme.Theme, sig model.Signal) lipgloss.Style {
	switch sig {
	case model.Strong:
		return th.Up
	case model.Weak:
		return th.Down
	case model.Mixed:
		return th.Strong
	}
	return th.Muted
}

// LevelText is a signal in its question's own words with its symbol:
// "● FEW" (barriers), "○ OUT OF PROPORTION".
func LevelText(a model.Answer) string {
	if a.Signal == model.NoEvidence || a.Signal == "" || a.Level == "" {
		return SignalText(a.Signal)
	}
	sym, _, _ := strings.Cut(SignalText(a.Signal), " ")
	return sym + " " + strings.ToUpper(a.Level)
}

// formName says how a question is answered, for its page.
func formName(f model.AnswerForm) string {
	switch f {
	case model.FormNumber:
		return "with a number"
	case model.FormSet:
		return "with countries"
	case model.FormScale:
		return "on a scale"
	}
	return "yes or no"
}

// VerdictText is the user's verdict in words with a sign: "✓ YES", "✗ NO",
// "~ UNSURE", or "" for none.
func VerdictText(answer string) string {
	switch answer {
	case model.VerdictYes:
		return "✓ YES"
	case model.VerdictNo:
		return "✗ NO"
	case model.VerdictUnsure:
		return "~ UNSURE"
	}
	return ""
}

// verdictMark is a verdict in one cell, for the progress line.
func verdictMark(answer string) string {
	switch answer {
	case model.VerdictYes:
		return "✓"
	case model.VerdictNo:
		return "✗"
	case model.VerdictUnsure:
		return "~"
	}
	return "·"
}

// answerMark is an answer of any form in one cell: a verdict's sign, or ●
// for a count, a set or a point of the scale.
func answerMark(answer string) string {
	switch answer {
	case "", model.VerdictYes, model.VerdictNo, model.VerdictUnsure:
		return verdictMark(answer)
	}
	return "●"
}

// signal draws the signal big, in a box, with its reason beside it.
func (s *Screen) signal(p *page, a model.Answer) {
	th := p.th
	st := signalStyle(th, a.Signal)
	word := LevelText(a)
	inner := ansi.StringWidth(word) + 2
	box := []string{
		st.Render("╭" + strings.Repeat("─", inner) + "╮"),
		st.Render("│") + " " + st.Bold(true).Render(word) + " " + st.Render("│"),
		st.Render("╰" + strings.Repeat("─", inner) + "╯"),
	}
	boxW := inner + 2
	reasonW := p.tw - boxW - 1
	if reasonW < 16 {
		// Too narrow to stand beside: the reason goes under the box.
		for _, l := range box {
			p.text(l)
		}
		for _, l := range components.Wrap(model.CleanText(a.Reason), p.tw) {
			p.text(l)
		}
		return
	}
	reason := components.Wrap(model.CleanText(a.Reason), reasonW)
	at := 1 // a reason of one or two lines starts beside the word
	if len(reason) > 2 {
		at = 0
	}
	for i, l := range box {
		if r := i - at; r >= 0 && r < len(reason) {
			l += " " + reason[r]
		}
		p.text(l)
	}
	for _, l := range reason[min(len(reason), 3-at):] {
		p.text(strings.Repeat(" ", boxW+1) + l)
	}
}

// noteCap is how many lines of the note the top of the page shows; a longer
// note is shown in full at the end of the page.
func (s *Screen) noteCap() int {
	if s.height >= 30 {
		return 12
	}
	return 3
}

// noteLines are a note's lines, cleaned of what a terminal would obey.
func noteLines(note string) []string {
	note = strings.TrimSpace(note)
	if note == "" {
		return nil
	}
	lines := strings.Split(note, "\n")
	for i, l := range lines {
		lines[i] = model.CleanText(l)
	}
	return lines
}

// verdict draws the user's verdict, note and (question 1.2) requested
// amount.
func (s *Screen) verdict(p *page, a model.Answer, v model.Verdict) {
	th := p.th
	label := func(s string) string { return th.Label.Render(components.Fit(s, labelW)) }
	switch {
	case a.Form == model.FormNumber && a.Proposal.HasCount:
		p.text(label("Proposed") + th.Text.Render(a.Proposal.Answer))
	case a.Form == model.FormNumber:
		p.text(label("Proposed") + th.Muted.Render("no exact count"))
	case a.Form != model.FormYesNo || a.Proposal.Answer != "":
		p.text(label("Proposed") + th.Text.Render(model.CleanText(a.Proposal.Suggests(a.Form))))
	}
	if a.Form == model.FormNumber && a.Proposal.CountText != "" {
		for _, l := range components.Wrap(model.CleanText(a.Proposal.CountText), p.tw-labelW) {
			p.text(strings.Repeat(" ", labelW) + th.Muted.Render(l))
		}
	}
	switch {
	case !s.loaded:
		p.text(label("Your answer") + th.Muted.Render("reading the saved checklist…"))
	case v.Answer == "":
		p.text(label("Your answer") + th.Muted.Render("none yet: "+answerHint(a)))
	case a.Form == model.FormYesNo:
		p.text(label("Your answer") + th.Strong.Render(VerdictText(v.Answer)) + th.Muted.Render("   u clears it"))
	default:
		text := model.AnswerText(a.Form, v, a.Proposal.Candidates)
		if v.Answer == model.VerdictUnsure {
			text = VerdictText(v.Answer)
		}
		for i, l := range components.Wrap(model.CleanText(text), p.tw-labelW) {
			lead := strings.Repeat(" ", labelW)
			if i == 0 {
				lead = label("Your answer")
			}
			p.text(lead + th.Strong.Render(l))
		}
		p.text(strings.Repeat(" ", labelW) + th.Muted.Render("u clears it · "+answerHint(a)))
	}
	lines := noteLines(v.Note)
	if len(lines) == 0 {
		p.text(label("Your note") + th.Muted.Render("none: e writes one"))
	} else {
		var wrapped []string
		for _, l := range lines {
			wrapped = append(wrapped, components.Wrap(l, p.tw-labelW)...)
		}
		limit := s.noteCap()
		for i, l := range wrapped {
			if i == limit && len(wrapped) > limit+1 {
				p.text(strings.Repeat(" ", labelW) + th.Muted.Render(fmt.Sprintf("… %d lines more, in full below; e edits", len(wrapped)-limit)))
				break
			}
			lead := strings.Repeat(" ", labelW)
			if i == 0 {
				lead = label("Your note")
			}
			p.text(lead + l)
		}
	}
	if s.takesAmount() {
		if s.req.HasAmount {
			p.text(label("Requested") + th.Strong.Render(report.Money(s.req.Amount)) + th.Muted.Render("   a changes it (kept while open, not saved)"))
		} else {
			p.text(label("Requested") + th.Muted.Render("no amount: a enters the grant asked, in US dollars"))
		}
	}
}

// answerHint says how the page's question is answered.
func answerHint(a model.Answer) string {
	switch a.Form {
	case model.FormNumber:
		if a.Proposal.HasCount {
			return "c confirms the data's " + a.Proposal.Answer + " · t types your own · ? unsure"
		}
		return "t types your count · ? unsure"
	case model.FormSet:
		return "c keeps the candidates · x strikes the one selected · t adds others · ? unsure"
	case model.FormScale:
		hint := "1 not at all · 2 a little · 3 somewhat · 4 a great deal"
		if a.Proposal.Answer != "" {
			hint += " · c takes " + a.Proposal.Answer
		}
		return hint
	}
	return "y yes · n no · ? unsure"
}

// candidates draws a set question's countries: the data's candidates,
// ranked, each with the rule that put it there and whether it is kept or
// struck, then those the user added.
func (s *Screen) candidates(p *page, a model.Answer) {
	th := p.th
	its := s.items()
	title := "Candidates from the data, ranked · ↑/↓ select, x strikes or keeps, enter opens"
	for _, l := range components.Wrap(title, p.tw) {
		p.text(th.Heading.Render(l))
	}
	if len(its) == 0 {
		p.text(th.Muted.Render("none: no country passes the rule; t adds one of your own"))
		return
	}
	nameW := 8
	for _, it := range its {
		nameW = max(nameW, ansi.StringWidth(model.CleanText(it.m.Name))+5)
	}
	nameW = min(nameW, max(10, p.tw/3))
	for i, it := range its {
		mark := "✓ kept  "
		switch {
		case it.struck:
			mark = "✗ struck"
		case it.added:
			mark = "+ added "
		}
		name := fmt.Sprintf("%s (%s)", model.CleanText(it.m.Name), model.CleanText(it.m.ISO2))
		rest := model.CleanText(it.m.Rule)
		if it.m.Note != "" {
			rest += " — " + model.CleanText(it.m.Note)
		}
		if it.m.Modeled {
			rest = "modeled · " + rest
		}
		p.lines = append(p.lines, components.Item(fmt.Sprintf("%d. %s %s  %s", i+1, mark, components.Fit(name, nameW), th.Muted.Render(rest)), i))
	}
}

// evidence draws the facts as a small table: label, value, a bar for
// scores, the detail, and whether the figure is modeled.
func (s *Screen) evidence(p *page, a model.Answer) {
	th := p.th
	if len(a.Facts) == 0 {
		p.text(th.Muted.Render("No evidence for this question."))
		return
	}
	tw := p.tw
	modW, modText, modHead, estText := 9, "modeled", "Figures", "estimated"
	if tw < 70 {
		modW, modText, modHead, estText = 1, "*", "*", "~"
	}
	valueW, labW, hasScore, anyModeled := 5, 8, false, false
	values := make([]string, len(a.Facts))
	notes := make([]string, len(a.Facts))
	for i, f := range a.Facts {
		values[i], notes[i] = report.FactText(f)
		values[i], notes[i] = model.CleanText(values[i]), model.CleanText(notes[i])
		if f.Kind != model.FactText {
			valueW = max(valueW, ansi.StringWidth(values[i]))
		}
		labW = max(labW, ansi.StringWidth(model.CleanText(f.Label)))
		hasScore = hasScore || f.Kind == model.FactScore && f.OK
		anyModeled = anyModeled || f.Modeled || f.Class == model.ClassEstimated
	}
	valueW = min(valueW, 16) // a range reads "$11,574–$11,601"
	labW = min(labW, max(12, tw*2/5))
	barW := 0
	if hasScore {
		switch {
		case tw >= 110:
			barW = 20
		case tw >= 70:
			barW = 10
		}
	}
	barSpan := func() int {
		if barW > 0 {
			return barW + 1
		}
		return 0
	}
	detailW := tw - labW - 1 - valueW - 1 - barSpan() - 1 - modW
	if detailW < 12 && barW > 0 {
		barW = 0
		detailW = tw - labW - 1 - valueW - 1 - 1 - modW
	}
	if detailW < 8 {
		labW = max(6, labW-(8-detailW))
		detailW = max(1, tw-labW-1-valueW-1-1-modW)
	}
	span := valueW + 1 + barSpan() + detailW // where words stand for a value

	head := components.Fit(th.Header.Render("Evidence"), labW) + " " + components.FitRight(th.Header.Render("Value"), valueW) + " "
	head += strings.Repeat(" ", barSpan()) + components.Fit(th.Header.Render("Detail"), detailW) + " " + th.Header.Render(modHead)
	p.text(head)
	for i, f := range a.Facts {
		label := components.Wrap(model.CleanText(f.Label), labW)
		var detail []string
		if f.Kind == model.FactText {
			detail = components.Wrap(values[i], span)
		} else {
			detail = components.Wrap(notes[i], detailW)
		}
		for n := range max(len(label), len(detail)) {
			line := components.Fit(at(label, n), labW) + " "
			switch {
			case f.Kind == model.FactText:
				line += components.Fit(at(detail, n), span)
			case n == 0:
				value := values[i]
				if !f.OK {
					value = th.Muted.Render(value)
				}
				line += components.FitRight(value, valueW) + " "
				if barW > 0 {
					bar := strings.Repeat(" ", barW)
					if f.Kind == model.FactScore && f.OK {
						bar = components.Bar(th, f.Value, barW)
					}
					line += bar + " "
				}
				line += components.Fit(th.Muted.Render(at(detail, n)), detailW)
			default:
				line += strings.Repeat(" ", valueW+1+barSpan()) + components.Fit(th.Muted.Render(at(detail, n)), detailW)
			}
			switch {
			case n == 0 && f.Modeled:
				line += " " + th.Note.Render(modText)
			case n == 0 && f.Class == model.ClassEstimated:
				// Not modeled, not published either: the method is on the
				// indicator screen.
				line += " " + th.Note.Render(estText)
			}
			p.text(line)
		}
	}
	if modW == 1 && anyModeled {
		p.text(th.Note.Render("* modeled figure · ~ estimated from published figures"))
	}
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

// mentions draws the countries the evidence names, each selectable: enter
// opens it.
func (s *Screen) mentions(p *page, a model.Answer) {
	th := p.th
	if a.MentionsTitle == "" && len(a.Mentions) == 0 {
		return
	}
	p.blank()
	title := model.CleanText(a.MentionsTitle)
	if title == "" {
		title = "Countries"
	}
	hint := ""
	if len(a.Mentions) > 0 {
		hint = th.Muted.Render(" · ↑/↓ select, enter opens")
	}
	for i, l := range components.Wrap(title, p.tw-ansi.StringWidth(hint)) {
		if i == 0 {
			l = th.Heading.Render(l) + hint
		} else {
			l = th.Heading.Render(l)
		}
		p.text(l)
	}
	if len(a.Mentions) == 0 {
		p.text(th.Muted.Render("none"))
		return
	}
	nameW := 8
	for _, m := range a.Mentions {
		nameW = max(nameW, ansi.StringWidth(model.CleanText(m.Name))+5)
	}
	nameW = min(nameW, max(10, p.tw/3))
	for i, m := range a.Mentions {
		name := fmt.Sprintf("%s (%s)", model.CleanText(m.Name), model.CleanText(m.ISO2))
		// The mark leads, so that a note cut to the width keeps it.
		note := model.CleanText(m.Note)
		if m.Modeled {
			note = "modeled · " + note
		}
		p.lines = append(p.lines, components.Item(components.Fit(name, nameW)+"  "+th.Muted.Render(note), i))
	}
}

// ---- the lines that stay put -------------------------------------------

// progressLine is the top line: "Question 2 of 4 · 1 of 4 answered ·
// Nigeria · 2024", and where there is room each question's verdict.
func (s *Screen) progressLine() string {
	th := s.ctx.Theme
	left := fmt.Sprintf("Question %d of %d · %d of %d answered · %s · %d", s.q+1, len(s.answers),
		s.verdicts.Answered(s.uc), len(s.uc.Questions), model.CleanText(s.subject.Name()), s.ctx.Year)
	line := " " + th.Strong.Render(left)
	var marks []string
	for i, a := range s.answers {
		m := a.Question.ID + " " + answerMark(s.verdicts[a.Question.ID].Answer)
		if i == s.q {
			m = th.Selected.Render(m)
		} else {
			m = th.Muted.Render(m)
		}
		marks = append(marks, m)
	}
	right := strings.Join(marks, "  ")
	if gap := s.width - ansi.StringWidth(line) - ansi.StringWidth(right) - 1; gap >= 3 {
		line += strings.Repeat(" ", gap) + right
	}
	return line
}

// messageLine is the bottom line: the last message, or what to do next.
func (s *Screen) messageLine() string {
	th := s.ctx.Theme
	w := max(1, s.width-1)
	if s.message != "" {
		if s.isErr {
			return " " + th.Error.Render(ansi.Truncate("⚠ "+s.message, w, "…"))
		}
		msg := s.message
		if prefix := "Report written to "; strings.HasPrefix(msg, prefix) && ansi.StringWidth(msg) > w {
			// Keep the end of the path, where the file's name is.
			msg = prefix + truncLeft(strings.TrimPrefix(msg, prefix), w-len(prefix))
		}
		return " " + th.Text.Render(ansi.Truncate(msg, w, "…"))
	}
	var hint string
	switch {
	case !s.loaded:
		hint = "Reading the saved checklist…"
	case s.verdicts[s.current().Question.ID].Answer == "":
		hint = "Your answer? " + answerHint(s.current()) + " — → next · w report"
	case s.q+1 < len(s.answers):
		hint = "→ next question · e writes a note · u clears the verdict · w writes the report"
	default:
		hint = "The last question · ← previous · e writes a note · w writes the report"
	}
	return " " + th.Muted.Render(ansi.Truncate(hint, w, "…"))
}

// View draws the screen, exactly width × height.
func (s *Screen) View() string {
	s.layout()
	if s.height == 0 {
		return ""
	}
	switch s.mode {
	case helping:
		return s.helpView()
	case editing:
		return s.editView()
	}
	lines := []string{s.progressLine()}
	if h := s.scrollHeight(); h > 0 {
		lines = append(lines, strings.Split(s.body.View(), "\n")...)
	}
	if s.mode == entering {
		lines = append(lines, " "+s.entry.View())
		if s.entryErr != "" {
			lines = append(lines, " "+s.ctx.Theme.Error.Render(ansi.Truncate("⚠ "+s.entryErr, max(1, s.width-2), "…")))
		} else {
			lines = append(lines, " "+s.ctx.Theme.Muted.Render("enter takes it · esc cancels"))
		}
	} else if s.mode == amounting {
		lines = append(lines, " "+s.amount.View())
		if s.amountErr != "" {
			lines = append(lines, " "+s.ctx.Theme.Error.Render("⚠ "+s.amountErr))
		} else {
			lines = append(lines, " "+s.ctx.Theme.Muted.Render("enter sets it · esc cancels · empty clears · kept while open, not saved"))
		}
	} else if s.height > 1 {
		lines = append(lines, s.messageLine())
	}
	return components.Frame(lines, s.width, s.height)
}

// editView is the note being written: the question over the text area.
func (s *Screen) editView() string {
	th := s.ctx.Theme
	a := s.current()
	head := " " + th.Strong.Render("Note on "+a.Question.ID+" ") + th.Muted.Render(a.Question.Text)
	lines := []string{s.progressLine(), head}
	for _, l := range strings.Split(s.note.View(), "\n") {
		lines = append(lines, " "+l)
	}
	if len(lines) > s.height-1 {
		lines = lines[:max(0, s.height-1)]
	}
	for len(lines) < s.height-1 {
		lines = append(lines, "")
	}
	lines = append(lines, " "+th.Muted.Render("ctrl+s or esc saves the note and closes · enter starts a new line"))
	return components.Frame(lines, s.width, s.height)
}

// helpView is the screen's own help: ? records "unsure" here, so the help
// is on H and F1.
func (s *Screen) helpView() string {
	g := s.ctx.Keys
	k := s.keys
	k.Amount.SetEnabled(s.takesAmount())
	where := "Reports are written to the current directory"
	if dir := s.reportDir(); dir != "" {
		where += ", or to " + dir + " when it cannot take them"
	}
	th := s.ctx.Theme
	var notes []string
	for _, l := range []string{
		"esc goes back to the use cases · tab and 1–9 switch sections · q quits.",
		"n is the verdict \"no\": the next question is →, l, N or space.",
		"Verdicts and notes are saved as you go. " + where + ".",
	} {
		for _, w := range components.Wrap(l, components.HelpWidth(s.width)) {
			notes = append(notes, th.Muted.Render(w))
		}
	}
	s.help.Title = "Keys — " + s.Crumb()
	s.help.Groups = append(questionHelp{k}.FullHelp(), []key.Binding{g.Back, g.NextSection, g.PrevSection, g.Section, g.Quit, g.ForceQuit})
	s.help.Notes = notes
	s.help.Close = "H, F1, ? or esc closes this help."
	return s.help.View(th, s.width, s.height)
}
