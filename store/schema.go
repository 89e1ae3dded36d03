// Package store keeps a model.Dataset in a SQLite file: the schema, opening a
// database read-only (the one embedded in the binary or a path), loading it
// into memory, and writing a new one.
package store

// SchemaVersion is the PRAGMA user_version of the databases this build
// writes. Bump it with any change to the tables below. Version 2 added
// bounds and country_wikis, for imported Geoeditors counts; version 3 the
// class, source and period of every observation, the missing cells with
// their reasons, the privacy noise of counts, the readings of editions, and
// the movement context: the plan's published figures and the strategy
// initiatives.
const SchemaVersion = 3

// OldestSchema is the oldest version this build still reads: a version 2
// database's observations take their indicator's class and source, as they
// meant then, so that a user's earlier import keeps working.
const OldestSchema = 2

// tableNames lists the tables of this build's schema, in the order they
// are created and checked.
func tableNames() []string { return tablesOf(SchemaVersion) }

// tablesOf lists the tables of a schema version.
func tablesOf(version int) []string {
	names := []string{"meta", "countries", "sources", "indicators", "observations", "scores", "languages", "country_languages", "wikis", "bounds", "country_wikis"}
	if version >= 3 {
		names = append(names, "missing", "noise", "readings", "movement_metrics", "initiatives")
	}
	return names
}

// schema creates an empty equity database. Scores are derived data: they are
// stored so that the file is useful on its own (sqlite3, Datasette) and
// recomputed by tests to prove they match the observations.
const schema = `
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
CREATE TABLE countries (
	iso2             TEXT PRIMARY KEY,
	iso3             TEXT NOT NULL,
	name             TEXT NOT NULL,
	wikimedia_region TEXT NOT NULL,
	un_continent     TEXT NOT NULL,
	un_subregion     TEXT NOT NULL,
	economic_region  TEXT NOT NULL,
	emerging_class   TEXT NOT NULL,
	market_class     TEXT NOT NULL,
	is_protected     INTEGER NOT NULL,
	data_risk_score  REAL,
	data_risk_class  TEXT NOT NULL
);
CREATE TABLE sources (
	id        TEXT PRIMARY KEY,
	title     TEXT NOT NULL,
	publisher TEXT NOT NULL,
	year      INTEGER NOT NULL,
	licence   TEXT NOT NULL,
	url       TEXT NOT NULL,
	note      TEXT NOT NULL
);
CREATE TABLE indicators (
	id               TEXT PRIMARY KEY,
	domain           TEXT NOT NULL,
	facet            TEXT NOT NULL,
	name             TEXT NOT NULL,
	unit             TEXT NOT NULL,
	definition       TEXT NOT NULL,
	weight           REAL NOT NULL,
	weight_published INTEGER NOT NULL,
	growth_of        TEXT NOT NULL,
	per              TEXT NOT NULL,
	source_id        TEXT NOT NULL,
	modeled          INTEGER NOT NULL
);
CREATE TABLE observations (
	iso2         TEXT NOT NULL,
	indicator_id TEXT NOT NULL,
	year         INTEGER NOT NULL,
	value        REAL NOT NULL,
	class        TEXT NOT NULL CHECK (class IN ('real', 'estimated', 'modeled')),
	source_id    TEXT NOT NULL,
	period       TEXT NOT NULL,
	PRIMARY KEY (iso2, indicator_id, year)
) WITHOUT ROWID;
CREATE TABLE scores (
	iso2   TEXT NOT NULL,
	domain TEXT NOT NULL,
	facet  TEXT NOT NULL,
	year   INTEGER NOT NULL,
	score  REAL NOT NULL,
	PRIMARY KEY (iso2, domain, facet, year)
) WITHOUT ROWID;
CREATE TABLE languages (
	code TEXT PRIMARY KEY,
	name TEXT NOT NULL
);
CREATE TABLE country_languages (
	iso2            TEXT NOT NULL,
	lang            TEXT NOT NULL,
	population_pct  REAL NOT NULL,
	official_status TEXT NOT NULL,
	PRIMARY KEY (iso2, lang)
) WITHOUT ROWID;
CREATE TABLE wikis (
	db      TEXT PRIMARY KEY,
	lang    TEXT NOT NULL,
	project TEXT NOT NULL,
	status  TEXT NOT NULL
);
CREATE TABLE bounds (
	iso2         TEXT NOT NULL,
	indicator_id TEXT NOT NULL,
	year         INTEGER NOT NULL,
	lower        REAL NOT NULL,
	upper        REAL NOT NULL,
	PRIMARY KEY (iso2, indicator_id, year)
) WITHOUT ROWID;
CREATE TABLE country_wikis (
	iso2              TEXT NOT NULL,
	wiki              TEXT NOT NULL,
	year              INTEGER NOT NULL,
	editors_lower     REAL NOT NULL,
	editors_upper     REAL NOT NULL,
	very_active_lower REAL NOT NULL,
	very_active_upper REAL NOT NULL,
	PRIMARY KEY (iso2, wiki, year)
) WITHOUT ROWID;
CREATE TABLE missing (
	iso2         TEXT NOT NULL,
	indicator_id TEXT NOT NULL,
	year         INTEGER NOT NULL,
	reason       TEXT NOT NULL,
	source_id    TEXT NOT NULL,
	PRIMARY KEY (iso2, indicator_id, year)
) WITHOUT ROWID;
CREATE TABLE noise (
	iso2         TEXT NOT NULL,
	indicator_id TEXT NOT NULL,
	year         INTEGER NOT NULL,
	epsilon      REAL NOT NULL,
	sd           REAL NOT NULL,
	sum_epsilon  REAL NOT NULL,
	threshold    REAL NOT NULL,
	PRIMARY KEY (iso2, indicator_id, year)
) WITHOUT ROWID;
CREATE TABLE readings (
	iso2      TEXT NOT NULL,
	project   TEXT NOT NULL,
	year      INTEGER NOT NULL,
	period    TEXT NOT NULL,
	views     REAL NOT NULL,
	lower     REAL NOT NULL,
	upper     REAL NOT NULL,
	share     REAL NOT NULL,
	source_id TEXT NOT NULL,
	PRIMARY KEY (iso2, project, year, period)
) WITHOUT ROWID;
CREATE TABLE movement_metrics (
	id         TEXT PRIMARY KEY,
	position   INTEGER NOT NULL,
	metric     TEXT NOT NULL,
	segment    TEXT NOT NULL,
	period     TEXT NOT NULL,
	value      REAL,
	unit       TEXT NOT NULL,
	change_pct REAL,
	note       TEXT NOT NULL,
	source_id  TEXT NOT NULL
);
CREATE TABLE initiatives (
	number              INTEGER PRIMARY KEY,
	name                TEXT NOT NULL,
	recommendation      INTEGER NOT NULL,
	recommendation_name TEXT NOT NULL,
	votes               INTEGER NOT NULL,
	quartile            INTEGER NOT NULL,
	also                TEXT NOT NULL,
	vote_note           TEXT NOT NULL,
	bearing             TEXT NOT NULL,
	source_id           TEXT NOT NULL
);
`
