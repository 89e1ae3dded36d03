package session

import (
	"strings"
	"unicode"
)

// cleanNote makes a note read from a file safe to show in a terminal, like
// model.CleanText but keeping its lines: line breaks of any kind become "\n",
// a tab becomes a space, and every other control character (the ESC that
// opens an escape sequence, BEL, ...) and invisible format character is
// dropped. What followed an ESC stays as the visible text it now is.
func cleanNote(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r != '\n' && unsafeRune(r) }) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case unsafeRune(r):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unsafeRune is what model.CleanText removes: control characters, format
// characters other than the zero-width joiner (which emoji need), the line
// and paragraph separators, and the replacement character of invalid UTF-8.
func unsafeRune(r rune) bool {
	return r == unicode.ReplacementChar || r == '\u2028' || r == '\u2029' || unicode.IsControl(r) ||
		unicode.Is(unicode.Cf, r) && r != '\u200d'
}
