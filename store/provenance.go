package store

import "github.com/equitylandscape/equity/model"

// denseProvenances is the most slots packedProvenances gives every
// combination of the three columns' strings (512 kB of pointers); a pack
// with more combinations than that looks its rows up by their texts.
const denseProvenances = 1 << 16

// packedProvenances finds a packed row's shared provenance
// (model.Provenances) by the dictionary indexes of its class, source and
// period, not by their texts: a slot per combination, filled as rows come.
type packedProvenances struct {
	class, source, period *packColumn
	slots                 []*model.Provenance // by (period, source, class); nil when too many
	texts                 model.Provenances
}

func newPackedProvenances(class, source, period *packColumn) *packedProvenances {
	ps := &packedProvenances{class: class, source: source, period: period}
	if n := uint64(len(class.dict)) * uint64(len(source.dict)) * uint64(len(period.dict)); n <= denseProvenances {
		ps.slots = make([]*model.Provenance, n)
	}
	return ps
}

// at is row r's provenance, its texts as the pack cleaned them.
func (ps *packedProvenances) at(r int) *model.Provenance {
	c, s, p := ps.class.index(r), ps.source.index(r), ps.period.index(r)
	k := -1
	if ps.slots != nil {
		k = (p*len(ps.source.dict)+s)*len(ps.class.dict) + c
		if pv := ps.slots[k]; pv != nil {
			return pv
		}
	}
	pv := ps.texts.Of(model.Provenance{Class: model.Class(ps.class.clean[c]), Source: ps.source.clean[s], Period: ps.period.clean[p]})
	if k >= 0 {
		ps.slots[k] = pv
	}
	return pv
}
