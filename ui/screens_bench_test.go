package ui_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Every screen's key handling and the frame it draws: the budget is 2 ms a
// keystroke (Update and View), so that a keystroke reaches the terminal
// within one frame at 120 Hz with room to spare.

// benchKeys sets a screen up, then measures a pair of keys sent in turn,
// each followed by the whole frame.
func benchKeys(b *testing.B, setup func(dr *driver), pair ...string) {
	dr := newDriver(b, sample(b), 120, 40)
	setup(dr)
	keys := make([]tea.KeyPressMsg, len(pair))
	for i, k := range pair {
		keys[i] = keyPress(k)
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		dr.send(keys[i%len(keys)])
		if dr.m.View().Content == "" {
			b.Fatal("empty frame")
		}
		i++
	}
}

func noSetup(*driver) {}

// sixCompared marks six countries and opens them side by side.
func sixCompared(dr *driver) {
	for _, name := range []string{"nigeria", "brazil", "india", "indonesia", "egypt", "mexico"} {
		dr.keys("/")
		dr.typing(name)
		dr.keys("enter", "space", "esc")
	}
	dr.keys("c")
}

// BenchmarkCompareYear: the year changes with six countries compared; every
// screen follows the year, and each country's profile is read again.
func BenchmarkCompareYear(b *testing.B) { benchKeys(b, sixCompared, "y") }

// BenchmarkCompareCountriesScroll moves along the six compared countries.
func BenchmarkCompareCountriesScroll(b *testing.B) { benchKeys(b, sixCompared, "down", "up") }

func BenchmarkCountriesCursor(b *testing.B) { benchKeys(b, noSetup, "down", "up") }

func BenchmarkCountriesYear(b *testing.B) { benchKeys(b, noSetup, "y") }

func BenchmarkCountriesSort(b *testing.B) { benchKeys(b, noSetup, "s") }

func BenchmarkCompareRegions(b *testing.B) {
	benchKeys(b, func(dr *driver) { dr.keys("2") }, "down", "up")
}

func BenchmarkCompareRegionsYear(b *testing.B) {
	benchKeys(b, func(dr *driver) { dr.keys("2") }, "y")
}

func BenchmarkCountryScreen(b *testing.B) {
	benchKeys(b, func(dr *driver) { dr.keys("enter") }, "down", "up")
}

func BenchmarkIndicatorScreen(b *testing.B) {
	benchKeys(b, func(dr *driver) { dr.keys("enter", "enter") }, "down", "up")
}

func BenchmarkChecklistPicker(b *testing.B) {
	benchKeys(b, func(dr *driver) { dr.keys("3") }, "down", "up")
}

func BenchmarkAbout(b *testing.B) {
	benchKeys(b, func(dr *driver) { dr.keys("4") }, "down", "up")
}

func BenchmarkMovement(b *testing.B) {
	benchKeys(b, func(dr *driver) { dr.keys("5") }, "down", "up")
}

func BenchmarkMovementYear(b *testing.B) {
	benchKeys(b, func(dr *driver) { dr.keys("5") }, "y")
}

// BenchmarkSectionSwitch goes round the sections, each drawn whole.
func BenchmarkSectionSwitch(b *testing.B) { benchKeys(b, noSetup, "1", "2", "3", "4", "5") }

// BenchmarkHelp opens and closes the full help.
func BenchmarkHelp(b *testing.B) { benchKeys(b, noSetup, "?", "?") }

// BenchmarkChecklistPage steps between the questions of Brazil's checklist,
// each page reading its facts for the year.
func BenchmarkChecklistPage(b *testing.B) {
	benchKeys(b, func(dr *driver) {
		dr.keys("3", "enter")
		dr.typing("braz")
		dr.keys("enter")
	}, "right", "left")
}

// BenchmarkMap moves the map's selection from country to country.
func BenchmarkMap(b *testing.B) {
	benchKeys(b, func(dr *driver) { dr.keys("6") }, "right", "left")
}

// BenchmarkMapYear changes the year on the map: every country's colour is
// read again.
func BenchmarkMapYear(b *testing.B) {
	benchKeys(b, func(dr *driver) { dr.keys("6") }, "y")
}

// BenchmarkMapMeasure switches the measure the map colours by.
func BenchmarkMapMeasure(b *testing.B) {
	benchKeys(b, func(dr *driver) { dr.keys("6") }, "m")
}
