package components

import (
	"strings"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/theme"
)

// The marks of a figure's class beside it, as the checklists and the
// legend write them: a published figure goes unmarked.
const (
	MarkEstimated = "~"
	MarkModeled   = "*"
	// MarkProjectDefined marks a domain or weight this project defined
	// where the Equity Landscape published none.
	MarkProjectDefined = "†"
)

// ClassMark is the one-cell mark of a class: ~ estimated, * modeled, a
// blank for a real figure or none. The mark is a glyph, never a colour
// alone, so it reads in the mono theme and on a projector.
func ClassMark(th *theme.Theme, c model.Class) string {
	switch c {
	case model.ClassEstimated:
		return th.Muted.Render(MarkEstimated)
	case model.ClassModeled:
		return th.Muted.Render(MarkModeled)
	}
	return " "
}

// ClassShare says what share of a year's Wikimedia activity figures are
// real, estimated and modeled, with the marks, for the status line: "real
// 100%", "~est. 11% · *modeled 89%". It is empty without figures.
func ClassShare(t model.YearFigures) string {
	all := t.All()
	if all == 0 {
		return ""
	}
	pct := func(n int) string {
		return strings.NewReplacer("under ", "<", "over ", ">").Replace(model.SharePercent(float64(n) / float64(all)))
	}
	var parts []string
	if t.Real > 0 {
		parts = append(parts, "real "+pct(t.Real))
	}
	if t.Estimated > 0 {
		parts = append(parts, MarkEstimated+"est. "+pct(t.Estimated))
	}
	if t.Modeled > 0 {
		parts = append(parts, MarkModeled+"modeled "+pct(t.Modeled))
	}
	return strings.Join(parts, " · ")
}
