package model

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// The Equity Landscape exists to help people answer two lists of reflection
// questions. This file holds both use cases with their questions, word for
// word from the Equity Landscape's pilot page, and for every question the
// evidence that bears on it and an automatic signal read from that evidence.
//
// A signal is strong, mixed or weak, or there is not enough data. What
// strong means depends on the question and is said with it (Question.Reading):
// for "might a grantee face barriers", strong means few barriers. The
// thresholds below are this project's, named and documented so that a
// reader can weigh them; the Equity Landscape publishes none.

// Thresholds of the checklist signals. Scores are 0–100 ranks, 50 the
// median country.
const (
	// AdequatePresence is a presence score at or above the median country.
	AdequatePresence = 50.0
	// NearPresence is close enough to the median to call a presence
	// middling rather than weak.
	NearPresence = 40.0
	// ProportionGap is how far, in score points, grants leadership may sit
	// above the larger of editorship and readership presence and still be
	// "proportionate to the base"; GrantsOutOfProportion is where it is
	// clearly not.
	ProportionGap         = 15.0
	GrantsOutOfProportion = 30.0
	// RequestInLine and RequestOutOfLine compare a requested amount with the
	// country's grant dollars of the year: up to once is in line, beyond
	// three times is out of line.
	RequestInLine    = 1.0
	RequestOutOfLine = 3.0
	// LowInternet and LowLiteracy are shares of the population (%) under
	// which access is a barrier.
	LowInternet = 20.0
	LowLiteracy = 60.0
	// HighRisk and UnpublishedRisk are the canonical data's own boundaries
	// of the "Higher risk" and "Not published" classes.
	HighRisk        = 67.5
	UnpublishedRisk = 75.0
	// MainLanguageShare is the share of the population (%) that makes a
	// language one of a country's main languages (official ones are main
	// whatever their share).
	MainLanguageShare = 20.0
	// CrowdedAffiliates is the number of affiliates in a country from which
	// its space counts as crowded.
	CrowdedAffiliates = 3
	// RegionShareDivisor: a region's answer is strong only when at least
	// one in this many of its countries answers it (and at least the
	// question's count).
	RegionShareDivisor = 10
	// WideCoverage and SomeCoverage are the shares of the population (%)
	// that a country's languages with an open Wikipedia reach.
	WideCoverage = 80.0
	SomeCoverage = 50.0
)

// Signal is what the evidence says about a question.
type Signal string

// The signals.
const (
	Strong     Signal = "strong"
	Mixed      Signal = "mixed"
	Weak       Signal = "weak"
	NoEvidence Signal = "not enough data"
)

// Subject kinds: use case 1 asks of a country; use case 2 of a country or a
// region.
const (
	SubjectCountry = "country"
	SubjectRegion  = "region"
)

// Question is one reflection question of a use case.
type Question struct {
	ID      string // "1.2": use case and number
	Text    string // word for word
	Reading string // what strong and weak mean for this question
	// Form is how the question is answered (answer.go): yes/no, a number,
	// a set of countries or a scale.
	Form AnswerForm
	// Levels are the strong, mixed and weak signals in the question's own
	// terms: for 1.3, "few", "some" and "many" barriers. LevelsOf names
	// what they measure ("barriers").
	Levels   [3]string
	LevelsOf string
	// Yes says what a "yes" means where the signal could read the other
	// way (1.3: "yes means barriers"); "" where strong points to yes.
	Yes string
}

// UseCase is one of the Equity Landscape's two use cases.
type UseCase struct {
	Number    int
	Title     string
	Actors    []string
	Subjects  []string // SubjectCountry, and SubjectRegion for use case 2
	Questions []Question
}

// UseCases returns both use cases, quoted from the Equity Landscape's pilot
// and consultation page.
func UseCases() []UseCase {
	ucs := useCaseTexts()
	for i := range ucs {
		for j := range ucs[i].Questions {
			withForm(&ucs[i].Questions[j])
		}
	}
	return ucs
}

// useCaseTexts are the use cases as the pilot page words them.
func useCaseTexts() []UseCase {
	return []UseCase{
		{
			Number:   1,
			Title:    "Direct grant funds and resource opportunities to spaces ready for growth",
			Actors:   []string{"Grant applicants", "Grants officers", "Grant-making committees", "Regional hub organizers", "Potential Partners"},
			Subjects: []string{SubjectCountry},
			Questions: []Question{
				{ID: "1.1", Text: "Is a potential partner or grantee proposing a project in a country, language, and project space with an adequate reader or editor presence and/or high growth potential, to accomplish its goal(s)?"},
				{ID: "1.2", Text: "Is a partnership opportunity or grant request in line with the country’s Wikimedia presence, and proportionate to their base?"},
				{ID: "1.3", Text: "Might a potential partner or grantee face potential barriers to freedom or access which may prevent reaching goals in the targeted geographic space(s)?"},
				{ID: "1.4", Text: "How many other affiliates may be operating in the same space."},
			},
		},
		{
			Number:   2,
			Title:    "Direct non-monetary support and partnering opportunities to relevant spaces ready for development",
			Actors:   []string{"Community Organizers", "Affiliates", "Grantees", "Partners", "Community engagement and support teams"},
			Subjects: []string{SubjectCountry, SubjectRegion},
			Questions: []Question{
				{ID: "2.1", Text: "Which countries or regions have a strong affiliate presence and reader base but are lacking in editorship?"},
				{ID: "2.2", Text: "Does a country or region have a well-balanced movement organizer ecosystem to support an international event or extensive collaborative partnership?"},
				{ID: "2.3", Text: "Which countries and regions have the most potential for growth in different domains?"},
				{ID: "2.4", Text: "To what extent does a country engage in various languages and projects?"},
				{ID: "2.5", Text: "What countries may need capacity support to enable movement coordination?"},
			},
		},
	}
}

// UseCaseByNumber returns use case 1 or 2.
func UseCaseByNumber(n int) (UseCase, bool) {
	for _, uc := range UseCases() {
		if uc.Number == n {
			return uc, true
		}
	}
	return UseCase{}, false
}

// Subject is what a checklist is asked of: a country, or a group of a
// grouping (a Wikimedia region).
type Subject struct {
	Country  Country // set for a country
	Region   string  // set for a region
	Grouping Grouping
}

// IsRegion reports whether the subject is a region.
func (s Subject) IsRegion() bool { return s.Region != "" }

// Name is the subject's name.
func (s Subject) Name() string {
	if s.IsRegion() {
		return s.Region
	}
	return s.Country.Name
}

// Key names the subject in file names and session keys: the ISO2 code, or
// "region-" and the region's folded name.
func (s Subject) Key() string {
	if !s.IsRegion() {
		return s.Country.ISO2
	}
	return "region-" + strings.ReplaceAll(regionKey(s.Region), " ", "-")
}

// FactKind says how a fact's value reads.
type FactKind int

// Kinds of facts.
const (
	FactScore   FactKind = iota // a 0–100 score
	FactPercent                 // a share in percent
	FactCount                   // people, editors, affiliates
	FactMoney                   // US dollars
	FactRatio                   // a multiple ("2.4×")
	FactText                    // words only
)

// Fact is one piece of evidence.
type Fact struct {
	Label   string
	Kind    FactKind
	Value   float64
	OK      bool   // the value exists
	Text    string // words: the value of a FactText, or a note beside a number ("3 of 53", "2014")
	Modeled bool   // made from modeled figures
	// Class is the class of a figure read from one observation (real,
	// estimated, modeled), or of a score (the weakest of its figures'); ""
	// for a figure made from several.
	Class Class
	// Range, when set, is all that may be shown of the value: the bucket of
	// a protected country's imported raw count (Dataset.Shown), or a figure
	// made from one. Value is then the range's middle, never the exact
	// figure, and is not to be shown.
	Range *Bounds
}

// Mention is a country the evidence names (the region's countries that
// answer the question).
type Mention struct {
	ISO2    string
	Name    string
	Note    string
	Modeled bool   // the note's figures are made from modeled ones
	Rule    string // for a set question's candidate: the rule that put it there
}

// Answer is a question with its evidence and signal for a subject.
type Answer struct {
	Question      Question
	Facts         []Fact
	MentionsTitle string
	Mentions      []Mention
	Signal        Signal
	Reason        string // one line naming the figures the signal used
	// Form is the question's; Level the signal in its own terms ("few"
	// barriers); Proposal the answer the evidence proposes (answer.go).
	Form     AnswerForm
	Level    string
	Proposal Proposal
}

// Request is what a user adds to a checklist: a requested grant amount for
// question 1.2.
type Request struct {
	Amount    float64
	HasAmount bool
}

// Checklist answers every question of a use case for a subject in a year.
func (d *Dataset) Checklist(uc UseCase, s Subject, year int, req Request) []Answer {
	out := make([]Answer, 0, len(uc.Questions))
	for _, q := range uc.Questions {
		a := d.answer(q, s, year, req)
		d.propose(&a, s, year)
		out = append(out, a)
	}
	return out
}

func (d *Dataset) answer(q Question, s Subject, year int, req Request) Answer {
	a := Answer{Question: q}
	switch {
	case q.ID == "1.1" && !s.IsRegion():
		d.presenceAndGrowth(&a, s, year)
	case q.ID == "1.2" && !s.IsRegion():
		d.proportionate(&a, s, year, req)
	case q.ID == "1.3" && !s.IsRegion():
		d.barriers(&a, s, year)
	case q.ID == "1.4" && !s.IsRegion():
		d.otherAffiliates(&a, s, year)
	case q.ID == "2.1" && s.IsRegion():
		d.regionList(&a, s, year, "Countries of the region with strong affiliates and readers but weak editorship", "have strong affiliates and readers but weak editorship", d.affiliatesNotEditors, 2)
	case q.ID == "2.1":
		d.affiliatesReadersNotEditors(&a, s.Country, year)
	case q.ID == "2.2" && s.IsRegion():
		d.regionList(&a, s, year, "Countries of the region with a balanced organizer ecosystem", "have a balanced organizer ecosystem", d.balanced, 2)
	case q.ID == "2.2":
		d.ecosystem(&a, s.Country, year)
	case q.ID == "2.3" && s.IsRegion():
		d.regionList(&a, s, year, "Countries of the region with strong growth in two domains or more", "grow strongly in two domains or more", d.growing, 3)
	case q.ID == "2.3":
		d.growth(&a, s.Country, year)
	case q.ID == "2.4" && s.IsRegion():
		d.regionLanguages(&a, s, year)
	case q.ID == "2.4":
		d.languages(&a, s.Country, year)
	case q.ID == "2.5" && s.IsRegion():
		d.regionList(&a, s, year, "Countries of the region that may need capacity support", "may need capacity support", d.needsCapacity, 3)
	case q.ID == "2.5":
		d.capacity(&a, s.Country, year)
	default:
		a.Signal, a.Reason = NoEvidence, "this question is asked of a country"
	}
	return a
}

// ---- figures -------------------------------------------------------------

// score is a facet score as a fact with its rank in the region and world.
func (d *Dataset) scoreFact(c Country, dom DomainID, f Facet, year int) Fact {
	info, _ := DomainByID(dom)
	label := info.Name
	if f != Overall {
		label += " " + string(f)
	}
	fact := Fact{Label: label, Kind: FactScore}
	fact.Value, fact.OK = d.Score(c.ISO2, dom, f, year)
	if fact.OK {
		fact.Class = d.scoreClass(c.ISO2, dom, f, year)
		fact.Modeled = fact.Class == ClassModeled
	}
	if !fact.OK {
		fact.Text = d.missingScore(c, dom, f, year)
		return fact
	}
	if st, ok := d.RankInRegion(c.ISO2, dom, f, year); ok {
		fact.Text = fmt.Sprintf("%d of %d in region", st.Pos, st.Of)
	}
	return fact
}

// missingScore says why a score is missing.
func (d *Dataset) missingScore(c Country, dom DomainID, f Facet, year int) string {
	if f == Growth && !d.HasFacet(dom, Growth) {
		return "no growth inputs"
	}
	if d.NoFigures(dom, year) {
		return NoFiguresNote
	}
	if why, ok := d.Withheld(c.ISO2, dom, year); ok {
		return why
	}
	if f == Presence || f == Overall {
		if d.Idle(c.ISO2, dom, year) {
			return NoActivity
		}
	}
	return "not enough data"
}

// presence is a score that counts as zero when the country has no activity
// in the domain (it is not missing then: there is nothing).
func (d *Dataset) presence(c Country, dom DomainID, year int) (float64, bool) {
	if v, ok := d.Score(c.ISO2, dom, Presence, year); ok {
		return v, true
	}
	if d.Idle(c.ISO2, dom, year) {
		return 0, true
	}
	return 0, false
}

func (d *Dataset) valueFact(c Country, label, ind string, kind FactKind, year int) Fact {
	// No figure is neither real nor modeled: only a figure is marked.
	f := Fact{Label: label, Kind: kind}
	i, known := d.Indicator(ind)
	f.Value, f.OK = d.Value(c.ISO2, ind, year)
	if f.OK {
		// The figure's own class: an estimate is not modeled, nor real.
		f.Class = d.ClassOf(c.ISO2, ind, year)
		f.Modeled = f.Class == ClassModeled
	}
	if f.OK && known {
		if b, exact := d.Shown(c, i, f.Value); !exact {
			f.Value, f.Range = b.Mid(), &b
		}
	}
	return f
}

// countText writes a country's count of an indicator with its noun as it
// may be shown: "3 affiliates", or a protected country's imported count
// as its bucket, "1–10 affiliates".
func (d *Dataset) countText(c Country, ind string, n float64, noun string) string {
	i, _ := d.Indicator(ind)
	if b, exact := d.Shown(c, i, n); !exact && b.Lower != b.Upper {
		return fmt.Sprintf("%.0f–%.0f %ss", b.Lower, b.Upper, noun)
	}
	return plural(n, noun)
}

func (d *Dataset) contextFact(c Country, label, ind string, kind FactKind, year int) Fact {
	f := Fact{Label: label, Kind: kind}
	if p, ok := d.ContextAt(c.ISO2, ind, year); ok {
		f.Value, f.OK, f.Text = p.Value, true, fmt.Sprint(p.Year)
		f.Class = d.ClassOf(c.ISO2, ind, p.Year)
	}
	return f
}

func textFact(label, text string) Fact {
	return Fact{Label: label, Kind: FactText, Text: text, OK: true}
}

func fmtScore(v float64) string { return fmt.Sprintf("%.1f", v) }

// ---- use case 1 ------------------------------------------------------------

func (d *Dataset) presenceAndGrowth(a *Answer, s Subject, year int) {
	c := s.Country
	rp, okRP := d.Score(c.ISO2, Readership, Presence, year)
	ep, okEP := d.Score(c.ISO2, Editorship, Presence, year)
	rg, okRG := d.Score(c.ISO2, Readership, Growth, year)
	eg, okEG := d.Score(c.ISO2, Editorship, Growth, year)
	a.Facts = append(a.Facts,
		d.scoreFact(c, Readership, Presence, year), d.scoreFact(c, Readership, Growth, year),
		d.scoreFact(c, Editorship, Presence, year), d.scoreFact(c, Editorship, Growth, year),
		d.valueFact(c, "Unique devices a month", IndDevices, FactCount, year),
		d.valueFact(c, "Wikipedia editors a month", IndWPEditors, FactCount, year),
		textFact("Main languages and their Wikipedias", d.mainLanguagesText(c)),
	)
	if !okRP && !okEP {
		a.Signal, a.Reason = NoEvidence, "no readership or editorship presence score"
		return
	}
	presence, which := best(okRP, rp, "readership", okEP, ep, "editorship")
	growth, gwhich := best(okRG, rg, "readership", okEG, eg, "editorship")
	hasGrowth := okRG || okEG
	switch {
	case presence >= AdequatePresence && hasGrowth && growth >= GrowthStrong:
		a.Signal, a.Reason = Strong, fmt.Sprintf("%s presence %s and %s growth %s", which, fmtScore(presence), gwhich, fmtScore(growth))
	case presence >= AdequatePresence:
		a.Signal, a.Reason = Strong, fmt.Sprintf("%s presence %s, at or above the median (%s)", which, fmtScore(presence), fmtScore(AdequatePresence))
	case hasGrowth && growth >= GrowthStrong:
		a.Signal, a.Reason = Strong, fmt.Sprintf("%s growth %s is strong, though presence is %s", gwhich, fmtScore(growth), fmtScore(presence))
	case presence >= NearPresence || hasGrowth && growth > GrowthWeak:
		a.Signal, a.Reason = Mixed, fmt.Sprintf("best presence %s (%s) is below the median; %s", fmtScore(presence), which, growthPhrase(hasGrowth, growth, gwhich))
	default:
		a.Signal, a.Reason = Weak, fmt.Sprintf("best presence %s (%s); %s", fmtScore(presence), which, growthPhrase(hasGrowth, growth, gwhich))
	}
}

// growthPhrase names the best growth score, or its absence.
func growthPhrase(has bool, growth float64, which string) string {
	if !has {
		return "no growth score this year"
	}
	return fmt.Sprintf("best growth %s (%s)", fmtScore(growth), which)
}

// best picks the larger of two optional scores with its name.
func best(okA bool, a float64, nameA string, okB bool, b float64, nameB string) (float64, string) {
	switch {
	case okA && (!okB || a >= b):
		return a, nameA
	case okB:
		return b, nameB
	}
	return 0, ""
}

func (d *Dataset) proportionate(a *Answer, s Subject, year int, req Request) {
	c := s.Country
	gp, okG := d.presence(c, Grants, year)
	rp, okR := d.Score(c.ISO2, Readership, Presence, year)
	ep, okE := d.Score(c.ISO2, Editorship, Presence, year)
	annual, okAnnual := d.Value(c.ISO2, IndGrantsYearUSD, year)
	a.Facts = append(a.Facts,
		d.scoreFact(c, Grants, Presence, year),
		d.scoreFact(c, Editorship, Presence, year),
		d.scoreFact(c, Readership, Presence, year),
		d.valueFact(c, "Grant dollars this year", IndGrantsYearUSD, FactMoney, year),
		d.valueFact(c, "Grants this year", IndGrantsYearN, FactCount, year),
		d.valueFact(c, "Grant dollars so far", IndGrantsHistUSD, FactMoney, year),
	)
	if req.HasAmount {
		a.Facts = append(a.Facts, Fact{Label: "Requested amount", Kind: FactMoney, Value: req.Amount, OK: true})
		if okAnnual && annual > 0 {
			a.Facts = append(a.Facts, Fact{Label: "Requested ÷ this year's grant dollars", Kind: FactRatio, Value: req.Amount / annual, OK: true, Modeled: d.ClassOf(c.ISO2, IndGrantsYearUSD, year) == ClassModeled})
		}
		if eds, ok := d.Value(c.ISO2, IndWPEditors, year); ok && eds > 0 {
			f := Fact{Label: "Requested per Wikipedia editor", Kind: FactMoney, Value: req.Amount / eds, OK: true, Modeled: d.ClassOf(c.ISO2, IndWPEditors, year) == ClassModeled}
			// The amount is the reader's own: divided by an exact count
			// it would give the count away, so a protected country's
			// imported count divides it as its bucket.
			if ind, _ := d.Indicator(IndWPEditors); !d.Exact(c, ind) {
				b := Bucket(eds)
				f.Range = &Bounds{req.Amount / b.Upper, req.Amount / b.Lower}
				f.Value = f.Range.Mid()
			}
			a.Facts = append(a.Facts, f)
		}
	}
	if !okG && !okR && !okE && !req.HasAmount {
		a.Signal, a.Reason = NoEvidence, "no grants, editorship or readership score"
		return
	}
	base, which := best(okR, rp, "readership", okE, ep, "editorship")
	// reason states the figures; verdict what they conclude, which only
	// stands when the request does not change the signal (a request 4.9×
	// the year's grants is not "nothing out of proportion").
	sig, reason, verdict := Strong, "", ""
	idle := d.Idle(c.ISO2, Grants, year)
	switch {
	case !okR && !okE:
		sig, reason = Mixed, "no reader or editor base to compare grants with"
	case idle && base >= AdequatePresence:
		reason, verdict = fmt.Sprintf("no grants so far, on a %s presence of %s", which, fmtScore(base)), ": room for a first grant"
	case idle:
		sig, reason = Mixed, fmt.Sprintf("no grants so far, and %s presence is %s, below the median", which, fmtScore(base))
	case !okG:
		sig, reason = Mixed, "no grants leadership score"
	default:
		gap := gp - base
		switch {
		case gap > GrantsOutOfProportion:
			sig, reason = Weak, fmt.Sprintf("grants leadership %s is %s points above %s presence %s", fmtScore(gp), fmtScore(gap), which, fmtScore(base))
		case gap > ProportionGap:
			sig, reason = Mixed, fmt.Sprintf("grants leadership %s runs %s points ahead of %s presence %s", fmtScore(gp), fmtScore(gap), which, fmtScore(base))
		case gap < 0:
			reason, verdict = fmt.Sprintf("grants leadership %s is below %s presence %s", fmtScore(gp), which, fmtScore(base)), ": nothing out of proportion"
		default:
			reason = fmt.Sprintf("grants leadership %s is in line with %s presence %s", fmtScore(gp), which, fmtScore(base))
		}
	}
	if req.HasAmount {
		// The multiple is judged as it is shown, to one decimal: a request
		// that reads "1.0×" is in line. It is rounded as the ratio fact
		// prints it (strconv's 'f' to one decimal, as %.1f): math.Round of
		// ten times the ratio would read 61 000 ÷ 20 000, stored just under
		// 3.05, as 3.1 beside a fact that shows "3.0×".
		multiple := 0.0
		if okAnnual && annual > 0 {
			multiple, _ = strconv.ParseFloat(strconv.FormatFloat(req.Amount/annual, 'f', 1, 64), 64)
		}
		before := sig
		var reqText string
		switch {
		case !okAnnual || annual <= 0:
			sig = worse(sig, Mixed)
			reqText = fmt.Sprintf("no grant dollars this year to compare the request of $%.0f with", req.Amount)
		case multiple > RequestOutOfLine:
			sig = Weak
			reqText = fmt.Sprintf("the request is %.1f× this year's grant dollars, over %.0f×", multiple, RequestOutOfLine)
		case multiple > RequestInLine:
			sig = worse(sig, Mixed)
			reqText = fmt.Sprintf("the request is %.1f× this year's grant dollars, over %.0f×", multiple, RequestInLine)
		default:
			reqText = fmt.Sprintf("the request is %.1f× this year's grant dollars", multiple)
		}
		if sig != before {
			// The request decided the signal: it leads.
			a.Signal, a.Reason = sig, reqText+"; "+reason
			return
		}
		reason += verdict + "; " + reqText
		verdict = ""
	}
	a.Signal, a.Reason = sig, reason+verdict
}

// worse returns the weaker of two signals.
func worse(a, b Signal) Signal {
	rank := map[Signal]int{Strong: 0, Mixed: 1, Weak: 2, NoEvidence: 3}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

func (d *Dataset) barriers(a *Answer, s Subject, year int) {
	c := s.Country
	net := d.contextFact(c, "Internet users", IndInternet, FactPercent, year)
	lit := d.contextFact(c, "Literacy", IndLiteracy, FactPercent, year)
	risk := Fact{Label: "Data risk score", Kind: FactScore, Text: c.DataRiskClass}
	if c.DataRiskScore != nil {
		risk.Value, risk.OK = *c.DataRiskScore, true
	}
	prot := textFact("Protection list", "not on it")
	if c.Protected {
		prot.Text = ProtectionNote
	}
	a.Facts = append(a.Facts, net, lit, risk, prot, d.contextFact(c, "GDP per capita (PPP)", IndGDPPerCap, FactMoney, year))
	if !net.OK && !lit.OK && !risk.OK && !c.Protected {
		a.Signal, a.Reason = NoEvidence, "no internet, literacy or data risk figure"
		return
	}
	var found []string
	if net.OK && net.Value < LowInternet {
		found = append(found, fmt.Sprintf("internet users %.1f%%", net.Value))
	}
	if lit.OK && lit.Value < LowLiteracy {
		found = append(found, fmt.Sprintf("literacy %.1f%%", lit.Value))
	}
	if risk.OK && risk.Value >= HighRisk {
		found = append(found, fmt.Sprintf("data risk %.1f", risk.Value))
	}
	if c.Protected {
		found = append(found, "on the protection list")
	}
	switch {
	case risk.OK && risk.Value >= UnpublishedRisk:
		a.Signal, a.Reason = Weak, "barriers: "+strings.Join(found, ", ")+" (a risk too high for the Foundation to publish data)"
	case len(found) == 0 && !net.OK && !risk.OK:
		a.Signal, a.Reason = Mixed, "no barrier found, but neither internet access nor data risk is known"
	case len(found) == 0:
		a.Signal, a.Reason = Strong, "no barrier found in access, literacy, data risk or protection"
	case len(found) == 1:
		a.Signal, a.Reason = Mixed, "one barrier: "+found[0]
	default:
		a.Signal, a.Reason = Weak, "barriers: "+strings.Join(found, ", ")
	}
}

// mainLanguages are a country's official languages and those a fifth of
// its people speak.
func mainLanguages(c Country) []CountryLanguage {
	var out []CountryLanguage
	for _, l := range c.Languages {
		if l.PopulationPct >= MainLanguageShare || l.OfficialStatus == "official" || l.OfficialStatus == "de_facto_official" {
			out = append(out, l)
		}
	}
	return out
}

func (d *Dataset) mainLanguagesText(c Country) string {
	var parts []string
	for _, l := range mainLanguages(c) {
		wiki := "no Wikipedia"
		if w, ok := d.Wikipedia(l.Lang); ok {
			wiki = w.DB
			if !w.Open() {
				wiki += ", closed"
			}
		}
		parts = append(parts, fmt.Sprintf("%s %.0f%% (%s)", d.LanguageName(l.Lang), l.PopulationPct, wiki))
	}
	if len(parts) == 0 {
		return "none listed"
	}
	return strings.Join(parts, "; ")
}

func (d *Dataset) otherAffiliates(a *Answer, s Subject, year int) {
	c := s.Country
	own, okOwn := d.Value(c.ISO2, IndAffiliates, year)
	a.Facts = append(a.Facts,
		d.valueFact(c, "Affiliates in the country", IndAffiliates, FactCount, year),
		d.valueFact(c, "Years since the first affiliate", IndAffTenure, FactCount, year),
		d.valueFact(c, "Largest affiliate size (class 1–5)", IndAffMaxSize, FactCount, year),
		d.valueFact(c, "Affiliate governance (0 none, 1 consensus, 2 board)", IndAffGovernance, FactCount, year),
	)
	// The same space: countries of the same region where a main language of
	// this one is also a main language. (Across the world, a language such
	// as English is a main language of sixty countries: that is not one
	// space.)
	langs := map[string]string{}
	for _, l := range mainLanguages(c) {
		langs[WikiLang(l.Lang)] = d.LanguageName(l.Lang)
	}
	// shared is the exact sum, for the signal; sharedRange what may be
	// shown of it, where a protected neighbour's imported count is a
	// bucket (a sum would give it away beside its neighbours' exact ones).
	var shared float64
	var sharedRange Bounds
	affiliates, _ := d.Indicator(IndAffiliates)
	// The sum, zero or not, is as modeled as the neighbours' counts.
	sumModeled := false
	for _, o := range d.Countries {
		if o.ISO2 == c.ISO2 || c.WikimediaRegion == "" || o.WikimediaRegion != c.WikimediaRegion {
			continue
		}
		sumModeled = sumModeled || d.ClassOf(o.ISO2, IndAffiliates, year) == ClassModeled
		var common []string
		for _, l := range mainLanguages(o) {
			if name, ok := langs[WikiLang(l.Lang)]; ok {
				common = append(common, name)
			}
		}
		n, ok := d.Value(o.ISO2, IndAffiliates, year)
		if len(common) == 0 || !ok || n == 0 {
			continue
		}
		shared += n
		b, _ := d.Shown(o, affiliates, n)
		sharedRange.Lower += b.Lower
		sharedRange.Upper += b.Upper
		a.Mentions = append(a.Mentions, Mention{ISO2: o.ISO2, Name: o.Name, Note: fmt.Sprintf("%s; shares %s", d.countText(o, IndAffiliates, n, "affiliate"), strings.Join(dedupe(common), ", ")), Modeled: d.ClassOf(o.ISO2, IndAffiliates, year) == ClassModeled})
	}
	sort.SliceStable(a.Mentions, func(i, j int) bool { return a.Mentions[i].Name < a.Mentions[j].Name })
	if len(a.Mentions) > 0 {
		a.MentionsTitle = "Affiliates in countries of the region sharing a main language"
	}
	sharedFact := Fact{Label: "Affiliates in countries of the region sharing a main language", Kind: FactCount, Value: shared, OK: true, Modeled: sumModeled}
	sharedText := plural(shared, "affiliate")
	if sharedRange.Lower != sharedRange.Upper {
		sharedFact.Value, sharedFact.Range = sharedRange.Mid(), &sharedRange
		sharedText = fmt.Sprintf("%.0f–%.0f affiliates", sharedRange.Lower, sharedRange.Upper)
	}
	a.Facts = append(a.Facts, sharedFact)
	if !okOwn {
		a.Signal, a.Reason = NoEvidence, "no affiliate figure for the country"
		return
	}
	ownText := d.countText(c, IndAffiliates, own, "affiliate")
	switch {
	case own >= CrowdedAffiliates:
		a.Signal, a.Reason = Weak, fmt.Sprintf("%s already in the country, %s more in neighbours sharing a main language", ownText, sharedText)
	case own > 0 || shared > 0:
		a.Signal, a.Reason = Mixed, fmt.Sprintf("%s in the country and %s in neighbours sharing a main language, to coordinate with", ownText, sharedText)
	default:
		a.Signal, a.Reason = Strong, "no affiliate in the country, nor in the neighbours that share a main language"
	}
}

// plural writes a count with its noun: "1 affiliate", "3 affiliates".
func plural(n float64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%.0f %ss", n, noun)
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// ---- use case 2, a country -----------------------------------------------------

// affiliatesNotEditors tests a country for question 2.1: affiliates and
// readers at or above the median, editorship below it.
func (d *Dataset) affiliatesNotEditors(c Country, year int) (bool, string) {
	af, okA := d.presence(c, Affiliates, year)
	rp, okR := d.presence(c, Readership, year)
	ep, okE := d.presence(c, Editorship, year)
	ok := okA && okR && okE && af >= AdequatePresence && rp >= AdequatePresence && ep < AdequatePresence
	return ok, fmt.Sprintf("affiliates %s, readers %s, editors %s", fmtScore(af), fmtScore(rp), fmtScore(ep))
}

func (d *Dataset) affiliatesReadersNotEditors(a *Answer, c Country, year int) {
	a.Facts = append(a.Facts,
		d.scoreFact(c, Affiliates, Presence, year),
		d.scoreFact(c, Readership, Presence, year),
		d.scoreFact(c, Editorship, Presence, year),
	)
	af, okA := d.presence(c, Affiliates, year)
	rp, okR := d.presence(c, Readership, year)
	ep, okE := d.presence(c, Editorship, year)
	if !okA || !okR || !okE {
		a.Signal, a.Reason = NoEvidence, "a presence score is missing"
		return
	}
	reason := fmt.Sprintf("affiliates %s, readers %s, editors %s (median %s)", fmtScore(af), fmtScore(rp), fmtScore(ep), fmtScore(AdequatePresence))
	// Lacking editorship is what the question looks for: without it the
	// country is not one, however strong its affiliates and readers.
	switch {
	case ep >= AdequatePresence:
		a.Signal, a.Reason = Weak, reason+": editorship is not lacking"
	case af >= AdequatePresence && rp >= AdequatePresence:
		a.Signal, a.Reason = Strong, reason
	case af >= AdequatePresence || rp >= AdequatePresence:
		a.Signal, a.Reason = Mixed, reason+": only one of affiliates and readers is strong"
	default:
		a.Signal, a.Reason = Weak, reason+": neither affiliates nor readers are strong"
	}
}

// balanced tests a country for question 2.2 as its own answer would: the
// four domains at or above the median, without a high data risk.
func (d *Dataset) balanced(c Country, year int) (bool, string) {
	var a Answer
	d.ecosystem(&a, c, year)
	return a.Signal == Strong, a.Reason
}

// ecosystemScores writes the four organizing domains' presence scores.
func (d *Dataset) ecosystemScores(c Country, year int) string {
	var parts []string
	for _, dom := range []DomainID{Programs, Affiliates, Editorship, Grants} {
		v, ok := d.presence(c, dom, year)
		parts = append(parts, string(dom)+" "+fmtPresence(v, ok))
	}
	return strings.Join(parts, ", ")
}

func (d *Dataset) ecosystem(a *Answer, c Country, year int) {
	doms := []DomainID{Programs, Affiliates, Editorship, Grants}
	for _, dom := range doms {
		a.Facts = append(a.Facts, d.scoreFact(c, dom, Presence, year))
	}
	a.Facts = append(a.Facts,
		d.valueFact(c, "Event organizers this year", IndOrganizers, FactCount, year),
		d.valueFact(c, "Event participants this year", IndParticipants, FactCount, year),
	)
	var at, below []string
	progOK := false
	for _, dom := range doms {
		v, ok := d.presence(c, dom, year)
		switch {
		case !ok:
			below = append(below, string(dom)+" (no score)")
		case v >= AdequatePresence:
			at = append(at, string(dom))
			progOK = progOK || dom == Programs
		default:
			below = append(below, fmt.Sprintf("%s %s", dom, fmtScore(v)))
		}
	}
	if len(at) == 0 && len(below) == len(doms) && strings.Count(strings.Join(below, ","), "no score") == len(doms) {
		a.Signal, a.Reason = NoEvidence, "no programs, affiliates, editorship or grants score"
		return
	}
	risky := c.Protected || c.DataRiskScore != nil && *c.DataRiskScore >= HighRisk
	switch {
	case len(at) == len(doms) && !risky:
		a.Signal, a.Reason = Strong, "all at or above the median: "+d.ecosystemScores(c, year)
	case len(at) == len(doms):
		a.Signal, a.Reason = Mixed, "balanced ("+d.ecosystemScores(c, year)+"), but a high data risk or the protection list weighs on hosting an international event"
	case progOK && len(at) >= 3:
		a.Signal, a.Reason = Mixed, "below the median: "+strings.Join(below, ", ")
	default:
		a.Signal, a.Reason = Weak, "below the median: "+strings.Join(below, ", ")
	}
}

// growing tests a country for question 2.3: strong growth in two domains.
func (d *Dataset) growing(c Country, year int) (bool, string) {
	var strong []string
	for _, dom := range Domains() {
		if g, ok := d.Score(c.ISO2, dom.ID, Growth, year); ok && g >= GrowthStrong {
			strong = append(strong, string(dom.ID))
		}
	}
	return len(strong) >= 2, "strong growth: " + orNone(strings.Join(strong, ", "))
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func (d *Dataset) growth(a *Answer, c Country, year int) {
	var strong []string
	scored := 0
	for _, dom := range Domains() {
		if !d.HasFacet(dom.ID, Growth) {
			continue
		}
		a.Facts = append(a.Facts, d.scoreFact(c, dom.ID, Growth, year))
		if g, ok := d.Score(c.ISO2, dom.ID, Growth, year); ok {
			scored++
			if g >= GrowthStrong {
				strong = append(strong, fmt.Sprintf("%s %s", dom.ID, fmtScore(g)))
			}
		}
	}
	switch {
	case scored == 0:
		a.Signal, a.Reason = NoEvidence, "no growth score this year"
	case len(strong) >= 2:
		a.Signal, a.Reason = Strong, "strong growth in "+strings.Join(strong, ", ")
	case len(strong) == 1:
		a.Signal, a.Reason = Mixed, "strong growth in one domain only: "+strong[0]
	default:
		a.Signal, a.Reason = Weak, fmt.Sprintf("no domain with a growth score of %s or more (best: %s)", fmtScore(GrowthStrong), d.bestGrowth(c, year))
	}
}

// bestGrowth names a country's highest growth score.
func (d *Dataset) bestGrowth(c Country, year int) string {
	best, name := -1.0, ""
	for _, dom := range Domains() {
		if g, ok := d.Score(c.ISO2, dom.ID, Growth, year); ok && g > best {
			best, name = g, string(dom.ID)
		}
	}
	return name + " " + fmtScore(best)
}

// Coverage is the share of a country's people (%) who speak at least one
// language with an open Wikipedia, taking its languages as independent
// (CLDR's shares overlap: many people speak several).
func (d *Dataset) Coverage(c Country) float64 {
	// A language written in two scripts (sr, sr_Latn) is one language with
	// one Wikipedia: count it once, at its larger share.
	share := map[string]float64{}
	var order []string
	for _, l := range c.Languages {
		if w, ok := d.Wikipedia(l.Lang); ok && w.Open() {
			if _, seen := share[w.Lang]; !seen {
				order = append(order, w.Lang)
			}
			share[w.Lang] = math.Max(share[w.Lang], math.Min(l.PopulationPct, 100))
		}
	}
	miss := 1.0
	for _, lang := range order {
		miss *= 1 - share[lang]/100
	}
	return 100 * (1 - miss)
}

// openLanguages are a country's languages with an open Wikipedia, by wiki
// code (a language and its script variants count once).
func (d *Dataset) openLanguages(c Country) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range c.Languages {
		if w, ok := d.Wikipedia(l.Lang); ok && w.Open() && !seen[w.Lang] {
			seen[w.Lang] = true
			out = append(out, w.Lang)
		}
	}
	return out
}

// openProjects counts the open wikis (every project) in a set of wiki
// languages.
func (d *Dataset) openProjects(langs []string) int {
	want := map[string]bool{}
	for _, l := range langs {
		want[l] = true
	}
	n := 0
	for _, w := range d.Wikis {
		if w.Open() && want[w.Lang] {
			n++
		}
	}
	return n
}

func (d *Dataset) languages(a *Answer, c Country, year int) {
	open := d.openLanguages(c)
	// Judged as shown, in whole percents: "about 80%" is wide coverage.
	cov := math.Round(d.Coverage(c))
	a.Facts = append(a.Facts,
		Fact{Label: "Languages spoken", Kind: FactCount, Value: float64(len(c.Languages)), OK: true},
		Fact{Label: "Languages with an open Wikipedia", Kind: FactCount, Value: float64(len(open)), OK: true, Text: strings.Join(open, ", ")},
		Fact{Label: "People reached by one (estimate)", Kind: FactPercent, Value: cov, OK: len(c.Languages) > 0},
		Fact{Label: "Open wikis in those languages (all projects)", Kind: FactCount, Value: float64(d.openProjects(open)), OK: true},
	)
	a.Facts = append(a.Facts,
		textFact("Main languages and their Wikipedias", d.mainLanguagesText(c)),
		textFact("Where its editors edit", d.editedWikisText(c, year)),
	)
	a.Facts = append(a.Facts, d.readingFacts(c, year)...)
	wp, okW := d.Value(c.ISO2, IndWPEditors, year)
	all, okA := d.Value(c.ISO2, IndAllEditors, year)
	// A ratio of two counts is a derived figure: it gives neither count
	// away, and stays exact for a protected country too.
	if okW && okA && wp > 0 {
		a.Facts = append(a.Facts, Fact{Label: "All-project editors ÷ Wikipedia editors", Kind: FactRatio, Value: all / wp, OK: true,
			Modeled: Weaker(d.ClassOf(c.ISO2, IndAllEditors, year), d.ClassOf(c.ISO2, IndWPEditors, year)) == ClassModeled})
	}
	switch {
	case len(c.Languages) == 0:
		a.Signal, a.Reason = NoEvidence, "no languages listed"
	case cov >= WideCoverage && len(open) >= 2:
		a.Signal, a.Reason = Strong, fmt.Sprintf("%d languages with an open Wikipedia reach about %.0f%% of people", len(open), cov)
	case cov >= SomeCoverage:
		a.Signal, a.Reason = Mixed, fmt.Sprintf("%s with an open Wikipedia reach about %.0f%% of people", plural(float64(len(open)), "language"), cov)
	default:
		a.Signal, a.Reason = Weak, fmt.Sprintf("languages with an open Wikipedia reach only about %.0f%% of people", cov)
	}
}

// needsCapacity tests a country for question 2.5: a reader or editor base
// with little organizing.
func (d *Dataset) needsCapacity(c Country, year int) (bool, string) {
	base, which := d.base(c, year)
	af, okA := d.presence(c, Affiliates, year)
	pr, okP := d.presence(c, Programs, year)
	ok := okA && okP && base >= AdequatePresence && af < NearPresence && pr < NearPresence
	return ok, fmt.Sprintf("%s %s; affiliates %s, programs %s", which, fmtScore(base), fmtPresence(af, okA), fmtPresence(pr, okP))
}

// fmtPresence writes a score from presence(): a missing one is not a zero.
func fmtPresence(v float64, ok bool) string {
	if !ok {
		return "no score"
	}
	return fmtScore(v)
}

// base is the larger of readership and editorship presence.
func (d *Dataset) base(c Country, year int) (float64, string) {
	rp, okR := d.Score(c.ISO2, Readership, Presence, year)
	ep, okE := d.Score(c.ISO2, Editorship, Presence, year)
	return best(okR, rp, "readers", okE, ep, "editors")
}

func (d *Dataset) capacity(a *Answer, c Country, year int) {
	a.Facts = append(a.Facts,
		d.scoreFact(c, Readership, Presence, year),
		d.scoreFact(c, Editorship, Presence, year),
		d.scoreFact(c, Affiliates, Presence, year),
		d.scoreFact(c, Programs, Presence, year),
		d.scoreFact(c, Grants, Presence, year),
	)
	base, which := d.base(c, year)
	af, okA := d.presence(c, Affiliates, year)
	pr, okP := d.presence(c, Programs, year)
	if which == "" || !okA && !okP {
		a.Signal, a.Reason = NoEvidence, "no reader, editor, affiliate or program score"
		return
	}
	reason := fmt.Sprintf("%s presence %s; affiliates %s, programs %s", which, fmtScore(base), fmtPresence(af, okA), fmtPresence(pr, okP))
	switch {
	case base >= AdequatePresence && (!okA || !okP):
		a.Signal, a.Reason = Mixed, reason+": a base, but how organized it is is not fully known"
	case base >= AdequatePresence && af < NearPresence && pr < NearPresence:
		a.Signal, a.Reason = Strong, reason+": a base with little organizing"
	case base >= AdequatePresence && (af < NearPresence || pr < NearPresence):
		a.Signal, a.Reason = Mixed, reason+": some organizing already"
	case base < AdequatePresence:
		a.Signal, a.Reason = Weak, reason+": the reader and editor base is still small"
	default:
		a.Signal, a.Reason = Weak, reason+": already organized"
	}
}

// ---- use case 2, a region -------------------------------------------------------

// regionCountries are the countries of a region subject.
func (d *Dataset) regionCountries(s Subject) []Country {
	var out []Country
	for _, c := range d.Countries {
		if s.Grouping.Of(c) == s.Region {
			out = append(out, c)
		}
	}
	return out
}

// regionList answers a region question by naming its countries that pass a
// country test: strong with at least `many` of them (or all, in a smaller
// region) that are also one in RegionShareDivisor of its countries, mixed
// with fewer, weak with none, not enough data when no country has a score.
func (d *Dataset) regionList(a *Answer, s Subject, year int, title, phrase string, test func(Country, int) (bool, string), many int) {
	countries := d.regionCountries(s)
	agg := d.regionSummary(s, year)
	for _, ds := range agg.Domains {
		info, _ := DomainByID(ds.Domain)
		text := "no country has a score"
		if ds.OK {
			text = fmt.Sprintf("median %s of %d countries", fmtScore(ds.Median), ds.Scored)
		}
		modeled := false
		for _, c := range countries {
			if _, ok := d.Score(c.ISO2, ds.Domain, Overall, year); ok {
				modeled = modeled || d.scoreClass(c.ISO2, ds.Domain, Overall, year) == ClassModeled
			}
		}
		a.Facts = append(a.Facts, Fact{Label: info.Name + " (population-weighted mean)", Kind: FactScore, Value: ds.WeightedMean, OK: ds.HasWeighted, Modeled: modeled, Text: text})
	}
	a.MentionsTitle = title
	for _, c := range countries {
		if ok, note := test(c, year); ok {
			// The tests read scores and activity counts across domains:
			// the note is modeled when any of the country's scores is.
			a.Mentions = append(a.Mentions, Mention{ISO2: c.ISO2, Name: c.Name, Note: note, Modeled: d.anyModeledScore(c.ISO2, year)})
		}
	}
	a.Facts = append(a.Facts, Fact{Label: "Countries in the region", Kind: FactCount, Value: float64(len(countries)), OK: true})
	n := len(a.Mentions)
	scored := 0
	for _, ds := range agg.Domains {
		scored = max(scored, ds.Scored)
	}
	switch {
	case len(countries) == 0:
		a.Signal, a.Reason = NoEvidence, "the region has no countries"
	case scored == 0:
		a.Signal, a.Reason = NoEvidence, fmt.Sprintf("none of its %d countries has a score", len(countries))
	// Strong takes enough countries, and enough of a large region: two of
	// North America's two are strong; two of Sub-Saharan Africa's 54 are not.
	case n >= min(many, len(countries)) && n*RegionShareDivisor >= len(countries):
		a.Signal, a.Reason = Strong, fmt.Sprintf("%d of its %d countries %s", n, len(countries), phrase)
	case n > 0:
		a.Signal, a.Reason = Mixed, fmt.Sprintf("%d of its %d countries %s", n, len(countries), phrase)
	default:
		a.Signal, a.Reason = Weak, fmt.Sprintf("none of its %d countries %s", len(countries), phrase)
	}
}

// regionSummary is the region's aggregate.
func (d *Dataset) regionSummary(s Subject, year int) Region {
	for _, r := range d.Aggregate(s.Grouping, year).Regions {
		if r.Name == s.Region {
			return r
		}
	}
	return Region{Name: s.Region}
}

func (d *Dataset) regionLanguages(a *Answer, s Subject, year int) {
	countries := d.regionCountries(s)
	seen := map[string]bool{}
	var langs []string
	var covered, people float64
	for _, c := range countries {
		for _, l := range d.openLanguages(c) {
			if !seen[l] {
				seen[l] = true
				langs = append(langs, l)
			}
		}
		if pop, ok := d.ContextAt(c.ISO2, IndPopulation, year); ok && len(c.Languages) > 0 {
			covered += pop.Value * d.Coverage(c) / 100
			people += pop.Value
		}
	}
	sort.Strings(langs)
	cov := 0.0
	if people > 0 {
		cov = math.Round(100 * covered / people)
	}
	a.Facts = append(a.Facts,
		Fact{Label: "Languages with an open Wikipedia spoken in the region", Kind: FactCount, Value: float64(len(langs)), OK: true, Text: strings.Join(langs, ", ")},
		Fact{Label: "People reached by one (estimate)", Kind: FactPercent, Value: cov, OK: people > 0},
		Fact{Label: "Open wikis in those languages (all projects)", Kind: FactCount, Value: float64(d.openProjects(langs)), OK: true},
	)
	a.MentionsTitle = "Countries where languages with an open Wikipedia reach less than half the people"
	for _, c := range countries {
		if cov := math.Round(d.Coverage(c)); len(c.Languages) > 0 && cov < SomeCoverage {
			a.Mentions = append(a.Mentions, Mention{ISO2: c.ISO2, Name: c.Name, Note: fmt.Sprintf("about %.0f%% reached", cov)})
		}
	}
	switch {
	case people == 0:
		a.Signal, a.Reason = NoEvidence, "no population or languages for the region's countries"
	case cov >= WideCoverage && len(langs) >= 2:
		a.Signal, a.Reason = Strong, fmt.Sprintf("%d languages with an open Wikipedia reach about %.0f%% of the region's people", len(langs), cov)
	case cov >= SomeCoverage:
		a.Signal, a.Reason = Mixed, fmt.Sprintf("about %.0f%% of the region's people are reached", cov)
	default:
		a.Signal, a.Reason = Weak, fmt.Sprintf("only about %.0f%% of the region's people are reached", cov)
	}
}

// ParseAmount reads a requested amount in US dollars as people write it:
// "50000", "50,000", "$50,000", "50k", "$1.2m". A comma only separates
// thousands ("1,5" is refused rather than guessed as 1.5 or 15), and the
// amount must be more than zero.
func ParseAmount(s string) (float64, error) {
	bad := fmt.Errorf("%q is not an amount in US dollars; write it as 50000, 50,000, $50k or 1.2m", s)
	t := strings.TrimSpace(s)
	t = strings.TrimSpace(strings.TrimPrefix(t, "$"))
	mult := 1.0
	switch {
	case strings.HasSuffix(t, "k") || strings.HasSuffix(t, "K"):
		mult, t = 1e3, strings.TrimSpace(t[:len(t)-1])
	case strings.HasSuffix(t, "m") || strings.HasSuffix(t, "M"):
		mult, t = 1e6, strings.TrimSpace(t[:len(t)-1])
	}
	whole, frac, hasFrac := strings.Cut(t, ".")
	if whole == "" || hasFrac && (frac == "" || strings.Trim(frac, "0123456789") != "") {
		return 0, bad
	}
	if strings.Contains(whole, ",") {
		groups := strings.Split(whole, ",")
		if len(groups[0]) == 0 || len(groups[0]) > 3 {
			return 0, bad
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, bad
			}
		}
		whole = strings.Join(groups, "")
	}
	if strings.Trim(whole, "0123456789") != "" {
		return 0, bad
	}
	num := whole
	if hasFrac {
		num += "." + frac
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(v*mult, 0) {
		return 0, bad
	}
	if v*mult <= 0 {
		return 0, fmt.Errorf("the amount must be more than $0, not %q", s)
	}
	return v * mult, nil
}

// anyModeledScore reports whether any of a country's domain scores in the
// year rests on a modeled figure.
func (d *Dataset) anyModeledScore(iso2 string, year int) bool {
	for _, dom := range Domains() {
		if _, ok := d.Score(iso2, dom.ID, Overall, year); ok && d.scoreClass(iso2, dom.ID, Overall, year) == ClassModeled {
			return true
		}
	}
	return false
}

// scoreClass is a stored score's class: that of the figures it rests on,
// or, for a score stored without them, its inputs' as the catalog marks
// them.
func (d *Dataset) scoreClass(iso2 string, dom DomainID, f Facet, year int) Class {
	if class, ok := d.ScoreClass(iso2, dom, f, year); ok {
		return class
	}
	for _, ind := range d.Indicators {
		if ind.Domain == dom && (ind.Facet == f || f == Overall && ind.Facet != Context) && ind.Modeled {
			return ClassModeled
		}
	}
	return ClassReal
}
