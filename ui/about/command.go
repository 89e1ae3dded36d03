package about

// Command is `equity info`: the database, its sources and what is modeled.
func (s *Screen) Command() []string { return []string{"info"} }
