package main

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// At 80 columns (COLUMNS=80) no line of any command's text output is
// wider than 80 cells: tables narrow or leave columns out, and notes wrap.
func TestTextFitsEightyColumns(t *testing.T) {
	checklistEnv(t)
	for _, args := range [][]string{
		{"countries"},
		{"countries", "--region", "Sub-Saharan Africa", "--sort", "editorship"},
		{"country", "NG"},
		{"country", "BR"},
		{"country", "CI"},
		{"regions"},
		{"regions", "--group", "subregion"},
		{"compare", "NG", "BR", "IN", "US", "FR", "CI"},
		{"indicators"},
		{"info"},
		{"movement", "mtp"},
		{"movement", "initiatives"},
		{"checklist", "1", "--country", "NG", "--format", "table"},
		{"checklist", "2", "--region", "South Asia", "--format", "table"},
		{"--help"},
		{"countries", "--help"},
		{"import", "--help"},
		{"checklist", "--help"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out, errOut, status := equity(t, map[string]string{"COLUMNS": "80"}, args...)
			if status != 0 {
				t.Fatalf("status %d, stderr %q", status, errOut)
			}
			over := 0
			for n, line := range strings.Split(out, "\n") {
				if w := ansi.StringWidth(line); w > 80 {
					if over == 0 {
						t.Errorf("line %d is %d cells wide:\n%s", n+1, w, line)
					}
					over++
				}
			}
			if over > 1 {
				t.Errorf("%d lines over 80 cells in all", over)
			}
		})
	}
}
