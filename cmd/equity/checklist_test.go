package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store/session"
)

// The questions of the two use cases, word for word from the Equity
// Landscape's pilot and consultation page (../shared/seeds).
var (
	useCase1 = []string{
		"Is a potential partner or grantee proposing a project in a country, language, and project space with an adequate reader or editor presence and/or high growth potential, to accomplish its goal(s)?",
		"Is a partnership opportunity or grant request in line with the country’s Wikimedia presence, and proportionate to their base?",
		"Might a potential partner or grantee face potential barriers to freedom or access which may prevent reaching goals in the targeted geographic space(s)?",
		"How many other affiliates may be operating in the same space.",
	}
	useCase2 = []string{
		"Which countries or regions have a strong affiliate presence and reader base but are lacking in editorship?",
		"Does a country or region have a well-balanced movement organizer ecosystem to support an international event or extensive collaborative partnership?",
		"Which countries and regions have the most potential for growth in different domains?",
		"To what extent does a country engage in various languages and projects?",
		"What countries may need capacity support to enable movement coordination?",
	}
)

// checklistEnv gives a test its own data directory and a fixed date. The
// session store reads $EQUITY_DATA from the process (session.DefaultDir
// calls os.Getenv), not from the runner's environment map, so it is set with
// t.Setenv: without it the tests would read the saved checklists of whoever
// runs them.
func checklistEnv(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv(session.EnvDir, dir)
	return dir
}

// questionBlocks splits a Markdown report at its third-level headings.
func questionBlocks(md string) map[string]string {
	blocks := map[string]string{}
	for _, part := range strings.Split(md, "\n### ")[1:] {
		heading, _, _ := strings.Cut(part, "\n")
		blocks[heading] = part
	}
	return blocks
}

// The acceptance checks: each use case's questions word for word,
// each with evidence and a signal.
func TestChecklistQuestionsWordForWord(t *testing.T) {
	checklistEnv(t)
	tests := []struct {
		args      []string
		prefix    string
		questions []string
	}{
		{[]string{"checklist", "1", "--country", "NG", "--format", "md"}, "1.", useCase1},
		{[]string{"checklist", "2", "--region", "South Asia", "--format", "md"}, "2.", useCase2},
		{[]string{"checklist", "2", "--country", "BR"}, "2.", useCase2},
	}
	signals := []model.Signal{model.Strong, model.Mixed, model.Weak, model.NoEvidence}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[1:], " "), func(t *testing.T) {
			out, errOut, status := equity(t, nil, tt.args...)
			if status != 0 || errOut != "" {
				t.Fatalf("status %d, stderr %q", status, errOut)
			}
			blocks := questionBlocks(out)
			for i, q := range tt.questions {
				id := tt.prefix + string(rune('1'+i))
				block, ok := blocks[id+" "+q]
				if !ok {
					t.Errorf("no heading holds question %s word for word: %q", id, q)
					continue
				}
				if !strings.Contains(block, "\n| Evidence | Value | Detail | Modeled |\n| --- | ---: | --- | --- |\n| ") {
					t.Errorf("question %s has no evidence", id)
				}
				hasSignal := false
				for _, s := range signals {
					// The signal in the question's terms, with its name:
					// "few (strong) — …".
					hasSignal = hasSignal || strings.Contains(block, "\n- **Signal:** ") && strings.Contains(block, " ("+string(s)+") — ") ||
						s == model.NoEvidence && strings.Contains(block, "\n- **Signal:** not enough data — ")
				}
				if !hasSignal {
					t.Errorf("question %s has no signal with a reason:\n%s", id, block)
				}
			}
			if len(blocks) != len(tt.questions)+1 { // and the summary
				t.Errorf("%d headings, want %d questions and the summary", len(blocks), len(tt.questions))
			}
			// The sample's readership is estimated from published page
			// views; the other activity figures are modeled.
			if !strings.Contains(out, "- **Activity figures:** partly MODELED") || !strings.Contains(out, "> SAMPLE DATA, PARTLY MODELED:") {
				t.Errorf("the report does not say the figures are partly modeled")
			}
		})
	}
}

func TestChecklistGolden(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"checklist-1-ng-50000.md", []string{"checklist", "1", "--country", "NG", "--amount", "50000"}},
		{"checklist-2-south-asia.md", []string{"checklist", "2", "--region", "South Asia"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checklistEnv(t)
			out, errOut, status := equity(t, nil, tt.args...)
			if status != 0 || errOut != "" {
				t.Fatalf("equity %v: status %d, stderr %q", tt.args, status, errOut)
			}
			golden(t, tt.name, out)
		})
	}
}

// The verdicts and notes saved in the explorer are in the report, and the
// command saves nothing of its own.
func TestChecklistSavedVerdicts(t *testing.T) {
	dir := checklistEnv(t)
	st := session.New(dir)
	note := "Talk to the user group first.\n# budget | *twice* last year\n\n- and the hub"
	if _, err := st.Save(1, "NG", model.Verdicts{
		"1.1": {Answer: model.VerdictYes, Updated: "2025-03-01T10:00:00Z"},
		"1.3": {Answer: model.VerdictUnsure, Note: note, Updated: "2025-03-02T10:00:00Z"},
	}, session.Meta{Subject: "Nigeria", Year: 2024}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Save(2, "region-south-asia", model.Verdicts{"2.5": {Answer: model.VerdictNo, Note: "Not this year."}}, session.Meta{Subject: "South Asia", Year: 2024}); err != nil {
		t.Fatal(err)
	}
	before := listFiles(t, dir)

	out, errOut, status := equity(t, nil, "checklist", "1", "--country", "nigeria", "--year", "2024")
	if status != 0 || errOut != "" {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	blocks := questionBlocks(out)
	for _, want := range []struct{ q, text string }{
		{"1.1 " + useCase1[0], "- **Your verdict:** yes\n"},
		{"1.1 " + useCase1[0], "- **Your note:** none\n"},
		{"1.2 " + useCase1[1], "- **Your verdict:** not answered yet\n"},
		{"1.3 " + useCase1[2], "- **Your verdict:** unsure\n"},
		{"1.3 " + useCase1[2], "| Your note |\n| --- |\n| Talk to the user group first. |\n| # budget \\| \\*twice\\* last year |\n|  |\n| - and the hub |\n"},
	} {
		if !strings.Contains(blocks[want.q], want.text) {
			t.Errorf("question %.3s lacks %q:\n%s", want.q, want.text, blocks[want.q])
		}
	}
	verdictOf := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		if cells := strings.Split(line, " | "); len(cells) == 4 && strings.HasPrefix(line, "| 1.") {
			verdictOf[strings.TrimPrefix(cells[0], "| ")] = cells[2]
		}
	}
	if !strings.Contains(out, "- **Progress:** 2 of 4 questions answered\n") ||
		verdictOf["1.1"] != "yes" || verdictOf["1.2"] != "not answered yet" || verdictOf["1.3"] != "unsure" || verdictOf["1.4"] != "not answered yet" {
		t.Errorf("progress or summary without the saved verdicts: %v\n%s", verdictOf, out)
	}

	out, _, _ = equity(t, nil, "checklist", "1", "--country", "NG", "--format", "json", "--year", "2024")
	var doc struct {
		Checklist struct{ Answered int }
		Questions []struct {
			ID      string
			Verdict *string
			Note    string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Checklist.Answered != 2 || len(doc.Questions) != 4 || doc.Questions[2].Verdict == nil || *doc.Questions[2].Verdict != "unsure" || doc.Questions[2].Note != note {
		t.Errorf("JSON verdicts: %+v", doc)
	}

	out, _, _ = equity(t, nil, "checklist", "2", "--region", "south", "--year", "2024")
	// An answer saved as yes/no before 2.5 took its own form is kept as given.
	if !strings.Contains(questionBlocks(out)["2.5 "+useCase2[4]], "- **Your verdict:** no (given as yes/no before this question took its own form)\n") || !strings.Contains(out, "| Not this year. |") {
		t.Errorf("the region's saved verdict is missing:\n%s", out)
	}
	// Another subject's checklist is not this one's.
	out, _, _ = equity(t, nil, "checklist", "2", "--country", "NG")
	if strings.Contains(out, "Not this year.") || strings.Contains(out, "Talk to the user group") {
		t.Errorf("verdicts of another checklist in Nigeria's use case 2")
	}
	if after := listFiles(t, dir); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Errorf("the command wrote to the data directory: before %q, after %q", before, after)
	}
}

func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out = append(out, rel+" "+info.ModTime().String())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A saved checklist that cannot be read never stops the report: it is set
// aside (by the store, as the explorer would), said on stderr in one line and
// in the report's notes, and the report comes without verdicts.
func TestChecklistCorruptSession(t *testing.T) {
	dir := checklistEnv(t)
	path, err := session.New(dir).Path(1, "NG")
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(path), 0o700)
	if err := os.WriteFile(path, []byte(`{"version": 1, "use_case": 1, "subject_key": "NG", "verdicts": {"1.1": {"answer": "yes"`), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, status := equity(t, nil, "checklist", "1", "--country", "NG")
	if status != 0 {
		t.Errorf("status %d, want 0: the report is still printed", status)
	}
	if !strings.HasPrefix(errOut, "equity: the saved checklist ") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 ||
		!strings.Contains(errOut, "is not valid JSON") || !strings.Contains(errOut, "set aside as ") {
		t.Errorf("stderr is not one line saying what happened: %q", errOut)
	}
	if len(questionBlocks(out)) != 5 || strings.Count(out, "- **Your verdict:** not answered yet\n") != 4 {
		t.Errorf("the report is not whole, or has verdicts:\n%s", out)
	}
	if !strings.Contains(out, "> Saved verdicts left out: the saved checklist ") {
		t.Errorf("the report does not say its verdicts were left out:\n%s", out)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the corrupt file is still in place: %v", err)
	}
	aside, _ := filepath.Glob(path + ".corrupt-*")
	if len(aside) != 1 {
		t.Errorf("the corrupt file was not set aside: %v", aside)
	}

	out, _, _ = equity(t, nil, "checklist", "1", "--country", "NG", "--format", "json", "--year", "2024")
	var doc struct {
		VerdictsError string `json:"verdicts_error"`
	}
	if json.Unmarshal([]byte(out), &doc); doc.VerdictsError != "" {
		t.Errorf("verdicts_error %q after the file was set aside", doc.VerdictsError)
	}
}

// With no data directory at all, the report is printed without verdicts.
func TestChecklistNoDataDirectory(t *testing.T) {
	checklistEnv(t)
	for _, k := range []string{session.EnvDir, "HOME", "XDG_DATA_HOME", "LocalAppData", "USERPROFILE"} {
		t.Setenv(k, "")
	}
	out, errOut, status := equity(t, nil, "checklist", "1", "--country", "NG", "--format", "json", "--year", "2024")
	if status != 0 || !strings.HasPrefix(errOut, "equity: saved verdicts cannot be looked for: ") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("status %d, stderr %q", status, errOut)
	}
	var doc struct {
		VerdictsError string `json:"verdicts_error"`
		Questions     []struct{ Signal string }
		Notes         []string
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Questions) != 4 || doc.VerdictsError == "" || !strings.HasPrefix(doc.Notes[len(doc.Notes)-1], "Saved verdicts left out: ") {
		t.Errorf("JSON %+v", doc)
	}
}

func TestChecklistFormatsAndYear(t *testing.T) {
	checklistEnv(t)
	out, _, status := equity(t, nil, "checklist", "2", "--country", "IN", "--format", "json")
	var doc struct {
		Checklist struct {
			UseCase     int    `json:"use_case"`
			SubjectKind string `json:"subject_kind"`
		}
		Questions []struct{ Signal string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || status != 0 {
		t.Fatalf("status %d, %v", status, err)
	}
	if doc.Checklist.UseCase != 2 || doc.Checklist.SubjectKind != "country" || len(doc.Questions) != 5 {
		t.Errorf("%+v", doc)
	}
	out, _, status = equity(t, nil, "checklist", "1", "-c", "br", "--year", "2019", "--format", "table")
	if status != 0 || !strings.HasPrefix(out, "Use case 1 — Direct grant funds and resource opportunities to spaces ready for growth: Brazil, 2019\n") ||
		!strings.Contains(out, "\nYear of the figures and of the answers  2019\n") || strings.Contains(out, "**") {
		t.Errorf("table for 2019: status %d\n%s", status, out)
	}
	out, _, _ = equity(t, nil, "checklist", "1", "--country", "NG", "--amount", "$1.2m", "-f", "markdown")
	if !strings.Contains(out, "- **Requested amount:** $1.2 M\n") || !strings.Contains(out, "| Requested amount | $1.2 M |  | no |\n") {
		t.Errorf("the amount is not in the report:\n%s", out)
	}
}

// Mistakes on the command line end in one sentence on stderr, status 2,
// and nothing on stdout.
func TestChecklistBadInput(t *testing.T) {
	checklistEnv(t)
	tests := []struct {
		name string
		args []string
		say  string
	}{
		{"use case 3", []string{"checklist", "3", "--country", "NG"}, `there is no use case "3"; the use cases are 1 (Direct grant funds`},
		{"use case not a number", []string{"checklist", "one", "--country", "NG"}, `there is no use case "one"`},
		{"no use case", []string{"checklist", "--country", "NG"}, "accepts 1 arg"},
		{"both country and region", []string{"checklist", "2", "--country", "NG", "--region", "South Asia"}, "give --country or --region, not both. Run `equity --help` for usage."},
		{"neither, use case 1", []string{"checklist", "1"}, "use case 1 is asked of a country: give --country CODE."},
		{"neither, use case 2", []string{"checklist", "2"}, "use case 2 is asked of a country or a region: give --country CODE or --region NAME."},
		{"region with use case 1", []string{"checklist", "1", "--region", "South Asia"}, "use case 1 is asked of a country, not a region: give --country CODE."},
		{"bad amount", []string{"checklist", "1", "--country", "NG", "--amount", "lots"}, `--amount: "lots" is not an amount in US dollars; write it as 50000, 50,000, $50k or 1.2m.`},
		{"negative amount", []string{"checklist", "1", "--country", "NG", "--amount", "-5"}, `--amount: "-5" is not an amount in US dollars`},
		{"zero amount", []string{"checklist", "1", "--country", "NG", "--amount", "0"}, `--amount: the amount must be more than $0, not "0"`},
		{"amount with use case 2", []string{"checklist", "2", "--country", "NG", "--amount", "5000"}, "--amount is the grant requested of use case 1; use case 2 takes none"},
		{"unknown country", []string{"checklist", "1", "--country", "atlantis"}, `no country matches "atlantis"; did you mean`},
		{"ambiguous country", []string{"checklist", "1", "--country", "nige"}, "Niger (NE), Nigeria (NG)"},
		{"unknown region", []string{"checklist", "2", "--region", "Atlantis"}, `no Wikimedia region matches "Atlantis"; the regions are "Central & Eastern Europe & Central Asia", `},
		{"unknown format", []string{"checklist", "1", "--country", "NG", "--format", "xml"}, `unknown format "xml"; use one of md, json, csv, table`},
		{"answer off its form", []string{"checklist", "1", "--country", "NG", "--answer", "1.1=maybe"}, `--answer 1.1: question 1.1 takes yes, no or unsure, not "maybe"`},
		{"answer without =", []string{"checklist", "1", "--country", "NG", "--answer", "1.1"}, `--answer "1.1": write it as ID=ANSWER`},
		{"answer to another use case", []string{"checklist", "1", "--country", "NG", "--answer", "2.1=+KE"}, "this use case's questions are 1.1, 1.2, 1.3, 1.4"},
		{"count not a number", []string{"checklist", "1", "--country", "NG", "--answer", "1.4=many"}, "takes a whole number of affiliates"},
		{"set of no country", []string{"checklist", "2", "--region", "Sub", "--answer", "2.1=+atlantis"}, `no country matches "atlantis"`},
		{"scale off the scale", []string{"checklist", "2", "--country", "NG", "--answer", "2.4=lots"}, "takes one of not at all, a little, somewhat, a great deal"},
		{"year out of range", []string{"checklist", "1", "--country", "NG", "--year", "2031"}, "no figures for 2031"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, status := equity(t, nil, tt.args...)
			if status != exitUsage {
				t.Errorf("status %d, want %d", status, exitUsage)
			}
			if out != "" {
				t.Errorf("printed to stdout: %q", out)
			}
			if !strings.Contains(errOut, tt.say) {
				t.Errorf("stderr %q does not say %q", errOut, tt.say)
			}
			if strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.HasPrefix(errOut, "equity: ") {
				t.Errorf("stderr is not one line starting \"equity: \": %q", errOut)
			}
		})
	}
}

// `equity checklist 1 --country NG --format json` gives each question's
// answer form and the data's proposal; --answer takes answers in each form.
func TestChecklistAnswerForms(t *testing.T) {
	checklistEnv(t)
	out, errOut, status := equity(t, nil, "checklist", "1", "--country", "NG", "--format", "json", "--year", "2024",
		"--answer", "1.1=yes", "--answer", "1.3=no", "--answer", "1.4=data")
	if status != 0 || errOut != "" {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	var doc struct {
		Questions []struct {
			ID       string
			Form     string
			Level    string
			Signal   string
			Year     int
			Classes  []string
			Evidence string
			Proposal struct {
				Answer     *string
				Count      *float64
				CountText  string `json:"count_text"`
				Candidates []struct{ ISO2, Rule string }
			}
			AnswerDetail map[string]any `json:"answer_detail"`
			Answer       *string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	forms := map[string]string{"1.1": "yes/no", "1.2": "yes/no", "1.3": "yes/no", "1.4": "number"}
	for _, q := range doc.Questions {
		if q.Form != forms[q.ID] || q.Level == "" || q.Year == 0 || q.Evidence == "" || q.Classes == nil {
			t.Errorf("%s: %+v", q.ID, q)
		}
	}
	q4 := doc.Questions[3]
	if q4.Proposal.Count == nil || q4.Proposal.CountText == "" || q4.Answer == nil || q4.AnswerDetail["origin"] != "data" {
		t.Errorf("1.4: the count proposed and confirmed: %+v", q4)
	}
	if q1 := doc.Questions[0]; q1.Answer == nil || *q1.Answer != "yes" || q1.Proposal.Answer == nil {
		t.Errorf("1.1: %+v", q1)
	}

	// A region's set: ranked candidates, each with its rule; one struck,
	// one added.
	out, _, status = equity(t, nil, "checklist", "2", "--region", "Sub-Saharan", "--format", "json")
	if status != 0 {
		t.Fatal(status)
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	forms = map[string]string{"2.1": "set", "2.2": "yes/no", "2.3": "set", "2.4": "scale", "2.5": "set"}
	var cands []struct{ ISO2, Rule string }
	for _, q := range doc.Questions {
		if q.Form != forms[q.ID] {
			t.Errorf("%s: form %q", q.ID, q.Form)
		}
		if q.Form == "set" && len(q.Proposal.Candidates) > 0 && cands == nil {
			cands = q.Proposal.Candidates
			for _, c := range cands {
				if c.Rule == "" {
					t.Errorf("%s: candidate %s without its rule", q.ID, c.ISO2)
				}
			}
		}
		if q.ID == "2.4" && (q.Proposal.Answer == nil || *q.Proposal.Answer == "") {
			t.Errorf("2.4 proposes no point of the scale")
		}
	}

	// CSV: a row per question.
	out, errOut, status = equity(t, nil, "checklist", "2", "--country", "NG", "--format", "csv", "--answer", "2.4=somewhat", "--answer", "2.1=+KE")
	if status != 0 || errOut != "" {
		t.Fatalf("csv: status %d, %q", status, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "id,text,form,proposal,proposed,answer,") || !strings.Contains(lines[0], ",evidence,") || !strings.Contains(lines[0], ",year,classes,") {
		t.Errorf("csv header %q", lines[0])
	}
	if !strings.Contains(out, "\n2.4,") || !strings.Contains(out, ",scale,") || !strings.Contains(out, ",somewhat,") || !strings.Contains(out, "KE") {
		t.Errorf("csv:\n%s", out)
	}
}

func TestChecklistNotSaved(t *testing.T) {
	if checklistNotSaved(nil) != nil {
		t.Error("no error made one")
	}
	err := checklistNotSaved(errors.New("did not save the checklist to /x/uc1-NG.json: flushing to disk failed (no space left on device)"))
	if err == nil || !strings.Contains(err.Error(), "no space left on device") || strings.Contains(err.Error(), "\n") {
		t.Errorf("%v", err)
	}
}

// The explorer's end: a checklist save that failed at exit makes the exit
// status 1 and says why, whatever ended the program; a plain quit is 0.
func TestExplorerExit(t *testing.T) {
	saveFailed := errors.New("did not save the checklist to /x/uc1-NG.json: no space left on device")
	tests := []struct {
		name             string
		runErr, flushErr error
		want             string // "" for no error
	}{
		{"quit, all saved", nil, nil, ""},
		{"killed, all saved", tea.ErrProgramKilled, nil, ""},
		{"interrupted, all saved", context.Canceled, nil, ""},
		{"quit, the last save failed", nil, saveFailed, "could not be saved"},
		{"killed, the last save failed", tea.ErrProgramKilled, saveFailed, "could not be saved"},
		{"stopped, and the last save failed", errors.New("no terminal"), saveFailed, "the explorer stopped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := explorerExit(tt.runErr, tt.flushErr)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("explorerExit = %v, want none", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("explorerExit = %v, want one saying %q", err, tt.want)
			case tt.flushErr != nil && err != nil && !strings.Contains(err.Error(), "could not be saved"):
				t.Errorf("explorerExit = %v: the failed save is not said", err)
			}
		})
	}
}
