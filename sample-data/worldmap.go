package sampledata

import _ "embed"

// WorldGeo is the world map's geometry: Natural Earth's 1:110m country
// outlines joined to the dataset's countries, with a point for each country
// they lack, projected with the equal-area Equal Earth projection. Package
// geo decodes it; `go run ./cmd/mkmap` rebuilds it (WORLDMAP.md says what it
// holds and every choice made).
//
//go:embed world.geo
var WorldGeo []byte
