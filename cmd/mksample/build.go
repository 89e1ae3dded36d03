package main

import (
	"fmt"
	"time"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store"
	"github.com/equitylandscape/equity/store/importer"
)

// sampleNotes is the dataset's own statement of what in it is modeled; every
// screen and export that shows the dataset's figures can quote it.
const sampleNotes = "Readership is REAL where a release publishes it (page views of June 2016 and June 2017: Wikipedia only, Wikipedia Views " +
	"Visualized, CC BY-SA, Wikimedia Foundation, author Erik Zachte; January 2022 and 2023 for the eleven largest countries: WMF movement " +
	"metrics; September 2025: all projects, Wikistats 2, CC0) and ESTIMATED between them: each country's page views of the other years " +
	"log-linear between its own nearest real figures, and its unique devices by splitting the real regional monthly totals (WMF movement " +
	"metrics) by page view share. Protected countries are absent from the 2025 release by its privacy rule, so their readership after " +
	"2017 is missing but where another release publishes it. Editors are MODELED but held to the real regional monthly totals of June 2022 " +
	"to February 2024, and Chile's of July 2023 to June 2024 are real (Geoeditors, differentially private). The other Wikimedia activity " +
	"figures (events, grants, affiliates), and the readership of the 21 inhabited territories with no real page views before 2025, are " +
	"MODELED by cmd/mksample with a fixed seed from real covariates; they are not published data. Countries, regions, classifications and " +
	"languages are real; so are population, internet users, GDP per capita (PPP), adult literacy and mobile subscriptions, per year from " +
	"the World Bank's World Development Indicators, and from Unicode CLDR 48 only for a territory the World Bank has no figure for, which " +
	"says so. Access is scored from the World Bank's internet and mobile figures: real."

// sampleDate dates the bundled database: the day this version of the model
// was made. It is fixed, not the day of the build, so that rebuilding the
// same sample gives the same database; change it with the model.
func sampleDate() time.Time { return time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC) }

// build reads the real facts in sourcesDir, models the Wikimedia activity,
// scores it, and writes the database to outPath.
func build(sourcesDir, outPath string, builtAt time.Time) error {
	d, err := sampleDataset(sourcesDir, builtAt)
	if err != nil {
		return err
	}
	if err := store.Write(outPath, d); err != nil {
		return err
	}
	return nil
}

// sampleDataset is the bundled dataset, scored, in memory.
func sampleDataset(sourcesDir string, builtAt time.Time) (*model.Dataset, error) {
	f, err := readFacts(sourcesDir)
	if err != nil {
		return nil, err
	}
	// A context input cites its World Bank series; a figure CLDR fills in
	// cites CLDR's own row (facts.fillFromCLDR).
	wdiOf := map[string]string{}
	for code, id := range importer.WorldBankIndicators() {
		wdiOf[id] = code
	}
	indicators := model.Catalog()
	for i := range indicators {
		ind := &indicators[i]
		switch code, ok := wdiOf[ind.ID]; {
		case ok:
			ind.SourceID = wdiSourceID(code)
		// The readership is real or estimated for most countries and
		// modeled for a few territories: an indicator is modeled while any
		// cell of it is (as an import marks it), and cites what most of its
		// cells cite.
		case ind.ID == model.IndPageviews:
			ind.SourceID, ind.Modeled = srcPageviewsEst, true
		case ind.ID == model.IndDevices:
			ind.SourceID, ind.Modeled = srcDevicesEst, true
		default:
			ind.SourceID, ind.Modeled = srcModel, true
		}
	}
	mv, err := readMovement(sourcesDir)
	if err != nil {
		return nil, err
	}
	rd, err := readReadings(sourcesDir, f.countries)
	if err != nil {
		return nil, err
	}
	rd.nameEditions(f.languages)
	// Real editor figures replace the model's before the regional totals
	// are shared out, so that they are not scaled.
	modeled, calibrated := f.editors.calibrateEditors(f.countries, f.geoeditors.replace(generate(f)))
	sources := append(append(append(append(append(realSources(), f.sources...), movementSources()...), rd.readingSources()...), f.editors.editorSources(calibrated)...), f.geoeditors.geoeditorsSource(), model.Source{
		ID: srcModel, Title: "Modeled Wikimedia activity (equity sample model)", Publisher: "equity project, cmd/mksample",
		Year: lastYear, Licence: "CC0-1.0", URL: "",
		Note: fmt.Sprintf("MODELED, not published data: generated with seed %d for %d–%d from the real covariates. Plausible at a glance, wrong in detail; do not cite.", Seed, firstYear, lastYear),
	})
	d, err := model.New(model.Parts{
		Meta: model.Meta{
			Title:   "Wikimedia Movement Equity Landscape — sample data",
			Kind:    model.KindSample,
			BuiltAt: builtAt.UTC().Format(time.DateOnly),
			Notes:   sampleNotes,
		},
		Countries:    f.countries,
		Sources:      sources,
		Indicators:   indicators,
		Languages:    f.languages,
		Wikis:        f.wikis,
		Observations: append(f.observations, modeled...),
		Bounds:       f.readership.bounds,
		Missing:      f.readership.missing,
		Noise:        f.geoeditors.noise,
		Readings:     rd.readings,
		Movement:     mv,
	})
	if err != nil {
		return nil, fmt.Errorf("assemble the sample dataset: %w", err)
	}
	d.SetScores(model.ComputeScores(d))
	return d, nil
}
