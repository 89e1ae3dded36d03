package checklist

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// amountPattern is an amount in US dollars as `equity checklist --amount`
// reads it: digits, with or without commas between groups of three, a
// decimal part, a "$" before and a "k" or "m" (thousands, millions) after.
var amountPattern = regexp.MustCompile(`^\$?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*([kKmM]?)$`)

// errAmount says how to write an amount.
var errAmount = errors.New("write an amount in US dollars: 50000, 50,000, $50k or 1.2m")

// parseAmount reads the requested amount of question 1.2: "50000",
// "50,000", "$50k", "1.2m". An empty text clears the amount (ok false).
func parseAmount(s string) (v float64, ok bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false, nil
	}
	m := amountPattern.FindStringSubmatch(s)
	if m == nil {
		return 0, false, errAmount
	}
	v, err = strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
	if err != nil {
		return 0, false, errAmount
	}
	switch strings.ToLower(m[2]) {
	case "k":
		v *= 1e3
	case "m":
		v *= 1e6
	}
	if v <= 0 || math.IsInf(v, 0) {
		return 0, false, errors.New("the amount must be more than zero (empty clears it)")
	}
	return v, true, nil
}
