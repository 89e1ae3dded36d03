package main

import (
	"fmt"
	"strconv"

	"github.com/equitylandscape/equity/model"
)

// Source ids of the movement context: written by hand from the two
// documents, as sample-data/SOURCES.md says.
const (
	srcMTP      = "wmf-mtp-q1-fy2020-21"
	srcStrategy = "meta-global-conversations-2020-11"
)

// movementSources cites the documents the movement context is taken from.
func movementSources() []model.Source {
	return []model.Source{
		{ID: srcMTP, Title: "Thriving Movement Tuning Session Q1 FY20-21 (MTP Priority Update)", Publisher: "Wikimedia Foundation",
			Year: 2020, Licence: "published figures (no licence stated)", URL: "",
			Note: "The Medium-term plan's Thriving Movement metrics as the Foundation reported them for Q1 of FY2020-21 (July–September 2020): goals, baselines and the quarter's status. The document does not explain its marks (*, ⁺, ⁰, #, †); they are kept in the notes as given."},
		{ID: srcStrategy, Title: "Movement Strategy Global Conversations, Report, November 2020", Publisher: "Wikimedia movement (Meta-Wiki)",
			Year: 2020, Licence: "CC BY-SA 3.0 (the page); the vote counts are facts",
			URL:  "https://meta.wikimedia.org/wiki/Strategy/Wikimedia_movement/2018-20/Transition/Global_Conversations/Report/November_2020",
			Note: "Survey results of the Global Conversations of 21 and 22 November 2020: the 45 initiatives of the 10 recommendations and the votes each had. The page colours the initiatives by quartile; the quartiles here are computed from the votes by the page's definition."},
	}
}

// readMovement reads the hand-written movement context: the plan's
// published figures and the strategy initiatives.
func readMovement(dir string) (model.Movement, error) {
	var mv model.Movement
	metrics, err := readRecords(dir, "movement_metrics.csv")
	if err != nil {
		return mv, err
	}
	for _, r := range metrics {
		m := model.MovementMetric{ID: r["id"], Metric: r["metric"], Segment: r["segment"], Period: r["period"], Unit: r["unit"], Note: r["note"], Source: r["source_id"]}
		pos, err := strconv.Atoi(r["position"])
		if err != nil {
			return mv, fmt.Errorf("movement_metrics.csv %s: position %q is not a whole number", m.ID, r["position"])
		}
		m.Position = pos
		if m.Value, m.HasValue, err = r.num("value"); err != nil {
			return mv, fmt.Errorf("movement_metrics.csv %s: %w", m.ID, err)
		}
		if m.Change, m.HasChange, err = r.num("change_pct"); err != nil {
			return mv, fmt.Errorf("movement_metrics.csv %s: %w", m.ID, err)
		}
		if m.ID == "" || m.Source == "" {
			return mv, fmt.Errorf("movement_metrics.csv: a row has no id or no source_id")
		}
		mv.Metrics = append(mv.Metrics, m)
	}
	inits, err := readRecords(dir, "initiatives.csv")
	if err != nil {
		return mv, err
	}
	for _, r := range inits {
		var in model.Initiative
		for col, into := range map[string]*int{"number": &in.Number, "recommendation": &in.Recommendation, "votes": &in.Votes, "quartile": &in.Quartile} {
			v, err := strconv.Atoi(r[col])
			if err != nil {
				return mv, fmt.Errorf("initiatives.csv %s: column %s: %q is not a whole number", r["number"], col, r[col])
			}
			*into = v
		}
		in.Name, in.RecommendationName, in.Also, in.VoteNote, in.Bearing, in.Source = r["name"], r["recommendation_name"], r["also"], r["vote_note"], r["bearing"], r["source_id"]
		mv.Initiatives = append(mv.Initiatives, in)
	}
	// The quartiles are the page's, computed from the votes: a row that
	// says otherwise is a typing mistake in the votes or the quartile.
	q := model.Quartiles(mv.Initiatives)
	for _, in := range mv.Initiatives {
		if q[in.Number] != in.Quartile {
			return mv, fmt.Errorf("initiatives.csv %d: quartile %d, but its %d votes place it in quartile %d", in.Number, in.Quartile, in.Votes, q[in.Number])
		}
	}
	return mv, nil
}
