package indicator

import "fmt"

// Command is the `equity country` command: it prints the country's domains
// with their scores and ranks, the nearest the command line has to one
// domain's inputs.
func (s *Screen) Command() []string {
	return []string{"country", s.country.ISO2, "--year", fmt.Sprint(s.ctx.Year)}
}
