package geo

import (
	"strconv"
	"strings"
)

// Fill is how one country is painted.
type Fill uint8

// The fills: sea, the five classes (lowest first), no data, a figure a
// release left out, greyed (outside a filter or a highlighted region), and
// the selected country.
const (
	FillSea Fill = iota
	FillClass1
	FillClass2
	FillClass3
	FillClass4
	FillClass5
	FillNoData
	FillMissing
	FillGrey
	FillSelected
)

// Mode is how cells are drawn.
type Mode int

const (
	// Colour draws ▀ half-blocks with 24-bit foreground and background
	// colours: two map pixels to a cell.
	Colour Mode = iota
	// Shade draws one glyph a cell (░▒▓█ for the classes) with reverse
	// video for the selection: the mono theme and NO_COLOR in a terminal.
	Shade
	// Plain draws the glyphs alone, without any escape sequence: a pipe.
	Plain
)

// Palette is viridis in five steps: sequential, readable in grey, and told
// apart with the common colour-vision deficiencies.
var palette = [Bins]string{"#440154", "#3B528B", "#21918C", "#5EC962", "#FDE725"}

// ClassColour is a class's colour, as #RRGGBB.
func ClassColour(bin int) string { return palette[bin] }

// Colours of the other fills, on dark and on light terminals.
const (
	NoDataColour   = "#8A8A8A"
	MissingColour  = "#D0D0D0" // striped with NoDataColour
	greyDark       = "#3A3A3A"
	greyLight      = "#E2E2E2"
	selectedDark   = "#FFFFFF"
	selectedLight  = "#000000"
	markerGlyph    = "◆"
	plainSelection = "@"
)

// Glyphs of the fills in Shade and Plain modes.
var glyphs = [...]string{
	FillSea: " ", FillClass1: ":", FillClass2: "░", FillClass3: "▒", FillClass4: "▓", FillClass5: "█",
	FillNoData: "·", FillMissing: "×", FillGrey: "-", FillSelected: "@",
}

// Glyph is a fill's glyph in Shade and Plain modes.
func Glyph(f Fill) string { return glyphs[f] }

// Fills are the fills of every country of the world (by World index) for
// the values of a measure; grey, when not nil, greys the countries it
// names.
func Fills(w *World, v *Values, grey func(iso2 string) bool) []Fill {
	out := make([]Fill, len(w.Countries))
	for i, c := range w.Countries {
		val, ok := v.Of(c.ISO2)
		switch {
		case grey != nil && grey(c.ISO2):
			out[i] = FillGrey
		case !ok:
			out[i] = FillNoData
		case val.OK:
			out[i] = FillClass1 + Fill(val.Bin)
		case val.Missing:
			out[i] = FillMissing
		default:
			out[i] = FillNoData
		}
	}
	return out
}

// DrawOptions say how to draw.
type DrawOptions struct {
	Mode  Mode
	Light bool // a light background: greys and the selection darker
	// Selected is the selected country's World index, or -1. It is drawn
	// in the selection colour (reverse video in Shade mode) with a ◆ at its
	// anchor, so that it shows without colour and even when it is too small
	// to cover a pixel.
	Selected int
}

// Draw paints the raster with the fills: Rows lines of exactly Cols cells.
func (r *Raster) Draw(fills []Fill, opt DrawOptions) []string {
	lines := make([]string, r.Rows)
	var b strings.Builder
	b.Grow(r.Cols * 40)
	mark := PixelPt{-1, -1}
	if opt.Selected >= 0 && opt.Selected < len(r.Anchors) {
		mark = r.Anchors[opt.Selected]
	}
	for row := range r.Rows {
		b.Reset()
		p := painter{b: &b, light: opt.Light}
		for col := range r.Cols {
			top, bottom := r.fillAt(fills, col, 2*row, opt.Selected), r.fillAt(fills, col, 2*row+1, opt.Selected)
			isMark := mark.X == col && mark.Y/2 == row
			switch opt.Mode {
			case Colour:
				p.cell(top, bottom, row, isMark)
			default:
				p.glyph(top, bottom, isMark, opt.Mode == Shade)
			}
		}
		p.reset()
		lines[row] = b.String()
	}
	return lines
}

func (r *Raster) fillAt(fills []Fill, x, y, selected int) Fill {
	c := r.At(x, y)
	if c == Sea || c >= len(fills) {
		return FillSea
	}
	if c == selected {
		return FillSelected
	}
	return fills[c]
}

// painter writes cells, sending an escape sequence only when the colours
// change.
type painter struct {
	b       *strings.Builder
	light   bool
	fg, bg  string
	reverse bool
}

func (p *painter) colour(f Fill, pixelRow int) string {
	switch f {
	case FillNoData:
		return NoDataColour
	case FillMissing:
		// Stripes: the figure is withheld, not merely absent.
		if pixelRow%2 == 0 {
			return MissingColour
		}
		return NoDataColour
	case FillGrey:
		if p.light {
			return greyLight
		}
		return greyDark
	case FillSelected:
		if p.light {
			return selectedLight
		}
		return selectedDark
	}
	return palette[f-FillClass1]
}

func (p *painter) set(fg, bg string) {
	if fg == p.fg && bg == p.bg {
		return
	}
	p.b.WriteString("\x1b[")
	if fg == "" {
		p.b.WriteString("39")
	} else {
		sgr(p.b, "38", fg)
	}
	p.b.WriteByte(';')
	if bg == "" {
		p.b.WriteString("49")
	} else {
		sgr(p.b, "48", bg)
	}
	p.b.WriteByte('m')
	p.fg, p.bg = fg, bg
}

func sgr(b *strings.Builder, kind, hex string) {
	n, _ := strconv.ParseUint(hex[1:], 16, 32)
	b.WriteString(kind)
	b.WriteString(";2;")
	b.WriteString(strconv.Itoa(int(n >> 16 & 0xff)))
	b.WriteByte(';')
	b.WriteString(strconv.Itoa(int(n >> 8 & 0xff)))
	b.WriteByte(';')
	b.WriteString(strconv.Itoa(int(n & 0xff)))
}

func (p *painter) cell(top, bottom Fill, row int, mark bool) {
	switch {
	case mark:
		fg, bg := selectedLight, selectedDark
		if p.light {
			fg, bg = selectedDark, selectedLight
		}
		p.set(fg, bg)
		p.b.WriteString(markerGlyph)
	case top == FillSea && bottom == FillSea:
		p.set("", "")
		p.b.WriteByte(' ')
	case top == FillSea:
		p.set(p.colour(bottom, 2*row+1), "")
		p.b.WriteString("▄")
	case bottom == FillSea:
		p.set(p.colour(top, 2*row), "")
		p.b.WriteString("▀")
	default:
		p.set(p.colour(top, 2*row), p.colour(bottom, 2*row+1))
		p.b.WriteString("▀")
	}
}

// glyph draws a cell as one glyph: the upper pixel's fill, or the lower's
// where the upper is sea.
func (p *painter) glyph(top, bottom Fill, mark, styled bool) {
	f := top
	if f == FillSea {
		f = bottom
	}
	if mark {
		if styled {
			p.rev(true)
			p.b.WriteString(markerGlyph)
			return
		}
		p.b.WriteString(markerGlyph)
		return
	}
	if styled {
		p.rev(f == FillSelected)
	}
	if f == FillSelected {
		// Reverse video marks the selection; the glyph stays its own
		// where styles exist, and is @ where they do not.
		if styled {
			p.b.WriteString("█")
			return
		}
		p.b.WriteString(plainSelection)
		return
	}
	p.b.WriteString(glyphs[f])
}

func (p *painter) rev(on bool) {
	if on == p.reverse {
		return
	}
	if on {
		p.b.WriteString("\x1b[7m")
	} else {
		p.b.WriteString("\x1b[27m")
	}
	p.reverse = on
}

// reset ends a line with every attribute off.
func (p *painter) reset() {
	if p.fg != "" || p.bg != "" || p.reverse {
		p.b.WriteString("\x1b[0m")
	}
	p.fg, p.bg, p.reverse = "", "", false
}

// Swatch is two cells of a fill's colour, for a legend in Colour mode.
func Swatch(f Fill) string {
	var b strings.Builder
	p := painter{b: &b}
	p.cell(f, f, 0, false)
	p.cell(f, f, 0, false)
	p.reset()
	return b.String()
}
