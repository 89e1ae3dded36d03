package store

import (
	"fmt"
	"math"
	"unicode/utf8"
)

// MinYear and MaxYear bound the years a database may hold: the World Bank's
// series start in 1960, and a year past 2100 is a typing mistake, not a
// projection equity shows.
const (
	MinYear = 1960
	MaxYear = 2100
)

// rule is what a numeric column may hold beyond a finite number.
type rule int

const (
	finite   rule = iota // any finite number
	score                // 0–100, a percentile rank
	percent              // 0–100, a share of a population
	year                 // a whole number, MinYear–MaxYear
	count                // a whole number, 0 or more
	quartile             // a whole number, 1–4
	amount               // a finite number, 0 or more: views, a privacy budget
)

type column struct {
	name     string
	rule     rule
	nullable bool // NULL means "not known" here, as data_risk_score's does
}

// checkedTable is a table's key, which names a bad row, and the numeric
// columns that are checked.
type checkedTable struct {
	name    string
	key     []string
	columns []column
}

// checkedTables lists every numeric column loading reads. SQLite keeps text
// in a REAL column when it does not look like a number, and reading it as a
// number gives 0; it keeps ±Inf; it turns NaN into NULL. None of it may
// reach the scores and screens as if it were a figure.
func checkedTables(version int) []checkedTable {
	tables := []checkedTable{
		{"countries", []string{"iso2"}, []column{{"is_protected", finite, false}, {"data_risk_score", finite, true}}},
		{"country_languages", []string{"iso2", "lang"}, []column{{"population_pct", percent, false}}},
		{"indicators", []string{"id"}, []column{{"weight", finite, false}}},
		{"observations", []string{"iso2", "indicator_id", "year"}, []column{{"year", year, false}, {"value", finite, false}}},
		{"scores", []string{"iso2", "domain", "facet", "year"}, []column{{"year", year, false}, {"score", score, false}}},
		{"bounds", []string{"iso2", "indicator_id", "year"}, []column{{"year", year, false}, {"lower", finite, false}, {"upper", finite, false}}},
		{"country_wikis", []string{"iso2", "wiki", "year"}, []column{{"year", year, false},
			{"editors_lower", finite, false}, {"editors_upper", finite, false}, {"very_active_lower", finite, false}, {"very_active_upper", finite, false}}},
	}
	if version >= 3 {
		tables = append(tables,
			checkedTable{"missing", []string{"iso2", "indicator_id", "year"}, []column{{"year", year, false}}},
			checkedTable{"noise", []string{"iso2", "indicator_id", "year"}, []column{{"year", year, false},
				{"epsilon", amount, false}, {"sd", amount, false}, {"sum_epsilon", amount, false}, {"threshold", amount, false}}},
			checkedTable{"readings", []string{"iso2", "project", "year", "period"}, []column{{"year", year, false},
				{"views", amount, false}, {"lower", amount, false}, {"upper", amount, false}, {"share", percent, false}}},
		)
		// A figure the plan's document does not give is NULL, not zero.
		tables = append(tables,
			checkedTable{"movement_metrics", []string{"id"}, []column{{"position", count, false}, {"value", finite, true}, {"change_pct", finite, true}}},
			checkedTable{"initiatives", []string{"number"}, []column{{"recommendation", count, false}, {"votes", count, false}, {"quartile", quartile, false}}},
		)
	}
	return tables
}

// problem says what is wrong with a value of the column of the given SQLite
// type, "" if nothing is.
func (c column) problem(typ string, v float64) string {
	switch {
	case typ == "null" && c.nullable:
		return ""
	case typ == "null":
		return "has no value (NULL)"
	case typ != "integer" && typ != "real":
		return "has a value that is not a number"
	case c.rule == year && typ != "integer":
		return "has a year that is not a whole number"
	case c.rule == year && (v < MinYear || v > MaxYear):
		return fmt.Sprintf("has a year outside %d–%d", MinYear, MaxYear)
	case (c.rule == count || c.rule == quartile) && typ != "integer":
		return "has a value that is not a whole number"
	case c.rule == count && v < 0:
		return "has a negative count"
	case c.rule == amount && v < 0:
		return "has a negative value"
	case c.rule == quartile && (v < 1 || v > 4):
		return "has a quartile outside 1–4"
	case math.IsInf(v, 0):
		return "has an infinite value"
	case c.rule == score && (v < 0 || v > 100):
		return "has a score outside 0–100"
	case c.rule == percent && (v < 0 || v > 100):
		return "has a percentage outside 0–100"
	}
	return ""
}

// fine is true when problem would find nothing wrong with a number (an
// integer or a real, not NULL): a quick test for the columns of a pack,
// whose values problem then need not look at one by one. It may say false
// of a fine value (problem decides then), never true of a bad one.
func (c column) fine(integer bool, v float64) bool {
	switch c.rule {
	case finite:
		return !math.IsInf(v, 0)
	case score, percent:
		return v >= 0 && v <= 100
	case year:
		return integer && v >= MinYear && v <= MaxYear
	case count:
		return integer && v >= 0
	case quartile:
		return integer && v >= 1 && v <= 4
	case amount:
		return v >= 0 && !math.IsInf(v, 0)
	}
	return false
}

// invalid is a database with a value it may not hold.
func (o origin) invalid(problem string) *Error {
	hint := "rebuild it with equity import, or leave out --db to use the bundled data"
	if o.embedded {
		hint = o.fix()
	}
	return &Error{Path: o.shown, Problem: problem, Hint: hint}
}

// clip shortens s to at most n characters, marking the cut with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
