package model_test

import (
	"testing"

	"github.com/equitylandscape/equity/model"
)

func TestCleanText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "Nigeria", "Nigeria"},
		// ESC dropped: what is left is printable and inert
		{"colour escape", "\x1b[31mred\x1b[0m", "[31mred[0m"},
		{"title escape", "\x1b]0;pwned\x07name", "]0;pwnedname"}, // OSC: ESC and BEL dropped
		{"NUL", "a\x00b", "ab"},
		{"bell", "a\x07b", "ab"},
		{"backspace", "abc\x08\x08x", "abcx"},
		{"DEL", "a\x7fb", "ab"},
		{"unit separator", "a\x1fb", "ab"},
		{"printable ASCII's ends", " Nigeria~", " Nigeria~"},
		{"C1 CSI", "a\u009b31mb", "a31mb"},
		{"C1 NEL", "a\u0085b", "ab"},
		{"bidi override", "abc\u202edef", "abcdef"},
		{"bidi isolate", "\u2066x\u2069", "x"},
		{"zero-width space", "a\u200bb", "ab"},
		{"byte order mark", "\ufeffname", "name"},
		{"invalid UTF-8", "a\xffb", "ab"},
		// one value is one line
		{"tab", "a\tb", "a b"},
		{"newline", "a\nb", "a b"},
		{"CRLF", "a\r\nb", "a  b"},
		{"line separator", "a\u2028b\u2029c", "a b c"},
		// ordinary Unicode is kept
		{"accents", "Côte d’Ivoire", "Côte d’Ivoire"},
		{"CJK", "中华人民共和国", "中华人民共和国"},
		{"Arabic", "المغرب", "المغرب"},
		{"Devanagari with combining marks", "भारत", "भारत"},
		{"emoji ZWJ sequence", "👩\u200d💻", "👩\u200d💻"},
		{"emoji variation selector", "❤\ufe0f", "❤\ufe0f"},
		{"flag", "🇨🇮", "🇨🇮"},
		{"mixed", "Côte\x1b[2J d’Ivoire\u202e 🇨🇮\n", "Côte[2J d’Ivoire 🇨🇮 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := model.CleanText(tt.in); got != tt.want {
				t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// Clean text is returned as it is, without a copy: loading a dataset cleans
// every string.
func TestCleanTextCleanIsFree(t *testing.T) {
	clean := "São Tomé and Príncipe 👩\u200d💻 中华"
	var out string
	allocs := testing.AllocsPerRun(100, func() { out = model.CleanText(clean) })
	if allocs != 0 || out != clean {
		t.Errorf("CleanText of clean text: %v allocations, %q", allocs, out)
	}
}

func TestCleanLines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"two\nlines\tand a tab", "two\nlines\tand a tab"},
		{"\u202eevil\u200f", "evil"},
		{"bell\a esc\x1b[2J", "bell esc[2J"},
		{"joiner\u200d kept", "joiner\u200d kept"},
	}
	for _, tt := range tests {
		if got := model.CleanLines(tt.in); got != tt.want {
			t.Errorf("CleanLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
