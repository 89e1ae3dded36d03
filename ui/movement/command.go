package movement

import "fmt"

// Command is `equity movement mtp --year Y` on the metrics page and
// `equity movement initiatives --sort ORDER` on the strategy page.
func (s *Screen) Command() []string {
	if s.page == strategyPage {
		return []string{"movement", "initiatives", "--sort", s.order.Key()}
	}
	return []string{"movement", "mtp", "--year", fmt.Sprint(s.ctx.Year)}
}
