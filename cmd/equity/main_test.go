package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/equitylandscape/equity/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// equity runs the command line in-process with an empty environment (no
// terminal, no $EQUITY_DB, no NO_COLOR) and returns what it printed.
func equity(t *testing.T, environ map[string]string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errOut bytes.Buffer
	status = run(context.Background(), args, env{
		stdout: &out,
		stderr: &errOut,
		getenv: func(k string) string { return environ[k] },
		// Reports are dated: a fixed date keeps the golden files true.
		now: func() time.Time { return time.Date(2025, 3, 4, 9, 30, 0, 0, time.UTC) },
	})
	return out.String(), errOut.String(), status
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run `go test ./cmd/equity -update` to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (review, then `go test ./cmd/equity -update`):\n%s", path, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  want %s\n  got  %s", i+1, wl, gl)
		}
	}
	return ""
}

// The outputs are the contract with people who paste them and scripts that
// parse them: golden files hold them whole.
func TestGoldenOutputs(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"countries.csv", []string{"countries", "--format", "csv"}},
		{"countries-south-asia.txt", []string{"countries", "--region", "south asia", "--sort", "editorship"}},
		{"countries-2020.md", []string{"countries", "--year", "2020", "--region", "North America", "--format", "md"}},
		{"country-ng.txt", []string{"country", "ng"}},
		{"country-ng.md", []string{"country", "NG", "--format", "md"}},
		{"country-ng.json", []string{"country", "NG", "--format", "json"}},
		{"country-ng.csv", []string{"country", "NG", "--format", "csv"}},
		{"country-br-2019.txt", []string{"country", "brazil", "--year", "2019"}},
		{"indicators.txt", []string{"indicators"}},
		{"indicators.json", []string{"indicators", "--format", "json"}},
		{"info.txt", []string{"info"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, status := equity(t, nil, tt.args...)
			if status != 0 || errOut != "" {
				t.Fatalf("equity %v: status %d, stderr %q", tt.args, status, errOut)
			}
			golden(t, tt.name, out)
		})
	}
}

// `equity countries --format csv` prints a row for each of the 250
// countries and territories with the header first: each score's class, the
// year of each context figure, and modeled where a score of the row rests
// on a modeled figure — in the opening year (page views and access alone)
// none, in 2024 (modeled editors) most.
func TestCountriesCSV(t *testing.T) {
	for _, tt := range []struct {
		year        string
		modeledRows func(n int) bool
	}{
		{"", func(n int) bool { return n == 0 }},
		{"2024", func(n int) bool { return n > 200 }},
	} {
		args := []string{"countries", "--format", "csv"}
		if tt.year != "" {
			args = append(args, "--year", tt.year)
		}
		out, _, status := equity(t, nil, args...)
		if status != 0 {
			t.Fatalf("status %d", status)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 251 {
			t.Fatalf("%d records, want a header and 250 countries", len(recs))
		}
		want := []string{"iso2", "name", "region", "population", "internet_pct", "readership", "editorship", "programs", "grants", "affiliates", "access",
			"population_year", "internet_year", "readership_class", "editorship_class", "programs_class", "grants_class", "affiliates_class", "access_class", "modeled"}
		if strings.Join(recs[0], ",") != strings.Join(want, ",") {
			t.Errorf("header %v, want %v", recs[0], want)
		}
		seen := map[string]bool{}
		modeled := 0
		for _, r := range recs[1:] {
			seen[r[0]] = true
			hasModeled := slices.Contains(r[13:19], "modeled")
			if got := r[len(r)-1] == "true"; got != hasModeled {
				t.Errorf("%s %s: modeled %v, classes %v", tt.year, r[0], got, r[13:19])
			}
			if hasModeled {
				modeled++
			}
		}
		if !tt.modeledRows(modeled) {
			t.Errorf("year %q: %d rows modeled", tt.year, modeled)
		}
		if !seen["NA"] || !seen["NG"] || !seen["AQ"] || len(seen) != 250 {
			t.Errorf("%d distinct codes (NA %v, NG %v, AQ %v)", len(seen), seen["NA"], seen["NG"], seen["AQ"])
		}
	}
}

// A country is the same whichever way it is named.
func TestCountryByCodeOrName(t *testing.T) {
	want, _, _ := equity(t, nil, "country", "NG", "--format", "json")
	for _, q := range []string{"ng", "NGA", "nga", "nigeria", "Nigeria", "NIGERIA"} {
		got, errOut, status := equity(t, nil, "country", q, "--format", "json")
		if status != 0 || got != want {
			t.Errorf("equity country %s: status %d, stderr %q, same answer as NG: %v", q, status, errOut, got == want)
		}
	}
}

// JSON says where the figures come from and that they are modeled.
func TestJSONCarriesProvenance(t *testing.T) {
	out, _, _ := equity(t, nil, "country", "BR", "--format", "json", "--year", "2024")
	var doc struct {
		Dataset struct {
			Kind    string
			Modeled bool
			Origin  string
		}
		Notes  []string
		Scores []struct {
			Domain   string
			Presence *float64
			Modeled  bool
		}
		Inputs []struct {
			Indicator string
			Modeled   bool
			Source    string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Dataset.Kind != model.KindSample || !doc.Dataset.Modeled || doc.Dataset.Origin == "" {
		t.Errorf("dataset %+v", doc.Dataset)
	}
	if len(doc.Notes) == 0 || !strings.Contains(strings.Join(doc.Notes, " "), "MODELED") {
		t.Errorf("notes %q do not say the figures are modeled", doc.Notes)
	}
	if len(doc.Scores) != 6 || len(doc.Inputs) != 27 {
		t.Errorf("%d scores and %d inputs, want 6 and 27", len(doc.Scores), len(doc.Inputs))
	}
	// Brazil's readership is estimated from published page views; its
	// Access inputs are the World Bank's; its other activity figures are
	// modeled.
	estimated := map[string]bool{"Unique devices": true, "Pageviews": true, "Unique devices growth": true, "Pageviews growth": true}
	real := map[string]bool{"Internet users": true, "Mobile subscriptions": true, "Internet users growth": true, "Mobile subscriptions growth": true}
	for _, in := range doc.Inputs {
		switch {
		case real[in.Indicator]:
			if in.Modeled || !strings.Contains(in.Source, "World Bank") {
				t.Errorf("input %+v: want real, from the World Bank", in)
			}
		case estimated[in.Indicator] && (in.Modeled || !strings.Contains(in.Source, "estimated")):
			t.Errorf("input %+v: want estimated, not modeled, citing its method", in)
		case !estimated[in.Indicator] && (!in.Modeled || in.Source == ""):
			t.Errorf("input %+v: want modeled with a source", in)
		}
	}
}

// Bad input ends in one sentence on stderr and nothing on stdout; the
// status is 2 for a mistake on the command line, 1 for a file or database.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	random := filepath.Join(dir, "random.db")
	os.WriteFile(random, bytes.Repeat([]byte{0x5a, 0x17, 0xc3, 0x00}, 1000), 0o644)
	tests := []struct {
		name    string
		environ map[string]string
		args    []string
		say     string
		status  int
	}{
		{"unknown country", nil, []string{"country", "atlantis"}, `no country matches "atlantis"; did you mean`, exitUsage},
		{"ambiguous country", nil, []string{"country", "nige"}, "Niger (NE), Nigeria (NG)", exitUsage},
		{"no country given", nil, []string{"country"}, "accepts 1 arg", exitUsage},
		{"missing database", nil, []string{"--db", "/no/such.db", "countries"}, "/no/such.db does not exist", exitError},
		{"missing database from the environment", map[string]string{"EQUITY_DB": "/no/such.db"}, []string{"info"}, "/no/such.db does not exist", exitError},
		{"random bytes", nil, []string{"--db", random, "countries"}, "is not a SQLite database", exitError},
		{"a directory", nil, []string{"--db", dir, "info"}, "is a directory", exitError},
		{"unknown flag", nil, []string{"countries", "--bogus"}, "unknown flag: --bogus. Run `equity --help` for usage.", exitUsage},
		{"unknown command", nil, []string{"frobnicate"}, `unknown command "frobnicate"`, exitUsage},
		{"unknown format", nil, []string{"indicators", "--format", "xml"}, `unknown format "xml"; use one of table, csv, json, md`, exitUsage},
		{"year out of range", nil, []string{"countries", "--year", "2031"}, "no figures for 2031; its years are 2016–2025", exitUsage},
		{"bad year", nil, []string{"countries", "--year", "soon"}, `--year takes a whole number, not "soon".`, exitUsage},
		{"unknown region", nil, []string{"countries", "--region", "Atlantis"}, `no Wikimedia region matches "Atlantis"; the regions are`, exitUsage},
		{"unknown sort", nil, []string{"countries", "--sort", "height"}, `cannot sort by "height"`, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, status := equity(t, tt.environ, tt.args...)
			if status != tt.status {
				t.Errorf("status %d, want %d", status, tt.status)
			}
			if out != "" {
				t.Errorf("printed to stdout: %q", out)
			}
			if !strings.Contains(errOut, tt.say) {
				t.Errorf("stderr %q does not say %q", errOut, tt.say)
			}
			if strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.HasPrefix(errOut, "equity: ") {
				t.Errorf("stderr is not one line starting \"equity: \": %q", errOut)
			}
			if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
				t.Errorf("stderr shows a Go panic: %q", errOut)
			}
		})
	}
}

// Without arguments equity opens the explorer, which needs a terminal: in
// a pipe it says so and points to the commands.
func TestNoArgumentsWithoutTerminal(t *testing.T) {
	out, errOut, status := equity(t, nil)
	if status != 1 || out != "" || !strings.Contains(errOut, "the explorer needs a terminal") || !strings.Contains(errOut, "equity countries") {
		t.Errorf("status %d, stdout %q, stderr %q", status, out, errOut)
	}
	_, errOut, status = equity(t, nil, "--theme", "neon")
	if status != exitUsage || !strings.Contains(errOut, `unknown theme "neon"; use one of auto, dark, light, high-contrast, mono`) {
		t.Errorf("--theme neon: status %d, stderr %q", status, errOut)
	}
}

// The version comes from the linker flag the release build sets.
func TestVersionFromLdflags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin := filepath.Join(t.TempDir(), "equity")
	build := exec.Command("go", "build", "-ldflags", "-X github.com/equitylandscape/equity/cmd/equity/internal/version.version=v9.8.7-test", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "v9.8.7-test") {
		t.Errorf("equity --version = %q, %v; want it to name v9.8.7-test", out, err)
	}
}
