package importer

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// A differentially private Geoeditors month, named as the older release
// is, goes to its own reader: Wikipedia editors over every activity level
// of the Wikipedias, all-project editors over every project, the active
// share, and the noise each figure carries.
func TestBuildGeoeditorsDP(t *testing.T) {
	base := bundled(t)
	path := filepath.Join("testdata", "geodp", "geoeditors-monthly-2023-07.tsv")
	if k, err := Recognize(path); err != nil || k != KindGeoeditors {
		t.Fatalf("Recognize = %v, %v", k, err)
	}
	res := Build(base, Inputs{Geoeditors: []string{path}}, buildDate, nil)
	if res.Dataset == nil {
		t.Fatal(res.Problems)
	}
	d := res.Dataset
	// Czech Republic, July 2023, by hand: dewiki 45 (1 to 4), cswiki 300
	// (5 to 99) and 40 (100 or more) are Wikipedias; wikidatawiki 25 (1 to
	// 4) is not. Active editors (5 or more edits) on Wikipedias 340, on
	// every project 340; very active 40 of the 340.
	tests := []struct {
		ind  string
		want float64
	}{
		{model.IndWPEditors, 340},
		{model.IndAllEditors, 340},
		{model.IndVeryActive, 100 * 40.0 / 340},
	}
	for _, tt := range tests {
		v, ok := d.Value("CZ", tt.ind, 2023)
		pv, _ := d.Provenance("CZ", tt.ind, 2023)
		if !ok || math.Abs(v-tt.want) > 1e-9 || pv.Class != model.ClassReal || pv.Period != "2023 (1 month)" {
			t.Errorf("CZ %s 2023 = %v, %v, %+v; want %v, real, one month", tt.ind, v, ok, pv, tt.want)
		}
	}
	// The noise: two active Wikipedia rows at epsilon 1.1, √(2·2)/1.1.
	if n, ok := d.NoiseOf("CZ", model.IndWPEditors, 2023); !ok || n.Epsilon != 1.1 || math.Abs(n.SD-math.Sqrt(4)/1.1) > 1e-9 {
		t.Errorf("CZ noise = %+v, %v", n, ok)
	}
	if m, ok := d.MissingReason("CN", model.IndWPEditors, 2023); !ok || !strings.Contains(m.Reason, "protected") {
		t.Errorf("CN = %+v, %v; want missing, protected", m, ok)
	}
	if m, ok := d.MissingReason("FR", model.IndWPEditors, 2023); !ok || !strings.Contains(m.Reason, "threshold") {
		t.Errorf("FR = %+v, %v; want missing, below the threshold", m, ok)
	}
	if !strings.Contains(strings.Join(res.Summary, "\n"), "privacy noise") {
		t.Errorf("summary = %q", res.Summary)
	}
}
