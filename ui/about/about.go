// Package about is the About section: which dataset is open, where its
// figures come from and under which licences, what is modeled, and how the
// scores are made.
package about

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/keys"
	"github.com/equitylandscape/equity/ui/report"
)

// Screen is the About page.
type Screen struct {
	ctx    *common.Context
	keys   keys.Movement
	page   components.Scroller
	width  int
	height int
	// drawn is the theme the lines were styled with: the theme changes in
	// place when the terminal's background becomes known.
	drawn string
}

// New builds the page.
func New(ctx *common.Context) *Screen {
	s := &Screen{ctx: ctx, keys: keys.NewMovement(), page: components.NewScroller(ctx.Theme)}
	return s
}

// SetSize lays the page out again for the width.
func (s *Screen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.page.SetSize(w, h)
	s.page.SetLines(s.lines())
	s.drawn = s.ctx.Theme.Name
}

// Crumb names the page.
func (s *Screen) Crumb() string { return "About" }

// Capturing is never true: the page has no input.
func (s *Screen) Capturing() bool { return false }

// Back leaves it to the root.
func (s *Screen) Back() bool { return false }

// Status names the open database.
func (s *Screen) Status() []string { return []string{s.ctx.Data.Meta.Origin} }

// Keys scroll the page.
func (s *Screen) Keys() help.KeyMap { return aboutKeys{s.keys} }

type aboutKeys struct{ m keys.Movement }

func (k aboutKeys) ShortHelp() []key.Binding  { return []key.Binding{k.m.Down, k.m.PageDown} }
func (k aboutKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.m.All()} }

// Update scrolls.
func (s *Screen) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	s.page.Update(msg)
	return s, nil
}

// View draws the page.
func (s *Screen) View() string {
	if s.drawn != s.ctx.Theme.Name {
		s.SetSize(s.width, s.height)
	}
	return s.page.View()
}

// lines writes the page for the current width.
func (s *Screen) lines() []components.Line {
	th := s.ctx.Theme
	d := s.ctx.Data
	w := max(20, s.width-2)
	var out []components.Line
	add := func(text string) { out = append(out, components.Text(" "+text)) }
	para := func(style func(...string) string, text string) {
		for _, l := range strings.Split(ansi.Wordwrap(text, w, ""), "\n") {
			add(style(l))
		}
	}
	heading := func(text string) {
		out = append(out, components.Text(""))
		add(th.Heading.Render(text))
	}

	add(th.Heading.Render(d.Meta.Title))
	field := func(label, value string) {
		add(th.Label.Render(fmt.Sprintf("%-16s", label)) + th.Text.Render(value))
	}
	field("Open", d.Meta.Origin)
	kind := d.Meta.Kind
	if kind == model.KindSample {
		kind = "sample — real, estimated and MODELED figures, each marked"
	}
	field("Kind", kind)
	field("Built", d.Meta.BuiltAt)
	field("Years", report.YearSpan(d.Years))
	field("Countries", fmt.Sprint(len(d.Countries)))
	if d.DefaultYear() != 0 {
		// Why the explorer opened where it did, in full.
		out = append(out, components.Text(""))
		para(th.Text.Render, "Opens on "+d.Opening().Why()+".")
	}
	if d.Meta.Notes != "" {
		out = append(out, components.Text(""))
		para(th.Note.Render, d.Meta.Notes)
	}

	heading("What is modeled")
	var modeled, real []string
	for _, ind := range d.Indicators {
		if ind.Derived() {
			continue
		}
		if ind.Modeled {
			modeled = append(modeled, ind.Name)
		} else {
			real = append(real, ind.Name)
		}
	}
	if len(modeled) > 0 {
		para(th.Text.Render, "MODELED, not published: "+strings.Join(modeled, ", ")+".")
	}
	if len(real) > 0 {
		para(th.Text.Render, "Real, from the sources below: "+strings.Join(real, ", ")+"; and every country's identity, regions, classifications, protection status, data risk score and languages.")
	}

	heading("Sources")
	for _, src := range d.Sources {
		add(th.Strong.Render(src.Title) + th.Muted.Render(fmt.Sprintf(" — %s, %d, %s", src.Publisher, src.Year, src.Licence)))
		if src.URL != "" {
			add("  " + th.Muted.Render(src.URL))
		}
		if src.Note != "" {
			for _, l := range strings.Split(ansi.Wordwrap(src.Note, w-2, ""), "\n") {
				add("  " + th.Text.Render(l))
			}
		}
	}

	heading("How the scores are made")
	for _, p := range []string{
		"Each input becomes a percentile rank across the countries that have it (0 lowest, 100 highest; ties share the middle of their places).",
		"A facet score (presence or growth) is the weighted mean of its inputs' ranks, the weights renormalised over the inputs a country has; less than half of the weight gives no score.",
		"The facet scores are ranked again to 0–100, so the median country sits at 50. A domain's score is the mean of presence and growth, or presence alone where there is no growth.",
		"Growth inputs are year-over-year rates; from a zero base a rate is missing, not infinite. Grant dollars are divided by GDP per capita (PPP).",
		"Where the Equity Landscape is silent, this project's choice: a country whose presence inputs in a domain are all zero has no activity there and gets no presence score. The weights of Affiliates and Access, and grants growth, are project-defined (marked †).",
		"Access (internet users %, mobile subscriptions per 100; growth: the change of each) is scored from the World Bank's real figures; a year without a figure takes the most recent earlier one (at most 5 years older), shown with its own year. Literacy stays a context figure, shown on the country screen and in checklist question 1.3.",
		"Growth arrows: ▲ growth score of " + fmt.Sprint(model.GrowthStrong) + " or more, ▼ " + fmt.Sprint(model.GrowthWeak) + " or less, • in between.",
	} {
		para(th.Text.Render, "• "+p)
	}

	heading("Where the Foundation's pipeline differs")
	para(th.Muted.Render, "The Foundation's own scoring code is public (wikimedia/analytics-refinery, hql/gdi/equity_landscape); its data was never published. This project follows it, except:")
	for _, p := range []string{
		"Growth: the pipeline takes a ratio, this year ÷ last (1.10); this project a rate, (this − last) ÷ last (+10%). Both rank countries alike; the indicator screen shows the ratio (×1.100) beside the rate.",
		"Missing inputs: the pipeline counts a missing input as zero (COALESCE(x, 0)); this project leaves it out and renormalises the weights over the inputs present, and gives no score with less than half of the weight.",
		"Access: the pipeline also scores two Social Progress Index inputs (access to basic knowledge, access to information) and the GSMA Mobile Connectivity Index; no public copy of them is here, so Access rests on the World Bank's two inputs. Its growth inputs are internet users' change and the connectivity index's; this project takes the change of the two inputs it has. Its weights are not published: these are project-defined (marked †).",
		"Affiliates: the inputs are the pipeline's (number of affiliates, the largest one's size class 1–5, its size growth, the years since the first one's recognition, the most formal governance: 0 none, 1 consensus, 2 board), so that your own affiliates figures fit them; the bundled figures are MODELED and the weights project-defined.",
	} {
		para(th.Text.Render, "• "+p)
	}

	heading("Protected countries")
	para(th.Text.Render, "Countries on the Wikimedia country and territory protection list say so on their page: "+model.ProtectionNote+".")
	para(th.Text.Render, "The rule: "+model.ProtectionRule)
	para(th.Text.Render, "A raw count is a figure that counts people or things (devices, pageviews, editors, event organizers and participants, grants, affiliates and their tenure); it is imported when a real release replaced the modeled one. Modeled figures are nobody's data and stay exact; shares and dollars are not counts, and growth rates are derived figures.")
	return out
}
