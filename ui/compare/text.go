package compare

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/report"
	"github.com/equitylandscape/equity/ui/theme"
)

// names are region names for a column or a cell of w cells: whole when
// every name fits; otherwise, when every name has a Wikimedia abbreviation,
// the abbreviation followed by as much of the name as fits ("CEECA Central
// & Eas…"), the abbreviations aligned; otherwise each name cut with "…".
func names(regions []string, w int) []string {
	out := make([]string, len(regions))
	fits, abbr, abbrW := true, true, 0
	for _, r := range regions {
		if ansi.StringWidth(r) > w {
			fits = false
		}
		a, ok := model.RegionAbbr(r)
		abbr = abbr && ok
		abbrW = max(abbrW, len(a))
	}
	for i, r := range regions {
		if abbr && !fits {
			a, _ := model.RegionAbbr(r)
			r = components.Fit(a, abbrW) + " " + r
		}
		out[i] = ansi.Truncate(r, w, "…")
	}
	return out
}

// twoLines sets a name over two lines of w cells: the abbreviation over the
// name for a Wikimedia region when abbreviate is set, else the name wrapped at
// spaces, the second line cut with "…".
func twoLines(name string, w int, abbreviate bool) [2]string {
	if a, ok := model.RegionAbbr(name); ok && abbreviate {
		return [2]string{a, ansi.Truncate(name, w, "…")}
	}
	if ansi.StringWidth(name) <= w {
		return [2]string{name, ""}
	}
	lines := components.Wrap(name, w)
	out := [2]string{ansi.Truncate(lines[0], w, "…"), ""}
	if len(lines) > 1 {
		out[1] = ansi.Truncate(strings.Join(lines[1:], " "), w, "…")
	}
	return out
}

// sourceOf names the source of an indicator with its year: "CLDR 48, 2025".
func sourceOf(d *model.Dataset, id string) string {
	ind, ok := d.Indicator(id)
	if !ok {
		return ""
	}
	src, ok := d.Source(ind.SourceID)
	if !ok {
		return ""
	}
	name := report.ShortSource(src)
	if src.Year > 0 && !strings.Contains(name, fmt.Sprint(src.Year)) {
		name += fmt.Sprintf(", %d", src.Year)
	}
	return name
}

// ratioText says a representation ratio in words as well as figures:
// "0.54 under", "1.45 over".
func ratioText(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	switch {
	case s == "1.00":
		return s + " even"
	case v < 1:
		return s + " under"
	}
	return s + " over"
}

// ratioBarOf draws a representation ratio on a scale whose end is top (the
// largest ratio shown, at least 1), so that over- and underrepresentation
// read apart without colour: the bar is solid (█) up to 1 and shaded (▓)
// past it; a bar short of 1 is followed by │ where 1 would be. A ratio the
// text calls over or under never looks like exactly 1.
func ratioBarOf(th *theme.Theme, v, top float64, w int) string {
	if w <= 0 {
		return ""
	}
	top = math.Max(top, 1)
	one := min(w, int(math.Round(float64(w)/top)))
	word := ratioText(v)
	if strings.HasSuffix(word, "over") {
		cells := min(w, max(one+1, int(math.Round(v/top*float64(w)))))
		solid := min(one, cells)
		return th.Bar.Render(strings.Repeat("█", solid)+strings.Repeat("▓", cells-solid)) +
			th.BarTrack.Render(strings.Repeat("·", w-cells))
	}
	units := int(math.Round(math.Max(v, 0) / top * float64(w*8)))
	if strings.HasSuffix(word, "under") {
		units = min(units, one*8-1)
	}
	units = max(0, min(units, one*8))
	full, part := units/8, units%8
	used := full
	fill := strings.Repeat("█", full)
	if part > 0 {
		fill += string([]rune(eighths)[part])
		used++
	}
	out := th.Bar.Render(fill)
	if used <= one && one < w {
		out += th.BarTrack.Render(strings.Repeat("·", one-used)) + th.Muted.Render("│") +
			th.BarTrack.Render(strings.Repeat("·", w-one-1))
	} else {
		out += th.BarTrack.Render(strings.Repeat("·", w-used))
	}
	return out
}

// eighths are the partial blocks of a bar, as components.Bar draws them.
const eighths = " ▏▎▍▌▋▊▉"

// allAbbreviated reports whether names set in w cells go by their
// abbreviations: when one of them does not fit and every one has an
// abbreviation, all do, so that the header reads one way.
func allAbbreviated(regions []string, w int) bool {
	fits := true
	for _, r := range regions {
		if _, ok := model.RegionAbbr(r); !ok {
			return false
		}
		if ansi.StringWidth(r) > w {
			fits = false
		}
	}
	return !fits
}
