package store

import (
	"fmt"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// textColumn is a packed text column of one-byte (or, past 256 strings,
// two-byte) indexes into dict, cleaned as decodePack cleans it.
func textColumn(dict []string, rows ...int) *packColumn {
	c := &packColumn{kind: packText, width: 1, dict: dict}
	if len(dict) > 256 {
		c.width = 2
	}
	for _, s := range dict {
		c.clean = append(c.clean, model.CleanText(s))
	}
	for _, r := range rows {
		if c.width == 1 {
			c.values = append(c.values, byte(r))
		} else {
			c.values = append(c.values, byte(r), byte(r>>8))
		}
	}
	return c
}

// TestPackedProvenances: rows that cite the same class, source and period
// share one provenance, with the pack's clean texts, whether the pack has
// few enough combinations for a slot each or so many that rows are looked
// up by their texts.
func TestPackedProvenances(t *testing.T) {
	for _, many := range []bool{false, true} {
		t.Run(fmt.Sprintf("many %v", many), func(t *testing.T) {
			periods := []string{"2019", "2020", "2020\x07"} // the last cleans to the second
			if many {
				for y := range 70_000 / 6 {
					periods = append(periods, fmt.Sprint("p", y))
				}
			}
			class := textColumn([]string{"real", "modeled"}, 0, 0, 1, 0, 0)
			source := textColumn([]string{"wdi", "sample", "wb\u202e"}, 0, 0, 1, 0, 2)
			period := textColumn(periods, 0, 1, 1, 2, 2)
			ps := newPackedProvenances(class, source, period)
			if dense := ps.slots != nil; dense == many {
				t.Fatalf("slots for %d combinations: %v", 2*3*len(periods), dense)
			}
			var got [5]*model.Provenance
			for r := range got {
				got[r] = ps.at(r)
			}
			want := []model.Provenance{
				{Class: model.ClassReal, Source: "wdi", Period: "2019"},
				{Class: model.ClassReal, Source: "wdi", Period: "2020"},
				{Class: model.ClassModeled, Source: "sample", Period: "2020"},
				{Class: model.ClassReal, Source: "wdi", Period: "2020"},
				{Class: model.ClassReal, Source: "wb", Period: "2020"},
			}
			for r, pv := range got {
				if *pv != want[r] {
					t.Errorf("row %d: %+v, want %+v", r, *pv, want[r])
				}
			}
			if got[1] != got[3] {
				t.Error("rows 1 and 3 cite the same class, source and period (once cleaned) but do not share a provenance")
			}
			if got[1] == got[2] || got[3] == got[4] {
				t.Error("rows of different provenances share one")
			}
			if ps.at(1) != got[1] {
				t.Error("a row read again has another provenance")
			}
		})
	}
}
