package model

import (
	"fmt"
	"sort"
	"strings"
)

// WikimediaRegions lists the Wikimedia regions the dataset's countries are
// in, by name.
func (d *Dataset) WikimediaRegions() []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range d.Countries {
		if c.WikimediaRegion != "" && !seen[c.WikimediaRegion] {
			seen[c.WikimediaRegion] = true
			out = append(out, c.WikimediaRegion)
		}
	}
	sort.Strings(out)
	return out
}

// FindRegion finds a Wikimedia region by its name or a unique prefix of it,
// in any case, ignoring accents, punctuation and the "&" that several names
// use, so that "sub-saharan africa", "latin america and caribbean" and "east
// southeast asia pacific" all work.
func (d *Dataset) FindRegion(query string) (string, error) {
	q := regionKey(query)
	qa := withoutAnd(q)
	regions := d.WikimediaRegions()
	var prefixed []string
	for _, r := range regions {
		k := regionKey(r)
		ka := withoutAnd(k)
		if q != "" && k == q || qa != "" && ka == qa {
			return r, nil
		}
		if q != "" && strings.HasPrefix(k, q) || qa != "" && strings.HasPrefix(ka, qa) {
			prefixed = append(prefixed, r)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0], nil
	}
	if len(prefixed) > 1 {
		return "", fmt.Errorf("%q matches several Wikimedia regions: %s; give more of the name", query, strings.Join(quoteAll(prefixed), ", "))
	}
	return "", fmt.Errorf("no Wikimedia region matches %q; the regions are %s", query, strings.Join(quoteAll(regions), ", "))
}

// withoutAnd drops the word "and" from a region key, so that a name matches
// with or without its "&" ("east southeast asia pacific").
func withoutAnd(k string) string {
	if !strings.Contains(k, "and") {
		return k
	}
	words := strings.Fields(k)
	out := words[:0]
	for _, w := range words {
		if w != "and" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// regionKey folds a region name to letters and single spaces, reading "&"
// as "and": appendKey, the allocation-free form the filter uses, into a new
// string.
func regionKey(s string) string { return string(appendKey(nil, s, -1)) }

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}

// RegionAbbr is the initials the movement uses for a Wikimedia region
// ("SSA", "CEECA"), and false for any other name: the initials of UN
// sub-regions would collide ("Southern Asia", "Southern Africa").
func RegionAbbr(region string) (string, bool) {
	switch region {
	case "Central & Eastern Europe & Central Asia":
		return "CEECA", true
	case "East, Southeast Asia, & Pacific":
		return "ESEAP", true
	case "Latin America & Caribbean":
		return "LAC", true
	case "Middle East & North Africa":
		return "MENA", true
	case "North America":
		return "NA", true
	case "Northern & Western Europe":
		return "NWE", true
	case "South Asia":
		return "SA", true
	case "Sub-Saharan Africa":
		return "SSA", true
	}
	return "", false
}
