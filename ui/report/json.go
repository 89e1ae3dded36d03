package report

import (
	"encoding/json"
	"io"
)

// writeJSON writes the document as one object: its title, notes and
// provenance, then each section under its key: a table as an array of
// objects keyed by column, a list of fields as an object.
func writeJSON(w io.Writer, doc Doc) error {
	out := map[string]any{}
	for k, v := range doc.About {
		out[k] = v
	}
	if doc.Title != "" {
		out["title"] = doc.Title
	}
	out["notes"] = append([]string{}, doc.Notes...)
	for _, s := range doc.Sections {
		if forReadersOnly(s) {
			continue
		}
		switch s := s.(type) {
		case *TableSection:
			cols := forScripts(s.Columns)
			rows := make([]map[string]any, 0, len(s.Rows))
			for _, r := range s.Rows {
				obj := make(map[string]any, len(cols))
				for _, i := range cols {
					obj[s.Columns[i].Key] = r[i].Value
				}
				rows = append(rows, obj)
			}
			out[s.Key] = rows
		case *FieldsSection:
			obj := make(map[string]any, len(s.Fields))
			for _, f := range s.Fields {
				if f.Show == ForReaders {
					continue
				}
				obj[f.Key] = f.Value
			}
			out[s.Key] = obj
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
