package model

import (
	"strings"
	"unicode"
)

// CleanText removes control characters, escape sequences' introducers and
// other invisible format characters from text that comes from data, so that a
// hostile or broken database cannot move the cursor, change colours or rewrite
// the terminal title. Tabs and newlines become spaces: one value is one line.
func CleanText(s string) string {
	clean := true
	for _, r := range s {
		if needsCleaning(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		case needsCleaning(r):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsCleaning(r rune) bool {
	return r == unicode.ReplacementChar || r == '\u2028' || r == '\u2029' || unicode.IsControl(r) ||
		unicode.Is(unicode.Cf, r) && r != '\u200d'
}
