package model

// Growth scores are ranks, so "growing fast" means faster than most
// countries. These thresholds mark the growth arrows of the interface and
// the growth evidence of the checklists: a growth score of GrowthStrong or
// more is strong (▲), GrowthWeak or less is weak (▼), in between is middling
// (•). They split the countries roughly into the top two fifths, the middle
// fifth and the bottom two fifths.
const (
	GrowthStrong = 60.0
	GrowthWeak   = 40.0
)

// GrowthSignal reads a growth score: +1 strong, -1 weak, 0 middling.
func GrowthSignal(score float64) int {
	switch {
	case score >= GrowthStrong:
		return 1
	case score <= GrowthWeak:
		return -1
	}
	return 0
}
