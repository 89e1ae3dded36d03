package main

import (
	"fmt"
	"slices"
	"time"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store"
)

// sampleNotes is the dataset's own statement of what in it is modeled; every
// screen and export that shows the dataset's figures can quote it.
const sampleNotes = "Wikimedia activity figures (readers, pageviews, editors, events, grants, affiliates) are MODELED by cmd/mksample " +
	"with a fixed seed from real covariates (internet population, literacy, languages with an open Wikipedia, emerging classification); " +
	"they are not published data. Countries, regions, classifications, population, literacy, GDP, languages and internet use are real, from the sources listed."

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
	// Mobile subscriptions have no figures in the sample's sources yet: the
	// input comes in with a World Bank import, not as an empty column.
	indicators := slices.DeleteFunc(model.Catalog(), func(ind model.Indicator) bool { return ind.ID == model.IndMobile })
	for i := range indicators {
		ind := &indicators[i]
		switch ind.ID {
		case model.IndPopulation, model.IndLiteracy, model.IndGDPPerCap:
			ind.SourceID = srcCLDR
		case model.IndInternet:
			ind.SourceID = srcFactbook
		default:
			ind.SourceID, ind.Modeled = srcModel, true
		}
	}
	mv, err := readMovement(sourcesDir)
	if err != nil {
		return nil, err
	}
	sources := append(append(realSources(), movementSources()...), model.Source{
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
		Observations: append(f.observations, generate(f)...),
		Movement:     mv,
	})
	if err != nil {
		return nil, fmt.Errorf("assemble the sample dataset: %w", err)
	}
	d.SetScores(model.ComputeScores(d))
	return d, nil
}
