package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/ui/report"
)

// lines joins the lines of an expected output, each ending in a newline, so
// that trailing blanks in a golden string are visible.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// write renders a document, failing the test on an error.
func write(t *testing.T, doc report.Doc, f report.Format, opt report.Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := report.Write(&b, doc, f, opt); err != nil {
		t.Fatalf("Write(%s): %v", f, err)
	}
	return b.String()
}

// diff reports a golden mismatch line by line, quoted, so that blanks show.
func diff(t *testing.T, what, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Errorf("%s: line %d is\n%q\nwant\n%q", what, i+1, gl, wl)
			break
		}
	}
	t.Errorf("%s: got\n%s\nwant\n%s", what, got, want)
}

// The small document every format is checked on: a list of fields and a
// table with every kind of column.
//
//	column   key          show        text / value
//	Code     iso2                     left
//	Name     name                     left, Flex
//	Score    score                    right; a float, missing for XX
//	Region   region_rank  ForReaders  right: "1 of 2"
//	-        region_pos   ForScripts  an int, missing for XX
//	Note     note                     left, Flex; markup characters, empty for CN
//	-        modeled      ForScripts  a bool
const (
	noteRanks   = "Scores are 0–100 ranks among countries (50 = the median country)."
	noteModeled = "SAMPLE DATA: the figures are MODELED; see `equity info` or set `EQUITY_DB`, not a_b *c*."
	markup      = "a|b *c* _d_ `e` <f>"
)

func countryFields() *report.FieldsSection {
	return &report.FieldsSection{Key: "country", Title: "Country", Fields: []report.Field{
		{Key: "name", Label: "Name", Cell: report.Text("Côte d’Ivoire")},
		{Key: "codes", Label: "ISO codes", Cell: report.Text("CI / CIV"), Show: report.ForReaders},
		// a label nobody reads: it must not widen the labels that are read
		{Key: "iso2", Label: "ISO 3166-1 alpha-2 code", Cell: report.Text("CI"), Show: report.ForScripts},
		{Key: "population", Label: "Population", Cell: report.Cell{Text: "31.17 M", Value: 31165654.0}},
		{Key: "protected", Label: "Protected", Cell: report.Cell{Text: "no", Value: false}},
		{Key: "risk", Label: "Data risk", Cell: report.Missing()},
		{Key: "notes", Label: "Notes", Cell: report.Text("")},
	}}
}

func countriesTable() *report.TableSection {
	return &report.TableSection{Key: "countries", Title: "Countries",
		Columns: []report.Column{
			{Key: "iso2", Title: "Code"},
			{Key: "name", Title: "Name", Flex: true},
			{Key: "score", Title: "Score", Right: true},
			{Key: "region_rank", Title: "Region", Right: true, Show: report.ForReaders},
			{Key: "region_pos", Title: "Pos", Show: report.ForScripts},
			{Key: "note", Title: "Note", Flex: true},
			{Key: "modeled", Title: "Modeled", Show: report.ForScripts},
		},
		Rows: [][]report.Cell{
			{report.Text("CI"), report.Text("Côte d’Ivoire"), {Text: "61.5", Value: 61.523456789}, report.Text("1 of 2"),
				{Text: "1", Value: 1}, report.Text(markup), {Text: "yes", Value: true}},
			{report.Text("CN"), report.Text("中国"), {Text: "7.3", Value: 7.3}, report.Text("1 of 1"),
				{Text: "1", Value: 1}, report.Text(""), {Text: "no", Value: false}},
			{report.Text("XX"), report.Text("Atlantis"), report.Missing(), report.Missing(),
				report.Missing(), report.Text("plain, with comma"), {Text: "yes", Value: true}},
		},
	}
}

func smallDoc() report.Doc {
	return report.Doc{
		Title:    "Countries — 2024",
		Sections: []report.Section{countryFields(), countriesTable()},
		Notes:    []string{noteRanks, noteModeled},
		About:    map[string]any{"dataset": map[string]any{"kind": "sample", "modeled": true}},
	}
}

func TestWriteText(t *testing.T) {
	tests := []struct {
		name  string
		width int
		want  string
	}{
		// Labels padded to the widest label read (Population, 10); table
		// columns to their widest cell, numbers on the right, headers in
		// upper case; Pos and Modeled (ForScripts) absent; "中国" counts
		// four cells; nothing after the last character of a line.
		{"whole", 0, lines(
			"Countries — 2024",
			"",
			"Country",
			"Name        Côte d’Ivoire",
			"ISO codes   CI / CIV",
			"Population  31.17 M",
			"Protected   no",
			"Data risk   —",
			"Notes",
			"",
			"Countries",
			"CODE  NAME           SCORE  REGION  NOTE",
			"CI    Côte d’Ivoire   61.5  1 of 2  a|b *c* _d_ `e` <f>",
			"CN    中国             7.3  1 of 1",
			"XX    Atlantis           —       —  plain, with comma",
			"",
			noteRanks,
			noteModeled,
		)},
		// 55 cells into 40: the Flex columns are cut a cell at a time
		// from the widest, Note first, until they are even (Name keeps the
		// cell of a tie); notes wrap at spaces.
		{"40 cells", 40, lines(
			"Countries — 2024",
			"",
			"Country",
			"Name        Côte d’Ivoire",
			"ISO codes   CI / CIV",
			"Population  31.17 M",
			"Protected   no",
			"Data risk   —",
			"Notes",
			"",
			"Countries",
			"CODE  NAME       SCORE  REGION  NOTE",
			"CI    Côte d’I…   61.5  1 of 2  a|b *c*…",
			"CN    中国         7.3  1 of 1",
			"XX    Atlantis       —       —  plain, …",
			"",
			"Scores are 0–100 ranks among countries",
			"(50 = the median country).",
			"SAMPLE DATA: the figures are MODELED;",
			"see `equity info` or set `EQUITY_DB`,",
			"not a_b *c*.",
		)},
		// Too narrow to fit: both Flex columns stop at 6 cells and the line
		// stays 35 wide (the terminal wraps it); fixed columns are never cut.
		{"20 cells", 20, lines(
			"Countries — 2024",
			"",
			"Country",
			"Name        Côte d’Ivoire",
			"ISO codes   CI / CIV",
			"Population  31.17 M",
			"Protected   no",
			"Data risk   —",
			"Notes",
			"",
			"Countries",
			"CODE  NAME    SCORE  REGION  NOTE",
			"CI    Côte …   61.5  1 of 2  a|b *…",
			"CN    中国      7.3  1 of 1",
			"XX    Atlan…      —       —  plain…",
			"",
			"Scores are 0–100",
			"ranks among",
			"countries (50 = the",
			"median country).",
			"SAMPLE DATA: the",
			"figures are MODELED;",
			"see `equity info` or",
			"set `EQUITY_DB`, not",
			"a_b *c*.",
		)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := write(t, smallDoc(), report.Table, report.Options{Width: tt.width})
			diff(t, "text", got, tt.want)
			for i, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
				if strings.TrimRight(l, " ") != l {
					t.Errorf("line %d %q ends in blanks", i+1, l)
				}
				if tt.width >= 40 && ansi.StringWidth(l) > tt.width {
					t.Errorf("line %d %q is %d cells wide, more than %d", i+1, l, ansi.StringWidth(l), tt.width)
				}
			}
		})
	}
}

// Cutting counts cells, not runes or bytes: a CJK rune takes two.
func TestWriteTextWide(t *testing.T) {
	doc := report.Doc{Title: "Wide", Sections: []report.Section{&report.TableSection{Key: "t",
		Columns: []report.Column{{Key: "name", Title: "Name", Flex: true}, {Key: "iso2", Title: "Code"}},
		Rows: [][]report.Cell{
			{report.Text("中华人民共和国"), report.Text("CN")},       // 7 runes, 14 cells
			{report.Text("Côte d’Ivoire"), report.Text("CI")}, // 13 runes, 17 bytes
		},
	}}}
	tests := []struct {
		width int
		want  string
	}{
		{0, lines("Wide", "", "NAME            CODE", "中华人民共和国  CN", "Côte d’Ivoire   CI")},
		{20, lines("Wide", "", "NAME            CODE", "中华人民共和国  CN", "Côte d’Ivoire   CI")},
		// Name cut to 10: "中华人民" (8) and "…" (1) leave one cell of padding
		{16, lines("Wide", "", "NAME        CODE", "中华人民…   CN", "Côte d’Iv…  CI")},
		{10, lines("Wide", "", "NAME    CODE", "中华…   CN", "Côte …  CI")},
		// never below 6 cells
		{5, lines("Wide", "", "NAME    CODE", "中华…   CN", "Côte …  CI")},
	}
	for _, tt := range tests {
		got := write(t, doc, report.Table, report.Options{Width: tt.width})
		diff(t, fmt.Sprintf("width %d", tt.width), got, tt.want)
	}
}

func TestWriteTextStyled(t *testing.T) {
	const bold, faint = "\x1b[1m", "\x1b[2m"
	plain := write(t, smallDoc(), report.Table, report.Options{})
	styled := write(t, smallDoc(), report.Table, report.Options{Styled: true})
	tests := []struct {
		name   string
		out    string
		styled bool
	}{
		{"plain", plain, false},
		{"styled", styled, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if has := strings.Contains(tt.out, "\x1b["); has != tt.styled {
				t.Fatalf("Styled %v: output has escape sequences: %v\n%q", tt.styled, has, tt.out)
			}
			if !tt.styled {
				return
			}
			// the title, section titles and table header are bold; notes are
			// faint; rows and fields are plain
			for _, want := range []string{
				bold + "Countries — 2024",
				bold + "Country",
				bold + "Countries\x1b",
				bold + "CODE  NAME           SCORE  REGION  NOTE",
				faint + noteRanks,
				faint + noteModeled,
				"\nCI    Côte d’Ivoire   61.5  1 of 2  a|b *c* _d_ `e` <f>\n",
				"\nName        Côte d’Ivoire\n",
			} {
				if !strings.Contains(tt.out, want) {
					t.Errorf("styled output lacks %q:\n%q", want, tt.out)
				}
			}
			// styling adds escapes and nothing else
			if got := ansi.Strip(tt.out); got != plain {
				t.Errorf("styled output without its escapes differs from the plain output:\n%s\nwant\n%s", got, plain)
			}
		})
	}
}

func TestWriteMarkdown(t *testing.T) {
	got := write(t, smallDoc(), report.Markdown, report.Options{Width: 20, Styled: true})
	want := lines(
		"## Countries — 2024",
		"",
		"### Country",
		"",
		"- **Name:** Côte d’Ivoire",
		"- **ISO codes:** CI / CIV",
		"- **Population:** 31.17 M",
		"- **Protected:** no",
		"- **Data risk:** —",
		"- **Notes:** ",
		"",
		"### Countries",
		"",
		"| Code | Name | Score | Region | Note |",
		"| --- | --- | ---: | ---: | --- |",
		"| CI | Côte d’Ivoire | 61.5 | 1 of 2 | a\\|b \\*c\\* \\_d\\_ \\`e\\` &lt;f&gt; |",
		"| CN | 中国 | 7.3 | 1 of 1 |  |",
		"| XX | Atlantis | — | — | plain, with comma |",
		"",
		"> "+noteRanks,
		">",
		// code spans kept as they are; the rest escaped
		"> SAMPLE DATA: the figures are MODELED; see `equity info` or set `EQUITY_DB`, not a\\_b \\*c\\*.",
	)
	// Markdown is neither fitted nor styled
	diff(t, "markdown", got, want)

	// every table line has exactly the six unescaped pipes of five columns
	for _, l := range strings.Split(got, "\n") {
		if !strings.HasPrefix(l, "|") {
			continue
		}
		if n := strings.Count(l, "|") - strings.Count(l, `\|`); n != 6 {
			t.Errorf("table line %q has %d cell borders, want 6", l, n)
		}
	}
}

// Markdown escaping, cell by cell and note by note.
func TestWriteMarkdownEscapes(t *testing.T) {
	tests := []struct {
		name       string
		text, note string
		cell       string // the table line of the cell
		quote      string // the quoted note
	}{
		{"plain", "Nigeria", "Plain words.", "| Nigeria |", "> Plain words."},
		{"pipe", "a|b", "a|b", `| a\|b |`, "> a|b"},
		{"emphasis", "*x* _y_", "*x* _y_", `| \*x\* \_y\_ |`, `> \*x\* \_y\_`},
		{"backslash", `C:\db`, `C:\db`, `| C:\\db |`, `> C:\\db`},
		{"link", "[x](y)", "[x](y)", `| \[x\](y) |`, `> \[x\](y)`},
		{"html", "<b>&</b>", "<b>", "| &lt;b&gt;&&lt;/b&gt; |", "> &lt;b&gt;"},
		{"backtick", "a`b", "run `equity --db <file>` now", "| a\\`b |", "> run `equity --db <file>` now"},
		{"two code spans", "x", "`a_b` and `c*d`, then e_f", "| x |", "> `a_b` and `c*d`, then e\\_f"},
		{"unpaired backtick", "x", "a ` b_c", "| x |", "> a ` b\\_c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := report.Doc{
				Sections: []report.Section{&report.TableSection{Key: "t",
					Columns: []report.Column{{Key: "v", Title: "V"}},
					Rows:    [][]report.Cell{{report.Text(tt.text)}}}},
				Notes: []string{tt.note},
			}
			want := lines("", "| V |", "| --- |", tt.cell, "", tt.quote)
			diff(t, "markdown", write(t, doc, report.Markdown, report.Options{}), want)
		})
	}
}

func TestWriteCSV(t *testing.T) {
	readersOnly := &report.TableSection{Key: "shown", Title: "Shown",
		Columns: []report.Column{{Key: "a", Title: "A", Show: report.ForReaders}, {Key: "b", Title: "B", Show: report.ForReaders}},
		Rows:    [][]report.Cell{{report.Text("x"), report.Text("y")}},
	}
	tests := []struct {
		name string
		doc  report.Doc
		want string
	}{
		// one table: a header of keys, ForReaders columns absent, ForScripts
		// present; missing values empty; numbers in full; bools spelled out;
		// a comma quoted; no notes
		{"one table", report.Doc{Title: "Countries", Sections: []report.Section{countriesTable()}, Notes: []string{noteRanks}}, lines(
			"iso2,name,score,region_pos,note,modeled",
			"CI,Côte d’Ivoire,61.523456789,1,a|b *c* _d_ `e` <f>,true",
			"CN,中国,7.3,1,,false",
			`XX,Atlantis,,,"plain, with comma",true`,
		)},
		{"one empty table", report.Doc{Sections: []report.Section{&report.TableSection{Key: "t",
			Columns: []report.Column{{Key: "a"}, {Key: "b", Show: report.ForReaders}, {Key: "c", Show: report.ForScripts}}}}},
			lines("a,c")},
		// several sections: one long table; fields have no item, table rows
		// are items named by their first column
		{"fields and a table", smallDoc(), lines(
			"section,item,field,value",
			"country,,name,Côte d’Ivoire",
			"country,,iso2,CI",
			"country,,population,31165654",
			"country,,protected,false",
			"country,,risk,",
			"country,,notes,",
			"countries,CI,name,Côte d’Ivoire",
			"countries,CI,score,61.523456789",
			"countries,CI,region_pos,1",
			"countries,CI,note,a|b *c* _d_ `e` <f>",
			"countries,CI,modeled,true",
			"countries,CN,name,中国",
			"countries,CN,score,7.3",
			"countries,CN,region_pos,1",
			"countries,CN,note,",
			"countries,CN,modeled,false",
			"countries,XX,name,Atlantis",
			"countries,XX,score,",
			"countries,XX,region_pos,",
			`countries,XX,note,"plain, with comma"`,
			"countries,XX,modeled,true",
		)},
		// a lone list of fields is long too
		{"fields only", report.Doc{Sections: []report.Section{countryFields()}}, lines(
			"section,item,field,value",
			"country,,name,Côte d’Ivoire",
			"country,,iso2,CI",
			"country,,population,31165654",
			"country,,protected,false",
			"country,,risk,",
			"country,,notes,",
		)},
		// a table with nothing for scripts adds nothing (and does not fail)
		{"a table for readers only", report.Doc{Sections: []report.Section{readersOnly, countryFields()}}, lines(
			"section,item,field,value",
			"country,,name,Côte d’Ivoire",
			"country,,iso2,CI",
			"country,,population,31165654",
			"country,,protected,false",
			"country,,risk,",
			"country,,notes,",
		)},
		{"no sections", report.Doc{Title: "Nothing"}, lines("section,item,field,value")},
		// values of every kind a cell may hold
		{"values", report.Doc{Sections: []report.Section{&report.TableSection{Key: "t",
			Columns: []report.Column{{Key: "f"}, {Key: "i"}, {Key: "b"}, {Key: "s"}, {Key: "n"}},
			Rows: [][]report.Cell{
				{{Value: 1.0 / 3}, {Value: -3}, {Value: false}, {Value: `say "hi"`}, {Value: nil}},
				{{Value: 236747000.0}, {Value: 0}, {Value: true}, {Value: " lead"}, {Text: "—"}},
				{{Value: 1e-7}, {Value: 26012}, {Value: true}, {Value: "a\nb"}, {Value: 2.5}},
			}}}}, lines(
			"f,i,b,s,n",
			`0.3333333333333333,-3,false,"say ""hi""",`,
			`236747000,0,true," lead",`,
			"0.0000001,26012,true,\"a\nb\",2.5",
		)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// CSV ignores the text options
			got := write(t, tt.doc, report.CSV, report.Options{Width: 20, Styled: true})
			diff(t, "csv", got, tt.want)
		})
	}
}

func TestWriteJSON(t *testing.T) {
	out := write(t, smallDoc(), report.JSON, report.Options{Width: 20, Styled: true})
	if !json.Valid([]byte(out)) {
		t.Fatalf("not valid JSON:\n%s", out)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		// About, merged at the top level
		"dataset": map[string]any{"kind": "sample", "modeled": true},
		"title":   "Countries — 2024",
		"notes":   []any{noteRanks, noteModeled},
		// a list of fields is an object, without the ForReaders field
		"country": map[string]any{
			"name":       "Côte d’Ivoire",
			"iso2":       "CI",
			"population": 31165654.0,
			"protected":  false,
			"risk":       nil,
			"notes":      "",
		},
		// a table is an array of objects keyed by column, without the
		// ForReaders column; missing values are null
		"countries": []any{
			map[string]any{"iso2": "CI", "name": "Côte d’Ivoire", "score": 61.523456789, "region_pos": 1.0, "note": markup, "modeled": true},
			map[string]any{"iso2": "CN", "name": "中国", "score": 7.3, "region_pos": 1.0, "note": "", "modeled": false},
			map[string]any{"iso2": "XX", "name": "Atlantis", "score": nil, "region_pos": nil, "note": "plain, with comma", "modeled": true},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("JSON parsed back as\n%#v\nwant\n%#v", got, want)
	}
	// readable as written: no HTML escapes, indented, one trailing newline
	for _, s := range []string{`"note": "a|b *c* _d_ ` + "`e`" + ` <f>"`, `"name": "中国"`, "\n  \"title\": \"Countries — 2024\"\n}\n"} {
		if !strings.Contains(out, s) {
			t.Errorf("JSON lacks %q:\n%s", s, out)
		}
	}
	if !strings.HasSuffix(out, "}\n") || strings.HasSuffix(out, "\n\n") {
		t.Errorf("JSON should end in one newline: %q", out[max(0, len(out)-10):])
	}
}

// Empty parts are empty JSON values, never null.
func TestWriteJSONEmpty(t *testing.T) {
	doc := report.Doc{Sections: []report.Section{
		&report.TableSection{Key: "rows", Columns: []report.Column{{Key: "a"}}},
		&report.FieldsSection{Key: "fields"},
	}}
	var got map[string]any
	if err := json.Unmarshal([]byte(write(t, doc, report.JSON, report.Options{})), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"notes": []any{}, "rows": []any{}, "fields": map[string]any{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("empty document as JSON = %#v, want %#v", got, want)
	}
}

// A section for readers is left out of JSON and CSV; one for scripts is
// left out of text and Markdown.
func TestSectionShow(t *testing.T) {
	doc := report.Doc{Sections: []report.Section{
		&report.FieldsSection{Key: "people", Title: "For people", Show: report.ForReaders,
			Fields: []report.Field{{Key: "a", Label: "Seen by people", Cell: report.Text("reader-only")}}},
		&report.TableSection{Key: "data", Title: "For scripts", Show: report.ForScripts,
			Columns: []report.Column{{Key: "x", Title: "X"}}, Rows: [][]report.Cell{{report.Text("script-only")}}},
	}}
	render := func(f report.Format) string {
		var b strings.Builder
		if err := report.Write(&b, doc, f, report.Options{}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, f := range []report.Format{report.Table, report.Markdown} {
		if out := render(f); !strings.Contains(out, "reader-only") || strings.Contains(out, "script-only") {
			t.Errorf("%s:\n%s", f, out)
		}
	}
	for _, f := range []report.Format{report.JSON, report.CSV} {
		if out := render(f); strings.Contains(out, "reader-only") || !strings.Contains(out, "script-only") {
			t.Errorf("%s:\n%s", f, out)
		}
	}
}
