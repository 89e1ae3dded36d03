package model_test

import (
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

func TestShortReason(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"not in the release: protected country (the Wikimedia Country and Territory Protection List)", "withheld: protected country"},
		{"Not in the release: below the release's threshold", "withheld: below the release's threshold"},
		{"suppressed by the publisher", "withheld: suppressed by the publisher"},
		{"  ", "withheld"},
		// Control characters never reach the terminal.
		{"not in the release: \x1b[31mred (x)", "withheld: [31mred"},
	} {
		if got := model.ShortReason(c.in); got != c.want {
			t.Errorf("ShortReason(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A protected country's readership is withheld, not short of data: its
// page views and devices are missing with a reason in every year, and the
// country screen, `equity country` and the checklists say so.
func TestWithheld(t *testing.T) {
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatal(err)
	}
	last := d.Years[len(d.Years)-1]
	for _, c := range []struct {
		iso2 string
		dom  model.DomainID
		year int
		want string // "" for not withheld
	}{
		// 2025 has no unique devices for any country: the page views
		// alone decide.
		{"CN", model.Readership, last, "withheld: protected country"},
		{"CN", model.Readership, 2022, "withheld: protected country"},
		{"IR", model.Readership, 2020, "withheld: protected country"},
		// A country with figures, and a protected country's other
		// domains, are not withheld.
		{"NG", model.Readership, 2022, ""},
		{"CN", model.Editorship, 2022, ""},
		{"CN", model.Access, 2022, ""},
		// Before the release's years there is nothing to withhold.
		{"CN", model.Readership, 2016, ""},
	} {
		got, ok := d.Withheld(c.iso2, c.dom, c.year)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("Withheld(%s, %s, %d) = %q, %v; want %q", c.iso2, c.dom, c.year, got, ok, c.want)
		}
	}

	cn, _ := d.Country("CN")
	p := d.Profile(cn, 2022)
	for _, dp := range p.Domains {
		if dp.Domain.ID == model.Readership && dp.Withheld != "withheld: protected country" {
			t.Errorf("CN's 2022 profile: readership withheld %q", dp.Withheld)
		}
		if dp.Domain.ID != model.Readership && dp.Withheld != "" {
			t.Errorf("CN's 2022 profile: %s withheld %q", dp.Domain.ID, dp.Withheld)
		}
	}
	// The checklist's readership fact says why, not "not enough data".
	uc, _ := model.UseCaseByNumber(1)
	found := false
	for _, a := range d.Checklist(uc, model.Subject{Country: cn}, 2022, model.Request{}) {
		for _, f := range a.Facts {
			if strings.Contains(strings.ToLower(f.Label), "reader") && !f.OK {
				found = true
				if f.Text != "withheld: protected country" {
					t.Errorf("checklist fact %q: %q", f.Label, f.Text)
				}
			}
		}
	}
	if !found {
		t.Error("no checklist fact of CN's readership")
	}
}
