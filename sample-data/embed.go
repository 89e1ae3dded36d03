// Package sampledata holds the bundled sample database, compiled into the
// binary so that equity works with no setup and no network.
//
// Rebuild it with `go run ./cmd/mksample -out sample-data/equity.db`; its
// Wikimedia activity figures are modeled (see SOURCES.md).
package sampledata

import "embed"

// DBName is the database's name inside FS.
const DBName = "equity.db"

// FS holds equity.db.
//
//go:embed equity.db
var FS embed.FS
