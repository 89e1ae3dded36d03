package main

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/ui/report"
	"github.com/equitylandscape/equity/ui/theme"
)

// Shell completion (cobra's bash, zsh, fish and powershell scripts, from
// `equity completion SHELL`) asks `equity __complete ARGS...` for the
// values a word may take. The values come from the database the command
// line names (--db, $EQUITY_DB, or the bundled one), loaded once per
// completion; a database that cannot be opened completes nothing, and says
// nothing: an error in the middle of a command line helps nobody.

// completer answers completions from the dataset, loaded at most once.
type completer struct {
	data func() (*model.Dataset, error)
}

func newCompleter(e env, opts *options) *completer {
	return &completer{data: sync.OnceValues(func() (*model.Dataset, error) {
		return loadLean(e, opts)
	})}
}

const noFiles = cobra.ShellCompDirectiveNoFileComp

// registerCompletions gives every command of the tree the completions of
// its arguments and flags, by the flags' names, so that a command added
// later with a --year or --format flag completes it too.
func registerCompletions(root *cobra.Command, c *completer) {
	flags := map[string]cobra.CompletionFunc{
		"year":    c.years,
		"format":  fixed(formatNames()...),
		"region":  c.regions,
		"country": c.countries(false),
		"group":   c.groupings,
		"filter":  c.filterFields,
		"theme":   fixed(theme.Names()...),
	}
	args := map[string]cobra.CompletionFunc{
		"equity country":   c.countries(true),
		"equity compare":   c.countries(false),
		"equity checklist": useCases,
	}
	sorts := map[string]cobra.CompletionFunc{
		"equity countries":            fixed(append([]string{"name", "population"}, domainIDs()...)...),
		"equity movement initiatives": fixed("number", "votes", "recommendation"),
	}
	var walk func(cmd *cobra.Command)
	walk = func(cmd *cobra.Command) {
		for name, f := range flags {
			if cmd.LocalNonPersistentFlags().Lookup(name) != nil || cmd == root && cmd.Flags().Lookup(name) != nil {
				_ = cmd.RegisterFlagCompletionFunc(name, f) // only fails for a flag that is not there
			}
		}
		if f, ok := sorts[cmd.CommandPath()]; ok {
			_ = cmd.RegisterFlagCompletionFunc("sort", f)
		}
		if f, ok := args[cmd.CommandPath()]; ok && cmd.ValidArgsFunction == nil {
			cmd.ValidArgsFunction = f
		}
		for _, sub := range cmd.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// fixed completes one of a list of words.
func fixed(words ...string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, w := range words {
			if s, ok := completes(w, prefix); ok {
				out = append(out, s)
			}
		}
		return out, noFiles
	}
}

func formatNames() []string {
	var names []string
	for _, f := range report.Formats() {
		names = append(names, string(f))
	}
	return names
}

func useCases(_ *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, noFiles
	}
	var out []cobra.Completion
	for _, uc := range model.UseCases() {
		if s, ok := completes(strconv.Itoa(uc.Number), prefix); ok {
			out = append(out, cobra.CompletionWithDesc(s, uc.Title))
		}
	}
	return out, noFiles
}

// countries completes country names, and ISO codes for a prefix of up to
// three letters, each described by the other. one takes a single country
// (equity country); otherwise the countries already named are not offered
// again (equity compare).
func (c *completer) countries(one bool) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if one && len(args) > 0 {
			return nil, noFiles
		}
		d, err := c.data()
		if err != nil {
			return nil, noFiles
		}
		named := map[string]bool{}
		for _, a := range args {
			if found, err := d.FindCountry(a); err == nil {
				named[found.ISO2] = true
			}
		}
		var names, codes []cobra.Completion
		for _, k := range d.Countries {
			if named[k.ISO2] {
				continue
			}
			name := model.CleanText(k.Name)
			if s, ok := completes(name, prefix); ok {
				names = append(names, cobra.CompletionWithDesc(s, k.ISO2+", "+model.CleanText(k.WikimediaRegion)))
			}
			if prefix == "" || utf8.RuneCountInString(prefix) > 3 {
				continue
			}
			for _, code := range []string{k.ISO2, k.ISO3} {
				if prefix == strings.ToLower(prefix) {
					code = strings.ToLower(code) // "ng", not "nG"
				}
				if s, ok := completes(code, prefix); ok {
					codes = append(codes, cobra.CompletionWithDesc(s, name))
				}
			}
		}
		return append(names, codes...), noFiles
	}
}

func (c *completer) regions(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	d, err := c.data()
	if err != nil {
		return nil, noFiles
	}
	var out []cobra.Completion
	for _, r := range d.WikimediaRegions() {
		if s, ok := completes(model.CleanText(r), prefix); ok {
			out = append(out, s)
		}
	}
	return out, noFiles
}

// years completes the database's years, the latest first.
func (c *completer) years(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	d, err := c.data()
	if err != nil {
		return nil, noFiles
	}
	var out []cobra.Completion
	for _, y := range slices.Backward(d.Years) {
		if s, ok := completes(strconv.Itoa(y), prefix); ok {
			out = append(out, s)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}

func (c *completer) groupings(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	var names []string
	for _, g := range model.Groupings() {
		names = append(names, string(g))
	}
	return fixed(names...)(nil, nil, prefix)
}

// filterFields completes the last term of a filter expression: a field of
// the filter language (indicators, domains, classifications) with its
// operator, described by what it holds.
func (c *completer) filterFields(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
	head, last := "", prefix
	if i := strings.LastIndexByte(prefix, ' '); i >= 0 {
		head, last = prefix[:i+1], prefix[i+1:]
	}
	neg := ""
	if strings.HasPrefix(last, "-") {
		neg, last = "-", last[1:]
	}
	var out []cobra.Completion
	for _, f := range model.FilterFields() {
		op := ":"
		if f.Kind == "number" {
			op = "<"
		}
		if s, ok := completes(f.Name, last); ok {
			out = append(out, cobra.CompletionWithDesc(head+neg+s+op, f.Help))
		}
	}
	return out, noFiles | cobra.ShellCompDirectiveNoSpace
}

// completes reports whether word completes prefix, ignoring case and
// accents, and returns it as the shell should insert it: bash keeps only
// the words that start with what was typed, letter for letter, so the
// letters typed are kept ("ni" completes to "nigeria", "Ni" to "Nigeria").
func completes(word, prefix string) (string, bool) {
	if prefix == "" {
		return word, true
	}
	if !strings.HasPrefix(model.Fold(word), model.Fold(prefix)) {
		return "", false
	}
	n := utf8.RuneCountInString(prefix)
	r := []rune(word)
	if n <= len(r) && strings.EqualFold(string(r[:n]), prefix) {
		return prefix + string(r[n:]), true
	}
	return word, true // the prefix differs in accents: offer the word itself
}
