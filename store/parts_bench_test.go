package store

import (
	"net/url"
	"testing"

	sampledata "github.com/equitylandscape/equity/sample-data"
	"modernc.org/sqlite/vfs"
)

// The store's share of the issue 15 budget is 4 ms of the 8 for loading the
// embedded database: these benchmarks time it without model.New. cmd/equity
// loads with the garbage collector off; GOGC=off times the load as it runs
// there, where a collection does not run beside every load of the loop.

func loadEmbeddedParts(b *testing.B, c loadConfig) {
	o := origin{shown: EmbeddedOrigin, embedded: true}
	b.ReportAllocs()
	for b.Loop() {
		if err := checkHeader(sampledata.FS, sampledata.DBName, o); err != nil {
			b.Fatal(err)
		}
		name, fsys, err := vfs.New(sampledata.FS)
		if err != nil {
			b.Fatal(err)
		}
		p, err := loadParts("file:"+url.PathEscape(sampledata.DBName), name, o, c)
		if err != nil {
			b.Fatal(err)
		}
		if p.Runs.Len() == 0 {
			b.Fatal("no observations")
		}
		fsys.Close()
	}
}

// BenchmarkLoadPartsEmbedded reads the whole embedded database.
func BenchmarkLoadPartsEmbedded(b *testing.B) { loadEmbeddedParts(b, loadConfig{}) }

// BenchmarkLoadPartsLean reads what store.Lean leaves in.
func BenchmarkLoadPartsLean(b *testing.B) {
	var c loadConfig
	Lean()(&c)
	loadEmbeddedParts(b, c)
}
