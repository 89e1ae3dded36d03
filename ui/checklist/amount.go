package checklist

import (
	"strings"

	"github.com/equitylandscape/equity/model"
)

// parseAmount reads the requested amount of question 1.2 as
// model.ParseAmount does; an empty text clears the amount (ok false).
func parseAmount(s string) (v float64, ok bool, err error) {
	if strings.TrimSpace(s) == "" {
		return 0, false, nil
	}
	v, err = model.ParseAmount(s)
	return v, err == nil, err
}
