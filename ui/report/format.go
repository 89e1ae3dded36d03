package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/equitylandscape/equity/model"
)

// Number formats a count for reading: 1,234 below ten thousand, then 12.3 k,
// 4.56 M, 1.41 B. Small non-integers keep one decimal (0.4 editors a month).
func Number(v float64) string {
	a := math.Abs(v)
	// Each unit starts where the smaller one would round up to 1000 of
	// itself: 999,960 is "1 M", not "1000 k".
	switch {
	case a >= 999_995_000:
		return trim(v/1e9, 2) + " B"
	case a >= 999_950:
		return trim(v/1e6, 2) + " M"
	case a >= 9_999.5:
		return trim(v/1e3, 1) + " k"
	case a != math.Trunc(a) && a < 100:
		return strconv.FormatFloat(v, 'f', 1, 64)
	default:
		return thousands(math.Round(v))
	}
}

// trim formats with up to n decimals, dropping trailing zeros.
func trim(v float64, n int) string {
	s := strconv.FormatFloat(v, 'f', n, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Count formats a whole number with thousands separators: "26,012".
func Count(n int) string { return thousands(float64(n)) }

func thousands(v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', 0, 64)
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Percent formats a percentage with one decimal: "43.0%".
func Percent(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) + "%" }

// Score formats a 0–100 score with one decimal.
func Score(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// Money formats US dollars: "$12,300", "$1.2 M".
func Money(v float64) string {
	if math.Abs(v) >= 1e6 {
		return "$" + trim(v/1e6, 2) + " M"
	}
	return "$" + thousands(math.Round(v))
}

// YearSpan writes years as a range when they run without a gap
// ("2018–2024"), else as a list.
func YearSpan(years []int) string {
	switch {
	case len(years) == 0:
		return "none"
	case len(years) > 2 && years[len(years)-1]-years[0] == len(years)-1:
		return fmt.Sprintf("%d–%d", years[0], years[len(years)-1])
	}
	s := make([]string, len(years))
	for i, y := range years {
		s[i] = strconv.Itoa(y)
	}
	return strings.Join(s, ", ")
}

// Figure formats a context figure by what it measures: a share as a
// percentage, GDP per capita as dollars, anything else as a number.
func Figure(indicator string, v float64) string {
	switch indicator {
	case model.IndInternet, model.IndLiteracy:
		return Percent(v)
	case model.IndGDPPerCap:
		return Money(v)
	}
	return Number(v)
}

// Signed formats a rate with its sign: "+4.2%", "−3.0%" (a true minus).
func Signed(v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', 1, 64) + "%"
	if v < 0 && s != "0.0%" { // a fall too small to show is no fall
		return "−" + s
	}
	return "+" + s
}
