package model

// Runs are observations as a database reads them, in the order of its key
// (country, indicator, year): one array of points, cut where the country
// or the indicator changes. A dataset's series are windows on that array,
// so loading builds each point once, not as an Observation first and then
// again as a Point, which was most of the time and memory a load took.
type Runs struct {
	Points []Point
	Keys   []RunKey
}

// RunKey says whose a run is and where in Runs.Points it starts; it ends
// where the next begins.
type RunKey struct {
	ISO2      string
	Indicator string
	At        int
}

// Add appends an observation; one of the same country and indicator as the
// last extends its run. Observations in another order are accepted too:
// New joins the runs of one series and sorts it by year.
func (r *Runs) Add(iso2, indicator string, p Point) {
	if n := len(r.Keys); n == 0 || r.Keys[n-1].ISO2 != iso2 || r.Keys[n-1].Indicator != indicator {
		r.Keys = append(r.Keys, RunKey{ISO2: iso2, Indicator: indicator, At: len(r.Points)})
	}
	r.Points = append(r.Points, p)
}

// Len is the number of observations.
func (r Runs) Len() int { return len(r.Points) }

// run is run k's points, with no room to grow: appending to one copies it
// rather than write over the next run.
func (r Runs) run(k int) Series {
	end := len(r.Points)
	if k+1 < len(r.Keys) {
		end = r.Keys[k+1].At
	}
	return Series(r.Points[r.Keys[k].At:end:end])
}

// runsOf groups observations into runs, their points sharing each
// provenance.
func runsOf(obs []Observation) Runs {
	r := Runs{Points: make([]Point, 0, len(obs))}
	var shared Provenances
	for _, o := range obs {
		r.Add(o.ISO2, o.Indicator, PointOf(o.Year, o.Value, shared.Of(o.Provenance)))
	}
	return r
}

// Provenances gives the points that cite the same class, source and period
// one Provenance to share (PointOf): the bundled database has 287 among
// its 66,318 observations. The zero value is ready to use.
type Provenances struct {
	byText map[Provenance]*Provenance
	last   *Provenance // observations come in key order: mostly the last again
}

// Of is the shared copy of pv.
func (ps *Provenances) Of(pv Provenance) *Provenance {
	if ps.last != nil && *ps.last == pv {
		return ps.last
	}
	p, ok := ps.byText[pv]
	if !ok {
		if ps.byText == nil {
			ps.byText = map[Provenance]*Provenance{}
		}
		p = &pv
		ps.byText[pv] = p
	}
	ps.last = p
	return p
}
