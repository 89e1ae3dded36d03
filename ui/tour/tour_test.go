package tour

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestParse(t *testing.T) {
	tr, err := Parse("t.txt", []byte("# a tour\n\ntitle: Nigeria\nstep: The table.\nstep: Search.\nkeys: / \"ni ge\\\"r\" enter\nkeys: ctrl+s F1 shift+tab R ?\n"))
	if err != nil {
		t.Fatal(err)
	}
	if tr.Title != "Nigeria" || len(tr.Steps) != 2 || tr.Steps[0].Caption != "The table." || len(tr.Steps[0].Keys) != 0 {
		t.Fatalf("parsed %+v", tr)
	}
	var got []string
	for _, k := range tr.Steps[1].Keys {
		got = append(got, k.String())
	}
	want := `/ n i space g e " r enter ctrl+s f1 shift+tab R ?`
	if strings.Join(got, " ") != want {
		t.Errorf("keys %q, want %q", strings.Join(got, " "), want)
	}
	if tr.Steps[1].Line != 5 {
		t.Errorf("step line %d", tr.Steps[1].Line)
	}
}

// A bad tour is refused with one sentence that names the line.
func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"", "has no steps"},
		{"# only a comment\n", "has no steps"},
		{"keys: enter\n", "line 1: keys come after the step"},
		{"step: a\nkeys: entr\n", `line 2: "entr" is not a key`},
		{"step: a\n\nkeys: \"open\n", "line 3: a quoted text is not closed"},
		{"step: a\nhello\n", `line 2: "hello" is not a step`},
		{"step: a\nnext: b\n", `line 2: "next: b" is not a step`},
		{"step:\n", "line 1: the step has no caption"},
		{"step: a\ntitle: late\n", "line 2: the title comes before"},
		{"step: a\nkeys: ctrl+ß\n", "line 2:"},
		{"step: \xff\n", "not UTF-8"},
	} {
		_, err := Parse("t.txt", []byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want %q", c.text, err, c.want)
			continue
		}
		if msg := err.Error(); strings.Count(msg, "\n") > 0 || !strings.HasPrefix(msg, "t.txt") && !strings.HasPrefix(msg, "the tour t.txt") {
			t.Errorf("%q: not one sentence naming the file: %q", c.text, msg)
		}
	}
}

// Captions are cleaned of control characters: a tour file cannot drive the
// terminal.
func TestCaptionCleaned(t *testing.T) {
	tr, err := Parse("t.txt", []byte("step: a\x1b[2Jb\n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(tr.Steps[0].Caption, 0x1b) {
		t.Errorf("caption %q", tr.Steps[0].Caption)
	}
}

func TestLoadRefuses(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "none.txt")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: %v", err)
	}
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("# x\n", MaxSize/4+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "longer than") {
		t.Errorf("big file: %v", err)
	}
}

func TestChar(t *testing.T) {
	if k := Char('R'); k.String() != "R" || k.Text != "R" {
		t.Errorf("R is %q", k.String())
	}
	if k := Char(' '); k.Code != tea.KeySpace {
		t.Errorf("space is %q", k.String())
	}
}
