package countries

import (
	"fmt"
	"strings"

	"github.com/equitylandscape/equity/model"
)

// Command is the `equity countries` command that prints the table as it
// is: its region, filter, order and year. A search becomes bare words of
// the filter language (name or code), the nearest it has; the command line
// has no sort by region or internet, so those orders are left out.
func (s *Screen) Command() []string {
	args := []string{"countries"}
	if s.region != "" {
		args = append(args, "--region", s.region)
	}
	var terms []string
	if !s.filter.Empty() {
		terms = append(terms, s.filter.String())
	}
	terms = append(terms, strings.Fields(s.search)...)
	if len(terms) > 0 {
		args = append(args, "--filter", strings.Join(terms, " "))
	}
	switch s.sortBy {
	case byName:
		if s.desc {
			args = append(args, "--reverse")
		}
	case byRegion, byInternet:
	default:
		name := "population"
		if s.sortBy >= byDomain {
			name = string(model.Domains()[s.sortBy-byDomain].ID)
		}
		args = append(args, "--sort", name)
		if !s.desc { // the command sorts figures highest first
			args = append(args, "--reverse")
		}
	}
	return append(args, "--year", fmt.Sprint(s.ctx.Year))
}
