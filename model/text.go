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
	// Nearly every text is printable ASCII; loading cleans hundreds of
	// thousands of them, so those are told apart byte by byte first.
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
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

// CleanLines is CleanText for text a person typed or pasted into a note:
// line breaks and tabs stay, every other control and invisible format
// character (a right-to-left override, an escape) goes.
func CleanLines(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == '\n' || r == '\t' || !needsCleaning(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsCleaning(r rune) bool {
	return r == unicode.ReplacementChar || r == '\u2028' || r == '\u2029' || unicode.IsControl(r) ||
		unicode.Is(unicode.Cf, r) && r != '\u200d'
}
