package worldmap

import "fmt"

// Command is `equity map --measure M --year Y`, with `--region R` when a
// region is highlighted or zoomed to: the command zooms to the region and
// greys the rest, as z does here.
func (s *Screen) Command() []string {
	out := []string{"map"}
	if m, ok := s.current(); ok {
		out = append(out, "--measure", m.ID)
	}
	out = append(out, "--year", fmt.Sprint(s.ctx.Year))
	if s.region != "" {
		out = append(out, "--region", s.region)
	}
	return out
}
