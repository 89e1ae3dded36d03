package store_test

import (
	"testing"

	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

// The budget is 30 ms per load: start-up must not keep the user waiting.

// BenchmarkLoadEmbedded opens the database compiled into the binary and loads
// the whole dataset, as equity does at start.
func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d, err := store.LoadFS(sampledata.FS, sampledata.DBName)
		if err != nil {
			b.Fatal(err)
		}
		if len(d.Countries) == 0 {
			b.Fatal("no countries")
		}
	}
}

// BenchmarkLoadFile loads a copy of the same database from disk, as
// `equity --db PATH` does.
func BenchmarkLoadFile(b *testing.B) {
	path := copyEmbedded(b, b.TempDir(), "equity.db")
	b.ReportAllocs()
	for b.Loop() {
		d, err := store.LoadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		if len(d.Countries) == 0 {
			b.Fatal("no countries")
		}
	}
}
