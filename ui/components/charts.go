package components

import (
	"math"
	"strings"

	"github.com/equitylandscape/equity/ui/theme"
)

// eighths are the partial blocks of a horizontal bar, one eighth of a cell
// at a time.
const eighths = " ▏▎▍▌▋▊▉"

// Bar draws a 0–100 score as a horizontal bar of width cells, on a faint
// track, so that its length can be read without colour.
func Bar(th *theme.Theme, score float64, width int) string {
	if width <= 0 {
		return ""
	}
	if math.IsNaN(score) {
		return strings.Repeat(" ", width)
	}
	units := int(math.Round(math.Min(math.Max(score, 0), 100) / 100 * float64(width*8)))
	full, part := units/8, units%8
	var b strings.Builder
	b.WriteString(strings.Repeat("█", full))
	rest := width - full
	if part > 0 {
		b.WriteString(string([]rune(eighths)[part]))
		rest--
	}
	return th.Bar.Render(b.String()) + th.BarTrack.Render(strings.Repeat("·", rest))
}

// sparks are the eight heights of a sparkline.
const sparks = "▁▂▃▄▅▆▇█"

// Sparkline draws values on a 0–100 scale, one cell each; NaN is a gap.
func Sparkline(values []float64) string {
	r := []rune(sparks)
	var b strings.Builder
	for _, v := range values {
		if math.IsNaN(v) {
			b.WriteByte(' ')
			continue
		}
		i := int(math.Round(math.Min(math.Max(v, 0), 100) / 100 * float64(len(r)-1)))
		b.WriteRune(r[i])
	}
	return b.String()
}

// Arrow is the growth arrow of a signal: ▲ strong, ▼ weak, • in between,
// blank without a growth score.
func Arrow(th *theme.Theme, signal int, ok bool) string {
	switch {
	case !ok:
		return " "
	case signal > 0:
		return th.Up.Render("▲")
	case signal < 0:
		return th.Down.Render("▼")
	default:
		return th.Flat.Render("•")
	}
}

// Histogram draws how values fall into bins across 0–100, height lines tall
// with the bin holding mark shown as ▲ under it. Each line is bins cells
// wide; the last line is the axis with the mark.
func Histogram(th *theme.Theme, values []float64, mark float64, bins, height int) []string {
	if bins <= 0 || height <= 0 {
		return nil
	}
	counts := make([]int, bins)
	peak := 0
	bin := func(v float64) int {
		return min(bins-1, max(0, int(v/100*float64(bins))))
	}
	for _, v := range values {
		if math.IsNaN(v) {
			continue
		}
		b := bin(v)
		counts[b]++
		peak = max(peak, counts[b])
	}
	markBin := -1
	if !math.IsNaN(mark) {
		markBin = bin(mark)
	}
	r := []rune(sparks)
	lines := make([]string, height+1)
	for row := 0; row < height; row++ {
		var b strings.Builder
		level := height - 1 - row // 0 is the bottom line
		for i, c := range counts {
			cells := 0.0
			if peak > 0 {
				cells = float64(c) / float64(peak) * float64(height)
			}
			var ch string
			switch {
			case cells >= float64(level+1):
				ch = "█"
			case cells > float64(level):
				// A cell filled to f shows the block of ⌈8f⌉ eighths.
				eighth := int(math.Ceil((cells-float64(level))*float64(len(r)))) - 1
				ch = string(r[min(len(r)-1, max(0, eighth))])
			default:
				ch = " "
			}
			if i == markBin && ch != " " {
				b.WriteString(th.Mark.Render(ch))
			} else {
				b.WriteString(th.Bar.Render(ch))
			}
		}
		lines[row] = b.String()
	}
	axis := []rune(strings.Repeat("─", bins))
	if markBin >= 0 {
		axis[markBin] = '▲'
	}
	lines[height] = th.Muted.Render(string(axis))
	return lines
}
