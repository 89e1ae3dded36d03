package model_test

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// The checklist tests work on small hand-made datasets: the catalog's
// indicators (model.Catalog), a handful of countries in two Wikimedia
// regions, observations of just the inputs a rule reads, and scores set
// directly (SetScores through Parts.Scores) so that every signal is exact.
// Every expectation below is worked out by hand in the comments beside it.

// ---- the use cases, word for word -----------------------------------------

// seedPath is the Equity Landscape's pilot page, relative to this package.
const seedPath = "../../shared/seeds/000_db84a2c722f75964.txt"

// The nine questions as the pilot page words them, byte for byte (note the
// typographic apostrophe of "country’s" and the full stop that ends 1.4).
var seedQuestions = [][]string{
	{
		"Is a potential partner or grantee proposing a project in a country, language, and project space with an adequate reader or editor presence and/or high growth potential, to accomplish its goal(s)?",
		"Is a partnership opportunity or grant request in line with the country\u2019s Wikimedia presence, and proportionate to their base?",
		"Might a potential partner or grantee face potential barriers to freedom or access which may prevent reaching goals in the targeted geographic space(s)?",
		"How many other affiliates may be operating in the same space.",
	},
	{
		"Which countries or regions have a strong affiliate presence and reader base but are lacking in editorship?",
		"Does a country or region have a well-balanced movement organizer ecosystem to support an international event or extensive collaborative partnership?",
		"Which countries and regions have the most potential for growth in different domains?",
		"To what extent does a country engage in various languages and projects?",
		"What countries may need capacity support to enable movement coordination?",
	},
}

var seedTitles = []string{
	"Direct grant funds and resource opportunities to spaces ready for growth",
	"Direct non-monetary support and partnering opportunities to relevant spaces ready for development",
}

var seedActors = [][]string{
	{"Grant applicants", "Grants officers", "Grant-making committees", "Regional hub organizers", "Potential Partners"},
	{"Community Organizers", "Affiliates", "Grantees", "Partners", "Community engagement and support teams"},
}

// seedUseCase is a use case as the pilot page lists it.
type seedUseCase struct {
	title     string
	actors    []string
	questions []string
}

// parseSeed reads the use cases off the pilot page: a line "Use Case N:
// <title>. Actors:", its actors as "  • " bullets, a line "Potential
// reflection questions…", and the questions as bullets.
func parseSeed(t *testing.T, text string) []seedUseCase {
	t.Helper()
	var out []seedUseCase
	state := "" // "actors", "questions" or "" between lists
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "Use Case "):
			_, rest, ok := strings.Cut(line, ": ")
			title, ok2 := strings.CutSuffix(rest, ". Actors:")
			if !ok || !ok2 {
				t.Fatalf("seed: unexpected use case line %q", line)
			}
			out = append(out, seedUseCase{title: title})
			state = "actors"
		case strings.HasPrefix(trimmed, "Potential reflection questions"):
			state = "questions"
		case strings.HasPrefix(trimmed, "• "):
			if len(out) == 0 || state == "" {
				t.Fatalf("seed: bullet outside a use case: %q", line)
			}
			item := strings.TrimPrefix(trimmed, "• ")
			uc := &out[len(out)-1]
			if state == "actors" {
				uc.actors = append(uc.actors, item)
			} else {
				uc.questions = append(uc.questions, item)
			}
		case trimmed != "" && state == "questions":
			state = "" // the question list has ended
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// The use cases quote the hard-coded texts above, so the test checks them
// even where the seed file is absent.
func TestUseCases(t *testing.T) {
	ucs := model.UseCases()
	if len(ucs) != 2 {
		t.Fatalf("UseCases() has %d use cases, want 2", len(ucs))
	}
	wantSubjects := [][]string{{model.SubjectCountry}, {model.SubjectCountry, model.SubjectRegion}}
	for i, uc := range ucs {
		if uc.Number != i+1 {
			t.Errorf("use case %d: Number = %d", i+1, uc.Number)
		}
		if uc.Title != seedTitles[i] {
			t.Errorf("use case %d: Title = %q, want %q", i+1, uc.Title, seedTitles[i])
		}
		if !reflect.DeepEqual(uc.Actors, seedActors[i]) {
			t.Errorf("use case %d: Actors = %q, want %q", i+1, uc.Actors, seedActors[i])
		}
		if !reflect.DeepEqual(uc.Subjects, wantSubjects[i]) {
			t.Errorf("use case %d: Subjects = %q, want %q", i+1, uc.Subjects, wantSubjects[i])
		}
		// 4 questions in use case 1, 5 in use case 2.
		if len(uc.Questions) != len(seedQuestions[i]) {
			t.Fatalf("use case %d has %d questions, want %d", i+1, len(uc.Questions), len(seedQuestions[i]))
		}
		for j, q := range uc.Questions {
			wantID := string(rune('1'+i)) + "." + string(rune('1'+j))
			if q.ID != wantID {
				t.Errorf("use case %d question %d: ID = %q, want %q", i+1, j+1, q.ID, wantID)
			}
			if q.Text != seedQuestions[i][j] {
				t.Errorf("question %s:\n got %q\nwant %q", wantID, q.Text, seedQuestions[i][j])
			}
			if strings.TrimSpace(q.Reading) == "" {
				t.Errorf("question %s has no Reading", wantID)
			}
		}
	}
	if n := len(ucs[0].Questions) + len(ucs[1].Questions); n != 9 {
		t.Errorf("%d questions in all, want 9", n)
	}
}

// The same, against the pilot page itself when it is there.
func TestUseCasesQuoteSeed(t *testing.T) {
	raw, err := os.ReadFile(seedPath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is absent: the hard-coded texts of TestUseCases stand in for it", seedPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	seed := parseSeed(t, string(raw))
	if len(seed) != 2 {
		t.Fatalf("the seed lists %d use cases, want 2", len(seed))
	}
	for i, uc := range model.UseCases() {
		s := seed[i]
		if uc.Title != s.title {
			t.Errorf("use case %d: Title = %q, the seed says %q", i+1, uc.Title, s.title)
		}
		if !reflect.DeepEqual(uc.Actors, s.actors) {
			t.Errorf("use case %d: Actors = %q, the seed says %q", i+1, uc.Actors, s.actors)
		}
		if len(uc.Questions) != len(s.questions) {
			t.Errorf("use case %d: %d questions, the seed has %d", i+1, len(uc.Questions), len(s.questions))
			continue
		}
		for j, q := range uc.Questions {
			if q.Text != s.questions[j] {
				t.Errorf("question %s:\n got %q\nseed %q", q.ID, q.Text, s.questions[j])
			}
			// and the hard-coded copy is the seed's, so the two tests agree
			if seedQuestions[i][j] != s.questions[j] {
				t.Errorf("the test's copy of question %s differs from the seed", q.ID)
			}
		}
	}
}

func TestUseCaseByNumber(t *testing.T) {
	for _, n := range []int{1, 2} {
		uc, ok := model.UseCaseByNumber(n)
		if !ok || uc.Number != n || uc.Title != seedTitles[n-1] {
			t.Errorf("UseCaseByNumber(%d) = %d %q, %v", n, uc.Number, uc.Title, ok)
		}
	}
	for _, n := range []int{0, 3, -1} {
		if uc, ok := model.UseCaseByNumber(n); ok || uc.Number != 0 || uc.Questions != nil {
			t.Errorf("UseCaseByNumber(%d) = %+v, %v; want nothing", n, uc, ok)
		}
	}
}

// ---- subjects and verdicts -------------------------------------------------

func TestSubject(t *testing.T) {
	ng := model.Country{ISO2: "NG", Name: "Nigeria", WikimediaRegion: clSSA}
	tests := []struct {
		s        model.Subject
		key      string
		name     string
		isRegion bool
	}{
		{model.Subject{Country: ng}, "NG", "Nigeria", false},
		{model.Subject{Region: "South Asia", Grouping: model.GroupWikimedia}, "region-south-asia", "South Asia", true},
		// "&" reads "and", punctuation goes, spaces become hyphens
		{model.Subject{Region: "Northern & Western Europe", Grouping: model.GroupWikimedia}, "region-northern-and-western-europe", "Northern & Western Europe", true},
		{model.Subject{Region: "East, Southeast Asia, & Pacific", Grouping: model.GroupWikimedia}, "region-east-southeast-asia-and-pacific", "East, Southeast Asia, & Pacific", true},
		// a region subject is a region even with a country set beside it
		{model.Subject{Country: ng, Region: "Sub-Saharan Africa", Grouping: model.GroupWikimedia}, "region-sub-saharan-africa", "Sub-Saharan Africa", true},
	}
	for _, tt := range tests {
		if got := tt.s.Key(); got != tt.key {
			t.Errorf("Key() = %q, want %q", got, tt.key)
		}
		if got := tt.s.Name(); got != tt.name {
			t.Errorf("Name() = %q, want %q", got, tt.name)
		}
		if got := tt.s.IsRegion(); got != tt.isRegion {
			t.Errorf("%q: IsRegion() = %v, want %v", tt.name, got, tt.isRegion)
		}
	}
}

func TestVerdicts(t *testing.T) {
	uc1, _ := model.UseCaseByNumber(1)
	uc2, _ := model.UseCaseByNumber(2)
	vs := model.Verdicts{
		"1.1": {Answer: model.VerdictYes},
		"1.2": {Note: "ask about the budget"}, // a note alone is no answer
		"1.3": {Answer: model.VerdictUnsure, Note: "check the risk"},
		"1.9": {Answer: model.VerdictNo}, // not a question of use case 1
		"2.4": {Answer: model.VerdictNo},
		"2.5": {Updated: "2025-03-04T10:00:00Z"},
	}
	// use case 1: 1.1 and 1.3 → 2; use case 2: 2.4 → 1
	if got := vs.Answered(uc1); got != 2 {
		t.Errorf("Answered(use case 1) = %d, want 2", got)
	}
	if got := vs.Answered(uc2); got != 1 {
		t.Errorf("Answered(use case 2) = %d, want 1", got)
	}
	if got := (model.Verdicts(nil)).Answered(uc1); got != 0 {
		t.Errorf("nil Verdicts: Answered = %d, want 0", got)
	}
	empties := []struct {
		v    model.Verdict
		want bool
	}{
		{model.Verdict{}, true},
		{model.Verdict{Updated: "2025-03-04T10:00:00Z"}, true}, // a date alone says nothing
		{model.Verdict{Note: "x"}, false},
		{model.Verdict{Answer: model.VerdictNo}, false},
		{model.Verdict{Answer: model.VerdictUnsure, Note: "x"}, false},
	}
	for _, e := range empties {
		if got := e.v.Empty(); got != e.want {
			t.Errorf("%+v.Empty() = %v, want %v", e.v, got, e.want)
		}
	}
}

// The thresholds' documented values: the boundary cases below are worked
// out with these numbers.
func TestChecklistThresholds(t *testing.T) {
	got := []float64{model.AdequatePresence, model.NearPresence, model.ProportionGap, model.GrantsOutOfProportion,
		model.RequestInLine, model.RequestOutOfLine, model.LowInternet, model.LowLiteracy, model.HighRisk,
		model.UnpublishedRisk, model.MainLanguageShare, model.CrowdedAffiliates, model.RegionShareDivisor,
		model.WideCoverage, model.SomeCoverage, model.GrowthStrong, model.GrowthWeak}
	want := []float64{50, 40, 15, 30, 1, 3, 20, 60, 67.5, 75, 20, 3, 10, 80, 50, 60, 40}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("thresholds = %v, want %v", got, want)
	}
}

// ---- fixtures --------------------------------------------------------------

const (
	clYear = 2024
	clSSA  = "Sub-Saharan Africa"
	clSA   = "South Asia"
	clNWE  = "Northern & Western Europe"
	clLAC  = "Latin America & Caribbean"
	clNA   = "North America"
)

// clObs is an activity observation of clYear.
func clObs(iso2, ind string, v float64) model.Observation {
	return model.Observation{ISO2: iso2, Indicator: ind, Year: clYear, Value: v}
}

// clCtx is a context observation of a given year.
func clCtx(iso2, ind string, year int, v float64) model.Observation {
	return model.Observation{ISO2: iso2, Indicator: ind, Year: year, Value: v}
}

func clScore(iso2 string, dom model.DomainID, f model.Facet, v float64) model.Score {
	return model.Score{ISO2: iso2, Domain: dom, Facet: f, Year: clYear, Score: v}
}

// clP and clG are presence and growth scores of clYear.
func clP(iso2 string, dom model.DomainID, v float64) model.Score {
	return clScore(iso2, dom, model.Presence, v)
}

func clG(iso2 string, dom model.DomainID, v float64) model.Score {
	return clScore(iso2, dom, model.Growth, v)
}

func clRisk(v float64) *float64 { return &v }

// clIdle observes every presence input of a domain at zero, so that
// RankFacet finds the country idle (NoActivity): no presence score, and the
// checklists read its presence as 0.
func clIdle(iso2 string, dom model.DomainID) []model.Observation {
	switch dom {
	case model.Affiliates:
		return []model.Observation{clObs(iso2, model.IndAffiliates, 0), clObs(iso2, model.IndAffTenure, 0), clObs(iso2, model.IndAffMaxSize, 0), clObs(iso2, model.IndAffGovernance, 0)}
	case model.Programs:
		return []model.Observation{clObs(iso2, model.IndOrganizers, 0), clObs(iso2, model.IndParticipants, 0), clObs(iso2, model.IndProgramGrants, 0)}
	case model.Editorship:
		// 33.3 + 33.3 of 99.9 present: more than half the weight
		return []model.Observation{clObs(iso2, model.IndWPEditors, 0), clObs(iso2, model.IndAllEditors, 0)}
	case model.Grants:
		// the dollar inputs are ranked per GDP per capita: 0 ÷ 5000 = 0
		return []model.Observation{
			clObs(iso2, model.IndGrantsHistUSD, 0), clObs(iso2, model.IndGrantsYearUSD, 0),
			clObs(iso2, model.IndGrantsHistN, 0), clObs(iso2, model.IndGrantsYearN, 0),
			clCtx(iso2, model.IndGDPPerCap, 2023, 5000),
		}
	}
	panic("clIdle: " + string(dom))
}

// clNigeria is the subject of the country questions. Its languages (CLDR
// shares, made up to sit on the boundaries):
//
//	ha Hausa  30     main, hawiki open
//	aa Afar   25     main, aawiki closed
//	ff Fula   21     main, no Wikipedia in the fixture
//	yo Yoruba 20     main (exactly MainLanguageShare), yowiki open
//	ig Igbo   19.9   not main, no Wikipedia in the fixture
//	en English 10    main (official), enwiki open
func clNigeria() model.Country {
	return model.Country{ISO2: "NG", ISO3: "NGA", Name: "Nigeria", WikimediaRegion: clSSA, Languages: []model.CountryLanguage{
		{Lang: "en", PopulationPct: 10, OfficialStatus: "official"},
		{Lang: "ig", PopulationPct: 19.9},
		{Lang: "ha", PopulationPct: 30},
		{Lang: "ff", PopulationPct: 21},
		{Lang: "yo", PopulationPct: 20},
		{Lang: "aa", PopulationPct: 25},
	}}
}

// clNG is Nigeria changed by edit.
func clNG(edit func(*model.Country)) model.Country {
	c := clNigeria()
	edit(&c)
	return c
}

// clWikis: Wikipedias in en ha yo sw fr hi bn sr no (open) and aa (closed),
// a few sister projects, and none in ff, ig, tw, ne, wo.
func clWikis() []model.Wiki {
	w := func(db, lang, project, status string) model.Wiki {
		return model.Wiki{DB: db, Lang: lang, Project: project, Status: status}
	}
	return []model.Wiki{
		w("enwiki", "en", "wikipedia", "open"), w("enwiktionary", "en", "wiktionary", "open"), w("enwikinews", "en", "wikinews", "closed"),
		w("hawiki", "ha", "wikipedia", "open"), w("hawiktionary", "ha", "wiktionary", "open"),
		w("yowiki", "yo", "wikipedia", "open"),
		w("aawiki", "aa", "wikipedia", "closed"),
		w("swwiki", "sw", "wikipedia", "open"),
		w("frwiki", "fr", "wikipedia", "open"),
		w("hiwiki", "hi", "wikipedia", "open"),
		w("bnwiki", "bn", "wikipedia", "open"), w("bnwikisource", "bn", "wikisource", "open"),
		w("srwiki", "sr", "wikipedia", "open"),
		w("nowiki", "no", "wikipedia", "open"),
	}
}

func clLanguages() map[string]string {
	return map[string]string{
		"en": "English", "ha": "Hausa", "yo": "Yoruba", "ig": "Igbo", "aa": "Afar", "ff": "Fula",
		"sw": "Swahili", "fr": "French", "hi": "Hindi", "bn": "Bengali", "tw": "Twi", "ne": "Nepali",
		"nb": "Norwegian Bokmål", "no": "Norwegian",
	}
}

// clData is a hand-made dataset.
type clData struct {
	countries []model.Country // nil: Nigeria alone
	obs       []model.Observation
	scores    []model.Score
	// unmodeled leaves every indicator unmodeled; otherwise every scored
	// input is modeled (as in the bundled sample) except the annual grant
	// count, so that a fact can be seen to follow its own input.
	unmodeled bool
	// indicators edits the catalog.
	indicators func([]model.Indicator) []model.Indicator
}

func (s clData) build(t *testing.T) *model.Dataset {
	t.Helper()
	countries := s.countries
	if countries == nil {
		countries = []model.Country{clNigeria()}
	}
	inds := model.Catalog()
	if !s.unmodeled {
		for i := range inds {
			inds[i].Modeled = inds[i].Facet != model.Context && inds[i].ID != model.IndGrantsYearN
		}
	}
	if s.indicators != nil {
		inds = s.indicators(inds)
	}
	d, err := model.New(model.Parts{
		Meta:         model.Meta{Title: "checklist fixture", Kind: model.KindSample},
		Countries:    countries,
		Indicators:   inds,
		Languages:    clLanguages(),
		Wikis:        clWikis(),
		Observations: s.obs,
		Scores:       s.scores,
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return d
}

// clFact is an expected fact, found by its label.
type clFact struct {
	label   string
	kind    model.FactKind
	ok      bool
	value   float64
	text    string
	modeled bool
}

// clCase is one question asked of one subject of one dataset.
type clCase struct {
	name    string
	data    clData
	country string // the subject's ISO2; "NG" when empty
	region  string // a Wikimedia region subject instead of a country
	req     model.Request

	signal model.Signal
	reason string
	labels []string // when set, the facts' labels in order
	facts  []clFact // facts that must be there as given
	absent []string // labels that must not be there
	title  string   // MentionsTitle
	// mentions are "ISO2 Name: note", in order; nil for none
	mentions []string
}

// clAsk answers question id for the subject through Checklist.
func clAsk(t *testing.T, d *model.Dataset, id string, s model.Subject, req model.Request) model.Answer {
	t.Helper()
	uc, ok := model.UseCaseByNumber(int(id[0] - '0'))
	if !ok {
		t.Fatalf("no use case for question %s", id)
	}
	answers := d.Checklist(uc, s, clYear, req)
	if len(answers) != len(uc.Questions) {
		t.Fatalf("Checklist gave %d answers for %d questions", len(answers), len(uc.Questions))
	}
	for i, a := range answers {
		if a.Question != uc.Questions[i] {
			t.Fatalf("answer %d is to question %q, want %q", i, a.Question.ID, uc.Questions[i].ID)
		}
	}
	for _, a := range answers {
		if a.Question.ID == id {
			return a
		}
	}
	t.Fatalf("no answer to question %s", id)
	return model.Answer{}
}

func runChecklistCases(t *testing.T, id string, cases []clCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.data.build(t)
			var s model.Subject
			if tc.region != "" {
				s = model.Subject{Region: tc.region, Grouping: model.GroupWikimedia}
			} else {
				iso2 := tc.country
				if iso2 == "" {
					iso2 = "NG"
				}
				c, ok := d.Country(iso2)
				if !ok {
					t.Fatalf("no country %s in the fixture", iso2)
				}
				s = model.Subject{Country: c}
			}
			a := clAsk(t, d, id, s, tc.req)
			checkAnswer(t, a, tc)
		})
	}
}

func checkAnswer(t *testing.T, a model.Answer, tc clCase) {
	t.Helper()
	if a.Signal != tc.signal {
		t.Errorf("Signal = %q, want %q (reason %q)", a.Signal, tc.signal, a.Reason)
	}
	if a.Reason != tc.reason {
		t.Errorf("Reason:\n got %q\nwant %q", a.Reason, tc.reason)
	}
	byLabel := map[string]model.Fact{}
	var labels []string
	for _, f := range a.Facts {
		if _, dup := byLabel[f.Label]; dup {
			t.Errorf("fact %q appears twice", f.Label)
		}
		byLabel[f.Label] = f
		labels = append(labels, f.Label)
	}
	if tc.labels != nil && !reflect.DeepEqual(labels, tc.labels) {
		t.Errorf("fact labels:\n got %q\nwant %q", labels, tc.labels)
	}
	for _, w := range tc.facts {
		f, ok := byLabel[w.label]
		if !ok {
			t.Errorf("no fact %q among %q", w.label, labels)
			continue
		}
		if f.Kind != w.kind || f.OK != w.ok || !same(f.Value, w.value) || f.Text != w.text || f.Modeled != w.modeled {
			t.Errorf("fact %q = {kind %d ok %v value %v text %q modeled %v}, want {kind %d ok %v value %v text %q modeled %v}",
				w.label, f.Kind, f.OK, f.Value, f.Text, f.Modeled, w.kind, w.ok, w.value, w.text, w.modeled)
		}
	}
	for _, l := range tc.absent {
		if _, ok := byLabel[l]; ok {
			t.Errorf("fact %q should not be there", l)
		}
	}
	var mentions []string
	for _, m := range a.Mentions {
		mentions = append(mentions, m.ISO2+" "+m.Name+": "+m.Note)
	}
	if !reflect.DeepEqual(mentions, tc.mentions) {
		t.Errorf("Mentions:\n got %q\nwant %q", mentions, tc.mentions)
	}
	if a.MentionsTitle != tc.title {
		t.Errorf("MentionsTitle = %q, want %q", a.MentionsTitle, tc.title)
	}
}

// Fact labels.
const (
	lRP  = "Readership presence"
	lRG  = "Readership growth"
	lEP  = "Editorship presence"
	lEG  = "Editorship growth"
	lAP  = "Affiliates Leadership presence"
	lAG  = "Affiliates Leadership growth"
	lAcG = "Access growth"
	lGP  = "Grants Leadership presence"
	lGG  = "Grants Leadership growth"
	lPP  = "Programs & Events Leadership presence"
	lDev = "Unique devices a month"
	lWPE = "Wikipedia editors a month"
	lML  = "Main languages and their Wikipedias"

	// the rank of a country alone in its region with a score
	oneOfOne = "1 of 1 in region"
	notEnuf  = "not enough data"
)

// ---- question 1.1: presence and growth -----------------------------------------

func TestChecklist11PresenceAndGrowth(t *testing.T) {
	const ng = "NG"
	R, E := model.Readership, model.Editorship
	cases := []clCase{
		{
			name: "readers exactly at the median, no growth score",
			data: clData{scores: []model.Score{clP(ng, R, 50), clP(ng, E, 30)}},
			// best(50 readership, 30 editorship) = 50 ≥ 50; no growth → second branch
			signal: model.Strong, reason: "readership presence 50.0, at or above the median (50.0)",
			facts: []clFact{
				{lRP, model.FactScore, true, 50, oneOfOne, true},
				{lRG, model.FactScore, false, 0, notEnuf, false},
				{lEP, model.FactScore, true, 30, oneOfOne, true},
			},
		},
		{
			name: "presence and growth both on their lines, a tie goes to readership",
			data: clData{scores: []model.Score{clP(ng, R, 50), clP(ng, E, 50), clG(ng, R, 60), clG(ng, E, 60)}},
			// 50 ≥ 50 and growth 60 ≥ GrowthStrong 60; ties pick the first (readership)
			signal: model.Strong, reason: "readership presence 50.0 and readership growth 60.0",
		},
		{
			name: "editors lead presence and growth",
			data: clData{scores: []model.Score{clP(ng, R, 40), clP(ng, E, 55), clG(ng, R, 60), clG(ng, E, 70)}},
			// presence max(40, 55) = 55 editorship; growth max(60, 70) = 70 editorship
			signal: model.Strong, reason: "editorship presence 55.0 and editorship growth 70.0",
		},
		{
			name: "growth exactly strong lifts a low presence",
			data: clData{scores: []model.Score{clP(ng, R, 30), clP(ng, E, 20), clG(ng, E, 60)}},
			// presence 30 < 50; growth: only editorship, 60 ≥ 60
			signal: model.Strong, reason: "editorship growth 60.0 is strong, though presence is 30.0",
		},
		{
			name: "just under the median and just under strong growth",
			data: clData{scores: []model.Score{clP(ng, R, 49.9), clP(ng, E, 20), clG(ng, R, 59.9)}},
			// 49.9 < 50, 59.9 < 60; 49.9 ≥ NearPresence 40 → mixed, naming
			// the best growth: readership 59.9 (the only one)
			signal: model.Mixed, reason: "best presence 49.9 (readership) is below the median; best growth 59.9 (readership)",
		},
		{
			name: "presence exactly near the median, no growth",
			data: clData{scores: []model.Score{clP(ng, R, 40)}},
			// 40 ≥ NearPresence 40 → mixed; no growth score, and the reason says so
			signal: model.Mixed, reason: "best presence 40.0 (readership) is below the median; no growth score this year",
		},
		{
			name: "presence near the median, weak growth",
			data: clData{scores: []model.Score{clP(ng, R, 45), clG(ng, R, 10)}},
			// 45 ≥ 40 → mixed on presence alone; the growth of 10 (≤ GrowthWeak)
			// is named as it is, not called middling
			signal: model.Mixed, reason: "best presence 45.0 (readership) is below the median; best growth 10.0 (readership)",
		},
		{
			name: "low presence, growth just above weak",
			data: clData{scores: []model.Score{clP(ng, R, 39.9), clG(ng, R, 40.1)}},
			// 39.9 < 40 but growth 40.1 > GrowthWeak 40 → mixed
			signal: model.Mixed, reason: "best presence 39.9 (readership) is below the median; best growth 40.1 (readership)",
		},
		{
			name: "low presence, growth exactly weak",
			data: clData{scores: []model.Score{clP(ng, R, 39.9), clG(ng, R, 40)}},
			// 39.9 < 40 and growth 40 is not > 40 → weak
			signal: model.Weak, reason: "best presence 39.9 (readership); best growth 40.0 (readership)",
		},
		{
			name: "the best growth is editorship's",
			data: clData{scores: []model.Score{clP(ng, R, 45), clG(ng, R, 20), clG(ng, E, 35)}},
			// presence 45 (readership) ≥ 40 → mixed; growth max(20, 35) = 35
			// editorship, named though presence is readership's
			signal: model.Mixed, reason: "best presence 45.0 (readership) is below the median; best growth 35.0 (editorship)",
		},
		{
			name: "weak, with an editorship growth only",
			data: clData{scores: []model.Score{clP(ng, R, 30), clP(ng, E, 25), clG(ng, E, 12)}},
			// presence max(30, 25) = 30 < 40; growth 12 (editorship) ≤ 40 → weak
			signal: model.Weak, reason: "best presence 30.0 (readership); best growth 12.0 (editorship)",
		},
		{
			name: "editors only",
			data: clData{scores: []model.Score{clP(ng, E, 45)}},
			// best(no readership, 45 editorship) = 45 → mixed; no growth score
			signal: model.Mixed, reason: "best presence 45.0 (editorship) is below the median; no growth score this year",
			facts: []clFact{
				{lRP, model.FactScore, false, 0, notEnuf, false},
				{lEP, model.FactScore, true, 45, oneOfOne, true},
			},
		},
		{
			name:   "no data for readership or editorship",
			data:   clData{},
			signal: model.NoEvidence, reason: "no readership or editorship presence score",
			facts: []clFact{
				{lRP, model.FactScore, false, 0, notEnuf, false},
				{lRG, model.FactScore, false, 0, notEnuf, false},
				{lEP, model.FactScore, false, 0, notEnuf, false},
				{lEG, model.FactScore, false, 0, notEnuf, false},
				{lDev, model.FactCount, false, 0, "", false},
				{lWPE, model.FactCount, false, 0, "", false},
			},
		},
		{
			name:   "growth without presence",
			data:   clData{scores: []model.Score{clG(ng, R, 90)}},
			signal: model.NoEvidence, reason: "no readership or editorship presence score",
			facts: []clFact{{lRG, model.FactScore, true, 90, oneOfOne, true}},
		},
		{
			name: "no editing recorded (idle editorship)",
			data: clData{obs: clIdle(ng, E), scores: []model.Score{clP(ng, R, 45)}},
			// editors 0 and all-project editors 0: RankFacet finds NG idle, so
			// no editorship score; readership 45 → mixed; no growth score
			signal: model.Mixed, reason: "best presence 45.0 (readership) is below the median; no growth score this year",
			facts: []clFact{
				{lEP, model.FactScore, false, 0, model.NoActivity, false},
				{lWPE, model.FactCount, true, 0, "", true},
			},
		},
		{
			name: "figures, ranks in the region and main languages",
			data: clData{
				countries: []model.Country{clNigeria(),
					{ISO2: "GH", Name: "Ghana", WikimediaRegion: clSSA},
					{ISO2: "KE", Name: "Kenya", WikimediaRegion: clSSA},
					{ISO2: "IN", Name: "India", WikimediaRegion: clSA}},
				obs: []model.Observation{clObs(ng, model.IndDevices, 1200), clObs(ng, model.IndWPEditors, 30)},
				scores: []model.Score{clP(ng, R, 62.5), clG(ng, R, 20), clP(ng, E, 30),
					clP("GH", R, 70), clP("KE", R, 40), clP("IN", R, 90)},
			},
			// presence max(62.5, 30) = 62.5 ≥ 50; growth 20 < 60
			signal: model.Strong, reason: "readership presence 62.5, at or above the median (50.0)",
			labels: []string{lRP, lRG, lEP, lEG, lDev, lWPE, lML},
			facts: []clFact{
				// Sub-Saharan Africa: GH 70 > NG 62.5 > KE 40 → 2 of 3; India's
				// 90 is in South Asia
				{lRP, model.FactScore, true, 62.5, "2 of 3 in region", true},
				{lRG, model.FactScore, true, 20, oneOfOne, true},
				{lEP, model.FactScore, true, 30, oneOfOne, true},
				{lEG, model.FactScore, false, 0, notEnuf, false},
				{lDev, model.FactCount, true, 1200, "", true},
				{lWPE, model.FactCount, true, 30, "", true},
				// main: ≥ 20% or official, largest first; Igbo's 19.9% is not main
				{lML, model.FactText, true, 0, "Hausa 30% (hawiki); Afar 25% (aawiki, closed); Fula 21% (no Wikipedia); Yoruba 20% (yowiki); English 10% (enwiki)", false},
			},
		},
		{
			name:   "an unmodeled dataset",
			data:   clData{unmodeled: true, obs: []model.Observation{clObs(ng, model.IndDevices, 800)}, scores: []model.Score{clP(ng, R, 50)}},
			signal: model.Strong, reason: "readership presence 50.0, at or above the median (50.0)",
			facts: []clFact{
				{lRP, model.FactScore, true, 50, oneOfOne, false},
				{lDev, model.FactCount, true, 800, "", false},
			},
		},
		{
			name: "a catalog without readership growth inputs",
			data: clData{
				scores: []model.Score{clP(ng, R, 55)},
				indicators: func(in []model.Indicator) []model.Indicator {
					var out []model.Indicator
					for _, ind := range in {
						if ind.Domain != model.Readership || ind.Facet != model.Growth {
							out = append(out, ind)
						}
					}
					return out
				},
			},
			signal: model.Strong, reason: "readership presence 55.0, at or above the median (50.0)",
			facts: []clFact{{lRG, model.FactScore, false, 0, "no growth inputs", false}},
		},
		{
			name: "no languages listed",
			data: clData{
				countries: []model.Country{clNG(func(c *model.Country) { c.Languages = nil })},
				scores:    []model.Score{clP(ng, R, 20)},
			},
			// 20 < 40 and no growth → weak
			signal: model.Weak, reason: "best presence 20.0 (readership); no growth score this year",
			facts: []clFact{{lML, model.FactText, true, 0, "none listed", false}},
		},
	}
	runChecklistCases(t, "1.1", cases)
}

// ---- question 1.2: proportionate to the base ------------------------------------

const (
	lGYUSD = "Grant dollars this year"
	lGYN   = "Grants this year"
	lGHUSD = "Grant dollars so far"
	lReq   = "Requested amount"
	lReqR  = "Requested ÷ this year's grant dollars"
	lReqE  = "Requested per Wikipedia editor"
)

func TestChecklist12Proportionate(t *testing.T) {
	const ng = "NG"
	R, E, G := model.Readership, model.Editorship, model.Grants
	amount := func(v float64) model.Request { return model.Request{Amount: v, HasAmount: true} }
	// The request cases: US$ 20 000 of grants this year in 3 grants, 90 000
	// so far, 40 Wikipedia editors; grants leadership 50 on a readership of
	// 50 (gap 0: in line).
	reqObs := []model.Observation{
		clObs(ng, model.IndGrantsYearUSD, 20000), clObs(ng, model.IndGrantsYearN, 3),
		clObs(ng, model.IndGrantsHistUSD, 90000), clObs(ng, model.IndWPEditors, 40),
	}
	reqData := clData{obs: reqObs, scores: []model.Score{clP(ng, G, 50), clP(ng, R, 50)}}
	const inLine = "grants leadership 50.0 is in line with readership presence 50.0"
	// No grant this year: zero dollars and count, 2 grants so far (the
	// counts hold 33.4 of 100 of the weight: too little to call NG idle).
	noYearObs := []model.Observation{
		clObs(ng, model.IndGrantsYearUSD, 0), clObs(ng, model.IndGrantsYearN, 0),
		clObs(ng, model.IndGrantsHistN, 2), clObs(ng, model.IndWPEditors, 40),
	}
	cases := []clCase{
		{
			name: "grants exactly ProportionGap above the base",
			data: clData{scores: []model.Score{clP(ng, G, 65), clP(ng, R, 50), clP(ng, E, 40)}},
			// base max(50, 40) = 50 readership; gap 65 − 50 = 15, not > 15
			signal: model.Strong, reason: "grants leadership 65.0 is in line with readership presence 50.0",
			labels: []string{lGP, lEP, lRP, lGYUSD, lGYN, lGHUSD},
			facts: []clFact{
				{lGP, model.FactScore, true, 65, oneOfOne, true},
				{lEP, model.FactScore, true, 40, oneOfOne, true},
				{lRP, model.FactScore, true, 50, oneOfOne, true},
				{lGYUSD, model.FactMoney, false, 0, "", false},
				{lGYN, model.FactCount, false, 0, "", false},
				{lGHUSD, model.FactMoney, false, 0, "", false},
			},
		},
		{
			name: "just past ProportionGap",
			data: clData{scores: []model.Score{clP(ng, G, 65.1), clP(ng, R, 50)}},
			// gap 65.1 − 50 = 15.1 > 15 → mixed
			signal: model.Mixed, reason: "grants leadership 65.1 runs 15.1 points ahead of readership presence 50.0",
		},
		{
			name: "exactly GrantsOutOfProportion above the base",
			data: clData{scores: []model.Score{clP(ng, G, 80), clP(ng, R, 20), clP(ng, E, 50)}},
			// base max(20, 50) = 50 editorship; gap 30, not > 30 → still mixed
			signal: model.Mixed, reason: "grants leadership 80.0 runs 30.0 points ahead of editorship presence 50.0",
		},
		{
			name: "just past GrantsOutOfProportion",
			data: clData{scores: []model.Score{clP(ng, G, 80.1), clP(ng, E, 50)}},
			// gap 80.1 − 50 = 30.1 > 30 → weak
			signal: model.Weak, reason: "grants leadership 80.1 is 30.1 points above editorship presence 50.0",
		},
		{
			name:   "grants below the base",
			data:   clData{scores: []model.Score{clP(ng, G, 20), clP(ng, R, 60)}},
			signal: model.Strong, reason: "grants leadership 20.0 is below readership presence 60.0: nothing out of proportion",
		},
		{
			name: "no grants so far (idle), base exactly at the median",
			data: clData{obs: clIdle(ng, G), scores: []model.Score{clP(ng, R, 50)}},
			// every grants input is zero → idle; base 50 ≥ 50
			signal: model.Strong, reason: "no grants so far, on a readership presence of 50.0: room for a first grant",
			facts: []clFact{
				{lGP, model.FactScore, false, 0, model.NoActivity, false},
				{lGYUSD, model.FactMoney, true, 0, "", true},
				// the annual count is the one unmodeled input of the fixture
				{lGYN, model.FactCount, true, 0, "", false},
				{lGHUSD, model.FactMoney, true, 0, "", true},
			},
		},
		{
			name: "idle on this year's grants alone, history unknown",
			data: clData{
				obs: []model.Observation{clObs(ng, model.IndGrantsYearUSD, 0), clObs(ng, model.IndGrantsYearN, 0),
					clCtx(ng, model.IndGDPPerCap, 2023, 5000)},
				scores: []model.Score{clP(ng, R, 70)},
			},
			// 33.3 + 16.7 = 50 of 100 of the weight, all zero: idle, so "no
			// grants so far" though the historic inputs are not known
			signal: model.Strong, reason: "no grants so far, on a readership presence of 70.0: room for a first grant",
			facts: []clFact{{lGHUSD, model.FactMoney, false, 0, "", false}},
		},
		{
			name:   "no grants so far (idle), base below the median",
			data:   clData{obs: clIdle(ng, G), scores: []model.Score{clP(ng, R, 49.9)}},
			signal: model.Mixed, reason: "no grants so far, and readership presence is 49.9, below the median",
		},
		{
			name:   "no data for grants",
			data:   clData{scores: []model.Score{clP(ng, R, 50)}},
			signal: model.Mixed, reason: "no grants leadership score",
			facts: []clFact{{lGP, model.FactScore, false, 0, notEnuf, false}},
		},
		{
			name:   "grants without a reader or editor base",
			data:   clData{scores: []model.Score{clP(ng, G, 40)}},
			signal: model.Mixed, reason: "no reader or editor base to compare grants with",
		},
		{
			name:   "no data at all",
			data:   clData{},
			signal: model.NoEvidence, reason: "no grants, editorship or readership score",
			absent: []string{lReq, lReqR, lReqE},
		},
		{
			name:   "no data but a requested amount",
			data:   clData{},
			req:    amount(1000),
			signal: model.Mixed, reason: "no reader or editor base to compare grants with; no grant dollars this year to compare the request of $1000 with",
			facts:  []clFact{{lReq, model.FactMoney, true, 1000, "", false}},
			absent: []string{lReqR, lReqE},
		},
		{
			name:   "no requested amount",
			data:   reqData,
			signal: model.Strong, reason: inLine,
			labels: []string{lGP, lEP, lRP, lGYUSD, lGYN, lGHUSD},
		},
		{
			name: "a request equal to this year's grant dollars",
			data: reqData,
			req:  amount(20000),
			// 20 000 ÷ 20 000 = 1.0, not > RequestInLine 1 → in line, stays strong
			signal: model.Strong, reason: inLine + "; the request is 1.0× this year's grant dollars",
			labels: []string{lGP, lEP, lRP, lGYUSD, lGYN, lGHUSD, lReq, lReqR, lReqE},
			facts: []clFact{
				{lGYUSD, model.FactMoney, true, 20000, "", true},
				{lGYN, model.FactCount, true, 3, "", false},
				{lGHUSD, model.FactMoney, true, 90000, "", true},
				{lReq, model.FactMoney, true, 20000, "", false},
				{lReqR, model.FactRatio, true, 1, "", true},
				// 20 000 ÷ 40 editors = 500
				{lReqE, model.FactMoney, true, 500, "", true},
			},
		},
		{
			name: "a request just over once this year's grant dollars",
			data: reqData,
			req:  amount(20001),
			// 20 001 ÷ 20 000 = 1.00005, shown (and judged) as 1.0: not >
			// RequestInLine 1 → in line, stays strong; the fact keeps the
			// ratio itself
			signal: model.Strong, reason: inLine + "; the request is 1.0× this year's grant dollars",
			facts: []clFact{{lReqR, model.FactRatio, true, 1.00005, "", true}},
		},
		{
			name: "a request of 1.04 times reads 1.0×: in line",
			data: reqData,
			req:  amount(20800),
			// 20 800 ÷ 20 000 = 1.04 → 1.0 to one decimal, not > 1 → strong
			signal: model.Strong, reason: inLine + "; the request is 1.0× this year's grant dollars",
			facts: []clFact{{lReqR, model.FactRatio, true, 1.04, "", true}},
		},
		{
			name: "a request of 1.05 times reads 1.1×: mixed",
			data: reqData,
			req:  amount(21000),
			// 21 000 ÷ 20 000 = 1.05 (stored just over) → 1.1 to one decimal,
			// > 1 → mixed
			signal: model.Mixed, reason: "the request is 1.1× this year's grant dollars, over 1×; " + inLine,
			facts: []clFact{{lReqR, model.FactRatio, true, 1.05, "", true}},
		},
		{
			name: "a request of two and a half times",
			data: reqData,
			req:  amount(50000),
			// 50 000 ÷ 20 000 = 2.5: between once and three times → mixed
			signal: model.Mixed, reason: "the request is 2.5× this year's grant dollars, over 1×; " + inLine,
			facts: []clFact{
				{lReqR, model.FactRatio, true, 2.5, "", true},
				{lReqE, model.FactMoney, true, 1250, "", true}, // 50 000 ÷ 40
			},
		},
		{
			name: "a request of exactly three times",
			data: reqData,
			req:  amount(60000),
			// 60 000 ÷ 20 000 = 3, not > RequestOutOfLine 3 → mixed
			signal: model.Mixed, reason: "the request is 3.0× this year's grant dollars, over 1×; " + inLine,
		},
		{
			name: "a request just beyond three times",
			data: reqData,
			req:  amount(60001),
			// 60 001 ÷ 20 000 = 3.00005, shown (and judged) as 3.0: not >
			// RequestOutOfLine 3 → still mixed
			signal: model.Mixed, reason: "the request is 3.0× this year's grant dollars, over 1×; " + inLine,
		},
		{
			name: "a request of 3.05 times reads 3.0× as the fact shows it",
			data: reqData,
			req:  amount(61000),
			// 61 000 ÷ 20 000 = 3.05, stored just under (3.0499999…): the
			// fact prints "3.0×", and the request is judged 3.0, not > 3 →
			// mixed
			signal: model.Mixed, reason: "the request is 3.0× this year's grant dollars, over 1×; " + inLine,
			facts: []clFact{{lReqR, model.FactRatio, true, 3.05, "", true}},
		},
		{
			name: "a request of 3.1 times: out of line",
			data: reqData,
			req:  amount(62000),
			// 62 000 ÷ 20 000 = 3.1 > 3 → weak
			signal: model.Weak, reason: "the request is 3.1× this year's grant dollars, over 3×; " + inLine,
		},
		{
			name:   "a request of five times",
			data:   reqData,
			req:    amount(100000),
			signal: model.Weak, reason: "the request is 5.0× this year's grant dollars, over 3×; " + inLine,
		},
		{
			name: "a request where there are no grant dollars this year",
			data: clData{obs: noYearObs, scores: []model.Score{clP(ng, G, 50), clP(ng, R, 50)}},
			req:  amount(20000),
			// nothing to divide by: strong becomes mixed
			signal: model.Mixed, reason: "no grant dollars this year to compare the request of $20000 with; " + inLine,
			facts: []clFact{
				{lGYUSD, model.FactMoney, true, 0, "", true},
				{lReq, model.FactMoney, true, 20000, "", false},
				{lReqE, model.FactMoney, true, 500, "", true},
			},
			absent: []string{lReqR},
		},
		{
			name: "a request where no one edits Wikipedia",
			data: clData{
				obs:    []model.Observation{clObs(ng, model.IndGrantsYearUSD, 20000), clObs(ng, model.IndWPEditors, 0)},
				scores: []model.Score{clP(ng, G, 50), clP(ng, R, 50)},
			},
			req:    amount(10000),
			signal: model.Strong, reason: inLine + "; the request is 0.5× this year's grant dollars",
			// nothing to divide by: no amount per editor
			facts:  []clFact{{lReqR, model.FactRatio, true, 0.5, "", true}},
			absent: []string{lReqE},
		},
		{
			name:   "a request where no grant dollars or editors are observed",
			data:   clData{scores: []model.Score{clP(ng, G, 50), clP(ng, R, 50)}},
			req:    amount(20000),
			signal: model.Mixed, reason: "no grant dollars this year to compare the request of $20000 with; " + inLine,
			absent: []string{lReqR, lReqE},
		},
		{
			name: "a request in line does not lift grants out of proportion",
			data: clData{obs: reqObs, scores: []model.Score{clP(ng, G, 90), clP(ng, R, 50)}},
			req:  amount(10000),
			// gap 90 − 50 = 40 > 30 → weak; 10 000 ÷ 20 000 = 0.5 keeps it weak
			signal: model.Weak, reason: "grants leadership 90.0 is 40.0 points above readership presence 50.0; the request is 0.5× this year's grant dollars",
		},
		{
			name: "room for a first grant, with a request",
			data: clData{obs: clIdle(ng, G), scores: []model.Score{clP(ng, R, 70)}},
			req:  amount(5000),
			// idle, base 70 → strong; this year's dollars are 0 → mixed
			signal: model.Mixed, reason: "no grant dollars this year to compare the request of $5000 with; no grants so far, on a readership presence of 70.0",
		},
	}
	runChecklistCases(t, "1.2", cases)
}

// ---- question 1.3: barriers to freedom or access ---------------------------------

const (
	lNet  = "Internet users"
	lLit  = "Literacy"
	lRisk = "Data risk score"
	lProt = "Protection list"
	lGDP  = "GDP per capita (PPP)"
)

func TestChecklist13Barriers(t *testing.T) {
	const ng = "NG"
	// access makes a country: internet and literacy shares (as of 2022 and
	// 2021; NaN for none), a data risk score (nil for none), the protection
	// list.
	access := func(internet, literacy float64, risk *float64, protected bool) clData {
		var obs []model.Observation
		if !same(internet, nan) {
			// a later figure is not the one of 2024
			obs = append(obs, clCtx(ng, model.IndInternet, 2022, internet), clCtx(ng, model.IndInternet, 2025, 99))
		}
		if !same(literacy, nan) {
			obs = append(obs, clCtx(ng, model.IndLiteracy, 2021, literacy))
		}
		c := clNG(func(c *model.Country) {
			c.DataRiskScore, c.Protected = risk, protected
			if risk != nil {
				c.DataRiskClass = "Some risk"
			}
		})
		return clData{countries: []model.Country{c}, obs: obs}
	}
	cases := []clCase{
		{
			name: "every figure exactly on the safe side of its line",
			data: func() clData {
				d := access(20, 60, clRisk(67.4), false)
				d.obs = append(d.obs, clCtx(ng, model.IndGDPPerCap, 2023, 5000))
				return d
			}(),
			// internet 20 is not < 20, literacy 60 not < 60, risk 67.4 < 67.5
			signal: model.Strong, reason: "no barrier found in access, literacy, data risk or protection",
			labels: []string{lNet, lLit, lRisk, lProt, lGDP},
			facts: []clFact{
				{lNet, model.FactPercent, true, 20, "2022", false},
				{lLit, model.FactPercent, true, 60, "2021", false},
				{lRisk, model.FactScore, true, 67.4, "Some risk", false},
				{lProt, model.FactText, true, 0, "not on it", false},
				{lGDP, model.FactMoney, true, 5000, "2023", false},
			},
		},
		{
			name:   "internet just under LowInternet",
			data:   access(19.9, 80, nil, false),
			signal: model.Mixed, reason: "one barrier: internet users 19.9%",
		},
		{
			name:   "literacy just under LowLiteracy",
			data:   access(50, 59.9, nil, false),
			signal: model.Mixed, reason: "one barrier: literacy 59.9%",
		},
		{
			name:   "data risk exactly HighRisk",
			data:   access(50, 80, clRisk(67.5), false),
			signal: model.Mixed, reason: "one barrier: data risk 67.5",
		},
		{
			name:   "data risk just under UnpublishedRisk",
			data:   access(50, 80, clRisk(74.9), false),
			signal: model.Mixed, reason: "one barrier: data risk 74.9",
		},
		{
			name: "data risk exactly UnpublishedRisk",
			data: access(50, 80, clRisk(75), false),
			// ≥ 75 is weak on its own
			signal: model.Weak, reason: "barriers: data risk 75.0 (a risk too high for the Foundation to publish data)",
			facts: []clFact{{lRisk, model.FactScore, true, 75, "Some risk", false}},
		},
		{
			name: "on the protection list only",
			data: access(50, 80, nil, true),
			// internet 50 and literacy 80 are fine; the list is one barrier;
			// the fact reads the note itself (which says "on the … list")
			signal: model.Mixed, reason: "one barrier: on the protection list",
			facts: []clFact{
				{lProt, model.FactText, true, 0, model.ProtectionNote, false},
				{lRisk, model.FactScore, false, 0, "", false},
			},
		},
		{
			name:   "two barriers",
			data:   access(10, 40, nil, false),
			signal: model.Weak, reason: "barriers: internet users 10.0%, literacy 40.0%",
		},
		{
			name:   "every barrier",
			data:   access(10, 50, clRisk(80), true),
			signal: model.Weak, reason: "barriers: internet users 10.0%, literacy 50.0%, data risk 80.0, on the protection list (a risk too high for the Foundation to publish data)",
		},
		{
			name: "literacy only, and it is fine",
			data: access(nan, 80, nil, false),
			// literacy 80 ≥ 60: no barrier found, but with neither internet
			// access nor a data risk known, that is not strong → mixed
			signal: model.Mixed, reason: "no barrier found, but neither internet access nor data risk is known",
			facts: []clFact{{lNet, model.FactPercent, false, 0, "", false}},
		},
		{
			name: "internet only, and it is fine",
			data: access(20, nan, nil, false),
			// internet 20 is not < 20; internet access is known → strong
			signal: model.Strong, reason: "no barrier found in access, literacy, data risk or protection",
			facts: []clFact{{lLit, model.FactPercent, false, 0, "", false}},
		},
		{
			name: "data risk only, and it is fine",
			data: access(nan, nan, clRisk(67.4), false),
			// risk 67.4 < 67.5; the data risk is known → strong
			signal: model.Strong, reason: "no barrier found in access, literacy, data risk or protection",
		},
		{
			name: "literacy only, and it is low",
			data: access(nan, 59.9, nil, false),
			// a barrier found is a barrier, whatever else is unknown → mixed
			signal: model.Mixed, reason: "one barrier: literacy 59.9%",
		},
		{
			name:   "no figure at all",
			data:   access(nan, nan, nil, false),
			signal: model.NoEvidence, reason: "no internet, literacy or data risk figure",
			facts: []clFact{
				{lNet, model.FactPercent, false, 0, "", false},
				{lLit, model.FactPercent, false, 0, "", false},
				{lRisk, model.FactScore, false, 0, "", false},
				{lGDP, model.FactMoney, false, 0, "", false},
			},
		},
		{
			name: "on the protection list but no figure",
			data: access(nan, nan, nil, true),
			// the protection list is evidence by itself: one barrier → mixed
			signal: model.Mixed, reason: "one barrier: on the protection list",
			facts: []clFact{
				{lNet, model.FactPercent, false, 0, "", false},
				{lLit, model.FactPercent, false, 0, "", false},
				{lRisk, model.FactScore, false, 0, "", false},
				{lProt, model.FactText, true, 0, model.ProtectionNote, false},
			},
		},
		{
			name: "on the protection list with a low literacy, nothing else known",
			data: access(nan, 40, nil, true),
			// literacy 40 < 60 and the list: two barriers → weak
			signal: model.Weak, reason: "barriers: literacy 40.0%, on the protection list",
		},
	}
	runChecklistCases(t, "1.3", cases)
}

// ---- question 1.4: other affiliates in the same space ------------------------------

// clAffiliatesData: Nigeria (main languages Hausa, Afar, Fula, Yoruba,
// English) with ngAff affiliates (none observed when < 0), and its
// neighbours by language. Shares are made up to sit on the boundaries.
//
//	        main languages           affiliates  shares with NG
//	CM Cameroon  fr 30, ff 20, en 10(off) 1      Fula, English (in CM's order)
//	GH Ghana     tw 40, en 5 (de facto)   2      English
//	NE Niger     ha 50, fr 10 (official)  1      Hausa
//	IN India     hi 40 (off), en 20       3      English, but in South Asia
//	BJ Benin     fr 30 (off); yo 19.9 not 4      none: Yoruba is not main there
//	GQ Eq. Guinea ig 60                  5      none: Igbo is not main in NG
//	SL Sierra Leone en 10 (official)      0      English, but no affiliate
//	LR Liberia   en 20                   —      English, but no figure
//
// The same space is the countries of the same Wikimedia region sharing a
// main language: India, in South Asia, is not one of them. Nigeria's
// neighbours: CM 1 + GH 2 + NE 1 = 4 affiliates.
func clAffiliatesData(ngAff float64) clData {
	lang := func(code string, pct float64, status string) model.CountryLanguage {
		return model.CountryLanguage{Lang: code, PopulationPct: pct, OfficialStatus: status}
	}
	countries := []model.Country{
		clNigeria(),
		{ISO2: "CM", Name: "Cameroon", WikimediaRegion: clSSA, Languages: []model.CountryLanguage{lang("en", 10, "official"), lang("ff", 20, ""), lang("fr", 30, "official")}},
		{ISO2: "GH", Name: "Ghana", WikimediaRegion: clSSA, Languages: []model.CountryLanguage{lang("tw", 40, ""), lang("en", 5, "de_facto_official")}},
		{ISO2: "NE", Name: "Niger", WikimediaRegion: clSSA, Languages: []model.CountryLanguage{lang("ha", 50, ""), lang("fr", 10, "official")}},
		{ISO2: "IN", Name: "India", WikimediaRegion: clSA, Languages: []model.CountryLanguage{lang("hi", 40, "official"), lang("en", 20, "")}},
		{ISO2: "BJ", Name: "Benin", WikimediaRegion: clSSA, Languages: []model.CountryLanguage{lang("fr", 30, "official"), lang("yo", 19.9, "")}},
		{ISO2: "GQ", Name: "Equatorial Guinea", WikimediaRegion: clSSA, Languages: []model.CountryLanguage{lang("ig", 60, "")}},
		{ISO2: "SL", Name: "Sierra Leone", WikimediaRegion: clSSA, Languages: []model.CountryLanguage{lang("en", 10, "official")}},
		{ISO2: "LR", Name: "Liberia", WikimediaRegion: clSSA, Languages: []model.CountryLanguage{lang("en", 20, "")}},
	}
	obs := []model.Observation{
		clObs("CM", model.IndAffiliates, 1), clObs("GH", model.IndAffiliates, 2), clObs("NE", model.IndAffiliates, 1),
		clObs("IN", model.IndAffiliates, 3), clObs("BJ", model.IndAffiliates, 4), clObs("GQ", model.IndAffiliates, 5),
		clObs("SL", model.IndAffiliates, 0),
	}
	if ngAff >= 0 {
		obs = append(obs, clObs("NG", model.IndAffiliates, ngAff), clObs("NG", model.IndAffTenure, 12), clObs("NG", model.IndAffMaxSize, 5), clObs("NG", model.IndAffGovernance, 2))
	}
	return clData{countries: countries, obs: obs}
}

const (
	lAff      = "Affiliates in the country"
	lAffYears = "Years since the first affiliate"
	lAffSize  = "Largest affiliate size (class 1–5)"
	lAffGov   = "Affiliate governance (0 none, 1 consensus, 2 board)"
	lAffLang  = "Affiliates in countries of the region sharing a main language"
)

func TestChecklist14OtherAffiliates(t *testing.T) {
	// Nigeria's neighbours by language, by name; India's English
	// affiliates are in another region.
	ngMentions := []string{
		"CM Cameroon: 1 affiliate; shares Fula, English",
		"GH Ghana: 2 affiliates; shares English",
		"NE Niger: 1 affiliate; shares Hausa",
	}
	cases := []clCase{
		{
			name: "exactly CrowdedAffiliates",
			data: clAffiliatesData(3),
			// 3 ≥ 3 → crowded; CM 1 + GH 2 + NE 1 = 4 around (not India's 3)
			signal: model.Weak, reason: "3 affiliates already in the country, 4 affiliates more in neighbours sharing a main language",
			labels: []string{lAff, lAffYears, lAffSize, lAffGov, lAffLang},
			facts: []clFact{
				{lAff, model.FactCount, true, 3, "", true},
				{lAffYears, model.FactCount, true, 12, "", true},
				{lAffSize, model.FactCount, true, 5, "", true},
				{lAffGov, model.FactCount, true, 2, "", true},
				{lAffLang, model.FactCount, true, 4, "", true},
			},
			title: lAffLang, mentions: ngMentions,
		},
		{
			name: "one under CrowdedAffiliates",
			data: clAffiliatesData(2),
			// 2 < 3 → some to coordinate with → mixed
			signal: model.Mixed, reason: "2 affiliates in the country and 4 affiliates in neighbours sharing a main language, to coordinate with",
			title: lAffLang, mentions: ngMentions,
		},
		{
			name:   "one affiliate",
			data:   clAffiliatesData(1),
			signal: model.Mixed, reason: "1 affiliate in the country and 4 affiliates in neighbours sharing a main language, to coordinate with",
			title: lAffLang, mentions: ngMentions,
		},
		{
			name: "no affiliate in the country, some in its neighbours",
			data: clAffiliatesData(0),
			// none in the country but 4 in the neighbours: not an open space → mixed
			signal: model.Mixed, reason: "0 affiliates in the country and 4 affiliates in neighbours sharing a main language, to coordinate with",
			facts: []clFact{{lAff, model.FactCount, true, 0, "", true}},
			title: lAffLang, mentions: ngMentions,
		},
		{
			name: "no affiliate in the country nor its neighbours; one sharing English in another region",
			data: clData{
				countries: []model.Country{
					clNigeria(),
					{ISO2: "IN", Name: "India", WikimediaRegion: clSA, Languages: []model.CountryLanguage{{Lang: "en", PopulationPct: 20}}},
					{ISO2: "SL", Name: "Sierra Leone", WikimediaRegion: clSSA, Languages: []model.CountryLanguage{{Lang: "en", PopulationPct: 10, OfficialStatus: "official"}}},
				},
				obs: []model.Observation{clObs("NG", model.IndAffiliates, 0), clObs("IN", model.IndAffiliates, 3), clObs("SL", model.IndAffiliates, 0)},
			},
			// India's 3 English affiliates are in South Asia: not counted;
			// Sierra Leone shares English but has none → 0 and 0 → strong
			signal: model.Strong, reason: "no affiliate in the country, nor in the neighbours that share a main language",
			facts: []clFact{
				{lAff, model.FactCount, true, 0, "", true},
				{lAffLang, model.FactCount, true, 0, "", true},
			},
		},
		{
			name:   "no affiliate figure for the country",
			data:   clAffiliatesData(-1),
			signal: model.NoEvidence, reason: "no affiliate figure for the country",
			facts: []clFact{
				{lAff, model.FactCount, false, 0, "", false},
				{lAffLang, model.FactCount, true, 4, "", true},
			},
			title: lAffLang, mentions: ngMentions,
		},
		{
			name:    "Benin: only French is main, Yoruba's 19.9% is not",
			data:    clAffiliatesData(3),
			country: "BJ",
			// French is main in Cameroon (1) and Niger (1), both in the region: 2
			signal: model.Weak, reason: "4 affiliates already in the country, 2 affiliates more in neighbours sharing a main language",
			title: lAffLang,
			mentions: []string{
				"CM Cameroon: 1 affiliate; shares French",
				"NE Niger: 1 affiliate; shares French",
			},
		},
		{
			name:    "Liberia: English is main, but Liberia has no figure",
			data:    clAffiliatesData(3),
			country: "LR",
			// NG 3 + CM 1 + GH 2 = 6 (India is in South Asia); Sierra
			// Leone's 0 is not listed
			signal: model.NoEvidence, reason: "no affiliate figure for the country",
			facts: []clFact{{lAffLang, model.FactCount, true, 6, "", true}},
			title: lAffLang,
			mentions: []string{
				"CM Cameroon: 1 affiliate; shares English",
				"GH Ghana: 2 affiliates; shares English",
				"NG Nigeria: 3 affiliates; shares English",
			},
		},
		{
			name:    "a main language nobody else has",
			data:    clAffiliatesData(3),
			country: "GQ",
			signal:  model.Weak, reason: "5 affiliates already in the country, 0 affiliates more in neighbours sharing a main language",
			facts: []clFact{{lAffLang, model.FactCount, true, 0, "", true}},
		},
		{
			name: "Norwegian Bokmål (nb) and Norwegian (no) are one wiki language",
			data: clData{
				countries: []model.Country{
					{ISO2: "NO", Name: "Norway", WikimediaRegion: clNWE, Languages: []model.CountryLanguage{{Lang: "nb", PopulationPct: 95, OfficialStatus: "official"}}},
					{ISO2: "SJ", Name: "Svalbard & Jan Mayen", WikimediaRegion: clNWE, Languages: []model.CountryLanguage{{Lang: "no", PopulationPct: 100}}},
				},
				obs: []model.Observation{clObs("NO", model.IndAffiliates, 2), clObs("SJ", model.IndAffiliates, 1)},
			},
			country: "NO",
			// 2 < 3, and 1 more next door → mixed
			signal: model.Mixed, reason: "2 affiliates in the country and 1 affiliate in neighbours sharing a main language, to coordinate with",
			title: lAffLang,
			// named as the subject names it
			mentions: []string{"SJ Svalbard & Jan Mayen: 1 affiliate; shares Norwegian Bokmål"},
		},
		{
			name: "a country without a Wikimedia region has no neighbours",
			data: clData{
				countries: []model.Country{
					{ISO2: "NO", Name: "Norway", Languages: []model.CountryLanguage{{Lang: "nb", PopulationPct: 95, OfficialStatus: "official"}}},
					{ISO2: "SJ", Name: "Svalbard & Jan Mayen", Languages: []model.CountryLanguage{{Lang: "no", PopulationPct: 100}}},
				},
				obs: []model.Observation{clObs("NO", model.IndAffiliates, 0), clObs("SJ", model.IndAffiliates, 1)},
			},
			country: "NO",
			// no region: no same space beyond the country (two countries
			// without a region are not one region) → 0 and 0 → strong;
			// a zero no figure made is not modeled
			signal: model.Strong, reason: "no affiliate in the country, nor in the neighbours that share a main language",
			facts: []clFact{{lAffLang, model.FactCount, true, 0, "", false}},
		},
	}
	runChecklistCases(t, "1.4", cases)
}

// ---- region subjects -------------------------------------------------------

// clRegionData: Sub-Saharan Africa (CM GH KE NG SN) and South Asia (BD IN
// NP), with populations as of 2023, the given scores (with the overall
// scores they imply, clWithOverall) and observations. Only Nigeria lists
// languages.
//
//	CM 60  GH 40  KE 50  NG 200  SN 20  |  BD 200  IN 1400  NP 30
func clRegionData(scores []model.Score, obs ...model.Observation) clData {
	scores = clWithOverall(scores)
	countries := []model.Country{
		{ISO2: "CM", Name: "Cameroon", WikimediaRegion: clSSA},
		{ISO2: "GH", Name: "Ghana", WikimediaRegion: clSSA},
		{ISO2: "KE", Name: "Kenya", WikimediaRegion: clSSA},
		clNigeria(),
		{ISO2: "SN", Name: "Senegal", WikimediaRegion: clSSA},
		{ISO2: "BD", Name: "Bangladesh", WikimediaRegion: clSA},
		{ISO2: "IN", Name: "India", WikimediaRegion: clSA},
		{ISO2: "NP", Name: "Nepal", WikimediaRegion: clSA},
	}
	pops := map[string]float64{"CM": 60, "GH": 40, "KE": 50, "NG": 200, "SN": 20, "BD": 200, "IN": 1400, "NP": 30}
	for _, c := range countries {
		obs = append(obs, clCtx(c.ISO2, model.IndPopulation, 2023, pops[c.ISO2]))
	}
	return clData{countries: countries, obs: obs, scores: scores}
}

// clWithOverall adds the overall scores that scoring gives with presence
// and growth (model.ComputeScores): for a country and domain with a
// presence score, the mean of presence and growth, or presence alone
// without growth; nothing without presence (an idle domain has none). A
// region's summaries, and whether any of its countries has a score, are read
// off the overall scores: a fixture with presence scores alone would be one
// scoring never makes.
func clWithOverall(scores []model.Score) []model.Score {
	type key struct {
		iso2 string
		dom  model.DomainID
	}
	pres, grow := map[key]float64{}, map[key]float64{}
	var order []key
	for _, sc := range scores {
		k := key{sc.ISO2, sc.Domain}
		switch sc.Facet {
		case model.Presence:
			pres[k] = sc.Score
			order = append(order, k)
		case model.Growth:
			grow[k] = sc.Score
		case model.Overall:
			panic("clWithOverall: the overall scores are derived, not given")
		}
	}
	out := append([]model.Score(nil), scores...)
	for _, k := range order {
		g, hasG := grow[k]
		v, _ := model.CombineFacets(pres[k], true, g, hasG)
		out = append(out, clScore(k.iso2, k.dom, model.Overall, v))
	}
	return out
}

// Labels of the region's domain summaries.
const (
	lRegR   = "Readership (population-weighted mean)"
	lRegE   = "Editorship (population-weighted mean)"
	lRegP   = "Programs & Events Leadership (population-weighted mean)"
	lRegG   = "Grants Leadership (population-weighted mean)"
	lRegA   = "Affiliates Leadership (population-weighted mean)"
	lRegAc  = "Access (population-weighted mean)"
	lRegN   = "Countries in the region"
	noScore = "no country has a score"
)

var regionListLabels = []string{lRegR, lRegE, lRegP, lRegG, lRegA, lRegAc, lRegN}

// Use case 1 is asked of a country: of a region, every question says so,
// with or without a requested amount, and draws no evidence.
func TestChecklistUseCase1OfARegion(t *testing.T) {
	d := clRegionData([]model.Score{clP("NG", model.Readership, 80), clP("NG", model.Grants, 50)},
		clObs("NG", model.IndAffiliates, 2), clObs("NG", model.IndGrantsYearUSD, 1000)).build(t)
	uc, _ := model.UseCaseByNumber(1)
	for _, region := range []string{clSSA, clSA, "North America"} {
		for _, req := range []model.Request{{}, {Amount: 5000, HasAmount: true}} {
			s := model.Subject{Region: region, Grouping: model.GroupWikimedia}
			for _, a := range d.Checklist(uc, s, clYear, req) {
				if a.Signal != model.NoEvidence || a.Reason != "this question is asked of a country" {
					t.Errorf("%s of %s (amount %v): %q, %q; want not enough data, asked of a country", a.Question.ID, region, req.HasAmount, a.Signal, a.Reason)
				}
				if len(a.Facts) != 0 || len(a.Mentions) != 0 || a.MentionsTitle != "" {
					t.Errorf("%s of %s: facts %v, mentions %v; want none", a.Question.ID, region, a.Facts, a.Mentions)
				}
			}
		}
	}
}

// ---- question 2.1: affiliates and readers but not editors ------------------------

func TestChecklist21AffiliatesNotEditors(t *testing.T) {
	const ng = "NG"
	A, R, E := model.Affiliates, model.Readership, model.Editorship
	cases := []clCase{
		{
			name: "all three just on the right side of the median",
			data: clData{scores: []model.Score{clP(ng, A, 50), clP(ng, R, 50), clP(ng, E, 49.9)}},
			// editors 49.9 < 50: editorship is lacking; affiliates 50 ≥ 50 and
			// readers 50 ≥ 50 → strong
			signal: model.Strong, reason: "affiliates 50.0, readers 50.0, editors 49.9 (median 50.0)",
			labels: []string{lAP, lRP, lEP},
			facts: []clFact{
				{lAP, model.FactScore, true, 50, oneOfOne, true},
				{lRP, model.FactScore, true, 50, oneOfOne, true},
				{lEP, model.FactScore, true, 49.9, oneOfOne, true},
			},
		},
		{
			name: "editors exactly at the median",
			data: clData{scores: []model.Score{clP(ng, A, 50), clP(ng, R, 50), clP(ng, E, 50)}},
			// editors 50 ≥ 50: editorship is not lacking → weak, however
			// strong affiliates and readers are
			signal: model.Weak, reason: "affiliates 50.0, readers 50.0, editors 50.0 (median 50.0): editorship is not lacking",
		},
		{
			name: "editors lacking, readers just under the median",
			data: clData{scores: []model.Score{clP(ng, A, 90), clP(ng, R, 49.9), clP(ng, E, 49.9)}},
			// editors 49.9 < 50; affiliates 90 ≥ 50, readers 49.9 < 50: one → mixed
			signal: model.Mixed, reason: "affiliates 90.0, readers 49.9, editors 49.9 (median 50.0): only one of affiliates and readers is strong",
		},
		{
			name: "no affiliate activity (idle) counts as 0",
			data: clData{obs: clIdle(ng, A), scores: []model.Score{clP(ng, R, 80), clP(ng, E, 10)}},
			// editors 10 < 50; affiliates 0 < 50, readers 80 ≥ 50: one → mixed
			signal: model.Mixed, reason: "affiliates 0.0, readers 80.0, editors 10.0 (median 50.0): only one of affiliates and readers is strong",
			facts: []clFact{{lAP, model.FactScore, false, 0, model.NoActivity, false}},
		},
		{
			name: "no editing recorded (idle) counts as 0",
			data: clData{obs: clIdle(ng, E), scores: []model.Score{clP(ng, A, 60), clP(ng, R, 60)}},
			// editors 0 < 50; affiliates 60 and readers 60 ≥ 50 → strong
			signal: model.Strong, reason: "affiliates 60.0, readers 60.0, editors 0.0 (median 50.0)",
		},
		{
			name: "the opposite profile",
			data: clData{scores: []model.Score{clP(ng, A, 49.9), clP(ng, R, 20), clP(ng, E, 70)}},
			// editors 70 ≥ 50 → weak, before affiliates and readers are looked at
			signal: model.Weak, reason: "affiliates 49.9, readers 20.0, editors 70.0 (median 50.0): editorship is not lacking",
		},
		{
			name: "editorship lacking, but affiliates and readers too",
			data: clData{scores: []model.Score{clP(ng, A, 10), clP(ng, R, 20), clP(ng, E, 10)}},
			// editors 10 < 50; affiliates 10 and readers 20 < 50: neither → weak
			signal: model.Weak, reason: "affiliates 10.0, readers 20.0, editors 10.0 (median 50.0): neither affiliates nor readers are strong",
		},
		{
			name:   "no data for affiliates",
			data:   clData{scores: []model.Score{clP(ng, R, 80), clP(ng, E, 10)}},
			signal: model.NoEvidence, reason: "a presence score is missing",
			facts: []clFact{{lAP, model.FactScore, false, 0, notEnuf, false}},
		},
	}
	runChecklistCases(t, "2.1", cases)

	// The regions:
	//
	//	    affiliates  readers  editors   passes
	//	NG  60          70       30        yes
	//	GH  50          50       49.9      yes (every boundary)
	//	KE  50          50       50        no: editors not below 50
	//	CM  idle (0)    90       10        no: affiliates 0
	//	SN  —           —        —         no: no data
	//	IN  55          60       45        yes
	//	BD  20          60       10        no
	//	NP  —           —        —         no
	//
	// No growth score: every overall score is the presence score.
	regionScores := []model.Score{
		clP("NG", A, 60), clP("NG", R, 70), clP("NG", E, 30),
		clP("GH", A, 50), clP("GH", R, 50), clP("GH", E, 49.9),
		clP("KE", A, 50), clP("KE", R, 50), clP("KE", E, 50),
		clP("CM", R, 90), clP("CM", E, 10),
		clP("BD", A, 20), clP("BD", R, 60), clP("BD", E, 10),
	}
	withIndia := append(append([]model.Score(nil), regionScores...), clP("IN", A, 55), clP("IN", R, 60), clP("IN", E, 45))
	const title = "Countries of the region with strong affiliates and readers but weak editorship"
	regionCases := []clCase{
		{
			name:   "Sub-Saharan Africa: two countries, enough for strong",
			data:   clRegionData(withIndia, clIdle("CM", A)...),
			region: clSSA,
			// 2 ≥ min(2, 5) = 2, and 2 × 10 = 20 ≥ 5 countries → strong
			signal: model.Strong, reason: "2 of its 5 countries have strong affiliates and readers but weak editorship",
			labels: regionListLabels,
			facts: []clFact{
				// readership NG 70, GH 50, KE 50, CM 90 (SN none):
				// (70 × 200 + 50 × 40 + 50 × 50 + 90 × 60) ÷ (200 + 40 + 50 + 60)
				// = (14 000 + 2000 + 2500 + 5400) ÷ 350 = 23 900 ÷ 350 = 68.29…;
				// median of 50, 50, 70, 90 = (50 + 70) ÷ 2 = 60
				{lRegR, model.FactScore, true, 23900.0 / 350, "median 60.0 of 4 countries", true},
				// affiliates NG 60, GH 50, KE 50; idle Cameroon has no score:
				// (12 000 + 2000 + 2500) ÷ 290 = 16 500 ÷ 290; median 50
				{lRegA, model.FactScore, true, 16500.0 / 290, "median 50.0 of 3 countries", true},
				// no country has a programs or grants score
				{lRegP, model.FactScore, false, 0, noScore, false},
				{lRegG, model.FactScore, false, 0, noScore, false},
				{lRegN, model.FactCount, true, 5, "", false},
			},
			title: title,
			mentions: []string{
				"GH Ghana: affiliates 50.0, readers 50.0, editors 49.9",
				"NG Nigeria: affiliates 60.0, readers 70.0, editors 30.0",
			},
		},
		{
			name:   "South Asia: one country is mixed",
			data:   clRegionData(withIndia),
			region: clSA,
			// India alone: 1 < min(2, 3) = 2 → mixed
			signal: model.Mixed, reason: "1 of its 3 countries have strong affiliates and readers but weak editorship",
			facts: []clFact{{lRegN, model.FactCount, true, 3, "", false}},
			title: title, mentions: []string{"IN India: affiliates 55.0, readers 60.0, editors 45.0"},
		},
		{
			name:   "South Asia without India: none",
			data:   clRegionData(regionScores),
			region: clSA,
			// Bangladesh has scores but does not pass → weak
			signal: model.Weak, reason: "none of its 3 countries have strong affiliates and readers but weak editorship",
			title: title,
		},
		{
			name:   "a region whose countries have no data at all",
			data:   clRegionData(nil),
			region: clSA,
			// no country has a score in any domain: not enough data, not weak
			signal: model.NoEvidence, reason: "none of its 3 countries has a score",
			labels: regionListLabels,
			facts: []clFact{
				{lRegR, model.FactScore, false, 0, noScore, false},
				{lRegE, model.FactScore, false, 0, noScore, false},
				{lRegN, model.FactCount, true, 3, "", false},
			},
			title: title,
		},
		{
			name:   "a region whose only scores are Sub-Saharan Africa's",
			data:   clRegionData(regionScores[:3]),
			region: clSA,
			// Nigeria's scores are not South Asia's
			signal: model.NoEvidence, reason: "none of its 3 countries has a score",
			title: title,
		},
		{
			name:   "a region with no countries",
			data:   clRegionData(withIndia),
			region: "North America",
			signal: model.NoEvidence, reason: "the region has no countries",
			// no aggregate either: only the count
			labels: []string{lRegN},
			facts:  []clFact{{lRegN, model.FactCount, true, 0, "", false}},
			title:  title,
		},
	}
	runChecklistCases(t, "2.1", regionCases)
}

// ---- question 2.2: a balanced organizer ecosystem ---------------------------------

const (
	lOrg  = "Event organizers this year"
	lPart = "Event participants this year"
)

func TestChecklist22Ecosystem(t *testing.T) {
	const ng = "NG"
	P, A, E, G := model.Programs, model.Affiliates, model.Editorship, model.Grants
	four := func(iso2 string, p, a, e, g float64) []model.Score {
		return []model.Score{clP(iso2, P, p), clP(iso2, A, a), clP(iso2, E, e), clP(iso2, G, g)}
	}
	risky := func(risk *float64, protected bool, scores []model.Score) clData {
		return clData{countries: []model.Country{clNG(func(c *model.Country) { c.DataRiskScore, c.Protected = risk, protected })}, scores: scores}
	}
	// the four scores, in the order programs, affiliates, editorship, grants
	fourScores := func(p, a, e, g string) string {
		return "programs " + p + ", affiliates " + a + ", editorship " + e + ", grants " + g
	}
	balanced := func(scores string) string { return "all at or above the median: " + scores }
	butRisky := func(scores string) string {
		return "balanced (" + scores + "), but a high data risk or the protection list weighs on hosting an international event"
	}
	cases := []clCase{
		{
			name: "all four exactly at the median, risk just under HighRisk",
			data: func() clData {
				d := risky(clRisk(67.4), false, four(ng, 50, 50, 50, 50))
				d.obs = []model.Observation{clObs(ng, model.IndOrganizers, 12), clObs(ng, model.IndParticipants, 300)}
				return d
			}(),
			// 50 ≥ 50 four times; risk 67.4 < 67.5 → strong, naming the four
			signal: model.Strong, reason: balanced(fourScores("50.0", "50.0", "50.0", "50.0")),
			labels: []string{lPP, lAP, lEP, lGP, lOrg, lPart},
			facts: []clFact{
				{lPP, model.FactScore, true, 50, oneOfOne, true},
				{lGP, model.FactScore, true, 50, oneOfOne, true},
				{lOrg, model.FactCount, true, 12, "", true},
				{lPart, model.FactCount, true, 300, "", true},
			},
		},
		{
			name: "balanced, data risk exactly HighRisk",
			data: risky(clRisk(67.5), false, four(ng, 60, 60, 60, 60)),
			// 67.5 ≥ HighRisk 67.5 → mixed
			signal: model.Mixed, reason: butRisky(fourScores("60.0", "60.0", "60.0", "60.0")),
		},
		{
			name:   "balanced, on the protection list",
			data:   risky(nil, true, four(ng, 60, 60, 60, 70)),
			signal: model.Mixed, reason: butRisky(fourScores("60.0", "60.0", "60.0", "70.0")),
		},
		{
			name: "grants just under the median",
			data: clData{scores: four(ng, 60, 60, 60, 49.9)},
			// programs at the median and 3 of 4 → mixed
			signal: model.Mixed, reason: "below the median: grants 49.9",
		},
		{
			name: "programs just under the median",
			data: clData{scores: four(ng, 49.9, 60, 60, 60)},
			// 3 of 4, but not programs → weak
			signal: model.Weak, reason: "below the median: programs 49.9",
		},
		{
			name: "no grants (idle) and no data for editorship",
			data: clData{obs: clIdle(ng, G), scores: []model.Score{clP(ng, P, 60), clP(ng, A, 60)}},
			// 2 of 4 → weak
			signal: model.Weak, reason: "below the median: editorship (no score), grants 0.0",
			facts: []clFact{
				{lEP, model.FactScore, false, 0, notEnuf, false},
				{lGP, model.FactScore, false, 0, model.NoActivity, false},
			},
		},
		{
			name: "no activity in any of the four",
			data: clData{obs: append(append(append(clIdle(ng, P), clIdle(ng, A)...), clIdle(ng, E)...), clIdle(ng, G)...)},
			// idle is 0, not missing: a weak signal, not a lack of data
			signal: model.Weak, reason: "below the median: programs 0.0, affiliates 0.0, editorship 0.0, grants 0.0",
			facts: []clFact{{lOrg, model.FactCount, true, 0, "", true}},
		},
		{
			name:   "no data for any of the four",
			data:   clData{scores: []model.Score{clP(ng, model.Readership, 90)}},
			signal: model.NoEvidence, reason: "no programs, affiliates, editorship or grants score",
			facts: []clFact{{lOrg, model.FactCount, false, 0, "", false}},
		},
	}
	runChecklistCases(t, "2.2", cases)

	// The regions:
	//
	//	    programs affiliates editors grants        passes
	//	NG  60       60         60      60            yes
	//	GH  50       50         50      50            yes (boundary; on the protection list)
	//	KE  49.9     60         60      60            no
	//	CM  —        —          —       —             no
	//	SN  70       70         70      idle (0)      no
	//	IN  70       70         70      70            yes
	//	BD, NP  —                                     no
	var scores []model.Score
	scores = append(scores, four("NG", 60, 60, 60, 60)...)
	scores = append(scores, four("GH", 50, 50, 50, 50)...)
	scores = append(scores, four("KE", 49.9, 60, 60, 60)...)
	scores = append(scores, clP("SN", P, 70), clP("SN", A, 70), clP("SN", E, 70))
	scores = append(scores, four("IN", 70, 70, 70, 70)...)
	data := clRegionData(scores, clIdle("SN", G)...)
	for i := range data.countries {
		if data.countries[i].ISO2 == "GH" {
			data.countries[i].Protected = true
		}
	}
	// Ghana off the protection list
	unprotected := data
	unprotected.countries = append([]model.Country(nil), data.countries...)
	for i := range unprotected.countries {
		if unprotected.countries[i].ISO2 == "GH" {
			unprotected.countries[i].Protected = false
		}
	}
	const title = "Countries of the region with a balanced organizer ecosystem"
	regionCases := []clCase{
		{
			name: "Sub-Saharan Africa: Ghana, on the protection list, is not counted", data: data, region: clSSA,
			// the region counts a country as its own answer does: Ghana's is
			// mixed (protection list) → Nigeria alone, 1 < min(2, 5) → mixed
			signal: model.Mixed, reason: "1 of its 5 countries have a balanced organizer ecosystem",
			labels:   regionListLabels,
			title:    title,
			mentions: []string{"NG Nigeria: " + balanced(fourScores("60.0", "60.0", "60.0", "60.0"))},
		},
		{
			name: "Sub-Saharan Africa with Ghana off the protection list", data: unprotected, region: clSSA,
			// Ghana's own answer is now strong: 2 ≥ min(2, 5), 20 ≥ 5 → strong
			signal: model.Strong, reason: "2 of its 5 countries have a balanced organizer ecosystem",
			title: title,
			mentions: []string{
				"GH Ghana: " + balanced(fourScores("50.0", "50.0", "50.0", "50.0")),
				"NG Nigeria: " + balanced(fourScores("60.0", "60.0", "60.0", "60.0")),
			},
		},
		{
			name: "Ghana asked alone", data: data, country: "GH",
			signal: model.Mixed, reason: butRisky(fourScores("50.0", "50.0", "50.0", "50.0")),
		},
		{
			name: "South Asia", data: data, region: clSA,
			// India alone: 1 < min(2, 3) → mixed
			signal: model.Mixed, reason: "1 of its 3 countries have a balanced organizer ecosystem",
			title: title, mentions: []string{"IN India: " + balanced(fourScores("70.0", "70.0", "70.0", "70.0"))},
		},
		{
			name: "South Asia with India's data risk high", data: func() clData {
				d := data
				d.countries = append([]model.Country(nil), data.countries...)
				for i := range d.countries {
					if d.countries[i].ISO2 == "IN" {
						d.countries[i].DataRiskScore = clRisk(70)
					}
				}
				return d
			}(), region: clSA,
			// 70 ≥ HighRisk: India's own answer is mixed → none passes, but
			// India has scores → weak
			signal: model.Weak, reason: "none of its 3 countries have a balanced organizer ecosystem",
			title: title,
		},
		{
			name: "South Asia without data", data: clRegionData(nil), region: clSA,
			signal: model.NoEvidence, reason: "none of its 3 countries has a score",
			title: title,
		},
	}
	runChecklistCases(t, "2.2", regionCases)
}

// ---- question 2.3: potential for growth -------------------------------------------

func TestChecklist23Growth(t *testing.T) {
	const ng = "NG"
	R, E, G, A := model.Readership, model.Editorship, model.Grants, model.Affiliates
	cases := []clCase{
		{
			name:   "two domains, one exactly GrowthStrong",
			data:   clData{scores: []model.Score{clG(ng, R, 60), clG(ng, G, 75), clG(ng, E, 10)}},
			signal: model.Strong, reason: "strong growth in readership 60.0, grants 75.0",
			// Programs has no growth input in the catalog: no fact for it
			labels: []string{lRG, lEG, lGG, lAG, lAcG},
			facts: []clFact{
				{lRG, model.FactScore, true, 60, oneOfOne, true},
				{lEG, model.FactScore, true, 10, oneOfOne, true},
				{lAG, model.FactScore, false, 0, notEnuf, false},
			},
		},
		{
			name:   "every domain",
			data:   clData{scores: []model.Score{clG(ng, R, 61), clG(ng, E, 62), clG(ng, G, 63), clG(ng, A, 64)}},
			signal: model.Strong, reason: "strong growth in readership 61.0, editorship 62.0, grants 63.0, affiliates 64.0",
		},
		{
			name: "one domain",
			data: clData{scores: []model.Score{clG(ng, R, 59.9), clG(ng, E, 60)}},
			// 59.9 < 60; 60 ≥ 60
			signal: model.Mixed, reason: "strong growth in one domain only: editorship 60.0",
		},
		{
			name: "none strong",
			data: clData{scores: []model.Score{clG(ng, R, 59.9), clG(ng, E, 10), clG(ng, A, 0)}},
			// 59.9, 10 and 0 < 60 → weak; the best is readership's 59.9
			signal: model.Weak, reason: "no domain with a growth score of 60.0 or more (best: readership 59.9)",
		},
		{
			name: "none strong, the best in affiliates",
			data: clData{scores: []model.Score{clG(ng, R, 0), clG(ng, G, 30), clG(ng, A, 45)}},
			// max(0, 30, 45) = 45 affiliates < 60 → weak
			signal: model.Weak, reason: "no domain with a growth score of 60.0 or more (best: affiliates 45.0)",
		},
		{
			name: "none strong, a tie goes to the first domain",
			data: clData{scores: []model.Score{clG(ng, E, 30), clG(ng, G, 30)}},
			// editorship and grants both 30: editorship comes first in Domains()
			signal: model.Weak, reason: "no domain with a growth score of 60.0 or more (best: editorship 30.0)",
		},
		{
			name:   "a growth score of 0 is a score",
			data:   clData{scores: []model.Score{clG(ng, R, 0)}},
			signal: model.Weak, reason: "no domain with a growth score of 60.0 or more (best: readership 0.0)",
		},
		{
			name:   "presence but no growth score",
			data:   clData{scores: []model.Score{clP(ng, R, 90)}},
			signal: model.NoEvidence, reason: "no growth score this year",
			facts: []clFact{{lRG, model.FactScore, false, 0, notEnuf, false}},
		},
	}
	runChecklistCases(t, "2.3", cases)

	// The regions (growth scores):
	//
	//	    readership editorship grants affiliates   strong in   passes
	//	NG  60         60         —      —            2           yes
	//	GH  —          —          70     80           2           yes
	//	CM  60         60         60     —            3           yes
	//	KE  90         59.9       —      —            1           no
	//	SN  —                                         0           no
	//	IN  70         —          65     —            2           yes
	//	BD  60         —          —      —            1           no
	//
	// A growth score is rated from the presence inputs, so a country with
	// one has a presence score too (and so an overall score): readership
	// presence 50 for each.
	scores := []model.Score{
		clG("NG", R, 60), clG("NG", E, 60),
		clG("GH", G, 70), clG("GH", A, 80),
		clG("CM", R, 60), clG("CM", E, 60), clG("CM", G, 60),
		clG("KE", R, 90), clG("KE", E, 59.9),
		clG("IN", R, 70), clG("IN", G, 65),
		clG("BD", R, 60),
	}
	for _, iso2 := range []string{"NG", "GH", "CM", "KE", "IN", "BD"} {
		scores = append(scores, clP(iso2, R, 50))
	}
	without := func(iso2 string) []model.Score {
		var out []model.Score
		for _, sc := range scores {
			if sc.ISO2 != iso2 {
				out = append(out, sc)
			}
		}
		return out
	}
	const title = "Countries of the region with strong growth in two domains or more"
	regionCases := []clCase{
		{
			name: "Sub-Saharan Africa: three countries, enough for strong", data: clRegionData(scores), region: clSSA,
			// 3 ≥ min(3, 5) = 3, and 30 ≥ 5 → strong
			signal: model.Strong, reason: "3 of its 5 countries grow strongly in two domains or more",
			labels: regionListLabels,
			title:  title,
			mentions: []string{
				"CM Cameroon: strong growth: readership, editorship, grants",
				"GH Ghana: strong growth: grants, affiliates",
				"NG Nigeria: strong growth: readership, editorship",
			},
		},
		{
			name: "South Asia: one country", data: clRegionData(scores), region: clSA,
			signal: model.Mixed, reason: "1 of its 3 countries grow strongly in two domains or more",
			title: title, mentions: []string{"IN India: strong growth: readership, grants"},
		},
		{
			name: "Sub-Saharan Africa without Cameroon: two are not enough", data: clRegionData(without("CM")), region: clSSA,
			// NG and GH: 2 < 3 → mixed
			signal: model.Mixed, reason: "2 of its 5 countries grow strongly in two domains or more",
			title: title,
			mentions: []string{
				"GH Ghana: strong growth: grants, affiliates",
				"NG Nigeria: strong growth: readership, editorship",
			},
		},
		{
			name: "South Asia without India", data: clRegionData(without("IN")), region: clSA,
			// Bangladesh has scores, strong growth in one domain only → weak
			signal: model.Weak, reason: "none of its 3 countries grow strongly in two domains or more",
			title: title,
		},
		{
			name: "South Asia without data", data: clRegionData(nil), region: clSA,
			signal: model.NoEvidence, reason: "none of its 3 countries has a score",
			title: title,
		},
	}
	runChecklistCases(t, "2.3", regionCases)
}

// ---- question 2.4: languages and projects ---------------------------------------

const (
	lSpoken  = "Languages spoken"
	lOpen    = "Languages with an open Wikipedia"
	lReached = "People reached by one (estimate)"
	lWikis   = "Open wikis in those languages (all projects)"
	lEdRatio = "All-project editors ÷ Wikipedia editors"
	lRegLang = "Languages with an open Wikipedia spoken in the region"
)

func clLang(code string, pct float64, status string) model.CountryLanguage {
	return model.CountryLanguage{Lang: code, PopulationPct: pct, OfficialStatus: status}
}

// Coverage is 1 − Π(1 − share) over the languages with an open Wikipedia,
// a language written in several scripts (or codes) counted once, at its
// larger share.
func TestCoverage(t *testing.T) {
	d := clData{}.build(t)
	tests := []struct {
		name  string
		langs []model.CountryLanguage
		want  float64
	}{
		{"no languages", nil, 0},
		{"one language", []model.CountryLanguage{clLang("ha", 30, "")}, 30},
		// 1 − 0.7 × 0.8 = 0.44
		{"two languages", []model.CountryLanguage{clLang("ha", 30, ""), clLang("yo", 20, "")}, 44},
		// Nigeria: ha, yo, en open; aa closed; ff, ig without a Wikipedia:
		// 1 − 0.7 × 0.8 × 0.9 = 1 − 0.504 = 0.496
		{"Nigeria", clNigeria().Languages, 49.6},
		{"closed or no Wikipedia only", []model.CountryLanguage{clLang("aa", 60, ""), clLang("ff", 30, "")}, 0},
		// a share over 100 counts as 100
		{"a share over 100", []model.CountryLanguage{clLang("en", 150, ""), clLang("ha", 30, "")}, 100},
		// nb reads on nowiki: 1 − 0.05 = 0.95
		{"Bokmål on nowiki", []model.CountryLanguage{clLang("nb", 95, "official")}, 95},
		// sr_Cyrl and sr_Latn are one language on srwiki: once, at
		// max(60, 50) = 60 (not 1 − 0.4 × 0.5 = 80 as if independent)
		{"script variants", []model.CountryLanguage{clLang("sr_Cyrl", 60, "official"), clLang("sr_Latn", 50, "")}, 60},
		// in either order
		{"script variants, the smaller first", []model.CountryLanguage{clLang("sr_Latn", 50, ""), clLang("sr_Cyrl", 60, "official")}, 60},
		// srwiki at 60, enwiki at 50: 1 − 0.4 × 0.5 = 0.8
		{"script variants and another language", []model.CountryLanguage{clLang("sr_Cyrl", 60, "official"), clLang("sr_Latn", 50, ""), clLang("en", 50, "")}, 80},
		// nb and no both read on nowiki: once, at max(95, 30) = 95
		{"Bokmål and Norwegian", []model.CountryLanguage{clLang("nb", 95, "official"), clLang("no", 30, "")}, 95},
		// a share over 100 counts as 100, whichever script carries it
		{"a script variant over 100", []model.CountryLanguage{clLang("sr_Latn", 120, ""), clLang("sr_Cyrl", 60, "")}, 100},
	}
	for _, tt := range tests {
		got := d.Coverage(model.Country{ISO2: "XX", Languages: tt.langs})
		if !same(got, tt.want) {
			t.Errorf("%s: Coverage = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestChecklist24Languages(t *testing.T) {
	const ng = "NG"
	langs := func(ls ...model.CountryLanguage) []model.Country {
		return []model.Country{clNG(func(c *model.Country) { c.Languages = ls })}
	}
	cases := []clCase{
		{
			name: "Nigeria: 49.6% reads 50%, some coverage",
			data: clData{obs: []model.Observation{clObs(ng, model.IndWPEditors, 40), clObs(ng, model.IndAllEditors, 50)}},
			// 1 − 0.7 × 0.8 × 0.9 = 49.6%, judged as shown in whole
			// percents: 50 ≥ SomeCoverage 50 → mixed
			signal: model.Mixed, reason: "3 languages with an open Wikipedia reach about 50% of people",
			labels: []string{lSpoken, lOpen, lReached, lWikis, "Main languages and their Wikipedias", "Where its editors edit", "Editions it reads", lEdRatio},
			facts: []clFact{
				{lSpoken, model.FactCount, true, 6, "", false},
				// largest share first: ha 30, yo 20, en 10
				{lOpen, model.FactCount, true, 3, "ha, yo, en", false},
				// the rounded share, as judged
				{lReached, model.FactPercent, true, 50, "", false},
				// hawiki, hawiktionary, yowiki, enwiki, enwiktionary (enwikinews is closed)
				{lWikis, model.FactCount, true, 5, "", false},
				// 50 ÷ 40
				{lEdRatio, model.FactRatio, true, 1.25, "", true},
			},
		},
		{
			name: "exactly WideCoverage with two languages",
			data: clData{countries: langs(clLang("en", 60, "official"), clLang("ha", 50, ""))},
			// 1 − 0.4 × 0.5 = 80% ≥ 80, two languages
			signal: model.Strong, reason: "2 languages with an open Wikipedia reach about 80% of people",
			facts: []clFact{
				{lOpen, model.FactCount, true, 2, "en, ha", false},
				{lReached, model.FactPercent, true, 80, "", false},
				{lWikis, model.FactCount, true, 4, "", false},
			},
			absent: []string{lEdRatio},
		},
		{
			name: "79.96% with two languages reads 80%: wide",
			data: clData{countries: langs(clLang("en", 60, "official"), clLang("ha", 49.9, ""))},
			// 1 − 0.4 × 0.501 = 1 − 0.2004 = 79.96% → 80 ≥ 80 → strong
			signal: model.Strong, reason: "2 languages with an open Wikipedia reach about 80% of people",
			facts: []clFact{{lReached, model.FactPercent, true, 80, "", false}},
		},
		{
			name: "79.6% with two languages reads 80%: wide",
			data: clData{countries: langs(clLang("en", 60, "official"), clLang("ha", 49, ""))},
			// 1 − 0.4 × 0.51 = 1 − 0.204 = 79.6% → 80 ≥ 80 → strong
			signal: model.Strong, reason: "2 languages with an open Wikipedia reach about 80% of people",
			facts: []clFact{{lReached, model.FactPercent, true, 80, "", false}},
		},
		{
			name: "79.4% with two languages reads 79%: not wide",
			data: clData{countries: langs(clLang("en", 60, "official"), clLang("ha", 48.5, ""))},
			// 1 − 0.4 × 0.515 = 1 − 0.206 = 79.4% → 79 < 80 → mixed
			signal: model.Mixed, reason: "2 languages with an open Wikipedia reach about 79% of people",
			facts: []clFact{{lReached, model.FactPercent, true, 79, "", false}},
		},
		{
			name: "wide coverage by one language",
			data: clData{
				countries: langs(clLang("en", 90, "official")),
				// no Wikipedia editor to divide by: no ratio
				obs: []model.Observation{clObs(ng, model.IndWPEditors, 0), clObs(ng, model.IndAllEditors, 5)},
			},
			signal: model.Mixed, reason: "1 language with an open Wikipedia reach about 90% of people",
			absent: []string{lEdRatio},
		},
		{
			name:   "exactly SomeCoverage",
			data:   clData{countries: langs(clLang("en", 50, "official"))},
			signal: model.Mixed, reason: "1 language with an open Wikipedia reach about 50% of people",
		},
		{
			name: "49.9% reads 50%: some coverage",
			data: clData{countries: langs(clLang("en", 49.9, "official"))},
			// 49.9 → 50 ≥ 50 → mixed
			signal: model.Mixed, reason: "1 language with an open Wikipedia reach about 50% of people",
			facts: []clFact{{lReached, model.FactPercent, true, 50, "", false}},
		},
		{
			name: "49.4% reads 49%: under SomeCoverage",
			data: clData{countries: langs(clLang("en", 49.4, "official"))},
			// 49.4 → 49 < 50 → weak
			signal: model.Weak, reason: "languages with an open Wikipedia reach only about 49% of people",
			facts: []clFact{{lReached, model.FactPercent, true, 49, "", false}},
		},
		{
			name: "script variants: one wiki language, counted once",
			data: clData{countries: langs(clLang("sr_Cyrl", 60, "official"), clLang("sr_Latn", 50, ""))},
			// srwiki once, at max(60, 50) = 60%, one language → mixed
			signal: model.Mixed, reason: "1 language with an open Wikipedia reach about 60% of people",
			facts: []clFact{
				{lSpoken, model.FactCount, true, 2, "", false},
				{lOpen, model.FactCount, true, 1, "sr", false},
				{lReached, model.FactPercent, true, 60, "", false},
				{lWikis, model.FactCount, true, 1, "", false},
			},
		},
		{
			name: "script variants and English: wide only as two languages",
			data: clData{countries: langs(clLang("sr_Cyrl", 60, "official"), clLang("sr_Latn", 50, ""), clLang("en", 50, ""))},
			// sr at 60 and en at 50: 1 − 0.4 × 0.5 = 80% (not 1 − 0.4 × 0.5 ×
			// 0.5 = 90%), two languages → strong
			signal: model.Strong, reason: "2 languages with an open Wikipedia reach about 80% of people",
			facts: []clFact{
				{lOpen, model.FactCount, true, 2, "sr, en", false},
				{lReached, model.FactPercent, true, 80, "", false},
			},
		},
		{
			name: "script variants just under wide",
			data: clData{countries: langs(clLang("sr_Cyrl", 58, "official"), clLang("sr_Latn", 57, ""), clLang("en", 50, ""))},
			// sr at max(58, 57) = 58: 1 − 0.42 × 0.5 = 79% < 80 → mixed
			// (independent, 1 − 0.42 × 0.43 × 0.5 = 91% would be strong)
			signal: model.Mixed, reason: "2 languages with an open Wikipedia reach about 79% of people",
		},
		{
			name:   "no open Wikipedia in any language",
			data:   clData{countries: langs(clLang("aa", 60, "official"), clLang("ff", 30, ""))},
			signal: model.Weak, reason: "languages with an open Wikipedia reach only about 0% of people",
			facts: []clFact{
				{lOpen, model.FactCount, true, 0, "", false},
				{lReached, model.FactPercent, true, 0, "", false},
				{lWikis, model.FactCount, true, 0, "", false},
			},
		},
		{
			name:   "no languages listed",
			data:   clData{countries: langs()},
			signal: model.NoEvidence, reason: "no languages listed",
			facts: []clFact{
				{lSpoken, model.FactCount, true, 0, "", false},
				{lReached, model.FactPercent, false, 0, "", false},
			},
		},
	}
	runChecklistCases(t, "2.4", cases)

	// The regions, with their own countries.
	country := func(iso2, name, region string, ls ...model.CountryLanguage) model.Country {
		return model.Country{ISO2: iso2, Name: name, WikimediaRegion: region, Languages: ls}
	}
	pop := func(iso2 string, v float64) model.Observation { return clCtx(iso2, model.IndPopulation, 2023, v) }
	// Sub-Saharan Africa:
	//
	//	    population  open languages   coverage   people reached
	//	NG  200         ha yo en         49.6%      99.2
	//	GH   40         en (tw has none) 80%        32
	//	SN   20         fr (wo has none) 40%         8
	//	KE   —          sw               90%         — (no population)
	//	CM   60         — (none listed)  —           — (no languages)
	//	                                            139.2 of 260 = 53.54% → 54%
	africa := clData{
		countries: []model.Country{
			clNigeria(),
			country("GH", "Ghana", clSSA, clLang("en", 80, "official"), clLang("tw", 15, "")),
			country("SN", "Senegal", clSSA, clLang("wo", 50, ""), clLang("fr", 40, "official")),
			country("KE", "Kenya", clSSA, clLang("sw", 90, "official")),
			country("CM", "Cameroon", clSSA),
		},
		obs: []model.Observation{pop("NG", 200), pop("GH", 40), pop("SN", 20), pop("CM", 60)},
	}
	// South Asia:
	//
	//	    population  open languages   coverage             people reached
	//	IN  1400        en hi            1 − 0.4 × 0.5 = 80%  1120
	//	BD   200        bn en            1 − 0.02 × 0.8 = 98.4%  196.8
	//	NP    30        — (ne has none)  0%                   0
	//	                                1316.8 of 1630 = 80.79% → 81%
	asia := func(withPop ...string) clData {
		pops := map[string]float64{"IN": 1400, "BD": 200, "NP": 30}
		d := clData{countries: []model.Country{
			country("IN", "India", clSA, clLang("hi", 50, "official"), clLang("en", 60, "")),
			country("BD", "Bangladesh", clSA, clLang("bn", 98, "official"), clLang("en", 20, "")),
			country("NP", "Nepal", clSA, clLang("ne", 90, "official")),
		}}
		for _, iso2 := range withPop {
			d.obs = append(d.obs, pop(iso2, pops[iso2]))
		}
		return d
	}
	const title = "Countries where languages with an open Wikipedia reach less than half the people"
	regionLabels := []string{lRegLang, lReached, lWikis}
	regionCases := []clCase{
		{
			name: "Sub-Saharan Africa", data: africa, region: clSSA,
			// 54 ≥ 50 but < 80 → mixed
			signal: model.Mixed, reason: "about 54% of the region's people are reached",
			labels: regionLabels,
			facts: []clFact{
				// Kenya's Swahili counts though Kenya has no population figure
				{lRegLang, model.FactCount, true, 5, "en, fr, ha, sw, yo", false},
				// 53.54 rounded, as judged
				{lReached, model.FactPercent, true, 54, "", false},
				// en 2 + fr 1 + ha 2 + sw 1 + yo 1
				{lWikis, model.FactCount, true, 7, "", false},
			},
			title: title,
			// less than half, in whole percents: Senegal's 40; Nigeria's 49.6
			// reads 50, not less than half
			mentions: []string{"SN Senegal: about 40% reached"},
		},
		{
			name: "South Asia", data: asia("IN", "BD", "NP"), region: clSA,
			// 81 ≥ 80 with three languages → strong
			signal: model.Strong, reason: "3 languages with an open Wikipedia reach about 81% of the region's people",
			facts: []clFact{
				{lRegLang, model.FactCount, true, 3, "bn, en, hi", false},
				// 80.79 rounded
				{lReached, model.FactPercent, true, 81, "", false},
				// bnwiki, bnwikisource, enwiki, enwiktionary, hiwiki
				{lWikis, model.FactCount, true, 5, "", false},
			},
			title: title, mentions: []string{"NP Nepal: about 0% reached"},
		},
		{
			name: "South Asia with India's population only: exactly WideCoverage", data: asia("IN"), region: clSA,
			// 1400 × 80% ÷ 1400 = 80%
			signal: model.Strong, reason: "3 languages with an open Wikipedia reach about 80% of the region's people",
			facts: []clFact{{lReached, model.FactPercent, true, 80, "", false}},
			title: title, mentions: []string{"NP Nepal: about 0% reached"},
		},
		{
			name: "one language reaching 90%",
			data: clData{
				countries: []model.Country{
					country("IN", "India", clSA, clLang("en", 90, "")),
					country("BD", "Bangladesh", clSA, clLang("en", 50, "")),
				},
				obs: []model.Observation{pop("IN", 1400)},
			},
			region: clSA,
			// 90% ≥ 80 but one language → mixed; Bangladesh (no population)
			// is reached at exactly 50%: not less than half, not listed
			signal: model.Mixed, reason: "about 90% of the region's people are reached",
			facts: []clFact{{lRegLang, model.FactCount, true, 1, "en", false}},
			title: title,
		},
		{
			name: "79.6% of the region reads 80%: wide",
			data: clData{
				countries: []model.Country{
					country("IN", "India", clSA, clLang("en", 60, ""), clLang("hi", 49, "official")),
					country("BD", "Bangladesh", clSA, clLang("en", 49.6, "")),
					country("NP", "Nepal", clSA, clLang("en", 49.4, "")),
				},
				obs: []model.Observation{pop("IN", 1400)},
			},
			region: clSA,
			// India alone has a population: 1 − 0.4 × 0.51 = 79.6% → 80,
			// two languages → strong. Less than half: Nepal's 49.4 reads 49;
			// Bangladesh's 49.6 reads 50 and is not listed
			signal: model.Strong, reason: "2 languages with an open Wikipedia reach about 80% of the region's people",
			facts: []clFact{{lReached, model.FactPercent, true, 80, "", false}},
			title: title, mentions: []string{"NP Nepal: about 49% reached"},
		},
		{
			name: "79.4% of the region reads 79%: not wide",
			data: clData{
				countries: []model.Country{country("IN", "India", clSA, clLang("en", 60, ""), clLang("hi", 48.5, "official"))},
				obs:       []model.Observation{pop("IN", 1400)},
			},
			region: clSA,
			// 1 − 0.4 × 0.515 = 79.4% → 79 < 80 → mixed
			signal: model.Mixed, reason: "about 79% of the region's people are reached",
			facts: []clFact{{lReached, model.FactPercent, true, 79, "", false}},
			title: title,
		},
		{
			name: "South Asia with Nepal's population only", data: asia("NP"), region: clSA,
			signal: model.Weak, reason: "only about 0% of the region's people are reached",
			title: title, mentions: []string{"NP Nepal: about 0% reached"},
		},
		{
			name: "no population figure", data: asia(), region: clSA,
			signal: model.NoEvidence, reason: "no population or languages for the region's countries",
			facts: []clFact{{lReached, model.FactPercent, false, 0, "", false}},
			title: title, mentions: []string{"NP Nepal: about 0% reached"},
		},
	}
	runChecklistCases(t, "2.4", regionCases)
}

// ---- question 2.5: capacity support ---------------------------------------------

func TestChecklist25Capacity(t *testing.T) {
	const ng = "NG"
	R, E, A, P := model.Readership, model.Editorship, model.Affiliates, model.Programs
	idleBoth := func(iso2 string) []model.Observation { return append(clIdle(iso2, A), clIdle(iso2, P)...) }
	cases := []clCase{
		{
			name:   "a base exactly at the median, organizing just under NearPresence",
			data:   clData{scores: []model.Score{clP(ng, R, 50), clP(ng, A, 39.9), clP(ng, P, 39.9), clP(ng, model.Grants, 20)}},
			signal: model.Strong, reason: "readers presence 50.0; affiliates 39.9, programs 39.9: a base with little organizing",
			labels: []string{lRP, lEP, lAP, lPP, lGP},
			facts: []clFact{
				{lRP, model.FactScore, true, 50, oneOfOne, true},
				{lEP, model.FactScore, false, 0, notEnuf, false},
				{lGP, model.FactScore, true, 20, oneOfOne, true},
			},
		},
		{
			name: "affiliates exactly NearPresence",
			data: clData{scores: []model.Score{clP(ng, R, 60), clP(ng, A, 40), clP(ng, P, 10)}},
			// 40 is not < 40: one of the two organizes → mixed
			signal: model.Mixed, reason: "readers presence 60.0; affiliates 40.0, programs 10.0: some organizing already",
		},
		{
			name:   "both organizing at NearPresence",
			data:   clData{scores: []model.Score{clP(ng, R, 60), clP(ng, A, 40), clP(ng, P, 40)}},
			signal: model.Weak, reason: "readers presence 60.0; affiliates 40.0, programs 40.0: already organized",
		},
		{
			name: "a base just under the median",
			data: clData{obs: idleBoth(ng), scores: []model.Score{clP(ng, R, 49.9), clP(ng, E, 30)}},
			// base max(49.9, 30) = 49.9 < 50
			signal: model.Weak, reason: "readers presence 49.9; affiliates 0.0, programs 0.0: the reader and editor base is still small",
		},
		{
			name:   "an editor base and no organizing at all (idle)",
			data:   clData{obs: idleBoth(ng), scores: []model.Score{clP(ng, E, 70)}},
			signal: model.Strong, reason: "editors presence 70.0; affiliates 0.0, programs 0.0: a base with little organizing",
			facts: []clFact{
				{lRP, model.FactScore, false, 0, notEnuf, false},
				{lAP, model.FactScore, false, 0, model.NoActivity, false},
				{lPP, model.FactScore, false, 0, model.NoActivity, false},
			},
		},
		{
			name: "no data for programs",
			data: clData{scores: []model.Score{clP(ng, R, 70), clP(ng, A, 20)}},
			// a base 70 ≥ 50, but a missing programs score is not little
			// organizing: how organized it is is not fully known → mixed
			signal: model.Mixed, reason: "readers presence 70.0; affiliates 20.0, programs no score: a base, but how organized it is is not fully known",
			facts: []clFact{{lPP, model.FactScore, false, 0, notEnuf, false}},
		},
		{
			name: "no data for affiliates, a base exactly at the median",
			data: clData{obs: clIdle(ng, P), scores: []model.Score{clP(ng, E, 50)}},
			// base 50 ≥ 50; programs idle (0), affiliates missing → mixed
			signal: model.Mixed, reason: "editors presence 50.0; affiliates no score, programs 0.0: a base, but how organized it is is not fully known",
		},
		{
			name: "no data for programs, and a small base",
			data: clData{scores: []model.Score{clP(ng, R, 49.9), clP(ng, A, 20)}},
			// base 49.9 < 50: weak, whatever the organizing
			signal: model.Weak, reason: "readers presence 49.9; affiliates 20.0, programs no score: the reader and editor base is still small",
		},
		{
			name:   "no data for affiliates or programs",
			data:   clData{scores: []model.Score{clP(ng, R, 70)}},
			signal: model.NoEvidence, reason: "no reader, editor, affiliate or program score",
		},
		{
			name:   "no reader or editor base",
			data:   clData{scores: []model.Score{clP(ng, A, 10), clP(ng, P, 10)}},
			signal: model.NoEvidence, reason: "no reader, editor, affiliate or program score",
		},
	}
	runChecklistCases(t, "2.5", cases)

	// The regions:
	//
	//	    base           affiliates  programs   passes
	//	NG  readers 50     39.9        39.9       yes
	//	GH  editors 80     idle (0)    idle (0)   yes
	//	SN  readers 70     10          —          no: organizing not fully known
	//	KE  readers 60     40          10         no: affiliates 40
	//	CM  readers 49.9   idle (0)    idle (0)   no: base under 50
	//	IN  readers 90     10          10         yes
	//	NP  readers 55     60          10         no
	//	BD  —                                     no
	scores := []model.Score{
		clP("NG", R, 50), clP("NG", A, 39.9), clP("NG", P, 39.9),
		clP("GH", E, 80),
		clP("SN", R, 70), clP("SN", A, 10),
		clP("KE", R, 60), clP("KE", A, 40), clP("KE", P, 10),
		clP("CM", R, 49.9),
		clP("IN", R, 90), clP("IN", A, 10), clP("IN", P, 10),
		clP("NP", R, 55), clP("NP", A, 60), clP("NP", P, 10),
	}
	idle := append(idleBoth("GH"), idleBoth("CM")...)
	var withoutSN []model.Score
	for _, sc := range scores {
		if sc.ISO2 != "SN" {
			withoutSN = append(withoutSN, sc)
		}
	}
	const title = "Countries of the region that may need capacity support"
	regionCases := []clCase{
		{
			name: "Sub-Saharan Africa: Senegal's missing programs score leaves it out", data: clRegionData(scores, idle...), region: clSSA,
			// GH and NG: 2 < min(3, 5) = 3 → mixed
			signal: model.Mixed, reason: "2 of its 5 countries may need capacity support",
			labels: regionListLabels,
			title:  title,
			mentions: []string{
				"GH Ghana: editors 80.0; affiliates 0.0, programs 0.0",
				"NG Nigeria: readers 50.0; affiliates 39.9, programs 39.9",
			},
		},
		{
			name: "Sub-Saharan Africa with Senegal's programs at 10: three, enough for strong",
			data: clRegionData(append(append([]model.Score(nil), scores...), clP("SN", P, 10)), idle...), region: clSSA,
			// GH, NG and SN: 3 ≥ min(3, 5), 30 ≥ 5 → strong
			signal: model.Strong, reason: "3 of its 5 countries may need capacity support",
			title: title,
			mentions: []string{
				"GH Ghana: editors 80.0; affiliates 0.0, programs 0.0",
				"NG Nigeria: readers 50.0; affiliates 39.9, programs 39.9",
				"SN Senegal: readers 70.0; affiliates 10.0, programs 10.0",
			},
		},
		{
			name: "Sub-Saharan Africa without Senegal", data: clRegionData(withoutSN, idle...), region: clSSA,
			signal: model.Mixed, reason: "2 of its 5 countries may need capacity support",
			title: title,
			mentions: []string{
				"GH Ghana: editors 80.0; affiliates 0.0, programs 0.0",
				"NG Nigeria: readers 50.0; affiliates 39.9, programs 39.9",
			},
		},
		{
			name: "South Asia", data: clRegionData(scores, idle...), region: clSA,
			// India alone (Nepal's affiliates 60 ≥ 40): 1 < 3 → mixed
			signal: model.Mixed, reason: "1 of its 3 countries may need capacity support",
			title: title, mentions: []string{"IN India: readers 90.0; affiliates 10.0, programs 10.0"},
		},
		{
			name: "South Asia without data", data: clRegionData(nil), region: clSA,
			signal: model.NoEvidence, reason: "none of its 3 countries has a score",
			title: title,
		},
	}
	runChecklistCases(t, "2.5", regionCases)
}

// ---- region lists: enough countries, and enough of the region ----------------------

// clLargeRegion is a region of n ≤ 52 countries ("Country 01" XA, "Country
// 02" XB, …, then YA, YB, …), the first pass of them with strong affiliates
// and readers and weak editorship (question 2.1: affiliates 60, readers 60,
// editors 40), the others with every score at 20.
func clLargeRegion(n, pass int) clData {
	A, R, E := model.Affiliates, model.Readership, model.Editorship
	var d clData
	for i := range n {
		c := string(rune('X'+i/26)) + string(rune('A'+i%26))
		d.countries = append(d.countries, model.Country{ISO2: c, Name: fmt.Sprintf("Country %02d", i+1), WikimediaRegion: clLAC})
		if i < pass {
			d.scores = append(d.scores, clP(c, A, 60), clP(c, R, 60), clP(c, E, 40))
		} else {
			d.scores = append(d.scores, clP(c, A, 20), clP(c, R, 20), clP(c, E, 20))
		}
	}
	d.scores = clWithOverall(d.scores)
	return d
}

func TestChecklistRegionShare(t *testing.T) {
	const title21 = "Countries of the region with strong affiliates and readers but weak editorship"
	const note21 = "affiliates 60.0, readers 60.0, editors 40.0"
	cases := []clCase{
		{
			name: "2 of 20: one in ten → strong", data: clLargeRegion(20, 2), region: clLAC,
			// 2 ≥ min(2, 20) = 2 and 2 × 10 = 20 ≥ 20 → strong
			signal: model.Strong, reason: "2 of its 20 countries have strong affiliates and readers but weak editorship",
			title: title21, mentions: []string{"XA Country 01: " + note21, "XB Country 02: " + note21},
		},
		{
			name: "2 of 21: less than one in ten → mixed", data: clLargeRegion(21, 2), region: clLAC,
			// 2 ≥ 2, but 20 < 21 → mixed
			signal: model.Mixed, reason: "2 of its 21 countries have strong affiliates and readers but weak editorship",
			title: title21, mentions: []string{"XA Country 01: " + note21, "XB Country 02: " + note21},
		},
		{
			name: "2 of 30 → mixed", data: clLargeRegion(30, 2), region: clLAC,
			// 2 ≥ 2, but 20 < 30 → mixed
			signal: model.Mixed, reason: "2 of its 30 countries have strong affiliates and readers but weak editorship",
			title: title21, mentions: []string{"XA Country 01: " + note21, "XB Country 02: " + note21},
		},
		{
			name: "3 of 30 → strong", data: clLargeRegion(30, 3), region: clLAC,
			// 3 ≥ 2 and 30 ≥ 30 → strong
			signal: model.Strong, reason: "3 of its 30 countries have strong affiliates and readers but weak editorship",
			title: title21, mentions: []string{"XA Country 01: " + note21, "XB Country 02: " + note21, "XC Country 03: " + note21},
		},
		{
			name: "0 of 30 with scores → weak", data: clLargeRegion(30, 0), region: clLAC,
			signal: model.Weak, reason: "none of its 30 countries have strong affiliates and readers but weak editorship",
			title: title21,
		},
	}
	runChecklistCases(t, "2.1", cases)

	// Question 2.5 asks for three countries: a region of two with both is
	// strong, since it cannot have more (min(3, 2) = 2), and 20 ≥ 2.
	R, A, P := model.Readership, model.Affiliates, model.Programs
	northAmerica := func(caPrograms float64) clData {
		return clData{
			countries: []model.Country{
				{ISO2: "CA", Name: "Canada", WikimediaRegion: clNA},
				{ISO2: "US", Name: "United States", WikimediaRegion: clNA},
			},
			scores: clWithOverall([]model.Score{
				clP("CA", R, 60), clP("CA", A, 10), clP("CA", P, caPrograms),
				clP("US", R, 80), clP("US", A, 20), clP("US", P, 30),
			}),
		}
	}
	const title25 = "Countries of the region that may need capacity support"
	naCases := []clCase{
		{
			name: "2 of 2 → strong", data: northAmerica(10), region: clNA,
			signal: model.Strong, reason: "2 of its 2 countries may need capacity support",
			title: title25,
			mentions: []string{
				"CA Canada: readers 60.0; affiliates 10.0, programs 10.0",
				"US United States: readers 80.0; affiliates 20.0, programs 30.0",
			},
		},
		{
			name: "1 of 2 → mixed", data: northAmerica(40), region: clNA,
			// Canada's programs 40 is not < 40: the United States alone, 1 < 2
			signal: model.Mixed, reason: "1 of its 2 countries may need capacity support",
			title:    title25,
			mentions: []string{"US United States: readers 80.0; affiliates 20.0, programs 30.0"},
		},
	}
	runChecklistCases(t, "2.5", naCases)
}

func TestParseAmount(t *testing.T) {
	good := map[string]float64{
		"50000": 50000, "50,000": 50000, "$50,000": 50000, "$ 50000": 50000, "50k": 50000, "50K": 50000,
		"$50k": 50000, "1.2m": 1.2e6, "1.5M": 1.5e6, "1,250,000": 1.25e6, "2500.50": 2500.5, " 750 ": 750, "0.5k": 500,
	}
	for in, want := range good {
		if got, err := model.ParseAmount(in); err != nil || got != want {
			t.Errorf("ParseAmount(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "abc", "0", "$0", "0k", "-5", "1,5", "50,00", "1e5", "50kk", "50 dollars", "inf", "NaN", "0x10", "5_000", "$$5", "€50"} {
		if got, err := model.ParseAmount(in); err == nil {
			t.Errorf("ParseAmount(%q) = %v, want an error", in, got)
		}
	}
}
