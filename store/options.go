package store

import "github.com/equitylandscape/equity/model"

// LoadOption narrows what a load reads.
type LoadOption func(*loadConfig)

type loadConfig struct {
	skip  map[string]bool // tables left out
	packs bool            // the database has a packs table (packs.go)
	// meanwhile, when set, is given the parts but the observations while
	// another goroutine still reads those (readParts).
	meanwhile func(model.Parts)
}

func configOf(opts []LoadOption) loadConfig {
	var c loadConfig
	for _, o := range opts {
		o(&c)
	}
	return c
}

// Lean leaves out the tables only some screens and commands show: which
// editions each country reads (readings), which wikis its editors work on
// (country_wikis), and the movement's plan figures and initiatives. They are
// a third of the rows read besides the observations, and a command such as
// `equity countries` shows none of them. The dataset has none of them; their
// values are neither read nor checked, and the tables must still exist.
func Lean() LoadOption {
	return func(c *loadConfig) {
		c.skip = map[string]bool{"readings": true, "country_wikis": true, "movement_metrics": true, "initiatives": true}
	}
}
