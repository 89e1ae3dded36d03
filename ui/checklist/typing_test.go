package checklist

import (
	"strings"
	"testing"

	"github.com/equitylandscape/equity/store/session"
)

// typable is every printable ASCII character and a few words in other
// scripts: what a person may type into any input.
func typable() string {
	var b strings.Builder
	for r := rune(0x20); r < 0x7f; r++ {
		b.WriteRune(r)
	}
	return b.String() + "Việt Nam 日本 Ελλάδα Côte d'Ivoire"
}

// chunks cuts s into pieces of at most n characters, for inputs that take
// no more.
func chunks(s string, n int) []string {
	rs := []rune(s)
	var out []string
	for len(rs) > 0 {
		k := min(n, len(rs))
		out = append(out, string(rs[:k]))
		rs = rs[k:]
	}
	return out
}

// Every input of the section takes every printable character: none of
// them is taken as a key (y, n, ?, j, k, q, e, a, t, x, c, 1–4...).
func TestInputsTakeEveryCharacter(t *testing.T) {
	t.Chdir(t.TempDir())
	text := typable()

	t.Run("picker", func(t *testing.T) {
		p := NewPicker(newContext(), session.New(t.TempDir()))
		p.SetSize(80, 20)
		press(t, p, "enter") // use case 1: step 2, the name
		if !p.Capturing() {
			t.Fatal("step 2 does not take the keyboard")
		}
		for _, c := range chunks(text, p.input.CharLimit) {
			p.input.SetValue("")
			typeText(t, p, c)
			if got := p.input.Value(); got != c {
				t.Errorf("typed %q, the input holds %q", c, got)
			}
		}
	})

	t.Run("note", func(t *testing.T) {
		s := open(t, newContext(), nil, useCase(t, 1), country(t, "NG"), 80, 20)
		press(t, s, "e")
		typeText(t, s, text)
		if got := s.note.Value(); got != text {
			t.Errorf("typed %q, the note holds %q", text, got)
		}
	})

	t.Run("amount", func(t *testing.T) {
		s := open(t, newContext(), nil, useCase(t, 1), country(t, "NG"), 80, 20)
		press(t, s, "right", "a")
		for _, c := range chunks(text, s.amount.CharLimit) {
			s.amount.SetValue("")
			typeText(t, s, c)
			if got := s.amount.Value(); got != c {
				t.Errorf("typed %q, the amount holds %q", c, got)
			}
		}
	})

	t.Run("entry", func(t *testing.T) {
		for _, q := range []struct {
			uc, moves int
		}{{1, 3}, {2, 0}} { // 1.4 a count, 2.1 countries to add
			s := open(t, newContext(), nil, useCase(t, q.uc), country(t, "NG"), 80, 20)
			for range q.moves {
				press(t, s, "right")
			}
			press(t, s, "t")
			if !s.Capturing() {
				t.Fatalf("t does not open the entry of use case %d", q.uc)
			}
			for _, c := range chunks(text, s.entry.CharLimit) {
				s.entry.SetValue("")
				typeText(t, s, c)
				if got := s.entry.Value(); got != c {
					t.Errorf("typed %q, the entry holds %q", c, got)
				}
			}
		}
	})
}
