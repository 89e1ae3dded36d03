package report_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/equitylandscape/equity/ui/report"
)

func TestFormats(t *testing.T) {
	want := []report.Format{"table", "csv", "json", "md"}
	if got := report.Formats(); !slices.Equal(got, want) {
		t.Errorf("Formats() = %v, want %v", got, want)
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want report.Format
	}{
		{"table", report.Table},
		{"csv", report.CSV},
		{"json", report.JSON},
		{"md", report.Markdown},
		// any case
		{"TABLE", report.Table},
		{"Csv", report.CSV},
		{"JSON", report.JSON},
		{"MD", report.Markdown},
		// the long name of Markdown
		{"markdown", report.Markdown},
		{"Markdown", report.Markdown},
	}
	for _, tt := range tests {
		got, err := report.ParseFormat(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseFormatRefuses(t *testing.T) {
	tests := []struct {
		in   string
		want string // the whole message
	}{
		{"xml", `unknown format "xml"; use one of table, csv, json, md`},
		{"", `unknown format ""; use one of table, csv, json, md`},
		{" csv", `unknown format " csv"; use one of table, csv, json, md`},
		{"text", `unknown format "text"; use one of table, csv, json, md`},
		{"mark", `unknown format "mark"; use one of table, csv, json, md`},
	}
	for _, tt := range tests {
		got, err := report.ParseFormat(tt.in)
		if err == nil {
			t.Errorf("ParseFormat(%q) = %q, want an error", tt.in, got)
			continue
		}
		if got != "" {
			t.Errorf("ParseFormat(%q) returned %q with its error", tt.in, got)
		}
		if err.Error() != tt.want {
			t.Errorf("ParseFormat(%q) error %q, want %q", tt.in, err, tt.want)
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	var b bytes.Buffer
	err := report.Write(&b, report.Doc{Title: "x"}, report.Format("xml"), report.Options{})
	if err == nil || !strings.Contains(err.Error(), `"xml"`) {
		t.Errorf("Write(xml) = %v, want an error naming the format", err)
	}
	if b.Len() != 0 {
		t.Errorf("Write(xml) wrote %q", b.String())
	}
}

func TestCells(t *testing.T) {
	if got := report.Missing(); got.Text != "—" || got.Value != nil {
		t.Errorf("Missing() = %#v, want a dash read and a nil value", got)
	}
	if got := report.Text("Côte d’Ivoire"); got.Text != "Côte d’Ivoire" || got.Value != "Côte d’Ivoire" {
		t.Errorf("Text() = %#v, want the string as text and value", got)
	}
}
