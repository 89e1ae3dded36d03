package model

// The user's own answer to a question, beside the automatic signal.
const (
	VerdictYes    = "yes"
	VerdictNo     = "no"
	VerdictUnsure = "unsure"
)

// Verdict is what the user concluded about a question, with a note.
type Verdict struct {
	Answer  string // VerdictYes, VerdictNo, VerdictUnsure, or "" for none yet
	Note    string
	Updated string // RFC 3339, when it was last changed
}

// Empty reports whether the user has said nothing about the question.
func (v Verdict) Empty() bool { return v.Answer == "" && v.Note == "" }

// Verdicts are a checklist's verdicts by question id ("1.2").
type Verdicts map[string]Verdict

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
