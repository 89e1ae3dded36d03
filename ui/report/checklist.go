package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/equitylandscape/equity/model"
)

// Checklist is the report of a use case's checklist for a subject: what
// `equity checklist` prints and what the explorer's checklist writes to a
// file. Markdown is its main form, to paste into a grant review:
//
//   - a heading that names the use case, the subject and the year;
//   - the checklist's fields: subject, year, dataset, whether its activity
//     figures are modeled (said first and in capitals when they are), the
//     date, the use case's actors, the requested amount, the progress;
//   - for each question, the question word for word as a heading, its
//     evidence as a small table (each figure marked modeled or not), the
//     countries it names, the signal with its reason and how to read it,
//     and the user's verdict and note (a note keeps its lines: it is a
//     one-column table, a row per line, where no line can turn into a
//     heading, a list or a code block);
//   - a summary table: each question's signal and verdict;
//   - notes: that the figures are modeled, and that the thresholds behind
//     the signals are this project's.
//
// JSON carries a "checklist" object (use case, subject, year, date,
// requested amount, progress), the dataset's provenance, the notes, and
// "questions": an array with, for each question, its id, text, reading,
// signal, reason, facts (label, value as a number or null, lower and upper
// for a figure shown only as a range, unit, text, modeled), mentions (iso2, name, note), verdict (or null), note and when
// the verdict was last changed. The per-question sections are for readers
// only; they share the key "questions" with the summary table, which comes
// last, so that JSON holds the summary's complete rows under that key and
// nothing else.
func Checklist(d *model.Dataset, uc model.UseCase, s model.Subject, year int, answers []model.Answer, verdicts model.Verdicts, req model.Request, now time.Time) Doc {
	modeled := d.Modeled()
	doc := Doc{
		Title: fmt.Sprintf("Use case %d — %s: %s, %d", uc.Number, uc.Title, s.Name(), year),
		About: map[string]any{"dataset": map[string]any{
			"title":    d.Meta.Title,
			"kind":     d.Meta.Kind,
			"origin":   d.Meta.Origin,
			"built_at": d.Meta.BuiltAt,
			"modeled":  modeled,
			"notes":    d.Meta.Notes,
		}},
	}
	doc.Sections = append(doc.Sections, checklistHeader(d, uc, s, year, verdicts, req, now))
	for _, a := range answers {
		doc.Sections = append(doc.Sections, questionSections(a, verdicts[a.Question.ID])...)
	}
	doc.Sections = append(doc.Sections, checklistSummary(answers, verdicts, year))
	doc.Notes = append(doc.Notes, checklistModeledNote(d)...)
	doc.Notes = append(doc.Notes,
		"Scores are 0–100 ranks among countries: 50 is the median country.",
		"The signals are this project's reading of the evidence, by thresholds of its own (named in the README and in model/checklist.go); the Equity Landscape publishes none. They are a prompt for judgement, not a verdict: the verdicts are the reviewer's.",
	)
	return doc
}

// checklistModeledNote is the footnote of a dataset with modeled figures.
func checklistModeledNote(d *model.Dataset) []string {
	if note := ModeledNote(d, "behind this checklist"); note != "" {
		return []string{note + ": they must not be cited as measurements of any country. See `equity info`."}
	}
	return nil
}

func checklistHeader(d *model.Dataset, uc model.UseCase, s model.Subject, year int, verdicts model.Verdicts, req model.Request, now time.Time) *FieldsSection {
	subject, kind := "", model.SubjectCountry
	if s.IsRegion() {
		kind = model.SubjectRegion
		n := 0
		for _, c := range d.Countries {
			if s.Grouping.Of(c) == s.Region {
				n++
			}
		}
		subject = fmt.Sprintf("%s (%s, %d countries and territories)", s.Region, groupingName(s.Grouping), n)
	} else {
		subject = fmt.Sprintf("%s (%s)", s.Country.Name, s.Country.ISO2)
		if s.Country.WikimediaRegion != "" {
			subject += ", " + s.Country.WikimediaRegion
		}
	}
	dataset := d.Meta.Title
	if dataset == "" {
		dataset = "untitled database"
	}
	if d.Meta.Origin != "" {
		dataset += " (" + d.Meta.Origin + ")"
	}
	figures := Cell{Text: "published figures (none of the scored inputs is modeled)", Value: false}
	switch {
	case d.FullyModeled():
		figures = Cell{Text: "MODELED — the readers, editors, events, grants and affiliates figures are modeled sample data, not published figures; do not cite them", Value: true}
	case d.Modeled():
		figures = Cell{Text: "partly MODELED — still the sample's modeled figures, not published: " + ModeledNames(d) + "; the others are " + publishedWords(d), Value: true}
	}
	amount := Cell{Text: "", Value: nil}
	if req.HasAmount {
		amount = Cell{Text: Money(req.Amount), Value: req.Amount}
	}
	answered, total := verdicts.Answered(uc), len(uc.Questions)
	fields := []Field{
		{Key: "modeled", Label: "Activity figures", Cell: figures},
		{Key: "subject", Label: "Subject", Cell: Cell{Text: subject, Value: s.Name()}},
		{Key: "subject_kind", Cell: Text(kind), Show: ForScripts},
		{Key: "subject_key", Cell: Text(s.Key()), Show: ForScripts},
		{Key: "use_case", Label: "Use case", Cell: Cell{Text: fmt.Sprintf("%d — %s", uc.Number, uc.Title), Value: uc.Number}},
		{Key: "use_case_title", Cell: Text(uc.Title), Show: ForScripts},
		{Key: "actors", Label: "Actors", Cell: Cell{Text: strings.Join(uc.Actors, ", "), Value: append([]string{}, uc.Actors...)}},
		{Key: "year", Label: "Year of the figures and of the answers", Cell: Cell{Text: fmt.Sprint(year), Value: year}},
		{Key: "dataset", Label: "Dataset", Cell: Text(dataset), Show: ForReaders},
		{Key: "date", Label: "Date of this report", Cell: Text(now.Format(time.DateOnly))},
	}
	if s.IsRegion() {
		fields = append(fields, Field{Key: "region", Cell: Text(s.Region), Show: ForScripts})
	} else {
		fields = append(fields, Field{Key: "iso2", Cell: Text(s.Country.ISO2), Show: ForScripts})
	}
	if req.HasAmount {
		fields = append(fields, Field{Key: "requested_usd", Label: "Requested amount", Cell: amount})
	} else {
		fields = append(fields, Field{Key: "requested_usd", Cell: amount, Show: ForScripts})
	}
	fields = append(fields,
		Field{Key: "progress", Label: "Progress", Cell: Text(fmt.Sprintf("%d of %d questions answered", answered, total)), Show: ForReaders},
		Field{Key: "answered", Cell: Cell{Text: fmt.Sprint(answered), Value: answered}, Show: ForScripts},
		Field{Key: "questions", Cell: Cell{Text: fmt.Sprint(total), Value: total}, Show: ForScripts},
	)
	return &FieldsSection{Key: "checklist", Fields: fields}
}

// groupingName names one group of a grouping: "Wikimedia region".
func groupingName(g model.Grouping) string {
	switch g {
	case model.GroupWikimedia, "":
		return "Wikimedia region"
	case model.GroupSubregion:
		return "UN sub-region"
	case model.GroupContinent:
		return "UN continent"
	case model.GroupEmerging:
		return "emerging-community class"
	case model.GroupEconomic:
		return "economic region"
	}
	return string(g)
}

// questionSections are one question for readers: its evidence under the
// question, the countries it names, the signal, the verdict and the note.
// They are for readers only: scripts get every question whole in the
// summary that follows them all.
func questionSections(a model.Answer, v model.Verdict) []Section {
	key := "question_" + a.Question.ID
	heading := a.Question.ID + " " + a.Question.Text
	var out []Section
	if len(a.Facts) > 0 {
		t := &TableSection{Key: key, Title: heading, Show: ForReaders, Columns: []Column{
			{Key: "label", Title: "Evidence", Flex: true, Show: ForReaders},
			{Key: "value", Title: "Value", Right: true, Show: ForReaders},
			{Key: "text", Title: "Detail", Flex: true, Show: ForReaders},
			{Key: "modeled", Title: "Modeled", Show: ForReaders},
		}}
		for _, f := range a.Facts {
			value, note := FactText(f)
			if f.Kind == model.FactText {
				// Words read better beside the figures than among them.
				value, note = "", value
			}
			t.Rows = append(t.Rows, []Cell{Text(f.Label), Text(value), Text(note), Text(modeledWord(f))})
		}
		out = append(out, t)
		heading = ""
	}
	if len(a.Proposal.Candidates) > 0 {
		t := &TableSection{Key: key + "_candidates", Show: ForReaders, Columns: []Column{
			{Key: "rank", Title: "Rank", Right: true, Show: ForReaders},
			{Key: "country", Title: "Candidate", Show: ForReaders},
			{Key: "rule", Title: "Rule", Flex: true, Show: ForReaders},
			{Key: "note", Title: "Figures", Flex: true, Show: ForReaders},
			{Key: "kept", Title: "Your set", Show: ForReaders},
		}}
		set := model.SetOf(v, a.Proposal.Candidates)
		for i, m := range a.Proposal.Candidates {
			kept := "—"
			if v.Answer == model.VerdictSet {
				kept = "struck"
				for _, c := range set {
					if c == m.ISO2 {
						kept = "kept"
					}
				}
			}
			t.Rows = append(t.Rows, []Cell{Text(fmt.Sprint(i + 1)), Text(m.Name + " (" + m.ISO2 + ")"), Text(m.Rule), Text(m.Note), Text(kept)})
		}
		out = append(out, t)
	}
	if len(a.Mentions) > 0 && a.Form != model.FormSet {
		title := a.MentionsTitle
		if title == "" {
			title = "Countries"
		}
		t := &TableSection{Key: key + "_countries", Show: ForReaders, Columns: []Column{
			{Key: "country", Title: title, Show: ForReaders},
			{Key: "note", Title: "Figures", Flex: true, Show: ForReaders},
			{Key: "modeled", Title: "Modeled", Show: ForReaders},
		}}
		for _, m := range a.Mentions {
			t.Rows = append(t.Rows, []Cell{Text(m.Name + " (" + m.ISO2 + ")"), Text(m.Note), Text(yesNo(m.Modeled))})
		}
		out = append(out, t)
	}
	q := a.Question
	levels := q.LevelsOf + ": " + strings.Join(q.Levels[:], " · ")
	if q.Yes != "" {
		levels += " (" + q.Yes + ")"
	}
	fields := []Field{
		{Key: "signal", Label: "Signal", Cell: Text(levelWord(a) + " — " + a.Reason), Show: ForReaders},
		{Key: "levels", Label: "Signal, in its terms", Cell: Text(levels), Show: ForReaders},
		{Key: "reading", Label: "Rule", Cell: Text(q.Reading), Show: ForReaders},
		{Key: "form", Label: "Answered", Cell: Text(formWords(q.Form)), Show: ForReaders},
		{Key: "proposal", Label: "Proposed by the data", Cell: Text(proposalText(a)), Show: ForReaders},
		{Key: "verdict", Label: "Your verdict", Cell: Text(answerText(a, v)), Show: ForReaders},
	}
	note := strings.TrimSpace(strings.ReplaceAll(v.Note, "\r\n", "\n"))
	if note == "" {
		fields = append(fields, Field{Key: "note", Label: "Your note", Cell: Text("none"), Show: ForReaders})
	}
	out = append(out, &FieldsSection{Key: key + "_signal", Title: heading, Fields: fields, Show: ForReaders})
	if note != "" {
		t := &TableSection{Key: key + "_note", Show: ForReaders, Columns: []Column{{Key: "note", Title: "Your note", Show: ForReaders}}}
		for _, line := range strings.Split(note, "\n") {
			// CleanText drops what a terminal would obey (escape
			// sequences); the line breaks are already rows.
			t.Rows = append(t.Rows, []Cell{Text(model.CleanText(strings.TrimSpace(line)))})
		}
		out = append(out, t)
	}
	return out
}

// verdictText is a verdict for readers.
func verdictText(v model.Verdict) string {
	if v.Answer == "" {
		return "not answered yet"
	}
	return v.Answer
}

// answerText is an answer in its question's form, for readers.
func answerText(a model.Answer, v model.Verdict) string {
	if v.Answer == "" {
		return "not answered yet"
	}
	return model.AnswerText(a.Question.Form, v, a.Proposal.Candidates)
}

// levelWord is a signal in the question's terms with the signal's name:
// "few (strong)".
func levelWord(a model.Answer) string {
	level := a.Question.Level(a.Signal)
	if level == string(model.NoEvidence) {
		return level
	}
	return level + " (" + string(a.Signal) + ")"
}

// formWords says how a question is answered.
func formWords(f model.AnswerForm) string {
	switch f {
	case model.FormNumber:
		return "with a number, the data's confirmed or your own"
	case model.FormSet:
		return "with countries: the data's candidates kept or struck, others added"
	case model.FormScale:
		return "on a scale: " + strings.Join(model.ScaleLevels(), " · ")
	}
	return "yes, no or unsure"
}

// proposalText is what the data proposes, for readers.
func proposalText(a model.Answer) string {
	p := a.Proposal
	switch a.Question.Form {
	case model.FormNumber:
		if p.CountText == "" {
			return "nothing: no affiliate figure"
		}
		return p.CountText
	case model.FormSet:
		return p.Suggests(model.FormSet)
	}
	if p.Answer == "" {
		return "nothing: not enough data"
	}
	return p.Answer
}

// evidenceSummary is a question's evidence on one line, for a spreadsheet.
func evidenceSummary(a model.Answer) string {
	var parts []string
	for _, f := range a.Facts {
		value, note := FactText(f)
		part := f.Label + ": " + value
		if note != "" && f.Kind != model.FactText {
			part += " (" + note + ")"
		}
		parts = append(parts, part)
	}
	return strings.Join(parts, "; ")
}

// factClasses are the classes of the figures an answer used: each figure's
// class where it is one observation's, and "modeled" for scores made from
// modeled figures.
func factClasses(a model.Answer) []string {
	seen := map[string]bool{}
	var out []string
	add := func(c string) {
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for _, f := range a.Facts {
		switch {
		case f.Class != "":
			add(string(f.Class))
		case f.Modeled && f.OK:
			add(string(model.ClassModeled))
		}
	}
	if len(out) == 0 {
		return []string{}
	}
	return out
}

// proposalJSON is a proposal for scripts.
func proposalJSON(a model.Answer) map[string]any {
	p := a.Proposal
	var answer, count any
	if p.Answer != "" {
		answer = p.Answer
	}
	if p.HasCount {
		count = p.Count
	}
	cands := make([]map[string]any, 0, len(p.Candidates))
	for i, m := range p.Candidates {
		cands = append(cands, map[string]any{"rank": i + 1, "iso2": m.ISO2, "name": m.Name, "rule": m.Rule, "note": m.Note, "modeled": m.Modeled})
	}
	return map[string]any{"answer": answer, "count": count, "count_text": p.CountText, "candidates": cands, "summary": p.Suggests(a.Question.Form)}
}

// answerJSON is an answer's form-specific parts, for scripts.
func answerJSON(a model.Answer, v model.Verdict) any {
	if v.Answer == "" {
		return nil
	}
	out := map[string]any{"answer": v.Answer}
	switch form := a.Question.Form; {
	case form == model.FormNumber && v.Origin != "":
		out["origin"] = v.Origin
	case form == model.FormSet && v.Answer == model.VerdictSet:
		out["set"] = model.SetOf(v, a.Proposal.Candidates)
		out["kept"], out["struck"], out["added"] = orEmpty(v.Keep), orEmpty(v.Strike), orEmpty(v.Add)
	}
	return out
}

func orEmpty(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// ChecklistTable is a checklist report as one table, a row per question,
// for CSV: id, question, answer form, answer, signal, evidence summary,
// note, year and the classes of the figures used.
func ChecklistTable(doc Doc) Doc {
	out := Doc{Title: doc.Title, About: doc.About, Notes: doc.Notes}
	for _, s := range doc.Sections {
		if t, ok := s.(*TableSection); ok && t.Key == "questions" {
			out.Sections = append(out.Sections, t)
		}
	}
	return out
}

// checklistSummary is each question's signal and answer for readers, and
// everything about each question for scripts: one row per question.
func checklistSummary(answers []model.Answer, verdicts model.Verdicts, year int) *TableSection {
	t := &TableSection{Key: "questions", Title: "Summary", Columns: []Column{
		{Key: "id", Title: "Question"},
		{Key: "text", Show: ForScripts},
		{Key: "form", Title: "Answered", Wrap: true, Min: 12},
		{Key: "proposal", Show: ForScripts},
		{Key: "proposed", Show: ForScripts},
		{Key: "answer", Title: "Your answer"},
		{Key: "answer_detail", Show: ForScripts},
		{Key: "signal", Show: ForScripts},
		{Key: "level", Title: "Signal"},
		{Key: "levels", Show: ForScripts},
		{Key: "reading", Show: ForScripts},
		{Key: "reason", Show: ForScripts},
		{Key: "evidence", Show: ForScripts},
		{Key: "facts", Show: ForScripts},
		{Key: "mentions_title", Show: ForScripts},
		{Key: "mentions", Show: ForScripts},
		{Key: "verdict", Show: ForScripts},
		{Key: "note", Show: ForScripts},
		{Key: "year", Show: ForScripts},
		{Key: "classes", Show: ForScripts},
		{Key: "updated", Show: ForScripts},
	}}
	for _, a := range answers {
		v := verdicts[a.Question.ID]
		facts := make([]map[string]any, 0, len(a.Facts))
		for _, f := range a.Facts {
			facts = append(facts, factJSON(f))
		}
		mentions := make([]map[string]any, 0, len(a.Mentions))
		for _, m := range a.Mentions {
			mentions = append(mentions, map[string]any{"iso2": m.ISO2, "name": m.Name, "note": m.Note, "modeled": m.Modeled})
		}
		var mentionsTitle any
		if a.MentionsTitle != "" {
			mentionsTitle = a.MentionsTitle
		}
		verdict := Cell{Text: verdictText(v), Value: nil}
		if v.Answer != "" {
			verdict.Value = v.Answer
		}
		answer := Cell{Text: answerText(a, v), Value: nil}
		if v.Answer != "" {
			answer.Value = answer.Text
		}
		updated := Cell{Text: v.Updated, Value: nil}
		if v.Updated != "" {
			updated.Value = v.Updated
		}
		classes := factClasses(a)
		q := a.Question
		t.Rows = append(t.Rows, []Cell{
			Text(q.ID),
			Text(q.Text),
			{Text: formWords(q.Form), Value: string(q.Form)},
			{Text: proposalText(a), Value: proposalJSON(a)},
			Text(proposalText(a)),
			answer,
			{Text: "", Value: answerJSON(a, v)},
			Text(string(a.Signal)),
			{Text: levelWord(a), Value: q.Level(a.Signal)},
			Text(q.LevelsOf + ": " + strings.Join(q.Levels[:], " · ")),
			Text(q.Reading),
			Text(a.Reason),
			Text(evidenceSummary(a)),
			{Text: "", Value: facts},
			{Text: a.MentionsTitle, Value: mentionsTitle},
			{Text: "", Value: mentions},
			verdict,
			Text(v.Note),
			{Text: fmt.Sprint(year), Value: year},
			{Text: strings.Join(classes, " "), Value: classes},
			updated,
		})
	}
	return t
}

// FactText formats a fact for reading by its kind: the value ("91.3",
// "37.6%", "1.2 k", "$12,300", "2.4×", or a text fact's words) and the note
// that goes beside it. A missing value is "—", with the fact's words saying
// why ("no activity recorded"); a fact with a range is only its range
// ("11–20", "$500–$5,000").
func FactText(f model.Fact) (value, note string) {
	if f.Kind == model.FactText {
		return f.Text, ""
	}
	if !f.OK {
		return "—", f.Text
	}
	if f.Range != nil {
		switch f.Kind {
		case model.FactCount:
			value = Range(*f.Range)
		case model.FactMoney:
			// A narrow range of dollars reads as one figure: "$12", not
			// "$12–$12".
			value = Money(f.Range.Lower)
			if hi := Money(f.Range.Upper); hi != value {
				value += "–" + hi
			}
		default:
			value = Number(f.Range.Lower) + "–" + Number(f.Range.Upper)
		}
		return value, asOf(f.Text)
	}
	switch f.Kind {
	case model.FactScore:
		value = Score(f.Value)
	case model.FactPercent:
		value = Percent(f.Value)
	case model.FactCount:
		value = Number(f.Value)
	case model.FactMoney:
		value = Money(f.Value)
	case model.FactRatio:
		value = strconv.FormatFloat(f.Value, 'f', 1, 64) + "×"
	default:
		value = Number(f.Value)
	}
	return value, asOf(f.Text)
}

// asOf reads a note that is only a year as the year of the figure: "as of
// 2014".
func asOf(s string) string {
	if len(s) == 4 && strings.Trim(s, "0123456789") == "" {
		return "as of " + s
	}
	return s
}

// factUnit names a fact's kind for scripts.
func factUnit(k model.FactKind) string {
	switch k {
	case model.FactScore:
		return "score"
	case model.FactPercent:
		return "percent"
	case model.FactCount:
		return "count"
	case model.FactMoney:
		return "usd"
	case model.FactRatio:
		return "ratio"
	}
	return "text"
}

// factJSON is a fact for scripts: its value as a number (null when missing,
// a text fact, or a fact shown only as a range), the range's lower and upper
// ends (null without one), its unit, its words and whether it is modeled.
func factJSON(f model.Fact) map[string]any {
	var value, lower, upper any
	switch {
	case !f.OK || f.Kind == model.FactText:
	case f.Range != nil:
		lower, upper = roundTo(f.Range.Lower, 4), roundTo(f.Range.Upper, 4)
	case !math.IsNaN(f.Value) && !math.IsInf(f.Value, 0):
		value = roundTo(f.Value, 4)
		if f.Kind == model.FactScore {
			value = roundTo(f.Value, 2) // ranks: as the other commands give them
		}
	}
	return map[string]any{
		"label":   f.Label,
		"value":   value,
		"lower":   lower,
		"upper":   upper,
		"unit":    factUnit(f.Kind),
		"text":    f.Text,
		"modeled": f.Modeled,
		"class":   string(f.Class),
	}
}

// roundTo keeps the decimals that mean something.
func roundTo(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// modeledWord says in the evidence's Modeled column whether a figure is
// modeled; an estimate says so rather than passing for published, and a
// fact with no figure says nothing.
func modeledWord(f model.Fact) string {
	switch {
	case !f.OK && f.Kind != model.FactText:
		return ""
	case f.OK && f.Class == model.ClassEstimated:
		return "estimated"
	}
	return yesNo(f.Modeled)
}
