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
// in any case, ignoring accents and the "&" that several names use, so that
// "sub-saharan africa" and "latin america and caribbean" both work.
func (d *Dataset) FindRegion(query string) (string, error) {
	q := regionKey(query)
	regions := d.WikimediaRegions()
	var prefixed []string
	for _, r := range regions {
		k := regionKey(r)
		if k == q {
			return r, nil
		}
		if q != "" && strings.HasPrefix(k, q) {
			prefixed = append(prefixed, r)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0], nil
	}
	return "", fmt.Errorf("no Wikimedia region matches %q; the regions are %s", query, strings.Join(quoteAll(regions), ", "))
}

// regionKey folds a region name to letters and single spaces, reading "&"
// as "and".
func regionKey(s string) string {
	s = strings.ReplaceAll(Fold(s), "&", " and ")
	var b strings.Builder
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return b.String()
}

func quoteAll(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprintf("%q", x)
	}
	return out
}
