package main

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/fang/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Help is laid out as fang lays it out (a title per part, keys in a column,
// descriptions beside them), but written here: fang takes its width from
// the process's standard output once, caps it at 120 and pads every line
// of prose to it, and leaves the lines of flags and commands as long as
// they come, so that an 80-column terminal broke them mid-word and a pipe
// got lines of blanks.
const (
	helpIndent    = 2   // prose and titles
	helpKeyIndent = 4   // usage, examples, commands and flags
	helpKeyGap    = 2   // between a key and its description
	helpKeyMax    = 24  // a command's usage wider than this is listed by name
	helpMaxWidth  = 100 // prose wider than this is hard to read
	helpPipeWidth = 80  // the width of help written to a pipe or a file
)

// helpStyles colour the parts of the help on a terminal; they are all plain
// elsewhere.
type helpStyles struct {
	title, program, command, flag, dim lipgloss.Style
}

func newHelpStyles(styled bool) helpStyles {
	if !styled {
		return helpStyles{}
	}
	// fang's ANSI scheme: the terminal's own palette, so that nothing
	// needs to ask the terminal for its background first.
	cs := fang.AnsiColorScheme(lipgloss.LightDark(true))
	return helpStyles{
		title:   lipgloss.NewStyle().Bold(true).Foreground(cs.Title),
		program: lipgloss.NewStyle().Bold(true),
		command: lipgloss.NewStyle().Foreground(cs.Command),
		flag:    lipgloss.NewStyle().Foreground(cs.Flag),
		dim:     lipgloss.NewStyle().Faint(true),
	}
}

// helpWidth is the width help is wrapped to: the terminal's (or COLUMNS),
// at most helpMaxWidth; helpPipeWidth in a pipe.
func helpWidth(s screen) int {
	w := s.width
	if w <= 0 {
		w = helpPipeWidth
	}
	return max(40, min(w, helpMaxWidth))
}

// writeHelp writes a command's help to standard output.
func writeHelp(e env, c *cobra.Command) {
	s := stdoutScreen(e)
	styled := s.tty && e.getenv("NO_COLOR") == ""
	var w io.Writer = e.stdout
	if styled {
		w = colorprofile.NewWriter(e.stdout, environ(e))
	}
	io.WriteString(w, renderHelp(c, helpWidth(s), newHelpStyles(styled)))
}

// renderHelp is a command's help, wrapped at width cells: no line is
// longer unless a single word is, and no word is broken.
func renderHelp(c *cobra.Command, width int, st helpStyles) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(strings.TrimRight(s, " ") + "\n") }
	title := func(s string) {
		line("")
		line(strings.Repeat(" ", helpIndent) + st.title.Render(strings.ToUpper(s)))
		line("")
	}

	line("")
	about := c.Long
	if about == "" {
		about = c.Short
	}
	for i, para := range paragraphs(about) {
		if i > 0 {
			line("")
		}
		for _, l := range wrapWords(para, width-helpIndent) {
			line(strings.Repeat(" ", helpIndent) + l)
		}
	}

	title("usage")
	usage := strings.TrimSpace(strings.ReplaceAll(c.UseLine(), "[flags]", ""))
	if c.HasAvailableSubCommands() {
		usage = c.CommandPath() + " [command]"
	}
	if c.HasAvailableFlags() {
		usage += " [--flags]"
	}
	for i, l := range wrapWords(usage, width-helpKeyIndent-helpIndent) {
		indent := helpKeyIndent
		if i > 0 {
			indent += helpIndent // under the command, not beside it
		}
		line(strings.Repeat(" ", indent) + st.program.Render(l))
	}

	if c.Example != "" {
		title("examples")
		for _, ex := range strings.Split(c.Example, "\n") {
			if ex = strings.TrimSpace(ex); ex == "" {
				continue
			}
			for _, l := range wrapCommand(ex, width-helpKeyIndent) {
				line(strings.Repeat(" ", helpKeyIndent) + l)
			}
		}
	}

	type entry struct{ key, help string }
	var cmds, flags []entry
	for _, sc := range c.Commands() {
		if !sc.IsAvailableCommand() && sc.Name() != "help" || sc.Hidden {
			continue
		}
		key := strings.TrimSpace(strings.ReplaceAll(sc.Use, "[flags]", ""))
		if ansi.StringWidth(key) > helpKeyMax {
			key = sc.Name()
		}
		cmds = append(cmds, entry{key, capitalize(sc.Short)})
	}
	add := func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		key := "--" + f.Name
		if f.Shorthand != "" {
			key = "-" + f.Shorthand + " " + key
		}
		help := capitalize(f.Usage)
		switch f.DefValue {
		case "", "false", "0", "[]":
		default:
			help += " (" + f.DefValue + ")"
		}
		flags = append(flags, entry{key, help})
	}
	c.LocalFlags().VisitAll(add)
	c.InheritedFlags().VisitAll(add)

	keyWidth := 0
	for _, e := range append(append([]entry{}, cmds...), flags...) {
		keyWidth = max(keyWidth, ansi.StringWidth(e.key))
	}
	list := func(name string, entries []entry, style lipgloss.Style) {
		if len(entries) == 0 {
			return
		}
		title(name)
		descWidth := width - helpKeyIndent - keyWidth - helpKeyGap
		for _, e := range entries {
			lines := wrapWords(e.help, descWidth)
			if descWidth < 20 {
				// Keys too wide for a column beside them: the
				// description goes under its key.
				line(strings.Repeat(" ", helpKeyIndent) + style.Render(e.key))
				for _, l := range wrapWords(e.help, width-helpKeyIndent-helpKeyGap) {
					line(strings.Repeat(" ", helpKeyIndent+helpKeyGap) + l)
				}
				continue
			}
			for i, l := range lines {
				key := ""
				if i == 0 {
					key = style.Render(e.key) + strings.Repeat(" ", keyWidth-ansi.StringWidth(e.key))
				} else {
					key = strings.Repeat(" ", keyWidth)
				}
				line(strings.Repeat(" ", helpKeyIndent) + key + strings.Repeat(" ", helpKeyGap) + l)
			}
		}
	}
	list("commands", cmds, st.command)
	list("flags", flags, st.flag)
	line("")
	return b.String()
}

// paragraphs splits prose at blank lines and joins the lines of each
// paragraph: the help texts are written with line breaks for reading in
// the source, and are wrapped again to the width at hand.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.TrimSpace(s), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// wrapWords breaks s at spaces into lines of at most width cells; a word
// wider than the line stands alone on its line, whole.
func wrapWords(s string, width int) []string {
	var lines []string
	cur, curW := "", 0
	for _, w := range strings.Fields(s) {
		ww := ansi.StringWidth(w)
		switch {
		case cur == "":
			cur, curW = w, ww
		case curW+1+ww <= width:
			cur, curW = cur+" "+w, curW+1+ww
		default:
			lines = append(lines, cur)
			cur, curW = w, ww
		}
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// wrapCommand breaks a command line at spaces with a backslash at the end of
// each broken line, so that the lines can still be pasted into a shell.
func wrapCommand(s string, width int) []string {
	const cont = "  " // continuation lines are indented under the command
	words := strings.Fields(s)
	var lines []string
	cur := ""
	for _, w := range words {
		limit := width - 2 // room for " \"
		if len(lines) > 0 {
			limit -= len(cont)
		}
		switch {
		case cur == "":
			cur = w
		case ansi.StringWidth(cur)+1+ansi.StringWidth(w) <= limit:
			cur += " " + w
		default:
			if len(lines) > 0 {
				cur = cont + cur
			}
			lines = append(lines, cur+" \\")
			cur = w
		}
	}
	if len(lines) > 0 {
		cur = cont + cur
	}
	return append(lines, cur)
}

// capitalize upper-cases the first letter, as fang's help does.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
