package session

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/equitylandscape/equity/model"
)

// Two explorer windows on one checklist: two stores on one directory, their
// saves interleaved, each with only the answers it was given. Neither drops
// the other's; per question the newest wins; each save says what it took in.
func TestTwoWindowsMerge(t *testing.T) {
	dir := t.TempDir()
	a, b := New(dir), New(dir)
	at := func(sec int) string { return fmt.Sprintf("2026-01-02T03:04:%02dZ", sec) }
	m := Meta{Subject: "Nigeria", Year: 2024}

	// Window A answers 1.1; window B, which read the file before, 1.3.
	wa := model.Verdicts{"1.1": {Answer: "yes", Updated: at(1)}}
	if _, err := a.Save(1, "NG", wa, m); err != nil {
		t.Fatal(err)
	}
	wb := model.Verdicts{"1.3": {Answer: "no", Updated: at(2)}}
	got, err := b.Save(1, "NG", wb, m)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.TookIn, []string{"1.1"}) || got.Verdicts["1.1"].Answer != "yes" || got.Verdicts["1.3"].Answer != "no" {
		t.Errorf("B's save: %+v; want 1.1 from A taken in beside its 1.3", got)
	}
	// A changes 1.3 after B, and writes a note on 1.1; B then changes 1.1's
	// answer (later) and its note (earlier than A's).
	wa["1.3"] = model.Verdict{Answer: "unsure", Updated: at(3)}
	wa["1.1"] = model.Verdict{Answer: "yes", Updated: at(1), Note: "A's note", NoteUpdated: at(5)}
	got, err = a.Save(1, "NG", wa, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.TookIn) != 0 {
		t.Errorf("A took in %v; B had nothing newer", got.TookIn)
	}
	wb = model.Verdicts{"1.1": {Answer: "no", Updated: at(6), Note: "B's note", NoteUpdated: at(4)}, "1.3": {Answer: "no", Updated: at(2)}}
	got, err = b.Save(1, "NG", wb, m)
	if err != nil {
		t.Fatal(err)
	}
	want := model.Verdicts{
		"1.1": {Answer: "no", Updated: at(6), Note: "A's note", NoteUpdated: at(5)},
		"1.3": {Answer: "unsure", Updated: at(3)},
	}
	if !reflect.DeepEqual(got.Verdicts, want) {
		t.Errorf("merged:\n%+v\nwant\n%+v", got.Verdicts, want)
	}
	if !slices.Equal(got.TookIn, []string{"1.1", "1.3"}) {
		t.Errorf("B took in %v, want [1.1 1.3]", got.TookIn)
	}
	// A clears 1.3 (a cleared verdict keeps its time): B's next save does
	// not bring it back.
	if _, err := a.Save(1, "NG", model.Verdicts{"1.3": {Updated: at(7)}}, m); err != nil {
		t.Fatal(err)
	}
	if got, err = b.Save(1, "NG", wb, m); err != nil {
		t.Fatal(err)
	}
	if got.Verdicts["1.3"].Answer != "" {
		t.Errorf("a verdict cleared in A came back from B: %+v", got.Verdicts["1.3"])
	}
	loaded, err := New(dir).LoadYear(1, "NG", 2024)
	if err != nil || !reflect.DeepEqual(loaded, got.Verdicts) {
		t.Errorf("Load = %+v, %v; want what the last save wrote, %+v", loaded, err, got.Verdicts)
	}
}

// Saves from two stores at once (two processes, as far as the mutex knows):
// the lock file keeps every answer.
func TestTwoWindowsAtOnce(t *testing.T) {
	dir := t.TempDir()
	stores := []*Store{New(dir), New(dir)}
	var wg sync.WaitGroup
	for w, s := range stores {
		wg.Go(func() {
			for i := range 10 {
				id := fmt.Sprintf("1.%d", 1+(w*10+i)%4)
				v := model.Verdicts{id: {Note: fmt.Sprintf("window %d, save %d", w, i), NoteUpdated: fmt.Sprintf("2026-01-02T03:%02d:%02dZ", w, i)}}
				if _, err := s.Save(1, "NG", v, meta); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	got, err := New(dir).LoadYear(1, "NG", meta.Year)
	if err != nil {
		t.Fatal(err)
	}
	// Each question's note is the one written last (window 1's later
	// minutes win over window 0's).
	for _, id := range []string{"1.1", "1.2", "1.3", "1.4"} {
		if got[id].Note == "" || got[id].Note[:8] != "window 1" {
			t.Errorf("%s: note %q; want window 1's last", id, got[id].Note)
		}
	}
	noTemp(t, filepath.Join(dir, "checklists"))
	if n := names(t, filepath.Join(dir, "checklists")); len(n) != 1 {
		t.Errorf("directory holds %v; want the checklist alone (no lock left)", n)
	}
}

// Answers are kept by year: a save for one year keeps the others.
func TestYears(t *testing.T) {
	s := newStore(t)
	if _, err := s.Save(1, "NG", model.Verdicts{"1.1": {Answer: "yes", Updated: "2026-01-01T00:00:00Z"}}, Meta{Year: 2023}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(1, "NG", model.Verdicts{"1.1": {Answer: "no", Updated: "2026-01-01T00:00:00Z"}, "1.4": {Answer: "3", Origin: model.CountOwn, Updated: "2026-01-01T00:00:00Z"}}, Meta{Year: 2024}); err != nil {
		t.Fatal(err)
	}
	all, err := s.Load(1, "NG")
	if err != nil {
		t.Fatal(err)
	}
	if all[2023]["1.1"].Answer != "yes" || all[2024]["1.1"].Answer != "no" || all[2024]["1.4"].Answer != "3" || len(all) != 2 {
		t.Errorf("Load = %+v", all)
	}
	if v, _ := s.LoadYear(1, "NG", 2022); v == nil || len(v) != 0 {
		t.Errorf("a year with no answers: %+v", v)
	}
	es, _ := s.List()
	if len(es) != 1 || !slices.Equal(es[0].Years, []int{2023, 2024}) || es[0].Year != 2024 || es[0].Answered != 2 {
		t.Errorf("List = %+v", es)
	}
}

// A file of format 1 loads as the verdicts of its year, and the next save
// writes format 2 with them kept.
func TestFormat1Loads(t *testing.T) {
	s := newStore(t)
	path := mustPath(t, s, 2, "KE")
	old := `{"version": 1, "use_case": 2, "subject_key": "KE", "subject": "Kenya", "dataset": "sample", "year": 2023,
	  "saved": "2025-03-04T10:00:00Z",
	  "verdicts": {"2.1": {"answer": "yes", "note": "old note", "updated": "2025-03-04T10:00:00Z"},
	               "2.4": {"answer": "unsure", "note": "", "updated": "2025-03-04T10:00:00Z"}}}`
	writeBytes(t, path, []byte(old))
	all, err := s.Load(2, "KE")
	if err != nil {
		t.Fatal(err)
	}
	want := model.Verdicts{
		"2.1": {Answer: "yes", Note: "old note", Updated: "2025-03-04T10:00:00Z"},
		"2.4": {Answer: "unsure", Updated: "2025-03-04T10:00:00Z"},
	}
	if !reflect.DeepEqual(all, model.VerdictsByYear{2023: want}) {
		t.Errorf("Load = %+v", all)
	}
	// The old yes on 2.1, now a set question, is kept as given.
	if _, err := s.Save(2, "KE", model.Verdicts{"2.4": {Answer: model.ScaleSome, Updated: "2026-01-01T00:00:00Z"}}, Meta{Year: 2024}); err != nil {
		t.Fatal(err)
	}
	var f map[string]any
	if err := json.Unmarshal(readBytes(t, path), &f); err != nil {
		t.Fatal(err)
	}
	years, _ := f["years"].(map[string]any)
	if f["version"] != 2.0 || years["2023"] == nil || years["2024"] == nil || f["verdicts"] != nil {
		t.Errorf("after a save: %v", f)
	}
}

// Answers in each form are kept; one Load would not read is refused.
func TestAnswerForms(t *testing.T) {
	s := newStore(t)
	v := model.Verdicts{
		"2.1": {Answer: model.VerdictSet, Keep: []string{"KE"}, Strike: []string{"UG"}, Add: []string{"TZ"}, Updated: "2026-01-01T00:00:00Z"},
		"2.2": {Answer: model.VerdictNo, Updated: "2026-01-01T00:00:00Z"},
		"2.4": {Answer: model.ScaleGreat, Updated: "2026-01-01T00:00:00Z"},
	}
	if _, err := s.Save(2, "region-east-africa", v, meta); err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadYear(2, "region-east-africa", meta.Year)
	if err != nil || !reflect.DeepEqual(got, v) {
		t.Errorf("Load = %+v, %v\nwant %+v", got, err, v)
	}
	for id, bad := range map[string]model.Verdict{
		"2.4": {Answer: "lots"},
		"2.1": {Answer: "3"},
		"2.2": {Answer: model.ScaleSome},
	} {
		if _, err := s.Save(2, "region-east-africa", model.Verdicts{id: bad}, meta); err == nil {
			t.Errorf("%s: %+v saved", id, bad)
		}
	}
	if _, err := s.Save(1, "NG", model.Verdicts{"1.4": {Answer: "4", Origin: model.CountFromData}}, meta); err != nil {
		t.Errorf("a count: %v", err)
	}
}

// A lock file left by an equity stopped mid-save holds a save back for a
// while only; a lock that cannot be taken fails the save in one sentence.
func TestLockFault(t *testing.T) {
	s := newStore(t)
	s.fault = func(stage string) error {
		if stage == "lock" {
			return errors.New("no space left on device")
		}
		return nil
	}
	_, err := s.Save(1, "NG", verdicts(), meta)
	if err == nil {
		t.Fatal("saved without the lock")
	}
	oneSentence(t, err)
}
