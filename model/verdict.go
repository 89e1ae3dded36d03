package model

import (
	"sort"
	"time"
)

// The user's own answer to a yes/no question, beside the automatic signal;
// "unsure" answers a question of any form (answer.go has the others).
const (
	VerdictYes    = "yes"
	VerdictNo     = "no"
	VerdictUnsure = "unsure"
)

// Verdict is what the user concluded about a question, with a note. The
// answer and the note each carry when they were given, so that two windows
// on one checklist merge rather than drop each other's (Merge).
type Verdict struct {
	// Answer is yes, no or unsure; a count in digits; a point of the
	// scale; VerdictSet for a set; or "" for none yet.
	Answer string
	Origin string   // a count's: CountFromData or CountOwn
	Keep   []string // a set's candidates kept (ISO2)
	Strike []string // a set's candidates struck
	Add    []string // countries added to a set
	Note   string
	// Updated is when the answer was last given or cleared, NoteUpdated
	// when the note was (RFC 3339; a file of format 1 has only Updated).
	Updated     string
	NoteUpdated string
}

// Empty reports whether the user has said nothing about the question. A
// verdict cleared is empty, but keeps its time: it still wins a merge over
// an older answer from another window.
func (v Verdict) Empty() bool { return v.Answer == "" && v.Note == "" }

// Verdicts are a checklist's verdicts by question id ("1.2"), for one year.
type Verdicts map[string]Verdict

// VerdictsByYear are a checklist's verdicts by the year of the figures they
// were given for.
type VerdictsByYear map[int]Verdicts

// Answered counts the questions of a use case with an answer.
func (vs Verdicts) Answered(uc UseCase) int {
	n := 0
	for _, q := range uc.Questions {
		if vs[q.ID].Answer != "" {
			n++
		}
	}
	return n
}

// Merge takes what another window saved (theirs) into mine, question by
// question: the answer given last wins, and so does the note written last;
// on a tie, mine stays. It returns the merged verdicts and the questions
// where theirs won something.
func Merge(mine, theirs Verdicts) (Verdicts, []string) {
	out := make(Verdicts, len(mine)+len(theirs))
	for id, v := range mine {
		out[id] = v
	}
	var took []string
	for id, t := range theirs {
		m, ok := out[id]
		if !ok {
			out[id] = t
			if !t.Empty() {
				took = append(took, id)
			}
			continue
		}
		changed := false
		// What was never given (no answer, no time) loses to anything.
		if later(t.Updated, m.Updated) || m.Answer == "" && m.Updated == "" && t.Answer != "" {
			changed = changed || t.Answer != m.Answer || t.Origin != m.Origin || !same(t.Keep, m.Keep) || !same(t.Strike, m.Strike) || !same(t.Add, m.Add)
			m.Answer, m.Origin, m.Keep, m.Strike, m.Add, m.Updated = t.Answer, t.Origin, t.Keep, t.Strike, t.Add, t.Updated
		}
		if later(t.noteTime(), m.noteTime()) || m.Note == "" && m.noteTime() == "" && t.Note != "" {
			changed = changed || t.Note != m.Note
			m.Note, m.NoteUpdated = t.Note, t.noteTime()
		}
		out[id] = m
		if changed {
			took = append(took, id)
		}
	}
	sort.Strings(took)
	return out, took
}

// noteTime is when the note was written; a file of format 1 kept one time
// for the answer and the note, which stands for a note it holds.
func (v Verdict) noteTime() string {
	if v.NoteUpdated != "" || v.Note == "" {
		return v.NoteUpdated
	}
	return v.Updated
}

// later reports whether time a is after time b; a time that does not parse
// is older than any that does.
func later(a, b string) bool {
	ta, errA := time.Parse(time.RFC3339Nano, a)
	tb, errB := time.Parse(time.RFC3339Nano, b)
	switch {
	case errA != nil:
		return false
	case errB != nil:
		return true
	}
	return ta.After(tb)
}

func same(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
