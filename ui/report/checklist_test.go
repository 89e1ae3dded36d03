package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/ui/report"
)

// update is the package's only -update flag: if another test file of the
// package comes to define one, this one goes.
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// reportDate is the date the test reports are written on.
var reportDate = time.Date(2025, 3, 4, 17, 30, 0, 0, time.FixedZone("", -8*3600))

// multiLineNote is a note with every character Markdown gives a meaning to,
// at the start of lines and inside them.
const multiLineNote = "Strong base, but check the budget | *staffing* _line_ [link](x) <b>bold</b> `code` \\ back\n" +
	"# not a heading\n" +
	"- not a list item\n" +
	"\n" +
	"1. not a numbered item\n" +
	"> not a quote\n" +
	"---\n" +
	"```\n" +
	"    not code either"

func sample(t *testing.T) *model.Dataset {
	t.Helper()
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// handAnswers are use case 1's questions with hand-made evidence of every
// kind, so that the report's layout is tested apart from the model's
// reading of the data.
func handAnswers(uc model.UseCase) []model.Answer {
	qs := uc.Questions
	return []model.Answer{
		{Question: qs[0], Facts: []model.Fact{
			{Label: "Readership presence", Kind: model.FactScore, Value: 96.2656, OK: true, Text: "1 of 53 in region", Modeled: true},
			{Label: "Editorship growth", Kind: model.FactScore, Text: model.NoActivity, Modeled: true},
			{Label: "Unique devices a month", Kind: model.FactCount, Value: 34973944, OK: true, Modeled: true},
			{Label: "Main languages and their Wikipedias", Kind: model.FactText, Text: "English 53% (enwiki); Yoruba 13% (yowiki)", OK: true},
		}, Signal: model.Strong, Reason: "readership presence 96.3, at or above the median (50.0)"},
		{Question: qs[1], Facts: []model.Fact{
			{Label: "Grant dollars this year", Kind: model.FactMoney, Value: 101600, OK: true, Modeled: true},
			{Label: "Requested amount", Kind: model.FactMoney, Value: 50000, OK: true},
			{Label: "Requested ÷ this year's grant dollars", Kind: model.FactRatio, Value: 0.4921, OK: true, Modeled: true},
		}, Signal: model.Mixed, Reason: "grants leadership 70.1 runs 20.0 points ahead of editorship presence 50.1"},
		{Question: qs[2], Facts: []model.Fact{
			{Label: "Internet users", Kind: model.FactPercent, Value: 37.59, OK: true, Text: "2014"},
			{Label: "Literacy", Kind: model.FactPercent},
		}, Signal: model.Weak, Reason: "barriers: internet users 17.6%, literacy 41.0%"},
		{Question: qs[3], Facts: []model.Fact{
			{Label: "Affiliates in the country", Kind: model.FactCount, Value: 2, OK: true, Modeled: true},
		}, MentionsTitle: "Affiliates in countries sharing a main language", Mentions: []model.Mention{
			{ISO2: "GH", Name: "Ghana", Note: "1 affiliate; shares English", Modeled: true},
			{ISO2: "XX", Name: "Pipe | Land", Note: "2 affiliates; shares *Yoruba*"},
		}, Signal: model.NoEvidence, Reason: "no affiliate figure for the country"},
	}
}

func handVerdicts() model.Verdicts {
	return model.Verdicts{
		"1.1": {Answer: model.VerdictYes, Note: "Readers are there.", Updated: "2025-03-01T10:00:00Z"},
		"1.2": {Answer: model.VerdictUnsure, Note: multiLineNote, Updated: "2025-03-02T11:00:00Z"},
		"1.4": {Note: "Ask the Ghanaian user group."},
	}
}

func handDoc(t *testing.T) report.Doc {
	t.Helper()
	d := sample(t)
	uc, _ := model.UseCaseByNumber(1)
	ng, err := d.FindCountry("NG")
	if err != nil {
		t.Fatal(err)
	}
	req := model.Request{Amount: 50000, HasAmount: true}
	return report.Checklist(d, uc, model.Subject{Country: ng}, 2024, handAnswers(uc), handVerdicts(), req, reportDate)
}

func render(t *testing.T, doc report.Doc, f report.Format) string {
	t.Helper()
	var b bytes.Buffer
	if err := report.Write(&b, doc, f, report.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// goldenFile compares got with testdata/name, or rewrites it under -update.
func goldenFile(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run `go test ./ui/report -update` to create it)", err)
	}
	if got != string(want) {
		w, g := strings.Split(string(want), "\n"), strings.Split(got, "\n")
		for i := 0; i < len(w) || i < len(g); i++ {
			var wl, gl string
			if i < len(w) {
				wl = w[i]
			}
			if i < len(g) {
				gl = g[i]
			}
			if wl != gl {
				t.Fatalf("output differs from %s (review, then `go test ./ui/report -update`): line %d:\n  want %s\n  got  %s", path, i+1, wl, gl)
			}
		}
	}
}

// The Markdown report is what a reviewer pastes: the golden file holds it
// whole.
func TestChecklistMarkdownGolden(t *testing.T) {
	goldenFile(t, "checklist-hand.md", render(t, handDoc(t), report.Markdown))
}

func TestChecklistMarkdown(t *testing.T) {
	md := render(t, handDoc(t), report.Markdown)
	uc, _ := model.UseCaseByNumber(1)
	for _, want := range []string{
		"## Use case 1 — Direct grant funds and resource opportunities to spaces ready for growth: Nigeria, 2024\n",
		// The sample's readership is estimated; its other activity
		// figures are modeled.
		"- **Activity figures:** partly MODELED — ",
		"- **Subject:** Nigeria (NG), Sub-Saharan Africa\n",
		"- **Dataset:** Wikimedia Movement Equity Landscape — sample data (the embedded database)\n",
		"- **Date of this report:** 2025-03-04\n", // the date where it was written, not UTC's
		"- **Actors:** Grant applicants, Grants officers, Grant-making committees, Regional hub organizers, Potential Partners\n",
		"- **Requested amount:** $50,000\n",
		"- **Progress:** 2 of 4 questions answered\n",
		// values by kind, a missing one with its reason, modeled marked
		"| Readership presence | 96.3 | 1 of 53 in region | yes |\n",
		"| Editorship growth | — | no activity recorded |  |\n",
		"| Unique devices a month | 34.97 M |  | yes |\n",
		"| Main languages and their Wikipedias |  | English 53% (enwiki); Yoruba 13% (yowiki) | no |\n",
		"| Grant dollars this year | $101,600 |  | yes |\n",
		"| Requested ÷ this year's grant dollars | 0.5× |  | yes |\n",
		"| Internet users | 37.6% | as of 2014 | no |\n",
		"| Literacy | — |  |  |\n",
		// mentions, escaped
		"| Affiliates in countries sharing a main language | Figures | Modeled |\n",
		"| Ghana (GH) | 1 affiliate; shares English | yes |\n",
		"| Pipe \\| Land (XX) | 2 affiliates; shares \\*Yoruba\\* | no |\n",
		// signal, reading, verdict
		"- **Signal:** adequate (strong) — readership presence 96.3, at or above the median (50.0)\n",
		"- **Signal:** not enough data — no affiliate figure for the country\n",
		"- **Rule:** a barrier is internet users under 20%",
		"- **Your verdict:** yes\n",
		"- **Your verdict:** unsure\n",
		"- **Your verdict:** not answered yet\n",
		"- **Your note:** none\n",
		"| Your note |\n| --- |\n| Readers are there. |\n",
		"| Ask the Ghanaian user group. |\n",
		// the summary
		"| 1.1 | yes, no or unsure | yes | adequate (strong) |\n",
		"| 1.3 | yes, no or unsure | not answered yet | many (weak) |\n",
		"| 1.4 | with a number, the data's confirmed or your own | not answered yet | not enough data |\n",
		"> SAMPLE DATA, PARTLY MODELED: ",
		"thresholds of its own (named in the README",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	for _, q := range uc.Questions {
		if !strings.Contains(md, "\n### "+q.ID+" "+q.Text+"\n") {
			t.Errorf("Markdown lacks the heading of question %s word for word", q.ID)
		}
	}
}

// A multi-line note keeps its lines, and none of them can become Markdown
// structure: each is a row of a one-column table, escaped.
func TestChecklistMarkdownNote(t *testing.T) {
	md := render(t, handDoc(t), report.Markdown)
	want := "| Your note |\n| --- |\n" +
		"| Strong base, but check the budget \\| \\*staffing\\* \\_line\\_ \\[link\\](x) &lt;b&gt;bold&lt;/b&gt; \\`code\\` \\\\ back |\n" +
		"| # not a heading |\n" +
		"| - not a list item |\n" +
		"|  |\n" +
		"| 1. not a numbered item |\n" +
		"| &gt; not a quote |\n" +
		"| --- |\n" +
		"| \\`\\`\\` |\n" +
		"| not code either |\n"
	if !strings.Contains(md, want) {
		t.Errorf("the multi-line note is not a table of its lines:\n%s", md)
	}
	for _, line := range strings.Split(md, "\n") {
		for _, bad := range []string{"# not", "- not", "1. not", "> not", "```", "    not"} {
			if strings.HasPrefix(line, bad) {
				t.Errorf("a note line became Markdown structure: %q", line)
			}
		}
	}
}

func TestChecklistJSON(t *testing.T) {
	out := render(t, handDoc(t), report.JSON)
	var doc struct {
		Checklist struct {
			UseCase      int      `json:"use_case"`
			Subject      string   `json:"subject"`
			SubjectKind  string   `json:"subject_kind"`
			SubjectKey   string   `json:"subject_key"`
			ISO2         string   `json:"iso2"`
			Year         int      `json:"year"`
			Date         string   `json:"date"`
			Modeled      bool     `json:"modeled"`
			RequestedUSD *float64 `json:"requested_usd"`
			Answered     int      `json:"answered"`
			Questions    int      `json:"questions"`
			Actors       []string `json:"actors"`
		}
		Dataset struct {
			Modeled bool
			Origin  string
		}
		Notes     []string
		Questions []struct {
			ID, Text, Reading, Signal, Reason string
			Facts                             []struct {
				Label, Unit, Text string
				Value             *float64
				Modeled           bool
			}
			MentionsTitle *string `json:"mentions_title"`
			Mentions      []struct{ ISO2, Name, Note string }
			Verdict       *string
			Note          string
			Updated       *string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	c := doc.Checklist
	if c.UseCase != 1 || c.Subject != "Nigeria" || c.SubjectKind != "country" || c.SubjectKey != "NG" || c.ISO2 != "NG" ||
		c.Year != 2024 || c.Date != "2025-03-04" || !c.Modeled || c.RequestedUSD == nil || *c.RequestedUSD != 50000 ||
		c.Answered != 2 || c.Questions != 4 || len(c.Actors) != 5 {
		t.Errorf("checklist %+v", c)
	}
	if !doc.Dataset.Modeled || doc.Dataset.Origin == "" || len(doc.Notes) != 3 {
		t.Errorf("dataset %+v, notes %q", doc.Dataset, doc.Notes)
	}
	if len(doc.Questions) != 4 {
		t.Fatalf("%d questions, want 4", len(doc.Questions))
	}
	q := doc.Questions
	if q[0].ID != "1.1" || q[0].Text == "" || q[0].Reading == "" || q[0].Signal != "strong" || q[0].Reason == "" {
		t.Errorf("question 1.1: %+v", q[0])
	}
	f := q[0].Facts
	if len(f) != 4 || f[0].Unit != "score" || f[0].Value == nil || *f[0].Value != 96.27 || !f[0].Modeled || f[0].Text != "1 of 53 in region" {
		t.Errorf("facts of 1.1: %+v", f)
	}
	if f[1].Value != nil || f[1].Text != model.NoActivity || f[3].Unit != "text" || f[3].Value != nil || f[3].Text == "" {
		t.Errorf("a missing fact or a text fact: %+v, %+v", f[1], f[3])
	}
	if u := q[1].Facts[0].Unit + " " + q[1].Facts[2].Unit + " " + q[2].Facts[0].Unit + " " + q[3].Facts[0].Unit; u != "usd ratio percent count" {
		t.Errorf("units %q", u)
	}
	if q[0].Verdict == nil || *q[0].Verdict != "yes" || q[0].Updated == nil || q[0].Note != "Readers are there." {
		t.Errorf("verdict of 1.1: %v %q %v", q[0].Verdict, q[0].Note, q[0].Updated)
	}
	if q[1].Note != multiLineNote {
		t.Errorf("the note of 1.2 is not kept as it is: %q", q[1].Note)
	}
	if q[2].Verdict != nil || q[2].Note != "" || q[2].Updated != nil || q[2].MentionsTitle != nil || q[2].Mentions == nil {
		t.Errorf("an unanswered question: %+v", q[2])
	}
	if q[3].Verdict != nil || q[3].Note == "" || q[3].Signal != string(model.NoEvidence) || q[3].MentionsTitle == nil ||
		len(q[3].Mentions) != 2 || q[3].Mentions[1].ISO2 != "XX" || q[3].Mentions[1].Name != "Pipe | Land" {
		t.Errorf("a note without a verdict, with mentions: %+v", q[3])
	}
}

func TestChecklistTable(t *testing.T) {
	out := render(t, handDoc(t), report.Table)
	uc, _ := model.UseCaseByNumber(1)
	for _, q := range uc.Questions {
		if !strings.Contains(out, "\n"+q.ID+" "+q.Text+"\n") {
			t.Errorf("text lacks question %s", q.ID)
		}
	}
	for _, want := range []string{
		"Activity figures                        partly MODELED",
		"Requested amount                        $50,000",
		"Readership presence                     96.3  1 of 53 in region                          yes\n",
		"Main languages and their Wikipedias           English 53% (enwiki); Yoruba 13% (yowiki)  no\n",
		"Signal                adequate (strong) — readership presence 96.3",
		"Your verdict          unsure",
		"YOUR NOTE\nStrong base, but check the budget | *staffing* _line_ [link](x) <b>bold</b> `code` \\ back\n# not a heading\n- not a list item\n\n1. not a numbered item\n",
		"SAMPLE DATA, PARTLY MODELED: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

// On the bundled data, every question of both use cases has evidence and a
// signal with its reason, in every format.
func TestChecklistBundled(t *testing.T) {
	d := sample(t)
	ng, _ := d.FindCountry("NG")
	sa, err := d.FindRegion("South Asia")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		uc int
		s  model.Subject
	}{
		{1, model.Subject{Country: ng}},
		{2, model.Subject{Country: ng}},
		{2, model.Subject{Region: sa, Grouping: model.GroupWikimedia}},
	} {
		uc, _ := model.UseCaseByNumber(tc.uc)
		year := d.LatestYear()
		answers := d.Checklist(uc, tc.s, year, model.Request{})
		doc := report.Checklist(d, uc, tc.s, year, answers, nil, model.Request{}, reportDate)
		var parsed struct {
			Questions []struct {
				ID, Text, Signal, Reason string
				Facts                    []json.RawMessage
			}
		}
		if err := json.Unmarshal([]byte(render(t, doc, report.JSON)), &parsed); err != nil {
			t.Fatal(err)
		}
		if len(parsed.Questions) != len(uc.Questions) {
			t.Fatalf("use case %d for %s: %d questions, want %d", tc.uc, tc.s.Name(), len(parsed.Questions), len(uc.Questions))
		}
		md := render(t, doc, report.Markdown)
		for i, q := range parsed.Questions {
			if q.ID != uc.Questions[i].ID || q.Text != uc.Questions[i].Text || q.Signal == "" || q.Reason == "" || len(q.Facts) == 0 {
				t.Errorf("use case %d for %s, question %d: %+v", tc.uc, tc.s.Name(), i, q)
			}
			if !strings.Contains(md, "\n### "+q.ID+" "+q.Text+"\n\n| Evidence | Value | Detail | Modeled |\n") {
				t.Errorf("use case %d for %s: Markdown lacks question %s with its evidence", tc.uc, tc.s.Name(), q.ID)
			}
		}
		if !strings.Contains(md, "- **Progress:** 0 of "+string(rune('0'+len(uc.Questions)))+" questions answered\n") {
			t.Errorf("use case %d for %s: no progress line", tc.uc, tc.s.Name())
		}
		if tc.s.IsRegion() && !strings.Contains(md, "- **Subject:** South Asia (Wikimedia region, 8 countries and territories)\n") {
			t.Errorf("region subject not named:\n%s", md)
		}
	}
}

// A database of published figures says so, and carries no modeled warning.
func TestChecklistPublishedFigures(t *testing.T) {
	// The sample's figures, called published: every cell real.
	p := sample(t).Parts()
	for i := range p.Indicators {
		p.Indicators[i].Modeled = false
	}
	for i := range p.Observations {
		p.Observations[i].Provenance = model.Provenance{}
	}
	d, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	d.Meta.Kind, d.Meta.Title, d.Meta.Origin = model.KindImported, "Imported", "/tmp/x.db"
	uc, _ := model.UseCaseByNumber(1)
	ng, _ := d.FindCountry("NG")
	answers := d.Checklist(uc, model.Subject{Country: ng}, 2024, model.Request{})
	md := render(t, report.Checklist(d, uc, model.Subject{Country: ng}, 2024, answers, nil, model.Request{}, reportDate), report.Markdown)
	if strings.Contains(md, "MODELED") || strings.Contains(md, "| yes |\n") || strings.Contains(md, "Requested amount") {
		t.Errorf("published figures marked modeled, or an amount shown that was not asked:\n%s", md)
	}
	if !strings.Contains(md, "- **Activity figures:** published figures") || !strings.Contains(md, "- **Dataset:** Imported (/tmp/x.db)\n") {
		t.Errorf("header:\n%s", md)
	}
}

func TestFactText(t *testing.T) {
	tests := []struct {
		f           model.Fact
		value, note string
	}{
		{model.Fact{Kind: model.FactScore, Value: 91.26, OK: true, Text: "3 of 53 in region"}, "91.3", "3 of 53 in region"},
		{model.Fact{Kind: model.FactPercent, Value: 37.59, OK: true, Text: "2014"}, "37.6%", "as of 2014"},
		{model.Fact{Kind: model.FactCount, Value: 1319.46, OK: true}, "1,319", ""},
		{model.Fact{Kind: model.FactCount, Value: 34973944, OK: true}, "34.97 M", ""},
		{model.Fact{Kind: model.FactMoney, Value: 12300, OK: true}, "$12,300", ""},
		{model.Fact{Kind: model.FactMoney, Value: 1.2e6, OK: true}, "$1.2 M", ""},
		{model.Fact{Kind: model.FactRatio, Value: 2.4, OK: true}, "2.4×", ""},
		{model.Fact{Kind: model.FactRatio, Value: 3, OK: true}, "3.0×", ""},
		{model.Fact{Kind: model.FactText, Text: "not on it", OK: true}, "not on it", ""},
		{model.Fact{Kind: model.FactScore, Text: model.NoActivity}, "—", model.NoActivity},
		{model.Fact{Kind: model.FactPercent}, "—", ""},
		{model.Fact{Kind: model.FactCount, Value: 3, OK: true, Text: "en, ha, yo"}, "3", "en, ha, yo"},
		// A fact with a range is its range alone: a protected country's
		// imported count, or a figure made from one.
		{model.Fact{Kind: model.FactCount, Value: 4325.5, OK: true, Range: &model.Bounds{Lower: 4321, Upper: 4330}}, "4,321–4,330", ""},
		{model.Fact{Kind: model.FactCount, Value: 0, OK: true, Range: &model.Bounds{}}, "0", ""},
		{model.Fact{Kind: model.FactMoney, Value: 3000, OK: true, Range: &model.Bounds{Lower: 500, Upper: 5000}}, "$500–$5,000", ""},
		{model.Fact{Kind: model.FactMoney, Value: 11.56, OK: true, Range: &model.Bounds{Lower: 11.547, Upper: 11.571}}, "$12", ""},
		{model.Fact{Kind: model.FactCount, OK: false, Range: &model.Bounds{Lower: 1, Upper: 10}}, "—", ""},
	}
	for _, tt := range tests {
		if v, n := report.FactText(tt.f); v != tt.value || n != tt.note {
			t.Errorf("FactText(%+v) = %q, %q; want %q, %q", tt.f, v, n, tt.value, tt.note)
		}
	}
}
