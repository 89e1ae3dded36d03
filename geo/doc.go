// Package geo is the world map's geometry: the country outlines of Natural
// Earth (1:110m) and a point for each country they lack, projected once with
// the Equal Earth projection (Šavrič, Patterson and Jenny, 2018) by
// cmd/mkmap and embedded as sample-data/world.geo. Equal Earth is
// equal-area: a country's share of the map is its share of the world, so the
// Global South is not drawn small as Mercator draws it.
//
// The package decodes that file, rasterises it to a grid of terminal cells
// with two map pixels per cell (▀ with a foreground and a background
// colour), colours it by a measure of the dataset in five classes, finds the
// nearest country in a direction, zooms to a group of countries, and writes
// the outlines as an SVG choropleth.
package geo
