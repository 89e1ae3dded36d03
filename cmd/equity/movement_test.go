package main

import (
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// `equity movement`, whole, in the four formats.
func TestMovementGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"movement-mtp.txt", []string{"movement", "mtp"}},
		{"movement-mtp.md", []string{"movement", "mtp", "--format", "md"}},
		{"movement-mtp.csv", []string{"movement", "mtp", "--format", "csv"}},
		{"movement-mtp-2021.json", []string{"movement", "mtp", "--year", "2021", "--format", "json"}},
		{"movement-initiatives.txt", []string{"movement", "initiatives"}},
		{"movement-initiatives-votes.md", []string{"movement", "initiatives", "--sort", "votes", "-f", "md"}},
		{"movement-initiatives.csv", []string{"movement", "initiatives", "--format", "csv"}},
		{"movement-initiatives.json", []string{"movement", "initiatives", "--sort", "recommendation", "--format", "json"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, status := equity(t, nil, tt.args...)
			if status != 0 || errOut != "" {
				t.Fatalf("equity %v: status %d, stderr %q", tt.args, status, errOut)
			}
			golden(t, tt.name, out)
		})
	}
}

// A page that does not exist, an order that does not exist: usage errors
// in one sentence.
func TestMovementRefuses(t *testing.T) {
	for _, args := range [][]string{
		{"movement"},
		{"movement", "initiatives", "--sort", "colour"},
		{"movement", "mtp", "--year", "1999"},
	} {
		_, errOut, status := equity(t, nil, args...)
		if status == 0 || strings.Count(strings.TrimSpace(errOut), "\n") > 2 {
			t.Errorf("equity %v: status %d, stderr %q", args, status, errOut)
		}
	}
}

// The CSV of the initiatives carries every vote as the page gives it, and
// each marked initiative its reason.
func TestMovementInitiativesCSV(t *testing.T) {
	votes := map[int]int{
		1: 34, 2: 74, 3: 62, 4: 32, 5: 11, 6: 12, 7: 18, 8: 26, 9: 51, 10: 13, 11: 72, 12: 14, 13: 9, 14: 19, 15: 7,
		16: 61, 17: 18, 18: 15, 19: 17, 20: 28, 21: 12, 22: 43, 23: 27, 24: 66, 25: 80, 26: 26, 27: 11, 28: 5, 29: 16,
		30: 25, 31: 36, 32: 50, 33: 57, 34: 21, 35: 30, 36: 32, 37: 35, 38: 24, 39: 22, 40: 10, 41: 23, 42: 11, 43: 15,
		44: 5, 45: 19,
	}
	out, _, status := equity(t, nil, "movement", "initiatives", "--format", "csv")
	if status != 0 {
		t.Fatal(status)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, k := range recs[0] {
		col[k] = i
	}
	if len(recs) != 46 {
		t.Fatalf("%d rows", len(recs)-1)
	}
	for _, r := range recs[1:] {
		n, _ := strconv.Atoi(r[col["number"]])
		v, _ := strconv.Atoi(r[col["votes"]])
		if votes[n] != v {
			t.Errorf("%d: %d votes, the page says %d", n, v, votes[n])
		}
		if (r[col["equity"]] == "true") != (r[col["bearing"]] != "") {
			t.Errorf("%d: marked %s with reason %q", n, r[col["equity"]], r[col["bearing"]])
		}
	}
}

// The JSON of the metrics page: the published goal is +5, and the bundled
// editor figures say they are partly modeled (Chile's of 2023 and 2024 are
// real).
func TestMovementMTPJSON(t *testing.T) {
	out, _, status := equity(t, nil, "movement", "mtp", "--format", "json")
	if status != 0 {
		t.Fatal(status)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["figures"] != "partly MODELED" {
		t.Errorf("figures %v", doc["figures"])
	}
	if !strings.Contains(out, `"change_pct": 5`) || !strings.Contains(out, `"id": "editors.goal"`) {
		t.Error("the goal is not in the output")
	}
}
