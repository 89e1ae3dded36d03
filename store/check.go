package store

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/equitylandscape/equity/model"
	sqlite3 "modernc.org/sqlite/lib"
)

// invalidError is a row with a value its column may not hold; load turns it
// into the one sentence the user sees.
type invalidError struct{ problem string }

func (e *invalidError) Error() string { return e.problem }

// rowCheck applies a table's column rules (checkedTables) to each row a
// reader's query returns, as the row is read. A separate pass over each table
// cost a fifth of loading: the rows are read once, and checked then, before
// any of their figures is kept.
type rowCheck struct {
	table   string
	key     []int // the query's columns that name a row, in the key's order
	at      []int // the query's column of each checked column
	columns []column
}

// selected is the column list of a reader's query.
var selected = regexp.MustCompile(`(?s)^\s*SELECT\s+(.*?)\s+FROM\s`)

// checkOf is the check of table's rows as query returns them. Every column
// checkedTables names, key and checked, must be selected: a reader that
// forgets one is a programming error that the store's tests catch.
func checkOf(table, query string) rowCheck {
	m := selected.FindStringSubmatch(query)
	if m == nil {
		panic("store: not a SELECT: " + query)
	}
	index := map[string]int{}
	for i, c := range strings.Split(m[1], ",") {
		index[strings.TrimSpace(c)] = i
	}
	at := func(name string) int {
		i, ok := index[name]
		if !ok {
			panic(fmt.Sprintf("store: the query of %s does not select %s", table, name))
		}
		return i
	}
	for _, t := range checkedTables(SchemaVersion) {
		if t.name != table {
			continue
		}
		rc := rowCheck{table: table, columns: t.columns}
		for _, k := range t.key {
			rc.key = append(rc.key, at(k))
		}
		for _, c := range t.columns {
			rc.at = append(rc.at, at(c.name))
		}
		return rc
	}
	return rowCheck{table: table}
}

// sqliteTypes are SQLite's names of its fundamental types, as typeof() says
// them.
var sqliteTypes = [...]string{
	sqlite3.SQLITE_INTEGER: "integer", sqlite3.SQLITE_FLOAT: "real",
	sqlite3.SQLITE_TEXT: "text", sqlite3.SQLITE_BLOB: "blob", sqlite3.SQLITE_NULL: "null",
}

// row checks the current row. It asks each checked column's type before
// anything reads the column, since reading one as another type converts it;
// only the key of a bad row, cleaned and clipped, reaches the message. A
// pack's rows are checked a column at a time when its first row is read:
// if all pass, the rest need no check, else each row is checked as a
// SQLite row is, so that the same row is refused in the same words.
func (rc rowCheck) row(w row) error {
	if w.p != nil {
		if w.i == 0 {
			w.p.checked = rc.pack(w.p)
		}
		if w.p.checked {
			return nil
		}
	}
	for i, c := range rc.columns {
		typ := sqliteTypes[w.typ(rc.at[i])]
		if typ == "null" && c.nullable {
			continue
		}
		p := c.problem(typ, w.float(rc.at[i]))
		if p == "" {
			continue
		}
		key := make([]string, len(rc.key))
		for j, k := range rc.key {
			key[j] = clip(model.CleanText(w.text(k)), 40)
		}
		return &invalidError{fmt.Sprintf("%s in %s (%s), column %s", p, rc.table, strings.Join(key, ", "), c.name)}
	}
	return nil
}

// pack reports whether every value of p's checked columns is certainly
// fine (column.fine).
func (rc rowCheck) pack(p *pack) bool {
	for i, c := range rc.columns {
		col := &p.cols[rc.at[i]]
		switch {
		case p.rows == 0:
		case col.nulls != nil && !c.nullable, col.kind == packNull, col.kind == packText:
			return false // problem says what, and of which row
		case col.kind == packInteger:
			for r := range p.rows {
				if !c.fine(true, float64(col.integer(r))) && !col.isNull(r) {
					return false
				}
			}
		default:
			for r := range p.rows {
				if !c.fine(false, col.real(r)) && !col.isNull(r) {
					return false
				}
			}
		}
	}
	return true
}
