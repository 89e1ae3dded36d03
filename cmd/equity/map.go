package main

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"github.com/equitylandscape/equity/geo"
	"github.com/equitylandscape/equity/model"
)

// The formats of `equity map`.
const (
	mapANSI = "ansi"
	mapSVG  = "svg"
	mapTxt  = "txt"
)

// mapDefaultWidth is the map's width in a pipe, where no terminal says.
const mapDefaultWidth = 100

func newMapCmd(e env, opts *options) *cobra.Command {
	var measure, region, format string
	var year, width int
	cmd := &cobra.Command{
		Use:   "map",
		Short: "The world coloured by a score or a figure, on an equal-area map, as text or SVG",
		Long: "Draws the world on the Equal Earth projection, which is equal-area (Africa and South America are not\n" +
			"drawn small as on Mercator maps), coloured by a domain's score or a context figure in five classes,\n" +
			"with a legend giving each class's range and count, and how many figures are real, estimated or modeled.\n" +
			"--format ansi colours a terminal (plain glyphs in a pipe or under NO_COLOR); txt is always plain;\n" +
			"svg writes a vector map of the real outlines, with legend, title, source and notes, for reports.",
		Example: "  equity map --measure editorship\n  equity map --measure internet --region \"South Asia\"\n  equity map --measure editorship --format svg > editorship.svg",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != mapANSI && format != mapSVG && format != mapTxt {
				return usageError{fmt.Errorf("unknown map format %q; use ansi, svg or txt", format)}
			}
			if width != 0 && (width < 20 || width > 1000) {
				return usageError{fmt.Errorf("--width takes a number of columns from 20 to 1000, not %d", width)}
			}
			d, y, err := loadLeanYear(e, opts, year)
			if err != nil {
				return err
			}
			m, err := geo.FindMeasure(d, measure)
			if err != nil {
				return usageError{err}
			}
			w, err := geo.Load()
			if err != nil {
				return err
			}
			job := mapJob{d: d, w: w, v: geo.Compute(d, m, y), view: geo.WorldBox()}
			if region != "" {
				r, err := d.FindRegion(region)
				if err != nil {
					return usageError{err}
				}
				job.region = r
				job.view = regionView(d, w, r)
			}
			if format == mapSVG {
				return job.svg(e.stdout)
			}
			mode := geo.Plain
			tty, termWidth := isTerminal(e.stdout)
			out := e.stdout
			if format == mapANSI && tty && e.getenv("NO_COLOR") == "" {
				mode = geo.Colour
				out = colorprofile.NewWriter(e.stdout, environ(e))
			}
			if width == 0 {
				width = mapDefaultWidth
				if tty && termWidth > 0 {
					width = termWidth
				}
			}
			return job.text(out, max(20, width), mode)
		},
	}
	cmd.Flags().StringVarP(&measure, "measure", "m", string(model.Readership), "what to colour by: a domain (editorship), a facet (editorship.growth) or a figure (internet, population, gdp, mobile, literacy)")
	cmd.Flags().StringVarP(&region, "region", "r", "", "zoom to a Wikimedia region and grey the rest")
	cmd.Flags().StringVarP(&format, "format", "f", mapANSI, "output format: ansi, svg, txt")
	cmd.Flags().IntVarP(&width, "width", "w", 0, "columns of the text map (default: the terminal's width, or 100)")
	addYearFlag(cmd, &year, "year of the figures")
	return cmd
}

// mapJob is one map to write.
type mapJob struct {
	d      *model.Dataset
	w      *geo.World
	v      *geo.Values
	region string
	view   geo.Box
}

// regionView is the box around a region's countries.
func regionView(d *model.Dataset, w *geo.World, region string) geo.Box {
	var codes []string
	for _, c := range d.Countries {
		if c.WikimediaRegion == region {
			codes = append(codes, c.ISO2)
		}
	}
	return w.Bounds(codes).Pad(0.05, 0.2)
}

func (j mapJob) grey() func(string) bool {
	if j.region == "" {
		return nil
	}
	return func(iso2 string) bool {
		c, ok := j.d.Country(iso2)
		return !ok || c.WikimediaRegion != j.region
	}
}

func (j mapJob) title() string {
	t := fmt.Sprintf("%s, %d", j.v.Measure.Name, j.v.Year)
	if j.region != "" {
		t += " — " + j.region
	}
	return t
}

func (j mapJob) notes() []string {
	n := []string{geo.ClassNote(j.v)}
	if src := j.sourceNote(); src != "" {
		n = append(n, src)
	}
	if note := modeledNote(j.d); note != "" {
		n = append(n, note)
	}
	return n
}

// sourceNote names where a context figure comes from and the periods the
// countries' figures are of: each is its country's latest up to the year.
func (j mapJob) sourceNote() string {
	m := j.v.Measure
	if m.IsScore() {
		return fmt.Sprintf("Scores of %d, from the inputs' figures of that year and the year before (growth); each input's source and period: equity country.", j.v.Year)
	}
	var first, last string
	for _, v := range j.v.All {
		if !v.OK || v.Period == "" {
			continue
		}
		if first == "" || v.Period < first {
			first = v.Period
		}
		last = max(last, v.Period)
	}
	what := m.Name
	if ind, ok := j.d.Indicator(m.Indicator); ok {
		if src, ok := j.d.Source(ind.SourceID); ok {
			what += ": " + model.CleanText(src.Title)
		}
	}
	if first == "" {
		return what + "."
	}
	return fmt.Sprintf("%s; each country's latest figure up to %d, of %s to %s.", what, j.v.Year, first, last)
}

const mapSource = "Outlines: Natural Earth 1:110m (public domain), Equal Earth projection (equal-area)."

func (j mapJob) svg(out io.Writer) error {
	return geo.WriteSVG(out, j.w, j.v, geo.SVGOptions{
		Title:  j.title(),
		Source: mapSource + " Figures: " + j.d.Meta.Title + ".",
		Notes:  j.notes(),
		View:   j.view,
		Grey:   j.grey(),
		Legend: geo.Legend(j.v),
		Name: func(iso2 string) string {
			if c, ok := j.d.Country(iso2); ok {
				return c.Name
			}
			return iso2
		},
	})
}

// text writes the map as cells: its title, the map, the legend and notes.
func (j mapJob) text(out io.Writer, width int, mode geo.Mode) error {
	vw, vh := j.view.MaxX-j.view.MinX, j.view.MaxY-j.view.MinY
	rows := max(4, int(math.Ceil(float64(width)*vh/vw/2)))
	r := j.w.Rasterize(width, rows, j.view)
	var b strings.Builder
	b.WriteString(j.title() + "\n")
	for _, line := range r.Draw(geo.Fills(j.w, j.v, j.grey()), geo.DrawOptions{Mode: mode, Selected: -1}) {
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	b.WriteString("\n")
	for _, row := range geo.Legend(j.v) {
		b.WriteString(" " + legendSwatch(row.Fill, mode) + " " + row.Text + "\n")
	}
	if j.region != "" {
		b.WriteString(" " + legendSwatch(geo.FillGrey, mode) + " outside " + j.region + "\n")
	}
	b.WriteString("\n")
	for _, n := range append(j.notes(), mapSource) {
		b.WriteString(n + "\n")
	}
	_, err := io.WriteString(out, b.String())
	return err
}

// legendSwatch is a legend row's sample: two cells of the fill's colour, or
// its glyph.
func legendSwatch(f geo.Fill, mode geo.Mode) string {
	if mode == geo.Colour {
		return geo.Swatch(f)
	}
	return geo.Glyph(f) + geo.Glyph(f)
}
