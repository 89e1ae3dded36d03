// Package session keeps the user's verdicts and notes of a checklist as they
// go: one JSON file per use case and subject, under checklists/ in the user's
// data directory (DefaultDir; the environment variable EQUITY_DATA overrides
// it):
//
//	<dir>/checklists/uc1-NG.json
//	<dir>/checklists/uc2-region-south-asia.json
//
// The answers are kept by the year of the figures they were given for
// (format 2); a file of format 1, which had one set of verdicts, loads as
// the verdicts of the year it was saved on.
//
// Two windows may have one checklist open: Save reads the file on disk,
// merges it with what it saves (model.Merge: per question the answer given
// last wins, and so does the note written last) and writes the result, all
// under a lock file beside it ("<name>.lock"), so that neither drops the
// other's answers.
//
// Save writes a file atomically: a temporary file beside it is written,
// flushed to disk and renamed over it, so that a crash or a full disk leaves
// either the old file or the new one, never half of one. Load never
// overwrites or deletes a file it cannot read: it moves it aside to
// "<name>.corrupt-<UTC time>" and says so (CorruptError), and Save refuses to
// replace a file that is not a checklist of its use case and subject.
//
// The directory is private to the user (0700) and so are the files (0600):
// notes may say things about grantees that are not for everyone.
package session

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/equitylandscape/equity/model"
	"github.com/equitylandscape/equity/store"
)

// Version is the format version of the files Save writes; Load reads it and
// format 1.
const Version = 2

const (
	// checklistsDir is the directory of the checklists inside the data
	// directory.
	checklistsDir = "checklists"
	// maxFileSize is the largest file Load reads: far more than the notes of
	// nine questions; a larger file is not one equity wrote.
	maxFileSize = 4 << 20
	// maxKeyLen keeps a file name, with its "uc1-" and ".json.corrupt-…"
	// around the key, well under the 255 bytes file systems allow.
	maxKeyLen = 100
	// corruptStamp is the UTC time in the name of a file set aside.
	corruptStamp = "20060102T150405Z"
)

// Meta describes a checklist for the people who read the file and for the
// resume list, and says the year the verdicts saved are for.
type Meta struct {
	Subject string // the subject's display name: "Nigeria", "South Asia"
	Dataset string // the dataset's title or origin
	Year    int    // the year of the figures the verdicts were given for
}

// Saved is what a Save wrote for the year: the verdicts merged with those
// on disk, and the questions where another window's answer or note was
// newer and was taken in.
type Saved struct {
	Verdicts model.Verdicts
	TookIn   []string
}

// Entry is a saved checklist, as the resume list shows it.
type Entry struct {
	UseCase    int
	SubjectKey string // model.Subject.Key()
	Subject    string // display name, as saved (cleaned to one line)
	Dataset    string
	Year       int       // the latest year with an answer (or the only year of a format 1 file)
	Years      []int     // every year with answers, ascending
	Answered   int       // questions of the use case with an answer, in Year
	Questions  int       // questions of the use case
	Saved      time.Time // zero if the file does not say
	Path       string
	// Problem, when not "", says why the file cannot be read ("is not
	// valid JSON (…)"): the list shows it rather than hide it, and opening
	// the checklist sets the file aside.
	Problem string
}

// Store keeps checklists in a directory. It is safe for concurrent use; saves
// of one checklist should still come from one goroutine, in order, since the
// last one to finish is the one kept.
type Store struct {
	dir string
	mu  sync.Mutex // serialises reads, writes and moves of the files

	now   func() time.Time
	fault func(stage string) error // tests: make a stage of Save, or the move aside, fail

	removed []string // the leftover temporary files the last Save removed
}

// New returns a store of checklists under dir (DefaultDir, usually). It does
// no I/O: the directory is created, private to the user, on the first Save.
func New(dir string) *Store {
	return &Store{dir: dir, now: time.Now}
}

// Dir is the store's data directory.
func (s *Store) Dir() string { return s.dir }

// Path is the file of a use case's checklist for a subject, named by its key
// (model.Subject.Key()): <dir>/checklists/uc1-NG.json. A key that could
// reach outside the directory (a path separator, "..") or that is not made of
// letters, digits, '-', '_' and '.' is refused, and so is a use case that
// does not exist.
func (s *Store) Path(useCase int, subjectKey string) (string, error) {
	if s.dir == "" {
		return "", errors.New("the checklist store has no directory")
	}
	if _, ok := model.UseCaseByNumber(useCase); !ok {
		return "", fmt.Errorf("there is no use case %d: the use cases are 1 and 2", useCase)
	}
	if err := checkKey(subjectKey); err != nil {
		return "", err
	}
	return filepath.Join(s.dir, checklistsDir, fileName(useCase, subjectKey)), nil
}

func fileName(useCase int, key string) string {
	return fmt.Sprintf("uc%d-%s.json", useCase, key)
}

// checkKey refuses a subject key that is not a plain file name part.
func checkKey(key string) error {
	why := ""
	switch {
	case key == "":
		why = "is empty"
	case len(key) > maxKeyLen:
		why = fmt.Sprintf("is longer than %d bytes", maxKeyLen)
	case !utf8.ValidString(key):
		why = "is not valid UTF-8"
	case strings.Contains(key, ".."):
		why = `holds ".."`
	case strings.HasPrefix(key, "."):
		why = `starts with "."`
	}
	if why == "" {
		for _, r := range key {
			if r == '/' || r == '\\' {
				why = "holds a path separator"
				break
			}
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' && r != '.' {
				why = fmt.Sprintf("holds %q, which is not a letter, a digit, '-', '_' or '.'", r)
				break
			}
		}
	}
	if why != "" {
		return fmt.Errorf("the subject key %q is refused as a file name: it %s", key, why)
	}
	return nil
}

// file is the layout of a saved checklist. Format 2 keeps the verdicts by
// year ("years": {"2024": {"1.1": {…}}}); format 1 had one "year" and its
// "verdicts".
type file struct {
	Version    int                           `json:"version"`
	UseCase    int                           `json:"use_case"`
	SubjectKey string                        `json:"subject_key"`
	Subject    string                        `json:"subject"`
	Dataset    string                        `json:"dataset"`
	Saved      string                        `json:"saved"` // RFC 3339, UTC
	Years      map[string]map[string]verdict `json:"years,omitempty"`
	Year       int                           `json:"year,omitempty"`     // format 1
	Verdicts   map[string]verdict            `json:"verdicts,omitempty"` // format 1
}

// verdict is a model.Verdict as saved. A verdict with no answer and no note
// but a time is one cleared: it is kept so that a merge does not bring back
// an older answer from another window.
type verdict struct {
	Answer      string   `json:"answer"`
	Origin      string   `json:"origin,omitempty"`
	Keep        []string `json:"keep,omitempty"`
	Strike      []string `json:"strike,omitempty"`
	Add         []string `json:"add,omitempty"`
	Note        string   `json:"note"`
	Updated     string   `json:"updated"`
	NoteUpdated string   `json:"note_updated,omitempty"`
}

// forms are the answer forms of a use case's questions.
func forms(useCase int) map[string]model.AnswerForm {
	uc, _ := model.UseCaseByNumber(useCase)
	out := map[string]model.AnswerForm{}
	for _, q := range uc.Questions {
		out[q.ID] = q.Form
	}
	return out
}

// badAnswer says what is wrong with a verdict for a question, or "". A
// question the use case does not have takes the answers of yes/no.
func badAnswer(useCase int, id string, v model.Verdict) string {
	form, ok := forms(useCase)[id]
	if !ok {
		form = model.FormYesNo
	}
	return model.ValidVerdict(form, v)
}

func toModel(v verdict) model.Verdict {
	return model.Verdict{
		Answer: v.Answer, Origin: v.Origin,
		Keep: cleanCodes(v.Keep), Strike: cleanCodes(v.Strike), Add: cleanCodes(v.Add),
		Note: cleanNote(v.Note), Updated: model.CleanText(v.Updated), NoteUpdated: model.CleanText(v.NoteUpdated),
	}
}

func fromModel(v model.Verdict) verdict {
	return verdict{Answer: v.Answer, Origin: v.Origin, Keep: v.Keep, Strike: v.Strike, Add: v.Add, Note: v.Note, Updated: v.Updated, NoteUpdated: v.NoteUpdated}
}

// cleanCodes cleans the country codes of a set read from a file.
func cleanCodes(cs []string) []string {
	if len(cs) == 0 {
		return nil
	}
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		if c = model.CleanText(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// Load returns the saved verdicts of a use case's checklist for a subject,
// their notes cleaned of control characters (newlines are kept). A checklist
// never saved gives empty verdicts and no error. A file that is not a
// checklist of this use case and subject is moved aside and reported by a
// *CorruptError, with empty verdicts; if it cannot be moved, the
// *CorruptError says so (MovedTo is ""), the file is left untouched and Save
// will not replace it. The verdicts returned are never nil.
func (s *Store) Load(useCase int, subjectKey string) (model.VerdictsByYear, error) {
	empty := model.VerdictsByYear{}
	path, err := s.Path(useCase, subjectKey)
	if err != nil {
		return empty, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, reason, err := readFile(path, useCase, subjectKey)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return empty, nil
	case err != nil:
		return empty, fmt.Errorf("cannot read the saved checklist %s: %w", showPath(path), err)
	case reason != "":
		to, err := s.setAside(path)
		if err != nil {
			return empty, &CorruptError{Path: path, Reason: reason, Err: err}
		}
		return empty, &CorruptError{Path: path, MovedTo: to, Reason: reason}
	}
	return f.verdicts(), nil
}

// LoadYear is Load for the verdicts of one year (never nil).
func (s *Store) LoadYear(useCase int, subjectKey string, year int) (model.Verdicts, error) {
	all, err := s.Load(useCase, subjectKey)
	if v := all[year]; v != nil {
		return v, err
	}
	return model.Verdicts{}, err
}

// verdicts are the file's verdicts by year as the model has them, cleaned,
// with those cleared (kept for merging).
func (f *file) verdicts() model.VerdictsByYear {
	out := model.VerdictsByYear{}
	for y, vs := range f.years() {
		mv := make(model.Verdicts, len(vs))
		for id, v := range vs {
			if x := toModel(v); !x.Empty() || x.Updated != "" || x.NoteUpdated != "" {
				mv[id] = x
			}
		}
		out[y] = mv
	}
	return out
}

// years are the file's verdicts by year, whatever its format.
func (f *file) years() map[int]map[string]verdict {
	out := map[int]map[string]verdict{}
	if f.Version == 1 {
		if len(f.Verdicts) > 0 {
			out[f.Year] = f.Verdicts
		}
		return out
	}
	for y, vs := range f.Years {
		n, _ := strconv.Atoi(y) // decode checked it
		out[n] = vs
	}
	return out
}

// readFile reads a saved checklist and checks it against the use case and
// subject its name stands for. err is an I/O error (fs.ErrNotExist for no
// file); reason, when not "", says what is wrong with a file that was read.
func readFile(path string, useCase int, key string) (f file, reason string, err error) {
	fh, err := os.Open(path)
	if err != nil {
		return f, "", Cause(err)
	}
	b, err := io.ReadAll(io.LimitReader(fh, maxFileSize+1))
	fh.Close()
	if err != nil {
		return f, "", Cause(err)
	}
	if len(b) > maxFileSize {
		return f, fmt.Sprintf("is larger than %d MiB", maxFileSize>>20), nil
	}
	f, reason = decode(b, useCase, key)
	return f, reason, nil
}

// decode parses a saved checklist; reason says what is wrong with it.
func decode(b []byte, useCase int, key string) (f file, reason string) {
	// The version first: a file of another version is reported as such,
	// whatever its layout.
	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return f, jsonReason(err)
	}
	switch {
	case head.Version == nil:
		return f, "has no format version"
	case *head.Version != Version && *head.Version != 1:
		return f, fmt.Sprintf("is of format version %d, and this equity reads versions 1 and %d", *head.Version, Version)
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return f, jsonReason(err)
	}
	switch {
	case f.UseCase != useCase:
		return f, fmt.Sprintf("is for use case %d, not %d", f.UseCase, useCase)
	case f.SubjectKey != key:
		return f, fmt.Sprintf("is for the subject %q, not %q", f.SubjectKey, key)
	}
	if f.Version != 1 && (f.Year != 0 || len(f.Verdicts) > 0) {
		return f, "mixes the layouts of format 1 (\"year\", \"verdicts\") and 2 (\"years\")"
	}
	for y := range f.Years {
		if n, err := strconv.Atoi(y); err != nil || n < 0 || strconv.Itoa(n) != y {
			return f, fmt.Sprintf("has verdicts for the year %q, which is not a year", y)
		}
	}
	years := f.years()
	ys := make([]int, 0, len(years))
	for y := range years {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	for _, y := range ys {
		ids := make([]string, 0, len(years[y]))
		for id := range years[y] {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			if why := badAnswer(useCase, id, toModel(years[y][id])); why != "" {
				return f, fmt.Sprintf("has an answer to question %q (%d) that equity does not know: %s", id, y, why)
			}
		}
	}
	return f, ""
}

// jsonReason says what a decoding error means for the file.
func jsonReason(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("is not valid JSON (%s, at byte %d)", strings.TrimPrefix(syn.Error(), "json: "), syn.Offset)
	case errors.As(err, &typ) && typ.Field != "":
		return fmt.Sprintf("is not a checklist file (its field %q holds a JSON %s)", typ.Field, typ.Value)
	case errors.As(err, &typ):
		return fmt.Sprintf("is not a checklist file (it holds a JSON %s, not an object)", typ.Value)
	}
	return fmt.Sprintf("is not a checklist file (%s)", strings.TrimPrefix(err.Error(), "json: "))
}

// setAside moves a corrupt file to a name of its own beside it and returns
// that name. It never replaces a file set aside before.
func (s *Store) setAside(path string) (string, error) {
	base := path + ".corrupt-" + s.now().UTC().Format(corruptStamp)
	to := base
	for i := 2; ; i++ {
		_, err := os.Lstat(to)
		if errors.Is(err, fs.ErrNotExist) {
			break
		}
		if err != nil {
			return "", Cause(err)
		}
		if i > 1000 {
			return "", fmt.Errorf("%s and a thousand names like it are taken", filepath.Base(base))
		}
		to = base + "-" + strconv.Itoa(i)
	}
	if err := s.inject("set aside"); err != nil {
		return "", err
	}
	if err := os.Rename(path, to); err != nil {
		return "", Cause(err)
	}
	return to, nil
}

// Save keeps the verdicts of a use case's checklist for a subject, given
// for the year meta.Year, with meta for whoever reads the file. It merges
// them with the file on disk (another window's saves): the other years are
// kept as they are, and in this one, question by question, the answer given
// last wins and so does the note written last (model.Merge). It returns
// what it wrote for the year and what it took in from the file.
//
// It writes atomically: on any error the file saved before is as it was,
// and no temporary file is left. It refuses an answer Load would not read,
// and refuses to replace a file that is not a checklist of this use case
// and subject (one that Load reported corrupt and could not set aside, or
// that appeared since).
func (s *Store) Save(useCase int, subjectKey string, v model.Verdicts, meta Meta) (Saved, error) {
	path, err := s.Path(useCase, subjectKey)
	if err != nil {
		return Saved{}, err
	}
	ids := make([]string, 0, len(v))
	for id := range v {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if why := badAnswer(useCase, id, v[id]); why != "" {
			return Saved{}, fmt.Errorf("did not save the checklist to %s: question %q has an answer equity does not know (%s)", showPath(path), id, why)
		}
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	s.removed = nil
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Saved{}, fmt.Errorf("did not save the checklist: cannot create the directory %s (%w)", showPath(dir), Cause(err))
	}
	unlock, err := s.lock(path)
	if err != nil {
		return Saved{}, fmt.Errorf("did not save the checklist to %s: %w", showPath(path), err)
	}
	defer unlock()
	onDisk := model.VerdictsByYear{}
	switch f, reason, err := readFile(path, useCase, subjectKey); {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return Saved{}, fmt.Errorf("did not save the checklist: the file %s is there but cannot be read (%w), so it was kept", showPath(path), err)
	case reason != "":
		return Saved{}, fmt.Errorf("did not save the checklist: the file %s %s, so it was kept rather than overwritten; open the checklist again to set it aside", showPath(path), reason)
	default:
		onDisk = f.verdicts()
	}
	merged, took := model.Merge(v, onDisk[meta.Year])
	onDisk[meta.Year] = merged
	f := file{
		Version: Version, UseCase: useCase, SubjectKey: subjectKey,
		Subject: meta.Subject, Dataset: meta.Dataset,
		Saved: s.now().UTC().Format(time.RFC3339),
		Years: map[string]map[string]verdict{},
	}
	for y, vs := range onDisk {
		out := map[string]verdict{}
		for id, x := range vs {
			if !x.Empty() || x.Updated != "" || x.NoteUpdated != "" {
				out[id] = fromModel(x)
			}
		}
		if len(out) > 0 {
			f.Years[strconv.Itoa(y)] = out
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return Saved{}, fmt.Errorf("did not save the checklist to %s: %w", showPath(path), err)
	}
	// A save that was killed before it renamed its temporary file left it
	// here; one that cannot be removed now does no harm but take space.
	s.removed, _ = store.CleanLeftovers(dir)
	if err := s.writeAtomic(path, buf.Bytes()); err != nil {
		return Saved{}, err
	}
	return Saved{Verdicts: merged, TookIn: took}, nil
}

// Removed returns the temporary files of saves that were stopped before they
// finished (equity killed, the machine down) that the last Save removed. The
// package writes nothing to the terminal, which belongs to the interface:
// whoever calls Save may tell the user.
func (s *Store) Removed() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.removed)
}

// writeAtomic writes data to a temporary file in path's directory, flushes it
// to disk and renames it over path. On any error it removes the temporary
// file and path is untouched.
func (s *Store) writeAtomic(path string, data []byte) (err error) {
	failed := func(what string, err error) error {
		return fmt.Errorf("did not save the checklist to %s: %s failed (%w)", showPath(path), what, Cause(err))
	}
	if err := s.inject("create"); err != nil {
		return failed("creating a temporary file", err)
	}
	dir := filepath.Dir(path)
	// CreateTemp makes the file 0600: private, as a saved checklist is; its
	// name carries this process's id, so that CleanLeftovers can tell it
	// from the file of a save still under way.
	tmp, err := store.CreateTemp(dir)
	if err != nil {
		return failed("creating a temporary file", err)
	}
	tmpPath, closed := tmp.Name(), false
	defer func() {
		if err != nil {
			if !closed {
				tmp.Close()
			}
			os.Remove(tmpPath)
		}
	}()
	half := len(data) / 2
	if _, err := tmp.Write(data[:half]); err != nil {
		return failed("writing", err)
	}
	if err := s.inject("write"); err != nil {
		return failed("writing", err)
	}
	if _, err := tmp.Write(data[half:]); err != nil {
		return failed("writing", err)
	}
	if err := s.inject("sync"); err != nil {
		return failed("flushing to disk", err)
	}
	if err := tmp.Sync(); err != nil {
		return failed("flushing to disk", err)
	}
	closed = true
	if err := tmp.Close(); err != nil {
		return failed("closing the temporary file", err)
	}
	if err := s.inject("rename"); err != nil {
		return failed("moving the new file into place", err)
	}
	if err := os.Rename(tmpPath, path); err != nil {
		return failed("moving the new file into place", err)
	}
	syncDir(dir)
	return nil
}

// inject is the failure a test asked for at a stage of writeAtomic.
func (s *Store) inject(stage string) error {
	if s.fault == nil {
		return nil
	}
	return s.fault(stage)
}

// syncDir flushes a directory, so that a rename in it survives a crash. It
// is best effort: the file's contents are already on disk, the worst a crash
// can do without it is bring back the previous file, and some systems
// (Windows, some network file systems) cannot sync a directory at all.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// List returns the saved checklists, the latest saved first, for a resume
// list. A file that is not a valid checklist is skipped and left as it is:
// Load reports it when the checklist is opened. No directory yet is no
// checklists.
func (s *Store) List() ([]Entry, error) {
	if s.dir == "" {
		return nil, errors.New("the checklist store has no directory")
	}
	dir := filepath.Join(s.dir, checklistsDir)
	s.mu.Lock()
	defer s.mu.Unlock()
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot list the saved checklists in %s: %w", showPath(dir), Cause(err))
	}
	var out []Entry
	for _, de := range des {
		if de.IsDir() {
			continue
		}
		uc, key, ok := parseName(de.Name())
		if !ok {
			continue
		}
		path := filepath.Join(dir, de.Name())
		def, _ := model.UseCaseByNumber(uc)
		f, reason, err := readFile(path, uc, key)
		if err != nil {
			reason = "cannot be read (" + err.Error() + ")"
		}
		if reason != "" {
			out = append(out, Entry{UseCase: uc, SubjectKey: key, Subject: key, Questions: len(def.Questions), Path: path, Problem: model.CleanText(reason)})
			continue
		}
		saved, _ := time.Parse(time.RFC3339, f.Saved)
		e := Entry{
			UseCase: uc, SubjectKey: key,
			Subject: model.CleanText(f.Subject), Dataset: model.CleanText(f.Dataset),
			Questions: len(def.Questions), Saved: saved, Path: path,
		}
		byYear := f.verdicts()
		for y, vs := range byYear {
			if vs.Answered(def) > 0 || len(vs) > 0 {
				e.Years = append(e.Years, y)
			}
		}
		sort.Ints(e.Years)
		if len(e.Years) > 0 {
			e.Year = e.Years[len(e.Years)-1]
			e.Answered = byYear[e.Year].Answered(def)
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.Saved.Equal(b.Saved) {
			return a.Saved.After(b.Saved)
		}
		if a.UseCase != b.UseCase {
			return a.UseCase < b.UseCase
		}
		return a.SubjectKey < b.SubjectKey
	})
	return out, nil
}

// parseName reads the use case and subject key from a checklist's file
// name, exactly as Path makes it.
func parseName(name string) (useCase int, key string, ok bool) {
	rest, ok := strings.CutSuffix(name, ".json")
	if !ok {
		return 0, "", false
	}
	rest, ok = strings.CutPrefix(rest, "uc")
	if !ok {
		return 0, "", false
	}
	num, key, ok := strings.Cut(rest, "-")
	if !ok {
		return 0, "", false
	}
	useCase, err := strconv.Atoi(num)
	if err != nil || fileName(useCase, key) != name || checkKey(key) != nil {
		return 0, "", false
	}
	if _, known := model.UseCaseByNumber(useCase); !known {
		return 0, "", false
	}
	return useCase, key, true
}

// Cause drops the operation and path from an error of package os, for a
// message that names the file itself; errors.Is still sees what it wraps.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
