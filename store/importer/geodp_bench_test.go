//go:build linux || darwin || freebsd

// The benchmarks measure the process's CPU time (getrusage) besides the
// wall time: on a shared machine the wall time says more about the load
// than about the reader.

package importer

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/equitylandscape/equity/model"
)

// The budgets of the differentially private Geoeditors reader: a month of
// 1,000,000 rows in 2 s and 100 MB at the peak; the whole history, 84
// monthly files of 120,000 rows read one after another keeping only each
// month's sums, in 60 s and 300 MB.
const (
	dpBigRows        = 1_000_000
	dpBigTime        = 2 * time.Second
	dpBigPeakMB      = 100
	dpHistoryMonths  = 84
	dpHistoryRows    = 120_000
	dpHistoryTime    = 60 * time.Second
	dpHistoryPeakMB  = 300
	dpBenchCountries = 250
)

// dpBenchNames makes 250 countries, AA to JP, named "Republic of AA".
func dpBenchNames() *Names {
	var cs []model.Country
	for i := range dpBenchCountries {
		code := string([]byte{'A' + byte(i/26), 'A' + byte(i%26)})
		cs = append(cs, model.Country{ISO2: code, ISO3: code + "X", Name: "Republic of " + code})
	}
	return NewNames(cs)
}

// dpBenchRows gives n rows of the published order without their month
// (which each file adds), over the given number of wikis: each wiki has
// the rows of a number of countries (of the 250 and Unknown) at the three
// activity levels. With dense, every wiki has every country, as the fewest
// wikis that make n distinct rows need; else the number falls with the
// wiki's rank, 251·60/(rank+60), as editors of small wikis come from few
// countries (900 wikis so give some 124,000 rows). A third of the
// countries are lower-risk (epsilon 1.1, edits published), a third
// medium, a third higher (epsilon 0.1).
func dpBenchRows(tb testing.TB, n, wikis int, dense bool, emit func(row []byte)) {
	made := 0
	b := make([]byte, 0, 128)
	eps := [3]string{"1.1\t0.9\t8", "0.2\t0.2\t25", "0.1\t0.1\t40"}
	levels := DPLevelNames()
	for i := 0; i < wikis && made < n; i++ {
		db, project := fmt.Sprintf("w%04dwiki", i), fmt.Sprintf("w%04d.wikipedia", i)
		if i%5 == 0 {
			db, project = fmt.Sprintf("w%04dwiktionary", i), fmt.Sprintf("w%04d.wiktionary", i)
		}
		k := dpBenchCountries + 1
		if !dense {
			k = max(1, k*60/(i+60))
		}
		for j := 0; j < k && made < n; j++ {
			country, code := "Unknown", "--"
			if j < dpBenchCountries {
				code = string([]byte{'A' + byte(j/26), 'A' + byte(j%26)})
				country = "Republic of " + code
			}
			risk := j % 3
			for l := 0; l < 3 && made < n; l++ {
				b = append(b[:0], db...)
				b = append(b, '\t')
				b = append(b, project...)
				b = append(b, '\t')
				b = append(b, country...)
				b = append(b, '\t')
				b = append(b, code...)
				b = append(b, '\t')
				b = append(b, levels[l]...)
				b = append(b, '\t')
				b = append(b, eps[risk]...)
				b = append(b, '\t')
				b = strconv.AppendInt(b, int64(8+(i*7+j*13+l*5)%900/(l*l*4+1)), 10)
				b = append(b, '\t')
				if risk == 0 {
					b = strconv.AppendInt(b, int64(10+(i*31+j*17+l)%20000), 10)
				}
				emit(b)
				made++
			}
		}
	}
	if made != n {
		tb.Fatalf("%d wikis make %d rows, not %d", wikis, made, n)
	}
}

// writeDPMonth writes a month's file, YYYY-MM.tsv, in dir: the rows rows
// gives, each with the month added as its last column.
func writeDPMonth(tb testing.TB, dir string, year, month int, rows func(emit func(row []byte))) string {
	tb.Helper()
	ym := fmt.Sprintf("%04d-%02d", year, month)
	path := filepath.Join(dir, ym+".tsv")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	rows(func(row []byte) {
		w.Write(row)
		w.WriteByte('\t')
		w.WriteString(ym)
		w.WriteByte('\n')
	})
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// peakMemory samples, every 2 ms until stopped, the heap in use
// (HeapInuse: live objects and garbage not yet collected) and the memory
// held from the system (Sys less HeapReleased, what was returned to it),
// and gives their peaks in MB.
func peakMemory() (stop func() (heapMB, sysMB float64)) {
	var (
		wg        sync.WaitGroup
		done      = make(chan struct{})
		heap, sys uint64
		sample    = func() {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			heap, sys = max(heap, ms.HeapInuse), max(sys, ms.Sys-ms.HeapReleased)
		}
	)
	sample()
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				sample()
			}
		}
	}()
	return func() (float64, float64) {
		close(done)
		wg.Wait()
		sample()
		return float64(heap) / (1 << 20), float64(sys) / (1 << 20)
	}
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// dpSums are what the history keeps of a month.
type dpSums struct {
	year, month, countries int
	editors                [3]float64
}

func readDPFile(tb testing.TB, path string, names *Names, wantRows int) *DPMonth {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rel, ps := ReadGeoeditorsDP(f, path, names)
	if len(ps) > 0 || len(rel.Months) != 1 || rel.Months[0].Rows != wantRows {
		tb.Fatalf("%s: %d months, problems %v", path, len(rel.Months), ps)
	}
	return rel.Months[0]
}

// BenchmarkReadGeoeditorsDPMonth1M reads one month of 1,000,000 rows:
// 1,329 wikis × the 250 countries and Unknown × 3 levels (900 wikis cannot
// make a million distinct rows).
func BenchmarkReadGeoeditorsDPMonth1M(b *testing.B) {
	path := writeDPMonth(b, b.TempDir(), 2024, 1, func(emit func([]byte)) {
		dpBenchRows(b, dpBigRows, dpBigRows/(3*(dpBenchCountries+1))+1, true, emit)
	})
	names := dpBenchNames()
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ReportAllocs()
	runtime.GC()
	stop := peakMemory()
	start, cpu0 := time.Now(), cpuTime(b)
	var m *DPMonth
	for b.Loop() {
		m = readDPFile(b, path, names, dpBigRows)
	}
	took := time.Since(start) / time.Duration(b.N)
	cpu := (cpuTime(b) - cpu0) / time.Duration(b.N)
	heap, sys := stop()
	b.ReportMetric(cpu.Seconds(), "cpu-s/op")
	b.ReportMetric(heap, "peak-heap-MB")
	b.ReportMetric(sys, "peak-sys-MB")
	if len(m.Countries) != dpBenchCountries || m.Unknown == 0 {
		b.Fatalf("%d countries, %d unknown", len(m.Countries), m.Unknown)
	}
	if cpu > dpBigTime || heap > dpBigPeakMB {
		b.Errorf("a month of %d rows took %v of CPU (%v wall) and %.0f MB of heap at the peak; budget %v and %d MB", dpBigRows, cpu, took, heap, dpBigTime, dpBigPeakMB)
	}
}

// BenchmarkReadGeoeditorsDPHistory reads 84 monthly files (2018-01 to
// 2024-12) of 120,000 rows each over 900 wikis, one after another, keeping
// only each month's sums.
func BenchmarkReadGeoeditorsDPHistory(b *testing.B) {
	// The rows are made once, and each month's file is written from them.
	var template bytes.Buffer
	dpBenchRows(b, dpHistoryRows, 900, false, func(row []byte) {
		template.Write(row)
		template.WriteByte('\n')
	})
	rows := func(emit func([]byte)) {
		for line := range bytes.Lines(template.Bytes()) {
			emit(line[:len(line)-1])
		}
	}
	dir := b.TempDir()
	var paths []string
	for i := range dpHistoryMonths {
		paths = append(paths, writeDPMonth(b, dir, 2018+i/12, i%12+1, rows))
	}
	template = bytes.Buffer{}
	names := dpBenchNames()
	var size int64
	for _, p := range paths {
		st, _ := os.Stat(p)
		size += st.Size()
	}
	b.SetBytes(size)
	b.ReportAllocs()
	runtime.GC()
	stop := peakMemory()
	start, cpu0 := time.Now(), cpuTime(b)
	var sums []dpSums
	for b.Loop() {
		sums = sums[:0]
		for _, p := range paths {
			m := readDPFile(b, p, names, dpHistoryRows)
			s := dpSums{year: m.Year, month: m.Month, countries: len(m.Countries)}
			for _, c := range m.Countries {
				for l := range s.editors {
					s.editors[l] += c.All.Editors[l]
				}
			}
			sums = append(sums, s)
		}
	}
	took := time.Since(start) / time.Duration(b.N)
	cpu := (cpuTime(b) - cpu0) / time.Duration(b.N)
	heap, sys := stop()
	b.ReportMetric(cpu.Seconds(), "cpu-s/op")
	b.ReportMetric(heap, "peak-heap-MB")
	b.ReportMetric(sys, "peak-sys-MB")
	if len(sums) != dpHistoryMonths || sums[0].countries != dpBenchCountries || sums[0].editors != sums[83].editors {
		b.Fatalf("%d months; first %+v", len(sums), sums[0])
	}
	if cpu > dpHistoryTime || heap > dpHistoryPeakMB {
		b.Errorf("%d months of %d rows took %v of CPU (%v wall) and %.0f MB of heap at the peak; budget %v and %d MB", dpHistoryMonths, dpHistoryRows, cpu, took, heap, dpHistoryTime, dpHistoryPeakMB)
	}
}
