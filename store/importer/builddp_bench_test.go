//go:build linux || darwin || freebsd

package importer

import (
	"path/filepath"
	"runtime"
	"testing"
	"time"

	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

// dpYear writes the twelve months of 2023 as differentially private
// Geoeditors files of 120,000 rows over 900 wikis, in dir.
func dpYear(tb testing.TB, dir string) []string {
	var paths []string
	for m := 1; m <= 12; m++ {
		paths = append(paths, writeDPMonth(tb, dir, 2023, m, func(emit func([]byte)) {
			dpBenchRows(tb, dpHistoryRows, 900, false, emit)
		}))
	}
	return paths
}

// BenchmarkImportGeoeditorsDPMonth1M imports one month of 1,000,000 rows
// over the bundled dataset, reading, merging and scoring again: the
// budget is 2 s and 100 MB at the peak.
func BenchmarkImportGeoeditorsDPMonth1M(b *testing.B) {
	path := writeDPMonth(b, b.TempDir(), 2023, 7, func(emit func([]byte)) {
		dpBenchRows(b, dpBigRows, dpBigRows/(3*(dpBenchCountries+1))+1, true, emit)
	})
	base := bundled(b)
	b.ReportAllocs()
	runtime.GC()
	stop := peakMemory()
	start, cpu0 := time.Now(), cpuTime(b)
	for b.Loop() {
		if res := Build(base, Inputs{Geoeditors: []string{path}}, buildDate, nil); res.Dataset == nil {
			b.Fatal(res.Problems)
		}
	}
	took := time.Since(start) / time.Duration(b.N)
	cpu := (cpuTime(b) - cpu0) / time.Duration(b.N)
	heap, sys := stop()
	b.ReportMetric(cpu.Seconds(), "cpu-s/op")
	b.ReportMetric(heap, "peak-heap-MB")
	b.ReportMetric(sys, "peak-sys-MB")
	if cpu > dpBigTime || heap > dpBigPeakMB {
		b.Errorf("importing a month of %d rows took %v of CPU (%v wall) and %.0f MB of heap; budget %v and %d MB", dpBigRows, cpu, took, heap, dpBigTime, dpBigPeakMB)
	}
}

// BenchmarkOpenGeoeditorsYear opens a database built from a full year of
// Geoeditors beside the bundled one: the budget is twice the bundled open.
func BenchmarkOpenGeoeditorsYear(b *testing.B) {
	dir := b.TempDir()
	res := Build(bundled(b), Inputs{Geoeditors: dpYear(b, dir)}, buildDate, nil)
	if res.Dataset == nil {
		b.Fatal(res.Problems)
	}
	db := filepath.Join(dir, "year.db")
	if err := store.Write(db, res.Dataset); err != nil {
		b.Fatal(err)
	}
	var bundledOpen, yearOpen time.Duration
	b.Run("bundled", func(b *testing.B) {
		start := time.Now()
		for b.Loop() {
			if _, err := store.LoadFS(sampledata.FS, sampledata.DBName); err != nil {
				b.Fatal(err)
			}
		}
		bundledOpen = time.Since(start) / time.Duration(b.N)
	})
	b.Run("geoeditors-year", func(b *testing.B) {
		start := time.Now()
		for b.Loop() {
			if _, err := store.LoadFile(db); err != nil {
				b.Fatal(err)
			}
		}
		yearOpen = time.Since(start) / time.Duration(b.N)
	})
	if bundledOpen > 0 && yearOpen > 0 {
		b.ReportMetric(float64(yearOpen)/float64(bundledOpen), "x-bundled")
		b.Logf("bundled open %v, a Geoeditors year %v (%.2f×)", bundledOpen, yearOpen, float64(yearOpen)/float64(bundledOpen))
	}
}

// BenchmarkImportGeoeditorsDPHistory imports the whole history, 84 monthly
// files (2018-01 to 2024-12) of 120,000 rows each over 900 wikis, over the
// bundled dataset: the budget is 60 s and 300 MB at the peak.
func BenchmarkImportGeoeditorsDPHistory(b *testing.B) {
	dir := b.TempDir()
	var paths []string
	for y := 2018; y <= 2024; y++ {
		for m := 1; m <= 12; m++ {
			paths = append(paths, writeDPMonth(b, dir, y, m, func(emit func([]byte)) {
				dpBenchRows(b, dpHistoryRows, 900, false, emit)
			}))
		}
	}
	base := bundled(b)
	runtime.GC()
	stop := peakMemory()
	start, cpu0 := time.Now(), cpuTime(b)
	for b.Loop() {
		if res := Build(base, Inputs{Geoeditors: paths}, buildDate, nil); res.Dataset == nil {
			b.Fatal(res.Problems)
		}
	}
	took := time.Since(start) / time.Duration(b.N)
	cpu := (cpuTime(b) - cpu0) / time.Duration(b.N)
	heap, sys := stop()
	b.ReportMetric(cpu.Seconds(), "cpu-s/op")
	b.ReportMetric(heap, "peak-heap-MB")
	b.ReportMetric(sys, "peak-sys-MB")
	if cpu > dpHistoryTime || heap > dpHistoryPeakMB {
		b.Errorf("importing %d months took %v of CPU (%v wall) and %.0f MB of heap; budget %v and %d MB", len(paths), cpu, took, heap, dpHistoryTime, dpHistoryPeakMB)
	}
}
