package main

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/geo"
)

// `equity map --format svg --measure editorship` is well-formed SVG with one
// shape per country of the map and a legend.
func TestMapSVG(t *testing.T) {
	out, errOut, status := equity(t, nil, "map", "--format", "svg", "--measure", "editorship", "--year", "2024")
	if status != 0 || errOut != "" {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	w, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(strings.NewReader(out))
	shapes, legend, texts := map[string]bool{}, 0, []string{}
	var inLegend bool
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			attr := map[string]string{}
			for _, a := range el.Attr {
				attr[a.Name.Local] = a.Value
			}
			if el.Name.Local == "g" && attr["id"] == "legend" {
				inLegend = true
			}
			if strings.HasPrefix(attr["class"], "country") {
				if shapes[attr["id"]] {
					t.Errorf("two shapes for %s", attr["id"])
				}
				shapes[attr["id"]] = true
			}
			if inLegend && el.Name.Local == "rect" {
				legend++
			}
		case xml.EndElement:
			if el.Name.Local == "g" {
				inLegend = false
			}
		case xml.CharData:
			texts = append(texts, string(el))
		}
	}
	if len(shapes) != len(w.Countries) {
		t.Errorf("%d country shapes, want %d", len(shapes), len(w.Countries))
	}
	if legend != geo.Bins+2 {
		t.Errorf("%d legend swatches, want %d", legend, geo.Bins+2)
	}
	all := strings.Join(texts, " ")
	for _, want := range []string{"Editorship, ", "Natural Earth", "Equal Earth", "modeled"} {
		if !strings.Contains(all, want) {
			t.Errorf("the SVG does not say %q", want)
		}
	}
}

// The text map in a pipe is plain: no escape sequences, a legend, a region.
func TestMapText(t *testing.T) {
	for _, tt := range []struct {
		args []string
		say  string // where the figures come from
	}{
		{[]string{"map", "--measure", "internet", "--width", "60"}, "World Bank WDI: Individuals using the Internet"},
		{[]string{"map", "-m", "editorship.growth", "--format", "txt", "--region", "South Asia"}, "each input's source and period: equity country"},
	} {
		out, errOut, status := equity(t, nil, tt.args...)
		if status != 0 || errOut != "" {
			t.Fatalf("%v: status %d, stderr %q", tt.args, status, errOut)
		}
		if strings.Contains(out, "\x1b[") || !strings.Contains(out, "no data:") || !strings.Contains(out, "Equal Earth") || !strings.Contains(out, tt.say) {
			t.Errorf("%v:\n%s", tt.args, out)
		}
	}
	for _, args := range [][]string{
		{"map", "--measure", "colour"},
		{"map", "--format", "png"},
		{"map", "--region", "Atlantis"},
		{"map", "--width", "3"}, // refused, not widened in silence
		{"map", "--width", "5000"},
	} {
		if _, errOut, status := equity(t, nil, args...); status == 0 || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("%v: status %d, stderr %q", args, status, errOut)
		}
	}
}
