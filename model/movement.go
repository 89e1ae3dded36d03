package model

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Movement is the movement's own frame for the landscape: the figures the
// Foundation's Medium-term plan published for its Thriving Movement
// priority (goals, baselines, quarterly status), and the strategy
// initiatives the Global Conversations voted on. Both are data with a
// source, read from the database like every other figure.
type Movement struct {
	Metrics     []MovementMetric
	Initiatives []Initiative
}

// MovementMetric is one published figure of the plan: a goal, a baseline or
// a quarter's status, for the movement or one segment of it (a market, a
// group of people). Value and Change are missing where the document gives
// none ("not available").
type MovementMetric struct {
	// Position is the figure's place in the document's order.
	Position  int
	ID        string
	Metric    string // "Monthly active editors"
	Segment   string // "all", "established markets", "emerging markets", "women", ...
	Period    string // "baseline", "Y2 goal", "Q1 FY2020-21"
	Value     float64
	HasValue  bool
	Unit      string  // "editors / month", "%"
	Change    float64 // year-over-year change, percent
	HasChange bool
	Note      string // the document's own words and marks: "89K/mo*"
	Source    string
}

// Initiative is one of the 45 initiatives of the 2030 strategy
// recommendations, with the votes it had at the Global Conversations of
// November 2020.
type Initiative struct {
	Number             int
	Name               string
	Recommendation     int
	RecommendationName string
	Votes              int
	// Quartile is 1 (most voted) to 4, as the page defines them; it is
	// checked against Quartiles.
	Quartile int
	Also     string // the further lines the page lists under the initiative
	VoteNote string // the page's footnote to the votes
	// Bearing says why the initiative bears on equity and on this tool's
	// users; empty when it does not particularly.
	Bearing string
	Source  string
}

// Marked reports whether the initiative bears on equity and this tool's
// users.
func (i Initiative) Marked() bool { return i.Bearing != "" }

// The ids of the published figures the computed metric stands beside: the
// goal is read from the data, never written into code.
const (
	MetricEditorsGoal        = "editors.goal"
	MetricEditorsBaseline    = "editors.baseline"
	MetricEditorsQ1          = "editors.q1"
	MetricEditorsQ1Establish = "editors.q1.established"
	MetricEditorsQ1Emerging  = "editors.q1.emerging"
	MetricEditorsLargest     = "editors.q1.largest"
)

// Metric returns the published figure with the given id.
func (m Movement) Metric(id string) (MovementMetric, bool) {
	for _, x := range m.Metrics {
		if x.ID == id {
			return x, true
		}
	}
	return MovementMetric{}, false
}

// Empty reports whether the dataset carries no movement context (a
// database written before it existed).
func (m Movement) Empty() bool { return len(m.Metrics) == 0 && len(m.Initiatives) == 0 }

// clone copies the movement context with every text cleaned: it reaches a
// terminal like any other text of the database.
func (m Movement) clone() Movement {
	c := CleanText
	out := Movement{Metrics: make([]MovementMetric, len(m.Metrics)), Initiatives: make([]Initiative, len(m.Initiatives))}
	for i, x := range m.Metrics {
		x.ID, x.Metric, x.Segment, x.Period, x.Unit, x.Note, x.Source = c(x.ID), c(x.Metric), c(x.Segment), c(x.Period), c(x.Unit), c(x.Note), c(x.Source)
		out.Metrics[i] = x
	}
	for i, x := range m.Initiatives {
		x.Name, x.RecommendationName, x.Also, x.VoteNote, x.Bearing, x.Source = c(x.Name), c(x.RecommendationName), c(x.Also), c(x.VoteNote), c(x.Bearing), c(x.Source)
		out.Initiatives[i] = x
	}
	// In the document's order, as the database reads them, so that a dataset written
	// again is the same file.
	slices.SortStableFunc(out.Metrics, func(a, b MovementMetric) int {
		return cmp.Or(cmp.Compare(a.Position, b.Position), strings.Compare(a.ID, b.ID))
	})
	slices.SortStableFunc(out.Initiatives, func(a, b Initiative) int { return cmp.Compare(a.Number, b.Number) })
	if len(out.Metrics) == 0 {
		out.Metrics = nil
	}
	if len(out.Initiatives) == 0 {
		out.Initiatives = nil
	}
	return out
}

// Quartiles places each initiative in a quartile of the votes, as the page
// defines them: the first (most voted) holds those ranked in the top
// 100–75 % of the initiatives, the fourth those in the bottom 25–0 %. The
// rank is the percentile of the initiative's votes among all of them, ties
// sharing the middle of their places (as the scores' ranks do), from 0 for
// the fewest votes to 100 for the most. The result is by initiative number.
// Our copy of the page does not carry its colours, so the quartiles are
// computed from the votes by this rule.
func Quartiles(inits []Initiative) map[int]int {
	out := make(map[int]int, len(inits))
	n := len(inits)
	for _, a := range inits {
		below, same := 0, 0
		for _, b := range inits {
			switch {
			case b.Votes < a.Votes:
				below++
			case b.Votes == a.Votes:
				same++
			}
		}
		p := 100.0
		if n > 1 {
			p = 100 * (float64(below) + float64(same-1)/2) / float64(n-1)
		}
		switch {
		case p >= 75:
			out[a.Number] = 1
		case p >= 50:
			out[a.Number] = 2
		case p >= 25:
			out[a.Number] = 3
		default:
			out[a.Number] = 4
		}
	}
	return out
}

// QuartileName names a quartile as the page does.
func QuartileName(q int) string {
	switch q {
	case 1:
		return "First quartile (most voted): 100-75%"
	case 2:
		return "Second quartile: 75-50%"
	case 3:
		return "Third quartile: 50-25%"
	case 4:
		return "Fourth quartile (least voted): 25-0%"
	}
	return ""
}

// InitiativeOrder is how the strategy page sorts the initiatives.
type InitiativeOrder int

// The orders the page offers, in the order its key cycles them.
const (
	ByNumber InitiativeOrder = iota
	ByVotes
	ByRecommendation
)

// Name says the order in words, for the page's heading.
func (o InitiativeOrder) Name() string {
	switch o {
	case ByVotes:
		return "by votes, most first"
	case ByRecommendation:
		return "by recommendation, most voted first"
	}
	return "by number"
}

// Key is the order's name for --sort.
func (o InitiativeOrder) Key() string {
	switch o {
	case ByVotes:
		return "votes"
	case ByRecommendation:
		return "recommendation"
	}
	return "number"
}

// Next is the order after o.
func (o InitiativeOrder) Next() InitiativeOrder { return (o + 1) % 3 }

// SortInitiatives returns the initiatives in an order; ties fall back to
// the initiative's number, so the order is always the same.
func SortInitiatives(inits []Initiative, o InitiativeOrder) []Initiative {
	out := slices.Clone(inits)
	slices.SortStableFunc(out, func(a, b Initiative) int {
		switch o {
		case ByVotes:
			return cmp.Or(cmp.Compare(b.Votes, a.Votes), cmp.Compare(a.Number, b.Number))
		case ByRecommendation:
			return cmp.Or(cmp.Compare(a.Recommendation, b.Recommendation), cmp.Compare(b.Votes, a.Votes), cmp.Compare(a.Number, b.Number))
		}
		return cmp.Compare(a.Number, b.Number)
	})
	return out
}

// EditorsInput is the input the movement's active editors are summed from:
// all-project editors, because the plan's metric is the Wikimedia active
// editors chart ("Wikimedia Active Editors year-over-year comparison"), of
// every project, not of Wikipedia alone.
const EditorsInput = IndAllEditors

// Market groups of the emerging-community classification, as this project
// reads the plan's markets: established markets are the Developed
// communities; emerging markets the Emerging and Least Developed ones.
const (
	MarketAll         = "All countries"
	MarketEstablished = "Established markets"
	MarketEmerging    = "Emerging markets"
)

// MarketOf is the plan's market of a country, or NotClassified.
func MarketOf(c Country) string {
	switch c.EmergingClass {
	case "Developed":
		return MarketEstablished
	case "Emerging", "Least Developed":
		return MarketEmerging
	}
	return NotClassified
}

// ClassMix counts the classes of the figures a sum is made of, so that the
// sum can say whether it is real, modeled or partly modeled.
type ClassMix struct {
	Real, Estimated, Modeled int
}

func (m *ClassMix) add(c Class) {
	switch c {
	case ClassReal:
		m.Real++
	case ClassEstimated:
		m.Estimated++
	case ClassModeled:
		m.Modeled++
	}
}

// Word says what the figures are: "real", "estimated", "real and
// estimated", "MODELED" (loud: nobody's data), "partly MODELED", or "" when
// there are none.
func (m ClassMix) Word() string {
	switch {
	case m.Real+m.Estimated+m.Modeled == 0:
		return ""
	case m.Modeled > 0 && m.Real+m.Estimated == 0:
		return "MODELED"
	case m.Modeled > 0:
		return "partly MODELED"
	case m.Estimated == 0:
		return "real"
	case m.Real == 0:
		return "estimated"
	}
	return "real and estimated"
}

// AnyModeled reports whether any figure of the sum is modeled.
func (m ClassMix) AnyModeled() bool { return m.Modeled > 0 }

// GroupGrowth is a group's monthly active editors in a year against the year
// before: the sums over the countries that have comparable figures in both
// years.
type GroupGrowth struct {
	Name      string
	Countries int // countries in both sums
	Left      int // countries of the group left out: a year missing, or a real figure against a modeled one
	Now       float64
	Before    float64
	Change    float64 // percent
	OK        bool    // the change could be computed
	OnTrack   bool    // Change meets the goal (only with a goal)
	Mix       ClassMix
}

// CountryGrowth is one country's change, for the countries that grew most.
type CountryGrowth struct {
	Country Country
	Now     float64
	Before  float64
	Added   float64 // editors a month more than the year before
	Change  float64 // percent; OK false from a zero base
	OK      bool
	Class   Class // the weaker of the two years' classes
}

// YearTotal is the movement's monthly active editors in one year.
type YearTotal struct {
	Year   int
	Total  float64
	Change float64 // percent against the year before
	OK     bool    // the change could be computed
	// OnTrack is true when the change meets the goal (set by
	// ComputeEditorGoal, which knows the goal).
	OnTrack bool
	Mix     ClassMix
}

// EditorGoal is the plan's editor metric computed from the open database for
// a year: the movement, its markets and regions against the goal, and the
// countries that grew most.
type EditorGoal struct {
	Year, Prev int
	Goal       float64 // percent a year, from the published figures
	HasGoal    bool
	Total      GroupGrowth
	Markets    []GroupGrowth // established, emerging, then the emerging classes apart, then not classified
	Regions    []GroupGrowth // the Wikimedia regions, by name
	Top        []CountryGrowth
	Series     []YearTotal // every year of the dataset
	Mix        ClassMix    // every figure used for the year and the one before
}

// TopGrowers is how many countries the computed page names, as many as the
// plan names.
const TopGrowers = 5

// ComputeEditorGoal sums the monthly active editors of the countries for a
// year and the year before, and compares the change with the plan's goal.
// A country counts in a group's change only when it has a figure in both
// years and the two are comparable (a real figure against a modeled one
// measures the model, not the country); the others are counted as left
// out. The countries that grew most are ranked by editors added, not by
// percent, so that a country going from 2 to 6 editors does not lead.
func ComputeEditorGoal(d *Dataset, year int) EditorGoal {
	g := EditorGoal{Year: year, Prev: year - 1}
	if m, ok := d.Movement.Metric(MetricEditorsGoal); ok && m.HasChange {
		g.Goal, g.HasGoal = m.Change, true
	}
	type cell struct {
		now, before float64
		cls         Class
		ok          bool
	}
	cells := make([]cell, len(d.Countries))
	for i, c := range d.Countries {
		now, ok1 := d.Value(c.ISO2, EditorsInput, year)
		before, ok2 := d.Value(c.ISO2, EditorsInput, year-1)
		cn, cb := d.ClassOf(c.ISO2, EditorsInput, year), d.ClassOf(c.ISO2, EditorsInput, year-1)
		// What the page says of the figures counts every one it was
		// given, compared or not: a real year beside a modeled one is
		// partly modeled, even though no change is made of the two.
		if ok1 {
			g.Mix.add(cn)
		}
		if ok2 {
			g.Mix.add(cb)
		}
		if ok1 && ok2 && Comparable(cn, cb) {
			cells[i] = cell{now, before, Weaker(cn, cb), true}
		}
	}
	sum := func(name string, in func(Country) bool) GroupGrowth {
		gr := GroupGrowth{Name: name}
		for i, c := range d.Countries {
			if !in(c) {
				continue
			}
			x := cells[i]
			if !x.ok {
				gr.Left++
				continue
			}
			gr.Countries++
			gr.Now += x.now
			gr.Before += x.before
			gr.Mix.add(x.cls)
		}
		if gr.Countries > 0 && gr.Before > 0 {
			gr.Change, gr.OK = 100*(gr.Now-gr.Before)/gr.Before, true
			gr.OnTrack = g.HasGoal && roundTenth(gr.Change) >= roundTenth(g.Goal)
		}
		return gr
	}
	g.Total = sum(MarketAll, func(Country) bool { return true })
	g.Markets = []GroupGrowth{
		sum(MarketEstablished, func(c Country) bool { return MarketOf(c) == MarketEstablished }),
		sum(MarketEmerging, func(c Country) bool { return MarketOf(c) == MarketEmerging }),
		sum("  of which Emerging", func(c Country) bool { return c.EmergingClass == "Emerging" }),
		sum("  of which Least Developed", func(c Country) bool { return c.EmergingClass == "Least Developed" }),
		sum(NotClassified, func(c Country) bool { return MarketOf(c) == NotClassified }),
	}
	for _, r := range d.WikimediaRegions() {
		g.Regions = append(g.Regions, sum(r, func(c Country) bool { return c.WikimediaRegion == r }))
	}
	for i, c := range d.Countries {
		x := cells[i]
		if !x.ok || x.now <= x.before {
			continue
		}
		cg := CountryGrowth{Country: c, Now: x.now, Before: x.before, Added: x.now - x.before, Class: x.cls}
		if x.before > 0 {
			cg.Change, cg.OK = 100*(x.now-x.before)/x.before, true
		}
		g.Top = append(g.Top, cg)
	}
	slices.SortStableFunc(g.Top, func(a, b CountryGrowth) int {
		return cmp.Or(cmp.Compare(b.Added, a.Added), strings.Compare(a.Country.ISO2, b.Country.ISO2))
	})
	g.Top = g.Top[:min(len(g.Top), TopGrowers)]
	g.Series = EditorSeries(d)
	for i, y := range g.Series {
		g.Series[i].OnTrack = g.HasGoal && y.OK && roundTenth(y.Change) >= roundTenth(g.Goal)
	}
	return g
}

// EditorSeries is the movement's monthly active editors in every year of
// the dataset, each with its change from the year before over the
// countries comparable in both (so a change is never of two different sets
// of countries).
func EditorSeries(d *Dataset) []YearTotal {
	var out []YearTotal
	for _, y := range d.Years {
		t := YearTotal{Year: y}
		var now, before float64
		both := false
		for _, c := range d.Countries {
			v, ok := d.Value(c.ISO2, EditorsInput, y)
			if !ok {
				continue
			}
			cls := d.ClassOf(c.ISO2, EditorsInput, y)
			t.Total += v
			t.Mix.add(cls)
			b, okb := d.Value(c.ISO2, EditorsInput, y-1)
			if okb && Comparable(cls, d.ClassOf(c.ISO2, EditorsInput, y-1)) {
				now += v
				before += b
				both = true
			}
		}
		if t.Mix.Real+t.Mix.Estimated+t.Mix.Modeled == 0 {
			continue
		}
		if both && before > 0 {
			t.Change, t.OK = 100*(now-before)/before, true
		}
		out = append(out, t)
	}
	return out
}

// roundTenth rounds a percentage to the tenth it is shown with, so that a
// change shown as +5.0% is on track against a +5% goal.
func roundTenth(v float64) float64 { return math.Round(v*10) / 10 }

// Track says in a sign and words whether a change meets the goal: "▲ on
// track", "▼ off track", or "" when there is no change or no goal to hold
// it to. The sign is the status, never colour alone.
func Track(onTrack, ok, hasGoal bool) string {
	switch {
	case !ok || !hasGoal:
		return ""
	case onTrack:
		return "▲ on track"
	}
	return "▼ off track"
}

// EditorsClassNote says loudly what the editor figures a computation used
// are: modeled (the sample: nobody's data), partly modeled, or real.
func EditorsClassNote(m ClassMix) string {
	switch m.Word() {
	case "MODELED":
		return "MODELED: these editor figures are the sample's MODELED figures, not published data; the changes and the on/off track status measure the model, not the movement. Import a Geoeditors release (equity import) for real ones."
	case "partly MODELED":
		return "PARTLY MODELED: some of these editor figures are real (a Geoeditors release's: Chile's in the bundled data, or imported), the others the sample's MODELED figures; a real year is never compared with a modeled one."
	case "real":
		return "Real: these editor figures are published counts (an imported Geoeditors release)."
	case "estimated", "real and estimated":
		return "Real and estimated: these editor figures are published counts, some estimated from published figures by a stated method."
	}
	return "No editor figures for these years."
}

// EditorGoalMethod says how the computed metric is made, for the page and
// the output's notes.
const EditorGoalMethod = "Monthly active editors: the sum over countries of the average monthly active editors of all Wikimedia projects " +
	"(the plan's metric is the \"Wikimedia Active Editors\" chart, of every project, not of Wikipedia alone), per year. " +
	"Year over year: the change of that sum over the countries with comparable figures in both years. " +
	"Markets, as this project reads the plan's: established = Developed, emerging = Emerging and Least Developed in the emerging-community classification; the deck does not list its countries. " +
	"The countries that grew most are ranked by editors added. The plan's own figures are of a quarter against the same quarter a year before; these are of whole years."
