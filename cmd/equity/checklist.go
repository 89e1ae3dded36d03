package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store/session"
	"github.com/equitylandscape/equity/ui/report"
)

func newChecklistCmd(e env, opts *options) *cobra.Command {
	var country, region, amount, format string
	var given []string
	var year int
	cmd := &cobra.Command{
		Use:   "checklist 1|2 (--country CODE | --region NAME)",
		Short: "A use case's reflection questions for a country or region, with evidence, signals and your verdicts",
		Long: "Prints the report of a use case's checklist: each of its reflection questions, word for word, with the\n" +
			"evidence that bears on it, an automatic signal (strong, mixed, weak, or not enough data) and its reason,\n" +
			"and the verdicts and notes you saved for it in the explorer (in your data directory; $EQUITY_DATA sets\n" +
			"another). It saves nothing; a saved checklist it cannot read is set aside, as the explorer would.\n\n" +
			"Use case 1, \"Direct grant funds and resource opportunities to spaces ready for growth\", is asked of a\n" +
			"country (--country); --amount adds a requested grant, in US dollars, to the question of proportion.\n" +
			"Use case 2, \"Direct non-monetary support and partnering opportunities to relevant spaces ready for\n" +
			"development\", is asked of a country or of a Wikimedia region (--region).\n\n" +
			"Each question is answered in its own form: yes/no; 1.4 a number (the data proposes the affiliates it\n" +
			"counts); 2.1, 2.3 and 2.5 a set of countries (the data proposes ranked candidates, each with its rule);\n" +
			"2.4 a scale (not at all, a little, somewhat, a great deal). --answer gives answers for this report\n" +
			"(not saved): 1.1=yes, 1.4=3 or 1.4=data, 2.1=+KE,-UG (+ keeps or adds, - strikes), 2.4=somewhat.\n" +
			"Saved answers are those given for the year of the figures (--year).\n\n" +
			"The report is Markdown by default, ready to paste into a grant review; --format json gives the same\n" +
			"for scripts, each question with its answer form and the data's proposal; --format csv one row per\n" +
			"question; --format table aligned text. The signals' thresholds are this project's own.",
		Example: "  equity checklist 1 --country NG\n" +
			"  equity checklist 1 --country nigeria --amount 50k > nigeria-review.md\n" +
			"  equity checklist 2 --region \"South Asia\" --format json\n" +
			"  equity checklist 1 --country NG --answer 1.1=yes --answer 1.4=3 --format csv",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			uc, err := parseUseCase(args[0])
			if err != nil {
				return err
			}
			f, err := checklistFormat(format)
			if err != nil {
				return err
			}
			req, err := checklistRequest(uc, cmd.Flags().Changed("amount"), amount)
			if err != nil {
				return err
			}
			if err := checkSubjectFlags(uc, cmd.Flags().Changed("country"), cmd.Flags().Changed("region")); err != nil {
				return err
			}
			d, y, err := loadYear(e, opts, year)
			if err != nil {
				return err
			}
			s, err := findSubject(d, cmd.Flags().Changed("region"), country, region)
			if err != nil {
				return err
			}
			answers := d.Checklist(uc, s, y, req)
			verdicts, warning := savedVerdicts(uc, s, y)
			if err := takeAnswers(d, answers, verdicts, given, e.now()); err != nil {
				return err
			}
			doc := report.Checklist(d, uc, s, y, answers, verdicts, req, e.now())
			if warning != "" {
				fmt.Fprintln(e.stderr, "equity: "+sentence(warning))
				doc.Notes = append(doc.Notes, "Saved verdicts left out: "+sentence(warning))
				doc.About["verdicts_error"] = warning
			}
			if f == report.CSV {
				doc = report.ChecklistTable(doc)
			}
			return emit(e, doc, string(f))
		},
	}
	cmd.Flags().StringVarP(&country, "country", "c", "", "the country: an ISO code (NG, NGA) or a name")
	cmd.Flags().StringVarP(&region, "region", "r", "", "the Wikimedia region (use case 2 only): a name or a unique prefix")
	addYearFlag(cmd, &year, "year of the figures")
	cmd.Flags().StringVar(&amount, "amount", "", "requested grant in US dollars (use case 1 only): 50000, 50,000, $50k or 1.2m")
	cmd.Flags().StringVarP(&format, "format", "f", string(report.Markdown), "output format: md (the report), json, csv (a row per question) or table")
	cmd.Flags().StringArrayVarP(&given, "answer", "a", nil, "an answer for this report, not saved: ID=ANSWER (1.1=yes, 1.4=3, 2.1=+KE,-UG, 2.4=somewhat); repeatable")
	return cmd
}

// parseUseCase reads the use case argument: 1 or 2.
func parseUseCase(arg string) (model.UseCase, error) {
	n, err := strconv.Atoi(strings.TrimSpace(arg))
	if err == nil {
		if uc, ok := model.UseCaseByNumber(n); ok {
			return uc, nil
		}
	}
	var names []string
	for _, uc := range model.UseCases() {
		names = append(names, fmt.Sprintf("%d (%s)", uc.Number, uc.Title))
	}
	return model.UseCase{}, usageError{fmt.Errorf("there is no use case %q; the use cases are %s", arg, strings.Join(names, " and "))}
}

// checklistFormat reads --format: CSV is the summary, a row per question.
func checklistFormat(s string) (report.Format, error) {
	f, err := report.ParseFormat(s)
	if err != nil {
		return "", usageError{fmt.Errorf("unknown format %q; use one of md, json, csv, table", s)}
	}
	return f, nil
}

// takeAnswers puts the answers given with --answer (ID=ANSWER) into the
// verdicts, each read in its question's form.
func takeAnswers(d *model.Dataset, answers []model.Answer, verdicts model.Verdicts, given []string, now time.Time) error {
	byID := map[string]model.Answer{}
	var ids []string
	for _, a := range answers {
		byID[a.Question.ID] = a
		ids = append(ids, a.Question.ID)
	}
	find := func(q string) (string, error) {
		c, err := d.FindCountry(q)
		return c.ISO2, err
	}
	for _, g := range given {
		id, text, ok := strings.Cut(g, "=")
		id = strings.TrimSpace(id)
		a, known := byID[id]
		switch {
		case !ok:
			return usageError{fmt.Errorf("--answer %q: write it as ID=ANSWER, such as 1.1=yes", g)}
		case !known:
			return usageError{fmt.Errorf("--answer %q: this use case's questions are %s", g, strings.Join(ids, ", "))}
		}
		v, err := model.ParseVerdict(a, model.CleanText(text), find)
		if err != nil {
			return usageError{fmt.Errorf("--answer %s: %w", id, err)}
		}
		old := verdicts[id]
		v.Note, v.NoteUpdated = old.Note, old.NoteUpdated
		v.Updated = now.UTC().Format(time.RFC3339)
		verdicts[id] = v
	}
	return nil
}

// checkSubjectFlags checks that exactly one of --country and --region is
// given, and --region only with a use case asked of a region.
func checkSubjectFlags(uc model.UseCase, country, region bool) error {
	byRegion := false
	for _, k := range uc.Subjects {
		byRegion = byRegion || k == model.SubjectRegion
	}
	switch {
	case country && region:
		return usageError{errors.New("give --country or --region, not both")}
	case region && !byRegion:
		return usageError{fmt.Errorf("use case %d is asked of a country, not a region: give --country CODE", uc.Number)}
	case !country && !region && !byRegion:
		return usageError{fmt.Errorf("use case %d is asked of a country: give --country CODE", uc.Number)}
	case !country && !region:
		return usageError{fmt.Errorf("use case %d is asked of a country or a region: give --country CODE or --region NAME", uc.Number)}
	}
	return nil
}

// findSubject finds the country or the Wikimedia region.
func findSubject(d *model.Dataset, byRegion bool, country, region string) (model.Subject, error) {
	if byRegion {
		r, err := d.FindRegion(region)
		if err != nil {
			return model.Subject{}, usageError{err}
		}
		return model.Subject{Region: r, Grouping: model.GroupWikimedia}, nil
	}
	c, err := d.FindCountry(country)
	if err != nil {
		return model.Subject{}, usageError{err}
	}
	return model.Subject{Country: c}, nil
}

// checklistRequest reads --amount, which only use case 1 takes.
func checklistRequest(uc model.UseCase, given bool, amount string) (model.Request, error) {
	if !given {
		return model.Request{}, nil
	}
	if uc.Number != 1 {
		return model.Request{}, usageError{fmt.Errorf("--amount is the grant requested of use case 1; use case %d takes none", uc.Number)}
	}
	v, err := model.ParseAmount(amount)
	if err != nil {
		return model.Request{}, usageError{fmt.Errorf("--amount: %w", err)}
	}
	return model.Request{Amount: v, HasAmount: true}, nil
}

// savedVerdicts loads the verdicts and notes saved for the checklist in the
// user's data directory. A directory that cannot be found or a saved file
// that cannot be read never stops the report: it comes without verdicts,
// and the warning says why.
func savedVerdicts(uc model.UseCase, s model.Subject, year int) (model.Verdicts, string) {
	dir, err := session.DefaultDir()
	if err != nil {
		return model.Verdicts{}, "saved verdicts cannot be looked for: " + err.Error() + "; this report shows none"
	}
	v, err := session.New(dir).LoadYear(uc.Number, s.Key(), year)
	if err != nil {
		return model.Verdicts{}, err.Error() + "; this report shows no saved verdicts"
	}
	return v, ""
}

// checklistNotSaved is the error of a checklist's last save at exit, in
// one sentence that says what was lost, or nil.
func checklistNotSaved(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("a checklist's last answers could not be saved (%s); they are lost unless you give them again", strings.ReplaceAll(err.Error(), "\n", "; "))
}
