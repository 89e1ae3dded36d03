package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/report"
)

func newMovementCmd(e env, opts *options) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "movement",
		Short: "The movement's frame: the Thriving Movement editor goal by market, and the strategy initiatives' votes",
		Long: "Prints the movement context the Equity Landscape tracks progress against, as the Movement tab\n" +
			"shows it: `mtp` the Medium-term plan's Thriving Movement figures as published (Q1 FY2020-21)\n" +
			"beside the same editor metric computed from the open database, by market and by Wikimedia\n" +
			"region, against the +5% goal; `initiatives` the 45 strategy initiatives with their\n" +
			"recommendation, votes and quartile at the Global Conversations of November 2020, those that\n" +
			"bear on equity marked with the reason.",
		Example: "  equity movement mtp\n" +
			"  equity movement mtp --year 2023 --format md\n" +
			"  equity movement initiatives --sort votes\n" +
			"  equity movement initiatives --format csv",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usageError{fmt.Errorf("movement needs a page: mtp or initiatives")}
		},
	}
	cmd.AddCommand(newMovementMTPCmd(e, opts), newMovementInitiativesCmd(e, opts))
	return cmd
}

func newMovementMTPCmd(e env, opts *options) *cobra.Command {
	var format string
	var year int
	cmd := &cobra.Command{
		Use:   "mtp",
		Short: "The Thriving Movement metrics as published, and monthly active editors computed from the data",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := report.ParseFormat(format)
			if err != nil {
				return usageError{err}
			}
			d, y, err := loadYear(e, opts, year)
			if err != nil {
				return err
			}
			return emit(e, mtpDoc(d, model.ComputeEditorGoal(d, y), f), format)
		},
	}
	addYearFlag(cmd, &year, "year of the computed editors, against the year before")
	addFormatFlag(cmd, &format)
	return cmd
}

func newMovementInitiativesCmd(e env, opts *options) *cobra.Command {
	var format, sort string
	cmd := &cobra.Command{
		Use:   "initiatives",
		Short: "The 45 strategy initiatives with recommendation, votes and quartile; those that bear on equity marked",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f, err := report.ParseFormat(format)
			if err != nil {
				return usageError{err}
			}
			o, err := parseOrder(sort)
			if err != nil {
				return usageError{err}
			}
			d, err := load(e, opts)
			if err != nil {
				return err
			}
			return emit(e, initiativesDoc(d, o, f), format)
		},
	}
	cmd.Flags().StringVarP(&sort, "sort", "s", "number", "order: number, votes or recommendation")
	addFormatFlag(cmd, &format)
	return cmd
}

func parseOrder(s string) (model.InitiativeOrder, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "number", "no", "":
		return model.ByNumber, nil
	case "votes":
		return model.ByVotes, nil
	case "recommendation", "rec":
		return model.ByRecommendation, nil
	}
	return 0, fmt.Errorf("unknown order %q; use number, votes or recommendation", s)
}

// noMovement is the note of a database without the movement context.
const noMovement = "This database holds no movement context (the movement_metrics and initiatives tables are empty); the bundled database has it."

// figureCell is a published figure in its unit, or a dash.
func figureCell(m model.MovementMetric) report.Cell {
	if !m.HasValue {
		return report.Missing()
	}
	text := fmt.Sprintf("%g", m.Value)
	switch {
	case strings.HasPrefix(m.Unit, "%"):
		text += "%"
	case m.Value == float64(int(m.Value)):
		text = report.Count(int(m.Value))
	}
	return report.Cell{Text: text, Value: m.Value}
}

func changeCell(v float64, ok bool) report.Cell {
	if !ok {
		return report.Missing()
	}
	return report.Cell{Text: report.Signed(v), Value: round(v, 2)}
}

func editorsCell(v float64) report.Cell {
	return report.Cell{Text: report.Number(v), Value: round(v, 1)}
}

// mtpDoc is the Thriving Movement page: the published figures, then the
// computed metric by market, by region, by year, and the countries that
// grew most.
func mtpDoc(d *model.Dataset, g model.EditorGoal, f report.Format) report.Doc {
	mv := d.Movement
	published := &report.TableSection{Key: "published", Title: "Published: Thriving Movement metrics, MTP tuning session Q1 FY2020-21", Columns: []report.Column{
		{Key: "id", Title: "Id", Show: report.ForScripts},
		{Key: "metric", Title: "Metric", Flex: true},
		{Key: "segment", Title: "Segment"},
		{Key: "period", Title: "Period"},
		{Key: "value", Title: "Value", Right: true},
		{Key: "unit", Title: "Unit", Show: report.ForScripts},
		{Key: "change_pct", Title: "YoY", Right: true},
		{Key: "as_published", Title: "As published", Flex: true},
		{Key: "source_id", Show: report.ForScripts},
	}}
	for _, m := range mv.Metrics {
		published.Rows = append(published.Rows, []report.Cell{
			report.Text(m.ID), report.Text(m.Metric), report.Text(m.Segment), report.Text(m.Period),
			figureCell(m), report.Text(m.Unit), changeCell(m.Change, m.HasChange), report.Text(m.Note), report.Text(m.Source),
		})
	}

	prev, year := fmt.Sprint(g.Prev), fmt.Sprint(g.Year)
	groupCols := func(key, title string) []report.Column {
		return []report.Column{
			{Key: key, Title: title, Flex: true},
			{Key: "countries", Title: "Countries", Right: true},
			{Key: "editors_" + prev, Title: prev, Right: true},
			{Key: "editors_" + year, Title: year, Right: true},
			{Key: "change_pct", Title: "YoY", Right: true},
			{Key: "status", Title: "Goal " + goalText(g)},
			{Key: "figures", Title: "Figures"},
			{Key: "left_out", Show: report.ForScripts},
		}
	}
	groupRow := func(gr model.GroupGrowth) []report.Cell {
		row := []report.Cell{report.Text(strings.TrimSpace(gr.Name)), {Text: fmt.Sprint(gr.Countries), Value: gr.Countries}}
		if gr.Countries == 0 {
			row = append(row, report.Missing(), report.Missing())
		} else {
			row = append(row, editorsCell(gr.Before), editorsCell(gr.Now))
		}
		status := model.Track(gr.OnTrack, gr.OK, g.HasGoal)
		statusCell := report.Missing()
		if status != "" {
			statusCell = report.Cell{Text: status, Value: strings.TrimLeft(status, "▲▼ ")}
		}
		return append(row, changeCell(gr.Change, gr.OK), statusCell, report.Text(gr.Mix.Word()),
			report.Cell{Text: fmt.Sprint(gr.Left), Value: gr.Left})
	}
	markets := &report.TableSection{Key: "markets", Title: fmt.Sprintf("Computed from this database: monthly active editors, %d against %d, by market", g.Year, g.Prev), Columns: groupCols("market", "Market")}
	markets.Rows = append(markets.Rows, groupRow(g.Total))
	for _, m := range g.Markets {
		r := groupRow(m)
		r[0] = report.Text(m.Name) // keep the indent of "of which"
		markets.Rows = append(markets.Rows, r)
	}
	regions := &report.TableSection{Key: "regions", Title: "By Wikimedia region", Columns: groupCols("region", "Region")}
	for _, r := range g.Regions {
		regions.Rows = append(regions.Rows, groupRow(r))
	}
	years := &report.TableSection{Key: "years", Title: "Every year: the movement's monthly active editors", Columns: []report.Column{
		{Key: "year", Title: "Year"},
		{Key: "editors", Title: "Editors / month", Right: true},
		{Key: "change_pct", Title: "YoY", Right: true},
		{Key: "status", Title: "Goal " + goalText(g)},
		{Key: "figures", Title: "Figures"},
	}}
	for _, y := range g.Series {
		status := report.Missing()
		if s := model.Track(y.OnTrack, y.OK, g.HasGoal); s != "" {
			status = report.Cell{Text: s, Value: strings.TrimLeft(s, "▲▼ ")}
		}
		years.Rows = append(years.Rows, []report.Cell{{Text: fmt.Sprint(y.Year), Value: y.Year}, editorsCell(y.Total), changeCell(y.Change, y.OK), status, report.Text(y.Mix.Word())})
	}
	top := &report.TableSection{Key: "grew_most", Title: fmt.Sprintf("The countries that grew most, %d against %d (editors added)", g.Year, g.Prev), Columns: []report.Column{
		{Key: "iso2", Show: report.ForScripts},
		{Key: "country", Title: "Country", Flex: true},
		{Key: "market", Title: "Market"},
		{Key: "editors_" + prev, Title: prev, Right: true},
		{Key: "editors_" + year, Title: year, Right: true},
		{Key: "added", Title: "Added", Right: true},
		{Key: "change_pct", Title: "YoY", Right: true},
		{Key: "figures", Title: "Figures"},
	}}
	for _, c := range g.Top {
		top.Rows = append(top.Rows, []report.Cell{
			report.Text(c.Country.ISO2), report.Text(c.Country.Name), report.Text(model.MarketOf(c.Country)),
			editorsCell(c.Before), editorsCell(c.Now), {Text: "+" + report.Number(c.Added), Value: round(c.Added, 1)},
			changeCell(c.Change, c.OK), report.Text(classWord(c.Class)),
		})
	}

	largest := ""
	if m, ok := mv.Metric(model.MetricEditorsLargest); ok {
		largest = "The deck names the largest year-over-year growth (Q1 FY2020-21) in " + m.Note + "."
	}
	doc := report.Doc{
		Title: fmt.Sprintf("Thriving Movement: monthly active editors, %d against %d", g.Year, g.Prev),
		Notes: notes(
			model.EditorsClassNote(g.Mix),
			goalNote(d, g),
			model.EditorGoalMethod,
			largest,
			movementSourceNote(d, "wmf-mtp-q1-fy2020-21"),
		),
		About: about(d),
	}
	if mv.Empty() {
		doc.Notes = append([]string{noMovement}, doc.Notes...)
	}
	doc.About["year"] = g.Year
	doc.About["editors_input"] = model.EditorsInput
	doc.About["figures"] = g.Mix.Word()
	doc.Sections = []report.Section{published, markets, regions, years, top}
	if f == report.CSV {
		// One table a file: the computed groups, markets then regions,
		// with a column saying which.
		flat := &report.TableSection{Key: "groups", Columns: append([]report.Column{{Key: "kind"}}, groupCols("group", "Group")...)}
		for _, r := range markets.Rows {
			flat.Rows = append(flat.Rows, append([]report.Cell{report.Text("market")}, r...))
		}
		for _, r := range regions.Rows {
			flat.Rows = append(flat.Rows, append([]report.Cell{report.Text("region")}, r...))
		}
		doc.Sections = []report.Section{flat}
	}
	return doc
}

// goalText is the goal as the column heading says it: "+5% YoY".
func goalText(g model.EditorGoal) string {
	if !g.HasGoal {
		return "(none in the data)"
	}
	return fmt.Sprintf("%+g%% YoY", g.Goal)
}

func goalNote(d *model.Dataset, g model.EditorGoal) string {
	if !g.HasGoal {
		return "The database holds no goal for monthly active editors, so nothing is called on or off track."
	}
	return fmt.Sprintf("Goal: monthly active editors %+g%% year over year (the plan's Y2 goal, as published); ▲ on track meets it, ▼ off track falls short.", g.Goal)
}

// movementSourceNote cites a movement source by its id.
func movementSourceNote(d *model.Dataset, id string) string {
	src, ok := d.Source(id)
	if !ok {
		return ""
	}
	s := fmt.Sprintf("Source: %s, %s (%d)", src.Title, src.Publisher, src.Year)
	if src.URL != "" {
		s += ", " + src.URL
	}
	return s + "."
}

func classWord(c model.Class) string {
	if c == model.ClassModeled {
		return "MODELED"
	}
	return string(c)
}

// initiativesDoc is the strategy page: the initiatives in an order, the
// marked ones with their reasons.
func initiativesDoc(d *model.Dataset, o model.InitiativeOrder, f report.Format) report.Doc {
	inits := model.SortInitiatives(d.Movement.Initiatives, o)
	table := &report.TableSection{Key: "initiatives", Title: "The 45 initiatives, " + o.Name(), Columns: []report.Column{
		{Key: "number", Title: "No.", Right: true},
		{Key: "initiative", Title: "Initiative", Flex: true},
		{Key: "recommendation", Title: "Rec.", Right: true},
		{Key: "recommendation_name", Title: "Recommendation", Show: report.ForScripts},
		{Key: "votes", Title: "Votes", Right: true},
		{Key: "quartile", Title: "Quartile", Right: true},
		{Key: "equity", Title: "Equity"},
		{Key: "also", Show: report.ForScripts},
		{Key: "vote_note", Show: report.ForScripts},
		{Key: "bearing", Show: report.ForScripts},
		{Key: "source_id", Show: report.ForScripts},
	}}
	why := &report.TableSection{Key: "bearing", Title: "Why the marked initiatives bear on equity and this tool's users", Show: report.ForReaders, Columns: []report.Column{
		{Key: "number", Title: "No.", Right: true},
		{Key: "initiative", Title: "Initiative", Wrap: true, Min: 20},
		{Key: "bearing", Title: "Why", Wrap: true, Min: 20},
	}}
	for _, in := range inits {
		mark := report.Cell{Text: "", Value: false}
		if in.Marked() {
			mark = report.Cell{Text: "◆ yes", Value: true}
			why.Rows = append(why.Rows, []report.Cell{{Text: fmt.Sprint(in.Number), Value: in.Number}, report.Text(in.Name), report.Text(in.Bearing)})
		}
		votes := report.Cell{Text: fmt.Sprint(in.Votes), Value: in.Votes}
		if in.VoteNote != "" {
			votes.Text += "¹"
		}
		table.Rows = append(table.Rows, []report.Cell{
			{Text: fmt.Sprint(in.Number), Value: in.Number}, report.Text(in.Name),
			{Text: fmt.Sprint(in.Recommendation), Value: in.Recommendation}, report.Text(in.RecommendationName),
			votes, {Text: fmt.Sprint(in.Quartile), Value: in.Quartile}, mark,
			report.Text(in.Also), report.Text(in.VoteNote), report.Text(in.Bearing), report.Text(in.Source),
		})
	}
	recs := map[int]string{}
	var nums []int
	for _, in := range d.Movement.Initiatives {
		if _, ok := recs[in.Recommendation]; !ok {
			nums = append(nums, in.Recommendation)
		}
		recs[in.Recommendation] = in.RecommendationName
	}
	var recNames []string
	for _, n := range nums {
		recNames = append(recNames, fmt.Sprintf("%d %s", n, recs[n]))
	}
	var footnote string
	for _, in := range d.Movement.Initiatives {
		if in.VoteNote != "" {
			footnote += fmt.Sprintf("¹ %d %s: %s ", in.Number, in.Name, in.VoteNote)
		}
	}
	doc := report.Doc{
		Title: "Strategy priorities: the Global Conversations of November 2020",
		Notes: notes(
			"Recommendations: "+strings.Join(recNames, "; ")+".",
			"Quartiles, as the page defines them: "+model.QuartileName(1)+"; "+model.QuartileName(2)+"; "+model.QuartileName(3)+"; "+model.QuartileName(4)+
				". Our copy of the page does not carry its colours: the quartile is each initiative's percentile among the 45 by votes (ties at their middle place).",
			strings.TrimSpace(footnote),
			"◆ marks the initiatives this project reads as bearing on equity and on this tool's users; the reasons are this project's, not the page's.",
			"The page: the prioritization \"highlighted the initiatives that people find important to discuss. This does not necessarily mean support for the initiatives as they are\".",
			movementSourceNote(d, "meta-global-conversations-2020-11"),
		),
		About: about(d),
	}
	if d.Movement.Empty() {
		doc.Notes = append([]string{noMovement}, doc.Notes...)
	}
	doc.About["sort"] = o.Key()
	doc.Sections = []report.Section{table, why}
	return doc
}
