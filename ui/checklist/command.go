package checklist

import (
	"fmt"
	"strconv"
)

// Command is the `equity checklist` command that writes this checklist's
// report for the year shown, with the amount typed for question 1.2 (it
// is not saved, so the command carries it). The verdicts given are in the
// saved checklist, which the command reads.
func (s *Screen) Command() []string {
	args := []string{"checklist", strconv.Itoa(s.uc.Number)}
	if s.subject.IsRegion() {
		args = append(args, "--region", s.subject.Region)
	} else {
		args = append(args, "--country", s.subject.Country.ISO2)
	}
	if s.req.HasAmount {
		args = append(args, "--amount", strconv.FormatFloat(s.req.Amount, 'f', -1, 64))
	}
	return append(args, "--year", fmt.Sprint(s.year))
}
