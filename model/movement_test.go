package model_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// The hand-made movement: six countries' monthly active editors
// (all projects), with the year-over-year changes worked out by hand.
//
//	      class            region   2022  2023  2024   2024 vs 2023
//	FR    Developed        NWE        95   100   104    +4
//	DE    Developed        NWE       200   200   206    +6
//	IN    Emerging         SA         40    50    60   +10
//	BD    Least Developed  SA         10    10    11    +1
//	NG    Emerging         SSA        40    40    38    −2
//	TV    (none)           ESEAP       —     2     2     0
//
// 2024 against 2023, goal +5 %:
//
//	all countries        402 → 421   +19 / 402 = +4.726 % → +4.7 %  off track
//	established          300 → 310   +10 / 300 = +3.333 %           off track
//	emerging (E + LD)    100 → 109    +9 / 100 = +9.0 %             on track
//	  Emerging            90 →  98    +8 /  90 = +8.889 %
//	  Least Developed     10 →  11    +1 /  10 = +10.0 %
//	not classified         2 →   2     0 %                          off track
//	NWE 300 → 310 +3.333 %; SA 60 → 71 +18.333 %; SSA 40 → 38 −5.0 %; ESEAP 2 → 2 0 %
//	grew most: IN +10, DE +6, FR +4, BD +1 (NG fell, TV stayed)
//
// 2023 against 2022: TV has no 2022 figure, so the change is of the five
// others only: 400 / 385 − 1 = +3.896 %; the 2023 total is 402 with TV.
const (
	nwe   = "Northern & Western Europe"
	sa    = "South Asia"
	ssa   = "Sub-Saharan Africa"
	eseap = "East, Southeast Asia, & Pacific"
)

func movementParts(class model.Class) model.Parts {
	obs := func(iso2 string, year int, v float64) model.Observation {
		return model.Observation{ISO2: iso2, Indicator: model.IndAllEditors, Year: year, Value: v,
			Provenance: model.Provenance{Class: class}}
	}
	return model.Parts{
		Meta:       model.Meta{Title: "movement fixture", Kind: model.KindSample},
		Indicators: model.Catalog(),
		Countries: []model.Country{
			{ISO2: "FR", ISO3: "FRA", Name: "France", WikimediaRegion: nwe, EmergingClass: "Developed"},
			{ISO2: "DE", ISO3: "DEU", Name: "Germany", WikimediaRegion: nwe, EmergingClass: "Developed"},
			{ISO2: "IN", ISO3: "IND", Name: "India", WikimediaRegion: sa, EmergingClass: "Emerging"},
			{ISO2: "BD", ISO3: "BGD", Name: "Bangladesh", WikimediaRegion: sa, EmergingClass: "Least Developed"},
			{ISO2: "NG", ISO3: "NGA", Name: "Nigeria", WikimediaRegion: ssa, EmergingClass: "Emerging"},
			{ISO2: "TV", ISO3: "TUV", Name: "Tuvalu", WikimediaRegion: eseap},
		},
		Observations: []model.Observation{
			obs("FR", 2022, 95), obs("FR", 2023, 100), obs("FR", 2024, 104),
			obs("DE", 2022, 200), obs("DE", 2023, 200), obs("DE", 2024, 206),
			obs("IN", 2022, 40), obs("IN", 2023, 50), obs("IN", 2024, 60),
			obs("BD", 2022, 10), obs("BD", 2023, 10), obs("BD", 2024, 11),
			obs("NG", 2022, 40), obs("NG", 2023, 40), obs("NG", 2024, 38),
			obs("TV", 2023, 2), obs("TV", 2024, 2),
			// A decoy: Wikipedia editors are not the metric's input.
			{ISO2: "FR", Indicator: model.IndWPEditors, Year: 2024, Value: 9999},
		},
		Movement: model.Movement{Metrics: []model.MovementMetric{
			{ID: model.MetricEditorsGoal, Metric: "Monthly active editors increase YoY", Segment: "all", Period: "Y2 goal", Change: 5, HasChange: true, Source: "x"},
		}},
	}
}

func movementDataset(t *testing.T, class model.Class) *model.Dataset {
	t.Helper()
	d, err := model.New(movementParts(class))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestComputeEditorGoal(t *testing.T) {
	d := movementDataset(t, model.ClassModeled)
	g := model.ComputeEditorGoal(d, 2024)
	if g.Year != 2024 || g.Prev != 2023 || !g.HasGoal || g.Goal != 5 {
		t.Fatalf("year %d/%d goal %v %v", g.Year, g.Prev, g.Goal, g.HasGoal)
	}
	type want struct {
		name        string
		now, before float64
		change      float64
		countries   int
		onTrack     bool
	}
	check := func(got model.GroupGrowth, w want) {
		t.Helper()
		if got.Name != w.name || !near(got.Now, w.now) || !near(got.Before, w.before) || !got.OK ||
			!near(got.Change, w.change) || got.Countries != w.countries || got.OnTrack != w.onTrack {
			t.Errorf("%s: got %+v, want %+v", w.name, got, w)
		}
		if got.Mix.Word() != "MODELED" {
			t.Errorf("%s: figures are %q, want MODELED", w.name, got.Mix.Word())
		}
	}
	check(g.Total, want{"All countries", 421, 402, 1900.0 / 402, 6, false})
	markets := []want{
		{"Established markets", 310, 300, 10.0 / 3, 2, false},
		{"Emerging markets", 109, 100, 9, 3, true},
		{"  of which Emerging", 98, 90, 800.0 / 90, 2, true},
		{"  of which Least Developed", 11, 10, 10, 1, true},
		{"Not classified", 2, 2, 0, 1, false},
	}
	if len(g.Markets) != len(markets) {
		t.Fatalf("%d markets, want %d", len(g.Markets), len(markets))
	}
	for i, w := range markets {
		check(g.Markets[i], w)
	}
	regions := []want{
		{eseap, 2, 2, 0, 1, false},
		{nwe, 310, 300, 10.0 / 3, 2, false},
		{sa, 71, 60, 1100.0 / 60, 2, true},
		{ssa, 38, 40, -5, 1, false},
	}
	if len(g.Regions) != len(regions) {
		t.Fatalf("%d regions, want %d", len(g.Regions), len(regions))
	}
	for i, w := range regions {
		check(g.Regions[i], w)
	}
	var top []string
	for _, c := range g.Top {
		top = append(top, fmt.Sprintf("%s+%g", c.Country.ISO2, c.Added))
	}
	if fmt.Sprint(top) != "[IN+10 DE+6 FR+4 BD+1]" {
		t.Errorf("grew most: %v", top)
	}
	if in := g.Top[0]; !in.OK || !near(in.Change, 20) || in.Class != model.ClassModeled {
		t.Errorf("India: %+v", in)
	}

	// The series: every year, each change over the countries in both years.
	series := []model.YearTotal{
		{Year: 2022, Total: 385},
		{Year: 2023, Total: 402, Change: 100 * (400.0/385 - 1), OK: true},
		{Year: 2024, Total: 421, Change: 1900.0 / 402, OK: true},
	}
	if len(g.Series) != len(series) {
		t.Fatalf("series %+v", g.Series)
	}
	for i, w := range series {
		s := g.Series[i]
		if s.Year != w.Year || !near(s.Total, w.Total) || s.OK != w.OK || !near(s.Change, w.Change) {
			t.Errorf("series %d: got %+v, want %+v", w.Year, s, w)
		}
	}

	// 2023: Tuvalu has no 2022 figure and is left out of the change.
	g = model.ComputeEditorGoal(d, 2023)
	if g.Total.Left != 1 || g.Total.Countries != 5 || !near(g.Total.Change, 100*(400.0/385-1)) {
		t.Errorf("2023: %+v", g.Total)
	}
	// The first year has nothing before it.
	if g = model.ComputeEditorGoal(d, 2022); g.Total.OK || g.Total.Left != 6 {
		t.Errorf("2022: %+v", g.Total)
	}
}

// A goal of exactly the change shown is on track: +5.0 % meets +5 %.
func TestEditorGoalOnTheLine(t *testing.T) {
	p := movementParts(model.ClassReal)
	p.Movement.Metrics[0].Change = 9 // emerging grew exactly 9.0 %
	d, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	g := model.ComputeEditorGoal(d, 2024)
	if !g.Markets[1].OnTrack || g.Markets[0].OnTrack {
		t.Errorf("against +9%%: emerging %+v, established %+v", g.Markets[1], g.Markets[0])
	}
	// Without a goal in the data, nothing is on track, and nothing says off.
	p.Movement = model.Movement{}
	d, _ = model.New(p)
	if g := model.ComputeEditorGoal(d, 2024); g.HasGoal || g.Markets[1].OnTrack {
		t.Errorf("no goal: %+v", g)
	}
}

// The classes: real figures are real; a real year against a modeled one is
// left out of the change; a group mixing the two says partly MODELED.
func TestEditorGoalClasses(t *testing.T) {
	if w := model.ComputeEditorGoal(movementDataset(t, model.ClassReal), 2024).Total.Mix.Word(); w != "real" {
		t.Errorf("real figures say %q", w)
	}
	p := movementParts(model.ClassModeled)
	for i, o := range p.Observations {
		switch {
		case o.ISO2 == "IN" && o.Year == 2024:
			p.Observations[i].Class = model.ClassReal // against a modeled 2023: not comparable
		case o.ISO2 == "BD" && o.Year >= 2023:
			p.Observations[i].Class = model.ClassReal
		case o.ISO2 == "NG" && o.Year >= 2023:
			p.Observations[i].Class = model.ClassEstimated
		}
	}
	d, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	g := model.ComputeEditorGoal(d, 2024)
	em := g.Markets[1]
	// BD real 10 → 11, NG estimated 40 → 38; India left out.
	if em.Left != 1 || em.Countries != 2 || !near(em.Now, 49) || !near(em.Before, 50) || em.Mix.Word() != "real and estimated" {
		t.Errorf("emerging: %+v (%s)", em, em.Mix.Word())
	}
	if w := g.Total.Mix.Word(); w != "partly MODELED" {
		t.Errorf("all countries: %q", w)
	}
	if w := g.Markets[0].Mix.Word(); w != "MODELED" {
		t.Errorf("established: %q", w)
	}
	for _, c := range g.Top {
		if c.Country.ISO2 == "IN" {
			t.Errorf("India's real figure against a modeled one ranks: %+v", c)
		}
	}
}

func TestClassMixWord(t *testing.T) {
	for _, tc := range []struct {
		mix  model.ClassMix
		want string
	}{
		{model.ClassMix{}, ""},
		{model.ClassMix{Real: 3}, "real"},
		{model.ClassMix{Estimated: 3}, "estimated"},
		{model.ClassMix{Real: 1, Estimated: 1}, "real and estimated"},
		{model.ClassMix{Modeled: 2}, "MODELED"},
		{model.ClassMix{Real: 1, Modeled: 2}, "partly MODELED"},
		{model.ClassMix{Estimated: 1, Modeled: 2}, "partly MODELED"},
	} {
		if got := tc.mix.Word(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.mix, got, tc.want)
		}
	}
}

func TestMarketOf(t *testing.T) {
	for class, want := range map[string]string{
		"Developed": model.MarketEstablished, "Emerging": model.MarketEmerging,
		"Least Developed": model.MarketEmerging, "": model.NotClassified,
	} {
		if got := model.MarketOf(model.Country{EmergingClass: class}); got != want {
			t.Errorf("%q: %q, want %q", class, got, want)
		}
	}
}

// Quartiles by the page's definition, on votes small enough to rank by
// hand: nine initiatives, percentiles (place − 1) / 8 × 100, ties at their
// mean place.
func TestQuartiles(t *testing.T) {
	votes := []int{90, 80, 70, 70, 50, 40, 30, 20, 10}
	// ascending places: 10→0, 20→12.5, 30→25, 40→37.5, 50→50, 70,70→68.75, 80→87.5, 90→100
	want := []int{1, 1, 2, 2, 2, 3, 3, 4, 4}
	var inits []model.Initiative
	for i, v := range votes {
		inits = append(inits, model.Initiative{Number: i + 1, Votes: v})
	}
	got := model.Quartiles(inits)
	for i, w := range want {
		if got[i+1] != w {
			t.Errorf("%d votes: quartile %d, want %d", votes[i], got[i+1], w)
		}
	}
	if q := model.Quartiles([]model.Initiative{{Number: 7, Votes: 3}}); q[7] != 1 {
		t.Errorf("a lone initiative: %d", q[7])
	}
	for q, name := range map[int]string{1: "First quartile (most voted): 100-75%", 4: "Fourth quartile (least voted): 25-0%", 5: ""} {
		if got := model.QuartileName(q); got != name {
			t.Errorf("QuartileName(%d) = %q", q, got)
		}
	}
}

func TestSortInitiatives(t *testing.T) {
	inits := []model.Initiative{
		{Number: 1, Recommendation: 1, Votes: 30},
		{Number: 2, Recommendation: 1, Votes: 70},
		{Number: 3, Recommendation: 2, Votes: 70},
		{Number: 4, Recommendation: 2, Votes: 10},
	}
	for _, tc := range []struct {
		o    model.InitiativeOrder
		want string
	}{
		{model.ByNumber, "[1 2 3 4]"},
		{model.ByVotes, "[2 3 1 4]"},
		{model.ByRecommendation, "[2 1 3 4]"},
	} {
		var got []int
		for _, in := range model.SortInitiatives(inits, tc.o) {
			got = append(got, in.Number)
		}
		if fmt.Sprint(got) != tc.want {
			t.Errorf("%s: %v, want %s", tc.o.Name(), got, tc.want)
		}
	}
	if model.ByRecommendation.Next() != model.ByNumber {
		t.Error("the orders do not cycle")
	}
}

// The published figures, written here from the documents themselves
// (seed 002, the Thriving Movement tuning session Q1 FY20-21): the bundled
// database must hold every one of them exactly, so that a typing mistake
// in sample-data/sources/movement_metrics.csv fails.
func TestMovementMetricsPublished(t *testing.T) {
	type fig struct {
		id        string
		value     float64
		hasValue  bool
		change    float64
		hasChange bool
		note      string // a phrase the note must hold, as the document writes it
	}
	v := func(id string, value float64, note string) fig { return fig{id, value, true, 0, false, note} }
	want := []fig{
		v("editors.baseline", 99000, "99K active editors/month"),
		{"editors.goal", 0, false, 5, true, "+5% YoY"},
		{"editors.goal.established", 0, false, 5, true, "+5% YoY"},
		{"editors.goal.emerging", 0, false, 5, true, "+5% YoY"},
		{"editors.q1", 89000, true, 7.3, true, "89K/mo*"},
		{"editors.q1.established", 71000, true, 6.0, true, "71K/mo"},
		{"editors.q1.emerging", 23000, true, 9.5, true, "23K/mo"},
		{"editors.q1.largest", 0, false, 0, false, "India, Argentina, Vietnam, Iran and Brazil"},
		v("retention.baseline", 6.7, "6.7% editor retention/month"),
		{"retention.goal", 0, false, 5, true, "+5% YoY"},
		{"retention.goal.established", 0, false, 5, true, "+5% YoY"},
		{"retention.goal.emerging", 0, false, 5, true, "+5% YoY"},
		{"retention.q1", 5.7, true, 7.5, true, "5.7%/mo*"},
		{"retention.q1.established", 6.6, true, 0, false, "not available"},
		{"retention.q1.emerging", 4.6, true, 12.2, true, "4.6%/mo"},
		v("empowerment.baseline", 72, "72% of newcomers feel empowered to succeed"),
		v("participation.youth", 15, ""),
		v("participation.women", 11.6, ""),
		v("participation.gender_minorities", 1.8, ""),
		v("participation.outside_na_eu", 32, ""),
		v("leaders.women", 26, ""),
		v("leaders.gender_minorities", 2.9, ""),
		v("leaders.outside_eur_na", 45, ""),
		v("supported.organizers", 64, ""),
		v("supported.admins", 86, ""),
		v("safety.unsafe", 35, ""),
		v("safety.unsafe.goal", 33, "33% unsafe"),
		v("safety.harassed", 14, ""),
		v("safety.harassed.goal", 13, "13% harassed"),
		v("grants.not_established", 64, "64% of grants"),
		v("grants.not_established.goal", 66, "66%"),
		v("organizers.satisfied", 67.7, "67.7% of movement organizers"),
		v("organizers.satisfied.goal", 70, "70%"),
	}
	mv := bundled(t).Movement
	if len(mv.Metrics) != len(want) {
		t.Errorf("%d published figures, want %d", len(mv.Metrics), len(want))
	}
	for _, w := range want {
		m, ok := mv.Metric(w.id)
		if !ok {
			t.Errorf("%s is missing", w.id)
			continue
		}
		if m.HasValue != w.hasValue || m.Value != w.value || m.HasChange != w.hasChange || m.Change != w.change {
			t.Errorf("%s: value %v (%v), change %v (%v); the document says %v (%v), %v (%v)",
				w.id, m.Value, m.HasValue, m.Change, m.HasChange, w.value, w.hasValue, w.change, w.hasChange)
		}
		if !containsFold(m.Note, w.note) {
			t.Errorf("%s: note %q does not say %q", w.id, m.Note, w.note)
		}
		if m.Source != "wmf-mtp-q1-fy2020-21" {
			t.Errorf("%s cites %q", w.id, m.Source)
		}
	}
}

// The 45 initiatives and their votes as the Global Conversations report of
// November 2020 gives them (seed 004), written here from the page.
func TestInitiativesPublished(t *testing.T) {
	type ini struct {
		rec   int
		name  string
		votes int
	}
	want := map[int]ini{
		1:  {1, "Systematic approach to improve satisfaction and productivity", 34},
		2:  {1, "Funding for underrepresented communities", 74},
		3:  {1, "Increased awareness about the Wikimedia Movement", 62},
		4:  {1, "Global revenue generation policy + fundraising strategy", 32},
		5:  {1, "Developing enterprise-level API", 11},
		6:  {1, "Engagement of third party ecosystems", 12},
		7:  {1, "Revenue generation for the Movement", 18},
		8:  {1, "Align with environmental sustainability initiatives", 26},
		9:  {2, "Methodology to improve the Wikimedia platform UX research, design, testing and community engagement", 51},
		10: {2, "Compatibility with Accessibility Guidelines", 13},
		11: {2, "Resources for newcomers", 72},
		12: {2, "Peer-to-peer spaces", 14},
		13: {2, "Platform functionality and documentation standards", 9},
		14: {2, "Cross-project tool development and reuse", 19},
		15: {2, "Partnerships to develop Wikimedia API", 7},
		16: {3, "Code of Conduct", 61},
		17: {3, "Private incident reporting", 18},
		18: {3, "Baseline of community responsibilities", 15},
		19: {3, "Develop a safety assessment and execution plan - technical, human, and legal support processes", 17},
		20: {3, "Advocacy - local capacity development", 28},
		21: {3, "Built-in platform mechanisms for safety", 12},
		22: {4, "Movement Charter", 43},
		23: {4, "Interim Global Council", 27},
		24: {4, "The Global Council", 66},
		25: {4, "Regional & thematic hubs", 80},
		26: {4, "Flexible resource allocation framework", 26},
		27: {4, "Guidelines for board functions and governance", 11},
		28: {5, "Living documents to define responsibilities for specific areas of work", 5},
		29: {5, "Enhance communication and collaboration capacity with partners and collaborators", 16},
		30: {5, "Technology Council (for improved communication, coordination and support)", 25},
		31: {6, "Global approach for local skill development - gathering data, matching peers, mentorship, recognition", 36},
		32: {6, "Leadership development plan", 50},
		33: {6, "Skill development infrastructure", 57},
		34: {7, "Facilitate a culture of documentation", 21},
		35: {7, "Establish a movement wide knowledge base", 30},
		36: {8, "Identify the impact of Wikimedia projects & content", 32},
		37: {8, "List of high-impact topics", 35},
		38: {8, "Content initiatives in underrepresented communities", 24},
		39: {9, "Identifying policies that hinder knowledge equity", 22},
		40: {9, "Policies for experimentation with projects for knowledge equity", 10},
		41: {9, "Continuous experimentation, technology, and partnerships for content, formats, and devices", 23},
		42: {10, "Monitoring, evaluation and learning at all levels with support and mutual accountability", 11},
		43: {10, "Develop a comprehensive evaluation system for Movement activities and structures - including technology, coordination, capacity, policies and governance", 15},
		44: {10, "Iterative change processes", 5},
		45: {10, "Adaptive Policies (flexible policies, structures, budgeting and planning to adapt to global changes)", 19},
	}
	recs := map[int]string{
		1: "Increase the Sustainability of Our Movement", 2: "Improve User Experience", 3: "Provide for Safety and Inclusion",
		4: "Ensure Equity in Decision-Making", 5: "Coordinate Across Stakeholders", 6: "Invest in Skills and Leadership Development",
		7: "Manage Internal Knowledge", 8: "Identify Topics for Impact", 9: "Innovate in Free Knowledge", 10: "Evaluate, Iterate, and Adapt",
	}
	inits := bundled(t).Movement.Initiatives
	if len(inits) != 45 {
		t.Fatalf("%d initiatives, want 45", len(inits))
	}
	quart := model.Quartiles(inits)
	perQuartile := map[int]int{}
	for i, in := range inits {
		w := want[in.Number]
		if in.Number != i+1 || in.Name != w.name || in.Votes != w.votes || in.Recommendation != w.rec || in.RecommendationName != recs[w.rec] {
			t.Errorf("initiative %d: %d %q, %d votes, recommendation %d %q; the page says %q, %d votes, recommendation %d %q",
				i+1, in.Number, in.Name, in.Votes, in.Recommendation, in.RecommendationName, w.name, w.votes, w.rec, recs[w.rec])
		}
		if in.Quartile != quart[in.Number] {
			t.Errorf("initiative %d: quartile %d, its votes give %d", in.Number, in.Quartile, quart[in.Number])
		}
		perQuartile[in.Quartile]++
		if in.Source != "meta-global-conversations-2020-11" {
			t.Errorf("initiative %d cites %q", in.Number, in.Source)
		}
	}
	if fmt.Sprint(perQuartile) != "map[1:12 2:11 3:11 4:11]" {
		t.Errorf("quartiles hold %v", perQuartile)
	}
	// The footnote on 24, and the lines the page lists under 9, 36 and 37.
	if n := inits[23].VoteNote; !containsFold(n, "Interim Global Council") || !containsFold(n, "6 instances") {
		t.Errorf("24's footnote: %q", n)
	}
	for num, also := range map[int]string{9: "Adaptable UX to various devices", 36: "Identifying impactful topics", 37: "Bridging content gaps"} {
		if !containsFold(inits[num-1].Also, also) {
			t.Errorf("%d: %q does not list %q", num, inits[num-1].Also, also)
		}
	}
	// The initiatives the issue names as bearing on equity are marked, each
	// with its reason.
	for _, num := range []int{2, 25, 38} {
		if !inits[num-1].Marked() {
			t.Errorf("%d %s is not marked", num, inits[num-1].Name)
		}
	}
	for _, in := range inits {
		if in.Marked() && len(in.Bearing) < 40 {
			t.Errorf("%d: the reason %q says too little", in.Number, in.Bearing)
		}
	}
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}
