package model

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Four of the nine questions do not take a yes or a no: "How many other
// affiliates…" asks for a number, "Which countries…" for countries, "To
// what extent…" for a degree. Each question says here how it is answered,
// what its signal means in its own terms, and the rule and thresholds
// behind it; the evidence proposes an answer in that form, which the user
// confirms, changes or overrides.

// AnswerForm is how a question is answered.
type AnswerForm string

// The forms of answer.
const (
	FormYesNo  AnswerForm = "yes/no" // yes, no or unsure
	FormNumber AnswerForm = "number" // a count, confirmed from the data or the user's own
	FormSet    AnswerForm = "set"    // countries: candidates kept or struck, others added
	FormScale  AnswerForm = "scale"  // not at all, a little, somewhat, a great deal
)

// The points of the scale, weakest first.
const (
	ScaleNone   = "not at all"
	ScaleLittle = "a little"
	ScaleSome   = "somewhat"
	ScaleGreat  = "a great deal"
)

// ScaleLevels are the points of the scale, weakest first.
func ScaleLevels() []string { return []string{ScaleNone, ScaleLittle, ScaleSome, ScaleGreat} }

// VerdictSet is the Answer of a set question the user has answered: the set
// is the candidates kept and the countries added (Verdict.Keep, Add).
const VerdictSet = "set"

// Where a count came from.
const (
	CountFromData = "data" // the user confirmed the count the data proposed
	CountOwn      = "own"  // the user entered a count of their own
)

// questionForm is what withForm gives a question.
type questionForm struct {
	form     AnswerForm
	levelsOf string
	levels   [3]string
	yes      string
	reading  string
}

// withForm gives a question its form, its signal's words and its rule.
func withForm(q *Question) {
	f, ok := questionForms()[q.ID]
	if !ok {
		return
	}
	q.Form, q.LevelsOf, q.Levels, q.Yes, q.Reading = f.form, f.levelsOf, f.levels, f.yes, f.reading
}

// questionForms are the nine questions' forms and rules, with the
// thresholds of checklist.go written in.
func questionForms() map[string]questionForm {
	s := fmtScore
	return map[string]questionForm{
		"1.1": {FormYesNo, "reader or editor base", [3]string{"adequate", "borderline", "low"}, "",
			fmt.Sprintf("adequate: readership or editorship presence %s or more (the median country), or a growth score %s or more; borderline: best presence %s or more, or growth above %s; low: otherwise. Adequate points to yes.",
				s(AdequatePresence), s(GrowthStrong), s(NearPresence), s(GrowthWeak))},
		"1.2": {FormYesNo, "proportion", [3]string{"in line", "stretched", "out of proportion"}, "",
			fmt.Sprintf("in line: grants leadership at most %s points above the larger of readership and editorship presence, and any request at most %.0f× this year's grant dollars; stretched: %s to %s points above, or a request over %.0f× and up to %.0f×; out of proportion: more than %s points above, or a request over %.0f×. In line points to yes.",
				s(ProportionGap), RequestInLine, s(ProportionGap), s(GrantsOutOfProportion), RequestInLine, RequestOutOfLine, s(GrantsOutOfProportion), RequestOutOfLine)},
		"1.3": {FormYesNo, "barriers", [3]string{"few", "some", "many"}, "a yes means there are barriers",
			fmt.Sprintf("a barrier is internet users under %.0f%%, literacy under %.0f%%, a data risk score of %.1f or more, or the protection list; few: none found; some: one, or none found with internet access and data risk unknown; many: two or more, or a data risk of %.0f or more (too high to publish). A yes means barriers: many points to yes, few to no.",
				LowInternet, LowLiteracy, HighRisk, UnpublishedRisk)},
		"1.4": {FormNumber, "the space", [3]string{"open", "shared", "crowded"}, "",
			fmt.Sprintf("the number proposed is the affiliates the data counts in the country (it has no kinds of affiliate, only a count); open: none there nor in the region's countries sharing a main language (official, or spoken by %.0f%% or more); shared: fewer than %d in the country, or some in those neighbours; crowded: %d or more in the country.",
				MainLanguageShare, CrowdedAffiliates, CrowdedAffiliates)},
		"2.1": {FormSet, "match", [3]string{"strong", "partial", "none"}, "",
			fmt.Sprintf("a candidate has affiliates and readership presence %s or more and editorship presence under %s, ranked by how far affiliates and readers stand above editors. A country: strong when it is one; partial when editorship is lacking but only one of the two is %s or more; none otherwise. A region: strong with %d or more candidates that are also one in %d of its countries; partial with fewer; none without.",
				s(AdequatePresence), s(AdequatePresence), s(AdequatePresence), 2, RegionShareDivisor)},
		"2.2": {FormYesNo, "ecosystem", [3]string{"balanced", "partly balanced", "unbalanced"}, "",
			fmt.Sprintf("balanced: programs, affiliates, editorship and grants presence all %s or more, without a data risk of %.1f or more nor the protection list; partly balanced: all four with such a risk, or three of them with programs; unbalanced: otherwise. A region: balanced with %d or more such countries that are also one in %d. Balanced points to yes.",
				s(AdequatePresence), HighRisk, 2, RegionShareDivisor)},
		"2.3": {FormSet, "growth potential", [3]string{"broad", "narrow", "little"}, "",
			fmt.Sprintf("a candidate has a growth score of %s or more in two domains or more, ranked by how many and by their mean. A country: broad when it is one; narrow with one such domain; little with none. A region: broad with %d or more candidates that are also one in %d; narrow with fewer; little without.",
				s(GrowthStrong), 3, RegionShareDivisor)},
		"2.4": {FormScale, "engagement", [3]string{"wide", "some", "narrow"}, "",
			fmt.Sprintf("wide (proposes %q): languages with an open Wikipedia reach %.0f%% of people or more and there are two or more; some (%q): they reach %.0f%% or more; narrow: less (%q), or %q when no language spoken has an open Wikipedia. Where its editors edit and which editions it reads are shown beside, when the data has them.",
				ScaleGreat, WideCoverage, ScaleSome, SomeCoverage, ScaleLittle, ScaleNone)},
		"2.5": {FormSet, "need", [3]string{"clear", "possible", "unlikely"}, "",
			fmt.Sprintf("a candidate has readership or editorship presence %s or more with affiliates and programs presence both under %s, ranked by how far the base stands above the organizing. A country: clear when it is one; possible when only one of the two is low, or they are not known; unlikely otherwise. A region: clear with %d or more candidates that are also one in %d; possible with fewer; unlikely without.",
				s(AdequatePresence), s(NearPresence), 3, RegionShareDivisor)},
	}
}

// Level is a signal in the question's own terms: for 1.3, Strong is
// "few" (barriers). A signal without evidence is "not enough data".
func (q Question) Level(sig Signal) string {
	i := map[Signal]int{Strong: 0, Mixed: 1, Weak: 2}
	n, ok := i[sig]
	if !ok || q.Levels[n] == "" {
		return string(NoEvidence)
	}
	return q.Levels[n]
}

// Proposal is the answer the evidence proposes, in the question's form.
type Proposal struct {
	// Answer is the proposed answer: yes, no or unsure; the count in
	// digits; the scale's point; VerdictSet for a set; "" for none.
	Answer string
	// Count and CountText are a number question's count and what it
	// counts ("4 affiliates in the country; the data has no kinds").
	// HasCount is false when the count is not known or only as a range.
	Count     float64
	HasCount  bool
	CountText string
	// Candidates are a set question's countries, ranked, each with the
	// rule that put it there (Mention.Rule).
	Candidates []Mention
}

// Suggests says, in words, what the proposal is: "yes", "4 affiliates",
// "3 countries: KE, NG, UG", "somewhat".
func (p Proposal) Suggests(form AnswerForm) string {
	switch form {
	case FormNumber:
		if p.CountText != "" {
			return p.CountText
		}
	case FormSet:
		if len(p.Candidates) == 0 {
			return "no country"
		}
		codes := make([]string, len(p.Candidates))
		for i, c := range p.Candidates {
			codes[i] = c.ISO2
		}
		n := fmt.Sprintf("%d countries", len(codes))
		if len(codes) == 1 {
			n = "1 country"
		}
		return n + ": " + strings.Join(codes, ", ")
	}
	if p.Answer == "" {
		return "nothing"
	}
	return p.Answer
}

// propose fills in an answer's form, level and proposal from its evidence.
func (d *Dataset) propose(a *Answer, s Subject, year int) {
	q := a.Question
	a.Form, a.Level = q.Form, q.Level(a.Signal)
	switch q.Form {
	case FormYesNo:
		a.Proposal.Answer = map[Signal]string{Strong: VerdictYes, Mixed: VerdictUnsure, Weak: VerdictNo}[a.Signal]
		if q.Yes != "" {
			// Strong is the good news; where yes is the bad news, they swap.
			a.Proposal.Answer = map[Signal]string{Strong: VerdictNo, Mixed: VerdictUnsure, Weak: VerdictYes}[a.Signal]
		}
	case FormNumber:
		d.proposeCount(a, s, year)
	case FormSet:
		d.proposeSet(a, s, year)
	case FormScale:
		a.Proposal.Answer = map[Signal]string{Strong: ScaleGreat, Mixed: ScaleSome, Weak: ScaleLittle}[a.Signal]
		if a.Signal == Weak && d.noOpenLanguage(s) {
			a.Proposal.Answer = ScaleNone
		}
	}
}

// noOpenLanguage is true when no language spoken in the subject has an
// open Wikipedia.
func (d *Dataset) noOpenLanguage(s Subject) bool {
	countries := []Country{s.Country}
	if s.IsRegion() {
		countries = d.regionCountries(s)
	}
	for _, c := range countries {
		if len(d.openLanguages(c)) > 0 {
			return false
		}
	}
	return true
}

// proposeCount proposes question 1.4's number: the affiliates in the
// country, exact, or only the words of a protected country's range.
func (d *Dataset) proposeCount(a *Answer, s Subject, year int) {
	if s.IsRegion() {
		return
	}
	c := s.Country
	n, ok := d.Value(c.ISO2, IndAffiliates, year)
	if !ok {
		a.Proposal.CountText = "no affiliate figure for the country"
		return
	}
	i, _ := d.Indicator(IndAffiliates)
	text := d.countText(c, IndAffiliates, n, "affiliate") + " in the country"
	if _, exact := d.Shown(c, i, n); exact {
		a.Proposal.Count, a.Proposal.HasCount = n, true
		a.Proposal.Answer = strconv.FormatFloat(n, 'f', 0, 64)
	}
	// The count is as good as its figure: a modeled one is said so, so
	// that nobody confirms the model's number as the country's.
	if class := d.ClassOf(c.ISO2, IndAffiliates, year); class != ClassReal {
		text = string(class) + ": " + text
		if class == ClassModeled {
			text = "MODELED, not published: " + d.countText(c, IndAffiliates, n, "affiliate") + " in the country"
		}
	}
	a.Proposal.CountText = text + " (the data counts affiliates without their kind: chapter, thematic organization or user group)"
}

// setTest is a set question's country test and its candidates' rule.
type setTest struct {
	test func(Country, int) (bool, string)
	rank func(Country, int) float64
	rule string
}

func (d *Dataset) setTests() map[string]setTest {
	return map[string]setTest{
		"2.1": {d.affiliatesNotEditors, d.rankAffiliatesNotEditors,
			fmt.Sprintf("affiliates and readers %s or more, editorship under %s", fmtScore(AdequatePresence), fmtScore(AdequatePresence))},
		"2.3": {d.growing, d.rankGrowing,
			fmt.Sprintf("growth %s or more in two domains or more", fmtScore(GrowthStrong))},
		"2.5": {d.needsCapacity, d.rankCapacity,
			fmt.Sprintf("readers or editors %s or more; affiliates and programs under %s", fmtScore(AdequatePresence), fmtScore(NearPresence))},
	}
}

// proposeSet ranks a set question's candidates: a region's countries that
// pass its test; for a country, the country itself when it passes and its
// region's other countries that do.
func (d *Dataset) proposeSet(a *Answer, s Subject, year int) {
	st, ok := d.setTests()[a.Question.ID]
	if !ok {
		return
	}
	var pool []Country
	switch {
	case s.IsRegion():
		pool = d.regionCountries(s)
	case s.Country.WikimediaRegion != "":
		pool = d.regionCountries(Subject{Region: s.Country.WikimediaRegion, Grouping: GroupWikimedia})
	default:
		pool = []Country{s.Country}
	}
	type ranked struct {
		m    Mention
		rank float64
	}
	var out []ranked
	for _, c := range pool {
		pass, note := st.test(c, year)
		if !pass {
			continue
		}
		rule := st.rule
		if !s.IsRegion() {
			if c.ISO2 == s.Country.ISO2 {
				rule = "the country itself: " + rule
			} else {
				rule = "a peer in " + c.WikimediaRegion + ": " + rule
			}
		}
		out = append(out, ranked{Mention{ISO2: c.ISO2, Name: c.Name, Note: note, Rule: rule, Modeled: d.Modeled()}, st.rank(c, year)})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].rank != out[j].rank {
			return out[i].rank > out[j].rank
		}
		return out[i].m.Name < out[j].m.Name
	})
	a.Proposal.Answer = VerdictSet
	for _, r := range out {
		a.Proposal.Candidates = append(a.Proposal.Candidates, r.m)
	}
}

func (d *Dataset) rankAffiliatesNotEditors(c Country, year int) float64 {
	af, _ := d.presence(c, Affiliates, year)
	rp, _ := d.presence(c, Readership, year)
	ep, _ := d.presence(c, Editorship, year)
	return (af+rp)/2 - ep
}

func (d *Dataset) rankGrowing(c Country, year int) float64 {
	n, sum := 0.0, 0.0
	for _, dom := range Domains() {
		if g, ok := d.Score(c.ISO2, dom.ID, Growth, year); ok && g >= GrowthStrong {
			n++
			sum += g
		}
	}
	if n == 0 {
		return 0
	}
	return 1000*n + sum/n
}

func (d *Dataset) rankCapacity(c Country, year int) float64 {
	base, _ := d.base(c, year)
	af, _ := d.presence(c, Affiliates, year)
	pr, _ := d.presence(c, Programs, year)
	return base - math.Max(af, pr)
}

// SetOf is the set a verdict answers: the candidates not struck (those
// kept, and any the user did not decide on), then the countries added.
func SetOf(v Verdict, candidates []Mention) []string {
	struck := map[string]bool{}
	for _, c := range v.Strike {
		struck[c] = true
	}
	seen := map[string]bool{}
	var out []string
	add := func(c string) {
		if !struck[c] && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for _, c := range v.Keep {
		add(c)
	}
	for _, m := range candidates {
		add(m.ISO2)
	}
	for _, c := range v.Add {
		add(c)
	}
	return out
}

// ParseVerdict reads an answer as a script or the command line writes it,
// for a question with its proposal:
//
//   - any form: "unsure", or "" to clear;
//   - yes/no: "yes", "no" (also "y", "n");
//   - number: a count, "3", or "data" to confirm the proposed one;
//   - set: "+KE,-UG": + keeps a candidate or adds a country, - strikes one;
//     "data" takes the candidates as proposed;
//   - scale: "not at all", "a little", "somewhat", "a great deal" (or 0–3),
//     or "data" for the proposed point.
//
// find turns a country's code or name into its ISO2 code.
func ParseVerdict(a Answer, text string, find func(string) (string, error)) (Verdict, error) {
	t := strings.TrimSpace(text)
	low := strings.ToLower(t)
	q := a.Question
	if low == "" {
		return Verdict{}, nil
	}
	if low == VerdictUnsure || low == "?" {
		return Verdict{Answer: VerdictUnsure}, nil
	}
	confirm := low == "data" || low == "confirm"
	switch q.Form {
	case FormYesNo:
		switch low {
		case "yes", "y":
			return Verdict{Answer: VerdictYes}, nil
		case "no", "n":
			return Verdict{Answer: VerdictNo}, nil
		}
		return Verdict{}, fmt.Errorf("question %s takes yes, no or unsure, not %q", q.ID, t)
	case FormNumber:
		if confirm {
			if !a.Proposal.HasCount {
				return Verdict{}, fmt.Errorf("question %s has no count from the data to confirm (%s); give a number", q.ID, orNone(a.Proposal.CountText))
			}
			return Verdict{Answer: a.Proposal.Answer, Origin: CountFromData}, nil
		}
		n, err := strconv.Atoi(t)
		if err != nil || n < 0 {
			return Verdict{}, fmt.Errorf("question %s takes a whole number of affiliates (0 or more), \"data\" for the data's count, or unsure, not %q", q.ID, t)
		}
		v := Verdict{Answer: strconv.Itoa(n), Origin: CountOwn}
		if a.Proposal.HasCount && float64(n) == a.Proposal.Count {
			v.Origin = CountFromData
		}
		return v, nil
	case FormScale:
		if confirm {
			if a.Proposal.Answer == "" {
				return Verdict{}, fmt.Errorf("question %s has no point proposed by the data; give one of %s", q.ID, strings.Join(ScaleLevels(), ", "))
			}
			return Verdict{Answer: a.Proposal.Answer}, nil
		}
		for i, l := range ScaleLevels() {
			if low == l || low == strconv.Itoa(i) {
				return Verdict{Answer: l}, nil
			}
		}
		return Verdict{}, fmt.Errorf("question %s takes one of %s (or 0–3), not %q", q.ID, strings.Join(ScaleLevels(), ", "), t)
	case FormSet:
		v := Verdict{Answer: VerdictSet}
		if confirm {
			for _, m := range a.Proposal.Candidates {
				v.Keep = append(v.Keep, m.ISO2)
			}
			return v, nil
		}
		cands := map[string]bool{}
		for _, m := range a.Proposal.Candidates {
			cands[m.ISO2] = true
		}
		for _, part := range strings.Split(t, ",") {
			part = strings.TrimSpace(part)
			if len(part) < 2 || (part[0] != '+' && part[0] != '-') {
				return Verdict{}, fmt.Errorf("question %s takes countries as +CODE to keep or add and -CODE to strike, separated by commas (+KE,-UG), not %q", q.ID, part)
			}
			iso, err := find(strings.TrimSpace(part[1:]))
			if err != nil {
				return Verdict{}, fmt.Errorf("question %s: %w", q.ID, err)
			}
			switch {
			case part[0] == '-':
				v.Strike = append(v.Strike, iso)
			case cands[iso]:
				v.Keep = append(v.Keep, iso)
			default:
				v.Add = append(v.Add, iso)
			}
		}
		return v, nil
	}
	return Verdict{}, fmt.Errorf("question %s has no form of answer", q.ID)
}

// ValidVerdict says what is wrong with a verdict for a question of a form,
// or "" when nothing is. "unsure" suits every form, and so do yes and no:
// checklists saved before the forms answered every question that way, and
// they are kept as given.
func ValidVerdict(form AnswerForm, v Verdict) string {
	switch v.Answer {
	case "", VerdictUnsure, VerdictYes, VerdictNo:
		return ""
	}
	switch form {
	case FormNumber:
		if n, err := strconv.Atoi(v.Answer); err == nil && n >= 0 {
			return ""
		}
		return fmt.Sprintf("the count %q is not a whole number", v.Answer)
	case FormScale:
		for _, l := range ScaleLevels() {
			if v.Answer == l {
				return ""
			}
		}
		return fmt.Sprintf("%q is not a point of the scale", v.Answer)
	case FormSet:
		if v.Answer == VerdictSet {
			return ""
		}
	}
	return fmt.Sprintf("%q is not an answer to a %s question", v.Answer, form)
}

// AnswerText is a verdict in words, in its question's form: "yes", "4
// (the data's count)", "KE, NG (1 struck: UG)", "somewhat".
func AnswerText(form AnswerForm, v Verdict, candidates []Mention) string {
	switch {
	case v.Answer == "":
		return ""
	case form == FormNumber && v.Answer != VerdictUnsure && v.Answer != VerdictYes && v.Answer != VerdictNo:
		if v.Origin == CountFromData {
			return v.Answer + " (the data's count, confirmed)"
		}
		return v.Answer + " (your own count)"
	case form == FormSet && v.Answer == VerdictSet:
		set := SetOf(v, candidates)
		text := strings.Join(set, ", ")
		if text == "" {
			text = "no country"
		}
		if len(v.Strike) > 0 {
			text += " (struck: " + strings.Join(v.Strike, ", ") + ")"
		}
		return text
	case form != FormYesNo && (v.Answer == VerdictYes || v.Answer == VerdictNo):
		return v.Answer + " (given as yes/no before this question took its own form)"
	}
	return v.Answer
}

// shownWikis is how many wikis or editions 2.4's evidence names.
const shownWikis = 4

// editedWikisText names the wikis a country's editors edit most in a year
// (model.Dataset.CountryWikis), with their editors as published ranges.
func (d *Dataset) editedWikisText(c Country, year int) string {
	cws := d.CountryWikis(c.ISO2, year)
	if len(cws) == 0 {
		return "not in this dataset (an imported Geoeditors release has it)"
	}
	var parts []string
	for i, cw := range cws {
		if i == shownWikis {
			parts = append(parts, fmt.Sprintf("%d more", len(cws)-shownWikis))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %.0f–%.0f editors", cw.Wiki, cw.Editors.Lower, cw.Editors.Upper))
	}
	return strings.Join(parts, "; ")
}

// readingFacts are 2.4's evidence of which editions a country reads: the
// split of its Wikipedia views over editions as of the year (published
// for June 2016 and June 2017 only), named with their shares as published,
// and the share of them that went to the Wikipedias of the languages it
// speaks. Both are real figures of their month, and say so.
func (d *Dataset) readingFacts(c Country, year int) []Fact {
	split := d.Editions(c.ISO2, year)
	if len(split) == 0 {
		return []Fact{textFact("Editions it reads", "not in this dataset for this year")}
	}
	when := MonthName(split[0].Period) + ", Wikipedia views only, " + string(split[0].Class())
	if src, ok := d.Source(split[0].Source); ok {
		title, _, _ := strings.Cut(src.Title, ",")
		when += ", " + title
	}
	var parts []string
	for i, r := range split {
		if i == shownWikis && len(split) > shownWikis+1 {
			parts = append(parts, fmt.Sprintf("%d more", len(split)-shownWikis))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %s%%", d.EditionName(r), strconv.FormatFloat(r.Share, 'f', -1, 64)))
	}
	read := textFact("Editions it reads", strings.Join(parts, "; ")+" ("+when+")")
	read.Class = split[0].Class()
	pct, n := d.SpokenShare(c, split)
	spoken := Fact{Label: "Its views on Wikipedias of its languages", Kind: FactPercent, Value: math.Min(pct, 100), OK: true, Class: split[0].Class(),
		Text: fmt.Sprintf("%s, %s", plural(float64(n), "edition"), when)}
	return []Fact{read, spoken}
}
