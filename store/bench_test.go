package store_test

import (
	"testing"

	sampledata "github.com/equitylandscape/equity/sample-data"
	"github.com/equitylandscape/equity/store"
)

// The budget is 8 ms for what the first screen or one command needs (issue
// 15): start-up must not keep the user waiting.

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

// BenchmarkLoadLean loads the embedded database as `equity countries` does:
// without the tables store.Lean leaves out. The budget for loading
// what one command needs is 8 ms.
func BenchmarkLoadLean(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d, err := store.LoadFS(sampledata.FS, sampledata.DBName, store.Lean())
		if err != nil {
			b.Fatal(err)
		}
		if len(d.Countries) == 0 {
			b.Fatal("no countries")
		}
	}
}
