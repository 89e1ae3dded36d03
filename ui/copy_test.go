package ui_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/equitylandscape/equity/ui"
)

func TestShellQuote(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"NG", "NG"},
		{"--year", "--year"},
		{"", "''"},
		{"market:expand gdp<5k", "'market:expand gdp<5k'"},
		{`region:"South Asia"`, `'region:"South Asia"'`},
		{"Côte d'Ivoire", `'Côte d'\''Ivoire'`},
		{"$(rm -rf ~)", "'$(rm -rf ~)'"},
		{"a;b", "'a;b'"},
		{"=x", "'=x'"},
	} {
		if got := ui.ShellQuote(c.in); got != c.want {
			t.Errorf("ShellQuote(%q) = %s, want %s", c.in, got, c.want)
		}
	}
	// Control characters never reach the terminal or the clipboard.
	if got := ui.CommandLine([]string{"country", "N\x1b[31mG"}); strings.ContainsRune(got, 0x1b) {
		t.Errorf("CommandLine kept an escape: %q", got)
	}
}

// copied presses C and returns the command shown and the one put on the
// clipboard.
func copied(t *testing.T, dr *driver) (shown, clip string) {
	t.Helper()
	var cmd tea.Cmd
	dr.m, cmd = dr.m.Update(keyPress("C"))
	lines := strings.Split(dr.screen(), "\n")
	shown = strings.TrimSpace(lines[len(lines)-1])
	if cmd != nil {
		// tea.SetClipboard's message is the text, as a string type of
		// the package's own.
		for _, msg := range flatten(cmd) {
			if strings.Contains(fmt.Sprintf("%T", msg), "Clipboard") {
				clip = fmt.Sprint(msg)
			}
		}
	}
	return shown, clip
}

func flatten(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, flatten(c)...)
		}
		return out
	case nil:
		return nil
	default:
		return []tea.Msg{msg}
	}
}

// C on each screen shows the command that prints it and puts it on the
// clipboard.
func TestCopyAsCommand(t *testing.T) {
	d := sample(t)
	year := fmt.Sprint(d.DefaultYear())
	prevYear := d.Years[(slices.Index(d.Years, d.DefaultYear())+len(d.Years)-1)%len(d.Years)]
	for _, c := range []struct {
		name  string
		setup func(dr *driver)
		want  string
	}{
		{"countries", func(dr *driver) {}, "equity countries --year " + year},
		{"countries filtered and sorted", func(dr *driver) {
			dr.keys("f")
			dr.typing("market:expand gdp<5k")
			dr.keys("enter", "s", "s", "s", "s", "s", "S")
		}, "equity countries --filter 'market:expand gdp<5k' --sort editorship --reverse --year " + year},
		{"countries by region", func(dr *driver) { dr.keys("R", "S") }, "equity countries --region 'Central & Eastern Europe & Central Asia' --reverse --year " + year},
		{"countries searched", func(dr *driver) {
			dr.keys("/")
			dr.typing("nigeria")
			dr.keys("enter")
		}, "equity countries --filter nigeria --year " + year},
		{"country", func(dr *driver) {
			dr.keys("/")
			dr.typing("nigeria")
			dr.keys("enter", "enter", "Y")
		}, fmt.Sprintf("equity country NG --year %d", d.Years[len(d.Years)-2])},
		{"indicator", func(dr *driver) {
			dr.keys("/")
			dr.typing("kenya")
			dr.keys("enter", "enter", "down", "enter")
		}, "equity country KE --year " + year},
		{"regions", func(dr *driver) { dr.keys("2", "g") }, "equity regions --group subregion --year " + year},
		{"compare", func(dr *driver) { dr.keys("space", "space", "c") }, "equity compare AF AX --year " + year},
		{"checklist", func(dr *driver) {
			dr.keys("3", "enter")
			dr.typing("nigeria")
			dr.keys("enter", "right", "a")
			dr.typing("50k")
			dr.keys("enter")
		}, "equity checklist 1 --country NG --amount 50000 --year " + year},
		{"checklist of a region", func(dr *driver) {
			dr.keys("3", "down", "enter")
			dr.typing("south asia")
			dr.keys("enter")
		}, "equity checklist 2 --region 'South Asia' --year " + year},
		{"about", func(dr *driver) { dr.keys("4") }, "equity info"},
		{"movement", func(dr *driver) { dr.keys("5") }, "equity movement mtp --year " + year},
		{"strategy", func(dr *driver) { dr.keys("5", "v", "s") }, "equity movement initiatives --sort recommendation"},
		{"map", func(dr *driver) { dr.keys("6") }, "equity map --measure readership --year " + year},
		{"map of a measure and region", func(dr *driver) { dr.keys("6", "m", "m", "R", "Y") },
			fmt.Sprintf("equity map --measure readership.growth --year %d --region 'Central & Eastern Europe & Central Asia'", prevYear)},
	} {
		t.Run(c.name, func(t *testing.T) {
			dr := newDriver(t, d, 200, 40)
			c.setup(dr)
			shown, clip := copied(t, dr)
			if clip != c.want {
				t.Errorf("clipboard %q, want %q\n%s", clip, c.want, dr.screen())
			}
			if shown != "copied: "+c.want {
				t.Errorf("footer %q, want the command", shown)
			}
			dr.keys("down")
			mustNotContain(t, dr.screen(), "copied:")
		})
	}
	// A screen with nothing to print says so, and copies nothing.
	dr := newDriver(t, d, 80, 24)
	dr.keys("3")
	shown, clip := copied(t, dr)
	if clip != "" || !strings.Contains(shown, "no command") {
		t.Errorf("the picker copied %q, said %q", clip, shown)
	}
}
