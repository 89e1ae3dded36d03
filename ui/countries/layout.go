package countries

import (
	"fmt"

	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/theme"
)

// colKind is what a column shows.
type colKind int

const (
	colName colKind = iota
	colCode
	colRegion
	colPop
	colInternet
	colDomain // colDomain + i for the i-th domain
)

// Column widths. A domain is a score, a bar and a growth arrow when there
// is room ("74.5 ████▌ ▲"), and a score and an arrow when there is not.
const (
	nameWidth       = 24
	nameMinWidth    = 15
	nameNarrowWidth = 14 // without the internet column, so 80 columns hold every domain
	codeWidth       = 4
	regionWidth     = 22
	regionFullWidth = 39 // "Central & Eastern Europe & Central Asia"
	regionAbbrW     = 6
	popWidth        = 8
	internetWidth   = 10 // "100.0% ’14": an old figure says its year
	barWidth        = 5
	domainWide      = 5 + 1 + barWidth + 1 + 1
	domainNarrow    = 5 + 1 + 1
	gutterAndGaps   = 2 // the table's cursor and mark cells
	columnGap       = 1
	extraNameWidth  = 8 // the most a wide terminal adds to the name column
)

// layout is the columns chosen for a width. Columns drop by priority as the
// terminal narrows: first the bars, then the region's full name, then the
// code, then (at 80 columns) the internet users, which the Access score
// ranks, so that every domain still fits; past that the table scrolls
// sideways with the name frozen. The status line names the sort column
// when it is not shown.
type layout struct {
	kinds      []colKind
	widths     []int
	bars       bool
	fullRegion bool
}

func newLayout(width int) layout {
	try := func(bars, fullRegion, code bool, name int, online bool) layout {
		l := layout{bars: bars, fullRegion: fullRegion}
		add := func(k colKind, w int) { l.kinds = append(l.kinds, k); l.widths = append(l.widths, w) }
		add(colName, name)
		if code {
			add(colCode, codeWidth)
		}
		if fullRegion {
			add(colRegion, regionWidth)
		} else {
			add(colRegion, regionAbbrW)
		}
		add(colPop, popWidth)
		if online {
			add(colInternet, internetWidth)
		}
		for i := range len(model.Domains()) {
			if bars {
				add(colDomain+colKind(i), domainWide)
			} else {
				add(colDomain+colKind(i), domainNarrow)
			}
		}
		return l
	}
	steps := []layout{
		try(true, true, true, nameWidth, true),
		try(false, true, true, nameWidth, true),
		try(false, false, true, nameWidth, true),
		try(false, false, false, nameWidth, true),
		try(false, false, false, nameMinWidth, true),
		try(false, false, false, nameNarrowWidth, false),
	}
	for _, l := range steps {
		if l.total() <= width {
			// Give a wide terminal's spare room to long names: the
			// country's, then the region's.
			l.widths[0] += min(extraNameWidth, width-l.total())
			if l.fullRegion {
				for i, k := range l.kinds {
					if k == colRegion {
						l.widths[i] += min(regionFullWidth-regionWidth, width-l.total())
					}
				}
			}
			return l
		}
	}
	return steps[len(steps)-1] // the table scrolls the rest sideways
}

func (l layout) total() int {
	t := gutterAndGaps
	for i, w := range l.widths {
		if i > 0 {
			t += columnGap
		}
		t += w
	}
	return t
}

// columns titles the columns, marking the sort column with its direction.
func (l layout) columns(sortBy sortKey, desc bool) []components.Column {
	arrow := " ↑"
	if desc {
		arrow = " ↓"
	}
	cols := make([]components.Column, len(l.kinds))
	domains := model.Domains()
	for i, k := range l.kinds {
		c := components.Column{Width: l.widths[i]}
		var sk sortKey = -1
		switch {
		case k == colName:
			c.Title, sk = "Country", byName
		case k == colCode:
			c.Title = "Code"
		case k == colRegion:
			c.Title, sk = "Region", byRegion
		case k == colPop:
			c.Title, c.Right, sk = "People", true, byPopulation
		case k == colInternet:
			c.Title, c.Right, sk = "Online", true, byInternet
		default:
			d := int(k - colDomain)
			c.Title, sk = domains[d].Short, byDomain+sortKey(d)
		}
		if sk == sortBy {
			// Shorten the title rather than lose the arrow to the cut.
			c.Title = ansi.Truncate(c.Title, c.Width-ansi.StringWidth(arrow), "") + arrow
		}
		cols[i] = c
	}
	return cols
}

// domainCell draws a domain's score, its bar when there is room, and the
// growth arrow.
//
// The score's class mark (~ estimated, * modeled) stands between the score
// and the arrow, where a blank stood: a published score goes unmarked.
func (l layout) domainCell(th *theme.Theme, score float64, ok bool, class model.Class, growth float64, hasGrowth bool) string {
	num := th.Muted.Render("    —")
	mark := " "
	if ok {
		num = fmt.Sprintf("%5.1f", score)
		mark = components.ClassMark(th, class)
	}
	arrow := components.Arrow(th, model.GrowthSignal(growth), hasGrowth)
	if !l.bars {
		return num + mark + arrow
	}
	bar := components.Bar(th, score, barWidth)
	if !ok {
		bar = components.Fit("", barWidth)
	}
	return num + mark + bar + " " + arrow
}
