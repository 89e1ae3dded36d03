package compare

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/report"
)

// Column widths of the regions view with one column per region: 8
// Wikimedia regions fit from 141 cells, with the measures' names whole
// from 150.
const (
	minColW   = 14
	maxColW   = 18
	minLabelW = 19 // "  Editorship median"
	rowBarW   = 6  // a bar in the layout with one row per region
	minBarW   = 3  // a shorter bar says nothing
)

// barKind is how a measure's bar is drawn.
type barKind int

const (
	noBar     barKind = iota
	scaledBar         // the largest region fills the bar
	scoreBar          // a 0–100 score: 100 fills the bar, whatever the largest
	ratioBar          // scaled to the largest ratio, with 1.0 marked
)

// group is a set of measures under one heading.
type group int

const (
	groupPeople group = iota
	groupScores
	groupShares
	groupRatios
)

// heading is a group's heading in the layout with one column per region,
// where it spans the page and can explain.
func (g group) heading() string {
	switch g {
	case groupPeople:
		return "People"
	case groupScores:
		return "Domain scores, 0–100: the countries' mean weighted by population, and their median"
	case groupShares:
		return "Share of the movement: the region's part of the world's readers, editors, grant dollars, affiliates"
	}
	return "Representation ratio (this project's measure, not the Equity Landscape's): share of the movement ÷ share of the world's internet users; below 1 = underrepresented, above 1 = overrepresented; the bar is █ up to 1, ▓ beyond, and │ marks 1"
}

// short names a group over its columns when regions are rows.
func (g group) short() string {
	switch g {
	case groupPeople:
		return "People"
	case groupScores:
		return "Domain scores, 0–100"
	case groupShares:
		return "Share of the movement"
	}
	return "Representation ratio†"
}

// measure is one figure of a region: a row when regions are columns, a
// column when regions are rows.
type measure struct {
	group group
	label string    // its name beside the values (regions as columns)
	short string    // the same, where the names have less room
	title [2]string // its two-line column title (regions as rows)
	bar   barKind
	get   func(r *model.Region) (float64, bool)
	text  func(v float64) string
}

func part(p func(r *model.Region) model.Part, share bool) func(r *model.Region) (float64, bool) {
	return func(r *model.Region) (float64, bool) {
		x := p(r)
		if share {
			return x.Share, x.OK
		}
		return x.Amount, x.OK
	}
}

func ratio(p func(r *model.Region) model.Ratio) func(r *model.Region) (float64, bool) {
	return func(r *model.Region) (float64, bool) {
		x := p(r)
		return x.Value, x.OK
	}
}

// measures lists what the regions view shows, in order.
func measures() []measure {
	count := func(v float64) string { return report.Count(int(v)) }
	ms := []measure{
		{groupPeople, "Countries", "", [2]string{"Countries", ""}, scaledBar,
			func(r *model.Region) (float64, bool) { return float64(len(r.Countries)), true }, count},
		{groupPeople, "Population", "", [2]string{"Population", ""}, noBar,
			part(func(r *model.Region) model.Part { return r.Population }, false), report.Number},
		{groupPeople, "  % of world", "", [2]string{"Population", "% of world"}, scaledBar,
			part(func(r *model.Region) model.Part { return r.Population }, true), report.Percent},
		{groupPeople, "Internet users", "", [2]string{"Internet", "users"}, noBar,
			part(func(r *model.Region) model.Part { return r.InternetUsers }, false), report.Number},
		{groupPeople, "  % of world", "", [2]string{"Internet", "% of world"}, scaledBar,
			part(func(r *model.Region) model.Part { return r.InternetUsers }, true), report.Percent},
	}
	for i, dom := range model.Domains() {
		name := strings.TrimSuffix(dom.Name, " Leadership")
		first, _, _ := strings.Cut(name, " ")
		ms = append(ms,
			measure{groupScores, name + " mean", first + " mean", [2]string{first, "mean"}, scoreBar,
				func(r *model.Region) (float64, bool) {
					if i >= len(r.Domains) {
						return 0, false
					}
					return r.Domains[i].WeightedMean, r.Domains[i].HasWeighted
				}, report.Score},
			measure{groupScores, name + " median", first + " median", [2]string{first, "median"}, scoreBar,
				func(r *model.Region) (float64, bool) {
					if i >= len(r.Domains) {
						return 0, false
					}
					return r.Domains[i].Median, r.Domains[i].OK
				}, report.Score},
		)
	}
	ms = append(ms,
		measure{groupShares, "Readers", "", [2]string{"Readers", "share"}, scaledBar,
			part(func(r *model.Region) model.Part { return r.Readers }, true), report.Percent},
		measure{groupShares, "Editors", "", [2]string{"Editors", "share"}, scaledBar,
			part(func(r *model.Region) model.Part { return r.Editors }, true), report.Percent},
		measure{groupShares, "Grant dollars", "", [2]string{"Grant $", "share"}, scaledBar,
			part(func(r *model.Region) model.Part { return r.Grants }, true), report.Percent},
		measure{groupShares, "Affiliates", "", [2]string{"Affiliates", "share"}, scaledBar,
			part(func(r *model.Region) model.Part { return r.Affiliates }, true), report.Percent},
		measure{groupRatios, "Readers", "", [2]string{"Readers", "ratio"}, ratioBar,
			ratio(func(r *model.Region) model.Ratio { return r.ReadersRatio }), ratioText},
		measure{groupRatios, "Editors", "", [2]string{"Editors", "ratio"}, ratioBar,
			ratio(func(r *model.Region) model.Ratio { return r.EditorsRatio }), ratioText},
		measure{groupRatios, "Grants", "", [2]string{"Grants", "ratio"}, ratioBar,
			ratio(func(r *model.Region) model.Ratio { return r.GrantsRatio }), ratioText},
	)
	for i := range ms {
		if ms[i].short == "" {
			ms[i].short = ms[i].label
		}
	}
	return ms
}

// values are one measure over the regions, with what its cells need.
type values struct {
	m     measure
	v     []float64
	ok    []bool
	texts []string
	textW int
	top   float64 // the largest value, which fills the bar
}

func measureValues(m measure, regions []model.Region) values {
	mv := values{m: m, v: make([]float64, len(regions)), ok: make([]bool, len(regions)), texts: make([]string, len(regions)), textW: 1}
	for i := range regions {
		v, ok := m.get(&regions[i])
		if ok && (math.IsNaN(v) || math.IsInf(v, 0)) {
			ok = false
		}
		mv.v[i], mv.ok[i] = v, ok
		if ok {
			mv.texts[i] = m.text(v)
			mv.top = math.Max(mv.top, v)
		} else {
			mv.texts[i] = "—"
		}
		mv.textW = max(mv.textW, ansi.StringWidth(mv.texts[i]))
	}
	return mv
}

// cell draws region i's value, right-aligned in the measure's text width,
// and its bar in what is left of w cells.
func (s *Screen) cell(mv values, i, w int) string {
	th := s.ctx.Theme
	text := components.FitRight(mv.texts[i], mv.textW)
	if !mv.ok[i] {
		return th.Muted.Render(text)
	}
	bw := w - mv.textW - 1
	if mv.m.bar == noBar || bw < minBarW {
		return text
	}
	switch mv.m.bar {
	case ratioBar:
		return text + " " + ratioBarOf(th, mv.v[i], mv.top, bw)
	case scoreBar:
		return text + " " + components.Bar(th, mv.v[i], bw)
	default:
		score := 0.0
		if mv.top > 0 {
			score = 100 * mv.v[i] / mv.top
		}
		return text + " " + components.Bar(th, score, bw)
	}
}

// groupingNoun names one group of a grouping, for the regions' column.
func groupingNoun(g model.Grouping) string {
	switch g {
	case model.GroupWikimedia:
		return "Wikimedia region"
	case model.GroupSubregion:
		return "UN sub-region"
	case model.GroupContinent:
		return "UN continent"
	case model.GroupEmerging:
		return "Class"
	case model.GroupEconomic:
		return "North or South"
	}
	return "Group"
}

// regionsLayout is how the regions are set for a width: one column each
// (labelW and colW) when they all fit, else one row each.
type regionsLayout struct {
	columns bool
	labelW  int
	colW    int
}

func newRegionsLayout(width, regions, labelW int) regionsLayout {
	if regions == 0 {
		return regionsLayout{}
	}
	fw := labelW
	cw := (width-1-fw)/regions - 1
	if cw < minColW {
		fw = max(minLabelW, width-1-regions*(1+minColW))
		cw = (width-1-fw)/regions - 1
	}
	if cw < minColW {
		return regionsLayout{}
	}
	return regionsLayout{columns: true, labelW: fw, colW: min(cw, maxColW)}
}

// buildRegions lays out the regions view for the context's year, the
// grouping and the body's size, keeping the cursor and scroll positions.
func (s *Screen) buildRegions() {
	th := s.ctx.Theme
	d := s.ctx.Data
	if s.agg.Grouping != s.grouping || s.agg.Year != s.ctx.Year || s.agg.Regions == nil {
		s.agg = d.Aggregate(s.grouping, s.ctx.Year)
	}
	regions := s.agg.Regions
	regionNames := make([]string, len(regions))
	for i, r := range regions {
		regionNames[i] = r.Name
	}
	ms := measures()
	labelW := 0
	for _, m := range ms {
		labelW = max(labelW, 2+ansi.StringWidth(m.label))
	}
	lay := newRegionsLayout(s.width, len(regions), labelW)
	if lay.labelW < labelW {
		for i := range ms {
			ms[i].label = ms[i].short
		}
	}
	s.rowsLayout = !lay.columns

	g := &s.reg
	g.th = th
	g.lines, g.groups, g.head = nil, nil, nil
	var notes []string
	if lay.columns {
		g.sel = byColumn
		g.frozenW = lay.labelW
		g.widths = make([]int, len(regions))
		h1, h2 := []string{""}, []string{"Measure"}
		abbreviate := allAbbreviated(regionNames, lay.colW)
		for i, r := range regions {
			g.widths[i] = lay.colW
			two := twoLines(r.Name, lay.colW, abbreviate)
			h1, h2 = append(h1, two[0]), append(h2, two[1])
		}
		g.head = [][]string{h1, h2}
		last := group(-1)
		for _, m := range ms {
			if m.group != last {
				if last >= 0 {
					g.lines = append(g.lines, gridLine{item: -1})
				}
				for _, l := range s.groupHeading(m.group, max(1, s.width-1)) {
					g.lines = append(g.lines, gridLine{text: l, item: -1})
				}
				last = m.group
			}
			mv := measureValues(m, regions)
			cells := make([]string, len(regions))
			for i := range regions {
				cells[i] = s.cell(mv, i, lay.colW)
			}
			g.lines = append(g.lines, gridLine{label: "  " + m.label, cells: cells, item: -1})
		}
	} else {
		g.sel = byRow
		nameW := 0
		for _, n := range regionNames {
			nameW = max(nameW, ansi.StringWidth(n))
		}
		g.frozenW = min(nameW, max(16, s.width*8/25))
		shown := names(regionNames, g.frozenW)
		g.head = [][]string{{groupingNoun(s.grouping)}, {""}}
		g.widths = nil
		cols := make([][]string, len(regions))
		for _, m := range ms {
			mv := measureValues(m, regions)
			w := max(ansi.StringWidth(m.title[0]), ansi.StringWidth(m.title[1]), mv.textW)
			if m.bar != noBar {
				w = max(w, mv.textW+1+rowBarW)
			}
			g.widths = append(g.widths, w)
			g.groups = append(g.groups, m.group.short())
			g.head[0] = append(g.head[0], m.title[0])
			g.head[1] = append(g.head[1], m.title[1])
			for i := range regions {
				cols[i] = append(cols[i], s.cell(mv, i, w))
			}
		}
		for i := range regions {
			g.lines = append(g.lines, gridLine{label: shown[i], cells: cols[i], item: i})
		}
		notes = append(notes, "Scores 0–100: mean weighted by population, and median of the countries. †Ratio: share of the movement ÷ share of the world's internet users, this project's measure; below 1 = underrepresented (bar: █ up to 1, ▓ beyond, │ marks 1).")
	}
	notes = append([]string{s.sourcesNote(true)}, notes...)
	s.regHeading = s.headline(s.grouping.Title()+", "+fmt.Sprint(s.ctx.Year),
		"g grouping · y year · enter its countries · v marked countries",
		"g grouping · y year · enter countries · v marked", "g grouping · y year")
	s.regNotes = s.fit(g, notes, s.shortNote())
}

// groupHeading is a group's heading in lines of w cells: its name in the
// heading style, the explanation after it.
func (s *Screen) groupHeading(g group, w int) []string {
	th := s.ctx.Theme
	lines := components.Wrap(g.heading(), w)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = th.Label.Render(l)
	}
	name, rest := lines[0], ""
	if i := strings.IndexAny(name, ":("); i > 0 {
		name, rest = name[:i], name[i:]
	}
	out[0] = th.Heading.Render(name) + th.Label.Render(rest)
	return out
}

// sourcesNote says which figures are modeled and which are real, with
// their sources.
func (s *Screen) sourcesNote(regions bool) string {
	d := s.ctx.Data
	named := func(what, src string) string {
		if src == "" {
			return what
		}
		return what + " (" + src + ")"
	}
	real := named("population", sourceOf(d, model.IndPopulation)) + ", " + named("internet users", sourceOf(d, model.IndInternet))
	where := "behind these scores"
	if regions {
		where = "behind these shares, scores and ratios"
	}
	if note := report.ModeledNote(d, where); note != "" {
		return note + ". Real: " + real + "."
	}
	return "Sources: " + real + ", " + named("activity", sourceOf(d, model.ShareEditors)) + "."
}

// shortNote is the sources note in one line, for a window short of room.
func (s *Screen) shortNote() string {
	if !s.ctx.Data.Modeled() {
		return "population and internet users: real figures"
	}
	modeled := "MODELED"
	if !s.ctx.Data.FullyModeled() {
		modeled = "partly MODELED"
	}
	if s.view == countriesView {
		return "rank: place in the Wikimedia region · " + components.MarkEstimated + " estimated " + components.MarkModeled + " modeled"
	}
	return modeled + " scores, shares, ratios · real population, internet"
}
