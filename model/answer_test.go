package model_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

// Every question has its own form, and its signal its own words.
func TestQuestionForms(t *testing.T) {
	want := map[string]struct {
		form   model.AnswerForm
		levels [3]string
	}{
		"1.1": {model.FormYesNo, [3]string{"adequate", "borderline", "low"}},
		"1.2": {model.FormYesNo, [3]string{"in line", "stretched", "out of proportion"}},
		"1.3": {model.FormYesNo, [3]string{"few", "some", "many"}},
		"1.4": {model.FormNumber, [3]string{"open", "shared", "crowded"}},
		"2.1": {model.FormSet, [3]string{"strong", "partial", "none"}},
		"2.2": {model.FormYesNo, [3]string{"balanced", "partly balanced", "unbalanced"}},
		"2.3": {model.FormSet, [3]string{"broad", "narrow", "little"}},
		"2.4": {model.FormScale, [3]string{"wide", "some", "narrow"}},
		"2.5": {model.FormSet, [3]string{"clear", "possible", "unlikely"}},
	}
	n := 0
	for _, uc := range model.UseCases() {
		for _, q := range uc.Questions {
			n++
			w, ok := want[q.ID]
			if !ok {
				t.Errorf("question %s is not expected", q.ID)
				continue
			}
			if q.Form != w.form || q.Levels != w.levels {
				t.Errorf("%s: form %q levels %q, want %q %q", q.ID, q.Form, q.Levels, w.form, w.levels)
			}
			if q.LevelsOf == "" || q.Reading == "" {
				t.Errorf("%s: no LevelsOf or Reading", q.ID)
			}
			// The rule names its thresholds: a figure in every reading.
			if !strings.ContainsAny(q.Reading, "0123456789") {
				t.Errorf("%s: the reading names no threshold: %q", q.ID, q.Reading)
			}
		}
	}
	if n != len(want) {
		t.Errorf("%d questions, want %d", n, len(want))
	}
	q13 := model.UseCases()[0].Questions[2]
	if q13.Yes == "" || !strings.Contains(q13.Reading, "A yes means barriers") {
		t.Errorf("1.3 does not say that yes means barriers: %q / %q", q13.Yes, q13.Reading)
	}
	if got := q13.Level(model.Strong); got != "few" {
		t.Errorf("1.3 Level(strong) = %q, want few", got)
	}
	if got := q13.Level(model.NoEvidence); got != string(model.NoEvidence) {
		t.Errorf("Level(no evidence) = %q", got)
	}
}

// contradictions are phrases that conclude a level, by question: a reason
// that holds one of another level's contradicts its signal (as 1.2 once read
// "○ WEAK … nothing out of proportion; the request is 4.9×").
var contradictions = map[string]map[model.Signal][]string{
	"1.1": {model.Strong: {"at or above the median", "is strong"}, model.Mixed: {"is below the median;"}},
	"1.2": {model.Strong: {"nothing out of proportion", "room for a first grant"}},
	"1.3": {model.Strong: {"no barrier found in"}, model.Mixed: {"one barrier:", "no barrier found, but"}, model.Weak: {"barriers: "}},
	"1.4": {model.Strong: {"no affiliate in the country, nor"}, model.Mixed: {"to coordinate with"}, model.Weak: {"already in the country"}},
	"2.1": {model.Weak: {"editorship is not lacking", "neither affiliates nor readers", "none of its"}, model.Mixed: {"only one of affiliates"}},
	"2.2": {model.Strong: {"all at or above the median"}, model.Weak: {"none of its"}},
	"2.3": {model.Strong: {"strong growth in 2", "strong growth in two"}, model.Mixed: {"in one domain only"}, model.Weak: {"no domain with", "none of its"}},
	"2.4": {model.Weak: {"reach only about", "only about"}},
	"2.5": {model.Strong: {"a base with little organizing"}, model.Mixed: {"some organizing already", "not fully known"}, model.Weak: {"still small", "already organized", "none of its"}},
}

// agree checks that an answer's reason, level and proposal say what its
// signal says; it returns what disagrees.
func agree(a model.Answer, s model.Subject) []string {
	var bad []string
	q := a.Question
	if strings.TrimSpace(a.Reason) == "" {
		bad = append(bad, "no reason")
	}
	if a.Level != q.Level(a.Signal) || a.Form != q.Form {
		bad = append(bad, fmt.Sprintf("level %q form %q for signal %s", a.Level, a.Form, a.Signal))
	}
	for sig, phrases := range contradictions[q.ID] {
		if sig == a.Signal {
			continue
		}
		for _, p := range phrases {
			if strings.Contains(a.Reason, p) {
				bad = append(bad, fmt.Sprintf("the reason says %q, which is %s, not %s", p, q.Level(sig), a.Level))
			}
		}
	}
	p := a.Proposal
	switch q.Form {
	case model.FormYesNo:
		want := map[model.Signal]string{model.Strong: "yes", model.Mixed: "unsure", model.Weak: "no"}[a.Signal]
		if q.Yes != "" {
			want = map[model.Signal]string{model.Strong: "no", model.Mixed: "unsure", model.Weak: "yes"}[a.Signal]
		}
		if p.Answer != want {
			bad = append(bad, fmt.Sprintf("proposes %q for %s", p.Answer, a.Level))
		}
	case model.FormNumber:
		if p.HasCount && (p.Count >= model.CrowdedAffiliates) != (a.Signal == model.Weak) {
			bad = append(bad, fmt.Sprintf("proposes %v affiliates for %s", p.Count, a.Level))
		}
		if a.Signal != model.NoEvidence && p.CountText == "" {
			bad = append(bad, "no count text")
		}
	case model.FormScale:
		want := map[model.Signal][]string{model.Strong: {model.ScaleGreat}, model.Mixed: {model.ScaleSome}, model.Weak: {model.ScaleLittle, model.ScaleNone}, model.NoEvidence: {""}}[a.Signal]
		found := false
		for _, w := range want {
			found = found || p.Answer == w
		}
		if !found {
			bad = append(bad, fmt.Sprintf("proposes %q for %s", p.Answer, a.Level))
		}
	case model.FormSet:
		self := false
		for _, c := range p.Candidates {
			self = self || c.ISO2 == s.Country.ISO2
			if c.Rule == "" {
				bad = append(bad, c.ISO2+" has no rule")
			}
		}
		switch {
		case s.IsRegion() && a.Signal != model.NoEvidence && (len(p.Candidates) == 0) != (a.Signal == model.Weak):
			bad = append(bad, fmt.Sprintf("%d candidates for %s", len(p.Candidates), a.Level))
		case s.IsRegion() && len(p.Candidates) != len(a.Mentions):
			bad = append(bad, fmt.Sprintf("%d candidates, %d countries named", len(p.Candidates), len(a.Mentions)))
		case !s.IsRegion() && self != (a.Signal == model.Strong):
			bad = append(bad, fmt.Sprintf("the country itself a candidate: %v, for %s", self, a.Level))
		}
	}
	return bad
}

// Every question over every country and region of the bundled data, every
// year, with and without a requested amount: no reason contradicts its
// signal, and the proposal follows it.
func TestChecklistSignalsAgreeWithReasons(t *testing.T) {
	t.Parallel()
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatal(err)
	}
	var subjects []model.Subject
	for _, c := range d.Countries {
		subjects = append(subjects, model.Subject{Country: c})
	}
	for _, r := range d.WikimediaRegions() {
		subjects = append(subjects, model.Subject{Region: r, Grouping: model.GroupWikimedia})
	}
	reqs := []model.Request{{}, {Amount: 50000, HasAmount: true}, {Amount: 5e6, HasAmount: true}}
	checked, levels := 0, map[string]bool{}
	for _, year := range d.Years {
		for _, s := range subjects {
			for _, uc := range model.UseCases() {
				if s.IsRegion() && uc.Number == 1 {
					continue
				}
				rs := reqs
				if uc.Number != 1 {
					rs = reqs[:1] // only use case 1 takes a request
				}
				for _, req := range rs {
					for _, a := range d.Checklist(uc, s, year, req) {
						checked++
						levels[a.Question.ID+" "+a.Level] = true
						for _, b := range agree(a, s) {
							t.Errorf("%s %d %s (%+v): %s — %s: %q", s.Key(), year, a.Question.ID, req, b, a.Signal, a.Reason)
						}
					}
				}
			}
		}
	}
	t.Logf("%d answers checked; levels seen: %d", checked, len(levels))
	if checked < 1000 {
		t.Errorf("only %d answers checked", checked)
	}
}

// The issue's example: a weak 1.2 no longer says "nothing out of
// proportion".
func TestProportionReasonLeadsWithWhatDecided(t *testing.T) {
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatal(err)
	}
	ng, _ := d.Country("NG")
	uc, _ := model.UseCaseByNumber(1)
	year := d.LatestYear()
	annual, ok := d.Value("NG", model.IndGrantsYearUSD, year)
	if !ok || annual <= 0 {
		t.Skip("no grant dollars for NG")
	}
	a := d.Checklist(uc, model.Subject{Country: ng}, year, model.Request{Amount: 5 * annual, HasAmount: true})[1]
	if a.Signal != model.Weak || !strings.HasPrefix(a.Reason, "the request is 5.0× this year's grant dollars, over 3×") || strings.Contains(a.Reason, "nothing out of proportion") {
		t.Errorf("1.2 with a request 5× the year's grants: %s %q", a.Signal, a.Reason)
	}
	if a.Level != "out of proportion" || a.Proposal.Answer != model.VerdictNo {
		t.Errorf("level %q proposal %q", a.Level, a.Proposal.Answer)
	}
}

func find(s string) (string, error) {
	switch strings.ToUpper(s) {
	case "KE", "UG", "TZ", "NG":
		return strings.ToUpper(s), nil
	}
	return "", fmt.Errorf("no country %q", s)
}

func TestParseVerdict(t *testing.T) {
	uc1, _ := model.UseCaseByNumber(1)
	uc2, _ := model.UseCaseByNumber(2)
	yn := model.Answer{Question: uc1.Questions[0]}
	num := model.Answer{Question: uc1.Questions[3], Proposal: model.Proposal{Answer: "4", Count: 4, HasCount: true}}
	numNone := model.Answer{Question: uc1.Questions[3], Proposal: model.Proposal{CountText: "no affiliate figure"}}
	set := model.Answer{Question: uc2.Questions[0], Proposal: model.Proposal{Answer: model.VerdictSet, Candidates: []model.Mention{{ISO2: "KE"}, {ISO2: "UG"}}}}
	scale := model.Answer{Question: uc2.Questions[3], Proposal: model.Proposal{Answer: model.ScaleSome}}
	tests := []struct {
		a    model.Answer
		in   string
		want model.Verdict
		err  string
	}{
		{yn, "yes", model.Verdict{Answer: "yes"}, ""},
		{yn, " N ", model.Verdict{Answer: "no"}, ""},
		{yn, "?", model.Verdict{Answer: "unsure"}, ""},
		{yn, "", model.Verdict{}, ""},
		{yn, "3", model.Verdict{}, "takes yes, no or unsure"},
		{num, "data", model.Verdict{Answer: "4", Origin: model.CountFromData}, ""},
		{num, "4", model.Verdict{Answer: "4", Origin: model.CountFromData}, ""},
		{num, "7", model.Verdict{Answer: "7", Origin: model.CountOwn}, ""},
		{num, "-1", model.Verdict{}, "whole number"},
		{num, "yes", model.Verdict{}, "whole number"},
		{numNone, "data", model.Verdict{}, "no count from the data"},
		{numNone, "0", model.Verdict{Answer: "0", Origin: model.CountOwn}, ""},
		{set, "+KE,-UG", model.Verdict{Answer: "set", Keep: []string{"KE"}, Strike: []string{"UG"}}, ""},
		{set, "+tz", model.Verdict{Answer: "set", Add: []string{"TZ"}}, ""},
		{set, "data", model.Verdict{Answer: "set", Keep: []string{"KE", "UG"}}, ""},
		{set, "KE", model.Verdict{}, "+CODE"},
		{set, "+XX", model.Verdict{}, "no country"},
		{scale, "a little", model.Verdict{Answer: model.ScaleLittle}, ""},
		{scale, "3", model.Verdict{Answer: model.ScaleGreat}, ""},
		{scale, "data", model.Verdict{Answer: model.ScaleSome}, ""},
		{scale, "lots", model.Verdict{}, "one of not at all"},
	}
	for _, tt := range tests {
		got, err := model.ParseVerdict(tt.a, tt.in, find)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s %q: error %v, want one holding %q", tt.a.Question.ID, tt.in, err, tt.err)
		case tt.err == "" && err != nil:
			t.Errorf("%s %q: %v", tt.a.Question.ID, tt.in, err)
		case tt.err == "" && !reflect.DeepEqual(got, tt.want):
			t.Errorf("%s %q = %+v, want %+v", tt.a.Question.ID, tt.in, got, tt.want)
		}
		if err == nil {
			if why := model.ValidVerdict(tt.a.Question.Form, got); why != "" {
				t.Errorf("%s %q: parsed %+v is not valid: %s", tt.a.Question.ID, tt.in, got, why)
			}
		}
	}
	if why := model.ValidVerdict(model.FormScale, model.Verdict{Answer: "lots"}); why == "" {
		t.Error("a scale answer off the scale is valid")
	}
	if why := model.ValidVerdict(model.FormNumber, model.Verdict{Answer: "yes"}); why != "" {
		t.Errorf("an old yes/no answer to 1.4 is refused: %s", why)
	}
}

func TestSetOfAndAnswerText(t *testing.T) {
	cands := []model.Mention{{ISO2: "KE"}, {ISO2: "UG"}, {ISO2: "NG"}}
	v := model.Verdict{Answer: model.VerdictSet, Keep: []string{"NG"}, Strike: []string{"UG"}, Add: []string{"TZ", "KE"}}
	if got := model.SetOf(v, cands); !reflect.DeepEqual(got, []string{"NG", "KE", "TZ"}) {
		t.Errorf("SetOf = %v", got)
	}
	if got := model.AnswerText(model.FormSet, v, cands); got != "NG, KE, TZ (struck: UG)" {
		t.Errorf("AnswerText(set) = %q", got)
	}
	if got := model.AnswerText(model.FormNumber, model.Verdict{Answer: "4", Origin: model.CountFromData}, nil); got != "4 (the data's count, confirmed)" {
		t.Errorf("AnswerText(number) = %q", got)
	}
	if got := model.AnswerText(model.FormNumber, model.Verdict{Answer: "yes"}, nil); !strings.HasPrefix(got, "yes (given as yes/no") {
		t.Errorf("AnswerText(old yes on 1.4) = %q", got)
	}
}

func TestMerge(t *testing.T) {
	const t1, t2, t3 = "2025-03-04T10:00:00Z", "2025-03-04T10:00:01.5Z", "2025-03-04T10:00:02Z"
	mine := model.Verdicts{
		"1.1": {Answer: "yes", Updated: t2},
		"1.2": {Answer: "no", Updated: t1, Note: "mine", NoteUpdated: t3},
		"1.3": {Updated: t3}, // cleared here, after the other window answered
	}
	theirs := model.Verdicts{
		"1.1": {Answer: "no", Updated: t1},                                      // older: mine stays
		"1.2": {Answer: "unsure", Updated: t2, Note: "theirs", NoteUpdated: t1}, // answer newer, note older
		"1.3": {Answer: "yes", Updated: t2},                                     // older than the clearing
		"1.4": {Answer: "3", Origin: "own", Updated: t1},                        // only theirs
	}
	got, took := model.Merge(mine, theirs)
	want := model.Verdicts{
		"1.1": {Answer: "yes", Updated: t2},
		"1.2": {Answer: "unsure", Updated: t2, Note: "mine", NoteUpdated: t3},
		"1.3": {Updated: t3},
		"1.4": {Answer: "3", Origin: "own", Updated: t1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Merge =\n%+v\nwant\n%+v", got, want)
	}
	if !reflect.DeepEqual(took, []string{"1.2", "1.4"}) {
		t.Errorf("took in %v, want [1.2 1.4]", took)
	}
	// A tie keeps mine.
	got, took = model.Merge(model.Verdicts{"1.1": {Answer: "yes", Updated: t1}}, model.Verdicts{"1.1": {Answer: "no", Updated: t1}})
	if got["1.1"].Answer != "yes" || len(took) != 0 {
		t.Errorf("a tie: %+v, took %v", got, took)
	}
}
