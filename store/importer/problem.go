// Package importer reads the public releases that `equity import` builds a
// database from: the Wikimedia canonical countries TSV, World Bank WDI
// indicator CSVs, the Geoeditors public monthly TSVs and the project's own
// long CSV of observations. Each reader turns one file into model values
// and a list of Problems, each with its file and line.
//
// A fatal problem means the file cannot be trusted (it is not in the
// documented shape, or a value in it is not what it must be): an import
// that meets one must not write anything. Readers keep going after a fatal
// problem in a row, so that one run reports as many as it can; after one
// that leaves nothing to read (no header, not UTF-8) they stop. A problem
// that is not fatal is a row that was reported and skipped (an unknown
// country, an empty value); the values read are still good.
//
// Readers stream their input through bufio and keep only what they return.
// Any text of the file quoted in a problem is stripped of control
// characters (model.CleanText) and shortened, so a hostile file cannot
// reach the terminal through an error message.
package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/equitylandscape/equity/model"
)

// MaxProblems is how many problems a reader keeps for one file; the rest
// are summed up in one last problem ("and 1234 more problems"), so a bad
// file of 100,000 rows does not flood the terminal.
const MaxProblems = 50

// Problem is something wrong with one line of a file (Line 0: with the
// whole file).
type Problem struct {
	File  string
	Line  int
	Msg   string
	Fatal bool
}

// String gives the problem as "file:12: msg", or "file: msg" for the whole
// file (or "msg" when it is of no one file).
func (p Problem) String() string {
	file := model.CleanText(p.File)
	if file == "" {
		return model.CleanText(p.Msg)
	}
	if p.Line > 0 {
		return file + ":" + strconv.Itoa(p.Line) + ": " + model.CleanText(p.Msg)
	}
	return file + ": " + model.CleanText(p.Msg)
}

// Problems are the problems of one or more files, in the order found.
type Problems []Problem

// Fatal reports whether any problem is fatal: the import must not write.
func (ps Problems) Fatal() bool {
	for _, p := range ps {
		if p.Fatal {
			return true
		}
	}
	return false
}

// String gives one problem a line.
func (ps Problems) String() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// report collects the problems of one file, keeping the first MaxProblems.
type report struct {
	file      string
	ps        Problems
	more      int // problems found beyond MaxProblems
	moreFatal int // of them, fatal ones
}

func newReport(file string) *report { return &report{file: file} }

func (r *report) add(line int, fatal bool, format string, args ...any) {
	if len(r.ps) >= MaxProblems {
		r.more++
		if fatal {
			r.moreFatal++
		}
		return
	}
	r.ps = append(r.ps, Problem{File: r.file, Line: line, Msg: model.CleanText(fmt.Sprintf(format, args...)), Fatal: fatal})
}

func (r *report) fatal(line int, format string, args ...any) { r.add(line, true, format, args...) }
func (r *report) warn(line int, format string, args ...any)  { r.add(line, false, format, args...) }

// problems returns what was collected, with the count of what was not kept.
// The summary is fatal when any problem it counts is.
func (r *report) problems() Problems {
	ps := r.ps
	if r.more > 0 {
		msg := fmt.Sprintf("and %d more problems", r.more)
		if r.moreFatal > 0 {
			msg += fmt.Sprintf(" (%d of them fatal)", r.moreFatal)
		}
		ps = append(ps, Problem{File: r.file, Msg: msg, Fatal: r.moreFatal > 0})
	}
	return ps
}

// hasFatal reports whether a fatal problem has been found so far.
func (r *report) hasFatal() bool { return r.moreFatal > 0 || r.ps.Fatal() }

// maxQuoted is how many characters of a file's text a problem quotes.
const maxQuoted = 60

// quote gives a text of the file for a message, in double quotes: see clip.
func quote(s string) string { return `"` + clip(s) + `"` }

// clip gives a text of the file for a message: cleaned of control
// characters and shortened to maxQuoted characters.
func clip(s string) string {
	s = model.CleanText(s)
	if utf8.RuneCountInString(s) > maxQuoted {
		n := 0
		for i := range s {
			if n == maxQuoted-1 {
				return s[:i] + "…"
			}
			n++
		}
	}
	return s
}

// rows says "1 row" or "n rows".
func rows(n int) string {
	if n == 1 {
		return "1 row"
	}
	return strconv.Itoa(n) + " rows"
}

// notUTF8 is the message for a file that is not UTF-8 text.
const notUTF8 = "the file is not UTF-8 text: save it as UTF-8 and import it again"

// newInput buffers r and skips a UTF-8 byte order mark at its start, which
// World Bank files (and spreadsheets saving CSV) put there.
func newInput(r io.Reader) *bufio.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(3); err == nil && string(b) == "\uFEFF" {
		_, _ = br.Discard(3)
	}
	return br
}

// records reads a CSV or TSV file with encoding/csv (which reads the quoting
// pandas writes in TSVs too), checking that each record is UTF-8 text.
// Blank lines are skipped; records may have any width, the reader checks.
type records struct {
	cr   *csv.Reader
	rep  *report
	line int // line of the last record returned
	done bool
}

func newRecords(r io.Reader, comma rune, rep *report) *records {
	cr := csv.NewReader(&lineLimit{r: newInput(r), max: maxLine})
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return &records{cr: cr, rep: rep}
}

// next returns the next record, or false at the end of the file or after a
// problem that leaves nothing more to read (reported as fatal): a quoting
// error, text that is not UTF-8, a failed read.
func (t *records) next() ([]string, bool) {
	if t.done {
		return nil, false
	}
	rec, err := t.cr.Read()
	if err == io.EOF {
		t.done = true
		return nil, false
	}
	if err != nil {
		t.done = true
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe):
			t.rep.fatal(pe.StartLine, "%v; the rest of the file is not read", pe.Err)
		case errors.Is(err, errLineTooLong):
			t.rep.fatal(t.line+1, "a line longer than %d kB: not a file of this kind", maxLine>>10)
		default:
			t.rep.fatal(0, "read: %v", err)
		}
		return nil, false
	}
	t.line, _ = t.cr.FieldPos(0)
	for _, f := range rec {
		if !utf8.ValidString(f) {
			t.done = true
			t.rep.fatal(t.line, notUTF8)
			return nil, false
		}
	}
	return rec, true
}

// maxLine is the longest line the CSV and TSV readers accept: a World Bank
// row of 65 years is some 1,500 bytes. A file with no line ends (not text,
// or old Mac line ends) is refused rather than read whole into memory.
const maxLine = 1 << 20

var errLineTooLong = errors.New("line too long")

// lineLimit fails a read once a line runs past max bytes.
type lineLimit struct {
	r        io.Reader
	run, max int // bytes since the last line end; the most allowed
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for b := p[:n]; len(b) > 0; {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			l.run += len(b)
			break
		}
		if l.run+i > l.max {
			return 0, errLineTooLong
		}
		l.run, b = 0, b[i+1:]
	}
	if l.run > l.max {
		return 0, errLineTooLong
	}
	return n, err
}

// trimAll trims the spaces around every field of a record, in place.
func trimAll(rec []string) []string {
	for i, f := range rec {
		rec[i] = strings.TrimSpace(f)
	}
	return rec
}

// parseNumber reads a finite decimal number ("12", "-3.5", "1e6").
func parseNumber(s string) (float64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	// ParseFloat accepts hexadecimal and underscores; a data file does not
	// mean them.
	if strings.ContainsAny(s, "xXpP_") {
		return 0, false
	}
	return v, true
}
