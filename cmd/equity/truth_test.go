package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// What issue 11 asks of the bundled data, as a person would read it: each
// figure with its class, the estimate with its method, the missing one
// with its reason.
func TestBundledFiguresSayWhatTheyAre(t *testing.T) {
	tests := []struct {
		name string
		args []string
		say  []string
	}{
		{"Mali's internet users of 2022 are the World Bank's", []string{"country", "ML", "--year", "2022"},
			[]string{"Internet users          35.2%  2022  real   World Bank WDI"}},
		{"Mali's readership of 2022 is estimated, with its method", []string{"country", "ML", "--year", "2022"},
			[]string{"Readership", "estimated", "ESTIMATED from published figures, not published: ", "log-linear between each country's nearest real figures"}},
		{"the United States' page views of September 2025 are real", []string{"country", "US"},
			[]string{"US) — 2025", "Pageviews                     presence  3.32 B", "real"}},
		{"China's readership of 2025 is missing, and why", []string{"country", "CN"},
			[]string{"withheld: protected country", "Missing in 2025: Pageviews: not in the release: protected country"}},
		{"Chile's editors of 2024 are real", []string{"country", "CL", "--year", "2024"},
			[]string{"Wikipedia editors", "real"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, status := equity(t, nil, tt.args...)
			if status != 0 {
				t.Fatalf("status %d: %s", status, errOut)
			}
			for _, want := range tt.say {
				if !strings.Contains(out, want) {
					t.Errorf("%v does not say %q:\n%s", tt.args, want, out)
				}
			}
		})
	}
}

// `equity info --format json` counts each input's figures by class, and no
// input with a published source in the reference is wholly modeled.
func TestInfoCountsClassesPerInput(t *testing.T) {
	out, _, status := equity(t, nil, "info", "--format", "json")
	if status != 0 {
		t.Fatal(status)
	}
	var doc struct {
		Inputs []struct {
			ID        string
			Real      int `json:"real_figures"`
			Estimated int `json:"estimated_figures"`
			Modeled   int `json:"modeled_figures"`
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	published := map[string]bool{
		"readership.pageviews": true, "readership.devices": true, // page views, regional devices
		"editorship.wp_editors": true, "editorship.all_editors": true, "editorship.very_active_pct": true, // Geoeditors (Chile)
		"context.internet_pct": true, "context.mobile_per100": true, "context.population": true, "context.gdp_pc_ppp": true, "context.literacy_pct": true,
	}
	seen := 0
	for _, in := range doc.Inputs {
		if !published[in.ID] {
			continue
		}
		seen++
		if in.Real+in.Estimated == 0 {
			t.Errorf("%s has a published source but all its %d figures are modeled", in.ID, in.Modeled)
		}
	}
	if seen != len(published) {
		t.Errorf("%d of the %d inputs with a published source are in info's counts: %s", seen, len(published), out[:min(len(out), 400)])
	}
}
