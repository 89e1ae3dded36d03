package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/equitylandscape/equity/model"
)

// ReadingViews is a country's published page views of one edition or
// project in a period (model.Reading), as it may be shown: the count, or,
// for a country on the protection list, its bucket alone, as every raw
// count of such a country is shown.
func ReadingViews(d *model.Dataset, c model.Country, r model.Reading) Observed {
	// Readings are published counts, never modeled: the Pageviews input's
	// rule for a real figure applies.
	ind, _ := d.Indicator(model.IndPageviews)
	ind.Modeled = false
	return observe(d, c, ind, r.Views, r.Bounds, false, Number)
}

// SeriesCells turns a monthly series into the heights of a sparkline of at
// most width cells: each cell the mean of the months it stands for, as a
// share of the series' largest cell (0 is the baseline, so heights compare
// as views do); a cell with no month is NaN, a gap. It returns how many
// months each cell holds.
func SeriesCells(values []float64, width int) ([]float64, int) {
	if len(values) == 0 || width <= 0 {
		return nil, 0
	}
	per := (len(values) + width - 1) / width
	var cells []float64
	peak := 0.0
	for i := 0; i < len(values); i += per {
		sum, n := 0.0, 0
		for _, v := range values[i:min(i+per, len(values))] {
			if !math.IsNaN(v) {
				sum += v
				n++
			}
		}
		cell := math.NaN()
		if n > 0 {
			cell = sum / float64(n)
			peak = max(peak, cell)
		}
		cells = append(cells, cell)
	}
	for i, v := range cells {
		if !math.IsNaN(v) && peak > 0 {
			cells[i] = v / peak * 100
		}
	}
	return cells, per
}

// Monthly lays a monthly series out month by month from its first period
// to its last: the periods (YYYY-MM) and the views, NaN for a month the
// series lacks (the country was not in that month's list).
func Monthly(series []model.Reading) (periods []string, views []float64) {
	if len(series) == 0 {
		return nil, nil
	}
	at := map[string]float64{}
	for _, r := range series {
		at[r.Period] = r.Views
	}
	y, m, ok := yearMonth(series[0].Period)
	ly, lm, ok2 := yearMonth(series[len(series)-1].Period)
	if !ok || !ok2 {
		return nil, nil
	}
	for y*12+m <= ly*12+lm {
		p := fmt.Sprintf("%04d-%02d", y, m)
		v, has := at[p]
		if !has {
			v = math.NaN()
		}
		periods, views = append(periods, p), append(views, v)
		if m++; m > 12 {
			y, m = y+1, 1
		}
	}
	return periods, views
}

func yearMonth(period string) (year, month int, ok bool) {
	if len(period) < 7 || period[4] != '-' {
		return 0, 0, false
	}
	y, err1 := strconv.Atoi(period[:4])
	m, err2 := strconv.Atoi(period[5:7])
	return y, m, err1 == nil && err2 == nil && m >= 1 && m <= 12
}

// ReadingSource names a reading's source with its publisher and licence,
// "Wikipedia Views Visualized (Wikimedia Foundation (Wikistats, author
// Erik Zachte); CC-BY-SA)": the 2016 and 2017 reports' licence asks for the
// attribution wherever their figures are shown.
func ReadingSource(d *model.Dataset, id string) string {
	s, ok := d.Source(id)
	if !ok {
		return model.CleanText(id)
	}
	title := s.Title
	if i := strings.IndexAny(title, ":,"); i > 0 {
		title = title[:i]
	}
	return model.CleanText(fmt.Sprintf("%s (%s; %s)", title, s.Publisher, s.Licence))
}
