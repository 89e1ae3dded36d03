package country

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/report"
	"github.com/equitylandscape/equity/ui/theme"
)

// wide is the width from which identity and figures stand side by side,
// with full domain names and longer bars.
const wide = 120

// indent is the cell left of every line: where the scroller draws the ▶ of
// the selected domain, kept blank on text lines so that columns align.
const indent = 1

// page collects the lines of the screen.
type page struct {
	th    *theme.Theme
	width int // the text's width: the body's less the indent
	lines []components.Line
}

func (p *page) text(s string) { p.lines = append(p.lines, components.Text(" "+s)) }
func (p *page) blank()        { p.lines = append(p.lines, components.Text("")) }
func (p *page) item(s string, i int) {
	p.lines = append(p.lines, components.Item(s, i))
}

// render draws the whole profile as the scroller's lines.
func render(ctx *common.Context, pr model.Profile, width int) []components.Line {
	p := &page{th: ctx.Theme, width: max(1, width-indent)}
	d := ctx.Data
	if width >= wide {
		p.identityWide(d, pr)
	} else {
		p.identityNarrow(pr.Country)
		p.languagesLine(pr)
		p.figuresNarrow(d, pr)
	}
	p.blank()
	p.domains(d, pr, width >= wide)
	p.blank()
	p.languages(d, pr)
	p.editions(d, pr)
	p.enwiki(d, pr)
	p.wikis(d, pr)
	if note := report.ModeledNote(d, "behind these scores"); note != "" {
		p.blank()
		for _, l := range components.Wrap(note+"; see the README or About.", p.width) {
			p.text(p.th.Note.Render(l))
		}
	}
	return p.lines
}

// ---- identity ----------------------------------------------------------

// field is a labelled fact about the country.
type field struct{ label, value string }

func orNone(s string) string {
	if s == "" {
		return "not classified"
	}
	return s
}

func unRegion(c model.Country) string {
	switch {
	case c.UNSubregion != "" && c.UNContinent != "" && c.UNSubregion != c.UNContinent:
		return c.UNSubregion + ", " + c.UNContinent
	case c.UNSubregion != "":
		return c.UNSubregion
	}
	return orNone(c.UNContinent)
}

func dataRisk(c model.Country) string {
	if c.DataRiskScore == nil {
		if c.DataRiskClass != "" {
			return "no score published (class: " + c.DataRiskClass + ")"
		}
		return "no score published"
	}
	s := fmt.Sprintf("%.1f/100", *c.DataRiskScore)
	if c.DataRiskClass != "" {
		s += " (" + c.DataRiskClass + ")"
	}
	return s
}

// protection explains the country's place on the protection list.
func protection(c model.Country) field {
	if c.Protected {
		return field{"Protected", model.ProtectionNote}
	}
	return field{"Protection", "not on the protection list"}
}

func classFields(c model.Country) []field {
	region := c.WikimediaRegion
	if region == "" {
		region = "none"
	}
	return []field{
		{"Wikimedia region", region},
		{"UN region", unRegion(c)},
		{"Economic region", orNone(c.EconomicRegion)},
		{"Emerging community", orNone(c.EmergingClass)},
		{"Market research", orNone(c.MarketClass)},
		{"Data risk", dataRisk(c)},
	}
}

func (p *page) nameLine(c model.Country) string {
	return p.th.Strong.Render(c.Name) + " " + p.th.Muted.Render("("+c.ISO2+" / "+c.ISO3+")")
}

// identityNarrow writes the name and classifications as labelled pieces
// that flow over as few lines as the width allows, then the protection
// status on its own line(s).
func (p *page) identityNarrow(c model.Country) {
	th := p.th
	segs := []string{p.nameLine(c)}
	for _, f := range classFields(c) {
		switch f.label {
		case "Economic region":
			segs = append(segs, f.value) // "Global South" says what it is
		default:
			segs = append(segs, th.Label.Render(f.label+":")+" "+f.value)
		}
	}
	for _, l := range flow(segs, th.Muted.Render(" · "), p.width) {
		p.text(l)
	}
	pf := protection(c)
	for i, l := range components.Wrap(pf.label+": "+pf.value, p.width) {
		if i == 0 {
			l = th.Label.Render(pf.label+":") + strings.TrimPrefix(l, pf.label+":")
		}
		p.text(l)
	}
}

// languagesLine is the first lines' summary of the languages: the largest
// few with their Wikipedias, as many as one line holds; the full table is
// further down the page.
func (p *page) languagesLine(pr model.Profile) {
	th := p.th
	if len(pr.Languages) == 0 {
		return
	}
	prefix := th.Label.Render("Languages:") + " "
	used := ansi.StringWidth(prefix)
	var segs []string
	for i, l := range pr.Languages {
		wiki := "no Wikipedia"
		if l.HasWiki {
			wiki = l.Wikipedia.DB
			if !l.Wikipedia.Open() {
				wiki += " closed"
			}
		}
		seg := fmt.Sprintf("%s %s (%s)", l.Name, report.Percent(l.PopulationPct), wiki)
		more := ""
		if rest := len(pr.Languages) - i - 1; rest > 0 {
			more = fmt.Sprintf(" · +%d below", rest)
		}
		sep := 0
		if len(segs) > 0 {
			sep = 3
		}
		if used+sep+ansi.StringWidth(seg)+ansi.StringWidth(more) > p.width && len(segs) > 0 {
			segs = append(segs, th.Muted.Render(fmt.Sprintf("+%d below", len(pr.Languages)-i)))
			break
		}
		segs = append(segs, seg)
		used += sep + ansi.StringWidth(seg)
	}
	p.text(prefix + strings.Join(segs, th.Muted.Render(" · ")))
}

// identityWide sets the classifications as a labelled list beside the
// people and access figures, then the protection status across the page.
func (p *page) identityWide(d *model.Dataset, pr model.Profile) {
	th := p.th
	c := pr.Country
	fields := classFields(c)
	labelW := 0
	for _, f := range fields {
		labelW = max(labelW, ansi.StringWidth(f.label))
	}
	left := []string{p.nameLine(c)}
	for _, f := range fields {
		left = append(left, components.Fit(th.Label.Render(f.label), labelW)+"  "+f.value)
	}
	right := append([]string{th.Heading.Render("People and access")}, p.figureTable(d, pr, true)...)
	leftW := 0
	for _, l := range left {
		leftW = max(leftW, ansi.StringWidth(l))
	}
	leftW = min(leftW, p.width/2)
	for i := range max(len(left), len(right)) {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		p.text(components.Fit(l, leftW) + "    " + r)
	}
	pf := protection(c)
	first := true
	for _, l := range components.Wrap(pf.value, max(10, p.width-labelW-2)) {
		label := strings.Repeat(" ", labelW)
		if first {
			label = components.Fit(pf.label, labelW)
		}
		p.text(th.Label.Render(label) + "  " + l)
		first = false
	}
}

// ---- people and access --------------------------------------------------

// figureLabel is a context figure's name, short enough for a narrow grid.
func figureLabel(ind model.Indicator, long bool) string {
	if long {
		return ind.Name
	}
	switch ind.ID {
	case model.IndPopulation:
		return "Population"
	case model.IndInternet:
		return "Internet users"
	case model.IndLiteracy:
		return "Literacy"
	case model.IndGDPPerCap:
		return "GDP/capita PPP"
	case model.IndMobile:
		return "Mobile /100"
	}
	return ind.Name
}

// figureNoun names a figure inside a sentence ("CLDR 48 (population)").
func figureNoun(ind model.Indicator) string {
	switch ind.ID {
	case model.IndInternet:
		return "internet"
	case model.IndMobile:
		return "mobile"
	case model.IndGDPPerCap:
		return "GDP"
	}
	return strings.ToLower(ind.Name)
}

// source is the short name of where a figure comes from: the cell's own
// source (a World Bank year beside a CLDR one), else the indicator's.
func (p *page) source(d *model.Dataset, f model.Figure) string {
	if s, ok := d.Source(f.SourceID()); ok {
		return report.ShortSource(s)
	}
	return ""
}

// figureCells are a figure's value and year, "—" where missing.
func (p *page) figureCells(f model.Figure) (value, year string) {
	if !f.OK {
		dash := p.th.Muted.Render("—")
		return dash, dash
	}
	return report.Figure(f.Indicator.ID, f.Point.Value), fmt.Sprint(f.Point.Year)
}

const (
	valueW = 9 // "236.75 M", "$100,000"
	yearW  = 4
)

// figureTable is one line per figure: name, value, year and, with
// sources, the source's short name.
func (p *page) figureTable(d *model.Dataset, pr model.Profile, sources bool) []string {
	labelW := 0
	for _, f := range pr.Context {
		labelW = max(labelW, ansi.StringWidth(figureLabel(f.Indicator, sources)))
	}
	var out []string
	for _, f := range pr.Context {
		v, y := p.figureCells(f)
		l := p.th.Label.Render(components.Fit(figureLabel(f.Indicator, sources), labelW)) + " " +
			components.FitRight(v, valueW) + "  " + components.FitRight(y, yearW)
		if sources {
			l += "  " + p.th.Muted.Render(p.source(d, f))
		}
		out = append(out, l)
	}
	return out
}

// figuresNarrow sets the figures two by two when they fit, one a line when
// they do not, and names their sources below.
func (p *page) figuresNarrow(d *model.Dataset, pr model.Profile) {
	th := p.th
	figs := pr.Context
	// Two a line, row by row: the left column holds the even figures.
	var left, right []model.Figure
	for i, f := range figs {
		if i%2 == 0 {
			left = append(left, f)
		} else {
			right = append(right, f)
		}
	}
	colW := func(fs []model.Figure) int {
		w := 0
		for _, f := range fs {
			w = max(w, ansi.StringWidth(figureLabel(f.Indicator, false)))
		}
		return w
	}
	lw, rw := colW(left), colW(right)
	cell := func(f model.Figure, labelW int) string {
		v, y := p.figureCells(f)
		return th.Label.Render(components.Fit(figureLabel(f.Indicator, false), labelW)) + " " +
			components.FitRight(v, valueW) + " " + components.FitRight(y, yearW)
	}
	const gap = "   "
	if lw+1+valueW+1+yearW+len(gap)+rw+1+valueW+1+yearW <= p.width {
		for i, f := range left {
			l := cell(f, lw)
			if i < len(right) {
				l += gap + cell(right[i], rw)
			}
			p.text(l)
		}
	} else {
		w := max(lw, rw)
		for _, f := range figs {
			p.text(cell(f, w))
		}
	}
	// Sources, each with the figures it gives, in the figures' order.
	var order []string
	of := map[string][]string{}
	for _, f := range figs {
		src := p.source(d, f)
		if src == "" {
			continue
		}
		if _, seen := of[src]; !seen {
			order = append(order, src)
		}
		of[src] = append(of[src], figureNoun(f.Indicator))
	}
	var segs []string
	for i, src := range order {
		seg := src + " (" + strings.Join(of[src], ", ") + ")"
		if i == 0 {
			seg = "Sources: " + seg
		}
		segs = append(segs, th.Muted.Render(seg))
	}
	for _, l := range flow(segs, th.Muted.Render(" · "), p.width) {
		p.text(l)
	}
}

// ---- languages ----------------------------------------------------------

// wikipedia says in words whether a language has a Wikipedia, and whether
// it is open.
func wikipedia(l model.LanguageInfo) string {
	if !l.HasWiki {
		return "no Wikipedia"
	}
	state := "closed"
	if l.Wikipedia.Open() {
		state = "open"
	}
	return l.Wikipedia.DB + " (" + state + ")"
}

// reads is the share of the country's Wikipedia views that went to a
// language's Wikipedia in the split, "—" when the split does not name it.
func reads(d *model.Dataset, rs []model.Reading, l model.LanguageInfo) string {
	if l.HasWiki {
		if v, ok := d.ShareOf(rs, l.Wikipedia); ok {
			return report.Percent(v)
		}
	}
	return "—"
}

func (p *page) languages(d *model.Dataset, pr model.Profile) {
	th := p.th
	n := len(pr.Languages)
	if n == 0 {
		p.text(th.Heading.Render("Languages") + " " + th.Muted.Render("none listed"))
		return
	}
	p.text(th.Heading.Render("Languages") + " " + th.Muted.Render(fmt.Sprintf("(%d, largest share first)", n)))
	heads := []string{"Language", "Code", "Speakers", "Status", "Wikipedia"}
	rs := split(d, pr)
	if len(rs) > 0 {
		heads = append(heads, "Reads")
	}
	widths := make([]int, len(heads))
	for i, h := range heads {
		widths[i] = ansi.StringWidth(h)
	}
	rows := make([][]string, n)
	for r, l := range pr.Languages {
		rows[r] = []string{l.Named(), l.Lang, report.Percent(l.PopulationPct), l.Status(), wikipedia(l)}
		if len(rs) > 0 {
			rows[r] = append(rows[r], reads(d, rs, l))
		}
		for i, c := range rows[r] {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	// A narrow page gives up room from the language's name first.
	const gap = 2
	total := gap * (len(widths) - 1)
	for _, w := range widths {
		total += w
	}
	if over := total - p.width; over > 0 {
		widths[0] = max(10, widths[0]-over)
	}
	line := func(cells []string, style func(i int, s string) string) string {
		var b strings.Builder
		for i, c := range cells {
			if i > 0 {
				b.WriteString(strings.Repeat(" ", gap))
			}
			if i == 2 || i == 5 {
				b.WriteString(components.FitRight(style(i, c), widths[i]))
			} else {
				b.WriteString(components.Fit(style(i, c), widths[i]))
			}
		}
		return b.String()
	}
	p.text(line(heads, func(_ int, s string) string { return th.Header.Render(s) }))
	for r, l := range pr.Languages {
		p.text(line(rows[r], func(i int, s string) string {
			switch {
			case i == 1:
				return th.Muted.Render(s)
			case i == 4 && !l.HasWiki, i == 5 && s == "—":
				return th.Muted.Render(s)
			}
			return s
		}))
	}
	if len(rs) > 0 {
		note := fmt.Sprintf("Reads: that Wikipedia's share of the country's Wikipedia views, %s (%s); — not named in the split (in Other).",
			model.MonthName(rs[0].Period), rs[0].Class())
		for _, l := range components.Wrap(note, p.width) {
			p.text(th.Muted.Render(l))
		}
	}
}

// wikis is which wikis the country's editors work on, most editors first:
// imported Geoeditors figures, published in ranges (a protected country's
// as buckets). Nothing is drawn when the dataset has none, as the bundled
// sample does not.
func (p *page) wikis(d *model.Dataset, pr model.Profile) {
	th := p.th
	cws := d.CountryWikis(pr.Country.ISO2, pr.Year)
	if len(cws) == 0 {
		return
	}
	p.blank()
	p.text(th.Heading.Render("Wikis its editors work on") + " " + th.Muted.Render(fmt.Sprintf("(%d, most editors first)", len(cws))))
	heads := []string{"Wiki", "Language", "Editors", "Very active"}
	widths := make([]int, len(heads))
	for i, h := range heads {
		widths[i] = ansi.StringWidth(h)
	}
	rows := make([][]string, len(cws))
	for r, cw := range cws {
		rows[r] = []string{cw.Wiki, report.WikiLanguage(d, cw.Wiki),
			report.WikiEditors(d, pr.Country, cw.Editors).Text(), report.WikiEditors(d, pr.Country, cw.VeryActive).Text()}
		for i, c := range rows[r] {
			widths[i] = max(widths[i], ansi.StringWidth(c))
		}
	}
	// A narrow page gives up room from the language's name first.
	const gap = 2
	total := gap * (len(widths) - 1)
	for _, w := range widths {
		total += w
	}
	if over := total - p.width; over > 0 {
		widths[1] = max(8, widths[1]-over)
	}
	line := func(cells []string, style func(string) string) string {
		var b strings.Builder
		for i, c := range cells {
			if i > 0 {
				b.WriteString(strings.Repeat(" ", gap))
			}
			if i >= 2 {
				b.WriteString(components.FitRight(style(c), widths[i]))
			} else {
				b.WriteString(components.Fit(style(c), widths[i]))
			}
		}
		return b.String()
	}
	p.text(line(heads, func(s string) string { return th.Header.Render(s) }))
	for _, r := range rows {
		p.text(line(r, func(s string) string { return s }))
	}
	for _, l := range components.Wrap("Active editors (5 or more edits a month) located in the country, and of them the very active (100 or more): the yearly mean of the monthly Geoeditors figures, which are published in ranges.", p.width) {
		p.text(th.Muted.Render(l))
	}
}

// ---- text ---------------------------------------------------------------

// flow joins pieces with sep into lines no wider than width, starting a
// new line where the next piece would not fit. A piece wider than the
// line gets a line of its own (the scroller cuts it).
func flow(segs []string, sep string, width int) []string {
	var out []string
	cur, curW := "", 0
	sepW := ansi.StringWidth(sep)
	for _, s := range segs {
		w := ansi.StringWidth(s)
		switch {
		case cur == "":
			cur, curW = s, w
		case curW+sepW+w <= width:
			cur += sep + s
			curW += sepW + w
		default:
			out = append(out, cur)
			cur, curW = s, w
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}
