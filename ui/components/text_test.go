package components

import (
	"reflect"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		name  string
		s     string
		width int
		want  []string
	}{
		{"fits", "a short line", 20, []string{"a short line"}},
		{"at spaces", "one two three four", 9, []string{"one two", "three", "four"}},
		{"exactly the width", "abc def", 7, []string{"abc def"}},
		{"spaces folded", "  one   two  ", 20, []string{"one two"}},
		{"empty is one empty line", "", 10, []string{""}},
		{"line breaks kept", "first\n\nthird line", 20, []string{"first", "", "third line"}},
		{"a long word is broken", "ab abcdefghij c", 4, []string{"ab", "abcd", "efgh", "ij c"}},
		{"wide characters by cells", "日本語 です", 4, []string{"日本", "語", "です"}},
		{"a wide character on a line of one cell", "日本", 1, []string{"日", "本"}},
		{"a long word to the end of its last line", "abcdefgh", 4, []string{"abcd", "efgh"}},
		{"width below one is one", "ab", 0, []string{"a", "b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Wrap(tc.s, tc.width)
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("Wrap(%q, %d) = %q, want %q", tc.s, tc.width, got, tc.want)
			}
			for _, l := range got {
				if w := ansi.StringWidth(l); w > max(1, tc.width) && len([]rune(l)) > 1 {
					t.Errorf("line %q is %d cells, wider than %d", l, w, tc.width)
				}
			}
		})
	}
}
