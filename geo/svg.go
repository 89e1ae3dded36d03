package geo

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// SVGOptions describe the document WriteSVG writes.
type SVGOptions struct {
	Title  string
	Source string   // where the figures and the outlines come from
	Notes  []string // the classes of the figures and other notes, in words
	View   Box      // the part of the world shown; empty for WorldBox
	// Name gives a country's name for its tooltip; Grey greys the
	// countries it names (outside a region).
	Name func(iso2 string) string
	Grey func(iso2 string) bool
	// Legend is the legend's rows, top down: a fill and its words.
	Legend []LegendRow
}

// LegendRow is one row of a legend: a fill and what it means.
type LegendRow struct {
	Fill Fill
	Text string
}

// The SVG's layout, in its own units.
const (
	svgWidth   = 1000.0
	svgTitleH  = 40.0
	svgLineH   = 18.0
	svgPointR  = 2.5
	svgSwatchW = 24.0
)

// WriteSVG writes a vector choropleth from the outlines themselves (not
// from cells): one shape per country (a path, or a circle for a country
// drawn as a point) with its name and figure as a tooltip, then the legend,
// the title, the source and the notes.
func WriteSVG(out io.Writer, w *World, v *Values, opt SVGOptions) error {
	view := opt.View
	if view.Empty() {
		view = WorldBox()
	}
	scale := svgWidth / (view.MaxX - view.MinX)
	mapH := (view.MaxY - view.MinY) * scale
	legendH := svgLineH * float64(len(opt.Legend)+len(opt.Notes)+2)
	height := svgTitleH + mapH + 10 + legendH
	tx := func(x float64) string { return strconv.FormatFloat((x-view.MinX)*scale, 'f', 1, 64) }
	ty := func(y float64) string { return strconv.FormatFloat(svgTitleH+(view.MaxY-y)*scale, 'f', 1, 64) }

	b := bufio.NewWriter(out)
	fmt.Fprintf(b, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" font-family="sans-serif" font-size="13">
<defs>
<pattern id="withheld" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="%s"/><rect width="3" height="6" fill="%s"/></pattern>
<clipPath id="map-area"><rect x="0" y="%.0f" width="%.0f" height="%.1f"/></clipPath>
</defs>
<rect width="100%%" height="100%%" fill="#FFFFFF"/>
<text id="title" x="10" y="26" font-size="18" font-weight="bold">%s</text>
<g id="countries" clip-path="url(#map-area)" stroke="#FFFFFF" stroke-width="0.4">
`, svgWidth, height, svgWidth, height, MissingColour, NoDataColour, svgTitleH, svgWidth, mapH, esc(opt.Title))
	fills := Fills(w, v, opt.Grey)
	for i, c := range w.Countries {
		name := c.ISO2
		if opt.Name != nil {
			name = opt.Name(c.ISO2)
		}
		tip := name + ": " + describeValue(v, c.ISO2)
		fill := svgFill(fills[i])
		if !c.Outlined {
			fmt.Fprintf(b, `<circle id="%s" class="country point" cx="%s" cy="%s" r="%.1f" fill="%s" stroke="#333333"><title>%s</title></circle>`+"\n",
				c.ISO2, tx(c.Anchor.X), ty(c.Anchor.Y), svgPointR, fill, esc(tip))
			continue
		}
		var d strings.Builder
		for _, ring := range c.Rings {
			for j, p := range ring {
				if j == 0 {
					d.WriteString("M")
				} else {
					d.WriteString("L")
				}
				d.WriteString(tx(p.X))
				d.WriteByte(' ')
				d.WriteString(ty(p.Y))
			}
			d.WriteString("Z")
		}
		fmt.Fprintf(b, `<path id="%s" class="country" fill-rule="evenodd" fill="%s" d="%s"><title>%s</title></path>`+"\n", c.ISO2, fill, d.String(), esc(tip))
	}
	b.WriteString("</g>\n<g id=\"legend\">\n")
	y := svgTitleH + mapH + 10 + svgLineH
	for _, row := range opt.Legend {
		fmt.Fprintf(b, `<rect x="10" y="%.1f" width="%.0f" height="12" fill="%s" stroke="#333333" stroke-width="0.5"/><text x="%.0f" y="%.1f">%s</text>`+"\n",
			y-11, svgSwatchW, svgFill(row.Fill), 10+svgSwatchW+8, y, esc(row.Text))
		y += svgLineH
	}
	b.WriteString("</g>\n<g id=\"notes\" font-size=\"11\" fill=\"#333333\">\n")
	for _, n := range append([]string{opt.Source}, opt.Notes...) {
		if n == "" {
			continue
		}
		fmt.Fprintf(b, `<text x="10" y="%.1f">%s</text>`+"\n", y, esc(n))
		y += svgLineH
	}
	b.WriteString("</g>\n</svg>\n")
	return b.Flush()
}

func svgFill(f Fill) string {
	switch f {
	case FillNoData:
		return NoDataColour
	case FillMissing:
		return "url(#withheld)"
	case FillGrey, FillSea:
		return greyLight
	case FillSelected:
		return selectedLight
	}
	return palette[f-FillClass1]
}

// describeValue is a country's figure in words, with its class.
func describeValue(v *Values, iso2 string) string {
	val, ok := v.Of(iso2)
	switch {
	case !ok:
		return "no data"
	case !val.OK:
		return val.Reason
	}
	return FormatValue(v.Measure, val.V) + " (" + string(val.Class) + ", " + val.Period + ")"
}

// esc escapes text for XML.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
