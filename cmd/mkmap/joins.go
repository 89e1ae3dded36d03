package main

// byName joins the three Natural Earth outlines that have no ISO numeric id.
// Kosovo has the user-assigned code XK, which the dataset (Wikimedia
// canonical data) uses; Somaliland is counted by the dataset as part of
// Somalia, and Northern Cyprus as part of Cyprus, as ISO 3166 and the UN
// count them.
var byName = map[string]string{
	"Kosovo":     "XK",
	"Somaliland": "SO",
	"N. Cyprus":  "CY",
}

// split takes rings out of an outline for a country the dataset counts on
// its own: in is asked of each ring's mean longitude and latitude.
type split struct {
	from, to string
	why      string
	in       func(lon, lat float64) bool
}

// splits are the rings moved. France's outline carries French Guiana (GF),
// and Norway's Svalbard (SJ), which the dataset counts as territories of
// their own. Natural Earth 4.1 draws Crimea inside Russia's outline; ISO
// 3166, the UN (General Assembly resolution 68/262) and the dataset count it
// as part of Ukraine, so it is drawn as Ukraine's.
var splits = []split{
	{"FR", "GF", "French Guiana, from France's outline", func(lon, _ float64) bool { return lon < -30 }},
	{"NO", "SJ", "Svalbard, from Norway's outline", func(_, lat float64) bool { return lat > 74 }},
	{"RU", "UA", "Crimea, from Russia's outline", func(lon, lat float64) bool { return lon > 32 && lon < 37 && lat > 44 && lat < 46.5 }},
}
