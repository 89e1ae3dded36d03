package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store/session"
	"github.com/equitylandscape/equity/ui/report"
)

func newChecklistCmd(e env, opts *options) *cobra.Command {
	var country, region, amount, format string
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
			"The report is Markdown by default, ready to paste into a grant review; --format json gives the same\n" +
			"for scripts and --format table aligned text. The signals' thresholds are this project's own.",
		Example: "  equity checklist 1 --country NG\n" +
			"  equity checklist 1 --country nigeria --amount 50k > nigeria-review.md\n" +
			"  equity checklist 2 --region \"South Asia\" --format json",
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
			d, err := load(e, opts)
			if err != nil {
				return err
			}
			y, err := pickYear(d, year)
			if err != nil {
				return err
			}
			s, err := findSubject(d, cmd.Flags().Changed("region"), country, region)
			if err != nil {
				return err
			}
			answers := d.Checklist(uc, s, y, req)
			verdicts, warning := savedVerdicts(uc, s)
			doc := report.Checklist(d, uc, s, y, answers, verdicts, req, e.now())
			if warning != "" {
				fmt.Fprintln(e.stderr, "equity: "+sentence(warning))
				doc.Notes = append(doc.Notes, "Saved verdicts left out: "+sentence(warning))
				doc.About["verdicts_error"] = warning
			}
			return emit(e, doc, string(f))
		},
	}
	cmd.Flags().StringVarP(&country, "country", "c", "", "the country: an ISO code (NG, NGA) or a name")
	cmd.Flags().StringVarP(&region, "region", "r", "", "the Wikimedia region (use case 2 only): a name or a unique prefix")
	cmd.Flags().IntVarP(&year, "year", "y", 0, "year of the figures (default: the latest)")
	cmd.Flags().StringVar(&amount, "amount", "", "requested grant in US dollars (use case 1 only): 50000, 50,000, $50k or 1.2m")
	cmd.Flags().StringVarP(&format, "format", "f", string(report.Markdown), "output format: md (the report), json or table")
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

// checklistFormat reads --format: the report has no CSV form, its evidence
// being nested under its questions.
func checklistFormat(s string) (report.Format, error) {
	f, err := report.ParseFormat(s)
	if err != nil {
		return "", usageError{fmt.Errorf("unknown format %q; use one of md, json, table", s)}
	}
	if f == report.CSV {
		return "", usageError{errors.New("a checklist has no CSV form, its evidence being nested under its questions; use md, json or table")}
	}
	return f, nil
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
			return model.Subject{}, err
		}
		return model.Subject{Region: r, Grouping: model.GroupWikimedia}, nil
	}
	c, err := d.FindCountry(country)
	if err != nil {
		return model.Subject{}, err
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
func savedVerdicts(uc model.UseCase, s model.Subject) (model.Verdicts, string) {
	dir, err := session.DefaultDir()
	if err != nil {
		return model.Verdicts{}, "saved verdicts cannot be looked for: " + err.Error() + "; this report shows none"
	}
	v, err := session.New(dir).Load(uc.Number, s.Key())
	if err != nil {
		return model.Verdicts{}, err.Error() + "; this report shows no saved verdicts"
	}
	return v, ""
}
