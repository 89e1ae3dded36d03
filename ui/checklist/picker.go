// Package checklist is the Checklists section: the picker that chooses a use
// case and a subject (or resumes a saved checklist), and the checklist
// screen that asks the use case's questions of the subject one page at a
// time, with the evidence, the automatic signal, and the user's verdict and
// note, saved as the user goes.
package checklist

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store/session"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/report"
)

// step is where the picker is: choosing the use case (or a saved checklist
// to resume), or the subject.
type step int

const (
	stepUseCase step = iota
	stepSubject
)

// Picker is the Checklists section's first screen. Step 1 lists the two use
// cases and the saved checklists; step 2 finds the subject by name.
type Picker struct {
	ctx      *common.Context
	store    *session.Store
	keys     PickerKeys
	useCases []model.UseCase

	step  step
	menu  components.Scroller // step 1
	found components.Scroller // step 2
	input textinput.Model

	chosen int         // the use case of step 2, by index
	all    []candidate // its subjects
	shown  []int       // those matching the input, best first
	preset *model.Subject

	entries []session.Entry
	listErr error
	stale   bool   // the saved checklists may have changed
	msg     string // one line about what went wrong
	clicked int    // the item last clicked, for click-again-to-open

	width, height int
	styled        string // the theme the input was styled with
	built         string // the theme the menu was drawn with
}

// NewPicker builds the picker. It lists the saved checklists at once (this
// happens before the first key, when the interface is built); later lists
// are read in commands.
func NewPicker(ctx *common.Context, store *session.Store) *Picker {
	p := &Picker{ctx: ctx, store: store, keys: newPickerKeys(), useCases: model.UseCases(), clicked: -1}
	p.menu = components.NewScroller(ctx.Theme)
	p.found = components.NewScroller(ctx.Theme)
	p.input = textinput.New()
	p.input.Prompt = "Find: "
	p.input.CharLimit = 80
	p.styleInput()
	if store != nil {
		p.entries, p.listErr = store.List()
	}
	p.relayout()
	return p
}

// styleInput gives the text input the theme's styles; the cursor does not
// blink.
func (p *Picker) styleInput() {
	th := p.ctx.Theme
	var st textinput.Styles
	st.Focused = textinput.StyleState{Prompt: th.Input, Text: th.Text, Placeholder: th.Muted, Suggestion: th.Muted}
	st.Blurred = st.Focused
	st.Cursor = textinput.CursorStyle{Color: th.Input.GetForeground(), Shape: tea.CursorBlock}
	p.input.SetStyles(st)
	p.styled = th.Name
}

// Preselect makes a country the subject: the picker shows the use case
// choice for it, and enter on a use case opens that checklist (the country
// screen's u). An unknown code leaves the picker as it is.
func (p *Picker) Preselect(iso2 string) {
	c, ok := p.ctx.Data.Country(iso2)
	if !ok {
		return
	}
	s := model.Subject{Country: c}
	p.preset = &s
	p.toStep1()
	p.menu.Select(0)
}

// Refresh lists the saved checklists again (the root may call it when the
// picker comes back on top).
func (p *Picker) Refresh() tea.Cmd { return listCmd(p.store) }

func (p *Picker) toStep1() {
	p.step = stepUseCase
	p.input.Blur()
	p.msg = ""
	p.relayout()
}

func (p *Picker) toStep2(uc int) tea.Cmd {
	p.step = stepSubject
	p.chosen = uc
	p.all = candidates(p.ctx.Data, p.useCases[uc], p.ctx.Year)
	p.input.SetValue("")
	p.input.Placeholder = "a country's name or ISO code"
	if len(p.useCases[uc].Subjects) > 1 {
		p.input.Placeholder = "a country or a Wikimedia region"
	}
	p.msg = ""
	p.filter()
	p.relayout()
	return p.input.Focus()
}

// SetSize lays the picker out for the body's size.
func (p *Picker) SetSize(w, h int) {
	p.width, p.height = max(0, w), max(0, h)
	p.relayout()
}

func (p *Picker) relayout() {
	p.built = p.ctx.Theme.Name
	p.menu.SetSize(p.width, max(0, p.height-1))
	p.menu.SetLines(p.menuLines())
	p.found.SetSize(p.width, max(0, p.height-2))
	p.input.SetWidth(max(4, p.width-ansi.StringWidth(p.input.Prompt)-3))
	if p.step == stepSubject {
		p.found.SetLines(p.foundLines())
	}
}

// Crumb names the section, and in step 2 the use case.
func (p *Picker) Crumb() string {
	if p.step == stepSubject {
		return fmt.Sprintf("Checklists · use case %d", p.useCases[p.chosen].Number)
	}
	return "Checklists"
}

// Keys are the bindings of the current step.
func (p *Picker) Keys() help.KeyMap {
	if p.step == stepSubject {
		return subjectHelp{p.keys}
	}
	return useCaseHelp{p.keys}
}

// Status says what the step offers.
func (p *Picker) Status() []string {
	if p.step == stepSubject {
		kind := "countries"
		if len(p.useCases[p.chosen].Subjects) > 1 {
			kind = "countries and regions"
		}
		return []string{fmt.Sprintf("%d of %d %s", len(p.shown), len(p.all), kind)}
	}
	out := []string{"2 use cases"}
	switch n := len(p.entries); {
	case n == 1:
		out = append(out, "1 saved checklist")
	case n > 1:
		out = append(out, fmt.Sprintf("%d saved checklists", n))
	}
	return out
}

// Capturing is true in step 2, where the keyboard types the subject's name.
func (p *Picker) Capturing() bool { return p.step == stepSubject && p.input.Focused() }

// Back goes back from step 2 to step 1, and in step 1 forgets a preselected
// country; otherwise the root has esc.
func (p *Picker) Back() bool {
	switch {
	case p.step == stepSubject:
		p.toStep1()
		return true
	case p.preset != nil:
		p.preset = nil
		p.relayout()
		return true
	}
	return false
}

// Update handles keys, mouse, the year and the lists of saved checklists.
func (p *Picker) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	var refresh tea.Cmd
	if p.stale {
		// The picker is shown again after a checklist was opened from it:
		// its saves may have added to the list.
		p.stale = false
		refresh = listCmd(p.store)
	}
	cmd := p.update(msg)
	return p, tea.Batch(refresh, cmd)
}

func (p *Picker) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case ListedMsg:
		p.entries, p.listErr = msg.entries, msg.err
		p.relayout()
		return nil
	case SavedMsg:
		switch {
		case msg.err != nil:
			// Its screen may be closed: say so here too.
			p.msg = saveFailed + model.CleanText(msg.err.Error())
		case !msg.superseded && strings.HasPrefix(p.msg, saveFailed):
			p.msg = ""
		}
		p.relayout()
		return listCmd(p.store)
	case common.YearChangedMsg:
		if p.step == stepSubject {
			p.all = candidates(p.ctx.Data, p.useCases[p.chosen], p.ctx.Year)
			p.filter()
		}
		p.relayout()
		return nil
	case tea.KeyPressMsg:
		if p.step == stepSubject {
			return p.typing(msg)
		}
		return p.choosing(msg)
	case tea.PasteMsg:
		if p.step == stepSubject {
			var cmd tea.Cmd
			p.input, cmd = p.input.Update(msg)
			p.filter() // lays the matches out; the rest is as it was
			return cmd
		}
	case tea.MouseClickMsg:
		return p.click(msg)
	case tea.MouseWheelMsg:
		if p.step == stepSubject {
			msg.Y -= 2
			p.found.Update(msg)
		} else {
			msg.Y--
			p.menu.Update(msg)
		}
	}
	return nil
}

func (p *Picker) click(msg tea.MouseClickMsg) tea.Cmd {
	sc, top := &p.menu, 1
	if p.step == stepSubject {
		sc, top = &p.found, 2
	}
	msg.Y -= top
	item, on := sc.ItemAt(msg.Y)
	if !on || !sc.Update(msg) {
		return nil
	}
	if item == p.clicked {
		p.clicked = -1
		return p.choose()
	}
	p.clicked = item
	return nil
}

// choosing handles a key of step 1.
func (p *Picker) choosing(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, p.keys.Choose) {
		return p.choose()
	}
	p.menu.Update(msg)
	return nil
}

// typing handles a key of step 2: arrows and pages move in the matches,
// enter opens, esc goes back, the rest types.
func (p *Picker) typing(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "enter":
		return p.choose()
	case "esc":
		p.toStep1()
		return nil
	case "up", "down", "pgup", "pgdown", "ctrl+p", "ctrl+n":
		m := msg
		switch msg.String() {
		case "ctrl+p":
			m = tea.KeyPressMsg{Code: tea.KeyUp}
		case "ctrl+n":
			m = tea.KeyPressMsg{Code: tea.KeyDown}
		}
		p.found.Update(m)
		return nil
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() != before {
		p.filter() // lays the matches out; the rest is as it was
	}
	return cmd
}

// filter finds the subjects that match the input, the best one selected.
func (p *Picker) filter() {
	p.shown = match(p.all, p.input.Value())
	p.found = components.NewScroller(p.ctx.Theme)
	p.found.SetSize(p.width, max(0, p.height-2))
	p.found.SetLines(p.foundLines())
	p.clicked = -1
}

// choose acts on the selected item: a use case goes to step 2 (or, with a
// preselected country, opens its checklist), a saved checklist opens, and a
// subject opens its checklist.
func (p *Picker) choose() tea.Cmd {
	if p.step == stepSubject {
		i, ok := p.found.Selected()
		if !ok || i >= len(p.shown) {
			return nil
		}
		return p.open(p.useCases[p.chosen].Number, p.all[p.shown[i]].subject)
	}
	i, ok := p.menu.Selected()
	if !ok {
		return nil
	}
	if i < len(p.useCases) {
		if p.preset != nil {
			return p.open(p.useCases[i].Number, *p.preset)
		}
		return p.toStep2(i)
	}
	e := p.entries[i-len(p.useCases)]
	s, ok := subjectByKey(p.ctx.Data, e.SubjectKey)
	if !ok {
		p.msg = fmt.Sprintf("%s is not in the open dataset: open the database it was made with to resume it.", model.CleanText(e.Subject))
		p.relayout()
		return nil
	}
	return p.open(e.UseCase, s)
}

func (p *Picker) open(uc int, s model.Subject) tea.Cmd {
	p.preset = nil
	p.stale = true
	p.toStep1()
	return p.ctx.Go(OpenMsg{UseCase: uc, Subject: s})
}

const saveFailed = "A checklist could not be saved: "

// subjectByKey finds the subject a saved checklist was made for.
func subjectByKey(d *model.Dataset, key string) (model.Subject, bool) {
	if c, ok := d.Country(key); ok && c.ISO2 == key {
		return model.Subject{Country: c}, true
	}
	for _, r := range d.WikimediaRegions() {
		s := model.Subject{Region: r, Grouping: model.GroupWikimedia}
		if s.Key() == key {
			return s, true
		}
	}
	return model.Subject{}, false
}

// ---- drawing -------------------------------------------------------------

// menuLines are step 1: the use cases, then the saved checklists.
func (p *Picker) menuLines() []components.Line {
	th := p.ctx.Theme
	tw := min(max(1, p.width-1), maxText) // beside the scroller's marker cell
	var lines []components.Line
	text := func(s string) { lines = append(lines, components.Text(" "+s)) }
	for i, uc := range p.useCases {
		if i > 0 {
			lines = append(lines, components.Text(""))
		}
		const hang = "   "
		title := components.Wrap(uc.Title, tw-len(hang))
		lines = append(lines, components.Item(th.Strong.Render(fmt.Sprintf("%d  %s", uc.Number, title[0])), i))
		for _, l := range title[1:] {
			text(hang + th.Strong.Render(l))
		}
		of := "of a country"
		if len(uc.Subjects) > 1 {
			of = "of a country or a Wikimedia region"
		}
		if p.preset != nil {
			of = "of " + model.CleanText(p.preset.Name())
		}
		text(hang + th.Muted.Render(fmt.Sprintf("%d questions, %s", len(uc.Questions), of)))
		for _, l := range components.Wrap("Actors: "+strings.Join(uc.Actors, ", "), tw-len(hang)) {
			text(hang + th.Muted.Render(l))
		}
	}
	lines = append(lines, components.Text(""))
	switch {
	case p.listErr != nil:
		for _, l := range components.Wrap("Saved checklists cannot be listed: "+model.CleanText(p.listErr.Error()), tw) {
			text(th.Error.Render(l))
		}
	case len(p.entries) == 0:
		for _, l := range components.Wrap("No saved checklist yet: verdicts and notes are kept as you go, and listed here to resume.", tw) {
			text(th.Muted.Render(l))
		}
	default:
		text(th.Heading.Render("Resume a saved checklist"))
		nameW := 8
		for _, e := range p.entries {
			nameW = max(nameW, ansi.StringWidth(model.CleanText(e.Subject)))
		}
		nameW = min(nameW, max(8, tw/3))
		for n, e := range p.entries {
			saved := "saved —"
			if !e.Saved.IsZero() {
				saved = "saved " + e.Saved.Local().Format("2006-01-02 15:04")
			}
			subject := model.CleanText(e.Subject)
			if subject == "" {
				subject = e.SubjectKey
			}
			if e.Problem != "" {
				// Listed, not hidden: opening it sets the file aside.
				line := fmt.Sprintf("Use case %d  %s  %s", e.UseCase, components.Fit(subject, nameW), th.Error.Render("unreadable: the file "+model.CleanText(e.Problem)+"; enter sets it aside"))
				lines = append(lines, components.Item(ansi.Truncate(line, tw, "…"), len(p.useCases)+n))
				continue
			}
			if len(e.Years) > 1 {
				saved += fmt.Sprintf(" · %d years", len(e.Years))
			}
			if e.Year != 0 {
				saved = fmt.Sprintf("%d · %s", e.Year, saved)
			}
			line := fmt.Sprintf("Use case %d  %s  %s  %s", e.UseCase, components.Fit(subject, nameW),
				components.Fit(fmt.Sprintf("%d of %d answered", e.Answered, e.Questions), 17), th.Muted.Render(saved))
			lines = append(lines, components.Item(line, len(p.useCases)+n))
		}
	}
	return lines
}

// foundLines are step 2's matches.
func (p *Picker) foundLines() []components.Line {
	th := p.ctx.Theme
	tw := min(max(1, p.width-1), maxText-20)
	if len(p.shown) == 0 {
		what := "No country matches"
		if len(p.useCases[p.chosen].Subjects) > 1 {
			what = "No country or region matches"
		}
		return []components.Line{components.Text(" " + th.Muted.Render(fmt.Sprintf("%s %q.", what, strings.TrimSpace(p.input.Value()))))}
	}
	q := model.Fold(strings.TrimSpace(p.input.Value()))
	// name · code or "region" · region or member count · people
	const codeW, popW = 6, 8
	nameW := min(32, max(12, tw*2/5))
	detailW := tw - nameW - 2 - codeW - 2 - 2 - popW
	if detailW < 8 {
		detailW = 0
	}
	lines := make([]components.Line, 0, len(p.shown))
	for n, i := range p.shown {
		c := &p.all[i]
		code, detail := "", ""
		if c.region {
			code = "region"
			detail = fmt.Sprintf("%d countries", c.members)
		} else {
			code = c.subject.Country.ISO2
			detail = model.CleanText(c.subject.Country.WikimediaRegion)
		}
		pop := "—"
		if c.pop > 0 {
			pop = report.Number(c.pop)
		}
		line := components.Fit(highlight(c.name, q, th.Match.Render), nameW) + "  " + components.Fit(code, codeW)
		if detailW > 0 {
			line += "  " + components.Fit(th.Muted.Render(detail), detailW)
		}
		line += "  " + components.FitRight(pop, popW)
		lines = append(lines, components.Item(line, n))
	}
	return lines
}

// highlight styles the part of a name that a folded query matched, when it
// matched as a substring (a name whose folding changes its length is left
// plain).
func highlight(name, q string, style func(...string) string) string {
	if q == "" {
		return name
	}
	f := model.Fold(name)
	at := strings.Index(f, q)
	if at < 0 || len([]rune(f)) != len([]rune(name)) {
		return name
	}
	runes := []rune(name)
	from := len([]rune(f[:at]))
	to := from + len([]rune(q))
	return string(runes[:from]) + style(string(runes[from:to])) + string(runes[to:])
}

// View draws the step, exactly width × height.
func (p *Picker) View() string {
	th := p.ctx.Theme
	if p.built != th.Name {
		p.relayout()
	}
	if p.styled != th.Name {
		p.styleInput()
	}
	if p.height == 0 {
		return ""
	}
	tw := max(1, p.width-1)
	if p.step == stepSubject {
		uc := p.useCases[p.chosen]
		what := "a country"
		if len(uc.Subjects) > 1 {
			what = "a country or a Wikimedia region"
		}
		head := " " + th.Heading.Render(fmt.Sprintf("Use case %d", uc.Number)) + th.Muted.Render(" · "+what+" · esc goes back")
		if p.msg != "" {
			head = " " + th.Error.Render(p.msg)
		}
		lines := []string{head, " " + p.input.View()}
		lines = append(lines, strings.Split(p.found.View(), "\n")...)
		return components.Frame(lines, p.width, p.height)
	}
	head := th.Heading.Render("Choose a use case") + th.Muted.Render(" · its reflection questions, one page each")
	if p.preset != nil {
		head = th.Heading.Render("Checklist for "+model.CleanText(p.preset.Name())) + th.Muted.Render(" · choose a use case · esc: any subject")
	}
	if p.msg != "" {
		head = th.Error.Render(ansi.Truncate(p.msg, tw, "…"))
	}
	lines := []string{" " + head}
	lines = append(lines, strings.Split(p.menu.View(), "\n")...)
	return components.Frame(lines, p.width, p.height)
}
