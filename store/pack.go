package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/equitylandscape/equity/model"
	sqlite3 "modernc.org/sqlite/lib"
)

// A pack is the whole result of one of the load's queries, stored in the
// packs table as one blob: reading a dozen blobs takes a fraction of what
// stepping SQLite through a hundred thousand rows does. The rows stay the
// data; a pack is a derived copy, like the scores, that a change to the
// rows (triggers), to the schema (its version) or to the load's query text
// (the key) makes the load ignore.
//
// The blob, column by column (varints as encoding/binary writes them):
//
//	byte     packFormat
//	uvarint  columns, rows
//	per column:
//	  byte   kind: packNull (every value NULL), packInteger, packReal or packText
//	  byte   1 if a bitmap of NULLs follows (bit r%8 of byte r/8 set: row r
//	         is NULL; a NULL row still has a value below, zero), else 0
//	  values packInteger: a zigzag varint base (the least value), a byte w
//	                      (1, 2, 4 or 8), then a w-byte little-endian
//	                      offset from base per row (a NULL row's is 0)
//	         packReal:    8 bytes per row, little-endian IEEE 754
//	         packText:    uvarint n, n uvarint lengths, the n strings
//	                      back to back, a byte w (1, 2 or 4), then a
//	                      w-byte little-endian index into them per row
//
// A column holds one SQLite type besides NULL; a query whose result mixes
// types in a column is not packed, and the load reads its rows.
//
// Every kind but text's dictionary is read in place, by row, with no pass
// to decode it first. Format 1 held a zigzag varint per row of integers,
// which took a pass and an array of their own, a tenth of a load; its
// packs, in files an earlier equity wrote, are still read (varints).
const packFormat = 2

// The kinds of a packed column.
const (
	packNull byte = iota
	packInteger
	packReal
	packText
)

// packKinds are the SQLite types of the kinds.
var packKinds = [...]int32{
	packNull: sqlite3.SQLITE_NULL, packInteger: sqlite3.SQLITE_INTEGER,
	packReal: sqlite3.SQLITE_FLOAT, packText: sqlite3.SQLITE_TEXT,
}

// pack is a decoded pack: its columns, read by row (row's methods dispatch
// here for a packed row). It keeps the blob and reads its numbers and
// text indexes in place, so that a load allocates little besides the
// dataset itself.
type pack struct {
	rows int
	cols []packColumn
	// checked is set when rowCheck found every checked value of the pack
	// fine at its first row.
	checked bool
}

type packColumn struct {
	kind  byte
	nulls []byte // the bitmap of NULL rows, nil when none is
	// values: packReal's 8 bytes a row; packText's width-byte indexes
	// into dict; packInteger's width-byte offsets from base.
	values []byte
	width  int
	base   int64
	dict   []string // the distinct strings as stored
	clean  []string // the same passed through model.CleanText
}

// detach copies what the pack reads in place into memory of its own: the
// blob it was decoded from lives only as long as its connection.
func (p *pack) detach() {
	for i := range p.cols {
		c := &p.cols[i]
		c.values, c.nulls = bytes.Clone(c.values), bytes.Clone(c.nulls)
	}
}

// plain reports whether the pack's columns are of these kinds, in order,
// with no NULL: a reader may then read them in bulk (cleanAt, integer,
// real).
func (p *pack) plain(kinds ...byte) bool {
	if len(p.cols) != len(kinds) {
		return false
	}
	for i, k := range kinds {
		if c := &p.cols[i]; c.kind != k || c.nulls != nil {
			return false
		}
	}
	return true
}

// cleanAt is row r of a text column with no NULL, cleaned (cleanText).
func (c *packColumn) cleanAt(r int) string {
	if c.width == 1 {
		return c.clean[c.values[r]]
	}
	return c.clean[c.index(r)]
}

func (c *packColumn) isNull(r int) bool {
	return c.kind == packNull || c.nulls != nil && c.nulls[r>>3]&(1<<(r&7)) != 0
}

// integer is row r's value of a packInteger column. A damaged pack's
// offset may take it past the int64 range: it wraps, as it was written.
func (c *packColumn) integer(r int) int64 { return int64(uint64(c.base) + c.fixed(r)) }

func (c *packColumn) real(r int) float64 {
	return math.Float64frombits(binary.LittleEndian.Uint64(c.values[8*r:]))
}

// index is row r's index into a packText column's strings.
func (c *packColumn) index(r int) int { return int(c.fixed(r)) }

// fixed is row r's width-byte little-endian number: a text's index, an
// integer's offset.
func (c *packColumn) fixed(r int) uint64 {
	switch c.width {
	case 1:
		return uint64(c.values[r])
	case 2:
		return uint64(binary.LittleEndian.Uint16(c.values[2*r:]))
	case 4:
		return uint64(binary.LittleEndian.Uint32(c.values[4*r:]))
	}
	return binary.LittleEndian.Uint64(c.values[8*r:])
}

// typ is SQLite's type of the value, as sqlite3_column_type says it.
func (p *pack) typ(i, r int) int32 {
	c := &p.cols[i]
	if c.isNull(r) {
		return sqlite3.SQLITE_NULL
	}
	return packKinds[c.kind]
}

// The readers below convert as SQLite's column functions do between
// integers and reals; text read as a number is 0 (validation refuses it
// first wherever the load takes a number) and a number read as text is its
// decimal form.

func (p *pack) float(i, r int) float64 {
	c := &p.cols[i]
	switch {
	case c.isNull(r):
		return 0
	case c.kind == packReal:
		return c.real(r)
	case c.kind == packInteger:
		return float64(c.integer(r))
	}
	return 0
}

func (p *pack) int(i, r int) int64 {
	c := &p.cols[i]
	switch {
	case c.isNull(r):
		return 0
	case c.kind == packInteger:
		return c.integer(r)
	case c.kind == packReal:
		return int64(c.real(r))
	}
	return 0
}

func (p *pack) text(i, r int) string {
	c := &p.cols[i]
	switch {
	case c.isNull(r):
		return ""
	case c.kind == packText:
		return c.dict[c.index(r)]
	case c.kind == packInteger:
		return strconv.FormatInt(c.integer(r), 10)
	}
	// Close to SQLite's text of a real, not the same digit for digit (it
	// writes up to 17 digits, and "1.0e+20"). No reader takes a real as
	// text: only a damaged pack gets here.
	t := strconv.FormatFloat(c.real(r), 'g', -1, 64)
	if !strings.ContainsAny(t, ".eIN") {
		t += ".0"
	}
	return t
}

// cleanText is text passed through model.CleanText, which each distinct
// string of a column went through once, when the pack was decoded.
func (p *pack) cleanText(i, r int) string {
	if c := &p.cols[i]; c.width == 1 && c.kind == packText && c.nulls == nil {
		return c.clean[c.values[r]] // most text: a column of few strings, inlined
	}
	return p.cleanTextAny(i, r)
}

func (p *pack) cleanTextAny(i, r int) string {
	c := &p.cols[i]
	if c.kind == packText && !c.isNull(r) {
		return c.clean[c.index(r)]
	}
	return model.CleanText(p.text(i, r))
}

// errPackFormat is a pack written in a layout this build does not know (by
// a newer equity): the load reads the rows instead.
var errPackFormat = errors.New("unknown pack format")

// decodePack decodes a blob of columns × rows, which it keeps: the caller
// gives it a copy of its own. Whatever the bytes, it returns a pack every
// read of which stays within bounds, or an error that says in a few words
// what is wrong; it allocates nothing larger than the blob could describe.
func decodePack(b []byte, columns, rows int) (*pack, error) {
	d := packDecoder{b: b}
	if len(b) == 0 {
		return nil, errors.New("is empty")
	}
	if b[0] != 1 && b[0] != packFormat {
		return nil, errPackFormat
	}
	d.b, d.format = b[1:], b[0]
	nc, nr := d.uvarint(), d.uvarint()
	switch {
	case d.err != nil:
		return nil, d.err
	case nc != uint64(columns):
		return nil, fmt.Errorf("has %d columns, not the %d its query selects", nc, columns)
	case rows < 0 || nr != uint64(rows):
		return nil, fmt.Errorf("has %d rows, not the %d the packs table says", nr, rows)
	case nr > uint64(len(b))*8:
		// Every column takes a bit per row at least.
		return nil, errors.New("holds more rows than bytes")
	}
	p := &pack{rows: rows, cols: make([]packColumn, columns)}
	for i := range p.cols {
		if err := d.column(&p.cols[i], rows); err != nil {
			return nil, fmt.Errorf("column %d %w", i+1, err)
		}
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("has %d bytes past its last column", len(d.b))
	}
	return p, nil
}

// packDecoder reads a blob front to back, keeping its first error.
type packDecoder struct {
	b      []byte
	format byte
	err    error
}

var errCut = errors.New("is cut short")

func (d *packDecoder) take(n uint64) []byte {
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)) {
		d.err = errCut
		return nil
	}
	v := d.b[:n:n]
	d.b = d.b[n:]
	return v
}

func (d *packDecoder) byte() byte {
	if v := d.take(1); v != nil {
		return v[0]
	}
	return 0
}

func (d *packDecoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errCut
		if n < 0 {
			d.err = errors.New("has a number too large")
		}
		return 0
	}
	d.b = d.b[n:]
	return v
}

// varint reads a zigzag varint, as binary.AppendVarint writes it.
func (d *packDecoder) varint() int64 {
	ux := d.uvarint()
	return int64(ux>>1) ^ -int64(ux&1)
}

func (d *packDecoder) column(c *packColumn, rows int) error {
	c.kind = d.byte()
	hasNulls := d.byte()
	switch {
	case d.err != nil:
		return d.err
	case c.kind > packText:
		return fmt.Errorf("has an unknown kind %d", c.kind)
	case hasNulls > 1, c.kind == packNull && hasNulls != 1:
		return errors.New("has a bad NULL marker")
	}
	if hasNulls == 1 {
		c.nulls = d.take(uint64(rows+7) / 8)
	}
	switch {
	case c.kind == packInteger && d.format == 1:
		d.varints(c, rows)
	case c.kind == packInteger:
		c.base = d.varint()
		if c.width = int(d.byte()); d.err == nil && c.width != 1 && c.width != 2 && c.width != 4 && c.width != 8 {
			return fmt.Errorf("has a bad integer width %d", c.width)
		}
		c.values = d.take(uint64(c.width) * uint64(rows))
	case c.kind == packReal:
		c.values = d.take(uint64(rows) * 8)
		// SQLite keeps no NaN (it stores NULL): one here was not written
		// by SQLite's rows.
		for i := 0; i+8 <= len(c.values); i += 8 {
			if binary.LittleEndian.Uint64(c.values[i:])&^(1<<63) > 0x7ff0000000000000 {
				d.err = errors.New("has a NaN")
				break
			}
		}
	case c.kind == packText:
		d.texts(c, rows)
	}
	return d.err
}

// varints reads a format 1 integer column, a zigzag varint per row, into
// the form of format 2's: base 0, and each value as its 8-byte offset.
func (d *packDecoder) varints(c *packColumn, rows int) {
	if uint64(rows) > uint64(len(d.b)) {
		d.err = errCut // a varint takes a byte at least
		return
	}
	c.width, c.values = 8, make([]byte, 8*rows)
	for r := range rows {
		binary.LittleEndian.PutUint64(c.values[8*r:], uint64(d.varint()))
	}
}

func (d *packDecoder) texts(c *packColumn, rows int) {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err = errCut // a length takes a byte at least
		return
	}
	lengths := make([]uint64, n)
	total := uint64(0)
	for i := range lengths {
		lengths[i] = d.uvarint()
		total += lengths[i]
		if total > uint64(len(d.b)) {
			d.err = errCut
		}
	}
	// One string holds them all: the dataset's strings share it rather
	// than each being allocated.
	all := string(d.take(total))
	c.width = int(d.byte())
	if d.err != nil {
		return
	}
	if c.width != 1 && c.width != 2 && c.width != 4 {
		d.err = fmt.Errorf("has a bad index width %d", c.width)
		return
	}
	c.values = d.take(uint64(c.width) * uint64(rows))
	if d.err != nil {
		return
	}
	c.dict, c.clean = make([]string, n), make([]string, n)
	at := uint64(0)
	for i, l := range lengths {
		c.dict[i] = all[at : at+l]
		c.clean[i] = model.CleanText(c.dict[i])
		at += l
	}
	// Every index, a NULL row's too, must name a string.
	if !indexesBelow(c.values, c.width, n) {
		d.err = fmt.Errorf("has an index past its %d strings", n)
	}
}

// indexesBelow reports whether every width-byte index in b is below n.
// One-byte indexes, nearly all of them, are checked eight at a time.
func indexesBelow(b []byte, width int, n uint64) bool {
	const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	switch {
	case width == 1 && n >= 256:
		return true
	case width == 1 && n > 0:
		// A byte x is n or more when, below 128, x&0x7f + (128-n) sets
		// its top bit; for n over 128, x is 128 or more and x-128 is
		// n-128 or more. Neither sum carries into the next byte.
		k, above := uint64(ones*(128-n)), uint64(0)
		if n > 128 {
			k = ones * (256 - n)
		}
		i := 0
		for ; i+8 <= len(b); i += 8 {
			x := binary.LittleEndian.Uint64(b[i:])
			if n <= 128 {
				above |= (x&lows + k) | x
			} else {
				above |= ((x^highs)&lows + k) & x
			}
		}
		if above&highs != 0 {
			return false
		}
		for _, x := range b[i:] {
			if uint64(x) >= n {
				return false
			}
		}
		return true
	case width == 2:
		for i := 0; i+1 < len(b); i += 2 {
			if uint64(binary.LittleEndian.Uint16(b[i:])) >= n {
				return false
			}
		}
	case width == 4:
		for i := 0; i+3 < len(b); i += 4 {
			if uint64(binary.LittleEndian.Uint32(b[i:])) >= n {
				return false
			}
		}
	default:
		return len(b) == 0
	}
	return true
}

// packEncoder builds the pack of one query's result as the rows go by.
type packEncoder struct {
	rows  int
	cols  []columnEncoder
	mixed bool // a column holds two types: the result is not packed
}

type columnEncoder struct {
	kind  byte
	nulls []bool
	ints  []int64
	reals []float64
	index []uint32
	dict  []string
	at    map[string]uint32
}

// add appends the current row of a SQLite statement.
func (e *packEncoder) add(w row) {
	for i := range e.cols {
		c := &e.cols[i]
		var kind byte
		switch w.typ(i) {
		case sqlite3.SQLITE_INTEGER:
			kind = packInteger
		case sqlite3.SQLITE_FLOAT:
			kind = packReal
		case sqlite3.SQLITE_TEXT:
			kind = packText
		case sqlite3.SQLITE_NULL:
			kind = packNull
		default:
			e.mixed = true // a blob: not a value the load reads
			continue
		}
		if kind != packNull && c.kind != packNull && kind != c.kind {
			e.mixed = true
		}
		if kind != packNull && c.kind == packNull {
			c.kind = kind
			// Rows before this one were NULL: give them this kind's zero.
			c.ints, c.reals, c.index = make([]int64, e.rows), make([]float64, e.rows), make([]uint32, e.rows)
		}
		c.nulls = append(c.nulls, kind == packNull)
		if c.kind == packNull {
			continue
		}
		var iv int64
		var rv float64
		var tv uint32
		if kind == c.kind {
			switch kind {
			case packInteger:
				iv = int64(w.int(i))
			case packReal:
				rv = w.float(i)
			case packText:
				tv = c.intern(w.text(i))
			}
		}
		c.ints, c.reals, c.index = append(c.ints, iv), append(c.reals, rv), append(c.index, tv)
	}
	e.rows++
}

func (c *columnEncoder) intern(s string) uint32 {
	if c.at == nil {
		c.at = map[string]uint32{}
	}
	if i, ok := c.at[s]; ok {
		return i
	}
	i := uint32(len(c.dict))
	c.dict = append(c.dict, s)
	c.at[s] = i
	return i
}

// encode returns the blob, or false if the result cannot be packed.
func (e *packEncoder) encode() ([]byte, bool) {
	if e.mixed || len(e.cols) == 0 {
		return nil, false
	}
	b := []byte{packFormat}
	b = binary.AppendUvarint(b, uint64(len(e.cols)))
	b = binary.AppendUvarint(b, uint64(e.rows))
	for _, c := range e.cols {
		hasNulls := c.kind == packNull || slices.Contains(c.nulls, true)
		b = append(b, c.kind, boolByte(hasNulls))
		if hasNulls {
			bits := make([]byte, (e.rows+7)/8)
			for r, null := range c.nulls {
				if null {
					bits[r>>3] |= 1 << (r & 7)
				}
			}
			b = append(b, bits...)
		}
		switch c.kind {
		case packInteger:
			b = appendIntegers(b, c.ints, c.nulls)
		case packReal:
			for _, v := range c.reals {
				b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
			}
		case packText:
			b = binary.AppendUvarint(b, uint64(len(c.dict)))
			for _, s := range c.dict {
				b = binary.AppendUvarint(b, uint64(len(s)))
			}
			for _, s := range c.dict {
				b = append(b, s...)
			}
			width := 4
			switch {
			case len(c.dict) <= 1<<8:
				width = 1
			case len(c.dict) <= 1<<16:
				width = 2
			}
			b = append(b, byte(width))
			for _, x := range c.index {
				switch width {
				case 1:
					b = append(b, byte(x))
				case 2:
					b = binary.LittleEndian.AppendUint16(b, uint16(x))
				default:
					b = binary.LittleEndian.AppendUint32(b, x)
				}
			}
		}
	}
	return b, true
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// appendIntegers appends a packInteger column's values: their base, the
// width that holds every offset from it, and the offsets.
func appendIntegers(b []byte, ints []int64, nulls []bool) []byte {
	base, span, seen := int64(0), uint64(0), false
	for r, v := range ints {
		if !nulls[r] && (!seen || v < base) {
			base, seen = v, true
		}
	}
	for r, v := range ints {
		if !nulls[r] {
			span = max(span, uint64(v)-uint64(base))
		}
	}
	width := 8
	switch {
	case span <= math.MaxUint8:
		width = 1
	case span <= math.MaxUint16:
		width = 2
	case span <= math.MaxUint32:
		width = 4
	}
	b = binary.AppendVarint(b, base)
	b = append(b, byte(width))
	for r, v := range ints {
		off := uint64(v) - uint64(base)
		if nulls[r] {
			off = 0
		}
		switch width {
		case 1:
			b = append(b, byte(off))
		case 2:
			b = binary.LittleEndian.AppendUint16(b, uint16(off))
		case 4:
			b = binary.LittleEndian.AppendUint32(b, uint32(off))
		default:
			b = binary.LittleEndian.AppendUint64(b, off)
		}
	}
	return b
}
