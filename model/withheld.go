package model

import "strings"

// Withheld says why a country has no presence score in a domain when the
// releases left out, with a stated reason, every figure the score would
// rest on: a protected country's page views and unique devices are not
// published. It returns the short reason ("withheld: protected country").
// An input no country has in the year (unique devices after 2024) does not
// count against it; a figure missing without a reason, or any figure
// present, means the score is not withheld.
func (d *Dataset) Withheld(iso2 string, dom DomainID, year int) (string, bool) {
	why := ""
	for _, ind := range d.Inputs(dom, Presence) {
		if _, _, ok := d.InputValue(iso2, ind, year); ok {
			return "", false
		}
		if m, ok := d.MissingReason(iso2, ind.ID, year); ok {
			if why == "" {
				why = ShortReason(m.Reason)
			}
			continue
		}
		if d.anyHas(ind, year) {
			return "", false
		}
	}
	return why, why != ""
}

// anyHas reports whether some country has a figure of the input in the
// year.
func (d *Dataset) anyHas(ind Indicator, year int) bool {
	for _, c := range d.Countries {
		if _, _, ok := d.InputValue(c.ISO2, ind, year); ok {
			return true
		}
	}
	return false
}

// ShortReason shortens a release's reason for a missing figure to what fits
// a table's note column: "not in the release: protected country (the
// Wikimedia Country and Territory Protection List)" becomes "withheld:
// protected country".
func ShortReason(reason string) string {
	r := CleanText(strings.TrimSpace(reason))
	if i := strings.Index(r, ": "); i >= 0 && strings.HasPrefix(strings.ToLower(r), "not in the release") {
		r = r[i+2:]
	}
	if i := strings.Index(r, " ("); i > 0 {
		r = r[:i]
	}
	r = strings.TrimSpace(r)
	if r == "" {
		return "withheld"
	}
	return "withheld: " + r
}
