package checklist

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/store/session"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/keys"
	"github.com/equitylandscape/equity/ui/theme"
)

// The -update flag writes the golden files; another test file of the binary
// (teatest's) may define it already.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "write the golden files in testdata/")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	if f == nil {
		return false
	}
	if g, ok := f.Value.(flag.Getter); ok {
		v, _ := g.Get().(bool)
		return v
	}
	return f.Value.String() == "true"
}

// dataset is the bundled sample database, loaded once.
var dataset *model.Dataset

func TestMain(m *testing.M) {
	flag.Parse()
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	dataset = d
	os.Exit(m.Run())
}

func newContext() *common.Context {
	return &common.Context{
		Data:  dataset,
		Theme: theme.New(theme.Mono, true),
		Keys:  keys.NewGlobal(),
		Year:  dataset.LatestFullYear(),
	}
}

var keyCodes = map[string]tea.KeyPressMsg{
	"enter":  {Code: tea.KeyEnter},
	"esc":    {Code: tea.KeyEscape},
	"up":     {Code: tea.KeyUp},
	"down":   {Code: tea.KeyDown},
	"left":   {Code: tea.KeyLeft},
	"right":  {Code: tea.KeyRight},
	"pgdown": {Code: tea.KeyPgDown},
	"pgup":   {Code: tea.KeyPgUp},
	"space":  {Code: tea.KeySpace, Text: " "},
	"ctrl+s": {Code: 's', Mod: tea.ModCtrl},
	"f1":     {Code: tea.KeyF1},
}

func keyMsg(k string) tea.KeyPressMsg {
	if m, ok := keyCodes[k]; ok {
		return m
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// run runs a command as Bubble Tea would, feeding the package's results
// (loads, saves, reports, lists) back to the screen, and returns every other
// message: what the screen asks of the root.
func run(t *testing.T, sc common.Screen, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	var out []tea.Msg
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case Result:
			_, next := sc.Update(msg)
			queue = append(queue, next)
		case nil:
		default:
			out = append(out, msg)
		}
	}
	return out
}

// press sends keys, running the commands they give; it returns what the
// screen asked of the root.
func press(t *testing.T, sc common.Screen, ks ...string) []tea.Msg {
	t.Helper()
	var out []tea.Msg
	for _, k := range ks {
		_, cmd := sc.Update(keyMsg(k))
		out = append(out, run(t, sc, cmd)...)
	}
	return out
}

// typeText types text, a key a character ("\n" is enter).
func typeText(t *testing.T, sc common.Screen, text string) {
	t.Helper()
	for _, r := range text {
		if r == '\n' {
			press(t, sc, "enter")
			continue
		}
		press(t, sc, string(r))
	}
}

// checkFrame fails unless the view is exactly h lines of exactly w cells.
func checkFrame(t *testing.T, where, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("%s %dx%d: view has %d lines, want %d", where, w, h, len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Errorf("%s %dx%d: line %d is %d cells wide, want %d: %q", where, w, h, i, got, w, ansi.Strip(l))
		}
	}
}

func plain(sc common.Screen) string { return ansi.Strip(sc.View()) }

// flat is the text with every run of spaces and line breaks made one space,
// to find wrapped sentences whole.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// whole is every line of a checklist page, read by paging down to its end.
func whole(t *testing.T, s *Screen) string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	for range 30 {
		for _, l := range strings.Split(plain(s), "\n") {
			if !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
		press(t, s, "pgdown")
	}
	press(t, s, "g")
	return strings.Join(out, "\n")
}

func mustContain(t *testing.T, where, view string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(view, w) {
			t.Errorf("%s: %q missing from\n%s", where, w, view)
		}
	}
}

func useCase(t *testing.T, n int) model.UseCase {
	t.Helper()
	uc, ok := model.UseCaseByNumber(n)
	if !ok {
		t.Fatalf("no use case %d", n)
	}
	return uc
}

func country(t *testing.T, iso2 string) model.Subject {
	t.Helper()
	c, ok := dataset.Country(iso2)
	if !ok {
		t.Fatalf("no country %s", iso2)
	}
	return model.Subject{Country: c}
}

func southAsia() model.Subject {
	return model.Subject{Region: "South Asia", Grouping: model.GroupWikimedia}
}

// open builds a checklist screen and reads its saved verdicts.
func open(t *testing.T, ctx *common.Context, st *session.Store, uc model.UseCase, s model.Subject, w, h int) *Screen {
	t.Helper()
	sc, cmd := New(ctx, st, uc, s)
	sc.SetSize(w, h)
	if cmd == nil && st != nil {
		t.Fatal("New gave no command to read the saved verdicts")
	}
	if msgs := run(t, sc, cmd); len(msgs) > 0 {
		t.Fatalf("opening sent %v", msgs)
	}
	return sc
}

func openMsg(t *testing.T, msgs []tea.Msg) OpenMsg {
	t.Helper()
	for _, m := range msgs {
		if o, ok := m.(OpenMsg); ok {
			return o
		}
	}
	t.Fatalf("no OpenMsg among %#v", msgs)
	return OpenMsg{}
}

// TestAcceptance is the flow: a checklist for Brazil, verdicts on
// two questions and a two-line note, then a new screen (as after quitting
// and starting again) shows them, and the report holds them.
func TestAcceptance(t *testing.T) {
	ctx := newContext()
	dir := t.TempDir()
	st := session.New(dir)

	// The picker: use case 1, then "braz", then enter.
	p := NewPicker(ctx, st)
	p.SetSize(80, 20)
	view := plain(p)
	uc1 := useCase(t, 1)
	mustContain(t, "picker", flat(view), "1 "+uc1.Title, "Grant applicants, Grants officers", "2 Direct non-monetary support", "Community Organizers")
	if p.Capturing() {
		t.Error("step 1 captures the keyboard")
	}
	press(t, p, "enter")
	if !p.Capturing() {
		t.Fatal("step 2 does not capture the keyboard")
	}
	typeText(t, p, "braz")
	mustContain(t, "picker braz", plain(p), "Find: braz", "▶Brazil")
	o := openMsg(t, press(t, p, "enter"))
	if o.UseCase != 1 || o.Subject.IsRegion() || o.Subject.Country.ISO2 != "BR" {
		t.Fatalf("enter opened %+v", o)
	}
	if p.Capturing() {
		t.Error("the picker still captures after opening")
	}

	// The checklist: question 1 word for word, and a signal.
	s := open(t, ctx, st, useCase(t, o.UseCase), o.Subject, 80, 20)
	view = plain(s)
	mustContain(t, "question 1", view, "Question 1 of 4 · 0 of 4 answered · Brazil · 2024")
	mustContain(t, "question 1", flat(view), uc1.Questions[0].Text)
	if !strings.ContainsAny(view, "●◐○") || !containsAny(view, "ADEQUATE", "BORDERLINE", "LOW", "NOT ENOUGH DATA") {
		t.Errorf("no signal word on the page:\n%s", view)
	}
	if got := s.Crumb(); got != "Use case 1 · Brazil" {
		t.Errorf("crumb %q", got)
	}

	press(t, s, "y", "right", "n", "e")
	if !s.Capturing() {
		t.Fatal("e did not open the note")
	}
	typeText(t, s, "Portuguese Wikipedia community is strong.\nAsk about the Wikidata plans.")
	mustContain(t, "editing", plain(s), "ctrl+s or esc saves", "Ask about the Wikidata plans.")
	press(t, s, "ctrl+s")
	if s.Capturing() {
		t.Fatal("ctrl+s did not close the note")
	}
	if got := strings.Join(s.Status(), " · "); got != "2 of 4 answered · saved" {
		t.Errorf("status %q", got)
	}
	view = plain(s)
	mustContain(t, "question 2", view, "Question 2 of 4 · 2 of 4 answered", "✗ NO",
		"Portuguese Wikipedia community is strong.", "Ask about the Wikidata plans.")
	path, err := st.Path(1, "BR")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("nothing saved: %v", err)
	}

	// Starting again: a new store and a new screen.
	s2 := open(t, newContext(), session.New(dir), uc1, country(t, "BR"), 80, 20)
	want := model.Verdicts{
		"1.1": {Answer: "yes"},
		"1.2": {Answer: "no", Note: "Portuguese Wikipedia community is strong.\nAsk about the Wikidata plans."},
	}
	got := s2.Verdicts()
	if len(got) != 2 || got["1.1"].Answer != want["1.1"].Answer || got["1.2"].Answer != "no" || got["1.2"].Note != want["1.2"].Note {
		t.Fatalf("after starting again: %+v", got)
	}
	mustContain(t, "again, question 1", plain(s2), "Question 1 of 4 · 2 of 4 answered", "✓ YES", "1.1 ✓", "1.2 ✗")
	if got := strings.Join(s2.Status(), " · "); got != "2 of 4 answered · saved" {
		t.Errorf("status after starting again %q", got)
	}
	press(t, s2, "N")
	mustContain(t, "again, question 2", plain(s2), "✗ NO", "Portuguese Wikipedia community is strong.", "Ask about the Wikidata plans.")

	// The report, written in the current directory.
	cwd := t.TempDir()
	t.Chdir(cwd)
	press(t, s2, "w")
	name := "equity-checklist-uc1-BR-2024.md"
	mustContain(t, "after w", plain(s2), "Report written to", name)
	b, err := os.ReadFile(filepath.Join(cwd, name))
	if err != nil {
		t.Fatal(err)
	}
	report := string(b)
	mustContain(t, "report", report, uc1.Questions[0].Text, uc1.Questions[1].Text, "Brazil",
		"Portuguese Wikipedia community is strong.", "Ask about the Wikidata plans.", "| 1.1 |", "yes", "no")
	entries, _ := os.ReadDir(cwd)
	if len(entries) != 1 {
		t.Errorf("the current directory holds %d files (a temporary file left?)", len(entries))
	}
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// TestEveryQuestionWordForWord walks both use cases and finds each question
// whole on its page, with a signal in words.
func TestEveryQuestionWordForWord(t *testing.T) {
	for _, tc := range []struct {
		uc      int
		subject model.Subject
	}{{1, country(t, "NG")}, {2, country(t, "NG")}, {2, southAsia()}} {
		uc := useCase(t, tc.uc)
		s := open(t, newContext(), session.New(t.TempDir()), uc, tc.subject, 80, 20)
		for i, q := range uc.Questions {
			all := whole(t, s)
			where := fmt.Sprintf("uc%d %s question %d", tc.uc, tc.subject.Name(), i+1)
			mustContain(t, where, flat(all), fmt.Sprintf("Question %d of %d", i+1, len(uc.Questions)), q.Text)
			if a := s.current(); !strings.Contains(all, LevelText(a)) || a.Level == "" {
				t.Errorf("%s: no signal", where)
			}
			press(t, s, "right")
		}
		// Past the last question, → says so and stays.
		mustContain(t, "past the end", plain(s), fmt.Sprintf("Question %d of %d", len(uc.Questions), len(uc.Questions)), "last question")
	}
}

func TestRegionFiveQuestions(t *testing.T) {
	ctx := newContext()
	st := session.New(t.TempDir())
	p := NewPicker(ctx, st)
	p.SetSize(80, 20)
	press(t, p, "down", "enter")
	typeText(t, p, "south")
	view := plain(p)
	mustContain(t, "picker south", view, "▶South Asia", "region")
	// Regions are listed first: South Asia before South Africa.
	if strings.Index(view, "South Asia") > strings.Index(view, "South Africa") {
		t.Errorf("the region is not first:\n%s", view)
	}
	o := openMsg(t, press(t, p, "enter"))
	if o.UseCase != 2 || o.Subject.Region != "South Asia" || o.Subject.Grouping != model.GroupWikimedia {
		t.Fatalf("opened %+v", o)
	}
	s := open(t, ctx, st, useCase(t, 2), o.Subject, 80, 20)
	mustContain(t, "South Asia", plain(s), "Question 1 of 5 · 0 of 5 answered · South Asia · 2024")
	press(t, s, "right", "right", "right", "right")
	mustContain(t, "South Asia", plain(s), "Question 5 of 5")
	if got := s.Crumb(); got != "Use case 2 · South Asia" {
		t.Errorf("crumb %q", got)
	}
	// Use case 1 offers no regions.
	p2 := NewPicker(ctx, st)
	p2.SetSize(80, 20)
	press(t, p2, "enter")
	typeText(t, p2, "south asia")
	if strings.Contains(plain(p2), "region") {
		t.Errorf("use case 1 offers a region:\n%s", plain(p2))
	}
}

// TestMentionOpensCountry: a country the evidence names opens with enter.
func TestMentionOpensCountry(t *testing.T) {
	s := open(t, newContext(), session.New(t.TempDir()), useCase(t, 2), southAsia(), 80, 20)
	var want string
	for i, a := range s.answers {
		if len(a.Mentions) > 0 {
			want = a.Mentions[0].ISO2
			for range i {
				press(t, s, "right")
			}
			break
		}
	}
	if want == "" {
		t.Skip("no South Asia question names a country in the sample data")
	}
	var msgs []tea.Msg
	for range 40 {
		if s.body.SelectedInView() {
			msgs = press(t, s, "enter")
			break
		}
		press(t, s, "down")
	}
	if len(msgs) != 1 || msgs[0] != (common.OpenCountryMsg{ISO2: want}) {
		t.Fatalf("enter on the mention sent %#v; want %s", msgs, want)
	}
}

func TestCorruptSession(t *testing.T) {
	ctx := newContext()
	st := session.New(t.TempDir())
	path, err := st.Path(1, "BR")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	garbage := []byte(`{"version": 1, "use_case": 1, "subject_key": "BR", "verdicts": {"1.1": {"answer": "yes"`)
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	s := open(t, ctx, st, useCase(t, 1), country(t, "BR"), 80, 20)
	lines := strings.Split(plain(s), "\n")
	last := lines[len(lines)-1]
	mustContain(t, "corrupt, 80", last, "⚠", "unreadable", "set aside", "starting empty")
	s.SetSize(200, 46)
	mustContain(t, "corrupt, 200", plain(s), ".corrupt-", "not valid JSON")
	if len(s.Verdicts()) != 0 {
		t.Errorf("verdicts %v from a corrupt file", s.Verdicts())
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the corrupt file is still in place (%v)", err)
	}
	moved, _ := filepath.Glob(path + ".corrupt-*")
	if len(moved) != 1 {
		t.Fatalf("set aside as %v", moved)
	}
	if b, _ := os.ReadFile(moved[0]); string(b) != string(garbage) {
		t.Error("the file set aside is not the original")
	}
	// The checklist goes on and saves afresh.
	press(t, s, "y")
	if got, err := st.LoadYear(1, "BR", dataset.LatestFullYear()); err != nil || got["1.1"].Answer != "yes" {
		t.Errorf("after y: %v, %v", got, err)
	}
}

// TestSaveFails: a save that fails says so in one line and keeps the
// verdict in memory; the next change tries again.
func TestSaveFails(t *testing.T) {
	root := t.TempDir()
	blocker := filepath.Join(root, "data")
	if err := os.WriteFile(blocker, []byte("a file, not a directory"), 0o600); err != nil {
		t.Fatal(err)
	}
	st := session.New(blocker)
	s, cmd := New(newContext(), st, useCase(t, 1), country(t, "NG"))
	s.SetSize(80, 20)
	run(t, s, cmd) // Load says the directory cannot be read
	press(t, s, "y")
	if got := s.Verdicts()["1.1"].Answer; got != "yes" {
		t.Fatalf("the verdict was lost: %q", got)
	}
	if got := strings.Join(s.Status(), " · "); !strings.Contains(got, "NOT SAVED") {
		t.Errorf("status %q", got)
	}
	lines := strings.Split(plain(s), "\n")
	mustContain(t, "save failed", lines[len(lines)-1], "⚠ Not saved")
	checkFrame(t, "save failed", s.View(), 80, 20)

	// The directory becomes possible: the next change saves everything.
	if err := os.Remove(blocker); err != nil {
		t.Fatal(err)
	}
	press(t, s, "right", "n")
	if got := strings.Join(s.Status(), " · "); got != "2 of 4 answered · saved" {
		t.Errorf("status %q", got)
	}
	if v, err := st.LoadYear(1, "NG", dataset.LatestFullYear()); err != nil || v["1.1"].Answer != "yes" || v["1.2"].Answer != "no" {
		t.Errorf("saved %v, %v", v, err)
	}
}

// TestSavesInOrder: saves whose commands run out of order leave the latest
// verdicts in the file.
func TestSavesInOrder(t *testing.T) {
	st := session.New(t.TempDir())
	s := open(t, newContext(), st, useCase(t, 1), country(t, "NG"), 80, 20)
	_, first := s.Update(keyMsg("y"))
	_, second := s.Update(keyMsg("n"))
	m2 := second()
	m1 := first()
	if !m1.(SavedMsg).superseded {
		t.Error("the earlier save ran after the later one")
	}
	s.Update(m2)
	s.Update(m1)
	if v, _ := st.LoadYear(1, "NG", dataset.LatestFullYear()); v["1.1"].Answer != "no" {
		t.Errorf("file holds %q, want the latest verdict", v["1.1"].Answer)
	}
	if got := strings.Join(s.Status(), " · "); got != "1 of 4 answered · saved" {
		t.Errorf("status %q", got)
	}
}

func TestVerdictKeys(t *testing.T) {
	s := open(t, newContext(), session.New(t.TempDir()), useCase(t, 1), country(t, "NG"), 80, 20)
	if !s.ClaimsKey(keyMsg("?")) {
		t.Fatal("the page does not claim ?")
	}
	if s.ClaimsKey(keyMsg("q")) {
		t.Error("the page claims q")
	}
	for _, c := range []struct{ key, answer, shown string }{
		{"y", "yes", "✓ YES"}, {"n", "no", "✗ NO"}, {"?", "unsure", "~ UNSURE"}, {"u", "", "none yet"},
	} {
		press(t, s, c.key)
		if got := s.Verdicts()["1.1"].Answer; got != c.answer {
			t.Errorf("%s gave %q", c.key, got)
		}
		mustContain(t, c.key, plain(s), c.shown)
	}
	// Movement: → l N space forward, ← h p back; n is "no", not next.
	for _, k := range []string{"right", "l", "N"} {
		press(t, s, k)
	}
	mustContain(t, "forward", plain(s), "Question 4 of 4")
	press(t, s, "left", "h", "p")
	mustContain(t, "back", plain(s), "Question 1 of 4")
	press(t, s, "space")
	mustContain(t, "space", plain(s), "Question 2 of 4")
	press(t, s, "n")
	mustContain(t, "n", plain(s), "Question 2 of 4", "✗ NO")

	// e opens a multi-line note; esc keeps it too.
	press(t, s, "e")
	typeText(t, s, "one\ntwo")
	if !s.Capturing() || s.Keys().ShortHelp()[0].Help().Key != "ctrl+s/esc" {
		t.Error("the note's keys are not shown while writing")
	}
	press(t, s, "esc")
	if s.Capturing() || s.Verdicts()["1.2"].Note != "one\ntwo" {
		t.Errorf("esc: capturing %v, note %q", s.Capturing(), s.Verdicts()["1.2"].Note)
	}
	// u clears the verdict and keeps the note.
	press(t, s, "u")
	if v := s.Verdicts()["1.2"]; v.Answer != "" || v.Note != "one\ntwo" {
		t.Errorf("after u: %+v", v)
	}
}

func TestHelp(t *testing.T) {
	s := open(t, newContext(), session.New(t.TempDir()), useCase(t, 1), country(t, "NG"), 80, 20)
	for _, k := range []string{"H", "f1"} {
		press(t, s, k)
		mustContain(t, k, plain(s), "Keys — Use case 1 · Nigeria", "verdict: unsure", "next question")
		checkFrame(t, "help", s.View(), 80, 20)
		if !s.ClaimsKey(keyMsg("?")) {
			t.Error("the help does not claim ?")
		}
		if !s.Back() {
			t.Fatal("esc did not close the help")
		}
		if strings.Contains(plain(s), "Keys —") {
			t.Error("the help stayed")
		}
	}
	if s.Back() {
		t.Error("Back on a page is the root's")
	}
	var short []string
	for _, b := range s.Keys().ShortHelp() {
		short = append(short, b.Help().Key+" "+b.Help().Desc)
	}
	if got := strings.Join(short, ", "); !strings.Contains(got, "y/n/? yes/no/unsure") || !strings.Contains(got, "H help") {
		t.Errorf("short help %q", got)
	}
	if len(s.Keys().FullHelp()) == 0 {
		t.Error("no full help")
	}
}

func TestAmount(t *testing.T) {
	t.Chdir(t.TempDir())
	s := open(t, newContext(), session.New(t.TempDir()), useCase(t, 1), country(t, "NG"), 80, 20)
	press(t, s, "a")
	if s.Capturing() {
		t.Fatal("a opened the amount on question 1.1")
	}
	press(t, s, "right", "a")
	if !s.Capturing() {
		t.Fatal("a did not open the amount on question 1.2")
	}
	typeText(t, s, "lots")
	press(t, s, "enter")
	mustContain(t, "bad amount", plain(s), "is not an amount in US dollars")
	press(t, s, "esc")
	press(t, s, "a")
	typeText(t, s, "$250k")
	press(t, s, "enter")
	if s.Capturing() || !s.req.HasAmount || s.req.Amount != 250000 {
		t.Fatalf("amount %+v", s.req)
	}
	mustContain(t, "amount", plain(s), "Requested     $250,000", "not saved")
	mustContain(t, "amount", flat(plain(s)), "the request is")
	press(t, s, "w")
	b, err := os.ReadFile("equity-checklist-uc1-NG-2024.md")
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "report", string(b), "$250,000")
}

func TestParseAmount(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		ok   bool
		err  bool
	}{
		{"50000", 50000, true, false}, {"50,000", 50000, true, false}, {"$50k", 50000, true, false},
		{"1.2m", 1.2e6, true, false}, {" 7 K ", 7000, true, false}, {"", 0, false, false},
		{"1,5", 0, false, true}, {"-5", 0, false, true}, {"0", 0, false, true}, {"5x", 0, false, true},
	} {
		v, ok, err := parseAmount(c.in)
		if v != c.want || ok != c.ok || (err != nil) != c.err {
			t.Errorf("parseAmount(%q) = %v, %v, %v", c.in, v, ok, err)
		}
	}
}

// TestReportFallback: a current directory that cannot take the report (it
// was removed) sends it to the data directory.
func TestReportFallback(t *testing.T) {
	gone := t.TempDir()
	t.Chdir(gone)
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	s := open(t, newContext(), session.New(dir), useCase(t, 2), southAsia(), 80, 20)
	press(t, s, "y", "w")
	name := "equity-checklist-uc2-region-south-asia-2024.md"
	want := filepath.Join(dir, name)
	b, err := os.ReadFile(want)
	if err != nil {
		t.Fatalf("no report in the data directory: %v\n%s", err, plain(s))
	}
	mustContain(t, "report", string(b), "South Asia", useCase(t, 2).Questions[4].Text)
	mustContain(t, "message", plain(s), "Report written to", name)
}

func TestPreselect(t *testing.T) {
	p := NewPicker(newContext(), session.New(t.TempDir()))
	p.SetSize(80, 20)
	p.Preselect("NG")
	mustContain(t, "preselected", plain(p), "Checklist for Nigeria", "4 questions, of Nigeria")
	o := openMsg(t, press(t, p, "down", "enter"))
	if o.UseCase != 2 || o.Subject.Country.ISO2 != "NG" {
		t.Fatalf("opened %+v", o)
	}
	if strings.Contains(plain(p), "Nigeria") {
		t.Error("the preselection outlived the opening")
	}
	p.Preselect("NG")
	if !p.Back() || strings.Contains(plain(p), "Nigeria") {
		t.Error("esc did not forget the preselection")
	}
	if p.Back() {
		t.Error("Back in step 1 is the root's")
	}
	p.Preselect("XX")
	if strings.Contains(plain(p), "Checklist for") {
		t.Error("an unknown code was preselected")
	}
}

// TestResume: a saved checklist is listed and reopens.
func TestResume(t *testing.T) {
	ctx := newContext()
	st := session.New(t.TempDir())
	s := open(t, ctx, st, useCase(t, 2), southAsia(), 80, 20)
	press(t, s, "c", "right", "n") // 2.1 takes the candidates; 2.2 is a no
	s = open(t, ctx, st, useCase(t, 1), country(t, "BR"), 80, 20)
	press(t, s, "?")
	p := NewPicker(ctx, st)
	p.SetSize(80, 20)
	view := plain(p)
	mustContain(t, "resume", view, "Resume a saved checklist", "Use case 1  Brazil", "1 of 4 answered", "Use case 2  South Asia", "2 of 5 answered", "saved 20")
	if got := strings.Join(p.Status(), " · "); got != "2 use cases · 2 saved checklists" {
		t.Errorf("status %q", got)
	}
	o := openMsg(t, press(t, p, "down", "down", "enter"))
	if o.UseCase != 1 || o.Subject.Country.ISO2 != "BR" {
		t.Fatalf("resumed %+v", o)
	}
	// After opening, the picker lists again on its next message.
	_, cmd := p.Update(tea.WindowSizeMsg{})
	if cmd == nil {
		t.Error("no new list after opening")
	}
}

func TestPickerKeys(t *testing.T) {
	p := NewPicker(newContext(), session.New(t.TempDir()))
	p.SetSize(80, 20)
	if p.Crumb() != "Checklists" || len(p.Keys().ShortHelp()) == 0 {
		t.Errorf("crumb %q", p.Crumb())
	}
	press(t, p, "enter")
	if p.Crumb() != "Checklists · use case 1" {
		t.Errorf("crumb %q", p.Crumb())
	}
	// j, k, q and digits type: the keyboard is the input's.
	typeText(t, p, "jkq1")
	mustContain(t, "typed", plain(p), "Find: jkq1", `No country matches "jkq1".`)
	if got := p.Status()[0]; got != "0 of 250 countries" {
		t.Errorf("status %q", got)
	}
	press(t, p, "esc")
	if p.Capturing() || p.Crumb() != "Checklists" {
		t.Error("esc did not go back to step 1")
	}
	// Back from step 2, for a root that asks.
	press(t, p, "enter")
	if !p.Back() || p.Capturing() {
		t.Error("Back did not leave step 2")
	}
}

func TestMatch(t *testing.T) {
	all := candidates(dataset, useCase(t, 2), dataset.LatestFullYear())
	first := func(q string) string {
		got := match(all, q)
		if len(got) == 0 {
			return ""
		}
		return all[got[0]].name
	}
	for q, want := range map[string]string{
		"braz": "Brazil", "BR": "Brazil", "ng": "Nigeria", "nga": "Nigeria", "de": "Germany",
		"niger": "Niger", "nige": "Nigeria", "ivory": "Ivory Coast", "ALAND": "Åland", "sao tome": "São Tomé and Príncipe", "curacao": "Curaçao",
		"korea": "South Korea", "brzl": "Brazil", "south asia": "South Asia", "africa": "Sub-Saharan Africa",
	} {
		if got := first(q); got != want {
			t.Errorf("%q: first match %q, want %q", q, got, want)
		}
	}
	if got := match(all, ""); len(got) != len(all) || !all[got[0]].region {
		t.Error("an empty query does not list every subject, regions first")
	}
	if got := match(all, "zzzz"); len(got) != 0 {
		t.Errorf("zzzz matched %d", len(got))
	}
}

func TestYearChanged(t *testing.T) {
	ctx := newContext()
	s := open(t, ctx, session.New(t.TempDir()), useCase(t, 1), country(t, "NG"), 80, 20)
	ctx.Year = dataset.Years[0]
	s.Update(common.YearChangedMsg{})
	mustContain(t, "year", plain(s), fmt.Sprintf("Nigeria · %d", ctx.Year))
	if got := s.ReportName(); got != fmt.Sprintf("equity-checklist-uc1-NG-%d.md", ctx.Year) {
		t.Errorf("report name %q", got)
	}
}

// TestFrames: every mode fills its body exactly, at every size.
func TestFrames(t *testing.T) {
	sizes := [][2]int{{80, 20}, {120, 40}, {200, 50}, {200, 46}, {60, 12}, {80, 24}}
	for _, name := range []string{theme.Mono, theme.Dark, theme.Light, theme.HighContrast} {
		ctx := newContext()
		ctx.Theme = theme.New(name, true)
		st := session.New(t.TempDir())
		for _, sz := range sizes {
			w, h := sz[0], sz[1]
			where := fmt.Sprintf("%s", name)
			p := NewPicker(ctx, st)
			p.SetSize(w, h)
			checkFrame(t, where+" picker", p.View(), w, h)
			press(t, p, "down", "enter")
			typeText(t, p, "a")
			checkFrame(t, where+" picker step 2", p.View(), w, h)
			press(t, p, "esc")

			for _, subj := range []model.Subject{country(t, "NG"), southAsia(), country(t, "AQ")} {
				uc := useCase(t, 2)
				if !subj.IsRegion() && subj.Country.ISO2 == "NG" {
					uc = useCase(t, 1)
				}
				s := open(t, ctx, st, uc, subj, w, h)
				for range uc.Questions {
					checkFrame(t, where+" "+subj.Name(), s.View(), w, h)
					press(t, s, "pgdown")
					checkFrame(t, where+" "+subj.Name()+" scrolled", s.View(), w, h)
					press(t, s, "right")
				}
				press(t, s, "e")
				typeText(t, s, "a note\nof two lines")
				checkFrame(t, where+" editing", s.View(), w, h)
				press(t, s, "ctrl+s", "H")
				checkFrame(t, where+" help", s.View(), w, h)
				press(t, s, "H")
				if uc.Number == 1 {
					press(t, s, "g", "left", "left", "left", "a")
					checkFrame(t, where+" amount", s.View(), w, h)
					press(t, s, "esc")
				}
			}
		}
	}
}

// TestTinySizes: no panic, and exact frames, down to nothing.
func TestTinySizes(t *testing.T) {
	ctx := newContext()
	st := session.New(t.TempDir())
	p := NewPicker(ctx, st)
	s := open(t, ctx, st, useCase(t, 1), country(t, "NG"), 80, 20)
	for _, sz := range [][2]int{{60, 12}, {40, 5}, {20, 3}, {1, 1}, {0, 0}, {250, 70}, {80, 20}} {
		w, h := sz[0], sz[1]
		for _, sc := range []common.Screen{p, s} {
			sc.SetSize(w, h)
			view := sc.View()
			if h > 0 {
				checkFrame(t, "tiny", view, w, h)
			}
			press(t, sc, "down", "pgdown", "right")
		}
		press(t, s, "e")
		typeText(t, s, "x\ny")
		if h > 0 {
			checkFrame(t, "tiny editing", s.View(), w, h)
		}
		press(t, s, "esc", "H")
		if h > 0 {
			checkFrame(t, "tiny help", s.View(), w, h)
		}
		press(t, s, "H")
	}
}

// TestHostileText: a note with escape sequences is drawn without them.
func TestHostileText(t *testing.T) {
	st := session.New(t.TempDir())
	s := open(t, newContext(), st, useCase(t, 1), country(t, "NG"), 80, 20)
	press(t, s, "e")
	s.Update(tea.PasteMsg{Content: "evil \x1b[2Jclear\x07 bell\nsecond"})
	press(t, s, "ctrl+s")
	view := s.View()
	if strings.Contains(view, "\x1b[2J") || strings.Contains(view, "\x07") {
		t.Errorf("control characters drawn: %q", view)
	}
	checkFrame(t, "hostile", view, 80, 20)
}

func TestThemeChangesInPlace(t *testing.T) {
	ctx := newContext()
	ctx.Theme = theme.New(theme.Dark, true)
	s := open(t, ctx, session.New(t.TempDir()), useCase(t, 1), country(t, "NG"), 80, 20)
	p := NewPicker(ctx, nil)
	p.SetSize(80, 20)
	before, pbefore := s.View(), p.View()
	*ctx.Theme = *theme.New(theme.Light, false)
	after, pafter := s.View(), p.View()
	if before == after || pbefore == pafter {
		t.Error("the view did not change with the theme")
	}
	if ansi.Strip(before) != ansi.Strip(after) || ansi.Strip(pbefore) != ansi.Strip(pafter) {
		t.Error("the theme changed the text")
	}
}

func TestGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 20}, {200, 46}} {
		w, h := size[0], size[1]
		ctx := newContext()
		st := session.New(t.TempDir())
		p := NewPicker(ctx, st)
		p.SetSize(w, h)
		s := open(t, ctx, st, useCase(t, 1), country(t, "BR"), w, h)
		for name, sc := range map[string]common.Screen{"picker": p, "question1": s} {
			view := sc.View()
			checkFrame(t, name, view, w, h)
			got := ansi.Strip(view) + "\n"
			path := filepath.Join("testdata", fmt.Sprintf("%s-%dx%d.golden", name, w, h))
			if updating() {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./ui/checklist -update to write it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs; run go test ./ui/checklist -update if the change is meant.\ngot:\n%s\nwant:\n%s", path, got, want)
			}
		}
	}
}

// TestNoStore: without a data directory the checklist still works, and
// says that nothing is kept.
func TestNoStore(t *testing.T) {
	s, cmd := New(newContext(), nil, useCase(t, 1), country(t, "NG"))
	s.SetSize(80, 20)
	if cmd != nil {
		t.Error("a command without a store")
	}
	press(t, s, "y")
	if s.Verdicts()["1.1"].Answer != "yes" {
		t.Error("verdict not kept in memory")
	}
	mustContain(t, "no store", plain(s), "will not be kept")
	if err := s.Flush(); err != nil {
		t.Error(err)
	}
}

// TestFlush: what the program had no time to save is saved when it ends:
// a save command that never ran, and a note still being written.
func TestFlush(t *testing.T) {
	st := session.New(t.TempDir())
	s := open(t, newContext(), st, useCase(t, 1), country(t, "NG"), 80, 20)
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(mustPath(t, st, 1, "NG")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("Flush with nothing to save wrote a file")
	}
	_, lost := s.Update(keyMsg("y")) // the program quits before it runs
	press(t, s, "e")
	typeText(t, s, "half a thought")
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if s.Capturing() {
		t.Error("Flush left the note open")
	}
	v, err := st.LoadYear(1, "NG", dataset.LatestFullYear())
	if err != nil || v["1.1"].Answer != "yes" || v["1.1"].Note != "half a thought" {
		t.Fatalf("after Flush: %+v, %v", v, err)
	}
	if m := lost().(SavedMsg); !m.superseded {
		t.Error("the old save ran over the flushed one")
	}
	if got := strings.Join(s.Status(), " · "); got != "1 of 4 answered · saved" {
		t.Errorf("status %q", got)
	}
}

func mustPath(t *testing.T, st *session.Store, uc int, key string) string {
	t.Helper()
	p, err := st.Path(uc, key)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestClicks: a click selects, a second click on the same line opens.
func TestClicks(t *testing.T) {
	p := NewPicker(newContext(), session.New(t.TempDir()))
	p.SetSize(80, 20)
	click := func(sc common.Screen, y int) []tea.Msg {
		_, cmd := sc.Update(tea.MouseClickMsg{X: 3, Y: y, Button: tea.MouseLeft})
		return run(t, sc, cmd)
	}
	// Step 1: the second use case's first line.
	y := strings.Index(plain(p), " 2  Direct non-monetary")
	y = strings.Count(plain(p)[:y], "\n")
	if msgs := click(p, y); len(msgs) != 0 || !p.menu.SelectedInView() {
		t.Fatalf("first click sent %v", msgs)
	}
	click(p, y)
	if !p.Capturing() || p.Crumb() != "Checklists · use case 2" {
		t.Fatalf("second click did not choose use case 2: %q", p.Crumb())
	}
	typeText(t, p, "india")
	lines := strings.Split(plain(p), "\n")
	for y, l := range lines {
		if strings.Contains(l, "India ") {
			click(p, y)
			o := openMsg(t, click(p, y))
			if o.Subject.Country.ISO2 != "IN" {
				t.Errorf("opened %+v", o)
			}
			return
		}
	}
	t.Fatalf("no India in\n%s", strings.Join(lines, "\n"))
}

func TestWheel(t *testing.T) {
	s := open(t, newContext(), session.New(t.TempDir()), useCase(t, 2), southAsia(), 80, 20)
	before := plain(s)
	s.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	after := plain(s)
	if before == after {
		t.Error("the wheel did not scroll")
	}
	if strings.Split(after, "\n")[0] != strings.Split(before, "\n")[0] {
		t.Error("the progress line scrolled away")
	}
	checkFrame(t, "wheel", s.View(), 80, 20)
}

// TestPickerHearsSaves: a save that failed after its screen was closed is
// reported on the picker, and a later save clears the report.
func TestPickerHearsSaves(t *testing.T) {
	p := NewPicker(newContext(), session.New(t.TempDir()))
	p.SetSize(80, 20)
	_, cmd := p.Update(SavedMsg{seq: 1, err: errors.New("disk full")})
	if cmd == nil {
		t.Error("no new list after a save")
	}
	mustContain(t, "failed", plain(p), "A checklist could not be saved: disk full")
	p.Update(SavedMsg{seq: 2})
	if strings.Contains(plain(p), "disk full") {
		t.Error("the failure stayed after a good save")
	}
	checkFrame(t, "picker", p.View(), 80, 20)
}

// A verdict given before the saved checklist is read is kept over the saved
// one and saved with the rest once they are read, never over them; quitting
// before the read still keeps both.
func TestVerdictBeforeLoad(t *testing.T) {
	ctx := newContext()
	st := session.New(t.TempDir())
	uc, br := useCase(t, 1), country(t, "BR")
	if _, err := st.Save(1, "BR", model.Verdicts{"1.2": {Answer: model.VerdictNo, Note: "kept"}}, session.Meta{Subject: "Brazil", Year: dataset.LatestFullYear()}); err != nil {
		t.Fatal(err)
	}

	sc, load := New(ctx, st, uc, br)
	sc.SetSize(80, 20)
	_, cmd := sc.Update(keyMsg("y")) // before the load's result
	if cmd != nil {
		t.Fatal("a verdict before the saved ones are read asked for a save")
	}
	run(t, sc, load) // the read arrives, and the save it was waiting for runs
	got, err := st.LoadYear(1, "BR", dataset.LatestFullYear())
	if err != nil {
		t.Fatal(err)
	}
	if got["1.1"].Answer != model.VerdictYes || got["1.2"].Answer != model.VerdictNo || got["1.2"].Note != "kept" {
		t.Errorf("saved %+v; want 1.1 yes and 1.2 no with its note", got)
	}

	// Quitting before the read: Flush reads, merges and saves.
	sc2, _ := New(ctx, st, uc, br)
	sc2.SetSize(80, 20)
	sc2.Update(keyMsg("right"))
	sc2.Update(keyMsg("?"))
	if err := sc2.Flush(); err != nil {
		t.Fatal(err)
	}
	got, _ = st.LoadYear(1, "BR", dataset.LatestFullYear())
	if got["1.1"].Answer != model.VerdictYes || got["1.2"].Answer != model.VerdictUnsure || got["1.2"].Note != "kept" {
		t.Errorf("after a flush before the read: %+v", got)
	}
}
