package compare

import "fmt"

// Command is `equity regions --group G` for the regions view, and
// `equity compare CODE...` for the marked countries (none while fewer than
// two are marked: the command needs two).
func (s *Screen) Command() []string {
	year := fmt.Sprint(s.ctx.Year)
	if s.view == countriesView {
		if len(s.ctx.Marks) < 2 {
			return nil
		}
		return append(append([]string{"compare"}, s.ctx.Marks...), "--year", year)
	}
	return []string{"regions", "--group", string(s.grouping), "--year", year}
}
