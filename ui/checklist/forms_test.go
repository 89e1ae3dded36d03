package checklist

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store/session"
	"github.com/equitylandscape/equity/ui/common"
)

// goTo moves the screen to a question by id.
func goTo(t *testing.T, s *Screen, id string) {
	t.Helper()
	for range 10 {
		press(t, s, "left")
	}
	for range 10 {
		if s.current().Question.ID == id {
			return
		}
		press(t, s, "right")
	}
	t.Fatalf("no question %s", id)
}

// Each form answered with its keys, and saved as the form says.
func TestAnswerForms(t *testing.T) {
	ctx := newContext()
	st := session.New(t.TempDir())
	year := ctx.Year

	// 1.4, a number: c confirms the data's count, t types one's own.
	s := open(t, ctx, st, useCase(t, 1), country(t, "NG"), 80, 24)
	goTo(t, s, "1.4")
	p := s.current().Proposal
	if !p.HasCount || !strings.Contains(plain(s), "Proposed      "+p.Answer) {
		t.Fatalf("1.4 proposes %+v:\n%s", p, plain(s))
	}
	press(t, s, "y") // not a yes/no question: it says how to answer
	if s.Verdicts()["1.4"].Answer != "" || !strings.Contains(s.message, "answered with a number") {
		t.Errorf("y on 1.4: %+v, %q", s.Verdicts()["1.4"], s.message)
	}
	press(t, s, "c")
	if v := s.Verdicts()["1.4"]; v.Answer != p.Answer || v.Origin != model.CountFromData {
		t.Errorf("c on 1.4: %+v", v)
	}
	press(t, s, "t")
	typeText(t, s, "x\n")
	if s.entryErr == "" || !s.Capturing() {
		t.Errorf("a count of x was taken: %+v", s.Verdicts()["1.4"])
	}
	press(t, s, "ctrl+s") // not a key of the entry: types nothing useful
	s.entry.SetValue("")
	typeText(t, s, "7\n")
	if v := s.Verdicts()["1.4"]; v.Answer != "7" || v.Origin != model.CountOwn || s.Capturing() {
		t.Errorf("t 7 on 1.4: %+v", v)
	}
	if !strings.Contains(plain(s), "7 (your own count)") {
		t.Errorf("the page does not say the count is the user's own:\n%s", plain(s))
	}

	// Use case 2 of South Asia: a scale on 2.4 (1–4 claimed from the
	// root's section keys), a set on 2.3.
	r := open(t, ctx, st, useCase(t, 2), southAsia(), 80, 24)
	goTo(t, r, "2.4")
	if !r.ClaimsKey(keyMsg("3")) {
		t.Error("2.4 does not claim 3 from the root")
	}
	press(t, r, "2")
	if got := r.Verdicts()["2.4"].Answer; got != model.ScaleLittle {
		t.Errorf("2 on 2.4: %q", got)
	}
	goTo(t, r, "2.5")
	if r.ClaimsKey(keyMsg("3")) {
		t.Error("2.5 claims 3 from the root")
	}
	goTo(t, r, "2.1")
	press(t, r, "t")
	typeText(t, r, "Kenya, NP\n")
	v := r.Verdicts()["2.1"]
	if v.Answer != model.VerdictSet || !slices.Contains(model.SetOf(v, r.current().Proposal.Candidates), "KE") {
		t.Errorf("t Kenya on 2.1: %+v", v)
	}
	// Select the first listed country and strike it.
	its := r.items()
	if len(its) == 0 {
		t.Fatal("no country listed on 2.1")
	}
	for range 60 {
		if i, ok := r.body.Selected(); ok && i == 0 {
			break
		}
		press(t, r, "down")
	}
	press(t, r, "x")
	if v := r.Verdicts()["2.1"]; !slices.Contains(v.Strike, its[0].m.ISO2) {
		t.Errorf("x did not strike %s: %+v", its[0].m.ISO2, v)
	}
	if !strings.Contains(whole(t, r), "✗ struck") {
		t.Error("the page does not show the country struck")
	}

	// All of it saved for the year, in its form.
	saved, err := st.LoadYear(2, southAsia().Key(), year)
	if err != nil || saved["2.4"].Answer != model.ScaleLittle || saved["2.1"].Answer != model.VerdictSet {
		t.Errorf("saved %+v, %v", saved, err)
	}
	saved, _ = st.LoadYear(1, "NG", year)
	if saved["1.4"].Answer != "7" || saved["1.4"].Origin != model.CountOwn {
		t.Errorf("saved 1.4 %+v", saved["1.4"])
	}
}

// Answers are the year's: another year shows its own (none yet), and the
// first comes back.
func TestAnswersPerYear(t *testing.T) {
	ctx := newContext()
	st := session.New(t.TempDir())
	first := ctx.Year
	s := open(t, ctx, st, useCase(t, 1), country(t, "BR"), 80, 24)
	press(t, s, "y")
	ctx.Year = first - 1
	s.Update(common.YearChangedMsg{})
	if s.Verdicts()["1.1"].Answer != "" || !strings.Contains(s.message, "answers given for") {
		t.Errorf("another year shows %+v (%q)", s.Verdicts(), s.message)
	}
	press(t, s, "n")
	ctx.Year = first
	s.Update(common.YearChangedMsg{})
	if s.Verdicts()["1.1"].Answer != model.VerdictYes {
		t.Errorf("back to %d: %+v", first, s.Verdicts())
	}
	all, err := st.Load(1, "BR")
	if err != nil || all[first]["1.1"].Answer != "yes" || all[first-1]["1.1"].Answer != "no" {
		t.Errorf("saved %+v, %v", all, err)
	}
	if !strings.Contains(plain(s), "· "+strconv.Itoa(first)) {
		t.Errorf("the page does not name the year:\n%s", plain(s))
	}
}

// Two windows on one checklist: each takes in what the other saved, and
// says so.
func TestTwoWindows(t *testing.T) {
	dir := t.TempDir()
	ctx := newContext()
	a := open(t, ctx, session.New(dir), useCase(t, 1), country(t, "NG"), 80, 24)
	b := open(t, ctx, session.New(dir), useCase(t, 1), country(t, "NG"), 80, 24)
	press(t, a, "y")              // 1.1 in A
	press(t, b, "right", "right") // B on 1.3
	press(t, b, "n")              // B saves: takes in A's 1.1
	if b.Verdicts()["1.1"].Answer != model.VerdictYes || !strings.Contains(b.message, "Took in") || !strings.Contains(b.message, "1.1") {
		t.Errorf("B: %+v, %q", b.Verdicts(), b.message)
	}
	press(t, a, "right", "?") // A's 1.2; its save takes in B's 1.3
	if a.Verdicts()["1.3"].Answer != model.VerdictNo {
		t.Errorf("A did not take in B's 1.3: %+v", a.Verdicts())
	}
	got, _ := session.New(dir).LoadYear(1, "NG", ctx.Year)
	if got.Answered(useCase(t, 1)) != 3 {
		t.Errorf("on disk: %+v", got)
	}
}

// Text typed in the note and the entry is cleaned of control and
// bidirectional-override characters.
func TestTypedTextCleaned(t *testing.T) {
	if got := cleanTyped("a\u202eb\x1b[2Jc\nd\u200fe"); got != "ab[2Jc\nde" {
		t.Errorf("cleanTyped = %q", got)
	}
}
