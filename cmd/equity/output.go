package main

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/components"
	"github.com/equitylandscape/equity/ui/report"
)

// addFormatFlag gives a command its --format flag.
func addFormatFlag(cmd *cobra.Command, format *string) {
	names := make([]string, 0, 4)
	for _, f := range report.Formats() {
		names = append(names, string(f))
	}
	cmd.Flags().StringVarP(format, "format", "f", string(report.Table), "output format: "+strings.Join(names, ", "))
}

// emit writes a document to standard output in the chosen format. Text for a
// terminal is styled and fitted to its width (or COLUMNS); text for a pipe
// or a file is plain and as wide as its content. Long output on a terminal
// goes through the pager.
func emit(e env, doc report.Doc, format string) error {
	f, err := report.ParseFormat(format)
	if err != nil {
		return usageError{err}
	}
	s := stdoutScreen(e)
	opt := report.Options{}
	if f == report.Table {
		opt.Width = s.width
		opt.Styled = s.tty && e.getenv("NO_COLOR") == ""
	}
	return paged(e, s, func(w io.Writer) error {
		if opt.Styled {
			// The profile is the terminal's, also when the text goes to it
			// through the pager.
			w = &colorprofile.Writer{Forward: w, Profile: colorprofile.Detect(e.stdout, environ(e))}
		}
		return report.Write(w, doc, f, opt)
	})
}

// environ rebuilds the variables colorprofile looks at from env.getenv.
func environ(e env) []string {
	var out []string
	for _, k := range []string{"TERM", "COLORTERM", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"} {
		if v := e.getenv(k); v != "" {
			out = append(out, k+"="+v)
		}
	}
	return out
}

// minName is the narrowest a column of names is cut to in a narrow
// terminal: enough to tell "Central African Republic" from "Central Asia".
const minName = 12

// shortTitle is a domain's column title for a narrow terminal, as wide as
// its scores ("100.0"); "" where the whole title is no wider.
func shortTitle(short string) string {
	switch strings.ToLower(strings.TrimSuffix(short, ".")) {
	case "readers":
		return "Read"
	case "editors":
		return "Edit"
	case "events":
		return "Event"
	case "grants":
		return "Grant"
	case "affil":
		return "Affil"
	}
	return ""
}

// about is the dataset's provenance for JSON output.
func about(d *model.Dataset) map[string]any {
	return map[string]any{
		"dataset": map[string]any{
			"title":    d.Meta.Title,
			"kind":     d.Meta.Kind,
			"origin":   d.Meta.Origin,
			"built_at": d.Meta.BuiltAt,
			"modeled":  d.Modeled(),
			"notes":    d.Meta.Notes,
		},
	}
}

// modeledNote is the footnote every output with modeled figures carries.
func modeledNote(d *model.Dataset) string {
	if note := report.ModeledNote(d, "behind these scores"); note != "" {
		return note + "; see `equity info`."
	}
	return ""
}

// catalogNote is modeledNote for the outputs that list the inputs
// themselves (info, indicators), where each row says real or modeled.
func catalogNote(d *model.Dataset) string {
	if note := report.ModeledNote(d, "of this database"); note != "" {
		return note + "."
	}
	return ""
}

// notes drops empty notes.
func notes(ns ...string) []string {
	var out []string
	for _, n := range ns {
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

// sourceNote cites the source of an indicator with its year.
func sourceNote(d *model.Dataset, id string) string {
	ind, ok := d.Indicator(id)
	if !ok {
		return ""
	}
	src, ok := d.Source(ind.SourceID)
	if !ok {
		return ""
	}
	return fmt.Sprintf("%s from %s (%d)", ind.Name, src.Title, src.Year)
}

// scoreCell is a 0–100 score, or a dash.
func scoreCell(v float64, ok bool) report.Cell {
	if !ok {
		return report.Missing()
	}
	return report.Cell{Text: report.Score(v), Value: round(v, 2)}
}

// markedScoreCell is a score whose text carries its class's mark, as the
// explorer's table does ("53.8~" estimated, "12.0*" modeled); scripts get
// the number, and the class in a column of its own.
func markedScoreCell(v float64, ok bool, class model.Class) report.Cell {
	c := scoreCell(v, ok)
	if ok {
		switch class {
		case model.ClassEstimated:
			c.Text += components.MarkEstimated
		case model.ClassModeled:
			c.Text += components.MarkModeled
		}
	}
	return c
}

// marksNote is the legend of the marks, for an output that carries them.
const marksNote = "Marks: " + components.MarkEstimated + " estimated from published figures, " + components.MarkModeled + " rests on MODELED figures; a published score is unmarked."

// round keeps JSON and CSV values to the precision that means something
// (scores are ranks; the 12th decimal is noise).
func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}
