// Package tour reads a presentation tour: a plain-text script of steps,
// each a caption to show at the top of the screen and the keys to send, so
// that a facilitator can walk an audience through equity one key press at
// a time.
//
// The format, a line at a time:
//
//	# a comment; blank lines are ignored
//	title: Use case 1 for Nigeria          (optional, before the first step)
//	step: Search for Nigeria as you type.  (a step and its caption)
//	keys: / "nigeria" enter                (the keys of the step above; repeatable)
//
// A key is a name (enter, esc, tab, shift+tab, space, backspace, up, down,
// left, right, pgup, pgdown, home, end, f1–f12, ctrl+a–ctrl+z), a single
// character (/, f, 2, ?), or a quoted text typed a character at a time
// ("market:expand"; \" and \\ inside it are a quote and a backslash).
package tour

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store"
)

// MaxSize is the longest tour file read: a tour is a page of text, and a
// longer file is not one.
const MaxSize = 1 << 20

// Step is one page of a tour: its caption and the keys that bring the
// screen to it.
type Step struct {
	Caption string
	Keys    []tea.KeyPressMsg
	Line    int // where the step begins in the file
}

// Tour is a parsed tour file.
type Tour struct {
	Title string
	Steps []Step
}

// Load reads and parses a tour file. A path that is not a regular file (a
// named pipe, a device) is refused before it is opened, as every input of
// equity is.
func Load(path string) (*Tour, error) {
	if err := store.CheckInput(path); err != nil {
		var se *store.Error
		if errors.As(err, &se) {
			se.Hint = "give the path of a tour file (see tours/ and the README)"
		}
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &store.Error{Path: path, Problem: "does not exist", Hint: "give the path of a tour file (see tours/ and the README)"}
		}
		return nil, &store.Error{Path: path, Problem: "cannot be read as a tour", Hint: "check its permissions", Err: err}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, &store.Error{Path: path, Problem: "cannot be read as a tour", Hint: "check the file", Err: err}
	}
	if len(data) > MaxSize {
		return nil, &store.Error{Path: path, Problem: fmt.Sprintf("is longer than %d bytes, more than a tour", MaxSize), Hint: "give the path of a tour file"}
	}
	return Parse(filepath.Base(path), data)
}

// Parse reads a tour from its text; name is the file's name for messages.
// The first mistake is the error, naming the line.
func Parse(name string, data []byte) (*Tour, error) {
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("the tour %s is not UTF-8 text; save it as plain text", name)
	}
	t := &Tour{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), MaxSize)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s line %d: %s", name, n, fmt.Sprintf(format, args...))
		}
		word, rest, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fail("%q is not a step; a line starts with step:, keys:, title: or # (see the README's Tours section)", clip(line))
		}
		rest = strings.TrimSpace(rest)
		switch strings.ToLower(strings.TrimSpace(word)) {
		case "title":
			if len(t.Steps) > 0 {
				return nil, fail("the title comes before the first step")
			}
			t.Title = model.CleanText(rest)
		case "step":
			if rest == "" {
				return nil, fail("the step has no caption; write what the audience should look at after step:")
			}
			t.Steps = append(t.Steps, Step{Caption: model.CleanText(rest), Line: n})
		case "keys":
			if len(t.Steps) == 0 {
				return nil, fail("keys come after the step: line they belong to")
			}
			ks, err := ParseKeys(rest)
			if err != nil {
				return nil, fail("%v", err)
			}
			last := &t.Steps[len(t.Steps)-1]
			last.Keys = append(last.Keys, ks...)
		default:
			return nil, fail("%q is not a step; a line starts with step:, keys:, title: or # (see the README's Tours section)", clip(line))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s line %d: %v", name, n+1, err)
	}
	if len(t.Steps) == 0 {
		return nil, fmt.Errorf("the tour %s has no steps; write at least one step: line", name)
	}
	return t, nil
}

// clip shortens a line quoted in a message.
func clip(s string) string {
	s = model.CleanText(s)
	if utf8.RuneCountInString(s) > 40 {
		return string([]rune(s)[:39]) + "…"
	}
	return s
}

// named are the keys a tour names by word.
var named = map[string]tea.Key{
	"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape}, "tab": {Code: tea.KeyTab},
	"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift}, "space": {Code: tea.KeySpace, Text: " "},
	"backspace": {Code: tea.KeyBackspace}, "up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown},
	"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight}, "pgup": {Code: tea.KeyPgUp},
	"pgdown": {Code: tea.KeyPgDown}, "home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd},
	"delete": {Code: tea.KeyDelete},
}

// ParseKeys reads the keys of a keys: line.
func ParseKeys(s string) ([]tea.KeyPressMsg, error) {
	var out []tea.KeyPressMsg
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ' || r == '\t':
			i += size
		case r == '"':
			text, next, err := quoted(s, i)
			if err != nil {
				return nil, err
			}
			for _, c := range text {
				out = append(out, Char(c))
			}
			i = next
		default:
			end := strings.IndexAny(s[i:], " \t")
			if end < 0 {
				end = len(s) - i
			}
			k, err := Key(s[i : i+end])
			if err != nil {
				return nil, err
			}
			out = append(out, k)
			i += end
		}
	}
	return out, nil
}

// quoted reads a quoted text starting at s[at] == '"'.
func quoted(s string, at int) (string, int, error) {
	var b strings.Builder
	for i := at + 1; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '"':
			return b.String(), i + size, nil
		case '\\':
			if i+size < len(s) {
				n, nsize := utf8.DecodeRuneInString(s[i+size:])
				b.WriteRune(n)
				i += size + nsize
				continue
			}
		}
		b.WriteRune(r)
		i += size
	}
	return "", 0, errors.New("a quoted text is not closed; end it with \"")
}

// Key reads one key name or character.
func Key(name string) (tea.KeyPressMsg, error) {
	lower := strings.ToLower(name)
	if k, ok := named[lower]; ok {
		return tea.KeyPressMsg(k), nil
	}
	if rest, ok := strings.CutPrefix(lower, "ctrl+"); ok && len(rest) == 1 && rest[0] >= 'a' && rest[0] <= 'z' {
		return tea.KeyPressMsg{Code: rune(rest[0]), Mod: tea.ModCtrl}, nil
	}
	if len(lower) >= 2 && lower[0] == 'f' {
		var n int
		if _, err := fmt.Sscanf(lower[1:], "%d", &n); err == nil && n >= 1 && n <= 12 && fmt.Sprint(n) == lower[1:] {
			return tea.KeyPressMsg{Code: tea.KeyF1 + rune(n-1)}, nil
		}
	}
	if utf8.RuneCountInString(name) == 1 {
		r, _ := utf8.DecodeRuneInString(name)
		if unicode.IsPrint(r) {
			return Char(r), nil
		}
	}
	return tea.KeyPressMsg{}, fmt.Errorf("%q is not a key; write a key name (enter, esc, down, space, ctrl+s), one character, or a \"quoted text\"", clip(name))
}

// Char is the key press that types r, as a terminal sends it: a capital
// letter comes with shift and its lower-case code.
func Char(r rune) tea.KeyPressMsg {
	if r == ' ' {
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	if unicode.IsUpper(r) && r < utf8.RuneSelf {
		return tea.KeyPressMsg{Code: unicode.ToLower(r), ShiftedCode: r, Mod: tea.ModShift, Text: string(r)}
	}
	return tea.KeyPressMsg{Code: r, Text: string(r)}
}
