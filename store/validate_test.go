package store_test

import (
	"database/sql"
	"math"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/equitylandscape/equity/store"
)

// loosen rebuilds a table without its NOT NULL constraints, as another
// program could write it, so that a NULL can be put in.
func loosen(table string) []string {
	return []string{
		"CREATE TABLE loose AS SELECT * FROM " + table,
		"DROP TABLE " + table,
		"ALTER TABLE loose RENAME TO " + table,
	}
}

// bindSQL runs one statement with Go values bound, such as NaN, which SQL
// text cannot spell.
func bindSQL(t *testing.T, path, stmt string, args ...any) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt, args...); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
}

// TestLoadRefusesBadValues puts a value that is not a usable number into
// each numeric column loading reads: each is refused with one sentence that
// names the table, the row by its key and the column, and shows nothing
// else of the row.
func TestLoadRefusesBadValues(t *testing.T) {
	const ng = "iso2 = 'NG' AND indicator_id = 'affiliates.count' AND year = 2019"
	const obs = "observations (NG, affiliates.count, 2019), column value"
	const fix = "; rebuild it with equity import, or leave out --db to use the bundled data"
	const score = "iso2 = 'NG' AND domain = 'affiliates' AND facet = 'growth' AND year = 2021"
	tests := []struct {
		name  string
		stmts []string
		bind  []any // arguments of the last statement
		want  string
	}{
		{"text in a value", []string{"UPDATE observations SET value = 'SECRET' WHERE " + ng},
			nil, "has a value that is not a number in " + obs + fix},
		{"a blob in a value", []string{"UPDATE observations SET value = x'5345435245' WHERE " + ng},
			nil, "has a value that is not a number in " + obs},
		{"NULL in a value", append(loosen("observations"), "UPDATE observations SET value = NULL WHERE "+ng),
			nil, "has no value (NULL) in " + obs},
		{"NaN in a value", append(loosen("observations"), "UPDATE observations SET value = ? WHERE "+ng),
			[]any{math.NaN()}, "has no value (NULL) in " + obs},
		{"+Inf in a value", []string{"UPDATE observations SET value = 9e999 WHERE " + ng},
			nil, "has an infinite value in " + obs},
		{"-Inf in a value", []string{"UPDATE observations SET value = ? WHERE " + ng},
			[]any{math.Inf(-1)}, "has an infinite value in " + obs},
		{"a year before the range", []string{"UPDATE observations SET year = 1800 WHERE " + ng},
			nil, "has a year outside 1960–2100 in observations (NG, affiliates.count, 1800), column year"},
		{"a year after the range", []string{"UPDATE observations SET year = 2101 WHERE " + ng},
			nil, "has a year outside 1960–2100 in observations (NG, affiliates.count, 2101), column year"},
		{"a year in text", []string{"UPDATE observations SET year = 'soon' WHERE " + ng},
			nil, "has a value that is not a number in observations (NG, affiliates.count, soon), column year"},
		{"a year with a fraction", []string{"UPDATE observations SET year = 2019.5 WHERE " + ng},
			nil, "has a year that is not a whole number in observations (NG, affiliates.count, 2019.5), column year"},
		{"a score above 100", []string{"UPDATE scores SET score = 100.5 WHERE " + score},
			nil, "has a score outside 0–100 in scores (NG, affiliates, growth, 2021), column score"},
		{"a score below 0", []string{"UPDATE scores SET score = -1e-9 WHERE " + score},
			nil, "has a score outside 0–100 in scores (NG, affiliates, growth, 2021), column score"},
		{"a score in text", []string{"UPDATE scores SET score = 'high' WHERE " + score},
			nil, "has a value that is not a number in scores (NG, affiliates, growth, 2021), column score"},
		{"a year of a score", []string{"UPDATE scores SET year = 3000 WHERE " + score},
			nil, "has a year outside 1960–2100 in scores (NG, affiliates, growth, 3000), column year"},
		{"a bound in text", []string{"INSERT INTO bounds VALUES ('NG', 'editorship.wp_editors', 2023, 'SECRET', 20)"},
			nil, "has a value that is not a number in bounds (NG, editorship.wp_editors, 2023), column lower"},
		{"an infinite bound", []string{"INSERT INTO bounds VALUES ('NG', 'editorship.wp_editors', 2023, 10, 9e999)"},
			nil, "has an infinite value in bounds (NG, editorship.wp_editors, 2023), column upper"},
		{"a year of a bound", []string{"INSERT INTO bounds VALUES ('NG', 'editorship.wp_editors', 1959, 10, 20)"},
			nil, "has a year outside 1960–2100 in bounds (NG, editorship.wp_editors, 1959), column year"},
		{"a wiki's editors in text", []string{"INSERT INTO country_wikis VALUES ('NG', 'hawiki', 2023, 10, 20, 'SECRET', 1)"},
			nil, "has a value that is not a number in country_wikis (NG, hawiki, 2023), column very_active_lower"},
		{"a wiki's year", []string{"INSERT INTO country_wikis VALUES ('NG', 'hawiki', 20230, 10, 20, 0, 1)"},
			nil, "has a year outside 1960–2100 in country_wikis (NG, hawiki, 20230), column year"},
		{"a data risk score in text", []string{"UPDATE countries SET data_risk_score = 'SECRET' WHERE iso2 = 'NG'"},
			nil, "has a value that is not a number in countries (NG), column data_risk_score"},
		{"an infinite data risk score", []string{"UPDATE countries SET data_risk_score = -9e999 WHERE iso2 = 'NG'"},
			nil, "has an infinite value in countries (NG), column data_risk_score"},
		{"protection in text", []string{"UPDATE countries SET is_protected = 'SECRET' WHERE iso2 = 'NG'"},
			nil, "has a value that is not a number in countries (NG), column is_protected"},
		{"a language share in text", []string{"UPDATE country_languages SET population_pct = 'SECRET' WHERE iso2 = 'AD' AND lang = 'ca'"},
			nil, "has a value that is not a number in country_languages (AD, ca), column population_pct"},
		{"a language share above 100", []string{"UPDATE country_languages SET population_pct = 101 WHERE iso2 = 'AD' AND lang = 'ca'"},
			nil, "has a percentage outside 0–100 in country_languages (AD, ca), column population_pct"},
		{"NULL in a language share", append(loosen("country_languages"), "UPDATE country_languages SET population_pct = NULL WHERE iso2 = 'AD' AND lang = 'ca'"),
			nil, "has no value (NULL) in country_languages (AD, ca), column population_pct"},
		{"a missing cell's year", []string{"INSERT INTO missing VALUES ('NG', 'editorship.wp_editors', 1066, 'SECRET', 'x')"},
			nil, "has a year outside 1960–2100 in missing (NG, editorship.wp_editors, 1066), column year"},
		{"noise in text", []string{"INSERT INTO noise VALUES ('NG', 'editorship.wp_editors', 2023, 1.1, 'SECRET', 0.9, 8)"},
			nil, "has a value that is not a number in noise (NG, editorship.wp_editors, 2023), column sd"},
		{"a negative epsilon", []string{"INSERT INTO noise VALUES ('NG', 'editorship.wp_editors', 2023, -1.1, 2, 0.9, 8)"},
			nil, "has a negative value in noise (NG, editorship.wp_editors, 2023), column epsilon"},
		{"an infinite threshold", []string{"INSERT INTO noise VALUES ('NG', 'editorship.wp_editors', 2023, 1.1, 2, 0.9, 9e999)"},
			nil, "has an infinite value in noise (NG, editorship.wp_editors, 2023), column threshold"},
		{"views in text", []string{"INSERT INTO readings VALUES ('NG', 'ha.wikipedia', 2017, '2017-06', 'SECRET', 1, 2, 3, 'x')"},
			nil, "has a value that is not a number in readings (NG, ha.wikipedia, 2017, 2017-06), column views"},
		{"negative views", []string{"INSERT INTO readings VALUES ('NG', 'ha.wikipedia', 2017, '2017-06', 10, -1, 20, 3, 'x')"},
			nil, "has a negative value in readings (NG, ha.wikipedia, 2017, 2017-06), column lower"},
		{"a share above 100", []string{"INSERT INTO readings VALUES ('NG', 'ha.wikipedia', 2017, '2017-06', 10, 9, 11, 130, 'x')"},
			nil, "has a percentage outside 0–100 in readings (NG, ha.wikipedia, 2017, 2017-06), column share"},
		{"a weight in text", []string{"UPDATE indicators SET weight = 'SECRET' WHERE id = 'affiliates.count'"},
			nil, "has a value that is not a number in indicators (affiliates.count), column weight"},
		{"a key with control characters", []string{"UPDATE observations SET iso2 = 'N' || char(27) || '[2J' || char(10) || 'G', value = 'SECRET' WHERE " + ng},
			nil, "has a value that is not a number in observations (N[2J G, affiliates.count, 2019), column value"},
		{"a very long key", []string{"UPDATE observations SET indicator_id = printf('%.300c', 'x'), value = 'SECRET' WHERE " + ng},
			nil, "has a value that is not a number in observations (NG, " + strings.Repeat("x", 39) + "…, 2019), column value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := copyEmbedded(t, dir, "x.db")
			last := len(tt.stmts) - 1
			execSQL(t, path, tt.stmts[:last]...)
			bindSQL(t, path, tt.stmts[last], tt.bind...)
			before := snapshot(t, dir)
			_, err := store.LoadFile(path)
			if err == nil {
				t.Fatal("LoadFile accepted it")
			}
			t.Log(err)
			checkError(t, err, path, tt.want)
			for _, leak := range []string{"SECRET", "SELECT", "WHERE", "x'", "9e999"} {
				if strings.Contains(err.Error(), leak) {
					t.Errorf("the message shows %q", leak)
				}
			}
			sameSnapshot(t, before, snapshot(t, dir))
		})
	}
}

// TestLoadAcceptsEdgeValues: what the columns may hold loads.
func TestLoadAcceptsEdgeValues(t *testing.T) {
	path := copyEmbedded(t, t.TempDir(), "x.db")
	execSQL(t, path,
		"UPDATE countries SET data_risk_score = NULL WHERE iso2 = 'NG'",
		"UPDATE scores SET score = 0 WHERE iso2 = 'NG' AND year = 2021 AND facet = 'growth' AND domain = 'affiliates'",
		"UPDATE scores SET score = 100 WHERE iso2 = 'NG' AND year = 2022 AND facet = 'growth' AND domain = 'affiliates'",
		"UPDATE observations SET value = -1e300 WHERE iso2 = 'NG' AND indicator_id = 'context.population' AND year = 2020",
	)
	if _, err := store.LoadFile(path); err != nil {
		t.Fatal(err)
	}
}

// TestLoadFSRefusesBadValues: the embedded database is checked too, and the
// advice is the embedded database's.
func TestLoadFSRefusesBadValues(t *testing.T) {
	path := copyEmbedded(t, t.TempDir(), "x.db")
	execSQL(t, path, "UPDATE scores SET score = 250 WHERE iso2 = 'NG' AND domain = 'affiliates' AND facet = 'growth' AND year = 2021")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = store.LoadFS(fstest.MapFS{"equity.db": {Data: b}}, "equity.db")
	if err == nil {
		t.Fatal("LoadFS accepted it")
	}
	t.Log(err)
	checkError(t, err, store.EmbeddedOrigin, "has a score outside 0–100 in scores (", "this copy of equity is damaged; download it again")
}
