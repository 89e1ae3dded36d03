package store

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	sampledata "github.com/equitylandscape/equity/sample-data"
	sqlite3 "modernc.org/sqlite/lib"
	"modernc.org/sqlite/vfs"
)

// embeddedPacks returns the packs of the embedded database, by query.
func embeddedPacks(tb testing.TB) map[string][]byte {
	tb.Helper()
	name, fsys, err := vfs.New(sampledata.FS)
	if err != nil {
		tb.Fatal(err)
	}
	defer fsys.Close()
	db, err := openRaw("file:"+url.PathEscape(sampledata.DBName), name)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.close()
	out := map[string][]byte{}
	err = db.query("SELECT query, data FROM packs", func(w row) error {
		out[w.text(0)] = bytes.Clone(w.blob(1))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(out) == 0 {
		tb.Fatal("the embedded database has no packs")
	}
	return out
}

// readAll reads every value of p every way a reader can, to show that no
// read of a decoded pack goes out of bounds.
func readAll(p *pack) {
	for r := range p.rows {
		for i := range p.cols {
			p.typ(i, r)
			p.float(i, r)
			p.int(i, r)
			p.text(i, r)
			p.cleanText(i, r)
		}
	}
}

// A load of the embedded database runs no query on the rows: every query
// its readers run has a pack.
func TestEveryLoadQueryIsPacked(t *testing.T) {
	packs := embeddedPacks(t)
	// The packs are not read: the recorder sees the queries on the rows.
	db, err := openRaw(fileURI(filepath.Join("..", "sample-data", sampledata.DBName)), "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.close()
	db.rec = &packRecorder{}
	if _, err := readParts(db, nil, SchemaVersion, loadConfig{}); err != nil {
		t.Fatal(err)
	}
	if len(db.rec.keys) < len(tableNames()) {
		t.Fatalf("%d queries recorded", len(db.rec.keys))
	}
	for _, k := range db.rec.keys {
		if _, ok := packs[k.query]; !ok {
			t.Errorf("no pack of the query of %s: %s", k.source, k.query)
		}
	}
}

// Every prefix of a pack is refused, and so is a pack with bytes added;
// random damage is refused or decodes to a pack that reads within bounds.
func TestDecodePackSurvivesDamage(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for q, b := range embeddedPacks(t) {
		columns := selectedColumns(q)
		_, rows := packCounts(t, b)
		if _, err := decodePack(bytes.Clone(b), columns, rows); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		step := 1
		if len(b) > 5000 {
			step = len(b)/500 + 1
		}
		// decodePack keeps the bytes, never changes them: no copy needed.
		for n := 0; n < len(b); n += step {
			if _, err := decodePack(b[:n], columns, rows); err == nil {
				t.Fatalf("%s: a pack cut to %d of %d bytes decoded", q, n, len(b))
			}
		}
		if _, err := decodePack(append(bytes.Clone(b), 0), columns, rows); err == nil {
			t.Errorf("%s: a byte added went unnoticed", q)
		}
		for range 200 {
			g := bytes.Clone(b)
			for range 1 + rng.IntN(4) {
				g[rng.IntN(len(g))] = byte(rng.Uint32())
			}
			if p, err := decodePack(g, columns, rows); err == nil {
				readAll(p)
			}
		}
	}
}

// packCounts reads the columns and rows a pack says it has.
func packCounts(tb testing.TB, b []byte) (int, int) {
	tb.Helper()
	d := packDecoder{b: b[1:]}
	c, r := d.uvarint(), d.uvarint()
	if d.err != nil {
		tb.Fatal(d.err)
	}
	return int(c), int(r)
}

func FuzzDecodePack(f *testing.F) {
	for q, b := range embeddedPacks(f) {
		if len(b) < 20000 {
			c, r := packCounts(f, b)
			f.Add(b, c, r)
		}
		_ = q
	}
	f.Fuzz(func(t *testing.T, b []byte, columns, rows int) {
		if columns < 1 || columns > 64 {
			return
		}
		if p, err := decodePack(b, columns, rows); err == nil {
			readAll(p)
		}
	})
}

// A pack damaged in a way its layout tells is refused in a few words.
func TestDecodePackRefuses(t *testing.T) {
	// One text column of two rows: "a", "b".
	text := []byte{packFormat, 1, 2, packText, 0, 2, 1, 1, 'a', 'b', 1, 0, 1}
	real1 := binary.LittleEndian.AppendUint64([]byte{packFormat, 1, 1, packReal, 0}, math.Float64bits(math.NaN()))
	if p, err := decodePack(bytes.Clone(text), 1, 2); err != nil || p.text(0, 1) != "b" {
		t.Fatalf("the sound pack: %v", err)
	}
	with := func(at int, v byte) []byte {
		b := bytes.Clone(text)
		b[at] = v
		return b
	}
	for _, tt := range []struct {
		name          string
		b             []byte
		columns, rows int
		want          string
	}{
		{"empty", nil, 1, 2, "is empty"},
		{"more columns than the query's", text, 2, 2, "has 1 columns, not the 2"},
		{"other rows than the table says", text, 1, 3, "has 2 rows, not the 3"},
		{"an unknown kind", with(3, 9), 1, 2, "unknown kind 9"},
		{"a bad NULL marker", with(4, 2), 1, 2, "bad NULL marker"},
		{"a bad width", with(10, 3), 1, 2, "bad index width 3"},
		{"an index past the strings", with(12, 2), 1, 2, "an index past its 2 strings"},
		{"a string longer than the pack", with(6, 40), 1, 2, "cut short"},
		{"a NaN", real1, 1, 1, "has a NaN"},
		{"a bad integer width", []byte{packFormat, 1, 1, packInteger, 0, 0, 3, 0, 0, 0}, 1, 1, "bad integer width 3"},
		{"integers cut short", []byte{packFormat, 1, 2, packInteger, 0, 0, 2, 0, 0, 0}, 1, 2, "cut short"},
		{"more rows than bytes", []byte{packFormat, 1, 200, 1}, 1, 200, "more rows than bytes"},
	} {
		_, err := decodePack(tt.b, tt.columns, tt.rows)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	if _, err := decodePack(with(0, packFormat+1), 1, 2); err != errPackFormat {
		t.Errorf("a newer format: %v, want errPackFormat", err)
	}
}

// A query's result packed and decoded reads as its rows do: integers,
// reals and texts, NULLs among them, more than 256 distinct strings, a
// column of NULLs only; a column of two types is not packed.
func TestPackRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	stmts := []string{"CREATE TABLE t (i INTEGER, r REAL, s TEXT, n TEXT, m)"}
	for k := range 700 {
		i, r, s := fmt.Sprint(k*k-5000), fmt.Sprint(float64(k)/7), fmt.Sprintf("'s%d'", k%300)
		if k%11 == 0 {
			i, r, s = "NULL", "NULL", "NULL"
		}
		m := "1"
		if k == 699 {
			m = "'x'"
		}
		stmts = append(stmts, fmt.Sprintf("INSERT INTO t VALUES (%s, %s, %s, NULL, %s)", i, r, s, m))
	}
	stmts = append(stmts, "INSERT INTO t VALUES (-9223372036854775808, -0.0, 'é\x1b[2J', NULL, 2)")
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	raw, err := openRaw(fileURI(path), "")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.close()
	raw.rec, raw.source = &packRecorder{}, "t"
	type value struct {
		typ int32
		f   float64
		i   int
		s   string
	}
	var want [][]value
	const q = "SELECT i, r, s, n FROM t"
	for _, query := range []string{q, "SELECT m FROM t"} {
		if err := raw.query(query, func(w row) error {
			if query == q {
				var vs []value
				for i := range 4 {
					vs = append(vs, value{w.typ(i), w.float(i), w.int(i), w.text(i)})
				}
				want = append(want, vs)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := raw.rec.encs[1].encode(); ok {
		t.Error("a column of integers and a text was packed")
	}
	b, ok := raw.rec.encs[0].encode()
	if !ok {
		t.Fatal("not packed")
	}
	p, err := decodePack(b, 4, len(want))
	if err != nil {
		t.Fatal(err)
	}
	if p.cols[2].width != 2 || p.cols[3].kind != packNull {
		t.Errorf("width %d, kind %d", p.cols[2].width, p.cols[3].kind)
	}
	for r, vs := range want {
		for i, v := range vs {
			w := row{p: p, i: r}
			got := value{w.typ(i), w.float(i), w.int(i), w.text(i)}
			if v.typ == sqlite3.SQLITE_FLOAT {
				got.s = v.s // the text of a real is SQLite's own (pack.text)
			}
			if got != v || math.Signbit(got.f) != math.Signbit(v.f) {
				t.Fatalf("row %d column %d: %+v, want %+v", r, i, got, v)
			}
		}
	}
	if got := p.cleanText(2, len(want)-1); got != "é[2J" {
		t.Errorf("cleanText = %q", got)
	}
}

// indexesBelow, eight bytes at a time, agrees with a byte by byte look.
func TestIndexesBelow(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, rng.IntN(40))
		top := 1 + rng.IntN(255)
		for i := range b {
			b[i] = byte(rng.IntN(top))
		}
		n := uint64(rng.IntN(257))
		want := true
		for _, x := range b {
			if uint64(x) >= n {
				want = false
			}
		}
		if got := indexesBelow(b, 1, n); got != want {
			t.Fatalf("indexesBelow(%v, 1, %d) = %v, want %v", b, n, got, want)
		}
	}
}

// column.fine never passes a value problem refuses: a pack's quick check
// lets through only what the check of each row would.
func TestFineIsSound(t *testing.T) {
	values := []float64{math.Inf(1), math.Inf(-1), -1e300, -101, -1, -0.5, 0, 0.5, 1, 3.5, 4, 5, 99.9, 100, 100.1,
		MinYear - 1, MinYear, 2020, 2020.5, MaxYear, MaxYear + 1, 1e300}
	for r := finite; r <= amount; r++ {
		for _, nullable := range []bool{false, true} {
			c := column{"x", r, nullable}
			for _, integer := range []bool{false, true} {
				typ := "real"
				if integer {
					typ = "integer"
				}
				for _, v := range values {
					if integer && (v != math.Trunc(v) || math.IsInf(v, 0)) {
						continue
					}
					if c.fine(integer, v) && c.problem(typ, v) != "" {
						t.Errorf("rule %d: fine(%v, %v) but problem says %q", r, integer, v, c.problem(typ, v))
					}
				}
			}
		}
	}
}

// The scores a load hands the dataset (packedScores) are read after the
// connection has closed and freed the blob they were decoded from: they
// must not read it.
func TestPackedScoresOutliveTheBlob(t *testing.T) {
	const q = "SELECT iso2, domain, facet, year, score FROM scores"
	blob := embeddedPacks(t)[q]
	n, err := binary.ReadUvarint(bytes.NewReader(blob[2:])) // the format byte, the column count, then the rows
	if err != nil {
		t.Fatal(err)
	}
	pk, err := decodePack(blob, 5, int(n))
	if err != nil {
		t.Fatal(err)
	}
	scores := packedScores(pk)
	want := slices.Collect(scores)
	for i := range blob {
		blob[i] = 0xff // as the freed memory may come to hold
	}
	if got := slices.Collect(scores); !slices.Equal(got, want) || len(want) < 1000 {
		t.Errorf("read after the blob changed, %d scores differ from the %d read before", len(got), len(want))
	}
}

// An integer column takes the narrowest width that holds every offset from
// its least value, and reads back each value, the extremes of int64 too.
func TestPackIntegers(t *testing.T) {
	for _, tt := range []struct {
		name  string
		ints  []int64
		width int
	}{
		{"years", []int64{2016, 1960, 2025, 2016}, 1},
		{"one value", []int64{-7}, 1},
		{"a count", []int64{0, 65535, 12}, 2},
		{"negative to billions", []int64{-5, 4_000_000_000}, 4},
		{"the whole range", []int64{math.MinInt64, math.MaxInt64, 0, -1}, 8},
		{"near the top", []int64{math.MaxInt64, math.MaxInt64 - 200}, 1},
	} {
		nulls := make([]bool, len(tt.ints)+1)
		nulls[len(tt.ints)] = true // a NULL row at the end holds 0
		e := &packEncoder{rows: len(nulls), cols: []columnEncoder{{kind: packInteger, ints: append(slices.Clone(tt.ints), 0), nulls: nulls}}}
		b, ok := e.encode()
		if !ok {
			t.Fatalf("%s: not packed", tt.name)
		}
		p, err := decodePack(b, 1, len(nulls))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if w := p.cols[0].width; w != tt.width {
			t.Errorf("%s: width %d, want %d", tt.name, w, tt.width)
		}
		for r, v := range tt.ints {
			if got := p.int(0, r); got != v {
				t.Errorf("%s: row %d reads %d, want %d", tt.name, r, got, v)
			}
		}
		if r := len(tt.ints); p.typ(0, r) != sqlite3.SQLITE_NULL || p.int(0, r) != 0 {
			t.Errorf("%s: the NULL row reads %d", tt.name, p.int(0, r))
		}
	}
}

// A pack in format 1, which an earlier equity wrote into databases it
// imported, still reads: its integers were a zigzag varint per row.
func TestPackFormat1(t *testing.T) {
	ints := []int64{2016, -7, math.MaxInt64, math.MinInt64, 0}
	b := []byte{1, 2, byte(len(ints)), packInteger, 0}
	for _, v := range ints {
		b = binary.AppendVarint(b, v)
	}
	b = append(b, packText, 0, 1, 1, 'a', 1, 0, 0, 0, 0, 0)
	p, err := decodePack(b, 2, len(ints))
	if err != nil {
		t.Fatal(err)
	}
	for r, v := range ints {
		if got := p.int(0, r); got != v || p.text(1, r) != "a" {
			t.Errorf("row %d reads %d and %q, want %d and a", r, got, p.text(1, r), v)
		}
	}
	for n := range len(b) {
		if _, err := decodePack(b[:n], 2, len(ints)); err == nil {
			t.Errorf("cut to %d of %d bytes, it decoded", n, len(b))
		}
	}
}
