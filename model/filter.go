package model

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Filter is a parsed expression of the filter language of the Countries
// screen, which keeps the countries it matches. An expression is terms
// separated by spaces, all of which must hold:
//
//	expr   = { space } [ term { space { space } term } ] { space }
//	term   = [ "-" ] ( field op value | word )
//	field  = name [ "." facet ]            name: see FilterFields; facet: presence, growth, overall
//	op     = ":" | "<" | "<=" | ">" | ">=" | "=" | "!="   (":" for text fields, the others for numbers)
//	value  = quoted | bare
//	word   = quoted | bare                 a bare word: a substring of the name, ISO2 or ISO3
//	quoted = `"` { char | `\"` | `\\` } `"`  followed by a space or the end
//	bare   = { any character but a space or `"` }
//
// A leading "-" negates the term. Everything is case- and accent-insensitive.
// A field name may be shortened to any unique start of it ("pop>10m"); the
// domains also answer to their short names ("editors<40").
//
// Text fields match when the value, folded like region names (lower case, no
// accents, "&" read as "and", punctuation as a space), equals the country's
// folded field or is the start of it: region:south is South Asia, and
// subregion:western is Western Africa, Western Asia and Western Europe.
//
// Numbers take an optional k, m or b (thousand, million, billion) and a
// trailing % that is ignored. "=" and "!=" compare at the precision written,
// as a table shows figures rounded: editorship=40 holds for 39.5 ≤ x < 40.5,
// editorship=40.0 for 39.95 ≤ x < 40.05, population=10m for 9.5 m ≤ x < 10.5 m.
// "<", "<=", ">" and ">=" compare exactly.
//
// A country without a value for a field (no score that year, no region, no
// data risk score, no language) never matches a term on that field, and so
// always matches its negation: -editorship<40 keeps the countries without an
// editorship score.
//
// A Filter is immutable once parsed: copies share their terms safely. The
// zero Filter is empty and matches every country.
type Filter struct {
	src   string
	terms []term
}

// FilterError is a filter expression that cannot be parsed. Pos and End are
// byte offsets into the expression that delimit the offending token, for a
// caret under the input; Msg says what is wrong without the position.
type FilterError struct {
	Pos, End int
	Msg      string
	col      int // 1-based column of Pos in runes; 0 when unknown
}

// Error returns the message with the column it points at, "column N: msg",
// counting columns in characters from 1.
func (e *FilterError) Error() string {
	col := e.col
	if col == 0 {
		col = e.Pos + 1
	}
	return fmt.Sprintf("column %d: %s", col, e.Msg)
}

// FilterField describes a field of the filter language, for the help screen.
type FilterField struct {
	Name string
	Kind string // "text" (field:value) or "number" (field<number and the other comparisons)
	Help string
}

// FilterFields lists the fields of the filter language: where a country is,
// how it is classified, what it speaks, then its numbers.
func FilterFields() []FilterField {
	var out []FilterField
	for _, f := range fieldDefs() {
		if f.alias {
			continue
		}
		kind := "text"
		if f.number {
			kind = "number"
		}
		out = append(out, FilterField{Name: f.name, Kind: kind, Help: f.help})
	}
	return out
}

// Empty reports whether the filter has no terms and so matches everything.
func (f Filter) Empty() bool { return len(f.terms) == 0 }

// String returns the expression the filter was parsed from, trimmed.
func (f Filter) String() string { return f.src }

// Match reports whether the country satisfies every term of the filter in
// the given year (the year of the scores; context figures are the latest
// published at or before it, as Dataset.ContextAt gives them). d may be nil
// only for filters on names and classifications; without it, score, context
// and language-name terms find no value. Match does not allocate (for
// country text of ordinary length, under about 120 bytes).
func (f Filter) Match(d *Dataset, c Country, year int) bool {
	for i := range f.terms {
		if f.terms[i].holds(d, &c, year) == f.terms[i].neg {
			return false
		}
	}
	return true
}

// ParseFilter parses a filter expression. Its error, if any, is a
// *FilterError that points at the offending token.
func ParseFilter(s string) (Filter, error) {
	p := parser{src: s}
	f := Filter{src: strings.TrimSpace(s)}
	for i := p.skipSpace(0); i < len(s); i = p.skipSpace(i) {
		t, next, err := p.term(i)
		if err != nil {
			return Filter{}, err
		}
		f.terms = append(f.terms, t)
		i = next
	}
	return f, nil
}

type fieldID uint8

const (
	fieldWord fieldID = iota // a bare word: name, ISO2 or ISO3
	fieldRegion
	fieldSubregion
	fieldContinent
	fieldEconomic
	fieldClass
	fieldMarket
	fieldProtected
	fieldLang
	fieldWiki
	fieldScore
	fieldContext
	fieldRisk
)

type cmpOp uint8

const (
	opText cmpOp = iota
	opLT
	opLE
	opGT
	opGE
	opEQ
	opNE
)

// term is one parsed term, with its value folded and its field resolved, so
// that matching only compares.
type term struct {
	field  fieldID
	op     cmpOp
	neg    bool
	yes    bool     // fieldProtected
	dom    DomainID // fieldScore
	facet  Facet    // fieldScore
	ind    string   // fieldContext: the catalog id
	num    float64  // the number of a comparison
	lo, hi float64  // = and !=: the values that round to num as written
	text   []byte   // Fold of a word; regionKey of a text value or a language name
	code   string   // fieldLang, fieldWiki: the value as a language code
}

// fieldDef is a name the filter language knows.
type fieldDef struct {
	name    string
	id      fieldID
	number  bool
	dom     DomainID
	ind     string
	alias   bool   // another name of a field listed under its own name
	example string // a whole term
	help    string
}

func fieldDefs() []fieldDef {
	defs := []fieldDef{
		{name: "region", id: fieldRegion, example: `region:"South Asia"`,
			help: `Wikimedia region, by name or its start: region:"South Asia", region:sub`},
		{name: "subregion", id: fieldSubregion, example: "subregion:western",
			help: "UN sub-region: subregion:western (Western Africa, Asia and Europe)"},
		{name: "continent", id: fieldContinent, example: "continent:africa",
			help: "UN continent: continent:africa"},
		{name: "economic", id: fieldEconomic, example: "economic:south",
			help: "Global North or Global South: economic:north, economic:south"},
		{name: "class", id: fieldClass, example: "class:emerging",
			help: "Emerging community classification: developed, emerging or least (developed)"},
		{name: "market", id: fieldMarket, example: "market:build",
			help: "Market research classification: build, create, expand or protect"},
		{name: "protected", id: fieldProtected, example: "protected:yes",
			help: "On the country and territory protection list: protected:yes, protected:no"},
		{name: "lang", id: fieldLang, example: "lang:fr",
			help: "A language spoken there, by code or English name: lang:fr, lang:serbian"},
		{name: "wiki", id: fieldWiki, example: "wiki:sw",
			help: "A language spoken there with an open Wikipedia, by code or name: wiki:sw"},
	}
	for _, d := range Domains() {
		name := string(d.ID)
		defs = append(defs, fieldDef{name: name, id: fieldScore, number: true, dom: d.ID,
			example: name + "<40",
			help: fmt.Sprintf("%s score, 0–100 (also %s); add .presence or .growth for one facet: %s.growth>60",
				d.Name, strings.TrimSuffix(Fold(d.Short), "."), name)})
	}
	defs = append(defs,
		fieldDef{name: "population", id: fieldContext, number: true, ind: IndPopulation, example: "population>10m",
			help: "People: population>10m (k, m, b: thousand, million, billion)"},
		fieldDef{name: "internet", id: fieldContext, number: true, ind: IndInternet, example: "internet>50",
			help: "Internet users, % of the population: internet<20"},
		fieldDef{name: "mobile", id: fieldContext, number: true, ind: IndMobile, example: "mobile>100",
			help: "Mobile subscriptions per 100 people: mobile<80"},
		fieldDef{name: "literacy", id: fieldContext, number: true, ind: IndLiteracy, example: "literacy<60",
			help: "Literacy, % of the population: literacy<60"},
		fieldDef{name: "gdp", id: fieldContext, number: true, ind: IndGDPPerCap, example: "gdp<5k",
			help: "GDP per capita (PPP), US$: gdp<5k"},
		fieldDef{name: "risk", id: fieldRisk, number: true, example: "risk>60",
			help: "Data risk score, 0–100, higher is riskier: risk>60"},
	)
	// The domains' short names: "readers", "editors", "affil" (and "affil.").
	for _, d := range Domains() {
		short := Fold(d.Short)
		for _, n := range []string{short, strings.TrimSuffix(short, ".")} {
			if n != string(d.ID) && !hasDef(defs, n) {
				defs = append(defs, fieldDef{name: n, id: fieldScore, number: true, dom: d.ID, alias: true,
					example: n + "<40"})
			}
		}
	}
	return defs
}

func hasDef(defs []fieldDef, name string) bool {
	for _, f := range defs {
		if f.name == name {
			return true
		}
	}
	return false
}

func fieldNames(defs []fieldDef) string {
	var names []string
	for _, f := range defs {
		if !f.alias {
			names = append(names, f.name)
		}
	}
	return strings.Join(names, ", ")
}

// facetNames are the facets a domain field may name.
func facetNames() [3]Facet { return [3]Facet{Presence, Growth, Overall} }

// parser reads one expression.
type parser struct {
	src string
}

func (p *parser) fail(pos, end int, format string, args ...any) *FilterError {
	return &FilterError{Pos: pos, End: end, Msg: fmt.Sprintf(format, args...),
		col: 1 + utf8.RuneCountInString(p.src[:pos])}
}

// spaceAt reports whether a space starts at byte i, and its width.
func (p *parser) spaceAt(i int) (bool, int) {
	r, n := utf8.DecodeRuneInString(p.src[i:])
	return unicode.IsSpace(r), n
}

func (p *parser) skipSpace(i int) int {
	for i < len(p.src) {
		sp, n := p.spaceAt(i)
		if !sp {
			break
		}
		i += n
	}
	return i
}

// wordEnd returns where the run of non-space bytes from i ends.
func (p *parser) wordEnd(i int) int {
	for i < len(p.src) {
		sp, n := p.spaceAt(i)
		if sp {
			break
		}
		i += n
	}
	return i
}

func (p *parser) endsAt(i int) bool {
	if i >= len(p.src) {
		return true
	}
	sp, _ := p.spaceAt(i)
	return sp
}

func isOpByte(c byte) bool { return c == ':' || c == '<' || c == '>' || c == '=' || c == '!' }

// value is a term's value as written, unquoted.
type value struct {
	text     string
	pos, end int // the token in the source, quotes included
	quoted   bool
}

// term parses the term that starts at byte start and returns it with the
// index just after it.
func (p *parser) term(start int) (term, int, *FilterError) {
	s := p.src
	var t term
	i := start
	if s[i] == '-' {
		t.neg = true
		i++
		if p.endsAt(i) {
			return t, 0, p.fail(start, i, `"-" needs a term after it, as in -protected:yes`)
		}
	}
	keyStart := i
	for i < len(s) && !isOpByte(s[i]) && s[i] != '"' {
		sp, n := p.spaceAt(i)
		if sp {
			break
		}
		i += n
	}
	switch {
	case i == len(s) || !isOpByte(s[i]) && s[i] != '"':
		// A bare word.
		return p.word(t, value{text: s[keyStart:i], pos: keyStart, end: i}, i)
	case s[i] == '"' && i == keyStart:
		v, next, err := p.quoted(i)
		if err != nil {
			return t, 0, err
		}
		return p.word(t, v, next)
	case s[i] == '"':
		return t, 0, p.fail(i, i+1, `a quote can only open a value, as in region:"South Asia"`)
	}

	// A field, an operator and a value.
	opStart := i
	if opStart == keyStart {
		end := opStart
		for end < len(s) && isOpByte(s[end]) {
			end++
		}
		return t, 0, p.fail(opStart, end, "missing field before %q; the fields are %s", s[opStart:end], fieldNames(fieldDefs()))
	}
	def, facet, err := p.field(keyStart, opStart)
	if err != nil {
		return t, 0, err
	}
	opEnd := opStart
	for opEnd < len(s) && isOpByte(s[opEnd]) {
		opEnd++
	}
	op, ok := parseOp(s[opStart:opEnd])
	if !ok {
		return t, 0, p.fail(opStart, opEnd, "unknown operator %q; use : for text, or <, <=, >, >=, = or != for numbers", s[opStart:opEnd])
	}
	key := s[keyStart:opStart]
	switch {
	case def.number && op == opText:
		return t, 0, p.fail(opStart, opEnd, "%s is a number: compare it with < or >, as in %s", key, def.example)
	case !def.number && def.id == fieldProtected && op != opText:
		return t, 0, p.fail(opStart, opEnd, "%s is yes or no: write protected:yes or protected:no", key)
	case !def.number && op != opText:
		return t, 0, p.fail(opStart, opEnd, "%s is text: write %s:VALUE, as in %s", key, key, def.example)
	}

	var v value
	switch {
	case p.endsAt(opEnd):
		what := "value"
		if def.number {
			what = "number"
		}
		return t, 0, p.fail(keyStart, opEnd, "missing %s after %q; for example %s", what, s[keyStart:opEnd], def.example)
	case s[opEnd] == '"':
		v, i, err = p.quoted(opEnd)
		if err != nil {
			return t, 0, err
		}
	default:
		i = p.wordEnd(opEnd)
		if q := strings.IndexByte(s[opEnd:i], '"'); q >= 0 {
			return t, 0, p.fail(opEnd+q, opEnd+q+1, `a quote can only open a value, as in region:"South Asia"`)
		}
		v = value{text: s[opEnd:i], pos: opEnd, end: i}
	}

	t.field, t.op = def.id, op
	switch def.id {
	case fieldScore, fieldContext, fieldRisk:
		t.dom, t.ind = def.dom, def.ind
		if def.id == fieldScore {
			t.facet = facet
		}
		if err := p.number(&t, v); err != nil {
			return t, 0, err
		}
	case fieldProtected:
		yes, ok := yesNo(v.text)
		if !ok {
			return t, 0, p.fail(v.pos, v.end, "protected is yes or no, not %q", v.text)
		}
		t.yes = yes
	case fieldLang, fieldWiki:
		t.code = strings.ReplaceAll(Fold(strings.TrimSpace(v.text)), "-", "_")
		t.text = []byte(regionKey(v.text))
		if len(t.text) == 0 {
			return t, 0, p.fail(v.pos, v.end, "%q names no language; give a code or a name, as in %s", v.text, def.example)
		}
	default:
		k := regionKey(v.text)
		if k == "" {
			return t, 0, p.fail(v.pos, v.end, "%q has no letters or digits to match", v.text)
		}
		// "north" and "south" stand for Global North and Global South.
		if def.id == fieldEconomic && (strings.HasPrefix("north", k) || strings.HasPrefix("south", k)) {
			k = "global " + k
		}
		t.text = []byte(k)
	}
	return t, i, nil
}

// word makes a bare-word term: a substring of the name, ISO2 or ISO3.
func (p *parser) word(t term, v value, next int) (term, int, *FilterError) {
	w := Fold(v.text)
	if w == "" {
		return t, 0, p.fail(v.pos, v.end, "%q has nothing to search for", v.text)
	}
	t.field = fieldWord
	t.text = []byte(w)
	return t, next, nil
}

// quoted reads the double-quoted value that opens at byte q; `\"` stands
// for a quote and `\\` for a backslash. The closing quote must end the term.
func (p *parser) quoted(q int) (value, int, *FilterError) {
	s := p.src
	var b strings.Builder
	for i := q + 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\') {
				i++
			}
			b.WriteByte(s[i])
		case '"':
			end := i + 1
			if !p.endsAt(end) {
				_, n := utf8.DecodeRuneInString(s[end:])
				return value{}, 0, p.fail(end, end+n, "missing space after the closing quote")
			}
			return value{text: b.String(), pos: q, end: end, quoted: true}, end, nil
		default:
			b.WriteByte(s[i])
		}
	}
	return value{}, 0, p.fail(q, len(s), `unterminated quote: close it with "`)
}

// field resolves the field name s[from:to], with its facet for a domain.
func (p *parser) field(from, to int) (fieldDef, Facet, *FilterError) {
	raw := p.src[from:to]
	defs := fieldDefs()
	// "affil." is a name of its own before it is a name and a facet.
	if f, ok := exactDef(defs, Fold(raw)); ok {
		return f, Overall, nil
	}
	base, facetRaw, dotted := strings.Cut(raw, ".")
	baseEnd := from + len(base)
	key := Fold(base)
	if key == "" {
		return fieldDef{}, "", p.fail(from, to, "missing field before %q", raw)
	}
	for _, f := range facetNames() {
		if key == string(f) {
			return fieldDef{}, "", p.fail(from, baseEnd, "%s needs a domain, as in readership.%s>60", f, f)
		}
	}
	def, err := p.lookupField(defs, key, from, baseEnd)
	if err != nil {
		return fieldDef{}, "", err
	}
	if !dotted {
		return def, Overall, nil
	}
	if def.id != fieldScore {
		return fieldDef{}, "", p.fail(baseEnd, to, "%s has no .%s: only the domain scores (%s) have facets",
			base, facetRaw, domainIDs())
	}
	if facetRaw == "" {
		return fieldDef{}, "", p.fail(baseEnd, to, "missing facet after %q: add presence, growth or overall", raw)
	}
	fk := Fold(facetRaw)
	var found []Facet
	for _, f := range facetNames() {
		if strings.HasPrefix(string(f), fk) {
			found = append(found, f)
		}
	}
	if len(found) == 1 {
		return def, found[0], nil
	}
	var names []string
	for _, f := range facetNames() {
		names = append(names, string(f))
	}
	if close := nearestNames(fk, names); len(close) > 0 {
		return fieldDef{}, "", p.fail(baseEnd+1, to, "unknown facet %q; did you mean %s?", facetRaw, orList(close))
	}
	return fieldDef{}, "", p.fail(baseEnd+1, to, "unknown facet %q; use presence, growth or overall", facetRaw)
}

func exactDef(defs []fieldDef, key string) (fieldDef, bool) {
	for _, f := range defs {
		if f.name == key {
			return f, true
		}
	}
	return fieldDef{}, false
}

// lookupField finds a field by its name or a unique start of it.
func (p *parser) lookupField(defs []fieldDef, key string, from, to int) (fieldDef, *FilterError) {
	if f, ok := exactDef(defs, key); ok {
		return f, nil
	}
	var found []fieldDef
	for _, f := range defs {
		if key != "" && strings.HasPrefix(f.name, key) && !sameField(found, f) {
			found = append(found, f)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	raw := p.src[from:to]
	if len(found) > 1 {
		var names []string
		for _, f := range found {
			names = append(names, canonicalName(defs, f))
		}
		return fieldDef{}, p.fail(from, to, "field %q is ambiguous: %s?", raw, orList(names))
	}
	var names []string
	for _, f := range defs {
		names = append(names, f.name)
	}
	if close := nearestNames(key, names); len(close) > 0 {
		return fieldDef{}, p.fail(from, to, "unknown field %q; did you mean %s?", raw, orList(close))
	}
	return fieldDef{}, p.fail(from, to, "unknown field %q; the fields are %s", raw, fieldNames(defs))
}

// sameField reports whether f is one of found under another name.
func sameField(found []fieldDef, f fieldDef) bool {
	for _, g := range found {
		if g.id == f.id && g.dom == f.dom && g.ind == f.ind {
			return true
		}
	}
	return false
}

func canonicalName(defs []fieldDef, f fieldDef) string {
	for _, g := range defs {
		if !g.alias && g.id == f.id && g.dom == f.dom && g.ind == f.ind {
			return g.name
		}
	}
	return f.name
}

// nearestNames returns the names nearest to key by edit distance, when they are
// close enough to be a typo of it.
func nearestNames(key string, names []string) []string {
	limit := max(2, utf8.RuneCountInString(key)/3)
	best := limit + 1
	var out []string
	for _, n := range names {
		d := Levenshtein(key, n)
		switch {
		case d < best:
			best, out = d, []string{n}
		case d == best && !slices.Contains(out, n):
			out = append(out, n)
		}
	}
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

func parseOp(s string) (cmpOp, bool) {
	switch s {
	case ":":
		return opText, true
	case "<":
		return opLT, true
	case "<=":
		return opLE, true
	case ">":
		return opGT, true
	case ">=":
		return opGE, true
	case "=", "==":
		return opEQ, true
	case "!=":
		return opNE, true
	}
	return 0, false
}

// yesNo reads yes, no, true, false or a start of one of them.
func yesNo(s string) (yes, ok bool) {
	k := Fold(strings.TrimSpace(s))
	if k == "" {
		return false, false
	}
	switch {
	case strings.HasPrefix("yes", k), strings.HasPrefix("true", k):
		return true, true
	case strings.HasPrefix("no", k), strings.HasPrefix("false", k):
		return false, true
	}
	return false, false
}

// number reads a numeric value into t: digits with an optional sign and
// decimal point, then an optional k, m or b and an optional %.
func (p *parser) number(t *term, v value) *FilterError {
	s := v.text
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits, decimals := 0, 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			digits++
			decimals++
		}
	}
	if digits == 0 {
		return p.fail(v.pos, v.end, "%q is not a number", s)
	}
	numEnd := i
	rest := strings.TrimSuffix(s[numEnd:], "%")
	mult := 1.0
	switch strings.ToLower(rest) {
	case "":
	case "k":
		mult = 1e3
	case "m":
		mult = 1e6
	case "b":
		mult = 1e9
	default:
		switch {
		case isLetters(rest):
			pos, end := v.pos, v.end
			if !v.quoted {
				pos, end = v.pos+numEnd, v.pos+numEnd+len(rest)
			}
			return p.fail(pos, end, "unknown suffix %q in %q: use k, m or b (thousand, million, billion)", rest, s)
		case rest[0] == ',':
			return p.fail(v.pos, v.end, "%q is not a number: write it without thousands separators, with a point for decimals", s)
		}
		return p.fail(v.pos, v.end, "%q is not a number", s)
	}
	n, err := strconv.ParseFloat(s[:numEnd], 64)
	if err != nil {
		return p.fail(v.pos, v.end, "%q is not a number", s)
	}
	t.num = n * mult
	half := math.Pow10(-decimals) * mult / 2
	t.lo, t.hi = t.num-half, t.num+half
	return nil
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// holds reports whether the term, before negation, holds for the country.
func (t *term) holds(d *Dataset, c *Country, year int) bool {
	switch t.field {
	case fieldWord:
		return foldContains(c.Name, t.text) || foldContains(c.ISO2, t.text) || foldContains(c.ISO3, t.text)
	case fieldRegion:
		return keyHasPrefix(c.WikimediaRegion, t.text)
	case fieldSubregion:
		return keyHasPrefix(c.UNSubregion, t.text)
	case fieldContinent:
		return keyHasPrefix(c.UNContinent, t.text)
	case fieldEconomic:
		return keyHasPrefix(c.EconomicRegion, t.text)
	case fieldClass:
		return keyHasPrefix(c.EmergingClass, t.text)
	case fieldMarket:
		return keyHasPrefix(c.MarketClass, t.text)
	case fieldProtected:
		return c.Protected == t.yes
	case fieldLang, fieldWiki:
		return t.speaks(d, c)
	}
	v, ok := t.value(d, c, year)
	if !ok {
		return false
	}
	switch t.op {
	case opLT:
		return v < t.num
	case opLE:
		return v <= t.num
	case opGT:
		return v > t.num
	case opGE:
		return v >= t.num
	case opEQ:
		return v >= t.lo && v < t.hi
	case opNE:
		return v < t.lo || v >= t.hi
	}
	return false
}

func (t *term) value(d *Dataset, c *Country, year int) (float64, bool) {
	switch t.field {
	case fieldRisk:
		if c.DataRiskScore == nil {
			return 0, false
		}
		return *c.DataRiskScore, true
	case fieldScore:
		if d == nil {
			return 0, false
		}
		return d.Score(c.ISO2, t.dom, t.facet, year)
	case fieldContext:
		if d == nil {
			return 0, false
		}
		pt, ok := d.ContextAt(c.ISO2, t.ind, year)
		return pt.Value, ok
	}
	return 0, false
}

// speaks reports whether the country speaks the term's language (with an
// open Wikipedia, for wiki:).
func (t *term) speaks(d *Dataset, c *Country) bool {
	for i := range c.Languages {
		code := c.Languages[i].Lang
		if t.field == fieldWiki {
			if d == nil {
				return false
			}
			if w, ok := d.Wikipedia(code); !ok || !w.Open() {
				continue
			}
		}
		if t.isLanguage(d, code) {
			return true
		}
	}
	return false
}

// isLanguage reports whether a CLDR code is the term's language: by the code
// or its wiki code (which is also its base: "sr" for "sr_Latn", and "no" for
// "nb"), or by the start of the English name of the code or of its base
// ("chinese" for zh_Hant, "Traditional Chinese").
func (t *term) isLanguage(d *Dataset, code string) bool {
	if strings.EqualFold(code, t.code) || WikiLang(code) == t.code {
		return true
	}
	base, _, _ := strings.Cut(code, "_")
	if d == nil {
		return false
	}
	// A term that is itself a language or wiki code means that language
	// alone: "ar" is Arabic, not Aragonese by the start of its name.
	if _, isCode := d.Languages[t.code]; isCode {
		return false
	}
	if _, isWiki := d.wikipedia[t.code]; isWiki {
		return false
	}
	if n := d.Languages[code]; n != "" && keyHasPrefix(n, t.text) {
		return true
	}
	if n := d.Languages[base]; base != code && n != "" && keyHasPrefix(n, t.text) {
		return true
	}
	return false
}

// foldContains reports whether Fold(s) contains sub, without allocating for
// a string of ordinary length. sub is never empty, so an empty s never
// contains it; the test is only a short cut.
func foldContains(s string, sub []byte) bool {
	if s == "" {
		return false
	}
	var buf [128]byte
	return bytes.Contains(appendFold(buf[:0], s), sub)
}

// keyHasPrefix reports whether regionKey(s) starts with prefix, without
// allocating for a string of ordinary length. prefix is never empty, so an
// empty s never matches; the test is only a short cut.
func keyHasPrefix(s string, prefix []byte) bool {
	if s == "" {
		return false
	}
	var buf [128]byte
	return bytes.HasPrefix(appendKey(buf[:0], s, len(prefix)), prefix)
}

// appendKey appends regionKey(s) to dst in one pass. With a limit of zero or
// more it may stop once it has written that many bytes of the key: enough to
// compare a prefix.
func appendKey(dst []byte, s string, limit int) []byte {
	start := len(dst)
	gap := false
	var one [32]byte // one rune, folded
	for i := 0; i < len(s); {
		if limit >= 0 && len(dst)-start >= limit {
			break
		}
		var folded []byte
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			one[0] = c
			folded = one[:1]
			i++
		} else {
			_, n := utf8.DecodeRuneInString(s[i:])
			folded = appendFold(one[:0], s[i:i+n])
			i += n
		}
		for _, c := range folded {
			switch {
			case c == '&':
				if len(dst) > start {
					dst = append(dst, ' ')
				}
				dst = append(dst, "and"...)
				gap = true
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c >= utf8.RuneSelf:
				if gap && len(dst) > start {
					dst = append(dst, ' ')
				}
				gap = false
				dst = append(dst, c)
			default:
				gap = true
			}
		}
	}
	return dst
}

// Hangul syllables decompose by arithmetic, not by table.
const (
	hangulBase   = 0xAC00
	hangulCount  = 11172
	hangulLBase  = 0x1100
	hangulVBase  = 0x1161
	hangulTBase  = 0x11A7
	hangulTCount = 28
	hangulNCount = 588
)

// appendFold appends Fold(s) to dst, the same bytes, decomposing rune by rune
// so that nothing is allocated when dst has room.
func appendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= hangulBase && r < hangulBase+hangulCount:
			x := r - hangulBase
			dst = utf8.AppendRune(dst, hangulLBase+x/hangulNCount)
			dst = utf8.AppendRune(dst, hangulVBase+x%hangulNCount/hangulTCount)
			if tr := x % hangulTCount; tr != 0 {
				dst = utf8.AppendRune(dst, hangulTBase+tr)
			}
		default:
			if dec := norm.NFD.PropertiesString(s[i:]).Decomposition(); dec != nil {
				for j := 0; j < len(dec); {
					dr, m := utf8.DecodeRune(dec[j:])
					dst = appendFoldedRune(dst, dr)
					j += m
				}
			} else {
				dst = appendFoldedRune(dst, r)
			}
		}
		i += n
	}
	return dst
}

// appendFoldedRune appends a decomposed rune as Fold writes it.
func appendFoldedRune(dst []byte, r rune) []byte {
	switch {
	case unicode.Is(unicode.Mn, r):
		return dst
	case r == '’' || r == '‘':
		r = '\''
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// domainIDs lists the scored domains' ids: "readership, editorship, …".
func domainIDs() string {
	var ids []string
	for _, d := range Domains() {
		ids = append(ids, string(d.ID))
	}
	return strings.Join(ids, ", ")
}
