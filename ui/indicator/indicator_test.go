package indicator

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/ui/common"
	"github.com/equitylandscape/equity/ui/keys"
	"github.com/equitylandscape/equity/ui/report"
	"github.com/equitylandscape/equity/ui/theme"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

var (
	loadOnce sync.Once
	loaded   *model.Dataset
	loadErr  error
)

// data is the bundled sample dataset, loaded once for every test.
func data(t *testing.T) *model.Dataset {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = store.LoadFS(sampledata.FS, sampledata.DBName) })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return loaded
}

func newContext(d *model.Dataset) *common.Context {
	return &common.Context{Data: d, Theme: theme.New(theme.Mono, true), Keys: keys.NewGlobal(), Year: d.LatestFullYear()}
}

// open builds the screen for a country's domain at a size.
func open(t *testing.T, ctx *common.Context, iso2 string, dom model.DomainID, w, h int) *Screen {
	t.Helper()
	c, ok := ctx.Data.Country(iso2)
	if !ok {
		t.Fatalf("no country %s", iso2)
	}
	s := New(ctx, c, dom)
	s.SetSize(w, h)
	return s
}

// lines is the view, stripped of styles, split into lines.
func lines(s *Screen) []string { return strings.Split(ansi.Strip(s.View()), "\n") }

// whole lays the page out tall enough to show all of it and returns its
// lines, stripped.
func whole(t *testing.T, ctx *common.Context, iso2 string, dom model.DomainID, w int) []string {
	t.Helper()
	s := open(t, ctx, iso2, dom, w, 1000)
	ls := lines(s)
	for len(ls) > 0 && strings.TrimSpace(ls[len(ls)-1]) == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}

var spaces = regexp.MustCompile(` +`)

// flat joins lines into one, with single spaces, so that a phrase is found
// wherever the page wrapped it.
func flat(ls []string) string {
	return spaces.ReplaceAllString(strings.Join(ls, " "), " ")
}

func press(s *Screen, k string) tea.Cmd {
	var msg tea.KeyPressMsg
	switch k {
	case "enter":
		msg = tea.KeyPressMsg{Code: tea.KeyEnter}
	case "pgdown":
		msg = tea.KeyPressMsg{Code: tea.KeyPgDown}
	default:
		r := []rune(k)[0]
		msg = tea.KeyPressMsg{Code: r, Text: k}
	}
	_, cmd := s.Update(msg)
	return cmd
}

// checkFrame fails unless the view is exactly w × h cells.
func checkFrame(t *testing.T, s *Screen, w, h int, where string) {
	t.Helper()
	ls := strings.Split(s.View(), "\n")
	if len(ls) != h {
		t.Fatalf("%s: %d lines, want %d", where, len(ls), h)
	}
	for i, l := range ls {
		if got := ansi.StringWidth(l); got != w {
			t.Fatalf("%s: line %d is %d cells wide, want %d: %q", where, i, got, w, ansi.Strip(l))
		}
	}
}

func TestEveryLineIsTheWidth(t *testing.T) {
	ctx := newContext(data(t))
	colour := newContext(data(t))
	colour.Theme = theme.New(theme.HighContrast, true)
	for _, dom := range []model.DomainID{model.Editorship, model.Grants, model.Programs, model.Affiliates} {
		for _, size := range [][2]int{{80, 20}, {200, 46}, {60, 12}, {100, 30}} {
			w, h := size[0], size[1]
			c := ctx
			if w == 100 {
				c = colour
			}
			s := open(t, c, "NG", dom, w, h)
			// Page through to the foot, checking every frame.
			for i := 0; i < 200 && !s.page.AtBottom(); i++ {
				checkFrame(t, s, w, h, fmt.Sprintf("%s %dx%d page %d", dom, w, h, i))
				press(s, "pgdown")
			}
			checkFrame(t, s, w, h, fmt.Sprintf("%s %dx%d foot", dom, w, h))
		}
	}
}

func TestTinySizesDoNotPanic(t *testing.T) {
	ctx := newContext(data(t))
	for _, size := range [][2]int{{60, 12}, {30, 5}, {1, 1}, {0, 0}} {
		s := open(t, ctx, "NG", model.Editorship, size[0], size[1])
		_ = s.View()
		for _, k := range []string{"j", "k", "G", "g", "enter", "pgdown"} {
			press(s, k)
			_ = s.View()
		}
		if size[0] > 0 && size[1] > 0 {
			checkFrame(t, s, size[0], size[1], fmt.Sprintf("%dx%d", size[0], size[1]))
		}
	}
}

// row finds the table row of an input: the line that starts with its name
// and carries a percentile ("87th").
func row(ls []string, name string) (string, bool) {
	for _, l := range ls {
		if strings.HasPrefix(l, " "+name+" ") && pctile.MatchString(l) {
			return l, true
		}
	}
	return "", false
}

var pctile = regexp.MustCompile(` [0-9]{1,3}(st|nd|rd|th) `)

var number = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

func TestPresenceSumsToTheScore(t *testing.T) {
	d := data(t)
	ctx := newContext(d)
	year := ctx.Year
	e := d.RankFacet(model.Editorship, model.Presence, year).Explain("NG")
	if !e.HasScore || len(e.Inputs) != 3 {
		t.Fatalf("Nigeria's editorship presence: %+v", e)
	}
	stored, ok := d.Score("NG", model.Editorship, model.Presence, year)
	if !ok {
		t.Fatal("no stored presence score for Nigeria")
	}
	for _, w := range []int{60, 80, 200} {
		ls := whole(t, ctx, "NG", model.Editorship, w)
		text := strings.Join(ls, "\n")
		sum := 0.0
		for _, in := range e.Inputs {
			l, ok := row(ls, in.Indicator.Name)
			if !ok {
				t.Fatalf("width %d: no row for %s:\n%s", w, in.Indicator.Name, text)
			}
			fields := strings.Fields(l)
			last := fields[len(fields)-1]
			if !number.MatchString(last) {
				t.Fatalf("width %d: row %q does not end with a contribution", w, l)
			}
			v, _ := strconv.ParseFloat(last, 64)
			if last != report.Score(in.Contribution) {
				t.Errorf("width %d: %s adds %s, want %s", w, in.Indicator.Name, last, report.Score(in.Contribution))
			}
			// A percentile, never written as a rank ("86.7 of 242").
			if !strings.Contains(l, " "+report.Percentile(in.Rank)+" ") || strings.Contains(l, " of "+report.Count(in.Among)) {
				t.Errorf("width %d: row %q lacks its percentile, or writes it as a rank", w, l)
			}
			if flat := strings.Join(strings.Fields(text), " "); !regexp.MustCompile(`Pctile: the percentile rank of the input's value among the [0-9, or]*\b` + report.Count(in.Among) + `\b`).MatchString(flat) {
				t.Errorf("width %d: no note says %s is ranked among %d countries", w, in.Indicator.Name, in.Among)
			}
			sum += v
		}
		m := regexp.MustCompile(`weighted mean = ([0-9.]+) \(sum of contributions\)`).FindStringSubmatch(text)
		if m == nil {
			t.Fatalf("width %d: no weighted mean line:\n%s", w, text)
		}
		mean, _ := strconv.ParseFloat(m[1], 64)
		if math.Abs(sum-mean) > 0.05*float64(len(e.Inputs)+1) {
			t.Errorf("width %d: contributions add up to %.2f, the page says the mean is %.1f", w, sum, mean)
		}
		if m[1] != report.Score(e.Mean) {
			t.Errorf("width %d: weighted mean %s, want %s", w, m[1], report.Score(e.Mean))
		}
		want := fmt.Sprintf("ranked again among %d countries → %s", e.Among, report.Score(stored))
		if !strings.Contains(text, want) {
			t.Errorf("width %d: no %q:\n%s", w, want, text)
		}
		if !regexp.MustCompile(`(?m)^ Presence +` + regexp.QuoteMeta(report.Score(stored)) + ` `).MatchString(text) {
			t.Errorf("width %d: the scores table does not show presence %s", w, report.Score(stored))
		}
	}
}

func TestSharesAtWidth(t *testing.T) {
	ctx := newContext(data(t))
	header := regexp.MustCompile(`Weight +Share +Adds`)
	wide := strings.Join(whole(t, ctx, "NG", model.Editorship, 200), "\n")
	if !header.MatchString(wide) || !strings.Contains(wide, "33.3%") {
		t.Error("at 200 columns the share column is missing")
	}
	narrow := strings.Join(whole(t, ctx, "NG", model.Editorship, 60), "\n")
	if header.MatchString(narrow) || !regexp.MustCompile(`Weight +Adds`).MatchString(narrow) {
		t.Error("at 60 columns the share column should have gone first")
	}
}

func TestRawValues(t *testing.T) {
	d := data(t)
	ctx := newContext(d)
	year := ctx.Year

	// Growth: the rate and the two yearly values it comes from.
	prev, _ := d.Value("NG", model.IndWPEditors, year-1)
	cur, _ := d.Value("NG", model.IndWPEditors, year)
	rate, _ := model.GrowthRate(prev, cur)
	// and the pipeline's ratio, this year ÷ last
	ratio, _ := model.GrowthRatio(prev, cur)
	detail := "(" + report.Number(prev) + " → " + report.Number(cur) + fmt.Sprintf(", ×%.3f)", ratio)
	wide := strings.Join(whole(t, ctx, "NG", model.Editorship, 200), "\n")
	if !strings.Contains(wide, report.Signed(rate)+" "+detail) {
		t.Errorf("no %q on the wide page:\n%s", report.Signed(rate)+" "+detail, wide)
	}
	narrow := strings.Join(whole(t, ctx, "NG", model.Editorship, 60), "\n")
	if !strings.Contains(narrow, "↳ "+detail) {
		t.Errorf("no %q on its own line on the narrow page:\n%s", "↳ "+detail, narrow)
	}
	if !strings.Contains(wide, report.Percent(mustValue(t, d, "NG", model.IndVeryActive, year))) {
		t.Error("the very active share is not shown as a percentage")
	}

	// Per: the dollars, then what they are divided by.
	raw := mustValue(t, d, "NG", model.IndGrantsHistUSD, year)
	gdp, _ := d.ContextAt("NG", model.IndGDPPerCap, year)
	grants := strings.Join(whole(t, ctx, "NG", model.Grants, 200), "\n")
	want := fmt.Sprintf("%s ÷ %s GDP/cap (%d)", report.Money(raw), report.Money(gdp.Value), gdp.Year)
	if !strings.Contains(grants, want) {
		t.Errorf("no %q:\n%s", want, grants)
	}
	if !strings.Contains(grants, "50†") || !strings.Contains(grants, "project-defined") {
		t.Error("grants growth weights are not marked project-defined")
	}
}

func mustValue(t *testing.T, d *model.Dataset, iso2, id string, year int) float64 {
	t.Helper()
	v, ok := d.Value(iso2, id, year)
	if !ok {
		t.Fatalf("no %s for %s in %d", id, iso2, year)
	}
	return v
}

func TestSections(t *testing.T) {
	d := data(t)
	ctx := newContext(d)
	text := flat(whole(t, ctx, "NG", model.Editorship, 80))
	for _, want := range []string{
		fmt.Sprintf("Editorship — Nigeria, %d", ctx.Year),
		"published by the Equity Landscape",
		"Presence — how the score is made",
		"Growth — how the score is made",
		"Source: Modeled Wikimedia activity",
		"MODELED",
		"Over the years",
		"Overall score",
		"0 50 100",
		"Sub-Saharan Africa — top and bottom five",
		"◀ this country",
		"SAMPLE DATA",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q on the page", want)
		}
	}
	mine, _ := d.Score("NG", model.Editorship, model.Overall, ctx.Year)
	if !regexp.MustCompile(`Nigeria: ` + regexp.QuoteMeta(report.Score(mine)) + ` — higher than [0-9]+% of the [0-9,]+ countries with a score`).MatchString(text) {
		t.Errorf("no histogram sentence for Nigeria %s:\n%s", report.Score(mine), text)
	}
}

func TestProgramsHasNoGrowth(t *testing.T) {
	ctx := newContext(data(t))
	s := open(t, ctx, "NG", model.Programs, 80, 1000)
	text := ansi.Strip(s.View())
	if strings.Contains(text, "Growth —") || regexp.MustCompile(`(?m)^ Growth `).MatchString(text) {
		t.Errorf("Programs shows a growth section:\n%s", text)
	}
	if !strings.Contains(text, "no growth inputs") {
		t.Error("Programs does not say why overall is presence alone")
	}
	if st := s.Status(); len(st) != 1 || !strings.HasPrefix(st[0], "presence ") {
		t.Errorf("status %q", st)
	}
}

func TestIdleSaysNoActivity(t *testing.T) {
	d := data(t)
	ctx := newContext(d)
	r := d.RankFacet(model.Affiliates, model.Presence, ctx.Year)
	for _, c := range d.Countries {
		if !r.Explain(c.ISO2).Idle {
			continue
		}
		text := flat(whole(t, ctx, c.ISO2, model.Affiliates, 80))
		if !strings.Contains(text, model.NoActivity) {
			t.Errorf("%s is idle in affiliates but the page does not say %q:\n%s", c.Name, model.NoActivity, text)
		}
		return
	}
	t.Fatal("no country without affiliate activity in the sample")
}

// TestTooLittleWeight builds a small dataset where one country has only a
// third of editorship's presence weight.
func TestTooLittleWeight(t *testing.T) {
	inds := model.Catalog()
	for i := range inds {
		inds[i].SourceID = "src"
	}
	p := model.Parts{
		Countries: []model.Country{
			{ISO2: "AA", Name: "Aland", WikimediaRegion: "R"},
			{ISO2: "BB", Name: "Borland", WikimediaRegion: "R"},
			{ISO2: "CC", Name: "Corland", WikimediaRegion: "R"},
		},
		Sources:    []model.Source{{ID: "src", Title: "Test source", Year: 2024}},
		Indicators: inds,
	}
	for i, iso2 := range []string{"AA", "BB", "CC"} {
		for _, y := range []int{2023, 2024} {
			v := float64(10 * (i + 1) * (y - 2020))
			p.Observations = append(p.Observations, model.Observation{ISO2: iso2, Indicator: model.IndVeryActive, Year: y, Value: 5 + float64(i)})
			if iso2 != "AA" {
				p.Observations = append(p.Observations,
					model.Observation{ISO2: iso2, Indicator: model.IndWPEditors, Year: y, Value: v},
					model.Observation{ISO2: iso2, Indicator: model.IndAllEditors, Year: y, Value: 2 * v})
			}
		}
	}
	d, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	d.SetScores(model.ComputeScores(d))
	ctx := newContext(d)
	text := flat(whole(t, ctx, "AA", model.Editorship, 80))
	if !strings.Contains(text, "only 33% of the weight present; half is needed") {
		t.Errorf("no weight explanation:\n%s", text)
	}
	if !strings.Contains(text, "(no value)") {
		t.Errorf("missing inputs are not marked:\n%s", text)
	}
}

func TestFirstYearHasNoGrowth(t *testing.T) {
	d := data(t)
	ctx := newContext(d)
	ctx.Year = d.Years[0]
	text := flat(whole(t, ctx, "NG", model.Editorship, 80))
	if !strings.Contains(text, fmt.Sprintf("%d is the first year of the dataset", d.Years[0])) {
		t.Errorf("the first year does not explain the missing growth:\n%s", text)
	}
}

func TestOpenCountryFromTheRegionList(t *testing.T) {
	d := data(t)
	ctx := newContext(d)
	s := open(t, ctx, "NG", model.Editorship, 80, 20)
	if cmd := press(s, "enter"); cmd != nil {
		t.Fatal("enter opened a country the page does not show")
	}
	// j scrolls the text a line at a time: it does not jump to the list.
	before := lines(s)
	press(s, "j")
	after := lines(s)
	if after[0] != before[1] {
		t.Fatalf("j did not scroll one line:\nbefore %q\nafter  %q", before[:2], after[:2])
	}

	// To the foot of the page, then up to the first country of the list.
	press(s, "G")
	for i := 0; i < 50; i++ {
		if sel, _ := s.page.Selected(); sel == 0 {
			break
		}
		press(s, "k")
	}
	if sel, _ := s.page.Selected(); sel != 0 {
		t.Fatalf("k never reached the first country (at %d)", sel)
	}
	first := s.f.ranked[0].c
	if !strings.Contains(ansi.Strip(s.View()), "▶ 1. "+first.Name) {
		t.Fatalf("the first country is not drawn selected:\n%s", ansi.Strip(s.View()))
	}
	cmd := press(s, "enter")
	if cmd == nil {
		t.Fatal("enter on a country gave no command")
	}
	msg, ok := cmd().(common.OpenCountryMsg)
	if !ok || msg.ISO2 != first.ISO2 {
		t.Fatalf("enter gave %#v, want OpenCountryMsg{%s}", cmd(), first.ISO2)
	}

	// A click selects; a click on the selected country opens it.
	var y2 = -1
	for y, l := range lines(s) {
		if strings.Contains(l, " 2. "+s.f.ranked[1].c.Name) {
			y2 = y
		}
	}
	if y2 < 0 {
		t.Fatal("the second country is not on the page")
	}
	click := tea.MouseClickMsg{Button: tea.MouseLeft, Y: y2}
	if _, cmd := s.Update(click); cmd != nil {
		t.Fatal("the first click opened the country")
	}
	if sel, _ := s.page.Selected(); sel != 1 {
		t.Fatalf("the click selected %d, want 1", sel)
	}
	_, cmd = s.Update(click)
	if cmd == nil {
		t.Fatal("a click on the selected country did not open it")
	}
	if msg, ok := cmd().(common.OpenCountryMsg); !ok || msg.ISO2 != s.f.ranked[1].c.ISO2 {
		t.Fatalf("the click gave %#v", cmd())
	}
}

func TestWheelScrolls(t *testing.T) {
	ctx := newContext(data(t))
	s := open(t, ctx, "NG", model.Editorship, 80, 20)
	before := lines(s)
	s.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if after := lines(s); after[0] == before[0] {
		t.Error("the wheel did not scroll")
	}
}

func TestYearChanged(t *testing.T) {
	d := data(t)
	ctx := newContext(d)
	s := open(t, ctx, "NG", model.Editorship, 80, 20)
	year := d.Years[len(d.Years)-3]
	ctx.Year = year
	s.Update(common.YearChangedMsg{})
	if got := lines(s)[0]; !strings.Contains(got, fmt.Sprintf("Nigeria, %d", year)) {
		t.Errorf("heading %q after the year changed to %d", got, year)
	}
	p, _ := d.Score("NG", model.Editorship, model.Presence, year)
	if st := s.Status(); len(st) == 0 || st[0] != "presence "+report.Score(p) {
		t.Errorf("status %q, want presence %s", st, report.Score(p))
	}
}

func TestScreenBasics(t *testing.T) {
	d := data(t)
	ctx := newContext(d)
	s := open(t, ctx, "NG", model.Editorship, 80, 20)
	if s.Crumb() != "Editorship" {
		t.Errorf("crumb %q", s.Crumb())
	}
	p, _ := d.Score("NG", model.Editorship, model.Presence, ctx.Year)
	g, _ := d.Score("NG", model.Editorship, model.Growth, ctx.Year)
	want := []string{"presence " + report.Score(p), "growth " + report.Score(g)}
	if got := s.Status(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("status %q, want %q", got, want)
	}
	if s.Capturing() || s.Back() {
		t.Error("the screen should neither capture keys nor use esc")
	}
	k := s.Keys()
	found := false
	for _, b := range k.ShortHelp() {
		if b.Help().Key == "enter" {
			found = true
		}
	}
	if !found || len(k.FullHelp()) == 0 {
		t.Error("the key help lacks enter")
	}
}

func TestNoRegionUsesTheWorld(t *testing.T) {
	d := data(t)
	ctx := newContext(d)
	for _, c := range d.Countries {
		if c.WikimediaRegion != "" {
			continue
		}
		text := strings.Join(whole(t, ctx, c.ISO2, model.Readership, 80), "\n")
		if !strings.Contains(text, "The world — top and bottom five") {
			t.Errorf("%s has no region but the list is not the world's:\n%s", c.Name, text)
		}
		return
	}
	t.Skip("every country has a region")
}

func TestGolden(t *testing.T) {
	ctx := newContext(data(t))
	for _, g := range []struct {
		name string
		w, h int
	}{
		{"nigeria-editorship-80x20", 80, 20},
		{"nigeria-editorship-200x46", 200, 46},
		{"nigeria-editorship-80-whole", 80, 0},
	} {
		var got string
		if g.h == 0 {
			got = strings.Join(whole(t, ctx, "NG", model.Editorship, g.w), "\n")
		} else {
			got = ansi.Strip(open(t, ctx, "NG", model.Editorship, g.w, g.h).View())
		}
		got += "\n"
		path := filepath.Join("testdata", g.name+".golden")
		if *update {
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
			t.Fatalf("%v (run go test -update to write it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", g.name, path, got)
		}
	}
}
