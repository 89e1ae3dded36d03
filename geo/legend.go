package geo

import (
	"fmt"
	"strings"

	"github.com/equitylandscape/equity/model"
)

// Legend is a measure's legend, highest class first: each class's range and
// how many countries are in it, then the countries without a figure and
// those a release left out.
func Legend(v *Values) []LegendRow {
	var rows []LegendRow
	for i := Bins - 1; i >= 0; i-- {
		rows = append(rows, LegendRow{FillClass1 + Fill(i), fmt.Sprintf("%s–%s: %s", FormatValue(v.Measure, v.Breaks[i]), FormatValue(v.Measure, v.Breaks[i+1]), countries(v.Counts[i]))})
	}
	rows = append(rows,
		LegendRow{FillNoData, "no data: " + countries(v.NoData)},
		LegendRow{FillMissing, "withheld (protected, below a release's threshold): " + countries(v.MissingN)},
	)
	return rows
}

func countries(n int) string {
	if n == 1 {
		return "1 country"
	}
	return fmt.Sprintf("%d countries", n)
}

// ClassNote says, in words, how the figures shown came to be: how many are
// real, estimated and modeled.
func ClassNote(v *Values) string {
	var parts []string
	for _, c := range model.Classes() {
		if n := v.ByClass[c]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, c))
		}
	}
	if len(parts) == 0 {
		return "No figures for this measure in this year."
	}
	s := "Figures shown: " + strings.Join(parts, ", ") + "."
	if v.ByClass[model.ClassModeled] > 0 {
		s += " Modeled figures are generated where nothing is published; they show the method, not the country."
	}
	if v.ByClass[model.ClassEstimated] > 0 {
		s += " Estimated ones are derived from published figures by a stated method."
	}
	return s
}
