// Package theme holds the interface's styles. Four themes: dark and light,
// chosen from the terminal's background; high-contrast, for screen sharing
// and projectors; and mono, for NO_COLOR. No style carries meaning by colour
// alone: selection is also reverse video or a marker, matches are underlined,
// growth has arrows, scores have numbers.
package theme

import (
	"fmt"
	"image/color"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// The theme names --theme accepts.
const (
	Auto         = "auto"
	Dark         = "dark"
	Light        = "light"
	HighContrast = "high-contrast"
	Mono         = "mono"
)

// Names lists the themes for help texts and errors.
func Names() []string { return []string{Auto, Dark, Light, HighContrast, Mono} }

// Check validates a --theme value.
func Check(name string) error {
	for _, n := range Names() {
		if name == n {
			return nil
		}
	}
	return fmt.Errorf("unknown theme %q; use one of %s", name, strings.Join(Names(), ", "))
}

// Theme is a complete set of styles.
type Theme struct {
	Name string

	App       lipgloss.Style // the program's name in the header
	Tab       lipgloss.Style
	TabActive lipgloss.Style
	Crumb     lipgloss.Style
	CrumbLast lipgloss.Style
	Badge     lipgloss.Style // "SAMPLE DATA"
	Status    lipgloss.Style
	StatusKey lipgloss.Style

	Heading  lipgloss.Style // a section heading in a screen
	Label    lipgloss.Style // the label of a field
	Text     lipgloss.Style
	Muted    lipgloss.Style
	Strong   lipgloss.Style
	Error    lipgloss.Style
	Note     lipgloss.Style // a modeled / provenance note
	Selected lipgloss.Style // the cursor row
	Header   lipgloss.Style // a table header
	Match    lipgloss.Style // the part of a name a search matched
	Mark     lipgloss.Style // a marked row's marker
	Bar      lipgloss.Style
	BarTrack lipgloss.Style
	Up       lipgloss.Style
	Down     lipgloss.Style
	Flat     lipgloss.Style
	Box      lipgloss.Style // the frame of an overlay (help)
	Input    lipgloss.Style // a text input's prompt

	Help help.Styles
}

// palette is the handful of colours a theme is made of.
type palette struct {
	fg, muted, accent, accentFg, selBg, selFg, badgeBg, badgeFg, match, up, down, err, track color.Color
}

// New builds a theme by name; dark says whether the terminal's background is
// dark, for the auto theme.
func New(name string, dark bool) *Theme {
	switch name {
	case Mono:
		return mono()
	case HighContrast:
		return build(HighContrast, palette{
			fg: lipgloss.Color("#FFFFFF"), muted: lipgloss.Color("#E0E0E0"), accent: lipgloss.Color("#FFFF00"),
			accentFg: lipgloss.Color("#000000"), selBg: lipgloss.Color("#FFFF00"), selFg: lipgloss.Color("#000000"),
			badgeBg: lipgloss.Color("#FFFFFF"), badgeFg: lipgloss.Color("#000000"), match: lipgloss.Color("#00FFFF"),
			up: lipgloss.Color("#00FF00"), down: lipgloss.Color("#FF5F5F"), err: lipgloss.Color("#FF5F5F"),
			track: lipgloss.Color("#808080"),
		}, true)
	case Light:
		dark = false
	case Dark:
		dark = true
	}
	if dark {
		return build(Dark, palette{
			fg: lipgloss.Color("#D8DEE9"), muted: lipgloss.Color("#8C93A3"), accent: lipgloss.Color("#7AA2F7"),
			accentFg: lipgloss.Color("#16161E"), selBg: lipgloss.Color("#364A82"), selFg: lipgloss.Color("#FFFFFF"),
			badgeBg: lipgloss.Color("#E0AF68"), badgeFg: lipgloss.Color("#16161E"), match: lipgloss.Color("#FFD866"),
			up: lipgloss.Color("#9ECE6A"), down: lipgloss.Color("#F7768E"), err: lipgloss.Color("#F7768E"),
			track: lipgloss.Color("#3B4261"),
		}, false)
	}
	return build(Light, palette{
		fg: lipgloss.Color("#1F2328"), muted: lipgloss.Color("#59636E"), accent: lipgloss.Color("#0550AE"),
		accentFg: lipgloss.Color("#FFFFFF"), selBg: lipgloss.Color("#DDF4FF"), selFg: lipgloss.Color("#0A3069"),
		badgeBg: lipgloss.Color("#9A6700"), badgeFg: lipgloss.Color("#FFFFFF"), match: lipgloss.Color("#8250DF"),
		up: lipgloss.Color("#1A7F37"), down: lipgloss.Color("#CF222E"), err: lipgloss.Color("#CF222E"),
		track: lipgloss.Color("#D0D7DE"),
	}, false)
}

func build(name string, p palette, bold bool) *Theme {
	s := lipgloss.NewStyle
	t := &Theme{
		Name:      name,
		App:       s().Bold(true).Foreground(p.accent),
		Tab:       s().Foreground(p.muted),
		TabActive: s().Bold(true).Foreground(p.accentFg).Background(p.accent),
		Crumb:     s().Foreground(p.muted),
		CrumbLast: s().Bold(true).Foreground(p.fg),
		Badge:     s().Bold(true).Foreground(p.badgeFg).Background(p.badgeBg),
		Status:    s().Foreground(p.muted),
		StatusKey: s().Foreground(p.fg),
		Heading:   s().Bold(true).Foreground(p.accent),
		Label:     s().Foreground(p.muted),
		Text:      s().Foreground(p.fg),
		Muted:     s().Foreground(p.muted),
		Strong:    s().Bold(true).Foreground(p.fg),
		Error:     s().Bold(true).Foreground(p.err),
		Note:      s().Italic(true).Foreground(p.muted),
		Selected:  s().Bold(true).Foreground(p.selFg).Background(p.selBg),
		Header:    s().Bold(true).Underline(true).Foreground(p.fg),
		Match:     s().Underline(true).Bold(true).Foreground(p.match),
		Mark:      s().Bold(true).Foreground(p.accent),
		Bar:       s().Foreground(p.accent),
		BarTrack:  s().Foreground(p.track),
		Up:        s().Foreground(p.up),
		Down:      s().Foreground(p.down),
		Flat:      s().Foreground(p.muted),
		Box:       s().Border(lipgloss.RoundedBorder()).BorderForeground(p.accent).Padding(0, 1),
		Input:     s().Bold(true).Foreground(p.accent),
	}
	if bold {
		// High contrast: muted text is still bright, so weight separates it.
		t.Text = t.Text.Bold(true)
		t.Label = t.Label.Bold(false)
	}
	t.Help = help.Styles{
		Ellipsis:       s().Foreground(p.muted),
		ShortKey:       s().Bold(true).Foreground(p.fg),
		ShortDesc:      s().Foreground(p.muted),
		ShortSeparator: s().Foreground(p.muted),
		FullKey:        s().Bold(true).Foreground(p.accent),
		FullDesc:       s().Foreground(p.fg),
		FullSeparator:  s().Foreground(p.muted),
	}
	return t
}

// mono has no colour at all: reverse video, bold, underline and faint carry
// every distinction.
func mono() *Theme {
	s := lipgloss.NewStyle
	return &Theme{
		Name:      Mono,
		App:       s().Bold(true),
		Tab:       s(),
		TabActive: s().Reverse(true).Bold(true),
		Crumb:     s(),
		CrumbLast: s().Bold(true),
		Badge:     s().Reverse(true).Bold(true),
		Status:    s(),
		StatusKey: s().Bold(true),
		Heading:   s().Bold(true).Underline(true),
		Label:     s(),
		Text:      s(),
		Muted:     s().Faint(true),
		Strong:    s().Bold(true),
		Error:     s().Bold(true),
		Note:      s().Italic(true),
		Selected:  s().Reverse(true),
		Header:    s().Bold(true).Underline(true),
		Match:     s().Underline(true).Bold(true),
		Mark:      s().Bold(true),
		Bar:       s(),
		BarTrack:  s().Faint(true),
		Up:        s().Bold(true),
		Down:      s().Bold(true),
		Flat:      s(),
		Box:       s().Border(lipgloss.NormalBorder()).Padding(0, 1),
		Input:     s().Bold(true),
		Help: help.Styles{
			Ellipsis: s(), ShortKey: s().Bold(true), ShortDesc: s(), ShortSeparator: s(),
			FullKey: s().Bold(true), FullDesc: s(), FullSeparator: s(),
		},
	}
}
