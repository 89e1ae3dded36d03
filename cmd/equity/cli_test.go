package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
	"github.com/spf13/pflag"
)

// `equity __complete` offers the values a word may take, from the data:
// country names and codes (keeping the case typed, which bash insists on),
// regions, years, formats, use cases, sort keys and filter fields; a
// database that cannot be opened completes nothing and prints no error.
func TestCompletion(t *testing.T) {
	tests := []struct {
		name    string
		environ map[string]string
		args    []string
		want    []string // among the completions
		not     []string // not among them
	}{
		{"country names", nil, []string{"country", "ni"}, []string{"nigeria", "niger"}, []string{"nepal", "kenya"}},
		{"country names as typed", nil, []string{"country", "Ni"}, []string{"Nigeria", "Niger"}, nil},
		{"country codes", nil, []string{"country", "NG"}, []string{"NG", "NGA"}, nil},
		{"one country only", nil, []string{"country", "NG", ""}, nil, []string{"Nigeria", "Kenya"}},
		{"compare leaves out the named", nil, []string{"compare", "NG", "ni"}, []string{"niger"}, []string{"nigeria"}},
		{"regions", nil, []string{"countries", "--region", "sou"}, []string{"south Asia"}, []string{"Sub-Saharan Africa"}},
		{"years", nil, []string{"countries", "--year", ""}, []string{"2020"}, nil},
		{"formats", nil, []string{"country", "NG", "--format", ""}, []string{"table", "csv", "json", "md"}, nil},
		{"use cases", nil, []string{"checklist", ""}, []string{"1", "2"}, nil},
		{"checklist country", nil, []string{"checklist", "1", "--country", "keny"}, []string{"kenya"}, nil},
		{"sort keys", nil, []string{"countries", "--sort", ""}, []string{"name", "population", "editorship"}, nil},
		{"initiatives order", nil, []string{"movement", "initiatives", "--sort", "v"}, []string{"votes"}, []string{"number"}},
		{"groupings", nil, []string{"regions", "--group", "e"}, []string{"emerging", "economic"}, nil},
		{"themes", nil, []string{"--theme", "h"}, []string{"high-contrast"}, nil},
		{"filter fields", nil, []string{"countries", "--filter", "gdp<5k inter"}, []string{"gdp<5k internet<"}, nil},
		{"no database", map[string]string{"EQUITY_DB": "/no/such.db"}, []string{"country", "ni"}, nil, []string{"nigeria"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, status := equity(t, tt.environ, append([]string{"__complete"}, tt.args...)...)
			if status != 0 {
				t.Fatalf("status %d, stderr %q", status, errOut)
			}
			if strings.Contains(errOut, "equity:") || strings.Contains(strings.ToLower(errOut), "error") {
				t.Errorf("stderr %q", errOut)
			}
			got := map[string]bool{}
			for _, line := range strings.Split(out, "\n") {
				value, _, _ := strings.Cut(line, "\t")
				got[value] = true
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("%q not offered; got\n%s", w, out)
				}
			}
			for _, n := range tt.not {
				if got[n] {
					t.Errorf("%q offered", n)
				}
			}
		})
	}
}

// Every shell's script is written, and names the program.
func TestCompletionScripts(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		out, errOut, status := equity(t, nil, "completion", shell)
		if status != 0 || !strings.Contains(out, "equity") || !strings.Contains(out, "__complete") {
			t.Errorf("%s: status %d, stderr %q, %d bytes", shell, status, errOut, len(out))
		}
	}
}

// `equity man` is a roff manual page that documents the exit statuses.
func TestManPage(t *testing.T) {
	out, errOut, status := equity(t, nil, "man")
	if status != 0 || errOut != "" {
		t.Fatalf("status %d, stderr %q", status, errOut)
	}
	if !strings.HasPrefix(out, ".TH EQUITY 1 ") {
		t.Errorf("not roff: %q", out[:min(len(out), 80)])
	}
	for _, want := range []string{".SH EXIT STATUS", "2  a mistake on the command line", "1  a file, the database", "COUNTRIES", "--no-pager"} {
		if !strings.Contains(strings.ToUpper(out), strings.ToUpper(want)) {
			t.Errorf("the page does not say %q", want)
		}
	}
}

// Help is wrapped at word boundaries: at 80 columns no line is wider and
// every word of the command's description is there whole; in a pipe no
// line ends in blanks.
func TestHelpFits(t *testing.T) {
	words := regexp.MustCompile(`[a-z][a-z'-]*[a-z]`)
	for _, args := range [][]string{{"--help"}, {"countries", "--help"}, {"import", "--help"}, {"checklist", "--help"}, {"help", "country"}} {
		for _, environ := range []map[string]string{{"COLUMNS": "80"}, nil} {
			out, _, status := equity(t, environ, args...)
			if status != 0 {
				t.Fatalf("%v: status %d", args, status)
			}
			text := map[string]bool{}
			for _, w := range words.FindAllString(strings.ToLower(out), -1) {
				text[w] = true
			}
			for i, line := range strings.Split(out, "\n") {
				if w := ansi.StringWidth(line); w > 80 {
					t.Errorf("%v %v: line %d is %d wide: %q", args, environ, i+1, w, line)
				}
				if strings.TrimRight(line, " ") != line {
					t.Errorf("%v %v: line %d ends in blanks: %q", args, environ, i+1, line)
				}
			}
			// A word broken over two lines leaves halves that are not
			// words of the source.
			root := newRoot(env{getenv: func(string) string { return "" }})
			var path []string
			for _, a := range args {
				if a != "--help" && a != "help" {
					path = append(path, a)
				}
			}
			cmd, _, err := root.Find(path)
			if err != nil {
				t.Fatal(err)
			}
			source := cmd.Long
			if source == "" {
				source = cmd.Short
			}
			for _, sub := range cmd.Commands() {
				source += " " + sub.Short
			}
			cmd.Flags().VisitAll(func(f *pflag.Flag) { source += " " + f.Usage })
			for _, w := range words.FindAllString(strings.ToLower(source), -1) {
				if !text[w] {
					t.Errorf("%v %v: the word %q is not whole in the help", args, environ, w)
				}
			}
		}
	}
}

// --filter takes the explorer's filter language; --reverse reverses the
// sort, countries without the figure last either way; a filter that does
// not parse is one sentence and status 2.
func TestCountriesFilterAndReverse(t *testing.T) {
	codes := func(args ...string) []string {
		t.Helper()
		out, errOut, status := equity(t, nil, append([]string{"countries", "--format", "csv"}, args...)...)
		if status != 0 {
			t.Fatalf("%v: status %d, stderr %q", args, status, errOut)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var out2 []string
		for _, r := range recs[1:] {
			out2 = append(out2, r[0])
		}
		return out2
	}
	all := codes()
	south := codes("--filter", `region:"South Asia"`)
	if len(south) == 0 || len(south) >= len(all) || !contains(south, "IN") || contains(south, "NG") {
		t.Errorf("region filter kept %v", south)
	}
	poor := codes("--filter", "gdp<5k internet<20")
	if len(poor) == 0 || contains(poor, "US") {
		t.Errorf("gdp<5k internet<20 kept %v", poor)
	}
	if back := codes("--reverse"); back[0] != all[len(all)-1] || back[len(back)-1] != all[0] {
		t.Errorf("--reverse by name: %v … %v", back[0], back[len(back)-1])
	}
	up, down := codes("--sort", "editorship", "--year", "2024"), codes("--sort", "editorship", "--reverse", "--year", "2024")
	if up[0] == down[0] || len(up) != len(down) {
		t.Errorf("editorship %v, reversed %v", up[:3], down[:3])
	}
	// Without a score a country is last both ways.
	if last := up[len(up)-1]; last != down[len(down)-1] {
		t.Logf("last %s and %s (both without a score, or the same)", last, down[len(down)-1])
	}
	_, errOut, status := equity(t, nil, "countries", "--filter", "gdp<5x")
	if status != exitUsage || !strings.HasPrefix(errOut, `equity: --filter "gdp<5x": `) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("bad filter: status %d, stderr %q", status, errOut)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// On a terminal, long output goes through $PAGER, and --no-pager, a pipe,
// short output or a pager that cannot start print it directly.
func TestPager(t *testing.T) {
	dir := t.TempDir()
	paged := filepath.Join(dir, "paged.txt")
	pager := filepath.Join(dir, "pager")
	if err := os.WriteFile(pager, []byte("#!/bin/sh\ncat > "+paged+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		tty     bool
		pager   string
		args    []string
		paged   bool
		printed bool
	}{
		{"long on a terminal", true, pager, []string{"countries"}, true, false},
		{"--no-pager", true, pager, []string{"--no-pager", "countries"}, false, true},
		{"short on a terminal", true, pager, []string{"regions", "--format", "csv"}, false, true},
		{"no such pager", true, filepath.Join(dir, "no-such-pager"), []string{"countries"}, false, true},
		{"a pipe", false, pager, []string{"countries"}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove(paged)
			var stdout io.Writer
			var screen bytes.Buffer
			done := make(chan struct{})
			if tt.tty {
				ptmx, tty, err := pty.Open()
				if err != nil {
					t.Skipf("no pseudo-terminal: %v", err)
				}
				defer ptmx.Close()
				pty.Setsize(ptmx, &pty.Winsize{Rows: 24, Cols: 200})
				go func() { io.Copy(&screen, ptmx); close(done) }()
				stdout = tty
				defer func() {
					tty.Close()
					select {
					case <-done:
					case <-time.After(2 * time.Second):
					}
				}()
			} else {
				stdout = &screen
				close(done)
			}
			var errOut bytes.Buffer
			status := run(context.Background(), tt.args, env{
				stdout: stdout, stderr: &errOut,
				getenv: func(k string) string { return map[string]string{"PAGER": tt.pager, "NO_COLOR": "1"}[k] },
				now:    time.Now,
			})
			if f, ok := stdout.(*os.File); ok {
				f.Close()
				select {
				case <-done:
				case <-time.After(2 * time.Second):
				}
			}
			if status != 0 {
				t.Fatalf("status %d, stderr %q", status, errOut.String())
			}
			b, err := os.ReadFile(paged)
			if got := err == nil && len(b) > 0; got != tt.paged {
				t.Errorf("paged %v, want %v", got, tt.paged)
			}
			if got := strings.Contains(screen.String(), "SAMPLE DATA") || strings.Contains(screen.String(), "region"); got != tt.printed {
				t.Errorf("printed %v, want %v (%d bytes)", got, tt.printed, screen.Len())
			}
		})
	}
}
