package country

import "fmt"

// Command is the `equity country` command that prints this country for
// the year shown.
func (s *Screen) Command() []string {
	return []string{"country", s.country.ISO2, "--year", fmt.Sprint(s.ctx.Year)}
}
