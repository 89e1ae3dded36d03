package ui

import "testing"

func TestBodyLines(t *testing.T) {
	for _, tc := range []struct {
		body          string
		width, height int
		want          string
	}{
		{"ab\ncd", 2, 2, "ab\ncd"},
		{"ab\ncd\nef", 2, 2, "ab\ncd"}, // cut to the height
		{"ab", 2, 3, "ab\n  \n  "},     // padded with blank lines
		{"ab\n\ncd", 2, 1, "ab"},       // an empty line counts
		{"ab\ncd", 2, 0, ""},           // no room at all
		{"\n\n", 3, 2, "\n"},           // empty lines kept
	} {
		if got := bodyLines(tc.body, tc.width, tc.height); got != tc.want {
			t.Errorf("bodyLines(%q, %d, %d) = %q, want %q", tc.body, tc.width, tc.height, got, tc.want)
		}
	}
}
