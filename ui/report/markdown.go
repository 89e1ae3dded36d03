package report

import (
	"bufio"
	"io"
	"strings"
)

// writeMarkdown writes GitHub-flavoured Markdown: a heading per section,
// pipe tables, and the notes as a closing paragraph, ready to paste into a
// grant review or a report.
func writeMarkdown(w io.Writer, doc Doc) error {
	bw := bufio.NewWriter(w)
	if doc.Title != "" {
		bw.WriteString("## " + mdEscape(doc.Title) + "\n")
	}
	for _, s := range doc.Sections {
		if forScriptsOnly(s) {
			continue
		}
		switch s := s.(type) {
		case *TableSection:
			if s.Title != "" {
				bw.WriteString("\n### " + mdEscape(s.Title) + "\n")
			}
			bw.WriteString("\n")
			cols := visible(s.Columns)
			var head, rule []string
			for _, i := range cols {
				head = append(head, mdEscape(s.Columns[i].Title))
				if s.Columns[i].Right {
					rule = append(rule, "---:")
				} else {
					rule = append(rule, "---")
				}
			}
			bw.WriteString("| " + strings.Join(head, " | ") + " |\n")
			bw.WriteString("| " + strings.Join(rule, " | ") + " |\n")
			for _, r := range s.Rows {
				cells := make([]string, 0, len(cols))
				for _, i := range cols {
					cells = append(cells, mdEscape(r[i].Text))
				}
				bw.WriteString("| " + strings.Join(cells, " | ") + " |\n")
			}
		case *FieldsSection:
			if s.Title != "" {
				bw.WriteString("\n### " + mdEscape(s.Title) + "\n")
			}
			bw.WriteString("\n")
			for _, f := range s.Fields {
				if f.Show == ForScripts {
					continue
				}
				bw.WriteString("- **" + mdEscape(f.Label) + ":** " + mdEscape(f.Text) + "\n")
			}
		}
	}
	if len(doc.Notes) > 0 {
		bw.WriteString("\n")
		for i, n := range doc.Notes {
			if i > 0 {
				bw.WriteString(">\n")
			}
			bw.WriteString("> " + mdProse(n) + "\n")
		}
	}
	return bw.Flush()
}

// mdEscape keeps data from breaking a table or starting markup: pipes,
// backslashes and the characters that open emphasis or links are escaped.
func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}

// mdProse escapes a note: like mdEscape, but `code` stays code, since notes
// name commands to run. A code span is copied as it is: Markdown shows a
// backslash or an entity inside one literally, so escaping "EQUITY_DB" there
// would print "EQUITY\_DB".
func mdProse(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;")
	var b strings.Builder
	for {
		open := strings.IndexByte(s, '`')
		if open < 0 {
			break
		}
		n := strings.IndexByte(s[open+1:], '`')
		if n < 0 {
			break
		}
		end := open + 1 + n + 1
		b.WriteString(r.Replace(s[:open]))
		b.WriteString(s[open:end])
		s = s[end:]
	}
	b.WriteString(r.Replace(s))
	return b.String()
}
