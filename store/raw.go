package store

import (
	"encoding/binary"
	"errors"
	"strconv"

	"modernc.org/libc"
	"modernc.org/libc/sys/types"
	sqlite3 "modernc.org/sqlite/lib"
)

// ptrSize is the size of a C pointer on the target.
const ptrSize = strconv.IntSize / 8

// readPtr reads the C pointer SQLite stored at p (an out parameter).
func readPtr(p uintptr) uintptr {
	b := libc.GoBytes(p, ptrSize)
	if ptrSize == 4 {
		return uintptr(binary.NativeEndian.Uint32(b))
	}
	return uintptr(binary.NativeEndian.Uint64(b))
}

// outPtr allocates a zeroed out parameter on the TLS stack; free it with
// tls.Free(ptrSize).
func outPtr(tls *libc.TLS) uintptr {
	p := tls.Alloc(ptrSize)
	clear(libc.GoBytes(p, ptrSize))
	return p
}

// rawDB is a read-only SQLite connection driven through the C API that
// modernc.org/sqlite translates to Go, without database/sql. Loading is the
// one place where equity reads tens of thousands of rows at once, and the
// driver's per-row work (a mutex per column, a value per column boxed in an
// interface) costs four times what reading the rows does; this keeps start-up
// within its budget. Every other use of SQLite goes through database/sql.
type rawDB struct {
	tls *libc.TLS
	db  uintptr
	// packs are the packed results of queries (pack.go), by query: query
	// reads one of these instead of the rows.
	packs map[string]*pack
	// rec, when set, records the result of every SELECT as a pack, and
	// source is the table the query being run reads (store.Write).
	rec    *packRecorder
	source string
	// buffers hold blobs read (readBlob), freed on close.
	buffers []uintptr
}

// errNotPacked is a query without a pack asked of a reader of packs alone.
var errNotPacked = errors.New("not packed")

// openRaw opens name read-only through the named VFS ("" for the default).
// The connection is used by one goroutine only, so SQLite's own mutex is off.
func openRaw(name, vfsName string) (*rawDB, error) {
	r := &rawDB{tls: libc.NewTLS()}
	cname, err := libc.CString(name)
	if err != nil {
		r.tls.Close()
		return nil, err
	}
	defer libc.Xfree(r.tls, cname)
	var cvfs uintptr
	if vfsName != "" {
		if cvfs, err = libc.CString(vfsName); err != nil {
			r.tls.Close()
			return nil, err
		}
		defer libc.Xfree(r.tls, cvfs)
	}
	pdb := outPtr(r.tls)
	defer r.tls.Free(ptrSize)
	flags := int32(sqlite3.SQLITE_OPEN_READONLY | sqlite3.SQLITE_OPEN_NOMUTEX | sqlite3.SQLITE_OPEN_URI)
	rc := sqlite3.Xsqlite3_open_v2(r.tls, cname, pdb, flags, cvfs)
	r.db = readPtr(pdb)
	if rc != sqlite3.SQLITE_OK {
		err := r.err(rc)
		r.close()
		return nil, err
	}
	return r, nil
}

func (r *rawDB) close() {
	for _, b := range r.buffers {
		libc.Xfree(r.tls, b)
	}
	r.buffers = nil
	if r.db != 0 {
		sqlite3.Xsqlite3_close_v2(r.tls, r.db)
		r.db = 0
	}
	r.tls.Close()
}

// sqliteError is an error SQLite reported: its result codes, its message
// (which may quote a query or the file's schema) and its generic words for the
// kind of error (which quote nothing).
type sqliteError struct {
	code int32 // the primary result code, SQLITE_CANTOPEN
	ext  int32 // the extended result code, SQLITE_CANTOPEN_FULLPATH
	msg  string
	kind string
}

func (e *sqliteError) Error() string { return e.msg }

func (r *rawDB) err(rc int32) error {
	msg := libc.GoString(sqlite3.Xsqlite3_errstr(r.tls, rc))
	if r.db != 0 {
		if m := libc.GoString(sqlite3.Xsqlite3_errmsg(r.tls, r.db)); m != "" {
			msg = m
		}
	}
	ext := rc
	if r.db != 0 {
		ext = sqlite3.Xsqlite3_extended_errcode(r.tls, r.db)
		if ext&0xff != rc&0xff {
			ext = rc // the connection's last error is another one
		}
	}
	kind := libc.GoString(sqlite3.Xsqlite3_errstr(r.tls, ext))
	return &sqliteError{code: rc & 0xff, ext: ext, msg: msg, kind: kind}
}

// row reads the columns of the current row of a query: a SQLite statement's,
// or row i of a pack when p is set. One struct rather than an interface
// keeps the calls direct on the path that runs for every value loaded.
type row struct {
	r    *rawDB
	stmt uintptr
	p    *pack
	i    int
}

// bytes returns a text column of a statement. The bytes belong to SQLite and
// are valid only until the next row: copy or intern them.
func (w row) bytes(i int) []byte {
	p := sqlite3.Xsqlite3_column_text(w.r.tls, w.stmt, int32(i))
	n := sqlite3.Xsqlite3_column_bytes(w.r.tls, w.stmt, int32(i))
	if p == 0 || n == 0 {
		return nil
	}
	return libc.GoBytes(p, int(n))
}

// blob returns a blob column of a statement, valid until the next row.
func (w row) blob(i int) []byte {
	p := sqlite3.Xsqlite3_column_blob(w.r.tls, w.stmt, int32(i))
	n := sqlite3.Xsqlite3_column_bytes(w.r.tls, w.stmt, int32(i))
	if p == 0 || n == 0 {
		return nil
	}
	return libc.GoBytes(p, int(n))
}

func (w row) text(i int) string {
	if w.p != nil {
		return w.p.text(i, w.i)
	}
	return string(w.bytes(i))
}

func (w row) float(i int) float64 {
	if w.p != nil {
		return w.p.float(i, w.i)
	}
	return sqlite3.Xsqlite3_column_double(w.r.tls, w.stmt, int32(i))
}

func (w row) int(i int) int {
	if w.p != nil {
		return int(w.p.int(i, w.i))
	}
	return int(sqlite3.Xsqlite3_column_int64(w.r.tls, w.stmt, int32(i)))
}

// typ is the SQLite type of a column's value (SQLITE_INTEGER, ...).
func (w row) typ(i int) int32 {
	if w.p != nil {
		return w.p.typ(i, w.i)
	}
	return sqlite3.Xsqlite3_column_type(w.r.tls, w.stmt, int32(i))
}

func (w row) null(i int) bool { return w.typ(i) == sqlite3.SQLITE_NULL }

// query runs one statement and calls scan for each row. A query whose
// result is packed is read from its pack.
func (r *rawDB) query(q string, scan func(row) error) error {
	if p := r.packs[q]; p != nil {
		for i := range p.rows {
			if err := scan(row{p: p, i: i}); err != nil {
				return err
			}
		}
		return nil
	}
	if r.db == 0 {
		return errNotPacked // a reader of packs alone (observationsReader)
	}
	cq, err := libc.CString(q)
	if err != nil {
		return err
	}
	defer libc.Xfree(r.tls, cq)
	pstmt := outPtr(r.tls)
	defer r.tls.Free(ptrSize)
	if rc := sqlite3.Xsqlite3_prepare_v2(r.tls, r.db, cq, -1, pstmt, 0); rc != sqlite3.SQLITE_OK {
		return r.err(rc)
	}
	stmt := readPtr(pstmt)
	if stmt == 0 {
		return errors.New("empty statement")
	}
	defer sqlite3.Xsqlite3_finalize(r.tls, stmt)
	w := row{r: r, stmt: stmt}
	enc := r.rec.start(q, r.source, int(sqlite3.Xsqlite3_column_count(r.tls, stmt)))
	for {
		switch rc := sqlite3.Xsqlite3_step(r.tls, stmt); rc {
		case sqlite3.SQLITE_ROW:
			if enc != nil {
				enc.add(w)
			}
			if err := scan(w); err != nil {
				return err
			}
		case sqlite3.SQLITE_DONE:
			return nil
		default:
			return r.err(rc)
		}
	}
}

// one runs a query that returns one integer.
func (r *rawDB) one(q string) (int, error) {
	var v int
	found := false
	err := r.query(q, func(w row) error {
		v, found = w.int(0), true
		return nil
	})
	if err == nil && !found {
		err = errors.New("a query that returns a row returned none")
	}
	return v, err
}

// readBlob reads the blob in column of the row rowid of table into memory
// of the connection's own, valid until it closes. A blob read so does not
// pass through a value of SQLite's, nor through the page cache more than a
// page at a time: one copy of it is made.
func (r *rawDB) readBlob(table, column string, rowid int64) ([]byte, error) {
	names := [3]uintptr{}
	for i, s := range []string{"main", table, column} {
		c, err := libc.CString(s)
		if err != nil {
			return nil, err
		}
		defer libc.Xfree(r.tls, c)
		names[i] = c
	}
	pblob := outPtr(r.tls)
	defer r.tls.Free(ptrSize)
	if rc := sqlite3.Xsqlite3_blob_open(r.tls, r.db, names[0], names[1], names[2], rowid, 0, pblob); rc != sqlite3.SQLITE_OK {
		return nil, r.err(rc)
	}
	blob := readPtr(pblob)
	defer sqlite3.Xsqlite3_blob_close(r.tls, blob)
	n := sqlite3.Xsqlite3_blob_bytes(r.tls, blob)
	if n <= 0 {
		return nil, nil
	}
	buf := libc.Xmalloc(r.tls, types.Size_t(n))
	if buf == 0 {
		return nil, errors.New("out of memory")
	}
	r.buffers = append(r.buffers, buf)
	if rc := sqlite3.Xsqlite3_blob_read(r.tls, blob, buf, n, 0); rc != sqlite3.SQLITE_OK {
		return nil, r.err(rc)
	}
	return libc.GoBytes(buf, int(n)), nil
}
