package ui_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// y and Y are the root's on every screen: on Countries, Compare and
// Movement, y steps the year once, and the help lists the year keys once.
func TestYearKeysAreGlobal(t *testing.T) {
	d := sample(t)
	for _, c := range []struct {
		name  string
		setup []string
	}{
		{"countries", nil},
		{"compare", []string{"2"}},
		{"compare countries", []string{"space", "space", "c"}},
		{"movement", []string{"5"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dr := newDriver(t, d, 200, 60)
			dr.keys(c.setup...)
			from := d.DefaultYear()
			i := slices.Index(d.Years, from)
			next := d.Years[(i+1)%len(d.Years)]
			dr.keys("y")
			mustContain(t, dr.screen(), fmt.Sprint(next))
			dr.keys("Y")
			mustContain(t, dr.screen(), fmt.Sprint(from))
			dr.keys("?")
			help := dr.screen()
			if n := strings.Count(help, "next year"); n != 1 {
				t.Errorf("the help says \"next year\" %d times, want once:\n%s", n, help)
			}
			if n := strings.Count(help, "previous year"); n != 1 {
				t.Errorf("the help says \"previous year\" %d times, want once:\n%s", n, help)
			}
		})
	}
}
