package compare

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/report"
)

// The countries compared side by side: at most maxCountries, each in a
// column of countryMinW to countryMaxW cells.
const (
	minCountries   = 2
	maxCountries   = 6
	countryMinW    = 18
	countryMaxW    = 30
	countryLabelW  = 18 // "Wikimedia region", "  rank in region"
	openWikiLines  = 3  // the most lines a country's open Wikipedias take
	countryScoreW  = 5  // "100.0"
	countryArrowW  = 2  // "▲ "
	countryMinBarW = 3
)

// marked are the marked countries the dataset knows, in mark order.
func (s *Screen) marked() []model.Country {
	var out []model.Country
	for _, iso := range s.ctx.Marks {
		if c, ok := s.ctx.Data.Country(iso); ok {
			out = append(out, c)
		}
	}
	return out
}

// compared are the marked countries shown: the first maxCountries.
func (s *Screen) compared() []model.Country {
	m := s.marked()
	return m[:min(len(m), maxCountries)]
}

// buildCountries lays out the countries view, keeping the selected column
// and the scroll position.
func (s *Screen) buildCountries() {
	th := s.ctx.Theme
	d := s.ctx.Data
	all := s.marked()
	shown := s.compared()
	g := &s.cmp
	g.th = th
	g.sel = byColumn
	g.groups = nil
	g.lines, g.head, g.widths = nil, nil, nil
	if len(shown) < minCountries {
		s.cmpHeading = s.headline("Countries compared, "+fmt.Sprint(s.ctx.Year), "v regions")
		s.cmpEmpty = s.explain(len(all), all)
		s.cmpNotes = s.fit(g, nil, "")
		return
	}
	s.cmpEmpty = nil

	// Profiles are read again only when the countries or the year change.
	key := fmt.Sprint(s.ctx.Year, s.ctx.Marks)
	if key != s.profilesKey {
		s.profiles = s.profiles[:0]
		for _, c := range shown {
			s.profiles = append(s.profiles, d.Profile(c, s.ctx.Year))
		}
		s.profilesKey = key
	}
	prs := s.profiles

	labelW := countryLabelW
	if s.width < 1+labelW+minCountries*(1+countryMinW) {
		labelW = max(10, s.width/4)
	}
	colW := (s.width - 1 - labelW) / len(shown)
	colW = min(countryMaxW, max(countryMinW, colW-1))
	g.frozenW = labelW
	// Over the names: how to read a score's cell.
	h1, h2 := []string{"score · rank"}, []string{""}
	for _, pr := range prs {
		c := pr.Country
		g.widths = append(g.widths, colW)
		two := twoLines(c.Name, colW, false)
		if two[1] == "" {
			two[1] = th.Muted.Render(c.ISO2 + " / " + c.ISO3)
		}
		h1, h2 = append(h1, two[0]), append(h2, two[1])
	}
	g.head = [][]string{h1, h2}

	row := func(label string, cell func(pr model.Profile) string) {
		cells := make([]string, len(prs))
		for i, pr := range prs {
			cells[i] = cell(pr)
		}
		g.lines = append(g.lines, gridLine{label: label, cells: cells, item: -1})
	}
	dash := th.Muted.Render("—")

	regions := make([]string, len(prs))
	for i, pr := range prs {
		regions[i] = pr.Country.WikimediaRegion
		if regions[i] == "" {
			regions[i] = "none"
		}
	}
	regionNames := names(regions, colW)
	i := 0
	row("Wikimedia region", func(model.Profile) string { i++; return regionNames[i-1] })
	row("Population", func(pr model.Profile) string {
		if f, ok := figure(pr, model.IndPopulation); ok {
			return report.Number(f.Point.Value)
		}
		return dash
	})
	row("Internet users", func(pr model.Profile) string {
		f, ok := figure(pr, model.IndInternet)
		if !ok {
			return dash
		}
		text := components.FitRight(report.Percent(f.Point.Value), 6)
		if bw := colW - 7; bw >= countryMinBarW {
			text += " " + components.Bar(th, f.Point.Value, bw)
		}
		return text
	})
	anyProtected := false
	row("Protection", func(pr model.Profile) string {
		if pr.Country.Protected {
			anyProtected = true
			return th.Strong.Render("protected")
		}
		return "not protected"
	})

	// Each domain: overall, presence and growth, each with a bar and its
	// rank in the country's Wikimedia region.
	rankW := 1
	for _, pr := range prs {
		for _, dp := range pr.Domains {
			for _, fs := range []model.FacetScore{dp.Overall, dp.Presence, dp.Growth} {
				rankW = max(rankW, len(rank(fs)))
			}
		}
	}
	for di, dom := range model.Domains() {
		g.lines = append(g.lines, gridLine{label: th.Heading.Render(strings.TrimSuffix(dom.Name, " Leadership")), cells: []string{}, item: -1})
		for _, f := range []model.Facet{model.Overall, model.Presence, model.Growth} {
			row("  "+string(f), func(pr model.Profile) string {
				if di >= len(pr.Domains) {
					return dash
				}
				return s.scoreCell(pr, pr.Domains[di], f, colW, rankW)
			})
		}
	}

	// The languages with an open Wikipedia, over a few lines.
	langs := make([][]string, len(prs))
	most := 1
	for i, pr := range prs {
		langs[i] = openWikipedias(pr, colW, openWikiLines)
		most = max(most, len(langs[i]))
	}
	for n := range most {
		label := ""
		switch n {
		case 0:
			label = "Languages with"
		case 1:
			label = "open Wikipedias"
		}
		cells := make([]string, len(prs))
		for i := range prs {
			if n < len(langs[i]) {
				cells[i] = langs[i][n]
			}
		}
		g.lines = append(g.lines, gridLine{label: label, cells: cells, item: -1})
	}
	if most == 1 {
		g.lines = append(g.lines, gridLine{label: "open Wikipedias", cells: []string{}, item: -1})
	}

	notes := []string{"Scores 0–100 (50 = the median country), each with its rank in the country's Wikimedia region (1 = top); growth ▲ strong ▼ weak • middling; " +
		components.MarkEstimated + " estimated from published figures, " + components.MarkModeled + " rests on modeled figures, a published score unmarked."}
	if anyProtected {
		notes = append(notes, "Protected: "+model.ProtectionNote+".")
	}
	notes = append(notes, s.sourcesNote(false))
	title := fmt.Sprintf("%d countries compared, %d", len(shown), s.ctx.Year)
	if out := len(all) - len(shown); out > 0 {
		title = fmt.Sprintf("%d of %d marked countries compared, %d (%d left out: x removes one)", len(shown), len(all), s.ctx.Year, out)
	}
	s.cmpHeading = s.headline(title, "←/→ select · x remove · enter open · v regions", "x remove · v regions")
	s.cmpNotes = s.fit(g, notes, s.shortNote())
}

// figure is one of a profile's context figures.
func figure(pr model.Profile, id string) (model.Figure, bool) {
	for _, f := range pr.Context {
		if f.Indicator.ID == id && f.OK {
			return f, true
		}
	}
	return model.Figure{}, false
}

// rank is a score's place in the country's Wikimedia region: "3/53".
func rank(fs model.FacetScore) string {
	if !fs.OK || fs.InRegion.Of == 0 {
		return "—"
	}
	return fmt.Sprintf("%d/%d", fs.InRegion.Pos, fs.InRegion.Of)
}

// scoreCell is a facet's score, bar and rank in region, the growth score
// after its arrow: "▼ 15.4 █▏··· 49/53".
func (s *Screen) scoreCell(pr model.Profile, dp model.DomainProfile, f model.Facet, w, rankW int) string {
	th := s.ctx.Theme
	var fs model.FacetScore
	switch f {
	case model.Presence:
		fs = dp.Presence
	case model.Growth:
		fs = dp.Growth
	default:
		fs = dp.Overall
	}
	if !fs.OK {
		why := "no data"
		switch {
		case f == model.Growth && !dp.HasGrowth:
			why = "no growth inputs"
		case f == model.Presence && fs.Explanation.Idle:
			why = model.NoActivity
		}
		text := strings.Repeat(" ", countryArrowW+countryScoreW-1) + "— " + why
		if ansi.StringWidth(text) > w {
			text = "— " + why
		}
		return th.Muted.Render(ansi.Truncate(text, w, "…"))
	}
	arrow := "  "
	if f == model.Growth {
		arrow = components.Arrow(th, model.GrowthSignal(fs.Score), true) + " "
	}
	text := arrow + components.FitRight(report.Score(fs.Score), countryScoreW)
	// The score's class mark (~ estimated, * modeled) takes the cell
	// after it.
	class, _ := s.ctx.Data.ScoreClass(pr.Country.ISO2, dp.Domain.ID, f, pr.Year)
	mark := components.ClassMark(th, class)
	r := components.FitRight(rank(fs), rankW)
	if bw := w - countryArrowW - countryScoreW - 1 - 1 - rankW; bw >= countryMinBarW {
		return text + mark + components.Bar(th, fs.Score, bw) + " " + r
	}
	return text + mark + r
}

// openWikipedias lists a country's languages whose Wikipedia is open,
// largest share first, over at most n lines of w cells, the count first
// ("3: English, Hausa,", "Yoruba"); names that do not fit are counted
// ("+12 more"), never cut.
func openWikipedias(pr model.Profile, w, n int) []string {
	var open []string
	for _, l := range pr.Languages {
		if l.HasWiki && l.Wikipedia.Open() {
			open = append(open, l.Name)
		}
	}
	if len(open) == 0 {
		return []string{"none"}
	}
	words := []string{fmt.Sprintf("%d:", len(open))}
	for i, name := range open {
		if i < len(open)-1 {
			name += ","
		}
		words = append(words, name)
	}
	var lines [][]string
	var cur []string
	curW := 0
	for _, word := range words {
		ww := ansi.StringWidth(word)
		if len(cur) > 0 && curW+1+ww > w {
			lines = append(lines, cur)
			cur, curW = nil, 0
		}
		if len(cur) > 0 {
			curW++
		}
		cur = append(cur, word)
		curW += ww
	}
	lines = append(lines, cur)
	more := ""
	if len(lines) > n {
		lines = lines[:n]
		placed := func() int {
			c := -1 // the count is not a name
			for _, l := range lines {
				c += len(l)
			}
			return c
		}
		for {
			more = fmt.Sprintf(" +%d more", len(open)-placed())
			last := strings.TrimSuffix(strings.Join(lines[n-1], " "), ",")
			if ansi.StringWidth(last+more) <= w || len(lines[n-1]) <= 1 {
				break
			}
			lines[n-1] = lines[n-1][:len(lines[n-1])-1]
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		text := strings.Join(l, " ")
		if i == len(lines)-1 && more != "" {
			text = strings.TrimSuffix(text, ",") + more
		}
		out[i] = ansi.Truncate(text, w, "…")
	}
	return out
}

// explain is the countries view when fewer than two countries are marked.
func (s *Screen) explain(n int, marked []model.Country) []string {
	th := s.ctx.Theme
	w := max(1, s.width-2)
	var out []string
	add := func(style func(...string) string, text string) {
		for _, l := range components.Wrap(text, w) {
			out = append(out, " "+style(l))
		}
	}
	add(th.Text.Render, fmt.Sprintf("Mark 2 to 6 countries with space in the Countries table, then press c there — %d marked now.", n))
	if n == 1 {
		add(th.Muted.Render, "Marked: "+marked[0].Name+".")
	}
	out = append(out, "")
	add(th.Muted.Render, "The countries are then set side by side: region, population, internet access, protection status, every domain's scores with their rank in the region, and the languages with an open Wikipedia.")
	out = append(out, "")
	add(th.Muted.Render, "v shows the regions instead.")
	return out
}
