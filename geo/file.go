package geo

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// The file format of sample-data/world.geo: a magic line, then the shapes,
// each as its ISO alpha-2 code, its kind, the name the source gives it, and
// either one point or its rings. Coordinates are Equal Earth plane units
// times quantum, rounded to integers, and stored as varint differences from
// the point before: the 110m outlines fit in about 40 kB and decode in well
// under a millisecond.
const (
	magic   = "EQGEO1\n"
	quantum = 1e4
)

// Kind says where a shape comes from.
type Kind byte

// The kinds of shape.
const (
	// Outline is a Natural Earth country outline.
	Outline Kind = iota
	// Part is rings taken out of another Natural Earth outline because the
	// dataset counts them as a country of their own (French Guiana out of
	// France); Source names where they come from.
	Part
	// Point is a country the outlines lack, at a point: a small island or
	// territory.
	Point
)

func (k Kind) String() string {
	switch k {
	case Outline:
		return "outline"
	case Part:
		return "part"
	}
	return "point"
}

// Shape is one record of the file.
type Shape struct {
	ISO2   string
	Kind   Kind
	Source string // the source's name for it ("Somaliland", "France")
	Rings  [][]Pt // outlines and parts; rings alternate outer and holes as the source has them
	At     Pt     // points
}

// Encode writes shapes in the file format.
func Encode(shapes []Shape) ([]byte, error) {
	b := []byte(magic)
	b = binary.AppendUvarint(b, uint64(len(shapes)))
	for _, s := range shapes {
		if len(s.ISO2) != 2 {
			return nil, fmt.Errorf("shape %q has ISO code %q; it needs two letters", s.Source, s.ISO2)
		}
		b = append(b, s.ISO2[0], s.ISO2[1], byte(s.Kind))
		b = binary.AppendUvarint(b, uint64(len(s.Source)))
		b = append(b, s.Source...)
		var px, py int64
		put := func(p Pt) {
			x, y := int64(math.Round(p.X*quantum)), int64(math.Round(p.Y*quantum))
			b = binary.AppendVarint(b, x-px)
			b = binary.AppendVarint(b, y-py)
			px, py = x, y
		}
		if s.Kind == Point {
			put(s.At)
			continue
		}
		b = binary.AppendUvarint(b, uint64(len(s.Rings)))
		for _, r := range s.Rings {
			b = binary.AppendUvarint(b, uint64(len(r)))
			for _, p := range r {
				put(p)
			}
		}
	}
	return b, nil
}

// errCorrupt is what a damaged file gives: the file is built into the
// binary, so a rebuild is the only remedy.
var errCorrupt = errors.New("the built-in world map is damaged; rebuild it with `go run ./cmd/mkmap`")

// reader reads the file's varints, remembering the first failure.
type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err, r.b = errCorrupt, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err, r.b = errCorrupt, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) bytes(n uint64) []byte {
	if uint64(len(r.b)) < n {
		r.err, r.b = errCorrupt, nil
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

// Decode reads shapes in the file format.
func Decode(data []byte) ([]Shape, error) {
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, errCorrupt
	}
	r := &reader{b: data[len(magic):]}
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) {
		return nil, errCorrupt
	}
	shapes := make([]Shape, 0, n)
	for range n {
		head := r.bytes(3)
		if r.err != nil {
			return nil, r.err
		}
		s := Shape{ISO2: string(head[:2]), Kind: Kind(head[2])}
		s.Source = string(r.bytes(r.uvarint()))
		var px, py int64
		get := func() Pt {
			px += r.varint()
			py += r.varint()
			return Pt{float64(px) / quantum, float64(py) / quantum}
		}
		switch s.Kind {
		case Point:
			s.At = get()
		case Outline, Part:
			rings := r.uvarint()
			if rings > uint64(len(r.b)) {
				return nil, errCorrupt
			}
			for range rings {
				m := r.uvarint()
				if m > uint64(len(r.b)) {
					return nil, errCorrupt
				}
				ring := make([]Pt, m)
				for i := range ring {
					ring[i] = get()
				}
				s.Rings = append(s.Rings, ring)
			}
		default:
			return nil, errCorrupt
		}
		if r.err != nil {
			return nil, r.err
		}
		shapes = append(shapes, s)
	}
	if len(r.b) != 0 {
		return nil, errCorrupt
	}
	return shapes, nil
}
