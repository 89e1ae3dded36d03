package store

import "github.com/equitylandscape/equity/model"

// provenances shares one model.Provenance among the observations that cite
// the same class, source and period (model.PointOf): the bundled database
// has 287 of them among its 66,318 observations.
type provenances struct {
	byText map[model.Provenance]*model.Provenance
	last   *model.Provenance // rows come in key order: mostly the last again
}

func newProvenances() *provenances {
	return &provenances{byText: map[model.Provenance]*model.Provenance{}}
}

// of is the shared copy of pv.
func (ps *provenances) of(pv model.Provenance) *model.Provenance {
	if ps.last != nil && *ps.last == pv {
		return ps.last
	}
	p, ok := ps.byText[pv]
	if !ok {
		p = &pv
		ps.byText[pv] = p
	}
	ps.last = p
	return p
}

// denseProvenances is the most slots packedProvenances gives every
// combination of the three columns' strings (512 kB of pointers); a pack
// with more combinations than that looks its rows up by their texts.
const denseProvenances = 1 << 16

// packedProvenances finds a packed row's shared provenance by the
// dictionary indexes of its class, source and period, not by their texts:
// a slot per combination, filled as rows come.
type packedProvenances struct {
	class, source, period *packColumn
	slots                 []*model.Provenance // by (period, source, class); nil when too many
	texts                 *provenances
}

func newPackedProvenances(class, source, period *packColumn) *packedProvenances {
	ps := &packedProvenances{class: class, source: source, period: period, texts: newProvenances()}
	if n := uint64(len(class.dict)) * uint64(len(source.dict)) * uint64(len(period.dict)); n <= denseProvenances {
		ps.slots = make([]*model.Provenance, n)
	}
	return ps
}

// at is row r's provenance, its texts as the pack cleaned them.
func (ps *packedProvenances) at(r int) *model.Provenance {
	c, s, p := ps.class.index(r), ps.source.index(r), ps.period.index(r)
	if ps.slots == nil {
		return ps.texts.of(model.Provenance{Class: model.Class(ps.class.clean[c]), Source: ps.source.clean[s], Period: ps.period.clean[p]})
	}
	k := (p*len(ps.source.dict)+s)*len(ps.class.dict) + c
	pv := ps.slots[k]
	if pv == nil {
		pv = ps.texts.of(model.Provenance{Class: model.Class(ps.class.clean[c]), Source: ps.source.clean[s], Period: ps.period.clean[p]})
		ps.slots[k] = pv
	}
	return pv
}
