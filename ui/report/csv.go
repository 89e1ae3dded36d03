package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// forScripts returns the indices of the columns CSV and JSON carry.
func forScripts(cols []Column) []int {
	var out []int
	for i, c := range cols {
		if c.Show != ForReaders {
			out = append(out, i)
		}
	}
	return out
}

// writeCSV writes a one-table document as that table. A document of several
// sections becomes one long table (section, item, field, value), so that a
// spreadsheet can still read it whole.
func writeCSV(w io.Writer, doc Doc) error {
	cw := csv.NewWriter(w)
	var sections []Section
	for _, s := range doc.Sections {
		if !forReadersOnly(s) {
			sections = append(sections, s)
		}
	}
	if len(sections) == 1 {
		if t, ok := sections[0].(*TableSection); ok {
			cols := forScripts(t.Columns)
			rec := make([]string, len(cols))
			for n, i := range cols {
				rec[n] = t.Columns[i].Key
			}
			cw.Write(rec)
			for _, r := range t.Rows {
				for n, i := range cols {
					rec[n] = csvValue(r[i].Value)
				}
				cw.Write(rec)
			}
			cw.Flush()
			return cw.Error()
		}
	}
	cw.Write([]string{"section", "item", "field", "value"})
	for _, s := range sections {
		switch s := s.(type) {
		case *FieldsSection:
			for _, f := range s.Fields {
				if f.Show == ForReaders {
					continue
				}
				cw.Write([]string{s.Key, "", f.Key, csvValue(f.Value)})
			}
		case *TableSection:
			cols := forScripts(s.Columns)
			if len(cols) == 0 {
				continue // a table for readers only
			}
			for _, r := range s.Rows {
				item := csvValue(r[cols[0]].Value)
				for _, i := range cols[1:] {
					cw.Write([]string{s.Key, item, s.Columns[i].Key, csvValue(r[i].Value)})
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvValue writes numbers in full precision and a missing value as an empty
// cell.
func csvValue(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case int:
		return strconv.Itoa(v)
	case bool:
		return strconv.FormatBool(v)
	case string:
		return v
	case []string:
		return strings.Join(v, " ")
	default:
		return ""
	}
}
