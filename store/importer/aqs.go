package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/equitylandscape/equity/model"
)

// maxTopByCountry is the most of a top-by-country response ReadTopByCountry
// reads: a real month is some 50 KB, so a file of 64 MiB is not one, and
// is refused rather than decoded into memory.
const maxTopByCountry = 64 << 20

var errPVTooLarge = errors.New("file too large")

// pvCapReader fails a read once more than max bytes have been read.
type pvCapReader struct {
	r        io.Reader
	n, max   int64
	exceeded bool
}

func (c *pvCapReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > c.max {
		c.exceeded = true
		return 0, errPVTooLarge
	}
	return n, err
}

// pvJSONText is a JSON string or number, kept as its text, so that a field
// the API writes as a string ("year": "2015") reads the same as a number,
// and the other way round. null is "".
type pvJSONText struct {
	s   string
	set bool
}

func (t *pvJSONText) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*t = pvJSONText{}
	case len(b) >= 2 && b[0] == '"' && bytes.IndexByte(b, '\\') < 0 && utf8.Valid(b):
		// The common case, a string without escapes: the decoder has
		// checked its syntax already.
		*t = pvJSONText{s: string(b[1 : len(b)-1]), set: true}
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = pvJSONText{s: s, set: true}
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		*t = pvJSONText{s: string(b), set: true}
	default:
		return errors.New("a field that must be a string or a number is neither")
	}
	return nil
}

type aqsCountry struct {
	Country   pvJSONText `json:"country"`
	Views     pvJSONText `json:"views"`
	Rank      pvJSONText `json:"rank"`
	ViewsCeil pvJSONText `json:"views_ceil"`
}

type aqsItem struct {
	Project   pvJSONText   `json:"project"`
	Access    pvJSONText   `json:"access"`
	Year      pvJSONText   `json:"year"`
	Month     pvJSONText   `json:"month"`
	Countries []aqsCountry `json:"countries"`
}

// aqsResponse is a response of the endpoint, or the error the API answers
// with (HyperSwitch errors: type, title, detail).
type aqsResponse struct {
	Items  *[]aqsItem `json:"items"`
	Title  pvJSONText `json:"title"`
	Detail pvJSONText `json:"detail"`
}

// SniffTopByCountry reports whether the start of a file (its first few
// KB) looks like a top-by-country response: a JSON object with "items"
// whose entries have "countries" of "country".
func SniffTopByCountry(head []byte) bool {
	head = bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\uFEFF")))
	return len(head) > 0 && head[0] == '{' &&
		bytes.Contains(head, []byte(`"items"`)) &&
		bytes.Contains(head, []byte(`"countries"`)) &&
		bytes.Contains(head, []byte(`"country"`))
}

// ReadTopByCountry reads a response of the Wikimedia REST API
// metrics/pageviews/top-by-country/{project}/{access}/{year}/{month}, as
// saved from it: {"items": [{"project", "access", "year", "month",
// "countries": [{"country", "views", "rank", "views_ceil"}]}]}, for any
// project ("en.wikipedia", "all-projects", ...) and access, with one or
// more items (months). Country codes are ISO alpha-2; "--" is views of
// unknown location, counted in Unknown and reported once.
//
// views is a bucket of the count ("100000000-999999999") and views_ceil the
// count rounded up to the next thousand. The country's figure is
// views_ceil: it is the published count, at most 999 above the true one,
// where the bucket spans a factor of ten. Its bounds are where both
// agree: from the larger of the bucket's lower end and views_ceil less 999,
// to the smaller of the bucket's upper end and views_ceil (a count of
// 99,500 is in bucket 10000-99999 and has views_ceil 100,000). A country
// with a bucket and no views_ceil (older saved responses) gets the
// bucket's middle as its figure, reported once; a views that is a plain
// number is an exact count.
//
// Codes that are not among countries are reported once each and skipped.
// Fatal: not JSON or not this shape (an API error response says so with
// its detail), a file over 64 MiB, a month or year that is not one, a
// project that is not a project name, a count that is not a number, a
// bucket that disagrees with views_ceil, a country twice in one month of
// one project.
func ReadTopByCountry(r io.Reader, file string, countries []model.Country) (Views, Problems) {
	v := Views{File: file, Format: FormatTopByCountry}
	rep := newReport(file)
	cr := &pvCapReader{r: newInput(r), max: maxTopByCountry}
	dec := json.NewDecoder(cr)
	var resp aqsResponse
	if err := dec.Decode(&resp); err != nil {
		switch {
		case cr.exceeded:
			rep.fatal(0, "the file is larger than %d MiB: not a top-by-country response", maxTopByCountry>>20)
		case errors.Is(err, io.EOF):
			rep.fatal(0, "the file is empty: not a top-by-country response")
		default:
			rep.fatal(0, "not a top-by-country JSON response: %s", pvJSONProblem(err))
		}
		return v, rep.problems()
	}
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		if cr.exceeded {
			rep.fatal(0, "the file is larger than %d MiB: not a top-by-country response", maxTopByCountry>>20)
		} else {
			rep.fatal(0, "more than one JSON value in the file: save one response a file")
		}
		return v, rep.problems()
	}
	if resp.Items == nil {
		if resp.Detail.s != "" || resp.Title.s != "" {
			rep.fatal(0, "the file is an error answer of the API, not data: %s", clip(strings.TrimSpace(resp.Title.s+" "+resp.Detail.s)))
		} else {
			rep.fatal(0, `not a top-by-country response: no "items"`)
		}
		return v, rep.problems()
	}
	if len(*resp.Items) == 0 {
		rep.fatal(0, `not a top-by-country response: "items" is empty`)
		return v, rep.problems()
	}

	known := pvKnownISO2(countries)
	set := newPVMonths()
	unknown := newPVUnknownCodes()
	unknownRows, bucketOnly := 0, 0
	for i, it := range *resp.Items {
		item := fmt.Sprintf("item %d", i+1)
		project, ok := pvNormalizeProject(it.Project.s)
		if !ok {
			rep.fatal(0, "%s: project %s is not a project name such as en.wikipedia or all-projects", item, quote(it.Project.s))
			continue
		}
		access := strings.ToLower(strings.TrimSpace(it.Access.s))
		if !pvValidAccess(access) {
			rep.fatal(0, "%s: access %s is not all-access, desktop, mobile-app or mobile-web", item, quote(it.Access.s))
			continue
		}
		year, errY := strconv.Atoi(strings.TrimSpace(it.Year.s))
		month, errM := strconv.Atoi(strings.TrimSpace(it.Month.s))
		if errY != nil || errM != nil || pvCheckMonth(year, month) != nil {
			rep.fatal(0, "%s: year %s and month %s are not a month: the response must say which month it is of", item, quote(it.Year.s), quote(it.Month.s))
			continue
		}
		m := set.month(pvKey{project, access, year, month})
		for j, c := range it.Countries {
			where := fmt.Sprintf("%s, country %d", item, j+1)
			code := strings.ToUpper(strings.TrimSpace(c.Country.s))
			cv, onlyBucket, err := pvAQSFigure(c)
			if err != nil {
				rep.fatal(0, "%s (%s): %v", where, clip(code), err)
				continue
			}
			switch {
			case code == "":
				rep.fatal(0, "%s: no country code", where)
				continue
			case code == UnknownLocation:
				set.months[m].Unknown++
				unknownRows++
				continue
			case !known[code]:
				unknown.add(code, 0, where)
				continue
			}
			if !set.claim(rep, 0, m, code, "as "+where) {
				continue
			}
			if onlyBucket {
				bucketOnly++
			}
			cv.ISO2 = code
			set.months[m].Countries = append(set.months[m].Countries, cv)
		}
	}
	v.Months = set.months
	if bucketOnly > 0 {
		rep.warn(0, "no views_ceil in %s, only a views bucket: each is given its bucket's middle, a rough figure", rows(bucketOnly))
	}
	pvReportUnknownLocation(rep, unknownRows, UnknownLocation)
	unknown.report(rep, "country code")
	return v, rep.problems()
}

// pvValidAccess reports whether a is an access method of the API, or none.
func pvValidAccess(a string) bool {
	switch a {
	case "", "all-access", "desktop", "mobile-app", "mobile-web":
		return true
	}
	return false
}

// pvAQSFigure reads one country's figure and bounds; onlyBucket says the
// figure is a bucket's middle, for want of views_ceil.
func pvAQSFigure(c aqsCountry) (cv CountryViews, onlyBucket bool, err error) {
	if c.Rank.set {
		rank, err := strconv.Atoi(strings.TrimSpace(c.Rank.s))
		if err != nil || rank < 1 {
			return cv, false, fmt.Errorf("rank %s is not a whole number from 1", quote(c.Rank.s))
		}
		cv.Rank = rank
	}
	views := strings.TrimSpace(c.Views.s)
	var bucket model.Bounds
	hasBucket := false
	if lo, hi, isBucket := strings.Cut(views, "-"); isBucket {
		l, okL := pvWhole(lo)
		h, okH := pvWhole(hi)
		if !okL || !okH || l > h {
			return cv, false, fmt.Errorf("views %s is not a bucket such as 1000-9999", quote(views))
		}
		bucket, hasBucket = model.Bounds{Lower: l, Upper: h}, true
	} else if views != "" {
		n, ok := pvWhole(views)
		if !ok {
			return cv, false, fmt.Errorf("views %s is not a count", quote(views))
		}
		bucket, hasBucket = model.Bounds{Lower: n, Upper: n}, true
	}
	if !c.ViewsCeil.set {
		if !hasBucket {
			return cv, false, errors.New("no views and no views_ceil")
		}
		cv.Views, cv.Bounds = bucket.Mid(), bucket
		return cv, bucket.Lower != bucket.Upper, nil
	}
	ceil, ok := pvWhole(strings.TrimSpace(c.ViewsCeil.s))
	if !ok {
		return cv, false, fmt.Errorf("views_ceil %s is not a count", quote(c.ViewsCeil.s))
	}
	cv.Views, cv.Bounds = ceil, pvCeilBounds(ceil)
	if hasBucket {
		cv.Bounds.Lower = max(cv.Bounds.Lower, bucket.Lower)
		cv.Bounds.Upper = min(cv.Bounds.Upper, bucket.Upper)
		if cv.Bounds.Lower > cv.Bounds.Upper {
			return cv, false, fmt.Errorf("views_ceil %s is not in views bucket %s: the response contradicts itself", clip(c.ViewsCeil.s), quote(views))
		}
	}
	return cv, false, nil
}

// pvWhole reads a whole, non-negative count of at most 15 digits.
func pvWhole(s string) (float64, bool) {
	return parseCount([]byte(s))
}

// pvJSONProblem says what is wrong with a file that does not decode, in one
// line: where a syntax error is, or which field has the wrong type.
func pvJSONProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("invalid JSON at byte %d", syn.Offset)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "the top level"
		}
		return fmt.Sprintf("%s is a JSON %s where the response has %s", clip(field), typ.Value, pvJSONKind(typ.Type.Kind()))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the JSON ends before it is complete"
	}
	return clip(err.Error())
}

// pvJSONKind names what the response has where a file has something else.
func pvJSONKind(k reflect.Kind) string {
	switch k {
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Pointer:
		return "an object"
	}
	return "a string or number"
}
