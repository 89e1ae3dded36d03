package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/model"
	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

// readingSample are the countries whose readings are checked against the
// reference files, country by country: large and small, protected or not.
var readingSample = []string{"US", "BR", "NG", "IN", "CN", "DE", "JP", "ML", "IS", "AD"}

// TestBundledEditionsMatchReference reads the 2016 and 2017 reports on its
// own, without the importer, and checks each sampled country's split in
// the committed database: every edition, its share as published, the
// month, and that it is real and cites the report.
func TestBundledEditionsMatchReference(t *testing.T) {
	if _, err := os.Stat(referenceDir); err != nil {
		t.Skipf("reference data not present: %v", err)
	}
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatal(err)
	}
	font := regexp.MustCompile(`</?font[^>]*>`)
	for _, rel := range editionReleases() {
		f, err := os.Open(filepath.Join(referenceDir, rel.path))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		year, _ := strconv.Atoi(rel.source[len("wivivi-"):][:4])
		byISO3 := map[string][]string{}
		for _, r := range recs[1:] {
			byISO3[r[0]] = r
		}
		for _, iso2 := range readingSample {
			c, err := d.FindCountry(iso2)
			if err != nil {
				t.Fatal(err)
			}
			rec, ok := byISO3[c.ISO3]
			if !ok {
				t.Errorf("%s: not in %s", iso2, rel.path)
				continue
			}
			want := map[string]float64{}
			for _, part := range strings.Split(font.ReplaceAllString(rec[7], ""), "|") {
				fields := strings.Split(part, ":")
				share, _ := strconv.ParseFloat(strings.TrimSuffix(fields[len(fields)-1], "%"), 64)
				project := fields[0] + ".wikipedia"
				if fields[0] == "^" {
					project = model.OtherEdition
				}
				want[project] = share
			}
			got := map[string]float64{}
			for _, r := range d.Readings(iso2, year) {
				if !r.InSplit() {
					continue
				}
				got[r.Project] = r.Share
				if r.Source != rel.source || r.Period != model.SplitPeriod(year, 6) || r.Class() != model.ClassReal {
					t.Errorf("%s %d %s: source %s, period %q; want %s, %q", iso2, year, r.Project, r.Source, r.Period, rel.source, model.SplitPeriod(year, 6))
				}
				if r.Project != model.OtherEdition && d.EditionName(r) == r.Project {
					t.Errorf("%s %d: edition %s has no language name", iso2, year, r.Project)
				}
			}
			if len(got) != len(want) {
				t.Errorf("%s %d: %d editions in the database, %d in the report", iso2, year, len(got), len(want))
			}
			for p, share := range want {
				if got[p] != share {
					t.Errorf("%s %d %s: share %v in the database, %v in the report", iso2, year, p, got[p], share)
				}
			}
		}
	}
}

// TestBundledEnwikiMatchesReference decodes the REST API responses on its
// own and checks each sampled country's English Wikipedia views of every
// month against the committed database.
func TestBundledEnwikiMatchesReference(t *testing.T) {
	if _, err := os.Stat(referenceDir); err != nil {
		t.Skipf("reference data not present: %v", err)
	}
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(referenceDir, refEnwikiDir, "*.json"))
	if err != nil || len(files) != 74 {
		t.Fatalf("%d monthly responses, want 74 (May 2015 – June 2021): %v", len(files), err)
	}
	series := map[string]map[string]model.Reading{}
	for _, iso2 := range readingSample {
		series[iso2] = map[string]model.Reading{}
		for _, r := range d.ReadingSeries(iso2, "en.wikipedia") {
			series[iso2][r.Period] = r
		}
	}
	checked := 0
	for _, path := range files {
		var resp struct {
			Items []struct {
				Year, Month string
				Countries   []struct {
					Country   string
					ViewsCeil float64 `json:"views_ceil"`
				}
			}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &resp); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		month := resp.Items[0].Year + "-" + resp.Items[0].Month
		published := map[string]float64{}
		for _, c := range resp.Items[0].Countries {
			published[c.Country] = c.ViewsCeil
		}
		for _, iso2 := range readingSample {
			r, inDB := series[iso2][month]
			v, inFile := published[iso2]
			switch {
			case inDB != inFile:
				t.Errorf("%s %s: in the database %v, in the response %v", iso2, month, inDB, inFile)
			// The bounds lie within the thousand views_ceil rounds up to
			// (and within the bucket, 100,000 being in 10000-99999).
			case inDB && (r.Views != v || r.Upper > v || r.Lower < v-999 || r.Lower > r.Upper || r.Source != srcAQSEnwiki):
				t.Errorf("%s %s: %+v in the database, views_ceil %v in the response", iso2, month, r, v)
			case inDB:
				checked++
			}
		}
	}
	if checked < 700 {
		t.Errorf("only %d country-months checked", checked)
	}
}

// TestEditionsAnswer24 checks that question 2.4's evidence gives the split
// as real, with the month, and the share of views on the Wikipedias of
// the country's languages.
func TestEditionsAnswer24(t *testing.T) {
	d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
	if err != nil {
		t.Fatal(err)
	}
	br, _ := d.FindCountry("BR")
	var facts []model.Fact
	for _, uc := range model.UseCases() {
		for _, a := range d.Checklist(uc, model.Subject{Country: br}, d.DefaultYear(), model.Request{}) {
			if a.Question.ID == "2.4" {
				facts = a.Facts
			}
		}
	}
	found := 0
	for _, f := range facts {
		switch f.Label {
		case "Editions it reads":
			found++
			if f.Class != model.ClassReal || !strings.HasPrefix(f.Text, "Portuguese 80%; English 15.6%") || !strings.Contains(f.Text, "June 2017, Wikipedia views only, real") {
				t.Errorf("2.4 editions = %+v", f)
			}
		case "Its views on Wikipedias of its languages":
			found++
			if f.Class != model.ClassReal || f.Modeled || f.Value < 90 || f.Value > 100 {
				t.Errorf("2.4 spoken share = %+v", f)
			}
		}
	}
	if found != 2 {
		t.Errorf("2.4 has %d of the 2 reading facts: %+v", found, facts)
	}
}
