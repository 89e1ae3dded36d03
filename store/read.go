package store

import (
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"

	"github.com/equitylandscape/equity/model"
)

// inconsistentError is a database whose tables SQLite reads fine but whose
// content contradicts itself (an observation of an unknown indicator, say).
type inconsistentError struct{ err error }

func (e *inconsistentError) Error() string { return e.err.Error() }
func (e *inconsistentError) Unwrap() error { return e.err }

// interner keeps one copy of each repeated string (country codes, indicator
// ids), cleaned of control characters, so that loading tens of thousands of
// rows neither allocates each again nor lets a hostile value through.
type interner struct {
	m map[string]string
	// last is the clean value each query column held in the row before:
	// rows come in key order, so a column mostly repeats it, and comparing
	// costs a fifth of a map lookup.
	last *[16]string
}

func newInterner() interner { return interner{m: map[string]string{}, last: new([16]string)} }

func (in interner) of(b []byte) string {
	if s, ok := in.m[string(b)]; ok {
		return s
	}
	s := model.CleanText(string(b))
	in.m[string(b)] = s
	return s
}

// at is column i of the current row, interned. A pack's strings were
// cleaned once each, when it was decoded, and are shared already.
func (in interner) at(w row, i int) string {
	if w.p != nil {
		return w.p.cleanText(i, w.i)
	}
	return in.atRow(w, i)
}

func (in interner) atRow(w row, i int) string {
	b := w.bytes(i)
	if i < len(in.last) && in.last[i] == string(b) {
		return in.last[i]
	}
	s := in.of(b)
	if i < len(in.last) && s == string(b) {
		in.last[i] = s // only a clean value: a cleaned one differs from its bytes
	}
	return s
}

// step reads one table into the parts.
type step struct {
	table string
	read  func(*rawDB, *model.Parts, interner) error
}

// readParts reads the tables (all but those c leaves out) into the parts
// of a Dataset, from their packs (packs.go) where c.packs allows and a
// pack is there, else from their rows. Every string passes through
// model.CleanText: whatever a database holds, no control character reaches
// a terminal. The observations, the largest table, are read on a second
// goroutine while the first reads the others: loading is most of a
// command's time, and on a second core the two take little more than the
// observations alone. Packed, they are decoded first on the one connection
// and made into points on the second goroutine, which needs no SQLite;
// else that goroutine steps through their rows on a second connection
// (from open). Each step writes its own fields of the parts; the first
// error in the steps' order is the one reported, as if they had run one
// after another. The parts but the observations go to c.meanwhile, if set,
// as soon as they are read.
func readParts(db *rawDB, open func() (*rawDB, error), version int, c loadConfig) (*model.Parts, error) {
	var p model.Parts
	readObservations := readObservations
	if version < 3 {
		readObservations = readObservationsV2
	}
	steps := []step{
		{"meta", readMeta},
		{"countries", readCountries},
		{"country_languages", readCountryLanguages},
		{"languages", readLanguages},
		{"wikis", readWikis},
		{"sources", readSources},
		{"indicators", readIndicators},
		{"observations", readObservations},
		{"scores", readScores},
		{"bounds", readBounds},
		{"country_wikis", readCountryWikis},
	}
	if version >= 3 {
		steps = append(steps, []step{
			{"missing", readMissing},
			{"noise", readNoise},
			{"readings", readReadings},
			{"movement_metrics", readMovementMetrics},
			{"initiatives", readInitiatives},
		}...)
	}
	steps = slices.DeleteFunc(steps, func(s step) bool { return c.skip[s.table] })
	apart := slices.IndexFunc(steps, func(s step) bool { return s.table == "observations" })
	obs, rest := steps[apart:apart+1], append(steps[:apart:apart], steps[apart+1:]...)
	other, packed := observationsReader(db, open, c.packs)
	if other == nil { // read them all on the first connection
		if _, err := runSteps(db, &p, steps, c.packs); err != nil {
			return nil, err
		}
		p.Partial = len(c.skip) > 0
		return &p, nil
	}
	var observed model.Parts // the observations' goroutine's own
	obsErr := make(chan error, 1)
	go func() {
		_, err := runSteps(other, &observed, obs, c.packs && !packed)
		if !packed {
			// Closed before the answer is sent: once it is, the caller
			// may close the embedded VFS, which refuses while a file is
			// open.
			other.close()
		}
		obsErr <- err
	}()
	at, err := runSteps(db, &p, rest, c.packs)
	p.Partial = len(c.skip) > 0
	if err == nil && c.meanwhile != nil {
		c.meanwhile(p)
	}
	oerr := <-obsErr
	if errors.Is(oerr, errNotPacked) {
		// A query of theirs has no pack after all: the connection reads
		// them, now that it is free.
		_, oerr = runSteps(db, &observed, obs, false)
	}
	switch {
	case err != nil && at < apart:
		return nil, err
	case oerr != nil:
		return nil, oerr
	case err != nil:
		return nil, err
	}
	p.Runs, p.Observations = observed.Runs, observed.Observations
	return &p, nil
}

// observationsReader is what reads the observations beside the first
// connection: packed, a reader of their packs alone, decoded on db; else a
// second connection, or nil when none opens.
func observationsReader(db *rawDB, open func() (*rawDB, error), packs bool) (r *rawDB, packed bool) {
	if packs && db.loadPacks(map[string]bool{"observations": true}) == nil && len(db.packs) > 0 {
		return &rawDB{packs: maps.Clone(db.packs)}, true
	}
	// A damaged pack is said by the second connection, in its place among
	// the steps' errors.
	if open == nil {
		return nil, false
	}
	other, err := open()
	if err != nil {
		return nil, false
	}
	return other, false
}

// runSteps runs steps in order on one connection, with its own interner
// (an interner is one goroutine's), until one fails: it says which. With
// packs, it first reads those of the steps' tables.
func runSteps(db *rawDB, p *model.Parts, steps []step, packs bool) (int, error) {
	if packs {
		want := map[string]bool{}
		for _, s := range steps {
			want[s.table] = true
		}
		if err := db.loadPacks(want); err != nil {
			return 0, err
		}
	}
	in := newInterner()
	for i, s := range steps {
		db.source = s.table
		if err := s.read(db, p, in); err != nil {
			return i, fmt.Errorf("read %s: %w", s.table, err)
		}
	}
	return len(steps), nil
}

func clean(w row, i int) string {
	if w.p != nil {
		return w.p.cleanText(i, w.i)
	}
	return model.CleanText(w.text(i))
}

func readMeta(db *rawDB, p *model.Parts, _ interner) error {
	return db.query("SELECT key, value FROM meta", func(w row) error {
		v := clean(w, 1)
		switch w.text(0) {
		case "title":
			p.Meta.Title = v
		case "kind":
			p.Meta.Kind = v
		case "built_at":
			p.Meta.BuiltAt = v
		case "notes":
			p.Meta.Notes = v
		}
		return nil
	})
}

func readCountries(db *rawDB, p *model.Parts, in interner) error {
	const q = `SELECT iso2, iso3, name, wikimedia_region, un_continent, un_subregion, economic_region,
		emerging_class, market_class, is_protected, data_risk_score, data_risk_class FROM countries`
	check := checkOf("countries", q)
	return db.query(q, func(w row) error {
		if err := check.row(w); err != nil {
			return err
		}
		c := model.Country{
			ISO2: in.at(w, 0), ISO3: clean(w, 1), Name: clean(w, 2),
			WikimediaRegion: in.at(w, 3), UNContinent: in.at(w, 4), UNSubregion: in.at(w, 5),
			EconomicRegion: in.at(w, 6), EmergingClass: in.at(w, 7), MarketClass: in.at(w, 8),
			Protected: w.int(9) != 0, DataRiskClass: in.at(w, 11),
		}
		if !w.null(10) {
			v := w.float(10)
			c.DataRiskScore = &v
		}
		p.Countries = append(p.Countries, c)
		return nil
	})
}

// readCountryLanguages attaches languages to the countries read before it.
func readCountryLanguages(db *rawDB, p *model.Parts, in interner) error {
	at := make(map[string]int, len(p.Countries))
	for i, c := range p.Countries {
		at[c.ISO2] = i
	}
	const q = "SELECT iso2, lang, population_pct, official_status FROM country_languages"
	check := checkOf("country_languages", q)
	return db.query(q, func(w row) error {
		if err := check.row(w); err != nil {
			return err
		}
		iso2, lang := in.at(w, 0), in.at(w, 1)
		i, ok := at[iso2]
		if !ok {
			return &inconsistentError{fmt.Errorf("language %s listed for unknown country %s", lang, iso2)}
		}
		p.Countries[i].Languages = append(p.Countries[i].Languages, model.CountryLanguage{
			Lang: lang, PopulationPct: w.float(2), OfficialStatus: in.at(w, 3),
		})
		return nil
	})
}

func readLanguages(db *rawDB, p *model.Parts, in interner) error {
	p.Languages = map[string]string{}
	return db.query("SELECT code, name FROM languages", func(w row) error {
		p.Languages[in.at(w, 0)] = clean(w, 1)
		return nil
	})
}

func readWikis(db *rawDB, p *model.Parts, in interner) error {
	return db.query("SELECT db, lang, project, status FROM wikis", func(w row) error {
		p.Wikis = append(p.Wikis, model.Wiki{DB: clean(w, 0), Lang: in.at(w, 1), Project: in.at(w, 2), Status: in.at(w, 3)})
		return nil
	})
}

func readSources(db *rawDB, p *model.Parts, _ interner) error {
	return db.query("SELECT id, title, publisher, year, licence, url, note FROM sources", func(w row) error {
		p.Sources = append(p.Sources, model.Source{
			ID: clean(w, 0), Title: clean(w, 1), Publisher: clean(w, 2), Year: w.int(3),
			Licence: clean(w, 4), URL: clean(w, 5), Note: clean(w, 6),
		})
		return nil
	})
}

func readIndicators(db *rawDB, p *model.Parts, in interner) error {
	const q = `SELECT id, domain, facet, name, unit, definition, weight, weight_published,
		growth_of, per, source_id, modeled FROM indicators ORDER BY rowid`
	check := checkOf("indicators", q)
	return db.query(q, func(w row) error {
		if err := check.row(w); err != nil {
			return err
		}
		p.Indicators = append(p.Indicators, model.Indicator{
			ID: in.at(w, 0), Domain: model.DomainID(in.at(w, 1)), Facet: model.Facet(in.at(w, 2)),
			Name: clean(w, 3), Unit: clean(w, 4), Definition: clean(w, 5),
			Weight: w.float(6), WeightPublished: w.int(7) != 0,
			GrowthOf: in.at(w, 8), Per: in.at(w, 9), SourceID: in.at(w, 10), Modeled: w.int(11) != 0,
		})
		return nil
	})
}

// runsFor makes room for n observations. A run (a country's indicator) is
// a dozen years long in the databases made so far: the bundled one has
// 5,082 runs of 66,318 observations; more runs than n/8 grow the list.
func runsFor(n int) model.Runs {
	return model.Runs{Points: make([]model.Point, 0, n), Keys: make([]model.RunKey, 0, n/8+1)}
}

func readObservations(db *rawDB, p *model.Parts, in interner) error {
	n, err := db.one("SELECT count(*) FROM observations")
	if err != nil {
		return err
	}
	p.Runs = runsFor(n)
	const q = "SELECT iso2, indicator_id, year, value, class, source_id, period FROM observations"
	check := checkOf("observations", q)
	// Packed as the schema has them, and every value fine, they are read
	// column by column: a row's accessors and check, a dozen calls a row,
	// were most of reading the largest table.
	if pk := db.packs[q]; pk != nil && pk.plain(packText, packText, packInteger, packReal, packText, packText, packText) && check.pack(pk) {
		iso2, ind, year, value := &pk.cols[0], &pk.cols[1], &pk.cols[2], &pk.cols[3]
		pvs := newPackedProvenances(&pk.cols[4], &pk.cols[5], &pk.cols[6])
		for r := range pk.rows {
			p.Runs.Add(iso2.cleanAt(r), ind.cleanAt(r), model.PointOf(int(year.integer(r)), value.real(r), pvs.at(r)))
		}
		return nil
	}
	var pvs model.Provenances
	return db.query(q, func(w row) error {
		if err := check.row(w); err != nil {
			return err
		}
		pv := pvs.Of(model.Provenance{Class: model.Class(in.at(w, 4)), Source: in.at(w, 5), Period: in.at(w, 6)})
		p.Runs.Add(in.at(w, 0), in.at(w, 1), model.PointOf(w.int(2), w.float(3), pv))
		return nil
	})
}

// readObservationsV2 reads a version 2 database's observations, which have
// no provenance of their own: model.New gives them their indicator's.
func readObservationsV2(db *rawDB, p *model.Parts, in interner) error {
	n, err := db.one("SELECT count(*) FROM observations")
	if err != nil {
		return err
	}
	p.Runs = runsFor(n)
	const q = "SELECT iso2, indicator_id, year, value FROM observations"
	check := checkOf("observations", q)
	return db.query(q, func(w row) error {
		if err := check.row(w); err != nil {
			return err
		}
		p.Runs.Add(in.at(w, 0), in.at(w, 1), model.PointOf(w.int(2), w.float(3), nil))
		return nil
	})
}

func readMissing(db *rawDB, p *model.Parts, in interner) error {
	const q = "SELECT iso2, indicator_id, year, reason, source_id FROM missing"
	check := checkOf("missing", q)
	return db.query(q, func(w row) error {
		if err := check.row(w); err != nil {
			return err
		}
		p.Missing = append(p.Missing, model.Missing{
			ISO2: in.at(w, 0), Indicator: in.at(w, 1), Year: w.int(2), Reason: in.at(w, 3), Source: in.at(w, 4),
		})
		return nil
	})
}

func readNoise(db *rawDB, p *model.Parts, in interner) error {
	const q = "SELECT iso2, indicator_id, year, epsilon, sd, sum_epsilon, threshold FROM noise"
	check := checkOf("noise", q)
	return db.query(q, func(w row) error {
		if err := check.row(w); err != nil {
			return err
		}
		p.Noise = append(p.Noise, model.Noise{
			ISO2: in.at(w, 0), Indicator: in.at(w, 1), Year: w.int(2), Epsilon: w.float(3), SD: w.float(4),
			SumEpsilon: w.float(5), Threshold: w.float(6),
		})
		return nil
	})
}

func readReadings(db *rawDB, p *model.Parts, in interner) error {
	n, err := db.one("SELECT count(*) FROM readings")
	if err != nil {
		return err
	}
	p.Readings = make([]model.Reading, 0, n)
	const q = `SELECT iso2, project, year, period, views, lower, upper, share, source_id FROM readings`
	check := checkOf("readings", q)
	return db.query(q, func(w row) error {
		if err := check.row(w); err != nil {
			return err
		}
		p.Readings = append(p.Readings, model.Reading{
			ISO2: in.at(w, 0), Project: in.at(w, 1), Year: w.int(2), Period: in.at(w, 3),
			Views: w.float(4), Bounds: model.Bounds{Lower: w.float(5), Upper: w.float(6)}, Share: w.float(7), Source: in.at(w, 8),
		})
		return nil
	})
}

// packedScores reads a scores pack in bulk, as readObservations, and
// straight into the dataset's table (Parts.ScoresFrom). The table reads
// them once the connection is closed, and the blob with it: the pack is
// detached first.
func packedScores(pk *pack) iter.Seq[model.Score] {
	pk.detach()
	iso2, dom, facet, year, score := &pk.cols[0], &pk.cols[1], &pk.cols[2], &pk.cols[3], &pk.cols[4]
	return func(yield func(model.Score) bool) {
		for r := range pk.rows {
			s := model.Score{
				ISO2: iso2.cleanAt(r), Domain: model.DomainID(dom.cleanAt(r)), Facet: model.Facet(facet.cleanAt(r)),
				Year: int(year.integer(r)), Score: score.real(r),
			}
			if !yield(s) {
				return
			}
		}
	}
}

func readScores(db *rawDB, p *model.Parts, in interner) error {
	const q = "SELECT iso2, domain, facet, year, score FROM scores"
	check := checkOf("scores", q)
	if pk := db.packs[q]; pk != nil && pk.plain(packText, packText, packText, packInteger, packReal) && check.pack(pk) {
		p.ScoresFrom = packedScores(pk)
		return nil
	}
	n, err := db.one("SELECT count(*) FROM scores")
	if err != nil {
		return err
	}
	p.Scores = make([]model.Score, 0, n)
	return db.query(q, func(w row) error {
		if err := check.row(w); err != nil {
			return err
		}
		p.Scores = append(p.Scores, model.Score{
			ISO2: in.at(w, 0), Domain: model.DomainID(in.at(w, 1)), Facet: model.Facet(in.at(w, 2)),
			Year: w.int(3), Score: w.float(4),
		})
		return nil
	})
}

func readBounds(db *rawDB, p *model.Parts, in interner) error {
	const q = "SELECT iso2, indicator_id, year, lower, upper FROM bounds"
	check := checkOf("bounds", q)
	return db.query(q, func(w row) error {
		if err := check.row(w); err != nil {
			return err
		}
		p.Bounds = append(p.Bounds, model.BoundObservation{
			ISO2: in.at(w, 0), Indicator: in.at(w, 1), Year: w.int(2),
			Bounds: model.Bounds{Lower: w.float(3), Upper: w.float(4)},
		})
		return nil
	})
}

func readCountryWikis(db *rawDB, p *model.Parts, in interner) error {
	const q = `SELECT iso2, wiki, year, editors_lower, editors_upper, very_active_lower, very_active_upper FROM country_wikis`
	check := checkOf("country_wikis", q)
	return db.query(q, func(w row) error {
		if err := check.row(w); err != nil {
			return err
		}
		p.CountryWikis = append(p.CountryWikis, model.CountryWiki{
			ISO2: in.at(w, 0), Wiki: in.at(w, 1), Year: w.int(2),
			Editors:    model.Bounds{Lower: w.float(3), Upper: w.float(4)},
			VeryActive: model.Bounds{Lower: w.float(5), Upper: w.float(6)},
		})
		return nil
	})
}

// readMovementMetrics reads the plan's published figures; a figure the
// document does not give is NULL.
func readMovementMetrics(db *rawDB, p *model.Parts, in interner) error {
	const q = `SELECT id, position, metric, segment, period, value, unit, change_pct, note, source_id FROM movement_metrics ORDER BY position, id`
	check := checkOf("movement_metrics", q)
	return db.query(q, func(w row) error {
		if err := check.row(w); err != nil {
			return err
		}
		m := model.MovementMetric{
			ID: clean(w, 0), Position: w.int(1), Metric: in.at(w, 2), Segment: in.at(w, 3), Period: in.at(w, 4),
			Unit: in.at(w, 6), Note: clean(w, 8), Source: in.at(w, 9),
		}
		if !w.null(5) {
			m.Value, m.HasValue = w.float(5), true
		}
		if !w.null(7) {
			m.Change, m.HasChange = w.float(7), true
		}
		p.Movement.Metrics = append(p.Movement.Metrics, m)
		return nil
	})
}

func readInitiatives(db *rawDB, p *model.Parts, in interner) error {
	const q = `SELECT number, name, recommendation, recommendation_name, votes, quartile, also, vote_note, bearing, source_id
		FROM initiatives ORDER BY number`
	check := checkOf("initiatives", q)
	return db.query(q, func(w row) error {
		if err := check.row(w); err != nil {
			return err
		}
		p.Movement.Initiatives = append(p.Movement.Initiatives, model.Initiative{
			Number: w.int(0), Name: clean(w, 1), Recommendation: w.int(2), RecommendationName: in.at(w, 3),
			Votes: w.int(4), Quartile: w.int(5), Also: clean(w, 6), VoteNote: clean(w, 7), Bearing: clean(w, 8), Source: in.at(w, 9),
		})
		return nil
	})
}
