package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/ui/report"
)

// The privacy fixture: four countries of one region, Protectia (PX) on the
// protection list. Editorship and affiliates are imported (not modeled),
// readership is modeled. Protectia and Openia both have 4327 Wikipedia
// editors in 2024, published as the range 4300–4354 (whose middle is
// 4327): Openia's is shown exactly, with its range; Protectia's only as the
// bucket 4,321–4,330, and never as 4327, 4,327 or its range. Protectia's
// modeled readership (7919 devices) stays exact.
//
//	     WP editors   all editors  devices*   affiliates  language
//	     2023  2024   2023  2024   2023 2024  2024
//	PX   4093  4327   4800  5008   7500 7919   7          Hausa
//	OX   4000  4327   4800  5008   7000 7100   1          Hausa
//	AX    100   120    150   160   3000 3100   2          Hausa
//	BX     50    40     60    70   2000 2100   0          English
//	(* modeled)
func privacyDataset(t *testing.T) *model.Dataset {
	t.Helper()
	var inds []model.Indicator
	for _, ind := range model.Catalog() {
		switch {
		case ind.Facet == model.Context:
			ind.SourceID = "context"
		case ind.Domain == model.Editorship || ind.ID == model.IndAffiliates:
			ind.SourceID = "geo"
		default:
			ind.Modeled, ind.SourceID = true, "model"
		}
		inds = append(inds, ind)
	}
	const ssa = "Sub-Saharan Africa"
	hausa := func(pct float64) []model.CountryLanguage {
		return []model.CountryLanguage{{Lang: "ha", PopulationPct: pct, OfficialStatus: "official"}}
	}
	p := model.Parts{
		Meta:       model.Meta{Title: "privacy fixture", Kind: model.KindImported},
		Indicators: inds,
		Sources: []model.Source{
			{ID: "geo", Title: "Geoeditors test release", Publisher: "test", Year: 2024},
			{ID: "model", Title: "Test model", Publisher: "test", Year: 2024},
			{ID: "context", Title: "Test context", Publisher: "test", Year: 2024},
		},
		Languages: map[string]string{"ha": "Hausa", "en": "English"},
		Wikis: []model.Wiki{
			{DB: "hawiki", Lang: "ha", Project: "wikipedia", Status: "open"},
			{DB: "enwiki", Lang: "en", Project: "wikipedia", Status: "open"},
		},
		Countries: []model.Country{
			{ISO2: "PX", ISO3: "PXX", Name: "Protectia", WikimediaRegion: ssa, Protected: true, Languages: hausa(60)},
			{ISO2: "OX", ISO3: "OXX", Name: "Openia", WikimediaRegion: ssa, Languages: hausa(50)},
			{ISO2: "AX", ISO3: "AXX", Name: "Alphaland", WikimediaRegion: ssa, Languages: hausa(30)},
			{ISO2: "BX", ISO3: "BXX", Name: "Betaland", WikimediaRegion: ssa, Languages: []model.CountryLanguage{{Lang: "en", PopulationPct: 90, OfficialStatus: "official"}}},
		},
	}
	obs := func(iso2, ind string, v2023, v2024 float64) {
		p.Observations = append(p.Observations,
			model.Observation{ISO2: iso2, Indicator: ind, Year: 2023, Value: v2023},
			model.Observation{ISO2: iso2, Indicator: ind, Year: 2024, Value: v2024})
	}
	for _, r := range []struct {
		iso2                       string
		wp0, wp, all0, all, d0, d1 float64
		affiliates                 float64
	}{
		{"PX", 4093, 4327, 4800, 5008, 7500, 7919, 7},
		{"OX", 4000, 4327, 4800, 5008, 7000, 7100, 1},
		{"AX", 100, 120, 150, 160, 3000, 3100, 2},
		{"BX", 50, 40, 60, 70, 2000, 2100, 0},
	} {
		obs(r.iso2, model.IndWPEditors, r.wp0, r.wp)
		obs(r.iso2, model.IndAllEditors, r.all0, r.all)
		obs(r.iso2, model.IndVeryActive, 12.5, 13.5)
		obs(r.iso2, model.IndDevices, r.d0, r.d1)
		obs(r.iso2, model.IndPageviews, r.d0*10, r.d1*10)
		obs(r.iso2, model.IndAffiliates, r.affiliates, r.affiliates)
		p.Observations = append(p.Observations, model.Observation{ISO2: r.iso2, Indicator: model.IndPopulation, Year: 2024, Value: 1e6})
	}
	for _, iso2 := range []string{"PX", "OX"} {
		p.Bounds = append(p.Bounds, model.BoundObservation{ISO2: iso2, Indicator: model.IndWPEditors, Year: 2024, Bounds: model.Bounds{Lower: 4300, Upper: 4354}})
		p.CountryWikis = append(p.CountryWikis, model.CountryWiki{ISO2: iso2, Wiki: "hawiki", Year: 2024,
			Editors: model.Bounds{Lower: 4300, Upper: 4354}, VeryActive: model.Bounds{Lower: 500, Upper: 560}})
	}
	d, err := model.New(p)
	if err != nil {
		t.Fatal(err)
	}
	d.SetScores(model.ComputeScores(d))
	return d
}

// privacyDB writes the fixture to a database for --db.
func privacyDB(t *testing.T) (string, *model.Dataset) {
	t.Helper()
	d := privacyDataset(t)
	path := filepath.Join(t.TempDir(), "privacy.db")
	if err := store.Write(path, d); err != nil {
		t.Fatal(err)
	}
	return path, d
}

// leaks are the ways Protectia's exact imported figures could be written:
// its Wikipedia editors (4327, the middle of 4300–4354) of 2024 and 2023,
// its all-project editors, and the published range, which is not a bucket.
var leaks = []string{"4327", "4,327", "4093", "4,093", "5008", "5,008", "4,300", "4,354"}

func mustNotContain(t *testing.T, where, s string, nots ...string) {
	t.Helper()
	for _, n := range nots {
		if strings.Contains(s, n) {
			t.Errorf("%s contains %q:\n%s", where, n, s)
		}
	}
}

func mustContain(t *testing.T, where, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("%s lacks %q:\n%s", where, w, s)
		}
	}
}

// `equity country` never prints or exports a protected country's exact
// imported count, in any format: the bucket stands for it; its scores and
// its modeled counts are shown as they are.
func TestCountryProtectedCounts(t *testing.T) {
	db, d := privacyDB(t)
	editorship, ok := d.Score("PX", model.Editorship, model.Presence, 2024)
	if !ok {
		t.Fatal("Protectia has no editorship presence score")
	}
	for _, f := range []string{"table", "md", "csv", "json"} {
		out, errOut, status := equity(t, nil, "--db", db, "country", "PX", "--format", f)
		if status != 0 {
			t.Fatalf("%s: status %d: %s", f, status, errOut)
		}
		where := "equity country PX --format " + f
		mustNotContain(t, where, out, leaks...)
		switch f {
		case "table", "md":
			mustContain(t, where, out, "4,321–4,330", "5,001–5,010", "1–10", "7,919", report.Score(editorship), "Wikis its editors work on", "521–530")
		default:
			mustContain(t, where, out, "4321", "4330", "7919")
		}
	}

	out, _, _ := equity(t, nil, "--db", db, "country", "PX", "--format", "json")
	var doc struct {
		Inputs []map[string]any `json:"inputs"`
		Wikis  []map[string]any `json:"wikis"`
		Scores []map[string]any `json:"scores"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string][3]any{ // value, lower, upper
		"Wikipedia editors":   {nil, 4321.0, 4330.0},
		"All-project editors": {nil, 5001.0, 5010.0},
		"Affiliates":          {nil, 1.0, 10.0},
		"Unique devices":      {7919.0, nil, nil}, // modeled: exact
		"Very active share":   {13.5, nil, nil},   // a share: not a count
	}
	for _, row := range doc.Inputs {
		w, ok := want[row["indicator"].(string)]
		if !ok {
			continue
		}
		delete(want, row["indicator"].(string))
		if row["value"] != w[0] || row["lower"] != w[1] || row["upper"] != w[2] {
			t.Errorf("input %v: value %v, lower %v, upper %v; want %v", row["indicator"], row["value"], row["lower"], row["upper"], w)
		}
		if w[0] == nil && row["ranked_value"] != nil {
			t.Errorf("input %v: ranked_value %v, want null", row["indicator"], row["ranked_value"])
		}
	}
	if len(want) > 0 {
		t.Errorf("inputs missing from the JSON: %v", want)
	}
	if len(doc.Wikis) != 1 || doc.Wikis[0]["wiki"] != "hawiki" || doc.Wikis[0]["editors"] != nil ||
		doc.Wikis[0]["editors_lower"] != 4321.0 || doc.Wikis[0]["editors_upper"] != 4330.0 ||
		doc.Wikis[0]["very_active_lower"] != 521.0 || doc.Wikis[0]["very_active_upper"] != 530.0 {
		t.Errorf("wikis = %v, want hawiki in buckets", doc.Wikis)
	}
}

// An unprotected country's imported count is shown exactly, with the range
// it was published in beside it and in lower and upper.
func TestCountryImportedRanges(t *testing.T) {
	db, _ := privacyDB(t)
	out, _, status := equity(t, nil, "--db", db, "country", "OX")
	if status != 0 {
		t.Fatalf("status %d", status)
	}
	mustContain(t, "equity country OX", out, "4,327 (4,300–4,354)", "Wikis its editors work on", "hawiki", "Hausa", "530 (500–560)")

	out, _, _ = equity(t, nil, "--db", db, "country", "OX", "--format", "json")
	var doc struct {
		Inputs []map[string]any `json:"inputs"`
		Wikis  []map[string]any `json:"wikis"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range doc.Inputs {
		if row["indicator"] == "Wikipedia editors" {
			found = true
			if row["value"] != 4327.0 || row["ranked_value"] != 4327.0 || row["lower"] != 4300.0 || row["upper"] != 4354.0 {
				t.Errorf("Wikipedia editors: %v", row)
			}
		}
	}
	if !found {
		t.Error("no Wikipedia editors input")
	}
	if len(doc.Wikis) != 1 || doc.Wikis[0]["editors"] != 4327.0 || doc.Wikis[0]["editors_lower"] != 4300.0 || doc.Wikis[0]["editors_upper"] != 4354.0 {
		t.Errorf("wikis = %v", doc.Wikis)
	}
	// The bundled sample has no country × wiki figures: no wikis section.
	out, _, _ = equity(t, nil, "country", "NG", "--format", "json")
	if strings.Contains(out, `"wikis"`) {
		t.Error("the sample's NG has a wikis section")
	}
}

// The checklist report (Markdown and JSON) shows a protected country's
// imported counts as buckets, in its evidence, its reasons and the
// countries it names, and in the figures made from them.
func TestChecklistProtectedCounts(t *testing.T) {
	checklistEnv(t)
	db, _ := privacyDB(t)
	for _, f := range []string{"md", "json"} {
		for _, args := range [][]string{
			{"checklist", "1", "--country", "PX", "--amount", "50000"},
			{"checklist", "2", "--country", "PX"},
			{"checklist", "2", "--region", "Sub-Saharan Africa"},
		} {
			args := append([]string{"--db", db}, append(args, "--format", f)...)
			out, errOut, status := equity(t, nil, args...)
			if status != 0 {
				t.Fatalf("%v: status %d: %s", args, status, errOut)
			}
			mustNotContain(t, strings.Join(args, " "), out, leaks...)
			// 50000 ÷ 4327: the request per editor would give the count away.
			mustNotContain(t, strings.Join(args, " "), out, "11.555")
		}
	}

	out, _, _ := equity(t, nil, "--db", db, "checklist", "1", "--country", "PX", "--amount", "50000")
	mustContain(t, "checklist 1 PX", out, "| Wikipedia editors a month | 4,321–4,330 |", "| Unique devices a month | 7,919 |",
		"| Affiliates in the country | 1–10 |", "1–10 affiliates already in the country", "| Requested per Wikipedia editor | $12 |")

	// Openia's neighbours: Protectia (7 affiliates, a bucket) and
	// Alphaland (2): 3–12 together, never the exact 9.
	out, _, _ = equity(t, nil, "--db", db, "checklist", "1", "--country", "OX")
	mustContain(t, "checklist 1 OX", out, "| Wikipedia editors a month | 4,327 |", "1–10 affiliates; shares Hausa", "3–12 affiliates in neighbours")
	mustNotContain(t, "checklist 1 OX", out, "7 affiliates", "9 affiliates", "| 9 |")

	out, _, _ = equity(t, nil, "--db", db, "checklist", "1", "--country", "PX", "--format", "json")
	var doc struct {
		Questions []struct {
			ID    string           `json:"id"`
			Facts []map[string]any `json:"facts"`
		} `json:"questions"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, q := range doc.Questions {
		for _, f := range q.Facts {
			switch f["label"] {
			case "Wikipedia editors a month":
				seen++
				if f["value"] != nil || f["lower"] != 4321.0 || f["upper"] != 4330.0 {
					t.Errorf("%s %v", q.ID, f)
				}
			case "Unique devices a month":
				seen++
				if f["value"] != 7919.0 || f["lower"] != nil || f["upper"] != nil {
					t.Errorf("%s %v", q.ID, f)
				}
			}
		}
	}
	if seen != 2 {
		t.Errorf("%d of the 2 facts looked for", seen)
	}
}
