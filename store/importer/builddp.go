package importer

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"

	"github.com/equitylandscape/equity/model"
)

// isGeoeditorsDP tells a differentially private Geoeditors file from the
// older bucketed release by its first line (decompressed when gzipped):
// both are published as geoeditors-monthly-YYYY-MM.tsv.
func isGeoeditorsDP(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return false
	}
	return sniffDPReader(f)
}

func sniffDPReader(r io.Reader) bool {
	in := newInput(io.LimitReader(r, 64<<10))
	var src io.Reader = in
	if b, _ := in.Peek(2); len(b) == 2 && b[0] == 0x1f && b[1] == 0x8b {
		gz, err := gzip.NewReader(in)
		if err != nil {
			return false
		}
		defer gz.Close()
		src = gz
	}
	line, _ := newInput(io.LimitReader(src, 64<<10)).ReadString('\n')
	return SniffGeoeditorsDP(line)
}

// geoeditorsDP reads differentially private Geoeditors files and makes one
// full release of their years: per country and year, the active rows (5
// or more edits) of the Wikipedias feed Wikipedia editors, those of every
// project all-project editors, and the share of "100 or more" among the active
// levels ("5 to 99" and "100 or more") the very active share, as the
// catalog defines it; each month's sums are averaged over the
// months of the year imported, a country absent from a month's file
// counting as none that month (below the release threshold). The noise each
// figure carries is kept: the standard deviation of the mean of the noisy
// counts, from the country's epsilon (DPNoise).
func (b *builder) geoeditorsDP(paths []string, countries []model.Country) {
	names := NewNames(countries)
	type cy struct {
		iso2 string
		year int
	}
	type sums struct {
		wp, all, active, veryActive float64
		varWP, varAll               float64 // noise variance of the sums
		eps, sumEps, threshold      float64
	}
	var (
		files   []string
		byMonth = map[[2]int]string{}
		months  = map[int]int{}
		country = map[cy]*sums{}
		// Country × wiki × year sums, keyed by numbers rather than
		// strings: a month of a million rows has some 330,000 pairs.
		wikiSums = map[uint64][2]float64{} // active, very active
		wikiIDs  = map[string]uint64{}
		wikiOf   []string
		isoIDs   = map[string]uint64{}
		isoOf    []string
		rows     int
	)
	for _, path := range paths {
		cf, file, ok := b.open(path, "Geoeditors monthly (differentially private)")
		if !ok {
			continue
		}
		rel, ps := ReadGeoeditorsDP(bufio.NewReaderSize(cf, 64<<10), path, names)
		b.res.Problems = append(b.res.Problems, ps...)
		var spans []string
		for _, m := range rel.Months {
			spans = append(spans, fmt.Sprintf("%04d-%02d", m.Year, m.Month))
		}
		covers := strings.Join(spans, ", ")
		if covers == "" {
			covers = "no month"
		}
		file = b.done(cf, file, covers)
		if ps.Fatal() {
			continue
		}
		files = append(files, file.Name)
		b.source(file, "import-geodp-"+file.SHA256[:12], "Geoeditors (differentially private), "+covers+" ("+file.Name+")", "Wikimedia Foundation", "CC0-1.0",
			"https://analytics.wikimedia.org/published/datasets/geoeditors_monthly/", lastYear(rel), "Editor counts carry differential-privacy noise; the privacy parameters are kept.")
		for _, m := range rel.Months {
			key := [2]int{m.Year, m.Month}
			if prev, dup := byMonth[key]; dup {
				b.res.Problems = append(b.res.Problems, Problem{File: path, Msg: fmt.Sprintf("%04d-%02d is imported twice (also from %s): each month counts once in a year's average", m.Year, m.Month, prev), Fatal: true})
				continue
			}
			byMonth[key] = file.Name
			months[m.Year]++
			for iso2, c := range m.Countries {
				rows++
				s := country[cy{iso2, m.Year}]
				if s == nil {
					s = &sums{eps: math.Inf(1)}
					country[cy{iso2, m.Year}] = s
				}
				// Active editors, 5 or more edits in the month, as the
				// catalog's inputs count them (and the older release).
				s.wp += c.Wikipedia.Editors[DPLevel5to99] + c.Wikipedia.Editors[DPLevel100]
				s.all += c.All.Editors[DPLevel5to99] + c.All.Editors[DPLevel100]
				s.active += c.All.Editors[DPLevel5to99] + c.All.Editors[DPLevel100]
				s.veryActive += c.All.Editors[DPLevel100]
				if c.CountEps > 0 {
					n := func(d DPCounts) float64 {
						sd := DPNoise(d.Rows[DPLevel5to99]+d.Rows[DPLevel100], c.CountEps)
						return sd * sd
					}
					s.varWP += n(c.Wikipedia)
					s.varAll += n(c.All)
					s.eps = math.Min(s.eps, c.CountEps)
					s.sumEps = c.SumEps
					s.threshold = math.Max(s.threshold, c.Threshold)
				}
				ci, ok := isoIDs[iso2]
				if !ok {
					ci = uint64(len(isoOf))
					isoIDs[iso2] = ci
					isoOf = append(isoOf, iso2)
				}
				for wiki, lv := range c.Wikis {
					if lv[DPLevel5to99]+lv[DPLevel100] == 0 {
						continue // no active editor of the country there
					}
					wi, ok := wikiIDs[wiki]
					if !ok {
						wi = uint64(len(wikiOf))
						wikiIDs[wiki] = wi
						wikiOf = append(wikiOf, wiki)
					}
					k := uint64(m.Year)<<40 | ci<<24 | wi
					w := wikiSums[k]
					w[0] += lv[DPLevel5to99] + lv[DPLevel100]
					w[1] += lv[DPLevel100]
					wikiSums[k] = w
				}
			}
		}
	}
	if len(files) == 0 || b.res.Problems.Fatal() {
		return
	}
	if rows == 0 {
		b.noRows(File{Path: strings.Join(paths, ", ")})
		return
	}
	var keys [][2]int
	for k := range byMonth {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]*100+keys[i][1] < keys[j][0]*100+keys[j][1] })
	first, last := keys[0], keys[len(keys)-1]
	span := spanOf(first[0], first[1], last[0], last[1])
	id := fmt.Sprintf("import-geoeditors-%04d-%02d-%04d-%02d", first[0], first[1], last[0], last[1])
	b.sources = append(b.sources, model.Source{
		ID: id, Title: "Geoeditors monthly release (differentially private), " + span, Publisher: "Wikimedia Foundation",
		Year: last[0], Licence: "CC0-1.0", URL: "https://analytics.wikimedia.org/published/datasets/geoeditors_monthly/",
		Note: fmt.Sprintf("%d months, %s (%s): editors by country and wiki at three activity levels (1 to 4, 5 to 99, 100 or more edits), averaged over each year's months. Every count carries Laplace noise from the privacy budget epsilon (1.1, 0.2 or 0.1 by the country's risk): a count's noise has a standard deviation of √2/ε. Countries on the protection list are not in the release; a wiki and country below the release threshold are left out. Sums over wikis count an editor active on two wikis twice.",
			len(keys), span, strings.Join(files, ", ")),
	})
	r := release{name: "Geoeditors (differentially private) " + span, path: "Geoeditors " + span, source: id, full: true,
		years:  map[string][]int{},
		absent: absentFrom(true, "not in the release: below its threshold, or no editors"),
	}
	var years []int
	for y := range months {
		years = append(years, y)
	}
	sort.Ints(years)
	for _, ind := range []string{model.IndWPEditors, model.IndAllEditors, model.IndVeryActive} {
		r.years[ind] = years
	}
	r.wikiYears = years
	for k, s := range country {
		n := float64(months[k.year])
		pv := model.Provenance{Class: model.ClassReal, Source: id, Period: monthsOf(k.year, months[k.year])}
		wp, all := s.wp/n, s.all/n
		r.obs = append(r.obs,
			model.Observation{ISO2: k.iso2, Indicator: model.IndWPEditors, Year: k.year, Value: wp, Provenance: pv},
			model.Observation{ISO2: k.iso2, Indicator: model.IndAllEditors, Year: k.year, Value: all, Provenance: pv})
		// The catalog's very active share: of the active editors (5 or
		// more edits), those with 100 or more, as the older release gives
		// it, so that one input means one thing whichever release it
		// comes from.
		if s.active > 0 {
			r.obs = append(r.obs, model.Observation{ISO2: k.iso2, Indicator: model.IndVeryActive, Year: k.year, Value: 100 * s.veryActive / s.active, Provenance: pv})
		}
		if !math.IsInf(s.eps, 1) {
			r.noise = append(r.noise,
				model.Noise{ISO2: k.iso2, Indicator: model.IndWPEditors, Year: k.year, Epsilon: s.eps, SD: math.Sqrt(s.varWP) / n, SumEpsilon: s.sumEps, Threshold: s.threshold},
				model.Noise{ISO2: k.iso2, Indicator: model.IndAllEditors, Year: k.year, Epsilon: s.eps, SD: math.Sqrt(s.varAll) / n, SumEpsilon: s.sumEps, Threshold: s.threshold})
		}
	}
	r.wikis = make([]model.CountryWiki, 0, len(wikiSums))
	for k, w := range wikiSums {
		year := int(k >> 40)
		n := float64(months[year])
		active, very := w[0]/n, w[1]/n
		r.wikis = append(r.wikis, model.CountryWiki{ISO2: isoOf[k>>24&(1<<16-1)], Wiki: wikiOf[k&(1<<24-1)], Year: year,
			Editors: model.Bounds{Lower: active, Upper: active}, VeryActive: model.Bounds{Lower: very, Upper: very}})
	}
	b.releases = append(b.releases, r)
	b.res.Summary = append(b.res.Summary, fmt.Sprintf("Geoeditors (differentially private): %s, %s: editors of %s; counts carry privacy noise, kept beside each figure",
		plural(len(keys), "month"), span, plural(countriesIn(r.obs), "country")))
}

func lastYear(rel DPRelease) int {
	y := 0
	for _, m := range rel.Months {
		y = max(y, m.Year)
	}
	return y
}

// plural writes a count with its noun: "1 month", "12 months", "1 country".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
