package indicator

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/report"
	"github.com/equitylandscape/equity/ui/theme"
)

// Widths of the page's columns. Every line starts with one blank cell (the
// scroller's cursor cell on selectable lines), and columns are two apart.
const (
	indent      = 1
	gap         = 2
	nameMax     = 28 // the longest input name shown in full
	nameMin     = 12
	weightWidth = 6 // "Weight"
	shareWidth  = 6 // "100.0%"
	addsWidth   = 5 // "100.0"
	scoreWidth  = 5
	labelWidth  = 9 // "Presence"
	barWidth    = 10
	barFrom     = 70 // the narrowest page that draws score bars
	binsMax     = 40 // histogram columns
	sparkGap    = 2
	measure     = 100 // the widest a paragraph runs, for reading
)

// writer collects the page's lines.
type writer struct {
	th    *theme.Theme
	w     int // the page's width
	lines []components.Line
	items []string
}

// add appends a plain line, after the page's left margin.
func (p *writer) add(s string) { p.lines = append(p.lines, components.Text(" "+s)) }

func (p *writer) blank() { p.lines = append(p.lines, components.Text("")) }

// item appends a selectable line; the scroller draws its cursor in the
// margin.
func (p *writer) item(s, iso2 string) {
	p.lines = append(p.lines, components.Item(s, len(p.items)))
	p.items = append(p.items, iso2)
}

// para wraps text to the page, each line after lead blank cells, in a
// style: long text wraps on purpose rather than being cut.
func (p *writer) para(st lipgloss.Style, text string, lead int) {
	width := max(10, min(p.w-1, measure)-lead)
	for _, l := range strings.Split(ansi.Wrap(text, width, ""), "\n") {
		p.add(strings.Repeat(" ", lead) + st.Render(strings.TrimRight(l, " ")))
	}
}

// heading starts a section after a blank line.
func (p *writer) heading(text string) {
	p.blank()
	p.add(p.th.Heading.Render(text))
}

// build lays the whole page out for the current width.
func (s *Screen) build() ([]components.Line, []string) {
	p := &writer{th: s.ctx.Theme, w: max(s.width, 20)}
	s.intro(p)
	s.scoreTable(p)
	tables := s.newTables()
	s.facetSection(p, tables[0], s.f.presence)
	if s.f.hasGrowth {
		s.facetSection(p, tables[1], s.f.growth)
	}
	s.years(p)
	s.distribution(p)
	s.regionList(p)
	if note := report.ModeledNote(s.ctx.Data, "on this page"); note != "" {
		p.blank()
		p.para(p.th.Note, note+"; so is every score made from them. See About for the sources.", 0)
	}
	return p.lines, p.items
}

// intro is the heading, what the domain measures and whose its weights are.
func (s *Screen) intro(p *writer) {
	th := p.th
	p.add(th.Heading.Render(fmt.Sprintf("%s — %s, %d", s.domain.Name, s.country.Name, s.f.year)))
	p.para(th.Text, s.domain.About, 0)
	p.para(th.Muted, s.provenance(), 0)
}

// provenance says whether the Equity Landscape published the domain's
// inputs and weights or this project chose them.
func (s *Screen) provenance() string {
	const published = "published by the Equity Landscape (Build 1 metrics schema)"
	const own = "project-defined (weights marked †); the Equity Landscape has not published them"
	if !s.domain.WeightsPublished {
		return "Inputs and weights: project-defined (weights marked †); the Equity Landscape has not published this domain's inputs."
	}
	p, g := !projectWeight(s.f.presence), !s.f.hasGrowth || !projectWeight(s.f.growth)
	switch {
	case p && g:
		return "Inputs and weights: " + published + "."
	case p:
		return "Presence inputs and weights: " + published + ". Growth inputs and weights: " + own + "."
	case g:
		return "Presence inputs and weights: " + own + ". Growth inputs and weights: " + published + "."
	}
	return "Inputs and weights: " + own + "."
}

// standing writes a place as "3 of 53".
func standing(fs facetScore, st model.Standing) string {
	if !fs.ok || st.Of == 0 {
		return "—"
	}
	return fmt.Sprintf("%d of %d", st.Pos, st.Of)
}

// scoreTable is the presence, growth and overall scores with their ranks,
// and a sentence for each that needs one.
func (s *Screen) scoreTable(p *writer) {
	th := p.th
	p.heading("Scores")
	regionW, worldW := len("In region"), len("In world")
	for _, fs := range s.f.scores {
		regionW = max(regionW, len(standing(fs, fs.region)))
		worldW = max(worldW, len(standing(fs, fs.world)))
	}
	bars := p.w >= barFrom
	row := func(label, score, arrow, bar, region, world string) string {
		var b strings.Builder
		b.WriteString(components.Fit(label, labelWidth))
		b.WriteString(components.FitRight(score, scoreWidth))
		b.WriteString(" " + arrow)
		if bars {
			b.WriteString(strings.Repeat(" ", gap) + bar)
		}
		b.WriteString(strings.Repeat(" ", gap) + components.FitRight(region, regionW))
		b.WriteString(strings.Repeat(" ", gap) + components.FitRight(world, worldW))
		return b.String()
	}
	p.add(th.Header.Render(row("", "Score", " ", components.Fit("", barWidth), "In region", "In world")))
	for _, fs := range s.f.scores {
		score, arrow, bar := "—", " ", strings.Repeat(" ", barWidth)
		if fs.ok {
			score = report.Score(fs.value)
			bar = components.Bar(th, fs.value, barWidth)
			if fs.facet == model.Growth {
				arrow = components.Arrow(th, model.GrowthSignal(fs.value), true)
			}
		}
		label := strings.ToUpper(string(fs.facet[:1])) + string(fs.facet[1:])
		p.add(row(label, score, arrow, bar, standing(fs, fs.region), standing(fs, fs.world)))
	}

	pr, gr, ov := s.f.score(model.Presence), s.f.score(model.Growth), s.f.score(model.Overall)
	var notes []string
	if !pr.ok {
		notes = append(notes, "No presence score: "+s.reason(s.f.presence)+".")
	}
	if s.f.hasGrowth && !gr.ok {
		notes = append(notes, "No growth score: "+s.reason(s.f.growth)+".")
	}
	switch {
	case !ov.ok:
	case pr.ok && gr.ok:
		// The sum is one unbreakable piece (no-break spaces), so that a
		// narrow page never splits it.
		sum := fmt.Sprintf("(%s + %s) ÷ 2 = %s", report.Score(pr.value), report.Score(gr.value), report.Score(ov.value))
		notes = append(notes, "Overall is the mean of presence and growth: "+strings.ReplaceAll(sum, " ", "\u00a0")+".")
	case !s.f.hasGrowth:
		notes = append(notes, "Overall is presence alone: this domain has no growth inputs yet.")
	default:
		notes = append(notes, "Overall is presence alone: there is no growth score this year.")
	}
	for _, n := range notes {
		p.para(th.Text, n, 0)
	}
	legend := "Scores are 0–100 ranks (50 is the median country). Places count only the countries with a score"
	if ex := s.f.score(model.Overall); ex.ok && ex.region.Of > 0 {
		legend += fmt.Sprintf(": overall \"%d of %d\" is %s of the %d in %s with one", ex.region.Pos, ex.region.Of,
			report.Ordinal(ex.region.Pos), ex.region.Of, s.country.WikimediaRegion)
	}
	p.para(th.Muted, legend+".", 0)
}

// reason says why a facet has no score.
func (s *Screen) reason(e model.Explanation) string {
	switch {
	case e.HasScore:
		return ""
	case e.Idle:
		return model.NoActivity + " — every presence input is zero, so the country is not ranked (this project's reading of the method; see About)"
	case e.Facet == model.Growth && !s.f.prevYear:
		return fmt.Sprintf("growth is the change from the year before, and %d is the first year of the dataset", s.f.year)
	case e.PresentWeight == 0 && e.Facet == model.Growth:
		return "no input has a growth rate (a rate needs values in both years, from a non-zero base)"
	case e.PresentWeight == 0:
		return fmt.Sprintf("no input has a value for %s in %d", s.country.Name, s.f.year)
	}
	share := 0.0
	if e.TotalWeight > 0 {
		share = e.PresentWeight / e.TotalWeight
	}
	// Rounded down, so that 49.9% never reads as the half it falls short of.
	return fmt.Sprintf("only %s of the weight present; %s is needed", wholePercent(math.Floor(share*100)/100), needed())
}

// needed words model.MinWeightShare.
func needed() string {
	if model.MinWeightShare == 0.5 {
		return "half"
	}
	return wholePercent(model.MinWeightShare)
}

func wholePercent(share float64) string {
	return strconv.Itoa(int(math.Round(share*100))) + "%"
}

// inputRow is one input of a facet table, as text.
type inputRow struct {
	name, value, detail, rank, weight, share, adds string
}

// tableMode is which columns the facet tables show at a width. Both
// tables use the same mode, so that they drop the same columns together.
type tableMode struct {
	share  bool // the renormalised share column
	inline bool // the value's detail beside it, not on a line of its own
	// short drops " growth" from growth inputs' names, which their
	// table's title already says.
	short bool
	cut   int // cells to take from the names, when even that is too wide
}

// inputTable is one facet's table: its rows and column widths.
type inputTable struct {
	rows                          []inputRow
	nameW, valueW, detailW, rankW int
	mode                          tableMode
}

// newTables lays out the presence table and, when the domain has growth,
// the growth table, choosing their mode for the page's width: first the
// share column goes, then the value's detail moves to a line of its own,
// then the names are shortened and at last cut.
func (s *Screen) newTables() []*inputTable {
	exps := []model.Explanation{s.f.presence}
	if s.f.hasGrowth {
		exps = append(exps, s.f.growth)
	}
	var tables []*inputTable
	for _, e := range exps {
		t := &inputTable{}
		for _, in := range e.Inputs {
			t.rows = append(t.rows, s.inputRow(e, in))
		}
		tables = append(tables, t)
	}
	w := max(s.width, 20)
	widest := func(m tableMode) int {
		n := 0
		for _, t := range tables {
			t.layout(m)
			n = max(n, t.width())
		}
		return n
	}
	steps := []tableMode{{share: true, inline: true}, {inline: true}, {}, {short: true}}
	for _, m := range steps {
		if widest(m) <= w {
			return tables
		}
	}
	m := steps[len(steps)-1]
	m.cut = widest(m) - w
	widest(m)
	return tables
}

// layout sets the column widths for a mode.
func (t *inputTable) layout(m tableMode) {
	t.mode = m
	t.nameW, t.valueW, t.detailW, t.rankW = len("Input"), len("Value"), 0, len("Pctile")
	for _, r := range t.rows {
		t.nameW = max(t.nameW, ansi.StringWidth(t.name(r)))
		t.valueW = max(t.valueW, ansi.StringWidth(r.value))
		t.detailW = max(t.detailW, ansi.StringWidth(r.detail))
		t.rankW = max(t.rankW, ansi.StringWidth(r.rank))
	}
	t.nameW = min(t.nameW, nameMax)
	if m.cut > 0 {
		t.nameW = max(nameMin, t.nameW-m.cut)
	}
}

// name is a row's input name as the table shows it.
func (t *inputTable) name(r inputRow) string {
	if t.mode.short {
		return strings.TrimSuffix(r.name, " growth")
	}
	return r.name
}

// width is the table's width with its current columns.
func (t *inputTable) width() int {
	n := indent + t.nameW + gap + t.valueW + gap + t.rankW + gap + weightWidth + gap + addsWidth
	if t.mode.inline && t.detailW > 0 {
		n += 1 + t.detailW
	}
	if t.mode.share {
		n += gap + shareWidth
	}
	return n
}

// line writes a row of the table.
func (t *inputTable) line(r inputRow, detail func(string) string) string {
	sp := strings.Repeat(" ", gap)
	var b strings.Builder
	b.WriteString(components.Fit(t.name(r), t.nameW))
	b.WriteString(sp + components.FitRight(r.value, t.valueW))
	if t.mode.inline && t.detailW > 0 {
		b.WriteString(" " + components.Fit(detail(r.detail), t.detailW))
	}
	b.WriteString(sp + components.FitRight(r.rank, t.rankW))
	b.WriteString(sp + components.FitRight(r.weight, weightWidth))
	if t.mode.share {
		b.WriteString(sp + components.FitRight(r.share, shareWidth))
	}
	b.WriteString(sp + components.FitRight(r.adds, addsWidth))
	return b.String()
}

// formatValue formats an observation by what it measures.
func formatValue(ind model.Indicator, v float64) string {
	switch {
	case strings.HasPrefix(ind.Unit, "%"):
		return report.Percent(v)
	case ind.Per != "":
		return report.Money(v)
	}
	return report.Number(v)
}

// shown is an observation of the country as it may be shown: a protected
// country's imported raw count as its bucket (model.Dataset.Shown), any
// other value with the range it was published in, if any.
func (s *Screen) shown(ind model.Indicator, v float64, year int) report.Observed {
	return report.Observe(s.ctx.Data, s.country, ind, year, v, func(v float64) string { return formatValue(ind, v) })
}

// perLabel is the short name of what a Per input is divided by.
func perLabel(d *model.Dataset, id string) string {
	if id == model.IndGDPPerCap {
		return "GDP/cap"
	}
	if ind, ok := d.Indicator(id); ok {
		return ind.Name
	}
	return id
}

// inputRow writes one input's part in a facet score: its raw value and
// where it comes from, its rank, weight, share and contribution.
func (s *Screen) inputRow(e model.Explanation, in model.InputExplanation) inputRow {
	d, iso2, year := s.ctx.Data, s.country.ISO2, s.f.year
	ind := in.Indicator
	r := inputRow{name: ind.Name, value: "—", rank: "—", share: "—", adds: "—"}
	r.weight = strconv.FormatFloat(ind.Weight, 'f', -1, 64)
	if !ind.WeightPublished {
		r.weight += components.MarkProjectDefined
	}
	switch {
	case ind.Derived():
		base, _ := d.Indicator(ind.GrowthOf)
		prev, okPrev := d.Value(iso2, ind.GrowthOf, year-1)
		cur, okCur := d.Value(iso2, ind.GrowthOf, year)
		prevYear, curYear := year-1, year
		if p, c, ok := d.GrowthPoints(iso2, ind, year); ok && ind.MostRecent() {
			prev, okPrev, cur, okCur, prevYear, curYear = p.Value, true, c.Value, true, p.Year, c.Year
		}
		switch {
		case in.Present:
			// The rate is a derived figure, computed from the exact
			// counts, and is shown as it is; the counts it runs between
			// are shown as any count is (a protected country's imported
			// ones as buckets). The pipeline's ratio (this ÷ last) ranks
			// alike and is shown beside it.
			r.value = report.Signed(in.Value)
			span := ""
			if curYear != year {
				span = fmt.Sprintf("%d→%d: ", prevYear, curYear)
			}
			r.detail = "(" + span + s.shown(base, prev, prevYear).Value + " → " + s.shown(base, cur, curYear).Value
			if ratio, ok := model.GrowthRatio(prev, cur); ok {
				r.detail += fmt.Sprintf(", ×%.3f", ratio)
			}
			r.detail += ")"
		case !okPrev:
			r.detail = fmt.Sprintf("(no %d value)", year-1)
		case prev == 0:
			r.detail = fmt.Sprintf("(from 0 in %d: no rate)", year-1)
		case !okCur:
			r.detail = fmt.Sprintf("(no %d value)", year)
		}
	case ind.Per != "":
		switch {
		case in.Present:
			r.value = report.Money(in.Value * in.Divisor.Value)
			r.detail = fmt.Sprintf("÷ %s %s (%d)", report.Money(in.Divisor.Value), perLabel(d, ind.Per), in.Divisor.Year)
		default:
			if raw, ok := d.Value(iso2, ind.ID, year); ok {
				r.value = report.Money(raw)
				r.detail = "(no " + perLabel(d, ind.Per) + " to divide by)"
			} else {
				r.detail = "(no value)"
			}
		}
	case in.Present:
		o := s.shown(ind, in.Value, year)
		r.value = o.Value
		var parts []string
		if pv, ok := d.Provenance(iso2, ind.ID, year); ok && pv.Class != model.ClassModeled {
			parts = append(parts, string(pv.Class))
		}
		if in.AsOf != 0 && in.AsOf != year {
			// The most recent figure stands for the year: its own year.
			parts = append(parts, fmt.Sprintf("%d figure", in.AsOf))
		}
		switch {
		case !o.Exact:
			parts = append(parts, "protected: a bucket")
		case o.HasRange:
			parts = append(parts, report.Range(o.Range))
		}
		if n, ok := d.NoiseOf(iso2, ind.ID, year); ok && o.Exact {
			parts = append(parts, "±"+report.Number(n.SD)+" noise")
		}
		if len(parts) > 0 {
			r.detail = "(" + strings.Join(parts, " · ") + ")"
		}
	default:
		r.detail = "(no value)"
		if m, ok := d.MissingReason(iso2, ind.ID, year); ok {
			// The short reason in the table; the whole one, with its
			// release, under the input below.
			short, _, _ := strings.Cut(m.Reason, " (")
			r.detail = "(missing: " + strings.TrimPrefix(short, "not in the release: ") + ")"
		}
	}
	if in.Present {
		// A percentile rank, not a position: the count is in the note
		// under the table.
		r.rank = report.Percentile(in.Rank)
	}
	if e.HasScore && in.Present {
		r.share = strconv.FormatFloat(in.Share*100, 'f', 1, 64) + "%"
		r.adds = report.Score(in.Contribution)
	}
	return r
}

// facetSection is a facet's inputs table, the sum that makes its score (or
// why there is none), and what each input is and where it comes from.
func (s *Screen) facetSection(p *writer, t *inputTable, e model.Explanation) {
	th := p.th
	title := "Presence — how the score is made"
	if e.Facet == model.Growth {
		title = fmt.Sprintf("Growth — how the score is made, %d → %d", s.f.year-1, s.f.year)
	}
	p.heading(title)
	p.add(th.Header.Render(t.line(inputRow{name: "Input", value: "Value", rank: "Pctile", weight: "Weight", share: "Share", adds: "Adds"}, func(string) string { return "" })))
	detail := func(x string) string { return th.Muted.Render(x) }
	for _, r := range t.rows {
		p.add(t.line(r, detail))
		if !t.mode.inline && r.detail != "" {
			// The detail on a line of its own, under the value.
			p.add(strings.Repeat(" ", 2) + th.Muted.Render("↳ "+r.detail))
		}
	}
	if note := pctileNote(e); note != "" {
		p.para(th.Muted, note, 0)
	}
	if e.HasScore {
		p.sentence(th.Strong, []string{
			"weighted mean = " + report.Score(e.Mean) + " (sum of contributions)",
			"→ ranked again among " + report.Count(e.Among) + " countries",
			"→ " + report.Score(e.Score),
		})
	} else {
		p.para(th.Strong, "No score: "+s.reason(e)+".", 0)
	}
	if projectWeight(e) {
		p.para(th.Muted, "† weight chosen by this project: the Equity Landscape has not published one.", 0)
	}

	// What each input is, and where it comes from.
	for _, in := range e.Inputs {
		ind := in.Indicator
		p.blank()
		p.para(th.Strong, ind.Name+" · "+ind.Unit, 0)
		p.para(th.Muted, ind.Definition, 2)
		p.para(th.Text, s.cellSource(ind), 2)
		if n, ok := s.ctx.Data.NoiseOf(s.country.ISO2, ind.ID, s.f.year); ok {
			threshold := ""
			if n.Threshold > 0 {
				threshold = fmt.Sprintf("; a wiki with fewer than %s of the country's editors is left out", report.Number(n.Threshold))
			}
			p.para(th.Muted, fmt.Sprintf("The release adds differential-privacy noise to every count (ε %g for this country%s): this figure is within ±%s of the true sum about two times in three (one standard deviation).",
				n.Epsilon, threshold, report.Number(n.SD)), 2)
		}
		if (ind.ID == model.IndWPEditors || ind.ID == model.IndAllEditors) && s.ctx.Data.ClassOf(s.country.ISO2, ind.ID, s.f.year) == model.ClassReal {
			p.para(th.Muted, "A sum over wikis: an editor active on two wikis counts twice.", 2)
		}
		if ind.Per != "" {
			if per, ok := s.ctx.Data.Indicator(ind.Per); ok {
				p.para(th.Text, fmt.Sprintf("Divided by %s, %s: %s", per.Name, per.Unit, s.source(per.SourceID)), 2)
			}
		}
	}
}

// projectWeight reports whether any of a facet's weights is this project's.
func projectWeight(e model.Explanation) bool {
	for _, in := range e.Inputs {
		if !in.Indicator.WeightPublished {
			return true
		}
	}
	return false
}

// cellSource says where this country's figure of the year comes from: its
// class, source and period, or why it is missing; an input is real in one
// year and modeled in another.
func (s *Screen) cellSource(ind model.Indicator) string {
	d, iso2, year := s.ctx.Data, s.country.ISO2, s.f.year
	if m, ok := d.MissingReason(iso2, ind.ID, year); ok {
		return fmt.Sprintf("%d: missing — %s (%s)", year, m.Reason, s.source(m.Source))
	}
	pv, ok := d.Provenance(iso2, ind.ID, year)
	if !ok {
		src := "Source: " + s.source(ind.SourceID)
		if ind.Modeled {
			src += " · MODELED"
		}
		return src
	}
	switch pv.Class {
	case model.ClassModeled:
		return "Source: " + s.source(pv.Source) + " · MODELED"
	case model.ClassEstimated:
		return fmt.Sprintf("%d: estimated, for %s — %s", year, pv.Period, s.source(pv.Source))
	}
	return fmt.Sprintf("%d: real, for %s — %s", year, pv.Period, s.source(pv.Source))
}

// source names a source with its year.
func (s *Screen) source(id string) string {
	src, ok := s.ctx.Data.Source(id)
	if !ok {
		return "not recorded"
	}
	return fmt.Sprintf("%s, %d", src.Title, src.Year)
}

// sentence writes parts joined by spaces on one line when they fit; else
// the first part on a line of its own and the rest packed after it,
// breaking between parts, never inside one.
func (p *writer) sentence(st lipgloss.Style, parts []string) {
	width := min(p.w-1, measure)
	if ansi.StringWidth(strings.Join(parts, " ")) <= width {
		p.add(st.Render(strings.Join(parts, " ")))
		return
	}
	p.add(st.Render(parts[0]))
	line := ""
	for _, part := range parts[1:] {
		switch {
		case line == "":
			line = "  " + part
		case ansi.StringWidth(line)+1+ansi.StringWidth(part) <= width:
			line += " " + part
		default:
			p.add(st.Render(line))
			line = "  " + part
		}
	}
	if line != "" {
		p.add(st.Render(line))
	}
}

// years draws each presence input's raw values, and the overall score,
// over the dataset's years.
func (s *Screen) years(p *writer) {
	th := p.th
	d := s.ctx.Data
	if len(d.Years) == 0 {
		return
	}
	p.heading(fmt.Sprintf("Over the years, %d–%d", d.Years[0], d.Years[len(d.Years)-1]))
	type series struct {
		name   string
		values []float64 // NaN where missing
		format func(float64) string
		scaled bool // min–max scaled; scores are drawn on 0–100 as they are
	}
	var all []series
	for _, in := range s.f.presence.Inputs {
		ind := in.Indicator
		vals := make([]float64, len(d.Years))
		for i, y := range d.Years {
			v, ok := d.Value(s.country.ISO2, ind.ID, y)
			switch {
			case !ok:
				v = math.NaN()
			case !d.Exact(s.country, ind):
				// A protected country's imported count is drawn and
				// written as its bucket: the bucket's middle stands for
				// it, and falls in the same bucket.
				v = model.Bucket(v).Mid()
			}
			vals[i] = v
		}
		all = append(all, series{ind.Name, vals, func(v float64) string { return s.shown(ind, v, 0).Value }, true})
	}
	overall := make([]float64, len(d.Years))
	for i, y := range d.Years {
		v, ok := d.Score(s.country.ISO2, s.domain.ID, model.Overall, y)
		if !ok {
			v = math.NaN()
		}
		overall[i] = v
	}
	all = append(all, series{"Overall score", overall, report.Score, false})

	// Each line ends with its first and last values and their years; where
	// that would cut the names, the years that are the dataset's first and
	// last (named in the heading) go.
	spans := func(withYears bool) ([]string, int) {
		out := make([]string, len(all))
		widest := 0
		for k, sr := range all {
			first, last := bounds(sr.values)
			switch {
			case first < 0:
				out[k] = th.Muted.Render("no values recorded")
			case first == last:
				out[k] = fmt.Sprintf("%s (%d)", sr.format(sr.values[first]), d.Years[first])
			default:
				at := func(i int) string {
					v := sr.format(sr.values[i])
					if withYears || i != 0 && i != len(d.Years)-1 {
						v += fmt.Sprintf(" (%d)", d.Years[i])
					}
					return v
				}
				out[k] = at(first) + " → " + at(last)
			}
			widest = max(widest, ansi.StringWidth(out[k]))
		}
		return out, widest
	}
	nameW := 0
	for _, sr := range all {
		nameW = max(nameW, ansi.StringWidth(sr.name))
	}
	room := func(spanW int) int { return p.w - indent - gap - len(d.Years) - sparkGap - spanW }
	text, spanW := spans(true)
	if room(spanW) < nameW {
		text, spanW = spans(false)
	}
	nameW = max(nameMin, min(nameW, room(spanW)))
	for k, sr := range all {
		drawn := sr.values
		if sr.scaled {
			drawn = scale(sr.values)
		}
		p.add(components.Fit(sr.name, nameW) + strings.Repeat(" ", gap) + th.Bar.Render(components.Sparkline(drawn)) +
			strings.Repeat(" ", sparkGap) + text[k])
	}
	p.para(th.Muted, "Each input's line runs from its own lowest value to its highest; the score's from 0 to 100. A gap is a year without a value.", 0)
}

// bounds gives the first and last index holding a value, or -1 and -1.
func bounds(values []float64) (first, last int) {
	first, last = -1, -1
	for i, v := range values {
		if !math.IsNaN(v) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// scale maps values onto 0–100 from their minimum to their maximum; a flat
// series sits in the middle.
func scale(values []float64) []float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if !math.IsNaN(v) {
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	out := make([]float64, len(values))
	for i, v := range values {
		switch {
		case math.IsNaN(v):
			out[i] = math.NaN()
		case hi == lo && v == 0:
			out[i] = 0 // nothing, all along
		case hi == lo:
			out[i] = 50
		default:
			out[i] = (v - lo) / (hi - lo) * 100
		}
	}
	return out
}

// distribution is a histogram of every country's overall score with this
// country marked.
func (s *Screen) distribution(p *writer) {
	th := p.th
	p.heading(fmt.Sprintf("All countries — overall %s score, %d", s.domain.Name, s.f.year))
	if s.f.withScore == 0 {
		p.para(th.Text, fmt.Sprintf("No country has a score in %d.", s.f.year), 0)
		return
	}
	bins := max(10, min(binsMax, p.w-indent-1))
	height := 5
	if s.height >= 30 {
		height = 6
	}
	mark := math.NaN()
	if s.f.hasMine {
		mark = s.f.mine
	}
	for _, l := range components.Histogram(th, s.f.all, mark, bins, height) {
		p.add(l)
	}
	axis := []rune(strings.Repeat(" ", bins))
	put := func(at int, label string) {
		for i, r := range label {
			if at+i >= 0 && at+i < len(axis) {
				axis[at+i] = r
			}
		}
	}
	put(0, "0")
	put(bins/2-1, "50")
	put(bins-3, "100")
	p.add(th.Muted.Render(string(axis)))
	if s.f.hasMine {
		pct := int(math.Floor(float64(s.f.lower) / float64(s.f.withScore) * 100))
		p.para(th.Text, fmt.Sprintf("▲ %s: %s — higher than %d%% of the %s countries with a score", s.country.Name,
			report.Score(s.f.mine), pct, report.Count(s.f.withScore)), 0)
	} else {
		p.para(th.Text, fmt.Sprintf("%s has no overall score in %d; %s countries have one.", s.country.Name, s.f.year, report.Count(s.f.withScore)), 0)
	}
	p.para(th.Muted, fmt.Sprintf("Each column holds %s points of score.", strconv.FormatFloat(100/float64(bins), 'f', -1, 64)), 0)
}

// regionList is the top and bottom five of the country's region, each a
// country to open.
func (s *Screen) regionList(p *writer) {
	th := p.th
	where := s.country.WikimediaRegion
	if where == "" {
		where = "The world"
	}
	n := len(s.f.ranked)
	title := fmt.Sprintf("%s — top and bottom five by overall score", where)
	if n <= 10 {
		title = fmt.Sprintf("%s — every country by overall score", where)
	}
	p.heading(title)
	if n == 0 {
		p.para(th.Text, fmt.Sprintf("No country of %s has a score in %d.", where, s.f.year), 0)
		return
	}
	p.para(th.Muted, fmt.Sprintf("%d countries with a score in %d; enter or a second click opens one.", n, s.f.year), 0)
	posW := len(strconv.Itoa(n))
	nameW := 0
	for _, e := range s.f.ranked {
		nameW = max(nameW, ansi.StringWidth(e.c.Name))
	}
	const marker = "  ◀ this country"
	nameW = max(8, min(nameW, 2*nameMax, p.w-indent-posW-2-1-scoreWidth-len([]rune(marker))))
	shown := s.f.shown(s.country.ISO2)
	for k, i := range shown {
		if i < 0 {
			more := shown[k+1] - shown[k-1] - 1
			p.add(th.Muted.Render(fmt.Sprintf("%*s  %d more", posW+1, "⋮", more)))
			continue
		}
		e := s.f.ranked[i]
		name := components.Fit(e.c.Name, nameW)
		line := fmt.Sprintf("%*d. %s %s", posW, i+1, name, components.FitRight(report.Score(e.score), scoreWidth))
		if e.c.ISO2 == s.country.ISO2 {
			line = th.Strong.Render(line + marker)
		}
		p.item(line, e.c.ISO2)
	}
}

// pctileNote says what the Pctile column is, with how many countries each
// input is ranked among.
func pctileNote(e model.Explanation) string {
	var counts []string
	for _, in := range e.Inputs {
		if !in.Present {
			continue
		}
		c := report.Count(in.Among)
		if !slices.Contains(counts, c) {
			counts = append(counts, c)
		}
	}
	if len(counts) == 0 {
		return ""
	}
	return "Pctile: the percentile rank of the input's value among the " + strings.Join(counts, " or ") +
		" countries that have it, 0–100 (87th: higher than about 87% of them)."
}
