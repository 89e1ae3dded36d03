package ui_test

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/ui"
	"github.com/equitylandscape/equity/ui/theme"
)

// BenchmarkStartup is the program's start as a user meets it: open the
// embedded database, load it, build the interface, lay it out and draw the
// first full frame. The budget is 80 ms.
func BenchmarkStartup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
		if err != nil {
			b.Fatal(err)
		}
		m := ui.New(d, ui.Options{Theme: theme.Dark})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if m.View().Content == "" {
			b.Fatal("empty first frame")
		}
	}
}

// benchKeystroke measures one search keystroke from Update to the end of
// View: typing a letter, then deleting it, so the table changes each time.
func benchKeystroke(b *testing.B, d *model.Dataset) {
	dr := newDriver(b, d, 120, 40)
	dr.keys("/")
	dr.typing("an")
	keys := []tea.KeyPressMsg{keyPress("a"), keyPress("backspace")}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		dr.send(keys[i%2])
		if dr.m.View().Content == "" {
			b.Fatal("empty frame")
		}
		i++
	}
}

// BenchmarkSearchKeystroke: the full table of 250 countries. Budget 2 ms.
func BenchmarkSearchKeystroke(b *testing.B) { benchKeystroke(b, sample(b)) }

// BenchmarkSearchKeystroke20k: a synthetic table of 20,000 rows. Budget
// 16 ms, one frame at 60 Hz.
func BenchmarkSearchKeystroke20k(b *testing.B) { benchKeystroke(b, synthetic(b, 20000)) }

// BenchmarkFilterKeystroke types into the filter language on the full
// table: every keystroke parses and, when it parses, filters.
func BenchmarkFilterKeystroke(b *testing.B) {
	dr := newDriver(b, sample(b), 120, 40)
	dr.keys("f")
	dr.typing("editorship>40 population>1")
	keys := []tea.KeyPressMsg{keyPress("0"), keyPress("backspace")}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		dr.send(keys[i%2])
		_ = dr.m.View()
		i++
	}
}

// synthetic copies the sample's countries until there are n, each with its
// figures and scores for the latest year, under new codes and names.
func synthetic(tb testing.TB, n int) *model.Dataset {
	tb.Helper()
	src := sample(tb)
	year := src.LatestFullYear()
	p := model.Parts{Meta: src.Meta, Sources: src.Sources, Indicators: src.Indicators, Languages: src.Languages, Wikis: src.Wikis}
	for i := 0; len(p.Countries) < n; i++ {
		for _, c := range src.Countries {
			if len(p.Countries) == n {
				break
			}
			code := fmt.Sprintf("%s%05d", c.ISO2, i)
			orig := c.ISO2
			c.ISO2, c.ISO3, c.Name = code, code, fmt.Sprintf("%s %d", c.Name, i)
			p.Countries = append(p.Countries, c)
			for _, ind := range []string{model.IndPopulation, model.IndInternet} {
				if pt, ok := src.ContextAt(orig, ind, year); ok {
					p.Observations = append(p.Observations, model.Observation{ISO2: code, Indicator: ind, Year: pt.Year, Value: pt.Value})
				}
			}
			for _, dom := range model.Domains() {
				for _, f := range []model.Facet{model.Presence, model.Growth, model.Overall} {
					if v, ok := src.Score(orig, dom.ID, f, year); ok {
						p.Scores = append(p.Scores, model.Score{ISO2: code, Domain: dom.ID, Facet: f, Year: year, Score: v})
					}
				}
			}
		}
	}
	// A stand-in activity observation so that the year exists.
	p.Observations = append(p.Observations, model.Observation{ISO2: p.Countries[0].ISO2, Indicator: model.IndDevices, Year: year, Value: 1})
	d, err := model.New(p)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}
