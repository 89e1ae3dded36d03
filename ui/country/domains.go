package country

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/report"
)

// The domain table, one row per domain (here at 80 columns):
//
//	Domains, 2024     Overall ───── Presence ──────────────── Growth ──────────────
//	Domain            score 18–24   score      region   world  score region   world
//	Readership         55.8 █▅▅▆▅█▅  96.3 ███▉   1/53  10/242 ▼ 15.4  49/53 204/242
//
// From 120 columns the names are whole and both facets get bars, as long as
// the room allows. As the page narrows, parts drop in this order: the full
// names, the growth bar, the presence bar, the sparkline, then the ranks
// (growth before presence, world before region).
const (
	scoreW       = 5 // "100.0"
	growthW      = 6 // "▲ 55.2": the arrow and the score
	regionW      = 6 // "53/53" under "region"
	worldW       = 7 // "242/242"
	maxBar       = 20
	minBar       = 3 // a shorter bar says nothing
	overallAlone = 7 // "Overall"
)

// tableLayout is which parts of the domain table are drawn, and how wide.
type tableLayout struct {
	full           bool // full domain names
	name           int
	trend          int // sparkline cells; 0 drops it
	pBar, gBar     int // 0 drops a bar
	pRanks, gRanks int // 2 region and world, 1 region, 0 none
	gap            int // between the column groups
}

func ranksW(n int) int {
	w := 0
	if n >= 1 {
		w += 1 + regionW
	}
	if n >= 2 {
		w += 1 + worldW
	}
	return w
}

func barW(n int) int {
	if n > 0 {
		return 1 + n
	}
	return 0
}

// overallW is the overall score and its sparkline; without the sparkline
// the column is as wide as its name.
func (l tableLayout) overallW() int {
	if l.trend > 0 {
		return scoreW + 1 + l.trend
	}
	return overallAlone
}
func (l tableLayout) presenceW() int { return scoreW + barW(l.pBar) + ranksW(l.pRanks) }
func (l tableLayout) growthW() int   { return growthW + barW(l.gBar) + ranksW(l.gRanks) }

// total is the row's width, without the scroller's marker cell.
func (l tableLayout) total() int {
	return l.name + 1 + l.overallW() + l.gap + l.presenceW() + l.gap + l.growthW()
}

// newTableLayout picks the richest layout that fits width cells, then
// gives the room left to the bars: the presence bar first, both bars when
// there is room for two.
func newTableLayout(width, years int, wideNames bool) tableLayout {
	trend := min(years, 20)
	full, short := nameW(true), nameW(false)
	type step struct {
		l      tableLayout
		minBar int // the presence bar this step needs room for
	}
	var steps []step
	if wideNames {
		steps = append(steps, step{tableLayout{full: true, name: full, trend: trend, pRanks: 2, gRanks: 2, gap: 3}, 8})
	}
	steps = append(steps,
		step{tableLayout{name: short, trend: trend, pRanks: 2, gRanks: 2, gap: 2}, 4},
		step{tableLayout{name: short, trend: trend, pRanks: 2, gRanks: 2, gap: 1}, 3},
		step{tableLayout{name: short, trend: trend, pRanks: 2, gRanks: 2, gap: 1}, 0},
		step{tableLayout{name: short, pRanks: 2, gRanks: 2, gap: 1}, 0},
		step{tableLayout{name: short, pRanks: 2, gRanks: 1, gap: 1}, 0},
		step{tableLayout{name: short, pRanks: 2, gRanks: 0, gap: 1}, 0},
		step{tableLayout{name: short, pRanks: 1, gRanks: 0, gap: 1}, 0},
		step{tableLayout{name: short, pRanks: 0, gRanks: 0, gap: 1}, 0},
	)
	for _, st := range steps {
		l := st.l
		spare := width - l.total()
		if spare < barW(st.minBar) {
			continue
		}
		switch {
		case spare >= 2*barW(minBar):
			l.pBar = min(maxBar, spare/2-1)
			l.gBar = l.pBar
		case spare >= barW(minBar):
			l.pBar = min(maxBar, spare-1)
		}
		return l
	}
	return steps[len(steps)-1].l // the scroller cuts the rest
}

// nameW is the width of the longest domain name.
func nameW(full bool) int {
	w := 0
	for _, dom := range model.Domains() {
		w = max(w, ansi.StringWidth(domainName(dom, full)))
	}
	return w
}

// domainName is a domain's name for the table: the short form drops
// "Leadership", which every leadership domain shares.
func domainName(dom model.Domain, full bool) string {
	name := dom.Name
	if !full {
		name = strings.TrimSuffix(name, " Leadership")
	}
	if !dom.WeightsPublished {
		name += components.MarkProjectDefined
	}
	return name
}

// missingNote says why a score is missing.
func missingNote(dp model.DomainProfile, f model.Facet) string {
	switch {
	case f == model.Presence && dp.Presence.Explanation.Idle:
		return model.NoActivity
	case f == model.Growth && !dp.HasGrowth:
		return "no growth inputs"
	case dp.NoFigures:
		return model.NoFiguresNote
	case dp.Withheld != "" && f == model.Growth:
		// The presence cell says "withheld"; this one says why, which
		// the cells are too narrow to say together at 80 columns.
		return strings.TrimPrefix(dp.Withheld, "withheld: ")
	case dp.Withheld != "":
		return "withheld"
	}
	return "not enough data"
}

// trendValues are a domain's overall scores over the dataset's years, NaN
// where a year has none, so that the sparkline shows the gap.
func trendValues(years []int, trend []model.Point, n int) []float64 {
	at := make(map[int]float64, len(trend))
	for _, pt := range trend {
		at[pt.Year] = pt.Value
	}
	if len(years) > n {
		years = years[len(years)-n:]
	}
	out := make([]float64, len(years))
	for i, y := range years {
		v, ok := at[y]
		if !ok {
			v = math.NaN()
		}
		out[i] = v
	}
	return out
}

func yearsLabel(years []int, n int) string {
	if len(years) == 0 {
		return ""
	}
	if len(years) > n {
		years = years[len(years)-n:]
	}
	first, last := years[0], years[len(years)-1]
	if s := fmt.Sprintf("%d–%d", first, last); ansi.StringWidth(s) <= n {
		return s
	}
	if s := fmt.Sprintf("%02d–%02d", first%100, last%100); ansi.StringWidth(s) <= n {
		return s
	}
	return ""
}

func standing(fs model.FacetScore, st model.Standing) (string, bool) {
	if !fs.OK || st.Of == 0 {
		return "—", false
	}
	return fmt.Sprintf("%d/%d", st.Pos, st.Of), true
}

// domains writes the domain table: two heading lines, a selectable row per
// domain, the footnote for project-defined domains, and how to read it.
func (p *page) domains(d *model.Dataset, pr model.Profile, wideNames bool) {
	th := p.th
	// Rows are one cell narrower than text lines' width: the scroller's
	// marker takes the cell text lines leave blank.
	l := newTableLayout(p.width, len(d.Years), wideNames)
	gap := strings.Repeat(" ", l.gap)

	// The groups, each named over a rule as wide as it is.
	group := func(name string, w int) string {
		if w <= ansi.StringWidth(name)+1 {
			return components.Fit(name, w)
		}
		return name + " " + th.Muted.Render(strings.Repeat("─", w-ansi.StringWidth(name)-1))
	}
	title := fmt.Sprintf("Domains, %d", pr.Year)
	p.text(components.Fit(th.Heading.Render(title), l.name) + " " +
		group("Overall", l.overallW()) + gap + group("Presence", l.presenceW()) + gap + group("Growth", l.growthW()))

	heads := func(score string, scoreW, bar, ranks int) string {
		s := components.FitRight(score, scoreW) + strings.Repeat(" ", barW(bar))
		if ranks >= 1 {
			s += " " + components.FitRight("region", regionW)
		}
		if ranks >= 2 {
			s += " " + components.FitRight("world", worldW)
		}
		return s
	}
	overallHead := components.FitRight("score", l.overallW())
	if l.trend > 0 {
		overallHead = components.FitRight("score", scoreW)
		overallHead += " " + components.Fit(yearsLabel(d.Years, l.trend), l.trend)
	}
	p.text(components.Fit(th.Header.Render("Domain"), l.name) + " " +
		th.Label.Render(overallHead+gap+heads("score", scoreW, l.pBar, l.pRanks)+gap+heads("score", growthW, l.gBar, l.gRanks)))

	muted := func(s string) string { return th.Muted.Render(s) }
	// missing fills a group whose score is missing with a dash where the
	// score would be and the reason beside it.
	missing := func(note string, scoreW, w int) string {
		s := components.FitRight("—", scoreW)
		if ansi.StringWidth(s)+1+ansi.StringWidth(note) > w {
			s = "—"
		}
		return muted(components.Fit(s+" "+note, w))
	}
	ranks := func(fs model.FacetScore, n int) string {
		var s string
		if n >= 1 {
			r, ok := standing(fs, fs.InRegion)
			r = components.FitRight(r, regionW)
			if !ok {
				r = muted(r)
			}
			s += " " + r
		}
		if n >= 2 {
			r, ok := standing(fs, fs.InWorld)
			r = components.FitRight(r, worldW)
			if !ok {
				r = muted(r)
			}
			s += " " + r
		}
		return s
	}
	bar := func(score float64, n int) string {
		if n == 0 {
			return ""
		}
		return " " + components.Bar(th, score, n)
	}

	anyProjectDefined, anyMarked := false, false
	for i, dp := range pr.Domains {
		if !dp.Domain.WeightsPublished {
			anyProjectDefined = true
		}
		var b strings.Builder
		b.WriteString(components.Fit(domainName(dp.Domain, l.full), l.name))
		b.WriteString(" ")

		// Overall and its trend.
		overallW := scoreW
		if l.trend == 0 {
			overallW = l.overallW()
		}
		// The overall score's class mark (~ estimated, * modeled) takes
		// the cell after it.
		mark := " "
		if dp.Overall.OK {
			b.WriteString(components.FitRight(report.Score(dp.Overall.Score), overallW-1))
			mark = components.ClassMark(th, dp.Class)
			anyMarked = anyMarked || dp.Class == model.ClassEstimated || dp.Class == model.ClassModeled
		} else {
			b.WriteString(muted(components.FitRight("—", overallW-1)))
		}
		b.WriteString(mark)
		if l.trend > 0 {
			b.WriteString(" " + components.Fit(components.Sparkline(trendValues(d.Years, dp.Trend, l.trend)), l.trend))
		}
		b.WriteString(gap)

		// Presence.
		if pres := dp.Presence; pres.OK {
			b.WriteString(components.FitRight(report.Score(pres.Score), scoreW))
			b.WriteString(bar(pres.Score, l.pBar))
			b.WriteString(ranks(pres, l.pRanks))
		} else {
			b.WriteString(missing(missingNote(dp, model.Presence), scoreW, l.presenceW()))
		}
		b.WriteString(gap)

		// Growth, with its arrow.
		if gr := dp.Growth; gr.OK {
			b.WriteString(components.Arrow(th, model.GrowthSignal(gr.Score), true))
			b.WriteString(components.FitRight(report.Score(gr.Score), growthW-1))
			b.WriteString(bar(gr.Score, l.gBar))
			b.WriteString(ranks(gr, l.gRanks))
		} else {
			b.WriteString(missing(missingNote(dp, model.Growth), growthW, l.growthW()))
		}
		p.item(b.String(), i)
	}

	// One line of key at 80 columns, so that languages show on the
	// first page; the help and the indicator screen say the rest.
	read := "0–100, 50 = median · 2/50 = 2nd of 50 · growth ▲ strong ▼ weak • middling"
	if anyMarked {
		read += " · " + components.MarkEstimated + " estimated " + components.MarkModeled + " modeled"
	}
	if anyProjectDefined {
		read += " · " + components.MarkProjectDefined + " project-defined"
	}
	for _, line := range components.Wrap(read, p.width) {
		p.text(muted(line))
	}
}
