package checklist

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/equitylandscape/equity/model"
)

// Each question is answered in its own form (model.AnswerForm): yes/no
// with y, n and ?; a count that c confirms from the data or t types; a set
// of countries, the data's candidates kept unless x strikes them, others
// added with t, all taken with c; a scale with 1–4, or c for the point the
// data proposes.

// form is the form of the question on the page.
func (s *Screen) form() model.AnswerForm { return s.current().Question.Form }

// formKeys are the bindings the page's form takes.
func (s *Screen) formKeys() Keys {
	k := s.keys
	f := s.form()
	k.Amount.SetEnabled(s.takesAmount())
	k.Yes.SetEnabled(f == model.FormYesNo)
	k.No.SetEnabled(f == model.FormYesNo)
	k.Confirm.SetEnabled(f != model.FormYesNo)
	k.Type.SetEnabled(f == model.FormNumber || f == model.FormSet)
	k.Strike.SetEnabled(f == model.FormSet)
	k.Scale.SetEnabled(f == model.FormScale)
	k.Open.SetEnabled(len(s.items()) > 0)
	return k
}

// confirm takes what the data proposes as the answer.
func (s *Screen) confirm() tea.Cmd {
	a := s.current()
	v, err := model.ParseVerdict(a, "data", nil)
	if err != nil {
		s.say(false, err.Error())
		return nil
	}
	if a.Form == model.FormSet {
		// The candidates kept are those not struck before.
		v = s.setVerdict()
		v.Keep = nil
		for _, m := range a.Proposal.Candidates {
			if !slices.Contains(v.Strike, m.ISO2) {
				v.Keep = append(v.Keep, m.ISO2)
			}
		}
	}
	return s.give(v)
}

// setVerdict is the set answer so far: the verdict given, or a new one.
func (s *Screen) setVerdict() model.Verdict {
	v := s.verdicts[s.current().Question.ID]
	if v.Answer != model.VerdictSet {
		return model.Verdict{Answer: model.VerdictSet}
	}
	v.Keep, v.Strike, v.Add = slices.Clone(v.Keep), slices.Clone(v.Strike), slices.Clone(v.Add)
	return v
}

// item is a country a set question's page lists: a candidate of the data,
// or one the user added.
type item struct {
	m      model.Mention
	added  bool
	struck bool
}

// items are the countries the page lists and enter opens: for a set
// question its candidates and the countries added, for the others the
// countries the evidence names.
func (s *Screen) items() []item {
	a := s.current()
	if a.Form != model.FormSet {
		out := make([]item, len(a.Mentions))
		for i, m := range a.Mentions {
			out[i] = item{m: m}
		}
		return out
	}
	v := s.verdicts[a.Question.ID]
	var out []item
	for _, m := range a.Proposal.Candidates {
		out = append(out, item{m: m, struck: v.Answer == model.VerdictSet && slices.Contains(v.Strike, m.ISO2)})
	}
	if v.Answer == model.VerdictSet {
		for _, iso := range v.Add {
			m := model.Mention{ISO2: iso, Name: iso, Rule: "added by you"}
			if c, ok := s.ctx.Data.Country(iso); ok {
				m.Name = c.Name
			}
			out = append(out, item{m: m, added: true, struck: slices.Contains(v.Strike, iso)})
		}
	}
	return out
}

// toggleStrike strikes the selected country from the set, or keeps it again.
func (s *Screen) toggleStrike() tea.Cmd {
	if !s.ready() {
		return nil
	}
	its := s.items()
	i, ok := s.body.Selected()
	if !ok || i >= len(its) {
		s.say(false, "Select a country with ↑/↓ first; x strikes it from the set or keeps it again.")
		return nil
	}
	v := s.setVerdict()
	iso := its[i].m.ISO2
	if its[i].struck {
		v.Strike = slices.DeleteFunc(v.Strike, func(c string) bool { return c == iso })
	} else {
		v.Strike = append(v.Strike, iso)
	}
	v.Keep = nil
	for _, m := range s.current().Proposal.Candidates {
		if !slices.Contains(v.Strike, m.ISO2) {
			v.Keep = append(v.Keep, m.ISO2)
		}
	}
	return s.give(v)
}

// setScale records the scale's point for key 1–4.
func (s *Screen) setScale(k string) tea.Cmd {
	levels := model.ScaleLevels()
	n := int(k[0] - '1')
	if n < 0 || n >= len(levels) {
		return nil
	}
	return s.give(model.Verdict{Answer: levels[n]})
}

// startEntry opens the input for a count or for countries to add.
func (s *Screen) startEntry() {
	s.mode = entering
	s.entryErr = ""
	s.entry.SetValue("")
	if s.form() == model.FormNumber {
		s.entry.Prompt = "Affiliates (your count): "
		s.entry.Placeholder = "a whole number"
		if p := s.current().Proposal; p.HasCount {
			s.entry.Placeholder = fmt.Sprintf("a whole number; the data counts %s", p.Answer)
		}
	} else {
		s.entry.Prompt = "Add countries: "
		s.entry.Placeholder = "names or codes, separated by commas (KE, Uganda)"
	}
	s.entry.CursorEnd()
	s.built.dirty = true
}

// entryKey handles a key while a count or countries are typed.
func (s *Screen) entryKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		s.mode = reading
		s.entry.Blur()
		s.built.dirty = true
		return nil
	case "enter":
		v, err := s.parseEntry(cleanTyped(s.entry.Value()))
		if err != nil {
			s.entryErr = model.CleanText(err.Error())
			return nil
		}
		s.mode = reading
		s.entry.Blur()
		return s.give(v)
	}
	var cmd tea.Cmd
	s.entry, cmd = s.entry.Update(msg)
	s.entryErr = ""
	return cmd
}

// parseEntry reads a count, or countries to add to the set.
func (s *Screen) parseEntry(text string) (model.Verdict, error) {
	a := s.current()
	find := func(q string) (string, error) {
		c, err := s.ctx.Data.FindCountry(q)
		return c.ISO2, err
	}
	if a.Form == model.FormNumber {
		return model.ParseVerdict(a, text, find)
	}
	v := s.setVerdict()
	for _, part := range strings.Split(text, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		iso, err := find(part)
		if err != nil {
			return model.Verdict{}, err
		}
		v.Strike = slices.DeleteFunc(v.Strike, func(c string) bool { return c == iso })
		isCand := slices.ContainsFunc(a.Proposal.Candidates, func(m model.Mention) bool { return m.ISO2 == iso })
		if !isCand && !slices.Contains(v.Add, iso) {
			v.Add = append(v.Add, iso)
		}
	}
	v.Keep = nil
	for _, m := range a.Proposal.Candidates {
		if !slices.Contains(v.Strike, m.ISO2) {
			v.Keep = append(v.Keep, m.ISO2)
		}
	}
	return v, nil
}

// cleanTyped drops from typed text what a terminal would obey (control and
// bidirectional-override characters), keeping its lines.
func cleanTyped(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = model.CleanText(l)
	}
	return strings.Join(lines, "\n")
}
