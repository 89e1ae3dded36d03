package session

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

// clock is the fixed time of the tests' stores.
var clock = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// newStore is a store in a directory that does not exist yet, with a fixed
// clock.
func newStore(t *testing.T) *Store {
	t.Helper()
	s := New(filepath.Join(t.TempDir(), "data"))
	s.now = func() time.Time { return clock }
	return s
}

func mustPath(t *testing.T, s *Store, uc int, key string) string {
	t.Helper()
	p, err := s.Path(uc, key)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func readBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeBytes(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// names lists a directory's entries.
func names(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, de := range des {
		out = append(out, de.Name())
	}
	return out
}

// noTemp fails if a temporary file of Save is left in dir.
func noTemp(t *testing.T, dir string) {
	t.Helper()
	for _, n := range names(t, dir) {
		if strings.Contains(n, ".tmp-") || strings.HasPrefix(n, ".equity-") {
			t.Errorf("temporary file %s left in %s", n, dir)
		}
	}
}

func oneSentence(t *testing.T, err error) {
	t.Helper()
	msg := err.Error()
	if strings.ContainsAny(msg, "\n\r\x1b") || msg == "" {
		t.Errorf("error is not one clean line: %q", msg)
	}
}

var meta = Meta{Subject: "Nigeria", Dataset: "Equity Landscape sample", Year: 2024}

// verdicts are a checklist with multi-line notes, unicode, and an empty
// verdict that is not kept.
func verdicts() model.Verdicts {
	return model.Verdicts{
		"1.1": {Answer: model.VerdictYes, Note: "Strong readers.\nEditors growing — see Ọ̀yọ́ meetup 👩‍💻\n\n<b>&amp;</b> \"quoted\"", Updated: "2026-01-02T03:00:00Z"},
		"1.2": {Answer: model.VerdictUnsure, Updated: "2026-01-02T03:01:00Z"},
		"1.3": {Note: "只有笔记, no answer yet\n\tindented", Updated: "2026-01-02T03:02:00Z"},
		"1.4": {},
	}
}

func TestDefaultDir(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" || runtime.GOOS == "ios" || runtime.GOOS == "android" {
		t.Skip("the XDG branch is taken on Linux and the other Unix systems")
	}
	cwd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name              string
		equity, xdg, home string
		want              string
		wantErr           []string
	}{
		{name: "XDG_DATA_HOME", xdg: "/x/data", home: "/home/u", want: "/x/data/equity"},
		{name: "no XDG_DATA_HOME", home: "/home/u", want: "/home/u/.local/share/equity"},
		{name: "relative XDG_DATA_HOME is ignored", xdg: "rel/data", home: "/home/u", want: "/home/u/.local/share/equity"},
		{name: "EQUITY_DATA wins", equity: "/srv/eq", xdg: "/x/data", home: "/home/u", want: "/srv/eq"},
		{name: "EQUITY_DATA without HOME", equity: "/srv/eq", want: "/srv/eq"},
		{name: "relative EQUITY_DATA", equity: "eqdata", home: "/home/u", want: filepath.Join(cwd, "eqdata")},
		{name: "XDG_DATA_HOME without HOME", xdg: "/x/data", want: "/x/data/equity"},
		{name: "nothing set", wantErr: []string{"XDG_DATA_HOME", "HOME", "EQUITY_DATA"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("EQUITY_DATA", tt.equity)
			t.Setenv("XDG_DATA_HOME", tt.xdg)
			t.Setenv("HOME", tt.home)
			got, err := DefaultDir()
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("DefaultDir() = %q, want an error", got)
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q does not name %s", err, w)
					}
				}
				oneSentence(t, err)
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("DefaultDir() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestDefaultDirPlatforms takes every platform's branch, with a made-up
// environment.
func TestDefaultDirPlatforms(t *testing.T) {
	noHome := func() (string, error) { return "", errors.New("$HOME is not defined") }
	home := func() (string, error) { return "/Users/ada", nil }
	tests := []struct {
		goos    string
		env     map[string]string
		home    func() (string, error)
		want    string
		wantErr string
	}{
		{goos: "darwin", home: home, want: filepath.Join("/Users/ada", "Library", "Application Support", "equity")},
		{goos: "darwin", env: map[string]string{"XDG_DATA_HOME": "/x"}, home: home, want: filepath.Join("/Users/ada", "Library", "Application Support", "equity")},
		{goos: "darwin", home: noHome, wantErr: "HOME"},
		{goos: "darwin", env: map[string]string{"EQUITY_DATA": "/e"}, home: noHome, want: "/e"},
		{goos: "windows", env: map[string]string{"LocalAppData": "/C/Users/ada/AppData/Local"}, home: home, want: filepath.Join("/C/Users/ada/AppData/Local", "equity")},
		{goos: "windows", home: home, wantErr: "LocalAppData"},
		{goos: "windows", env: map[string]string{"EQUITY_DATA": "/e"}, want: "/e"},
		{goos: "linux", env: map[string]string{"XDG_DATA_HOME": "/x"}, home: noHome, want: filepath.Join("/x", "equity")},
		{goos: "linux", home: home, want: filepath.Join("/Users/ada", ".local", "share", "equity")},
		{goos: "linux", home: noHome, wantErr: "XDG_DATA_HOME nor HOME"},
		{goos: "freebsd", home: home, want: filepath.Join("/Users/ada", ".local", "share", "equity")},
		{goos: "openbsd", env: map[string]string{"XDG_DATA_HOME": "/x"}, home: home, want: filepath.Join("/x", "equity")},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %v", tt.goos, tt.env), func(t *testing.T) {
			getenv := func(k string) string { return tt.env[k] }
			got, err := defaultDir(tt.goos, getenv, tt.home)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "EQUITY_DATA") {
					t.Errorf("defaultDir = %q, %v; want an error naming %s and EQUITY_DATA", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("defaultDir = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestPath(t *testing.T) {
	s := New("/d")
	tests := []struct {
		uc      int
		key     string
		want    string
		wantErr string
	}{
		{uc: 1, key: "NG", want: filepath.Join("/d", "checklists", "uc1-NG.json")},
		{uc: 2, key: "region-south-asia", want: filepath.Join("/d", "checklists", "uc2-region-south-asia.json")},
		{uc: 2, key: "region-côte", want: filepath.Join("/d", "checklists", "uc2-region-côte.json")},
		{uc: 1, key: "a.b_c", want: filepath.Join("/d", "checklists", "uc1-a.b_c.json")},
		{uc: 1, key: "../NG", wantErr: `".."`},
		{uc: 1, key: "..", wantErr: `".."`},
		{uc: 1, key: "a..b", wantErr: `".."`},
		{uc: 1, key: "../../etc/passwd", wantErr: `".."`},
		{uc: 1, key: "a/b", wantErr: "path separator"},
		{uc: 1, key: "/etc", wantErr: "path separator"},
		{uc: 1, key: `a\b`, wantErr: "path separator"},
		{uc: 1, key: `C:\x`, wantErr: `':'`},
		{uc: 1, key: ".hidden", wantErr: `starts with "."`},
		{uc: 1, key: "", wantErr: "empty"},
		{uc: 1, key: "a b", wantErr: `' '`},
		{uc: 1, key: "NG\x00", wantErr: `'\x00'`},
		{uc: 1, key: "NG\n", wantErr: `'\n'`},
		{uc: 1, key: "NG\x1b[2J", wantErr: `'\x1b'`},
		{uc: 1, key: "a\xffb", wantErr: "UTF-8"},
		{uc: 1, key: strings.Repeat("a", 101), wantErr: "longer than"},
		{uc: 0, key: "NG", wantErr: "no use case 0"},
		{uc: 3, key: "NG", wantErr: "no use case 3"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d %q", tt.uc, tt.key), func(t *testing.T) {
			got, err := s.Path(tt.uc, tt.key)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Path = %q, %v; want an error with %s", got, err, tt.wantErr)
				}
				oneSentence(t, err)
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Path = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	if _, err := New("").Path(1, "NG"); err == nil {
		t.Error("a store without a directory gave a path")
	}
}

// TestBadKeysTouchNothing: Load and Save refuse a crafted key, and nothing is
// written anywhere.
func TestBadKeysTouchNothing(t *testing.T) {
	root := t.TempDir()
	s := New(filepath.Join(root, "data"))
	for _, key := range []string{"../../escaped", "../x", "a/../../b", `..\..\x`} {
		if _, err := s.LoadYear(1, key, meta.Year); err == nil {
			t.Errorf("Load(%q) gave no error", key)
		}
		if _, err := s.Save(1, key, verdicts(), meta); err == nil {
			t.Errorf("Save(%q) gave no error", key)
		}
	}
	if got := names(t, root); len(got) != 0 {
		t.Errorf("refused keys wrote %q", got)
	}
}

// TestDatasetKeys: every subject the bundled dataset offers has a key that
// Path takes, and no two subjects share a file.
func TestDatasetKeys(t *testing.T) {
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatal(err)
	}
	s := New("/d")
	seen := map[string]string{}
	check := func(sub model.Subject) {
		t.Helper()
		p, err := s.Path(2, sub.Key())
		if err != nil {
			t.Errorf("%s: %v", sub.Name(), err)
			return
		}
		if other, ok := seen[p]; ok && other != sub.Name() {
			t.Errorf("%s and %s share the file %s", other, sub.Name(), p)
		}
		seen[p] = sub.Name()
	}
	for _, c := range d.Countries {
		check(model.Subject{Country: c})
	}
	for _, r := range d.WikimediaRegions() {
		check(model.Subject{Region: r, Grouping: model.GroupWikimedia})
	}
	if p := mustPath(t, s, 2, model.Subject{Region: "South Asia", Grouping: model.GroupWikimedia}.Key()); filepath.Base(p) != "uc2-region-south-asia.json" {
		t.Errorf("South Asia is saved as %s", p)
	}
}

func TestRoundTrip(t *testing.T) {
	s := newStore(t)
	if _, err := s.Save(1, "NG", verdicts(), meta); err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadYear(1, "NG", meta.Year)
	if err != nil {
		t.Fatal(err)
	}
	want := verdicts()
	delete(want, "1.4")
	// A tab in a note becomes a space when loaded; the rest is as saved.
	v := want["1.3"]
	v.Note = "只有笔记, no answer yet\n indented"
	want["1.3"] = v
	if len(got) != len(want) {
		t.Errorf("Load gave %d verdicts, want %d: %q", len(got), len(want), got)
	}
	for id, w := range want {
		if !reflect.DeepEqual(got[id], w) {
			t.Errorf("verdict %s = %q, want %q", id, got[id], w)
		}
	}

	// A new store on the same directory (the next run) reads the same.
	again, err := New(s.Dir()).LoadYear(1, "NG", meta.Year)
	if err != nil || len(again) != len(want) {
		t.Errorf("a new store loaded %q, %v", again, err)
	}

	// The file, for humans.
	path := mustPath(t, s, 1, "NG")
	raw := readBytes(t, path)
	var f map[string]any
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	for k, w := range map[string]any{"version": 2.0, "use_case": 1.0, "subject_key": "NG", "subject": "Nigeria",
		"dataset": "Equity Landscape sample", "saved": "2026-01-02T03:04:05Z"} {
		if f[k] != w {
			t.Errorf("field %s = %v, want %v", k, f[k], w)
		}
	}
	years, _ := f["years"].(map[string]any)
	vs, _ := years["2024"].(map[string]any)
	if _, ok := vs["1.4"]; ok || len(vs) != 3 {
		t.Errorf("verdicts in the file: %v; want 1.1 to 1.3 and not the empty 1.4", vs)
	}
	if v11, _ := vs["1.1"].(map[string]any); v11["answer"] != "yes" || v11["updated"] != "2026-01-02T03:00:00Z" {
		t.Errorf("verdict 1.1 in the file: %v", v11)
	}
	if !bytes.Contains(raw, []byte("\n  \"years\": {\n    \"2024\": {\n      \"1.1\": {\n        \"answer\": \"yes\",")) {
		t.Errorf("the file is not indented as expected:\n%s", raw)
	}
	if !bytes.Contains(raw, []byte("<b>&amp;</b>")) {
		t.Errorf("HTML characters of a note were escaped:\n%s", raw)
	}

	// Private file and directories.
	if runtime.GOOS != "windows" {
		for p, want := range map[string]fs.FileMode{path: 0o600, filepath.Dir(path): 0o700, s.Dir(): 0o700} {
			st, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if st.Mode().Perm() != want {
				t.Errorf("%s has mode %v, want %v", p, st.Mode().Perm(), want)
			}
		}
	}
	noTemp(t, filepath.Dir(path))
}

// TestSaveReplaces: saving again replaces the verdicts, and leaves only the
// file behind.
func TestSaveReplaces(t *testing.T) {
	s := newStore(t)
	for i := range 5 {
		v := model.Verdicts{"2.1": {Answer: model.VerdictNo, Note: fmt.Sprint("take ", i)}}
		if _, err := s.Save(2, "region-south-asia", v, Meta{Subject: "South Asia"}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.LoadYear(2, "region-south-asia", 0)
	if err != nil || got["2.1"].Note != "take 4" || len(got) != 1 {
		t.Errorf("Load = %q, %v; want the last save", got, err)
	}
	// Clearing every verdict (a cleared verdict keeps its time) saves a
	// checklist with nothing to show.
	if _, err := s.Save(2, "region-south-asia", model.Verdicts{"2.1": {Updated: "2030-01-01T00:00:00Z", NoteUpdated: "2030-01-01T00:00:00Z"}}, Meta{}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.LoadYear(2, "region-south-asia", 0); err != nil || got == nil || !got["2.1"].Empty() || got.Answered(model.UseCases()[1]) != 0 {
		t.Errorf("Load = %#v, %v; want empty, non-nil verdicts", got, err)
	}
	dir := filepath.Join(s.Dir(), "checklists")
	if got := names(t, dir); !slices.Equal(got, []string{"uc2-region-south-asia.json"}) {
		t.Errorf("directory holds %q", got)
	}
}

func TestLoadMissing(t *testing.T) {
	s := newStore(t)
	got, err := s.LoadYear(1, "BR", meta.Year)
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("Load = %#v, %v; want empty verdicts and nil", got, err)
	}
	if _, err := os.Stat(s.Dir()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load created the directory (%v)", err)
	}
}

func TestNoteCleanedOnLoad(t *testing.T) {
	s := newStore(t)
	path := mustPath(t, s, 1, "NG")
	f := file{Version: 1, UseCase: 1, SubjectKey: "NG", Verdicts: map[string]verdict{
		"1.1": {Answer: "yes", Note: "line one\x1b[31m red\x1b[0m\x07\r\nline two\x1b]0;pwned\x07\n\nline four\u200b\u202e end", Updated: "2026\x1b[2J-01-01"},
		"1.2": {Note: "\x1b\x07\x00"}, // nothing left: dropped
	}}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	writeBytes(t, path, b)
	got, err := s.LoadYear(1, "NG", 0) // a format 1 file with no year
	if err != nil {
		t.Fatal(err)
	}
	want := model.Verdict{Answer: "yes", Note: "line one[31m red[0m\nline two]0;pwned\n\nline four end", Updated: "2026[2J-01-01"}
	if !reflect.DeepEqual(got["1.1"], want) {
		t.Errorf("verdict 1.1 = %q\nwant %q", got["1.1"], want)
	}
	if v, ok := got["1.2"]; ok && !v.Empty() {
		t.Errorf("verdict 1.2 = %q; want it empty", v)
	}
}

func TestCleanNote(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain", "plain"},
		{"a\nb\n", "a\nb\n"},
		{"a\r\nb\rc", "a\nb\nc"},
		{"a\tb", "a b"},
		{"a\x1b[1mb\x07c\x00d\x7fe\u0085f", "a[1mbcdef"},
		{"x\u2028y\u2029z", "x\ny\nz"},
		{"👩\u200d💻 \u200e\ufeff\ufffd", "👩\u200d💻 "},
		{"Ọ̀yọ́ 日本", "Ọ̀yọ́ 日本"},
	} {
		if got := cleanNote(tt.in); got != tt.want {
			t.Errorf("cleanNote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// validFile is a good saved checklist of use case 1 for NG.
func validFile(t *testing.T) []byte {
	t.Helper()
	s := newStore(t)
	if _, err := s.Save(1, "NG", verdicts(), meta); err != nil {
		t.Fatal(err)
	}
	return readBytes(t, mustPath(t, s, 1, "NG"))
}

func TestCorrupt(t *testing.T) {
	good := validFile(t)
	random := make([]byte, 512)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(r.UintN(256))
	}
	tests := []struct {
		name   string
		data   []byte
		reason string
	}{
		{"truncated JSON", good[:len(good)/2], "is not valid JSON (unexpected end of JSON input"},
		{"random bytes", random, "is not valid JSON"},
		{"empty file", nil, "is not valid JSON"},
		{"trailing garbage", append(slices.Clone(good), "}{"...), "is not valid JSON"},
		{"an array", []byte(`[1, 2]`), "is not a checklist file (it holds a JSON array"},
		{"null", []byte(`null`), "has no format version"},
		{"no version", bytes.Replace(good, []byte(`"version": 2,`), nil, 1), "has no format version"},
		{"wrong version", bytes.Replace(good, []byte(`"version": 2,`), []byte(`"version": 3,`), 1), "is of format version 3, and this equity reads versions 1 and 2"},
		{"version as text", bytes.Replace(good, []byte(`"version": 2,`), []byte(`"version": "1",`), 1), `is not a checklist file (its field "version" holds a JSON string)`},
		{"wrong use case", bytes.Replace(good, []byte(`"use_case": 1,`), []byte(`"use_case": 2,`), 1), "is for use case 2, not 1"},
		{"wrong subject", bytes.Replace(good, []byte(`"subject_key": "NG",`), []byte(`"subject_key": "BR",`), 1), `is for the subject "BR", not "NG"`},
		{"bad answer", bytes.Replace(good, []byte(`"answer": "unsure"`), []byte(`"answer": "maybe\u001b[2J"`), 1), `has an answer to question "1.2" (2024) that equity does not know: "maybe\x1b[2J" is not an answer to a yes/no question`},
		{"answer in capitals", bytes.Replace(good, []byte(`"answer": "yes"`), []byte(`"answer": "YES"`), 1), `"YES" is not an answer`},
		{"verdicts as a list", bytes.Replace(good, []byte(`"years": {`), []byte(`"years": [], "x": {`), 1), `its field "years" holds a JSON array`},
		{"a year that is not one", bytes.Replace(good, []byte(`"2024": {`), []byte(`"20x4": {`), 1), `for the year "20x4", which is not a year`},
		{"both layouts", bytes.Replace(good, []byte(`"years": {`), []byte(`"year": 2024, "years": {`), 1), "mixes the layouts"},
		{"too large", append([]byte(`{"version": 1, "x": "`), bytes.Repeat([]byte("a"), maxFileSize)...), "is larger than 4 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if bytes.Equal(tt.data, good) {
				t.Fatal("the test's replacement did not apply")
			}
			s := newStore(t)
			path := mustPath(t, s, 1, "NG")
			writeBytes(t, path, tt.data)

			got, err := s.LoadYear(1, "NG", meta.Year)
			var ce *CorruptError
			if !errors.As(err, &ce) {
				t.Fatalf("Load = %v, %v; want a *CorruptError", got, err)
			}
			if got == nil || len(got) != 0 {
				t.Errorf("Load gave verdicts %q with the error", got)
			}
			wantTo := path + ".corrupt-20260102T030405Z"
			if ce.Path != path || ce.MovedTo != wantTo || !strings.Contains(ce.Reason, tt.reason) {
				t.Errorf("CorruptError = %+v; want path %s, moved to %s, reason with %q", ce, path, wantTo, tt.reason)
			}
			msg := err.Error()
			oneSentence(t, err)
			if !strings.Contains(msg, path) || !strings.Contains(msg, wantTo) || !strings.HasPrefix(msg, "the saved checklist ") {
				t.Errorf("message %q does not name the file and where it went", msg)
			}
			if !bytes.Equal(readBytes(t, wantTo), tt.data) {
				t.Error("the file set aside is not the original")
			}
			if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the corrupt file is still at %s (%v)", path, err)
			}

			// The checklist goes on afresh.
			v := model.Verdicts{"1.3": {Answer: "no", Note: "fresh"}}
			if _, err := s.Save(1, "NG", v, meta); err != nil {
				t.Fatal(err)
			}
			if got, err := s.LoadYear(1, "NG", meta.Year); err != nil || got["1.3"].Note != "fresh" || len(got) != 1 {
				t.Errorf("after the fresh save, Load = %q, %v", got, err)
			}
			if !bytes.Equal(readBytes(t, wantTo), tt.data) {
				t.Error("the fresh save touched the file set aside")
			}
			noTemp(t, filepath.Dir(path))
		})
	}
}

// TestCorruptTwice: a second corrupt file in the same second gets a name of
// its own; neither is lost.
func TestCorruptTwice(t *testing.T) {
	s := newStore(t)
	path := mustPath(t, s, 1, "NG")
	for _, data := range []string{"first", "second", "third"} {
		writeBytes(t, path, []byte(data))
		if _, err := s.LoadYear(1, "NG", meta.Year); err == nil {
			t.Fatal("no error")
		}
	}
	base := path + ".corrupt-20260102T030405Z"
	for to, data := range map[string]string{base: "first", base + "-2": "second", base + "-3": "third"} {
		if got := string(readBytes(t, to)); got != data {
			t.Errorf("%s holds %q, want %q", to, got, data)
		}
	}
}

// TestCorruptCannotMove: a corrupt file that cannot be set aside is left as
// it is, and Save does not replace it.
func TestCorruptCannotMove(t *testing.T) {
	s := newStore(t)
	path := mustPath(t, s, 1, "NG")
	bad := []byte(`{"version": 1, "use_case": 1, "subject_key": "NG", "verdicts": {"1.1": {"answer": "perhaps"}}}`)
	writeBytes(t, path, bad)
	s.fault = func(stage string) error {
		if stage == "set aside" {
			return fs.ErrPermission
		}
		return nil
	}
	_, err := s.LoadYear(1, "NG", meta.Year)
	var ce *CorruptError
	if !errors.As(err, &ce) || ce.MovedTo != "" || !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("Load = %v; want a *CorruptError, not moved, wrapping the cause", err)
	}
	oneSentence(t, err)
	if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "could not be set aside") || !strings.Contains(msg, "left as it is") {
		t.Errorf("message %q", msg)
	}
	_, err = s.Save(1, "NG", verdicts(), meta)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "kept") {
		t.Errorf("Save over the corrupt file = %v; want a refusal naming it", err)
	}
	if !bytes.Equal(readBytes(t, path), bad) {
		t.Error("the corrupt file was changed")
	}
	if got := names(t, filepath.Dir(path)); !slices.Equal(got, []string{"uc1-NG.json"}) {
		t.Errorf("directory holds %q", got)
	}
	// Once it can be moved, the next Load sets it aside and saving works.
	s.fault = nil
	if _, err := s.LoadYear(1, "NG", meta.Year); !errors.As(err, &ce) || ce.MovedTo == "" {
		t.Fatalf("Load = %v; want it set aside", err)
	}
	if _, err := s.Save(1, "NG", verdicts(), meta); err != nil {
		t.Error(err)
	}
}

// TestCorruptCannotMoveReadOnly is TestCorruptCannotMove with a real cause:
// a directory the user may not write to.
func TestCorruptCannotMoveReadOnly(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs a system and a user for which directory permissions hold")
	}
	s := newStore(t)
	path := mustPath(t, s, 1, "NG")
	writeBytes(t, path, []byte("not json"))
	dir := filepath.Dir(path)
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	var ce *CorruptError
	if _, err := s.LoadYear(1, "NG", meta.Year); !errors.As(err, &ce) || ce.MovedTo != "" {
		t.Fatalf("Load = %v; want a *CorruptError, not moved", err)
	}
	if _, err := s.Save(1, "NG", verdicts(), meta); err == nil {
		t.Error("Save replaced a corrupt file")
	}
	if string(readBytes(t, path)) != "not json" {
		t.Error("the corrupt file was changed")
	}
}

// TestSaveRefusesForeignFile: Save never replaces a file that is not this
// checklist, even without a Load first.
func TestSaveRefusesForeignFile(t *testing.T) {
	for name, data := range map[string][]byte{
		"garbage":       []byte("my own notes, not JSON"),
		"other subject": []byte(`{"version": 1, "use_case": 1, "subject_key": "BR", "verdicts": {}}`),
		"newer version": []byte(`{"version": 2}`),
	} {
		t.Run(name, func(t *testing.T) {
			s := newStore(t)
			path := mustPath(t, s, 1, "NG")
			writeBytes(t, path, data)
			_, err := s.Save(1, "NG", verdicts(), meta)
			if err == nil {
				t.Fatal("Save replaced the file")
			}
			oneSentence(t, err)
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			if !bytes.Equal(readBytes(t, path), data) {
				t.Error("the file was changed")
			}
			noTemp(t, filepath.Dir(path))
		})
	}
}

func TestSaveRefusesUnknownAnswer(t *testing.T) {
	s := newStore(t)
	_, err := s.Save(1, "NG", model.Verdicts{"1.1": {Answer: "maybe"}}, meta)
	if err == nil || !strings.Contains(err.Error(), `"maybe"`) || !strings.Contains(err.Error(), `"1.1"`) {
		t.Errorf("Save = %v; want a refusal naming the answer and question", err)
	}
	if _, err := os.Stat(s.Dir()); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a refused save created the directory")
	}
}

// TestSaveAtomic: a save that fails at any stage leaves the file saved before
// as it was, and no temporary file.
func TestSaveAtomic(t *testing.T) {
	for _, stage := range []string{"create", "write", "sync", "rename"} {
		t.Run(stage, func(t *testing.T) {
			s := newStore(t)
			if _, err := s.Save(1, "NG", verdicts(), meta); err != nil {
				t.Fatal(err)
			}
			path := mustPath(t, s, 1, "NG")
			before := readBytes(t, path)

			s.fault = func(st string) error {
				if st == stage {
					return errors.New("no space left on device")
				}
				return nil
			}
			_, err := s.Save(1, "NG", model.Verdicts{"1.1": {Answer: "no", Note: strings.Repeat("long note ", 1000)}}, meta)
			if err == nil {
				t.Fatal("Save succeeded")
			}
			oneSentence(t, err)
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "no space left") {
				t.Errorf("error %q does not name the file and the cause", err)
			}
			if !bytes.Equal(readBytes(t, path), before) {
				t.Error("the file saved before was changed")
			}
			if got := names(t, filepath.Dir(path)); !slices.Equal(got, []string{"uc1-NG.json"}) {
				t.Errorf("directory holds %q", got)
			}
			s.fault = nil
			if got, err := s.LoadYear(1, "NG", meta.Year); err != nil || got["1.1"].Answer != "yes" {
				t.Errorf("after the failed save, Load = %q, %v", got, err)
			}
		})
	}
}

// TestSaveParentIsFile: the data directory cannot be made; the error names
// it and nothing is changed.
func TestSaveParentIsFile(t *testing.T) {
	root := t.TempDir()
	blocker := filepath.Join(root, "data")
	writeBytes(t, blocker, []byte("a file"))
	s := New(blocker)
	_, err := s.Save(1, "NG", verdicts(), meta)
	if err == nil || !strings.Contains(err.Error(), blocker) {
		t.Fatalf("Save = %v; want an error naming %s", err, blocker)
	}
	oneSentence(t, err)
	if string(readBytes(t, blocker)) != "a file" || !slices.Equal(names(t, root), []string{"data"}) {
		t.Error("a failed save changed the directory")
	}
	// Load says what is wrong too, rather than "empty".
	if _, err := s.LoadYear(1, "NG", meta.Year); err == nil {
		t.Error("Load under a file gave no error")
	}
}

// TestSaveReadOnlyDir: the directory turned read-only after the first save;
// the next save fails and leaves the old file.
func TestSaveReadOnlyDir(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("needs a system and a user for which directory permissions hold")
	}
	s := newStore(t)
	if _, err := s.Save(1, "NG", verdicts(), meta); err != nil {
		t.Fatal(err)
	}
	path := mustPath(t, s, 1, "NG")
	before := readBytes(t, path)
	dir := filepath.Dir(path)
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	if _, err := s.Save(1, "NG", model.Verdicts{"1.1": {Answer: "no"}}, meta); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("Save = %v; want an error naming %s", err, path)
	}
	if !bytes.Equal(readBytes(t, path), before) {
		t.Error("the file saved before was changed")
	}
	noTemp(t, dir)
}

func TestList(t *testing.T) {
	s := newStore(t)
	if got, err := s.List(); err != nil || got != nil {
		t.Errorf("List of nothing = %v, %v; want nil, nil", got, err)
	}
	saves := []struct {
		uc   int
		key  string
		at   time.Time
		v    model.Verdicts
		meta Meta
	}{
		{1, "NG", clock, model.Verdicts{"1.1": {Answer: "yes"}, "1.2": {Answer: "no"}, "1.3": {Note: "only a note"}}, Meta{"Nigeria", "sample", 2024}},
		{1, "BR", clock.Add(time.Hour), model.Verdicts{"1.4": {Answer: "unsure"}}, Meta{"Brazil\x1b[31m", "sample", 2023}},
		{2, "region-south-asia", clock.Add(-time.Hour), model.Verdicts{"2.5": {Answer: "yes"}, "9.9": {Answer: "yes"}}, Meta{"South Asia", "mine.db", 2024}},
	}
	for _, sv := range saves {
		s.now = func() time.Time { return sv.at }
		if _, err := s.Save(sv.uc, sv.key, sv.v, sv.meta); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(s.Dir(), "checklists")
	// Files List must pass over: corrupt ones, one that says it is another
	// subject, files set aside, temporary files, names of no checklist.
	junk := map[string]string{
		"uc1-KE.json":                          "{truncated",
		"uc1-GH.json":                          `{"version": 1, "use_case": 1, "subject_key": "NG", "verdicts": {}}`,
		"uc2-IN.json":                          `{"version": 2}`,
		"uc1-NG.json.corrupt-20250101T000000Z": "old",
		".uc1-NG.json.tmp-123":                 "{",
		"uc3-NG.json":                          `{"version": 1, "use_case": 3, "subject_key": "NG", "verdicts": {}}`,
		"uc01-NG.json":                         `{"version": 1, "use_case": 1, "subject_key": "NG", "verdicts": {}}`,
		"notes.txt":                            "hello",
	}
	for name, data := range junk {
		writeBytes(t, filepath.Join(dir, name), []byte(data))
	}
	if err := os.Mkdir(filepath.Join(dir, "uc1-FR.json"), 0o700); err != nil {
		t.Fatal(err)
	}

	got, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{UseCase: 1, SubjectKey: "BR", Subject: "Brazil[31m", Dataset: "sample", Year: 2023, Years: []int{2023}, Answered: 1, Questions: 4, Saved: clock.Add(time.Hour), Path: filepath.Join(dir, "uc1-BR.json")},
		{UseCase: 1, SubjectKey: "NG", Subject: "Nigeria", Dataset: "sample", Year: 2024, Years: []int{2024}, Answered: 2, Questions: 4, Saved: clock, Path: filepath.Join(dir, "uc1-NG.json")},
		{UseCase: 2, SubjectKey: "region-south-asia", Subject: "South Asia", Dataset: "mine.db", Year: 2024, Years: []int{2024}, Answered: 1, Questions: 5, Saved: clock.Add(-time.Hour), Path: filepath.Join(dir, "uc2-region-south-asia.json")},
		// Unreadable files are listed with their reason, after the others.
		{UseCase: 1, SubjectKey: "GH", Subject: "GH", Questions: 4, Path: filepath.Join(dir, "uc1-GH.json"), Problem: `is for the subject "NG", not "GH"`},
		{UseCase: 1, SubjectKey: "KE", Subject: "KE", Questions: 4, Path: filepath.Join(dir, "uc1-KE.json"), Problem: "is not valid JSON (invalid character 't' looking for beginning of object key string, at byte 2)"},
		{UseCase: 2, SubjectKey: "IN", Subject: "IN", Questions: 5, Path: filepath.Join(dir, "uc2-IN.json"), Problem: "is for use case 0, not 2"},
	}
	if len(got) != len(want) {
		t.Fatalf("List = %+v\nwant %+v", got, want)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("List[%d] = %+v\nwant %+v", i, got[i], want[i])
		}
	}
	// List touched none of them.
	for name, data := range junk {
		if got := string(readBytes(t, filepath.Join(dir, name))); got != data {
			t.Errorf("%s changed to %q", name, got)
		}
	}
}

// TestConcurrent: saves and loads from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	s := newStore(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			key := []string{"NG", "BR"}[i%2]
			for j := range 10 {
				v := model.Verdicts{"1.1": {Answer: "yes", Note: fmt.Sprint(i, j)}}
				if _, err := s.Save(1, key, v, meta); err != nil {
					t.Error(err)
				}
				if _, err := s.LoadYear(1, key, meta.Year); err != nil {
					t.Error(err)
				}
				if _, err := s.List(); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	noTemp(t, filepath.Join(s.Dir(), "checklists"))
}

func TestCorruptErrorQuotesPath(t *testing.T) {
	err := &CorruptError{Path: "/d/a\nb.json", MovedTo: "/d/a\nb.json.corrupt-x", Reason: "is not valid JSON"}
	if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, `"/d/a\nb.json"`) {
		t.Errorf("message %q", msg)
	}
}

// TestSaveRemovesLeftovers: a save's temporary file is named for its process;
// the file of a save that was killed is removed by the next save, which
// tells its caller through Removed and prints nothing; a live process's file
// is kept.
func TestSaveRemovesLeftovers(t *testing.T) {
	s := newStore(t)
	path := mustPath(t, s, 1, "NG")
	dir := filepath.Dir(path)
	var during []string
	s.fault = func(stage string) error {
		if stage == "rename" {
			during = names(t, dir)
		}
		return nil
	}
	if _, err := s.Save(1, "NG", verdicts(), meta); err != nil {
		t.Fatal(err)
	}
	s.fault = nil
	prefix := fmt.Sprintf(".equity-%d-", os.Getpid())
	if !slices.ContainsFunc(during, func(n string) bool { return strings.HasPrefix(n, prefix) && strings.HasSuffix(n, ".tmp") }) {
		t.Errorf("during the save the directory held %q, no %s<random>.tmp", during, prefix)
	}
	if r := s.Removed(); len(r) != 0 {
		t.Errorf("Removed = %q after a save with nothing to remove", r)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot run a process: %v", err)
	}
	killed := filepath.Join(dir, fmt.Sprintf(".equity-%d-77.tmp", cmd.Process.Pid))
	writeBytes(t, killed, []byte(`{"version": 1, "use_ca`))
	live := filepath.Join(dir, fmt.Sprintf(".equity-%d-78.tmp", os.Getppid()))
	writeBytes(t, live, []byte(`{"version": 1, "use_ca`))
	if _, err := s.Save(1, "NG", verdicts(), meta); err != nil {
		t.Fatal(err)
	}
	if r := s.Removed(); !slices.Equal(r, []string{killed}) {
		t.Errorf("Removed = %q, want %q", r, killed)
	}
	if got := names(t, dir); !slices.Equal(got, []string{filepath.Base(live), "uc1-NG.json"}) {
		t.Errorf("the directory holds %q", got)
	}
	if _, err := s.Save(1, "NG", verdicts(), meta); err != nil {
		t.Fatal(err)
	}
	if r := s.Removed(); len(r) != 0 {
		t.Errorf("Removed = %q: it tells of one save's removals only", r)
	}
}
